"""Generic (shallow and deep) copying operations.

Interface summary:

        import copy

        x = copy.copy(y)        # make a shallow copy of y
        x = copy.deepcopy(y)    # make a deep copy of y

For module specific errors, copy.Error is raised.

The difference between shallow and deep copying is only relevant for
compound objects (objects that contain other objects, like lists or
class instances).

- A shallow copy constructs a new compound object and then (to the
  extent possible) inserts *the same objects* into it that the
  original contains.

- A deep copy constructs a new compound object and then, recursively,
  inserts *copies* into it of the objects found in the original.

Classes can use the same interfaces to control copying that they use
to control pickling: they can define methods called __getinitargs__(),
__getstate__() and __setstate__().  They can also define
__copy__(x) and __deepcopy__(x, memo).

gilpy's version of CPython 3.11's Lib/copy.py. CPython copies instances through the
pickle protocol (object.__reduce_ex__ and the copyreg module); gilpy has neither yet, so
_reconstruct_instance below rebuilds an instance directly, the way that protocol would:
a new object from cls.__new__ (with __getnewargs__() when the class has it), then its
state (__getstate__() or its __dict__), and the items of list and dict subclasses.
"""

__all__ = ["Error", "copy", "deepcopy"]

import builtins as _builtins


class Error(Exception):
    pass


error = Error   # backward compatibility

# Types whose instances are immutable: copying one returns it unchanged.
_atomic_types = {type(None), type(Ellipsis), type(NotImplemented), int, float, bool,
                 str, bytes, tuple, frozenset, type, range, type(len), type(lambda: None),
                 property}
for _name in ('complex', 'slice'):     # types gilpy may not have yet
    if hasattr(_builtins, _name):
        _atomic_types.add(getattr(_builtins, _name))
del _name


def _user_method(cls, name):
    """The method `name` defined by cls or a base other than object, else None."""
    for klass in cls.__mro__:
        if klass is object:
            break
        value = klass.__dict__.get(name)
        if value is not None:
            return value
    return None


# ---------------------------------------------------------------- shallow copies

def copy(x):
    """Shallow copy operation on arbitrary Python objects.

    See the module's __doc__ string for more info.
    """
    cls = type(x)
    if cls in _atomic_types:
        return x
    if cls is list or cls is dict or cls is set:
        return x.copy()
    if isinstance(cls, type) and issubclass(cls, type):
        return x        # a class
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    return _reconstruct_instance(x, None)


# ---------------------------------------------------------------- deep copies

def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects.

    See the module's __doc__ string for more info.
    """
    if memo is None:
        memo = {}

    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y

    cls = type(x)
    if cls in _atomic_types and cls is not tuple:
        y = x
    elif cls is list:
        y = _deepcopy_list(x, memo)
    elif cls is tuple:
        y = _deepcopy_tuple(x, memo)
    elif cls is dict:
        y = _deepcopy_dict(x, memo)
    elif cls is set:
        y = {deepcopy(item, memo) for item in x}
    elif isinstance(cls, type) and issubclass(cls, type):
        y = x
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None:
            y = copier(memo)
        else:
            y = _reconstruct_instance(x, memo)

    # If is its own copy, don't memoize.
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)    # Make sure x lives at least as long as d
    return y


def _deepcopy_list(x, memo, deepcopy=deepcopy):
    y = []
    memo[id(x)] = y
    append = y.append
    for a in x:
        append(deepcopy(a, memo))
    return y


def _deepcopy_tuple(x, memo, deepcopy=deepcopy):
    y = [deepcopy(a, memo) for a in x]
    # We're not going to put the tuple in the memo, but it's still important we
    # check for it, in case the tuple contains recursive mutable structures.
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for k, j in zip(x, y):
        if k is not j:
            y = tuple(y)
            break
    else:
        y = x
    return y


def _deepcopy_dict(x, memo, deepcopy=deepcopy):
    y = {}
    memo[id(x)] = y
    for key, value in x.items():
        y[deepcopy(key, memo)] = deepcopy(value, memo)
    return y


def _keep_alive(x, memo):
    """Keeps a reference to the object x in the memo.

    Because we remember objects by their id, we have
    to assure that possibly temporary objects are kept
    alive by referencing them.
    We store a reference at the id of the memo, which should
    normally not be used unless someone tries to deepcopy
    the memo itself...
    """
    try:
        memo[id(memo)].append(x)
    except KeyError:
        # aha, this is the first one :-)
        memo[id(memo)] = [x]


# ---------------------------------------------------------------- instances

def _reconstruct_instance(x, memo):
    """Copy an instance: shallow when memo is None, else deep (recording the copy in memo
    before its contents are copied, so that cycles come out right)."""
    deep = memo is not None
    cls = type(x)

    # A class with its own __reduce__ (Counter...) says how to rebuild it.
    reducer = _user_method(cls, "__reduce__")
    if reducer is not None:
        rv = reducer(x)
        if isinstance(rv, str):
            return x
        func, args = rv[0], rv[1]
        if deep:
            args = deepcopy(args, memo)
        y = func(*args)
        if deep:
            memo[id(x)] = y
        state = rv[2] if len(rv) > 2 else None
        if state:
            _set_state(y, deepcopy(state, memo) if deep else state)
        return y

    if hasattr(x, "__getnewargs__"):
        args = x.__getnewargs__()
        if deep:
            args = deepcopy(args, memo)
        y = cls.__new__(cls, *args)
    else:
        try:
            y = cls.__new__(cls)
        except TypeError:
            raise Error("un(deep)copyable object of type %s" % cls) from None
    if deep:
        memo[id(x)] = y

    # The state: what __getstate__ returns, else the instance's attributes.
    getstate = _user_method(cls, "__getstate__")
    if getstate is not None:
        state = getstate(x)
    else:
        state = getattr(x, "__dict__", None)
    if state:
        if deep:
            state = deepcopy(state, memo)
        _set_state(y, state)

    # The items of list and dict subclasses.
    if isinstance(x, list) and not isinstance(x, tuple):
        for item in x:
            y.append(deepcopy(item, memo) if deep else item)
    elif isinstance(x, dict):
        for key, value in x.items():
            if deep:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
            y[key] = value
    return y


def _set_state(y, state):
    """Give y the state of the original: through __setstate__, else into its __dict__."""
    setstate = getattr(y, "__setstate__", None)
    if setstate is not None:
        setstate(state)
        return
    if isinstance(state, tuple) and len(state) == 2:
        state, slotstate = state
    else:
        slotstate = None
    if state is not None:
        y.__dict__.update(state)
    if slotstate is not None:
        for key, value in slotstate.items():
            setattr(y, key, value)
