class Base:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"Base({self.v})"
    def __len__(self):
        return self.v
    def __eq__(self, o):
        return self.v == o.v
    __hash__ = None
class Sub(Base):
    def __repr__(self):
        return "Sub:" + super().__repr__()
    def __len__(self):
        return super().__len__() * 2
    def __hash__(self):
        return self.v
print(Base(2), Sub(3), len(Base(2)), len(Sub(3)))
print(Sub(1) == Base(1), {Sub(4)} == {Sub(4)}, hash(Sub(9)))
try:
    hash(Base(1))
except TypeError as e:
    print(e)
