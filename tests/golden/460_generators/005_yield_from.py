def inner():
    x = yield "i1"
    print("inner got", x)
    yield "i2"
    return "inner result"
def outer():
    r = yield from inner()
    print("outer got", r)
    yield from [10, 20]
    yield from range(2)
    return "outer done"
g = outer()
print(next(g))
print(g.send("hello"))
print(list(g))
def delegate_throw():
    try:
        yield from inner()
    except KeyError as e:
        print("outer caught", e)
        yield "after"
d = delegate_throw()
next(d)
print(d.throw(KeyError("k")))
def flatten(x):
    for i in x:
        if isinstance(i, list):
            yield from flatten(i)
        else:
            yield i
print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))
