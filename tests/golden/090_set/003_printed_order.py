# Small ints print in hash order, which CPython makes predictable.
print({5, 3, 1, 4, 2}, {10, 1, 100}, {-1, -2, 0}, {33, 1, 65}, set([8, 16, 0]))
print(set(range(20)), {3.0, 1.5}, {True, 2}, {0, False, 0.0})
s = set()
for i in [40, 2, 30, 8, 1]:
    s.add(i)
print(s)
s.remove(2)
s.add(64)
print(s, sorted(s))
print(set("aaa"), sorted(set("hello world")), set([None]), {(1, 2), (1, 2)})
