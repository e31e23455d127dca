# Set operators and their method forms (printed sorted or as small ints).
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b, [7]), a.intersection(b, {4}), a.difference([1], [2]), a.symmetric_difference([1, 9]))
print(a <= b, a < a, a <= a, {1} < a, a >= {1, 2}, a > a, a == {4, 3, 2, 1}, a != b)
print(a.issubset(range(10)), a.issuperset([1]), a.isdisjoint(b), a.isdisjoint({9}))
print(set() == set(), set() < {1}, len(a | b), 3 in a, 7 not in a)
