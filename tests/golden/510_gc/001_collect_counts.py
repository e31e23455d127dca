import gc
gc.collect()
for _ in range(100):
    a = []
    a.append(a)
del a
print(gc.collect())
print(gc.collect())
for _ in range(10):
    x = [1]
    y = [x]
    x.append(y)
del x, y
print(gc.collect())
d = {}
d["self"] = d
del d
print(gc.collect())
print(type(gc.collect()).__name__)
