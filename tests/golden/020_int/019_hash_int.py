# hash() of ints follows CPython's modular rule.
for x in (0, 1, -1, -2, 2**61 - 2, 2**61 - 1, 2**61, 2**64, -(2**64), 10**30):
    print(x, hash(x))
print(hash(1) == hash(1.0), hash(2**70) == hash(float(2**70)))
