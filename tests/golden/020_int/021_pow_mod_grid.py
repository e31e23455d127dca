# pow(a, b, m) over signs and sizes.
for a in (0, 1, -1, 2, -3, 10**20 + 1, -(2**65)):
    for b in (0, 1, 2, 17, 100, 2**64):
        for m in (1, 2, 7, -7, 2**61 - 1, 10**30 + 57):
            print(a, b, m, pow(a, b, m))
