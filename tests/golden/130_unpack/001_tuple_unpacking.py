# Unpacking into tuples and lists, nested, from any iterable.
a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
(c, d), e = (3, 4), 5
print(c, d, e)
[f, g] = "xy"
print(f, g)
h, (i, [j, k]) = 1, (2, (3, 4))
print(h, i, j, k)
x, y, z = range(3)
print(x, y, z)
p, q = {"k1": 1, "k2": 2}
print(p, q)
m, = [42]
print(m)
(n,) = (7,)
print(n)
