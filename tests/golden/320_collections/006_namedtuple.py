# collections.namedtuple: fields, defaults, _replace, _asdict, _make, rename, errors.
from collections import namedtuple

Point = namedtuple("Point", ["x", "y"])
p = Point(1, y=2)
print(p, p.x, p.y, p[0], p[-1], len(p), list(p), p + (3,))
x, y = p
print(x, y, p == (1, 2), p == Point(1, 2), hash(p) == hash((1, 2)), isinstance(p, tuple))
print(p._asdict(), p._replace(x=5), Point._fields, Point._make([3, 4]), Point._make(range(2)))
print(Point, Point.__name__, Point.__doc__, Point.x.__doc__, type(p).__name__)
print(sorted([Point(2, 1), Point(1, 5), Point(1, 2)]), max(Point(1, 9)), p * 2)
print(Point(x=[1], y={}), "%s and %s" % Point("a", "b"), Point(*"ab"), Point(**{"x": 0, "y": 0}))

P3 = namedtuple("P3", "a b c", defaults=[0, 9])
print(P3(1), P3(1, 2), P3(1, 2, 3), P3._field_defaults, P3(c=1, a=2))
Color = namedtuple("Color", "red, green, blue")
print(Color(255, 128, 0), Color._fields)
One = namedtuple("One", "value")
print(One(5), One._make([1]), One.__doc__)
Empty = namedtuple("Empty", [])
print(Empty(), Empty._fields, len(Empty()))
R = namedtuple("R", ["a", "def", "a", "_x", "1y", "ok"], rename=True)
print(R._fields, R(1, 2, 3, 4, 5, 6))

for args, kw in [((1, 2, 3), {}), ((), {}), ((1,), {"z": 3}), ((1,), {"x": 3}), ((), {"y": 1})]:
    try:
        Point(*args, **kw)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    P3()
except TypeError as e:
    print(type(e).__name__, e)
Three = namedtuple("Three", "a b c")
try:
    Three()
except TypeError as e:
    print(type(e).__name__, e)
for bad in [("1x", "a"), ("P", "a class"), ("P", "a a"), ("P", "_a"), ("def", "a"), ("P", "a-b")]:
    try:
        namedtuple(*bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    p._replace(z=1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    Point._make([1])
except TypeError as e:
    print(type(e).__name__, e)
try:
    namedtuple("T", "a b", defaults=[1, 2, 3])
except TypeError as e:
    print(type(e).__name__, e)
try:
    p.x = 5
except AttributeError as e:
    print(type(e).__name__)


class Point3(namedtuple("Point3", "x y z")):
    def norm1(self):
        return abs(self.x) + abs(self.y) + abs(self.z)


q = Point3(1, -2, 3)
print(q, q.norm1(), q._replace(z=0))
