# del with indices and slices.
a = list(range(12))
del a[0]
print(a)
del a[-1]
print(a)
del a[2:5]
print(a)
del a[::3]
print(a)
del a[::-2]
print(a)
del a[100:]
print(a)
