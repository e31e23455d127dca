# AttributeError: a method the type does not have.
items = [3, 1, 2]
items.push(4)
