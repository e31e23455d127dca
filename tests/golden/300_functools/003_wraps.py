# functools.wraps / update_wrapper copy the metadata of the wrapped function.
import functools


def logged(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        print("calling", func.__name__, args, kwargs)
        return func(*args, **kwargs)
    return wrapper


@logged
def add(a, b=0):
    """Add two numbers."""
    return a + b


print(add(2, b=3))
print(add.__name__, add.__doc__, add.__qualname__, add.__module__)
print(add.__wrapped__(10, 20), add.__wrapped__.__name__)


def plain(x):
    "plain doc"
    return x


def other(*a):
    return "other"


other.extra = 1
plain.attr = "kept"
w = functools.update_wrapper(other, plain)
print(w is other, w.__name__, w.__doc__, w.attr, w.extra, w.__wrapped__ is plain)

# Stacked decorators each keep the name.
def twice(f):
    @functools.wraps(f)
    def inner(*a):
        return f(f(*a))
    return inner


@twice
@logged
def inc(x):
    return x + 1


print(inc(1), inc.__name__)
print(functools.WRAPPER_ASSIGNMENTS, functools.WRAPPER_UPDATES)
