# TypeError: ** with a non-string key.
def f(**kw):
    return kw
f(**{1: "one"})
