# Assigning a special method to a class after the class statement (monkey-patching) must
# take effect for the class and for subclasses that already exist.
class Base:
    pass
class Sub(Base):
    pass
class SubSub(Sub):
    pass
Base.__repr__ = lambda self: "patched " + type(self).__name__
print(Base(), Sub(), [SubSub()])
Sub.__len__ = lambda self: 3
print(len(SubSub()), bool(Sub()))
Base.__eq__ = lambda self, o: True
print(SubSub() == 5, Base.__hash__ is None if "__hash__" in Base.__dict__ else "hash kept")
Base.__add__ = lambda self, o: "added"
print(Sub() + 1, SubSub() + Sub())
del Base.__repr__
print(repr(Sub()).startswith("<__main__.Sub object"))
class Own(Base):
    def __repr__(self):
        return "own"
Base.__repr__ = lambda self: "base again"
print(Own(), Sub())
