# in and is over every container type.
print(1 in [1, 2], 1 in (1,), 1 in {1}, 1 in {1: 0}, 0 in {1: 0}, "a" in "abc", "ab" in ["ab"])
print(1 in range(3), 5 in range(0, 10, 5), 3 in range(0, 10, 2), 2**70 in range(2**71))
print(b"a" in b"abc", 97 in b"abc", [] in [[]], (1, 2) in [(1, 2)], None in [None])
print(1.0 in [1], True in [1], "1" in [1], float("nan") in [float("nan")])
nan = float("nan")
print(nan in [nan], nan in (nan,), nan in {nan})
a = []
print(a is a, a is not [], [] is [] if False else False, "x" not in "abc")
