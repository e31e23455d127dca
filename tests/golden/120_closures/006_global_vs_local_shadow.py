# A nested function's names resolve local, enclosing, global, builtin.
x = "global x"
def f():
    x = "enclosing x"
    def g():
        return x
    return g()
def h():
    def g():
        return x
    return g()
def k():
    def g():
        return len
    return g()("abc") if False else g() is len
print(f(), h(), k())
def shadow_param(x):
    def inner():
        return x
    x = x * 2
    return inner()
print(shadow_param(21))
