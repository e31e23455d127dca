class Logged:
    def __init__(self):
        self.a = 1
    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        print("del", name)
        super().__delattr__(name)
l = Logged()
l.b = 2
setattr(l, "c", 3)
print(l.__dict__)
del l.a
delattr(l, "b")
print(l.__dict__)
try:
    del l.zzz
except AttributeError as e:
    print(e)
class ReadOnly:
    def __setattr__(self, name, value):
        raise AttributeError(f"{name} is read-only")
try:
    ReadOnly().x = 1
except AttributeError as e:
    print(e)
