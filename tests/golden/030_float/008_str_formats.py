# str() of floats near the exponent switch points.
for e in range(-8, 20, 3):
    print(e, 10.0 ** e, 1.5 * 10.0 ** e, -2.25 * 10.0 ** e)
print(1e15, 9999999999999998.0, 1e16, 12345678901234567.0)
print(0.0001, 0.00011, 0.00009, 1.0e-4 * 0.1)
