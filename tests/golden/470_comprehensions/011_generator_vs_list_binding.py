xs = [1, 2, 3]
g = (x for x in xs)
xs = [10, 20]
print(list(g))
ys = [1, 2]
g2 = (y + z for y in ys for z in ys)
ys.append(3)
print(list(g2))
