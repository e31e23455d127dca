# min/max over iterables and arguments, with key and default.
print(min(3, 1, 2), max(3, 1, 2), min([4, -1]), max("hello"), min((2.5, 2)), max(1, 1.0))
print(max([1, 1.0]), min(1.0, 1), max([], default="empty"), min((), default=None))
print(max(["apple", "fig", "banana"], key=len), min(["apple", "fig", "kiwi"], key=len))
print(max([-3, 2, -5], key=abs), min([-3, 2, -5], key=abs), max(2, -7, key=abs))
print(max([("a", 2), ("b", 1)], key=lambda p: p[1]), max({"x": 5, "y": 9}), max(range(5)))
print(max([3], default=0), min([1, 2], key=lambda x: 0), max([1, 2], key=lambda x: 0))
print(max(2**64, 2.0**64 + 1e5), min(-0.0, 0), max(True, 1), max("a", "B"))
