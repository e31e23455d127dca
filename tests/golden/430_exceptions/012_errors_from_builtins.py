NONE = None
tests = [
    lambda: [1][5], lambda: (1,)[2], lambda: "ab"[9], lambda: {}["missing"],
    lambda: {1: 2}[3], lambda: int("x1"), lambda: float("y"), lambda: 1 / 0, lambda: 1 % 0,
    lambda: 1.0 / 0, lambda: 2 ** 10000.0, lambda: undefined_name, lambda: [].pop(),
    lambda: {}.popitem(), lambda: set().pop(), lambda: "a".index("b"), lambda: [1].index(2),
    lambda: [1].remove(5), lambda: next(iter([])), lambda: int(None), lambda: len(5),
    lambda: "a" + 1, lambda: NONE(), lambda: (1, 2).x, lambda: chr(-1), lambda: ord("ab"),
    lambda: range(1, 2, 0), lambda: [1, 2, 3][::0], lambda: dict([(1, 2, 3)]),
    lambda: sorted([1, "a"]), lambda: divmod(1, 0), lambda: "x" * "y", lambda: hash([]),
    lambda: {[]: 1}, lambda: int("99", 40),
]
for t in tests:
    try:
        t()
        print("no error")
    except Exception as e:
        print(type(e).__name__ + ":", e)
