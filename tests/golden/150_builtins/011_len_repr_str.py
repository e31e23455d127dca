# len of every sized type; repr vs str.
print(len("abc"), len([1, 2]), len((1,)), len({"a": 1}), len({1, 2, 2}), len(range(0, 10, 3)))
print(len(b"xyz"), len(frozenset("ab")), len(""), len({}.keys()), len(range(-5)))
for v in ("s", 1, 1.5, None, True, [1, "a"], ("x",), {"k": "v"}, {1}, b"b", range(2)):
    print(repr(v), str(v))
