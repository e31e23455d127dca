def f(a, b=2):
    c = a + b
    return sorted(vars()), sorted(dir()), sorted(locals())
print(f(1))
class K:
    x = 1
    names = sorted(n for n in vars() if not n.startswith("__"))
print(K.names)
g = sorted(n for n in dir() if not n.startswith("__"))
print(g)
