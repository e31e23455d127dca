class Vec:
    def __init__(self, *c):
        self.c = c
    def __repr__(self):
        return f"Vec{self.c}"
    def __mul__(self, k):
        return Vec(*(x * k for x in self.c))
    def __rmul__(self, k):
        return self * k
    def __eq__(self, o):
        return isinstance(o, Vec) and self.c == o.c
    def __add__(self, o):
        if isinstance(o, tuple):
            o = Vec(*o)
        return Vec(*(a + b for a, b in zip(self.c, o.c)))
    __radd__ = __add__
v = Vec(1, 2)
print(v * 3, 3 * v, 2.5 * v, True * v)
print(v + (1, 1), (1, 1) + v, [v] * 2)
print(sum([v, v, v], Vec(0, 0)))
try:
    "s" * v
except TypeError as e:
    print("TypeError", e)
