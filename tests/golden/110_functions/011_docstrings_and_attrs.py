# Docstrings and a function's name.
def documented(x):
    """Return x doubled."""
    return x * 2
def undocumented():
    return 1
print(documented.__doc__, undocumented.__doc__, documented.__name__, documented(4))
def outer():
    def inner():
        "inner doc"
    return inner
print(outer().__doc__, outer().__name__)
