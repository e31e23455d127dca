# floor division and modulo of floats keep Python's sign rules and -0.0.
for a in (5.5, -5.5, 0.0, -0.0, 1e300):
    for b in (2.0, -2.0, 0.75, -1e-3):
        print(a, b, a // b, a % b)
