class A:
    def __init__(self, **kw):
        print("A init", sorted(kw))
        self.a = kw.pop("a", None)
class B(A):
    def __init__(self, b=None, **kw):
        print("B init")
        super().__init__(**kw)
        self.b = b
class C(B):
    def __init__(self, c, **kw):
        print("C init")
        super().__init__(**kw)
        self.c = c
c = C(1, b=2, a=3)
print(c.a, c.b, c.c)
