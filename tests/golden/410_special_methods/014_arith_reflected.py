class N:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return "N(%r)" % (self.v,)
    def __radd__(self, o): return N(o + self.v)
    def __rsub__(self, o): return N(o - self.v)
    def __rmul__(self, o): return N(o * self.v)
    def __rtruediv__(self, o): return N(o / self.v)
    def __rfloordiv__(self, o): return N(o // self.v)
    def __rmod__(self, o): return N(o % self.v)
    def __rpow__(self, o): return N(o ** self.v)
    def __rdivmod__(self, o): return divmod(o, self.v)
    def __rmatmul__(self, o): return "rmatmul"
    def __rand__(self, o): return N(o & self.v)
    def __ror__(self, o): return N(o | self.v)
    def __rxor__(self, o): return N(o ^ self.v)
    def __rlshift__(self, o): return N(o << self.v)
    def __rrshift__(self, o): return N(o >> self.v)
n = N(3)
print(10 + n, 10 - n, 10 * n, 9 / n, 10 // n, 10 % n, 2 ** n)
print(divmod(10, n), "x" @ n if False else "skip")
print(12 & n, 12 | n, 12 ^ n, 1 << n, 64 >> n)
print(sum([n, n], 0) if False else 0 + n)
print(1.5 + n, "ab" * N(2) if False else N(2))
