# TypeError: next() on a list, which is not an iterator.
items = [1, 2]
print(next(items))
