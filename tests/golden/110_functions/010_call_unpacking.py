# Calls with several * and ** unpackings mixed with plain arguments.
def show(a, b, c, d=0, *rest, **kw):
    return a, b, c, d, rest, kw
print(show(1, *[2, 3]))
print(show(*"ab", *("c",), 9, 8, 7))
print(show(1, 2, **{"c": 3}, e=5))
print(show(*range(3), d=4, **{"x": 1}, **{"y": 2}))
args = (1, 2)
kwargs = {"c": 3, "d": 4}
print(show(*args, **kwargs), print(*[1, 2, 3], sep="+"))
print(*"spread", sep=".")
print(max(*[3, 9, 2]), min(*"zebra"))
