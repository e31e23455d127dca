# SyntaxError: a bare * with no keyword-only parameter after it.
def f(a, *, **kw):
    return a
