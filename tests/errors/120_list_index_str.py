# TypeError: a string used as a list index.
items = [1, 2]
print(items["0"])
