class A:
    def __repr__(self):
        return "A()"
class B:
    def __str__(self):
        return "B-str"
class C:
    def __repr__(self):
        return "C-repr"
    def __str__(self):
        return "C-str"
for o in (A(), C()):
    print(repr(o), str(o), o, [o], "%s %r" % (o, o), f"{o} {o!r}")
b = B()
print(str(b), repr(b).startswith("<__main__.B"))
print([A(), A()], (C(),), {1: A()})
class BadRepr:
    def __repr__(self):
        return 5
try:
    repr(BadRepr())
except TypeError as e:
    print(e)
