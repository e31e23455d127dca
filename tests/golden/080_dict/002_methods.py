# get, setdefault, pop, popitem, update, copy, clear, fromkeys.
d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("a", 5), d.setdefault("c", 3), d)
print(d.setdefault("n"), d)
print(d.pop("a"), d.pop("zz", "default"), d)
print(d.popitem(), d.popitem(), d)
d.update({"x": 1}, y=2)
d.update([("z", 3), ("x", 10)])
d.update(w=0)
print(d)
c = d.copy()
c["x"] = "changed"
print(d["x"], c["x"])
d.clear()
print(d, len(d), c)
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0), dict.fromkeys([]))
