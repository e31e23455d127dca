class Frac:
    def __init__(self, n, d=1):
        from math import gcd
        g = gcd(n, d)
        if d < 0:
            g = -g
        self.n, self.d = n // g, d // g
    def __repr__(self):
        return f"{self.n}/{self.d}"
    def _c(self, o):
        return o if isinstance(o, Frac) else Frac(o)
    def __add__(self, o):
        o = self._c(o)
        return Frac(self.n * o.d + o.n * self.d, self.d * o.d)
    __radd__ = __add__
    def __sub__(self, o):
        o = self._c(o)
        return Frac(self.n * o.d - o.n * self.d, self.d * o.d)
    def __rsub__(self, o):
        return self._c(o) - self
    def __mul__(self, o):
        o = self._c(o)
        return Frac(self.n * o.n, self.d * o.d)
    __rmul__ = __mul__
    def __truediv__(self, o):
        o = self._c(o)
        return Frac(self.n * o.d, self.d * o.n)
    def __rtruediv__(self, o):
        return self._c(o) / self
    def __neg__(self):
        return Frac(-self.n, self.d)
    def __eq__(self, o):
        o = self._c(o)
        return self.n == o.n and self.d == o.d
    def __lt__(self, o):
        o = self._c(o)
        return self.n * o.d < o.n * self.d
    def __float__(self):
        return self.n / self.d
    def __int__(self):
        return self.n // self.d
    def __bool__(self):
        return self.n != 0
    def __hash__(self):
        return hash((self.n, self.d))
a, b = Frac(1, 2), Frac(1, 3)
print(a + b, a - b, a * b, a / b, 1 + a, 1 - a, 2 * b, 1 / b, -a)
print(a == Frac(2, 4), a < b, b < a, float(a), int(Frac(7, 2)))
print(bool(Frac(0)), sum([a, b, Frac(1, 6)], Frac(0)))
print(sorted([a, b, Frac(-1, 5)]))
