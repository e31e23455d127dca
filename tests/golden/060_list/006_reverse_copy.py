# reverse in place, copy is shallow, list() copies.
a = [1, [2, 3], 4]
b = a.copy()
c = list(a)
d = a[:]
a.reverse()
print(a, b, c, d)
b[1].append(99)
print(a, c)
print(b is a, b == c, b[1] is a[1])
e = []
e.reverse()
print(e, [1].copy())
