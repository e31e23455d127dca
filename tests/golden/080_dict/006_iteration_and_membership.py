# Iterating, in, comparisons and len.
d = {"one": 1, "two": 2, "three": 3}
for k in d:
    print(k, d[k])
print("one" in d, 1 in d, "four" not in d, len(d))
print({"a": 1, "b": 2} == {"b": 2, "a": 1}, {"a": 1} == {"a": 1.0}, {} == {}, {1: 2} != {1: 3})
total = 0
for v in d.values():
    total += v
print(total, sorted(d), sorted(d, key=d.get), max(d, key=len), min(d.values()))
