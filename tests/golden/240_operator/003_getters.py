# itemgetter, attrgetter (dotted names, several names), methodcaller, with sorting
import operator
from operator import itemgetter, attrgetter, methodcaller

rows = [("bob", 32, "paris"), ("alice", 25, "rome"), ("carol", 32, "oslo"), ("dave", 19, "rome")]
print(sorted(rows, key=itemgetter(1)))
print(sorted(rows, key=itemgetter(1, 0)))
print(itemgetter(0)("xyz"), itemgetter(-1, 0)([1, 2, 3]), itemgetter("a", "b")({"a": 1, "b": 2}))
print(itemgetter(slice(1, None))("hello"), list(map(itemgetter(2), rows)))
print(itemgetter(1), itemgetter(1, "k"), attrgetter("x"), attrgetter("a.b", "c"))


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
        self.origin = None

    def scaled(self, k, offset=0):
        return Point(self.x * k + offset, self.y * k + offset)

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)


p = Point(1, 2)
p.origin = Point(0, 0)
print(attrgetter("x")(p), attrgetter("x", "y")(p), attrgetter("origin.x")(p), attrgetter("origin.y", "x")(p))
pts = [Point(3, 1), Point(1, 5), Point(2, 2)]
print(sorted(pts, key=attrgetter("x")), max(pts, key=attrgetter("y")))
print(methodcaller("scaled", 2)(p), methodcaller("scaled", 2, offset=1)(p), methodcaller("upper")("abc"))
print(methodcaller("split", ","), methodcaller("scaled", 3, offset=1), methodcaller("strip"))
print(list(map(methodcaller("count", "a"), ["banana", "apple", "kiwi"])))
for bad in [lambda: attrgetter(1), lambda: attrgetter("nope")(p), lambda: itemgetter(5)([1]),
            lambda: methodcaller(), lambda: methodcaller("missing")(p), lambda: itemgetter()]:
    try:
        print(bad())
    except (TypeError, AttributeError, IndexError) as e:
        print(type(e).__name__, e)
