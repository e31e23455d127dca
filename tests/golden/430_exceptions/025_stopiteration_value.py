def gen():
    yield 1
    return "retval"
g = gen()
next(g)
try:
    next(g)
except StopIteration as e:
    print(repr(e), e.value, e.args)
e = StopIteration(5, 6)
print(e.value, e.args)
print(StopIteration().value)
