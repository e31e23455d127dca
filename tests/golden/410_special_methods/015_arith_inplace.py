class Acc:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return "Acc(%r)" % (self.v,)
    def __iadd__(self, o):
        print("iadd")
        self.v += o
        return self
    def __isub__(self, o): self.v -= o; return self
    def __imul__(self, o): self.v *= o; return self
    def __itruediv__(self, o): self.v /= o; return self
    def __ifloordiv__(self, o): self.v //= o; return self
    def __imod__(self, o): self.v %= o; return self
    def __ipow__(self, o): self.v **= o; return self
    def __iand__(self, o): self.v &= o; return self
    def __ior__(self, o): self.v |= o; return self
    def __ixor__(self, o): self.v ^= o; return self
    def __ilshift__(self, o): self.v <<= o; return self
    def __irshift__(self, o): self.v >>= o; return self
    def __imatmul__(self, o): self.v = "m"; return self
a = Acc(10)
b = a
a += 5; print(a, a is b)
a -= 3; print(a)
a *= 4; print(a)
a //= 5; print(a)
a %= 7; print(a)
a **= 3; print(a)
a &= 6; print(a)
a |= 9; print(a)
a ^= 3; print(a)
a <<= 2; print(a)
a >>= 1; print(a)
a /= 4; print(a)
a @= 1; print(a, a is b)
