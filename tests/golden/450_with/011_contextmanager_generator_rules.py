from contextlib import contextmanager
@contextmanager
def no_yield():
    if False:
        yield
try:
    with no_yield():
        pass
except RuntimeError as e:
    print(e)
@contextmanager
def two_yields():
    yield 1
    yield 2
try:
    with two_yields():
        pass
except RuntimeError as e:
    print(e)
@contextmanager
def reraise_other():
    try:
        yield
    except ValueError:
        raise TypeError("converted")
try:
    with reraise_other():
        raise ValueError("orig")
except TypeError as e:
    print(e, repr(e.__context__))
