# Extended-slice assignment needs equal lengths; plain slices can change length.
a = list(range(8))
a[::2] = [10, 20, 30, 40]
print(a)
a[1::3] = "xyz"
print(a)
a[::-1] = range(8)
print(a)
a[5:1:-1] = [None] * 4
print(a)
a[2:6] = []
print(a)
a[:0] = [-1, -2]
print(a)
a[1:1] = "ab"
print(a)
