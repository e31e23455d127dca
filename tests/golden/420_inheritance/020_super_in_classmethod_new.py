class Base:
    def __new__(cls, *a, **kw):
        print("Base.__new__", cls.__name__)
        return super().__new__(cls)
    def __init__(self, x):
        self.x = x
class Child(Base):
    def __new__(cls, x):
        print("Child.__new__")
        return super().__new__(cls, x)
c = Child(3)
print(type(c).__name__, c.x)
