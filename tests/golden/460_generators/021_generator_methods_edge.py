def g():
    try:
        yield 1
    except ValueError as e:
        yield "caught " + str(e)
it = g()
next(it)
print(it.throw(ValueError, ValueError("instance")))
def h():
    x = yield 1
    yield x
it = h()
print(it.send(None), it.send("value"))
try:
    it.send("again")
except StopIteration:
    print("done")
try:
    it.throw(KeyError("after end"))
except KeyError as e:
    print("throw after end raises", e)
def counter():
    n = 0
    while True:
        cmd = yield n
        if cmd == "reset":
            n = 0
        else:
            n += 1
c = counter()
print([next(c), next(c), c.send("reset"), next(c), next(c)])
