def g():
    yield 1
    raise StopIteration("leak")
try:
    list(g())
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))
def g2():
    yield 1
    next(iter([]))
try:
    for x in g2():
        print(x)
except RuntimeError as e:
    print(e)
def g3():
    return
    yield
print(list(g3()))
def g4():
    try:
        next(iter([]))
    except StopIteration:
        yield "handled"
print(list(g4()))
