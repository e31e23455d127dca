# contextlib.ExitStack: callbacks, enter_context, push, pop_all, LIFO order.
from contextlib import ExitStack, contextmanager


@contextmanager
def resource(name):
    print("open", name)
    yield name
    print("close", name)


with ExitStack() as stack:
    names = [stack.enter_context(resource(n)) for n in ("a", "b", "c")]
    stack.callback(print, "callback", 1)
    stack.callback(print, "callback", 2, sep="|")
    print("body", names)

with ExitStack() as stack:
    stack.push(lambda *exc: True)
    raise ValueError("ignored by the stack")
print("stack suppressed")

try:
    with ExitStack() as stack:
        stack.push(lambda *exc: False)
        raise KeyError("propagates")
except KeyError as e:
    print("propagated", e)

with ExitStack() as stack:
    stack.enter_context(resource("kept"))
    moved = stack.pop_all()
print("after with: still open")
moved.close()


def cleanup_exc(exc_type, exc, tb):
    print("cleanup saw", exc_type.__name__ if exc_type else None)


with ExitStack() as stack:
    stack.push(cleanup_exc)
    print("no error")
try:
    with ExitStack() as stack:
        stack.push(cleanup_exc)
        raise IndexError("x")
except IndexError:
    print("IndexError propagated")
try:
    with ExitStack() as stack:
        stack.enter_context(42)
except TypeError as e:
    print(type(e).__name__, e)
