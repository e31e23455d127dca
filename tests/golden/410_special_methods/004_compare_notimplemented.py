class A:
    def __eq__(self, o):
        print("A.eq")
        return NotImplemented
    def __lt__(self, o):
        print("A.lt")
        return NotImplemented
class B:
    def __eq__(self, o):
        print("B.eq")
        return NotImplemented
    def __gt__(self, o):
        print("B.gt")
        return True
print(A() == B())
print(A() != B())
print(A() < B())
a = A()
print(a == a)
try:
    A() < A()
except TypeError as e:
    print(e)
try:
    A() >= 3
except TypeError as e:
    print(e)
