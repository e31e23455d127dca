# * and ** inside list, tuple, set and dict displays.
a = [1, 2]
b = (3, 4)
print([*a, *b], (*a, 0, *b), [*"hi", *range(2)], (*a,))
print({*a, *b, 1}, {**{"x": 1}, "y": 2, **dict(z=3)})
print([*[], *()], [*a] is a, len([*a, *a]))
