# int() from strings, floats, bools and with bases.
print(int(), int(0), int(-5), int(True), int(3.99), int(-3.99), int(1e20))
print(int("42"), int("  -42  "), int("+7"), int("1_000"), int("0"), int("-0"))
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0), int("0o17", 0), int("0b101", 0))
print(int("z", 36), int("Z", 36), int("10", 2), int("777", 8), int("-101", 2))
print(int("123456789012345678901234567890"), int("-99999999999999999999", 10))
print(int("1" * 30, 2), int("0", 0), int("00", 0), int("1_0", 0))
print(int(2.5), int(-2.5), int(1e100) == 10**100, int(float(2**63)))
print(int("\t\n12\n"), int(" 0x10 ", 16))
