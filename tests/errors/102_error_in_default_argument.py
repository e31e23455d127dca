# An error while evaluating a default value, at definition time.
def f(x=1 // 0):
    return x
