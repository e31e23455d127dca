class A:
    def m(self):
        return "A.m"
class B(A):
    pass
b = B()
print(b.m())
B.m = lambda self: "B.m"
print(b.m())
del B.m
print(b.m())
A.m = lambda self: "A.m2"
print(b.m())
