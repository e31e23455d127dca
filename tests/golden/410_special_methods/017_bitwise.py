class Bits:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return "Bits(%s)" % bin(self.v)
    def __and__(self, o): return Bits(self.v & o.v)
    def __or__(self, o): return Bits(self.v | o.v)
    def __xor__(self, o): return Bits(self.v ^ o.v)
    def __lshift__(self, n): return Bits(self.v << n)
    def __rshift__(self, n): return Bits(self.v >> n)
    def __invert__(self): return Bits(~self.v & 0xF)
a, b = Bits(0b1100), Bits(0b1010)
print(a & b, a | b, a ^ b, a << 2, a >> 2, ~a)
try:
    a & 1
except AttributeError as e:
    print(e)
