# sum with a start value and with floats, bools and big ints.
print(sum([]), sum([1, 2, 3]), sum([1, 2, 3], 10), sum(range(101)), sum([0.1] * 3))
print(sum([1.5, 2], 0.5), sum([True, True, 3]), sum([2**63, 2**63]), sum([], 5.5))
print(sum([[1], [2, 3]], []), sum(((1,), (2,)), ()), sum([1, -1, 10**20], start=7))
print(sum([1e100, 1.0, -1e100]), sum([0.1, 0.2, 0.3]), sum(range(10**5)))
