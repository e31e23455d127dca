def g():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("GeneratorExit seen")
        raise
    finally:
        print("cleanup")
it = g()
next(it)
it.close()
print("closed")
it.close()
try:
    next(it)
except StopIteration:
    print("stop after close")
def bad():
    try:
        yield 1
    except GeneratorExit:
        yield 2
b = bad()
next(b)
try:
    b.close()
except RuntimeError as e:
    print(e)
def never_started():
    print("never")
    yield
n = never_started()
n.close()
print("closed unstarted")
def returns_on_close():
    try:
        yield 1
    except GeneratorExit:
        return "ignored"
r = returns_on_close()
next(r)
print(r.close())
