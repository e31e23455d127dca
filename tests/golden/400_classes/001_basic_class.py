class Point:
    """A 2D point."""
    dims = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y

p = Point(3, 4)
print(p.x, p.y, p.norm2())
print(Point.dims, p.dims)
print(Point.__doc__)
print(Point.__name__, Point.__qualname__, Point.__module__)
print(type(p) is Point, type(p).__name__)
p.x = 10
print(p.norm2())
q = Point(1, 1)
print(p.x, q.x)
