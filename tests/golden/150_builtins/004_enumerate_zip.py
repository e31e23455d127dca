# enumerate with start; zip stops at the shortest.
print(list(enumerate("abc")), list(enumerate("abc", 10)), list(enumerate([], 1)))
print(list(enumerate("ab", start=-1)), list(enumerate(range(3), 2**64)))
print(list(zip()), list(zip([1, 2, 3])), list(zip("abc", [1, 2])), list(zip(range(3), "xy", (True,) * 5)))
names = ["a", "b"]
vals = [1, 2]
print(dict(zip(names, vals)))
for i, (n, v) in enumerate(zip(names, vals)):
    print(i, n, v)
z = zip([1, 2], [3, 4])
print(next(z), list(z))
