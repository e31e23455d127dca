# remove, pop (with indices) and clear.
a = [3, 1, 4, 1, 5, 9, 2, 6]
a.remove(1)
print(a)
print(a.pop(), a.pop(0), a.pop(-2), a.pop(1), a)
a.clear()
print(a, len(a))
b = [1, 1.0, True]
b.remove(True)
print(b)
c = ["x", "y", "z"]
del c[1]
print(c)
del c[:]
print(c)
