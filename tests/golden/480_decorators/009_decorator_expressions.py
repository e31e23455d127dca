decorators = {"double": lambda f: lambda x: 2 * f(x)}
@decorators["double"]
def f(x):
    return x + 1
print(f(3))
class NS:
    @staticmethod
    def inc(f):
        return lambda x: f(x) + 1
@NS.inc
def g(x):
    return x
print(g(1))
@(lambda f: f)
def h():
    return "identity"
print(h())
