# list() from every iterable kind.
print(list(), list("abc"), list((1, 2)), list(range(3)), list({"a": 1, "b": 2}))
print(list({"a": 1}.items()), list({3: 4}.values()), list(b"AB"), list([]))
print(list(reversed([1, 2, 3])), list(enumerate("ab")), list(zip([1, 2], "xy")))
print(list(map(abs, [-1, -2])), list(filter(None, [0, 1, "", "a"])), list(sorted({3, 1, 2})))
