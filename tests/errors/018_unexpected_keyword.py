# TypeError: a keyword argument the function does not have.
def f(a, b=1):
    return a
f(1, c=2)
