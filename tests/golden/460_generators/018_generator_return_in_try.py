def g():
    try:
        yield 1
        return "ret"
    finally:
        print("finally before StopIteration")
it = g()
next(it)
try:
    next(it)
except StopIteration as e:
    print("value", e.value)
def h():
    for i in range(3):
        try:
            yield i
        finally:
            print("f", i)
print(list(h()))
