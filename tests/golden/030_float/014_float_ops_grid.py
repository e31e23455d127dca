# float operators over a grid including zeros, infinities and tiny numbers.
inf = float("inf")
vals = [0.0, -0.0, 1.0, -1.5, 0.1, 3.0, 1e300, -1e-300, 5e-324, inf, -inf, 7, -2]
for a in vals:
    for b in vals:
        row = [a + b, a - b, a * b, a < b, a == b]
        if b != 0:
            row += [a / b]
            if a != inf and a != -inf:
                row += [a // b, a % b]
        print(repr(a), repr(b), row)
