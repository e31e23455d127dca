# dict() in all its forms.
print(dict(), dict(a=1, b=2), dict([("a", 1), ("b", 2)]), dict({"x": 1}, y=2))
print(dict(zip("abc", range(3))), dict([(1, 2), [3, 4], "xy"]), dict({}.items()))
print(dict(dict(a=1)), {**{"a": 1}, "b": 2, **{"a": 3}}, {"k": 1, "k": 2})
