class Lazy:
    def __init__(self, f):
        self.f = f
    def __get__(self, obj, cls):
        if obj is None:
            return self
        v = self.f(obj)
        obj.__dict__[self.f.__name__] = v
        return v
class C:
    calls = 0
    @Lazy
    def expensive(self):
        C.calls += 1
        return 42
c = C()
print(c.expensive, c.expensive, C.calls)
print("expensive" in vars(c))
