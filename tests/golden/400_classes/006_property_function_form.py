class A:
    def __init__(self):
        self._x = 1
    def getx(self):
        return self._x
    def setx(self, v):
        self._x = v * 2
    def delx(self):
        del self._x
    x = property(getx, setx, delx, "the x")
    ro = property(lambda self: 42)

a = A()
print(a.x)
a.x = 5
print(a.x)
del a.x
print(hasattr(a, "_x"))
print(A.x.__doc__)
print(a.ro)
try:
    a.ro = 1
except AttributeError as e:
    print(e)
