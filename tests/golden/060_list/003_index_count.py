# index with start/stop and count with mixed types.
a = [1, 2, 3, 2, 1, 2.0, True]
print(a.index(2), a.index(2, 2), a.index(2, -3), a.index(1), a.index(3, 0, 3))
print(a.count(2), a.count(1), a.count(True), a.count("2"), [].count(0))
print([[1], [2]].index([2]), [None, 0].index(0), ["a", "b"].count("b"))
