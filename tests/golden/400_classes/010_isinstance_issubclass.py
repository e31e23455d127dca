class A: pass
class B(A): pass
class C: pass
class D(B, C): pass

d = D()
print(isinstance(d, A), isinstance(d, C), isinstance(d, (int, str)))
print(isinstance(d, (int, (str, C))))
print(issubclass(D, A), issubclass(D, (int, C)), issubclass(A, D))
print(issubclass(D, D), issubclass(bool, int), issubclass(int, object))
print(isinstance(True, int), isinstance(1, bool))
print(isinstance(A, type), isinstance(type, type), isinstance(type, object))
try:
    isinstance(d, 5)
except TypeError as e:
    print(e)
try:
    issubclass(d, A)
except TypeError as e:
    print(e)
print(isinstance(d, ()))
