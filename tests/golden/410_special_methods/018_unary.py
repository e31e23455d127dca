class U:
    def __init__(self, v):
        self.v = v
    def __neg__(self): return U(-self.v)
    def __pos__(self): return U(+self.v * 10)
    def __abs__(self): return U(abs(self.v))
    def __invert__(self): return U(~self.v)
    def __repr__(self): return "U(%r)" % self.v
u = U(-4)
print(-u, +u, abs(u), ~u, -(-u))
class Z:
    pass
for op in ("-", "+", "~", "abs"):
    try:
        if op == "-": -Z()
        elif op == "+": +Z()
        elif op == "~": ~Z()
        else: abs(Z())
    except TypeError as e:
        print(e)
