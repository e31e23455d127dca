# TypeError: list() of an int.
print(list(5))
