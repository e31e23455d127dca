# What cannot be pickled, and how: CPython's exception types and messages.
import pickle


def show(e):
    # Addresses differ from run to run: hide them.
    pieces = str(e).split(" at 0x")
    for i in range(1, len(pieces)):
        rest = pieces[i]
        while rest and rest[0] in "0123456789abcdef":
            rest = rest[1:]
        pieces[i] = rest
    text = " at 0x...".join(pieces)
    print(type(e).__name__, text)


def outer():
    def inner():
        pass
    return inner


def make_class():
    class Local:
        pass
    return Local


class Reducer:
    def __init__(self, rv):
        self.rv = rv

    def __reduce__(self):
        return self.rv


def gen():
    yield 1


class Holder:
    def __init__(self, what):
        self.what = what


cases = [
    lambda: 1,
    outer(),
    make_class(),
    make_class()(),
    [1, 2, lambda x: x],
    Holder(outer()),
    gen(),
    pickle,
    Reducer(5),
    Reducer(()),
    Reducer((1, 2, 3, 4, 5, 6, 7)),
    Reducer((1, ())),
    Reducer((list, [])),
    Reducer((list, (), None, 5)),
    Reducer((dict, (), None, None, 5)),
    Reducer((dict, (), None, None, iter([1]))),
    Reducer((ValueError, ("boom",))),
    Reducer("Holder"),
    Reducer("NoSuchName"),
    iter([]).__class__,
]
for case in cases:
    try:
        data = pickle.dumps(case)
        print("pickled", repr(pickle.loads(data))[:30])
    except Exception as e:
        show(e)

try:
    pickle.dumps(1, protocol=6)
except ValueError as e:
    show(e)

# PicklingError and UnpicklingError are PickleErrors.
print(issubclass(pickle.PicklingError, pickle.PickleError),
      issubclass(pickle.UnpicklingError, pickle.PickleError),
      issubclass(pickle.PickleError, Exception))
print(pickle.PicklingError.__module__, pickle.UnpicklingError.__name__)

# Too deep to pickle.
deep = []
for i in range(100000):
    deep = [deep]
try:
    pickle.dumps(deep)
except RecursionError as e:
    show(e)
# The error was raised cleanly: pickling still works.
print(pickle.loads(pickle.dumps([1, 2, 3])))
