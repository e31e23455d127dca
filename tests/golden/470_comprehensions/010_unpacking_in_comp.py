pairs = [(1, "a"), (2, "b")]
print([f"{n}{s}" for n, s in pairs])
print([x for x, *_ in [(1, 2, 3), (4, 5)]])
print([[*row, 0] for row in [[1], [2, 3]]])
print({**{k: 0 for k in "ab"}, "c": 1})
print([*range(3), *(x * x for x in range(3))])
nested = [((1, 2), 3), ((4, 5), 6)]
print([a + b + c for (a, b), c in nested])
