# TypeError: can only concatenate str (not "int") to str, inside a loop in a function.
def label(items):
    out = []
    for i in range(len(items)):
        out.append("item " + i)
    return out
label(["a"])
