# Bitwise operators on bools and mixes.
print(True & True, True | False, True ^ True, type(True & True), type(True & 1), True & 3)
print(6 & 3, 6 | 3, 6 ^ 3, 1 << 0, 8 >> 3, -8 >> 1, -1 & 0xFF, -1 ^ 0xF, 0 | 0)
print(2**100 & 2**99, (2**100 | 1) & 3, (2**100) ^ (2**100), ~(2**100), -(2**100) & 0xFFFF)
