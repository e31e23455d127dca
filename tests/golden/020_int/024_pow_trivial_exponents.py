# x ** 0, x ** 1 and x ** 2 for small and big bases of both signs.
for x in (0, 1, -1, 2, -2, 2**62 - 1, 2**62, -(2**62), 2**63, -(2**63) - 1, 10**20, -(10**30)):
    print(x, x ** 0, x ** 1, x ** 2, pow(x, 0), pow(x, 1, 1000), pow(x, 0, 7), type(x ** 0))
