# repr of many computed floats: quotients, powers of ten, sums.
for i in range(1, 30):
    print(i, 1 / i, i / 7, i * 0.1, i ** 0.5, 10.0 ** (i - 15), 2.0 ** (i * 37 - 500), i / 3 * 3)
for e in (-324, -323, -310, -308, -307, -300, -100, -17, -16, -5, -4, 0, 15, 16, 17, 22, 23, 300, 308):
    print(e, float("1e%d" % e), float("9.99e%d" % e) if e < 308 else 1.5e308)
