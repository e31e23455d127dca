# bool(), callable() and hash() of hashable values.
print(bool(), bool(0), bool(1), bool(-1), bool(""), bool("0"), bool([]), bool([0]), bool(None))
print(bool(0.0), bool(float("nan")), bool(range(0)), bool({}), bool({0}), bool(()))
print(callable(len), callable(print), callable(lambda: 0), callable(1), callable("s"), callable(int))
print(hash(0), hash(1), hash(-1), hash(True), hash(False), hash(None) == hash(None))
print(hash(1.0), hash(0.5), hash(-0.0), hash(1e100) == hash(10**100), hash(2**64) == hash(2.0**64))
print(hash((1, 2)) == hash((1, 2)), hash("a") == hash("a"), hash(frozenset()) == hash(frozenset()))
