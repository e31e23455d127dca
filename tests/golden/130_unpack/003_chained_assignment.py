# Chained assignment binds the same object to every target, left to right.
a = b = c = []
a.append(1)
print(a, b, c, a is c)
x = y = 5
x += 1
print(x, y)
i = j = k = 0
print(i, j, k)
lst = [0, 0, 0]
idx = lst[idx] = 1 if False else 2 if True else 0
print(lst, idx)
p, q = r = 1, 2
print(p, q, r)
