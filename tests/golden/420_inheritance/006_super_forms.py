class A:
    def f(self):
        return "A.f"
    @classmethod
    def cm(cls):
        return "A.cm " + cls.__name__
    @staticmethod
    def sm():
        return "A.sm"
class B(A):
    def f(self):
        return "B.f>" + super().f() + "|" + super(B, self).f()
    @classmethod
    def cm(cls):
        return "B.cm>" + super().cm()
    def g(self):
        return super().sm()
class C(B):
    def f(self):
        return "C.f skip>" + super(B, self).f()
print(B().f(), B.cm(), B().g())
print(C().f(), C.cm())
s = super(B, B())
print(s.f())
print(type(s).__name__)
