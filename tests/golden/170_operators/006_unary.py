# Unary operators on every numeric type.
for v in (0, 5, -5, 2**63, -(2**63), 0.0, -2.5, True, False):
    print(repr(v), -v, +v, not v, abs(v))
for v in (0, 5, -5, 2**63, True):
    print(~v, ~~v, -~v, ~-v)
print(- - 1, - + - 1, not not 0, --5, ~~7)
