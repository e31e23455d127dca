# gilpy may ignore __slots__; this test only uses behaviour common to both.
class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y

p = P(1, 2)
print(p.x, p.y)
p.x = 10
print(p.x)
print(P.__slots__)
