# del on names, items, slices and several targets at once.
a = 1
b = [1, 2, 3, 4]
c = {"k": 1, "j": 2}
del a
print("deleted")
del b[0], c["k"]
print(b, c)
x, y = 1, 2
del x, y
d = [[1, 2], [3, 4]]
del d[0][1]
print(d)
del (d[1])
print(d)
def f():
    v = 5
    del v
    return "local deleted"
print(f())
