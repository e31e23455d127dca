class I:
    def __index__(self):
        return 3
class F:
    def __float__(self):
        return 2.5
class Int:
    def __int__(self):
        return 7
i = I()
print([10, 20, 30, 40][i], "abcdef"[i:], bin(i), hex(i), oct(i))
print(range(10)[I()], list(range(i)))
print(int(Int()), float(F()), int(i))
print(operator_like := [1, 2, 3, 4][I():])
print("ab" * I())
import math
print(math.floor(F()) if False else float(F()) * 2)
class BadInt:
    def __int__(self):
        return "x"
try:
    int(BadInt())
except TypeError as e:
    print(e)
class BadFloat:
    def __float__(self):
        return 1
try:
    float(BadFloat())
except TypeError as e:
    print(e)
try:
    [1, 2][F()]
except TypeError as e:
    print(e)
try:
    int(F())
except TypeError as e:
    print(e)
