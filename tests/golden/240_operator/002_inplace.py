# the in-place forms: mutate mutable operands, return new values for immutable ones
import operator as op
a = [1, 2]
b = op.iadd(a, [3])
print(a, b, a is b)
s = "ab"
t = op.iadd(s, "cd")
print(s, t)
print(op.isub(10, 3), op.imul(3, 4), op.imul([0], 3), op.itruediv(9, 2), op.ifloordiv(9, 2), op.imod(9, 4))
print(op.ipow(3, 4), op.ilshift(1, 3), op.irshift(64, 3), op.iand(7, 5), op.ior(4, 1), op.ixor(6, 3))
x = {1, 2}
y = op.ior(x, {3})
print(x, y is x)
z = op.iconcat([1], (2, 3))
print(z)


class Acc:
    def __init__(self):
        self.total = 0

    def __iadd__(self, other):
        self.total += other
        return self

    def __add__(self, other):
        return "plain add"


acc = Acc()
r = op.iadd(acc, 5)
print(r is acc, acc.total, op.add(acc, 1))
try:
    op.iconcat(1, 2)
except TypeError as e:
    print("TypeError", e)
try:
    op.iadd(1, "x")
except TypeError as e:
    print("TypeError", e)
