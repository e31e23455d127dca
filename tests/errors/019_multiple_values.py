# TypeError: an argument given both by position and by keyword.
def f(a, b):
    return a
f(1, a=2)
