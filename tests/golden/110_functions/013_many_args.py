# Many parameters and arguments.
def f(a, b, c, d, e, f, g, h, i, j, k=11, l=12):
    return a + b + c + d + e + f + g + h + i + j + k + l
print(f(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), f(*range(12)), f(*range(10), l=0))
def g(*args):
    return len(args), sum(args)
print(g(*range(1000)), g(*[1] * 300))
