class A:
    pass

a = A()
r = repr(a)
print(r.startswith("<__main__.A object at 0x"), r.endswith(">"))
print(str(a) == r)
print(repr(A))
print(repr(int), repr(object), repr(type))
print(type(A), type(type))
print(A.__bases__, A.__base__)
print(object.__bases__)
