class Only:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        print("add")
        return Only(self.v + o)
    def __radd__(self, o):
        print("radd")
        return Only(o + self.v)
a = Only(1)
b = a
a += 2
print(a.v, a is b)
x = 5
x += Only(1)
print(x.v)
class NI:
    def __iadd__(self, o):
        return NotImplemented
    def __add__(self, o):
        return "fallback add"
n = NI()
n += 1
print(n)
class None_:
    pass
z = None_()
try:
    z += 1
except TypeError as e:
    print(e)
try:
    z -= 1
except TypeError as e:
    print(e)
try:
    z **= 2
except TypeError as e:
    print(e)
