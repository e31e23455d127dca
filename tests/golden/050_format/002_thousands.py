# The , and _ grouping options.
for n in (0, 999, 1000, -1234567, 10**20, 1234.5, -0.001):
    print("{:,}".format(n), "{:_}".format(n), "{:,.2f}".format(n), "{:>15,}".format(n))
print("{:_b}".format(255), "{:_x}".format(0xdeadbeef), "{:_o}".format(8**9), "{:#_x}".format(2**40))
print("{:010,}".format(1234), "{:,d}".format(-9876543), "{:,.0f}".format(1e6))
