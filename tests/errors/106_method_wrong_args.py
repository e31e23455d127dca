# TypeError: a method called with too many arguments.
items = [1, 2]
items.append(3, 4)
