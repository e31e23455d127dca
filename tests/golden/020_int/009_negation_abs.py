# Unary minus and abs at the tag boundaries.
for x in (2**62 - 1, 2**62, -(2**62), -(2**62) - 1, 2**63 - 1, -(2**63), 2**63, 0, 1, -1):
    print(x, -x, abs(x), -(-x) == x, abs(-x) == abs(x), +x)
print(-(-(2**62)), abs(-(2**62)))
