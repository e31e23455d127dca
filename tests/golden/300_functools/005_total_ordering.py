# functools.total_ordering fills in the missing comparison methods.
from functools import total_ordering


@total_ordering
class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split("."))

    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts == other.parts

    def __lt__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts < other.parts

    def __repr__(self):
        return "Version(%r)" % ".".join(map(str, self.parts))


a, b, c = Version("1.2"), Version("1.10"), Version("1.2")
print(a < b, a <= b, a > b, a >= b, a == c, a != c, a <= c, a >= c)
print(sorted([Version("2.0"), Version("1.0.1"), Version("1.0")]))
print(max(a, b), min(a, b))
try:
    a < 3
except TypeError as e:
    print(type(e).__name__, e)


@total_ordering
class Desc:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return self.v == other.v

    def __gt__(self, other):
        return self.v > other.v


x, y = Desc(1), Desc(2)
print(x < y, x <= y, x > y, x >= y, y >= x)


@total_ordering
class ByLe:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return self.v == other.v

    def __le__(self, other):
        return self.v <= other.v


print(ByLe(1) < ByLe(2), ByLe(2) > ByLe(1), ByLe(2) >= ByLe(2), ByLe(3) < ByLe(3))
try:
    @total_ordering
    class Nothing:
        pass
except ValueError as e:
    print(type(e).__name__, e)
