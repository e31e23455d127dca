# TypeError: a positional-only parameter passed by keyword.
def f(a, /, b):
    return a + b
f(a=1, b=2)
