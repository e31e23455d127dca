class A:
    pass
class B:
    def __add__(self, o):
        return NotImplemented
for expr in ("A() + 1", "1 + A()", "A() * A()", "B() + B()", "A() < 1", "A() @ 1", "A() ** 2", "2 ** A()", "A() % 3", "A() << 1", "divmod(A(), 1)"):
    pass
try:
    A() + 1
except TypeError as e:
    print(e)
try:
    1 + A()
except TypeError as e:
    print(e)
try:
    A() * A()
except TypeError as e:
    print(e)
try:
    B() + B()
except TypeError as e:
    print(e)
try:
    A() < 1
except TypeError as e:
    print(e)
try:
    A() @ 1
except TypeError as e:
    print(e)
try:
    A() ** 2
except TypeError as e:
    print(e)
try:
    A() % 3
except TypeError as e:
    print(e)
try:
    A() << 1
except TypeError as e:
    print(e)
try:
    divmod(A(), 1)
except TypeError as e:
    print(e)
try:
    A() - "s"
except TypeError as e:
    print(e)
