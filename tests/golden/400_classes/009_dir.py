class A:
    x = 1
    def m(self):
        pass

class B(A):
    y = 2

b = B()
b.z = 3
d = dir(b)
print([n for n in d if not n.startswith("__")])
print(d == sorted(d))
print("__init__" in d, "__class__" in d)
print([n for n in dir(B) if not n.startswith("__")])
