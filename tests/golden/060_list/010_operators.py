# + * += *= comparisons and membership on lists.
a = [1, 2]
b = a
a += [3]
print(a, b, a is b)
a = a + [4]
print(a, b, a is b)
b *= 2
print(b)
print([0] * 3, [[]] * 2, [1, 2] * 0, [1] * -1, 2 * [None])
grid = [[0] * 2] * 2
grid[0][0] = 1
print(grid)
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] < [0], [2] > [1, 9], [1, 2] == [1, 2.0])
print(3 in [1, 2, 3], [1] in [[1]], 4 not in [1], [1, [2]] == [1, [2]])
c = [1]
c += "ab"
c += (3,)
c += range(2)
print(c)
