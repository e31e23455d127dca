def g():
    x = yield
    print("x =", x)
    y = (yield x * 2) + 1
    print("y =", y)
    z = None
    yield y, z
it = g()
print(next(it))
print(it.send(4))
print(it.send(9))
def lambda_yield():
    f = yield (yield 1)
    yield f
lg = lambda_yield()
print(next(lg), lg.send("a"), lg.send("b"))
