# Assignment targets are bound left to right after the right side is evaluated.
a = [0, 0, 0]
i = 0
i, a[i] = 2, "x"
print(i, a)
a[i], i = "y", 0
print(i, a)
x = [1, 2, 3]
x[0], x[1:] = x[-1], [7]
print(x)
p = q = r = None
(p, q), r = "ab", [1, 2]
print(p, q, r)
m = {}
m["a"], m["b"], *m["rest"] = range(5)
print(m)
b, c = c, b = 1, 2
print(b, c)
