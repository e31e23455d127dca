# float() from strings, ints and bools.
print(float(), float(1), float(-0), float(True), float(10**20), float(2**100))
print(float("1.5"), float("  -2.5e3  "), float("+.5"), float("5."), float("1_000.5"))
print(float("inf"), float("-Infinity"), float("nan"), float("1e500"), float("-1e-500"))
print(float("0x10" if False else "16"), float("1E3"), float("00012.50"))
print(float(" \t3.25\n"), float(2**53 + 1), float(-(2**63)))
