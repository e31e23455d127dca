# str() of every basic type.
print(str(), str(0), str(-12), str(1.5), str(True), str(None), str([1, "a"]), str((1,)))
print(str({"a": 1}), str({1}), str(""), str(b"bytes"), str(10**30), str(-0.0))
print(str("x") is not None, str(range(3)), str(set()), str(frozenset()))
print(str(b"a", "utf-8"), str(b"\xc3\xa9", "utf-8"))
