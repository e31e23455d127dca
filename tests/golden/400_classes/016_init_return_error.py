class Bad:
    def __init__(self):
        return 5

try:
    Bad()
except TypeError as e:
    print(e)

class NoArgs:
    pass

try:
    NoArgs(1)
except TypeError as e:
    print(e)

class WithInit:
    def __init__(self, a, b=2):
        self.a, self.b = a, b

try:
    WithInit()
except TypeError as e:
    print(e)
try:
    WithInit(1, 2, 3)
except TypeError as e:
    print(e)
try:
    WithInit(1, c=3)
except TypeError as e:
    print(e)
w = WithInit(b=5, a=4)
print(w.a, w.b)
