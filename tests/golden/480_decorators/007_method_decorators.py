def trace(f):
    def w(self, *a):
        print(f"{type(self).__name__}.{f.__name__}{a}")
        return f(self, *a)
    return w
class Calc:
    def __init__(self):
        self.v = 0
    @trace
    def add(self, n):
        self.v += n
        return self
    @trace
    def mul(self, n):
        self.v *= n
        return self
print(Calc().add(3).mul(4).v)
