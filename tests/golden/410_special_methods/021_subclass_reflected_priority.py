class Base:
    def __add__(self, o):
        return "Base.add"
    def __radd__(self, o):
        return "Base.radd"
class Sub(Base):
    def __radd__(self, o):
        return "Sub.radd"
print(Base() + Sub())
print(Sub() + Base())
print(Base() + Base())
class Sub2(Base):
    pass
print(Base() + Sub2())
class IntSub(int):
    def __radd__(self, o):
        return "IntSub.radd"
    def __rsub__(self, o):
        return "IntSub.rsub"
print(1 + IntSub(2), 5 - IntSub(1), IntSub(1) + 1)
