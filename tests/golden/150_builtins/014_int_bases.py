# int() with every base from 2 to 36, base 0, and underscores.
for base in (2, 3, 8, 10, 16, 36):
    print(base, int("101", base), int("-11", base), int("1_0", base))
print(int("zz", 36), int("ZZ", 36), int("0b1111", 2), int("0O17", 8), int("0X1f", 16))
print(int("0b_1_0", 0), int("0x_ff", 0), int("12", 0), int(" +0o7 ", 0))
print(int("1" * 40, 16), int("-" + "7" * 25, 8))
