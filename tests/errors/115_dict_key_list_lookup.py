# TypeError: looking up an unhashable key.
d = {"a": 1}
print(d[["a"]])
