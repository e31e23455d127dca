# Tuples holding mutable items.
t = ([1], {"a": 1})
t[0].append(2)
t[1]["b"] = 2
print(t)
pairs = ((1, "one"), (2, "two"), (3, "three"))
for n, name in pairs:
    print(n, name)
d = {}
d[(1, 2)] = "pt"
d[(1, (2, 3))] = "nested"
print(d[(1, 2)], d[1, (2, 3)], (1, 2) in d)
print(tuple(sorted(((2, "b"), (1, "z"), (2, "a")))))
