class Circle:
    def __init__(self, r):
        self._r = r

    @property
    def radius(self):
        "the radius"
        print("get")
        return self._r

    @radius.setter
    def radius(self, value):
        print("set", value)
        if value < 0:
            raise ValueError("negative radius")
        self._r = value

    @radius.deleter
    def radius(self):
        print("del")
        self._r = None

    @property
    def area(self):
        return 3 * self._r ** 2

c = Circle(2)
print(c.radius)
c.radius = 5
print(c.area)
try:
    c.radius = -1
except ValueError as e:
    print("error:", e)
del c.radius
print(c._r)
try:
    c.area = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    del c.area
except AttributeError as e:
    print("AttributeError:", e)
print(Circle.radius.__doc__)
print(type(Circle.radius).__name__)
print(Circle.radius.fget.__name__)
