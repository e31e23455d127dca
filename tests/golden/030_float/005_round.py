# round() uses round-half-even on the exact binary value.
for x in (0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 0.49999999999999994, 2.675, 1.005):
    print(x, round(x), round(x, 2), round(x, 1))
print(round(2.675, 2), round(0.125, 2), round(0.375, 2), round(1234.5678, -2), round(1234.5678, 1))
print(round(-1234.5678, -1), round(5e-324, 300), round(1e300, -300), round(123.456, 0))
print(type(round(2.5)), type(round(2.5, 0)), round(0.0), round(-0.0, 1))
print(round(1.23456789e10, 3), round(7.0), round(1e20))
