"""itertools: functions creating iterators for efficient looping.

CPython writes this module in C; gilpy writes it in gilpy, mostly as generators that follow
the "roughly equivalent to" code of CPython's documentation. count, repeat and chain are
classes, so that their repr and chain.from_iterable behave as CPython's. The combinatoric
iterators (product, permutations, combinations...) have a C accelerator, _itertools.
"""

import sys as _sys

# The combinatoric iterators run their inner loops in C when the interpreter has the
# _itertools accelerator (stdlib/mod_itertools.c); the generators below are the fallback
# and say what the C code does.
try:
    import _itertools
except ImportError:
    _itertools = None

__all__ = ['accumulate', 'chain', 'combinations', 'combinations_with_replacement',
           'compress', 'count', 'cycle', 'dropwhile', 'filterfalse', 'groupby', 'islice',
           'pairwise', 'permutations', 'product', 'repeat', 'starmap', 'takewhile', 'tee',
           'zip_longest']


# ---------------------------------------------------------------- infinite iterators

class count:
    """Return a count object whose .__next__() method returns consecutive values.

    Equivalent to:
        def count(firstval=0, step=1):
            x = firstval
            while 1:
                yield x
                x += step
    """

    def __init__(self, start=0, step=1):
        for value in (start, step):
            if not (isinstance(value, (int, float)) or hasattr(value, '__float__')
                    or hasattr(value, '__index__')):
                raise TypeError('a number is required')
        self._value = start
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        value = self._value
        self._value = value + self._step
        return value

    def __repr__(self):
        if type(self._step) is int and self._step == 1:
            return 'count(%r)' % (self._value,)
        return 'count(%r, %r)' % (self._value, self._step)


def cycle(iterable):
    """Return elements from the iterable until it is exhausted. Then repeat the sequence
    indefinitely."""
    saved = []
    for element in iterable:
        yield element
        saved.append(element)
    while saved:
        for element in saved:
            yield element


class repeat:
    """repeat(object [,times]) -> create an iterator which returns the object
    for the specified number of times.  If not specified, returns the object
    endlessly."""

    def __init__(self, object, times=None):
        self._object = object
        if times is not None:
            times = times.__index__()
            if times < 0:
                times = 0
        self._times = times

    def __iter__(self):
        return self

    def __next__(self):
        if self._times is not None:
            if self._times <= 0:
                raise StopIteration
            self._times -= 1
        return self._object

    def __length_hint__(self):
        if self._times is None:
            raise TypeError('len() of unsized object')
        return self._times

    def __repr__(self):
        if self._times is None:
            return 'repeat(%r)' % (self._object,)
        return 'repeat(%r, %d)' % (self._object, self._times)


# ---------------------------------------------------------------- chain

class chain:
    """chain(*iterables) --> chain object

    Return a chain object whose .__next__() method returns elements from the
    first iterable until it is exhausted, then elements from the next
    iterable, until all of the iterables are exhausted."""

    def __init__(self, *iterables):
        self._sources = iter(iterables)
        self._active = None

    @classmethod
    def from_iterable(cls, iterables):
        """Alternative chain() constructor taking a single iterable argument that evaluates
        lazily."""
        self = cls.__new__(cls)
        self._sources = iter(iterables)
        self._active = None
        return self

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            if self._active is None:
                # Raises StopIteration when there is no iterable left.
                self._active = iter(next(self._sources))
            try:
                return next(self._active)
            except StopIteration:
                self._active = None


# ---------------------------------------------------------------- slicing and filtering

def _as_ssize(value):
    """value as an index in 0..sys.maxsize, or -1 when it is not one (as CPython's
    PyNumber_AsSsize_t with the error cleared, which is what islice() checks)."""
    try:
        value = value.__index__()
    except AttributeError:
        return -1
    if value > _sys.maxsize or value < -_sys.maxsize - 1:
        return -1
    return value


