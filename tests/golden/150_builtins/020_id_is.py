# is compares identity; small values are shared only where the language guarantees it.
a = [1]
b = a
c = [1]
print(a is b, a is c, a == c, id(a) == id(b), id(a) == id(c), None is None)
x = None
print(x is None, x is not None, True is True, (a is b) is True, type(1) is int)
def f():
    pass
print(f is f, f() is None, ... is Ellipsis)
