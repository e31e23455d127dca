# Insertion order survives deletions and re-insertions.
d = {}
for k in "abcdef":
    d[k] = ord(k)
print(d)
del d["b"]
del d["e"]
print(d, list(d))
d["b"] = 0
print(d)
d["a"] = 99
print(d, list(d.keys()))
d.pop("c")
d["c"] = 3
print(d)
for i in range(100):
    d[i] = i
for i in range(100):
    if i != 50:
        del d[i]
print(d)
e = {3: "c", 1: "a", 2: "b"}
print(e, list(e.values()), list(e.items()))
