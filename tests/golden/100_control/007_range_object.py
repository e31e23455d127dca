# range: len, indexing, slicing, membership, equality and repr.
r = range(0, 20, 3)
print(r, len(r), r[0], r[-1], r[2], list(r[1:4]), r[::-1], list(r[::-2]))
print(range(5), range(1, 5), range(1, 5, 2), range(5, 1, -1), len(range(5, 1, -1)))
print(9 in r, 10 in r, -3 in r, r.index(9), r.count(9), range(10**20)[-1])
print(range(0) == range(5, 5), range(0, 3) == range(3), list(range(-3)), range(3)[-3])
print(range(2**70, 2**70 + 5)[2], len(range(-10, 10, 7)), list(range(10, -10, -7)))
print(r.start, r.stop, r.step, range(10)[2:8:3], list(reversed(range(4))))
