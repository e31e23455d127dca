# Built-in constants as literals.
print(None, True, False, ...)
print(Ellipsis is ..., type(...))
print(True + True, False * 10, -True)
x = ...
print(x)
