# Slice assignment that grows, shrinks, inserts and deletes.
a = list(range(6))
a[1:3] = ["x", "y", "z"]
print(a)
a[1:4] = []
print(a)
a[2:2] = [7, 8]
print(a)
a[:] = "abc"
print(a)
a[len(a):] = [1, 2]
print(a)
a[-1:] = range(3)
print(a)
b = list(range(10))
b[::2] = "ABCDE"
print(b)
b[::-3] = [0, 0, 0, 0]
print(b)
b[1:9:4] = (None, None)
print(b)
c = [1, 2, 3]
c[1:2] = c
print(c)
d = [1, 2, 3]
d[5:10] = [9]
print(d)
d[-100:1] = ["s"]
print(d)
del d[::2]
print(d)
