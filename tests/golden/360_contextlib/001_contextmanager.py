# contextlib.contextmanager: setup/teardown, exceptions, suppression, misuse.
from contextlib import contextmanager


@contextmanager
def tag(name):
    """Wrap output in <name> tags."""
    print("<%s>" % name)
    try:
        yield name.upper()
    finally:
        print("</%s>" % name)


with tag("h1") as t:
    print("inside", t)
with tag("outer"), tag("inner") as inner:
    print("nested", inner)
try:
    with tag("p"):
        raise ValueError("boom")
except ValueError as e:
    print("caught", type(e).__name__, e)


@contextmanager
def swallow(kind):
    try:
        yield
    except kind as e:
        print("swallowed", repr(e))


with swallow(KeyError):
    raise KeyError("k")
print("after swallow")
try:
    with swallow(KeyError):
        raise IndexError("not swallowed")
except IndexError as e:
    print("propagated", e)


@contextmanager
def noyield():
    if False:
        yield


try:
    with noyield():
        pass
except RuntimeError as e:
    print(type(e).__name__, e)


@contextmanager
def twice():
    yield 1
    yield 2


try:
    with twice():
        pass
except RuntimeError as e:
    print(type(e).__name__, e)


@contextmanager
def keeps_going():
    try:
        yield
    except ZeroDivisionError:
        yield


try:
    with keeps_going():
        1 / 0
except RuntimeError as e:
    print(type(e).__name__, e)


@contextmanager
def transform():
    try:
        yield
    except ValueError as e:
        raise TypeError("transformed") from e


try:
    with transform():
        raise ValueError("original")
except TypeError as e:
    print(type(e).__name__, e, "cause:", repr(e.__cause__))


@tag("decorated")
def work(x):
    print("working on", x)
    return x * 2


print(work(1))
print(work(2))
print(tag("z").__doc__, tag.__name__, tag.__doc__, work.__name__)


@contextmanager
def stop_inside():
    yield


try:
    with stop_inside():
        raise StopIteration("from body")
except StopIteration as e:
    print("StopIteration kept:", e)
