class A: pass
class B(A): pass
class C(A): pass
print(sorted(c.__name__ for c in A.__subclasses__()))
print(B.__bases__[0] is A)
print(type.mro(B) == list(B.__mro__))
