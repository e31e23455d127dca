# frozenset: hashable, usable as a key and a set member.
f = frozenset([1, 2, 3])
g = frozenset({3, 2, 1})
print(f, frozenset(), f == g, hash(f) == hash(g), f == {1, 2, 3})
d = {f: "fs"}
print(d[g], {frozenset(): 1}[frozenset()])
s = {f, g, frozenset([1])}
print(len(s))
print(f | {4}, f & {1, 9}, f - {1}, type(f | {4}), type({4} | f))
print(f.union([5]), f.issubset({1, 2, 3, 4}), frozenset("ab") == frozenset("ba"))
