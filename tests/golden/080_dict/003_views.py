# keys/values/items views are live and support set operations on keys.
d = {"a": 1, "b": 2, "c": 3}
k = d.keys()
v = d.values()
it = d.items()
print(k, v, it, len(k), "a" in k, 1 in v, ("a", 1) in it, ("a", 2) in it)
d["d"] = 4
del d["a"]
print(k, v, it)
print(sorted(k & {"b", "x"}), sorted(k | {"z"}), sorted(k - {"b"}), sorted(k ^ {"b", "q"}))
print(list(reversed(k)), list(reversed(d.values())), k == {"b", "c", "d"})
print(sorted(it), list(it)[0])
for key, val in d.items():
    print(key, val)
