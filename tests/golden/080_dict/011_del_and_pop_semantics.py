# del and pop from dicts; popitem is last in, first out.
d = {}
for i in range(6):
    d[i] = i * i
del d[0]
print(d.popitem(), d.popitem(), d)
d[10] = 100
print(d.popitem(), d)
d.pop(2)
print(d)
print(list(d.keys()), list(d.values()))
