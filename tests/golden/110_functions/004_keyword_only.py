# Keyword-only parameters after * or *args.
def f(a, *, b, c=3):
    return a, b, c
print(f(1, b=2), f(1, c=0, b=9), f(a=0, b=0))
def g(*args, sep="-", end="!"):
    return sep.join(args) + end
print(g("a", "b"), g("x", "y", sep="+"), g(end="?"), g(*"abc", end=""))
def h(a, b=1, *args, c, d=4, **kw):
    return a, b, args, c, d, kw
print(h(1, c=3))
print(h(1, 2, 3, 4, c=5, e=6))
print(h(*[1, 2], c=0, **{"d": 9, "z": 8}))
