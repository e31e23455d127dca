# isinstance with single types and tuples; type() and its printed form.
print(isinstance(1, int), isinstance(True, int), isinstance(1, bool), isinstance(1.0, int))
print(isinstance("s", (int, str)), isinstance([], (tuple, dict)), isinstance(None, type(None)))
print(isinstance(3, (float, (bool, int))), isinstance({}, dict), isinstance(range(1), range))
print(type(1), type(1.0), type("s"), type([]), type(()), type({}), type(set()), type(None))
print(type(True), type(b""), type(range(1)), type(len), type(frozenset()), type(slice(1)))
print(type(1) is int, type(True) == bool, type(type(1)), type(int), isinstance(int, type))
def f():
    pass
print(type(f), type(lambda: 0), type(iter([])), type(zip()), type(map(str, [])))
