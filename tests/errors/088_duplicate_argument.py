# SyntaxError: the same parameter name twice.
def f(x, x):
    return x
