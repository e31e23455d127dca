# Tuple comparison is lexicographic and stops at the first difference.
ts = [(), (0,), (1,), (1, 2), (1, 2, 3), (1, 3), (2,), (1.0, 2), (True, 2.0), (0, "a"), (-1, 99)]
for a in ts:
    row = []
    for b in ts:
        row.append("<" if a < b else ">" if a > b else "=" if a == b else "?")
    print(repr(a).ljust(12), "".join(row), a <= a, hash(a) == hash(tuple(list(a))))
print(sorted(ts, key=lambda t: (len(t), t)))
