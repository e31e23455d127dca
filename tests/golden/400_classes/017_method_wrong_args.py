class A:
    def m(self, x):
        return x
    def n(self):
        return 1

a = A()
try:
    a.m()
except TypeError as e:
    print(e)
try:
    a.m(1, 2)
except TypeError as e:
    print(e)
try:
    a.n(1)
except TypeError as e:
    print(e)
try:
    A.m(1)
except TypeError as e:
    print(e)
try:
    A.n()
except TypeError as e:
    print(e)
