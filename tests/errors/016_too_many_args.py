# TypeError: too many positional arguments.
def add(a, b):
    return a + b
add(1, 2, 3)
