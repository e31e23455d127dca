# collections.defaultdict: default factories, __missing__, repr and copy.
from collections import defaultdict

groups = defaultdict(list)
for word in ["apple", "bob", "avocado", "cat", "banana"]:
    groups[word[0]].append(word)
print(groups)
print(groups["a"], groups["z"], len(groups), "q" in groups, groups.get("w"))
print(dict(groups), isinstance(groups, dict), groups == dict(groups))

counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(counts, sorted(counts.items()))
print(defaultdict(), defaultdict(None, {"a": 1}), defaultdict(set, a={1}), defaultdict(lambda: "?", x=1)["y"])
nested = defaultdict(lambda: defaultdict(int))
nested["a"]["b"] += 2
print(dict(nested["a"]), nested.default_factory is not None)
d = defaultdict(str)
print(repr(d["k"]), d)
try:
    defaultdict()["missing"]
except KeyError as e:
    print(type(e).__name__, e)
try:
    defaultdict(5)
except TypeError as e:
    print(type(e).__name__, e)
c = groups.copy()
c["new"].append(1)
print(type(c).__name__, "new" in groups, c.default_factory is list)


class Tree(defaultdict):
    def __init__(self):
        super().__init__(Tree)


t = Tree()
t["a"]["b"]["c"] = 1
print(t["a"]["b"]["c"], type(t["a"]).__name__)
d2 = defaultdict(int, {"a": 1}) | {"b": 2}
print(d2, type(d2).__name__)
d.default_factory = list
d["x"].append(3)
print(d)
