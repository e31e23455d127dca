# round(x, n) for many x and n, including ties that binary floats cannot hold exactly.
xs = [0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 2.675, 1.005, 123.456, -0.0005, 1e-10, 5e15 + 0.5,
      1234567.891, 0.1 + 0.2, 1 / 3, 99.995, 1e22, 7.0]
for x in xs:
    row = []
    for n in (-3, -1, 0, 1, 2, 3, 10):
        row.append(round(x, n))
    print(x, round(x), row)
