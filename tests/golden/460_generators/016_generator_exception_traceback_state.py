import sys
def g():
    try:
        raise KeyError("inside")
    except KeyError:
        yield sys.exc_info()[0].__name__
        yield sys.exc_info()[0].__name__
    yield sys.exc_info()[0]
it = g()
print(next(it))
try:
    raise ValueError
except ValueError:
    print(next(it))
print(next(it))