def islice(iterable, *args):
    """islice(iterable, stop) --> islice object
    islice(iterable, start, stop[, step]) --> islice object

    Return an iterator whose next() method returns selected values from an
    iterable.  If start is specified, will skip all preceding elements;
    otherwise, start defaults to zero.  Step defaults to one.  If
    specified as another value, step determines how many values are
    skipped between successive calls.  Works like a slice() on a list
    but returns an iterator."""
    if not args:
        raise TypeError('islice expected at least 2 arguments, got 1')
    if len(args) > 3:
        raise TypeError('islice expected at most 4 arguments, got %d' % (len(args) + 1))
    # The arguments are checked now, in CPython's order and with its messages.
    start, stop, step = 0, -1, 1        # stop == -1 stands for None
    if len(args) == 1:
        stop_arg = args[0]
    else:
        if args[0] is not None:
            start = _as_ssize(args[0])
        stop_arg = args[1]
    if stop_arg is not None:
        stop = _as_ssize(stop_arg)
        if stop == -1:
            raise ValueError('Stop argument for islice() must be None or an integer: '
                             '0 <= x <= sys.maxsize.')
    if start < 0 or stop < -1:
        raise ValueError('Indices for islice() must be None or an integer: '
                         '0 <= x <= sys.maxsize.')
    if len(args) == 3 and args[2] is not None:
        step = _as_ssize(args[2])
    if step < 1:
        raise ValueError('Step for islice() must be a positive integer or None.')
    return _islice(iter(iterable), start, None if stop == -1 else stop, step)


def _islice(it, start, stop, step):
    """The generator behind islice(), with checked arguments. Like CPython's, it reads
    no item past the last one it produces."""
    count = 0           # items read from `it` so far
    nexti = start       # index of the next item to produce
    while True:
        # Skip the items before nexti.
        while count < nexti:
            try:
                next(it)
            except StopIteration:
                return
            count += 1
        if stop is not None and count >= stop:
            return
        try:
            item = next(it)
        except StopIteration:
            return
        count += 1
        nexti += step
        if stop is not None and nexti > stop:
            nexti = stop
        yield item


def compress(data, selectors):
    """Return data elements corresponding to true selector elements."""
    return (d for d, s in zip(data, selectors) if s)


def dropwhile(predicate, iterable):
    """Drop items from the iterable while predicate(item) is true. Afterwards, return every
    element until the iterable is exhausted."""
    it = iter(iterable)
    for x in it:
        if not predicate(x):
            yield x
            break
    for x in it:
        yield x


def takewhile(predicate, iterable):
    """Return successive entries from an iterable as long as the predicate evaluates to
    true for each entry."""
    for x in iterable:
        if predicate(x):
            yield x
        else:
            break


def filterfalse(function, iterable):
    """Return those items of iterable for which function(item) is false. If function is
    None, return the items that are false."""
    if function is None:
        function = bool
    for x in iterable:
        if not function(x):
            yield x


def starmap(function, iterable):
    """Return an iterator whose values are returned from the function evaluated with an
    argument tuple taken from the given sequence."""
    for args in iterable:
        yield function(*args)


# ---------------------------------------------------------------- accumulate and groupby

def accumulate(iterable, func=None, *, initial=None):
    """Return series of accumulated sums (or other binary function results)."""
    it = iter(iterable)
    total = initial
    if initial is None:
        try:
            total = next(it)
        except StopIteration:
            return
    yield total
    for element in it:
        total = total + element if func is None else func(total, element)
        yield total


class groupby:
    """make an iterator that returns consecutive keys and groups from the iterable

      iterable
        Elements to divide into groups according to the key function.
      key
        A function for computing the group category for each element.
        If the key function is not specified or is None, the element itself
        is used for grouping.
    """

    def __init__(self, iterable, key=None):
        if key is None:
            key = lambda x: x
        self._keyfunc = key
        self._it = iter(iterable)
        # _tgtkey is the key of the current group, _currkey/_currvalue the next item read.
        self._tgtkey = self._currkey = self._currvalue = object()
        self._id = object()     # identifies the current group; a new group makes a new one

    def __iter__(self):
        return self

    def __next__(self):
        self._id = object()
        # Skip what is left of the current group.
        while self._currkey == self._tgtkey:
            self._currvalue = next(self._it)    # StopIteration ends the groupby
            self._currkey = self._keyfunc(self._currvalue)
        self._tgtkey = self._currkey
        return (self._currkey, self._grouper(self._tgtkey, self._id))

    def _grouper(self, tgtkey, id):
        # A group stops as soon as the groupby moved on to the next group.
        while self._id is id and self._currkey == tgtkey:
            yield self._currvalue
            try:
                self._currvalue = next(self._it)
            except StopIteration:
                return
            self._currkey = self._keyfunc(self._currvalue)


