# Every basic type inside an f-string, with and without specs.
vals = [0, -1, 2**64, 0.1, -0.0, 1e16, float("inf"), "s", "", None, True, [1], (1,), {"k": 1}, {2}, b"b"]
for v in vals:
    print(f"{v}|{v!r}|{v!s:>10}|")
