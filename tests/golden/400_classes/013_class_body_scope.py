x = "global"
class C:
    x = "class"
    y = x + "!"
    def f(self):
        return x
    z = [x for _ in range(2)]

print(C.y)
print(C().f())
print(C.z)
class D:
    a = 1
    b = a + 1
    del a
print(hasattr(D, "a"), D.b)
class E:
    for i in range(3):
        pass
print(E.i)
