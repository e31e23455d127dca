# str/repr of big ints and conversions to other bases.
for x in (2**63, -(2**63) - 1, 10**50, -(10**50) + 1):
    print(x, repr(x), hex(x), oct(x), bin(x)[:12], len(bin(x)))
print(str(-0), str(10**18), str(-(10**18)))
print(hex(255), hex(-255), oct(8), oct(-8), bin(5), bin(-5), bin(0), hex(0))
