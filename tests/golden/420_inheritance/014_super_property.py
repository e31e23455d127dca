class A:
    @property
    def v(self):
        return 1
class B(A):
    @property
    def v(self):
        return super().v + 10
print(B().v)
class C:
    def __init__(self):
        self._x = 0
    @property
    def x(self):
        return self._x
    @x.setter
    def x(self, v):
        self._x = v
class D(C):
    @C.x.setter
    def x(self, v):
        C.x.fset(self, v * 100)
d = D()
d.x = 3
print(d.x)
