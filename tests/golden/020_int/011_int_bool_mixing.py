# bool is an int subclass.
print(True + 1, True * 3.5, False - 1, True / 2, True // 1, True % 2)
print(True == 1, False == 0, 1 + True + True)
print(True & False, True | False, True ^ True, ~True, ~False, -False)
print(True << 3, True ** 10, isinstance(True, int), type(True + True))
print(sum([True, True, False, True]), max(True, 2), min(False, -1))
print(int(True), str(True + 0), repr(True), 5 * False)
print(True > False, True < 2, hash(True) == hash(1))
