class A:
    def who(self):
        return __class__.__name__
    def cls_of(self):
        return self.__class__.__name__
class B(A):
    pass
b = B()
print(b.who(), b.cls_of(), type(b).__name__)
b.__class__ = A
print(type(b).__name__, isinstance(b, B))
try:
    b.__class__ = int
except TypeError as e:
    print(e)
