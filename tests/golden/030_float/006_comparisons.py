# float comparisons, with ints and in chains.
print(1.0 < 2, 2 < 2.5 < 3, 0.1 + 0.2 > 0.3, 0.1 + 0.2 == 0.30000000000000004)
print(1e308 < 10**309, 2**1024 > 1e308, -0.0 < 0.0, -0.0 == 0)
print(sorted([3.5, -1, 2, 0.0, -0.5, 10**20, 1e19]))
print(max(1.0, 1), max(1, 1.0), min(0.0, -0.0), min(-0.0, 0.0))
print(1.0 in [1], 1 in [1.0], 2.0 == 2, hash(2.0) == hash(2), hash(0.5))
