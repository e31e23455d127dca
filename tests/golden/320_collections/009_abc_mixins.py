# collections.abc as mixin base classes: a few methods give the whole protocol.
from collections.abc import Mapping, MutableMapping, Sequence, MutableSequence, Set, Iterator, Iterable


class Squares(Sequence):
    """The squares 0, 1, 4, ... below n*n, as a read-only sequence."""

    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self.n))]
        if i < 0:
            i += self.n
        if not 0 <= i < self.n:
            raise IndexError("index out of range")
        return i * i


s = Squares(6)
print(list(s), s[2], s[-1], s[1:4], 16 in s, 17 in s, s.index(9), s.count(4), list(reversed(s)))
print(isinstance(s, Sequence), isinstance(s, Iterable))


class Registry(MutableMapping):
    """A dict-like class whose keys are case-insensitive."""

    def __init__(self, *args, **kwargs):
        self._data = {}
        self.update(*args, **kwargs)

    def __getitem__(self, key):
        return self._data[key.lower()]

    def __setitem__(self, key, value):
        self._data[key.lower()] = value

    def __delitem__(self, key):
        del self._data[key.lower()]

    def __iter__(self):
        return iter(self._data)

    def __len__(self):
        return len(self._data)


r = Registry({"Alpha": 1}, Beta=2)
r["GAMMA"] = 3
print(r["ALPHA"], r.get("beta"), r.get("x", 0), "Gamma" in r, len(r), sorted(r.keys()), sorted(r.items()))
print(r.pop("alpha"), r.setdefault("delta", 4), sorted(r.values()), r == {"beta": 2, "gamma": 3, "delta": 4})
r.update([("Eps", 5)])
print(r.popitem(), len(r))
r.clear()
print(len(r), dict(r))
try:
    r.pop("nothing")
except KeyError as e:
    print(type(e).__name__, e)


class Frozen(Mapping):
    def __init__(self, **kw):
        self._d = dict(kw)

    def __getitem__(self, k):
        return self._d[k]

    def __iter__(self):
        return iter(self._d)

    def __len__(self):
        return len(self._d)


f = Frozen(a=1, b=2)
print(list(f.keys()), list(f.items()), list(f.values()), f.get("c"), f == {"a": 1, "b": 2}, "a" in f)


class Stack(MutableSequence):
    def __init__(self):
        self._items = []

    def __getitem__(self, i):
        return self._items[i]

    def __setitem__(self, i, v):
        self._items[i] = v

    def __delitem__(self, i):
        del self._items[i]

    def __len__(self):
        return len(self._items)

    def insert(self, i, v):
        self._items.insert(i, v)

    def __repr__(self):
        return "Stack(%r)" % self._items


st = Stack()
st.append(1)
st.extend([2, 3, 4])
st += [5]
print(st, st.pop(), st.pop(0), st)
st.reverse()
st.remove(3)
print(st, len(st), st.index(4))


class Letters(Set):
    def __init__(self, text):
        self._s = frozenset(text)

    def __contains__(self, x):
        return x in self._s

    def __iter__(self):
        return iter(sorted(self._s))

    def __len__(self):
        return len(self._s)


a, b = Letters("abc"), Letters("bcd")
print(sorted(a & b), sorted(a | b), sorted(a - b), sorted(a ^ b), a <= Letters("abcz"), a == Letters("cba"), a.isdisjoint(Letters("xyz")))


class CountDown(Iterator):
    def __init__(self, n):
        self.n = n

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


print(list(CountDown(3)), iter(CountDown(1)).__class__.__name__)
