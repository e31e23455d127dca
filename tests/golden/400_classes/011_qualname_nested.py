class Outer:
    class Inner:
        def method(self):
            pass
    def meth(self):
        def local():
            pass
        return local

print(Outer.__qualname__, Outer.Inner.__qualname__)
print(Outer.Inner.method.__qualname__)
print(Outer().meth().__qualname__)
print(Outer.Inner.__name__, Outer.Inner.__module__)

def factory():
    class Local:
        pass
    return Local

L = factory()
print(L.__qualname__, L.__name__)
print(repr(L).startswith("<class '__main__.factory.<locals>.Local'"))
print(repr(Outer.Inner))
