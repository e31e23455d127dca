class A(object):
    pass
class B(A, object):
    pass
print(B.__mro__)
print(A.__bases__, B.__bases__)
print(object in B.__mro__)
