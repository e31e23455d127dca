# lambda with defaults, *args, keyword-only and nested lambdas.
f = lambda: 42
g = lambda x, y=10: x + y
h = lambda *a, **k: (a, k)
k = lambda x, *, y: x - y
print(f(), g(1), g(1, 2), h(1, z=2), k(5, y=3))
adder = lambda n: lambda x: x + n
print(adder(5)(10), (lambda x: x * 2)(21), (lambda: (lambda: "deep")())())
print(sorted([3, -1, 2], key=lambda v: -v), list(map(lambda a, b: a * b, [1, 2], [3, 4])))
