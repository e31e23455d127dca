# Locals shadow globals; assignment anywhere makes a name local.
x = "global"
def read():
    return x
def shadow():
    x = "local"
    return x
def param(x):
    x = x + "!"
    return x
print(read(), shadow(), param("arg"), x)
def counter():
    total = 0
    for i in range(5):
        total += i
    return total
print(counter(), counter())
def uses_builtin():
    return len("abc")
def shadows_builtin():
    len = lambda s: -1
    return len("abc")
print(uses_builtin(), shadows_builtin(), len("xy"))
