# The type of each builtin function result.
print(type(len("x")), type(abs(-1.5)), type(divmod(1, 2)), type(round(1.5)), type(round(1.5, 1)))
print(type(sorted("ab")), type(str(1)), type(repr(1)), type(hex(1)), type(chr(65)), type(ord("a")))
print(type(pow(2, -1)), type(pow(2, 2)), type(sum([1.0])), type(min(1, 2.0)), type(bool(1)))
