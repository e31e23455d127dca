class A:
    x = 1
    lst = []
class B(A):
    pass
class C(A):
    x = 3
print(A.x, B.x, C.x)
A.x = 10
print(A.x, B.x, C.x)
B.x = 20
print(A.x, B.x, C.x)
del B.x
print(B.x)
B.lst.append(1)
print(A.lst, C.lst)
print("x" in B.__dict__, "x" in C.__dict__)
