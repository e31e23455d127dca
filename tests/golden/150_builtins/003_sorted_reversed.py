# sorted returns a new list; reversed gives an iterator.
data = [5, 2, 9, 1]
print(sorted(data), data, sorted(data, reverse=True), sorted("cba"), sorted({"b": 1, "a": 2}))
print(list(reversed(data)), list(reversed("abc")), list(reversed(range(5))), list(reversed((1, 2))))
print(sorted([3, 1, 2], key=lambda x: -x), sorted(["B", "a", "C"], key=str.lower))
print(sorted([(1, "b"), (0, "z"), (1, "a")]), sorted([-2, 1, -1, 2], key=abs))
r = reversed([1, 2, 3])
print(next(r), list(r), list(r))
print(list(reversed({"a": 1, "b": 2})), sorted(reversed(data)))
