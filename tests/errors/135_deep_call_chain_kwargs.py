# A traceback through calls with keyword arguments and defaults.
def level3(x, *, scale=1):
    return x * scale / (x - x)
def level2(x, **kw):
    return level3(x, **kw)
def level1(values):
    total = 0
    for v in values:
        total += level2(v, scale=2)
    return total
print(level1([1.5, 2.5]))
