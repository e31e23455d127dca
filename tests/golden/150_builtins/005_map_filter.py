# map with one and several iterables; filter with a function and with None.
print(list(map(str, [1, 2, 3])), list(map(len, ["a", "bb", ""])), list(map(pow, [2, 3], [5, 2])))
print(list(map(lambda a, b, c: a + b + c, [1, 2], [10, 20, 30], [100, 200])))
print(list(filter(lambda x: x % 2, range(10))), list(filter(None, [0, 1, "", "x", [], [0], None])))
print(list(filter(str.isdigit, "a1b2c3")), list(map(int, "123")), list(map(abs, ())))
m = map(lambda x: x * x, range(4))
print(next(m), next(m), list(m), list(m))
