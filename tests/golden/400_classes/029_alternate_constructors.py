class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
    @classmethod
    def parse(cls, s):
        return cls(*map(int, s.split("-")))
    @classmethod
    def count_args(cls, *args, **kw):
        return cls.__name__, len(args), sorted(kw)
    @staticmethod
    def is_leap(y):
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    def __repr__(self):
        return f"Date({self.y}, {self.m}, {self.d})"
d = Date.parse("2024-02-29")
print(d, d.parse("1999-1-2"), Date.count_args(1, 2, x=3), d.count_args())
print([y for y in range(1896, 1910) if Date.is_leap(y)], d.is_leap(2000))
f = Date.parse
print(f.__self__ is Date, f("2000-1-1"))
