# Pickling functions and classes by name, instances by class and state, and the reduce protocol.
import pickle


def square(x):
    return x * x


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y

    def __eq__(self, other):
        return type(other) is Point and (self.x, self.y) == (other.x, other.y)

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)


class Outer:
    class Inner:
        pass

    @staticmethod
    def static():
        return "static"

    @classmethod
    def klass(cls):
        return cls.__name__


class WithState:
    def __init__(self, value):
        self.value = value
        self.cache = {"big": value * 2}

    def __getstate__(self):
        print("getstate called")
        return {"value": self.value}

    def __setstate__(self, state):
        print("setstate called with", state)
        self.value = state["value"]
        self.cache = None


class Reduced:
    def __init__(self, a, b):
        self.a, self.b = a, b

    def __reduce__(self):
        return (Reduced, (self.a, self.b))

    def __repr__(self):
        return "Reduced(%r, %r)" % (self.a, self.b)


class ReducedEx:
    def __init__(self, n):
        self.n = n

    def __reduce_ex__(self, protocol):
        return (ReducedEx, (self.n + 1,), {"extra": "state"})


class MyList(list):
    def __init__(self, *args):
        super().__init__(*args)
        self.tag = "mine"


class MyDict(dict):
    pass


class MyInt(int):
    pass


class MyStr(str):
    pass


class MyTuple(tuple):
    pass


class MySet(set):
    pass


class Node:
    def __init__(self, name):
        self.name = name
        self.children = []
        self.parent = None


def roundtrip(v):
    return pickle.loads(pickle.dumps(v))


print(roundtrip(square) is square, roundtrip(square)(7))
print(roundtrip(Point) is Point, roundtrip(Outer.Inner) is Outer.Inner)
print(roundtrip(Outer.static)(), roundtrip(Outer.klass)())
p = roundtrip(Point(3, 4))
print(p, type(p) is Point, p.norm2(), p.__dict__)
pts = roundtrip([Point(1, 2), Point(1, 2)])
print(pts, pts[0] is pts[1])
same = Point(5, 6)
pts = roundtrip([same, same])
print(pts, pts[0] is pts[1])
print(roundtrip(Point(1, 2).norm2)())
w = roundtrip(WithState(21))
print(w.value, w.cache)
print(roundtrip(Reduced(1, [2, 3])))
r = roundtrip(ReducedEx(41))
print(type(r).__name__, r.n, r.extra)
ml = MyList([1, 2, 3])
ml2 = roundtrip(ml)
print(type(ml2).__name__, ml2, ml2.tag)
md = MyDict(a=1)
md.attr = "x"
md2 = roundtrip(md)
print(type(md2).__name__, md2, md2.attr)
mi = roundtrip(MyInt(42))
print(type(mi).__name__, mi + 1)
ms = roundtrip(MyStr("text"))
print(type(ms).__name__, ms.upper())
mt = roundtrip(MyTuple((1, 2)))
print(type(mt).__name__, mt)
mset = roundtrip(MySet([3, 1, 2]))
print(type(mset).__name__, sorted(mset))
obj = roundtrip(object())
print(type(obj).__name__)

root = Node("root")
for i in range(3):
    child = Node("c%d" % i)
    child.parent = root
    root.children.append(child)
root2 = roundtrip(root)
print(root2.name, [c.name for c in root2.children], all(c.parent is root2 for c in root2.children))

# A bound method of a built-in object, and built-in functions.
app = roundtrip([].append)
print(type(app).__name__)
import math
print(roundtrip(math.sqrt)(16.0), roundtrip(max)([3, 9, 2]))
