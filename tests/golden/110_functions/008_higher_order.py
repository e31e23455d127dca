# Functions are values: passed, returned, stored.
def apply_twice(f, x):
    return f(f(x))
def add3(x):
    return x + 3
print(apply_twice(add3, 1), apply_twice(lambda s: s + s, "ab"))
ops = {"add": lambda a, b: a + b, "mul": lambda a, b: a * b, "pow": pow}
for name in ops:
    print(name, ops[name](3, 4))
fs = [add3, abs, str, len]
print(fs[0](1), fs[1](-2), fs[2](3), fs[3]("four"))
def compose(f, g):
    return lambda x: f(g(x))
print(compose(str, abs)(-7), compose(len, str)(12345))
print(add3.__name__, (lambda: 0).__name__, len.__name__, callable(add3), callable(3))
