def inner():
    try:
        yield 1
        yield 2
    finally:
        print("inner closed")
def outer():
    try:
        yield from inner()
    finally:
        print("outer closed")
g = outer()
print(next(g))
g.close()
def inner2():
    yield 1
    return "inner2 value"
def outer2():
    v = yield from inner2()
    yield v
print(list(outer2()))
