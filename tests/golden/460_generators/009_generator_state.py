def g():
    yield 1
    yield 2
it = g()
print(it.gi_running)
next(it)
next(it)
try:
    next(it)
except StopIteration:
    pass
print(it.gi_running)
print(g.__name__, it.__name__, it.__qualname__)
print(iter(it) is it)
def running_check():
    yield gen.gi_running
gen = running_check()
print(next(gen))
