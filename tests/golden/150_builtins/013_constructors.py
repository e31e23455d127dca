# list, tuple, dict, set, frozenset, str, int, float, bool from other values.
print(list("ab"), tuple([1]), dict([("a", 1)]), set((1, 1)), frozenset([2, 2]), str(12))
print(int("12"), float("1.5"), bool("x"), list(range(3)), tuple({"k": 1}), dict(a=[1]))
print(list(list([1])), tuple(tuple((2,))), str(str("s")), int(int(3)), float(float(2)))
print(list(), tuple(), dict(), set(), frozenset(), str(), int(), float(), bool())