# ---------------------------------------------------------------- combinatorics

def product(*iterables, repeat=1):
    """Cartesian product of input iterables.  Equivalent to nested for-loops."""
    if repeat < 0:
        raise ValueError('repeat argument cannot be negative')
    pools = [tuple(pool) for pool in iterables] * repeat
    if _itertools is not None:
        return _itertools.product(tuple(pools))
    return _product(pools)


def _product(pools):
    """The generator behind product(): an odometer of indices over the pools."""
    if any(len(pool) == 0 for pool in pools):
        return
    indices = [0] * len(pools)
    yield tuple(pool[0] for pool in pools)
    while True:
        # Advance the rightmost index that can move, resetting those after it.
        for i in reversed(range(len(pools))):
            indices[i] += 1
            if indices[i] < len(pools[i]):
                break
            indices[i] = 0
        else:
            return
        yield tuple(pool[j] for pool, j in zip(pools, indices))


def _check_r(r):
    """Checks the r argument of the combinatoric iterators."""
    if not isinstance(r, int):
        raise TypeError("Expected int as r")
    if r < 0:
        raise ValueError("r must be non-negative")


def permutations(iterable, r=None):
    """Return successive r-length permutations of elements in the iterable."""
    pool = tuple(iterable)
    if r is None:
        r = len(pool)
    _check_r(r)
    if _itertools is not None:
        return _itertools.permutations(pool, r)
    return _permutations(pool, r)


def _permutations(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(n))
    cycles = list(range(n, n - r, -1))
    yield tuple(pool[i] for i in indices[:r])
    while n:
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple(pool[i] for i in indices[:r])
                break
        else:
            return


def combinations(iterable, r):
    """Return successive r-length combinations of elements in the iterable."""
    pool = tuple(iterable)
    _check_r(r)
    if _itertools is not None:
        return _itertools.combinations(pool, r)
    return _combinations(pool, r)


def _combinations(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(r))
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != i + n - r:
                break
        else:
            return
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        yield tuple(pool[i] for i in indices)


def combinations_with_replacement(iterable, r):
    """Return successive r-length combinations of elements in the iterable allowing
    individual elements to have successive repeats."""
    pool = tuple(iterable)
    _check_r(r)
    if _itertools is not None:
        return _itertools.combinations_with_replacement(pool, r)
    return _combinations_with_replacement(pool, r)


def _combinations_with_replacement(pool, r):
    n = len(pool)
    if not n and r:
        return
    indices = [0] * r
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != n - 1:
                break
        else:
            return
        indices[i:] = [indices[i] + 1] * (r - i)
        yield tuple(pool[i] for i in indices)


# ---------------------------------------------------------------- several iterables

def zip_longest(*iterables, fillvalue=None):
    """Like zip(), but runs until the longest iterable is exhausted, filling the shorter
    ones with fillvalue."""
    iterators = [iter(it) for it in iterables]
    num_active = len(iterators)
    if not num_active:
        return
    while True:
        values = []
        for i, it in enumerate(iterators):
            try:
                value = next(it)
            except StopIteration:
                num_active -= 1
                if not num_active:
                    return
                iterators[i] = repeat(fillvalue)
                value = fillvalue
            values.append(value)
        yield tuple(values)


def pairwise(iterable):
    """Return successive overlapping pairs taken from the input iterable."""
    it = iter(iterable)
    try:
        a = next(it)
    except StopIteration:
        return
    for b in it:
        yield a, b
        a = b


def tee(iterable, n=2):
    """Returns a tuple of n independent iterators."""
    if n < 0:
        raise ValueError('n must be >= 0')
    it = iter(iterable)
    # Each copy has its own queue of the items read from `it` that it has not seen yet.
    queues = [[] for _ in range(n)]

    def gen(mine):
        while True:
            if not mine:
                try:
                    value = next(it)
                except StopIteration:
                    return
                for q in queues:
                    q.append(value)
            yield mine.pop(0)

    return tuple(gen(q) for q in queues)
