class Base:
    def __init__(self):
        print("Base")
        super().__init__()
class Left(Base):
    def __init__(self):
        print("Left")
        super().__init__()
class Right(Base):
    def __init__(self):
        print("Right")
        super().__init__()
class Mixin:
    def __init__(self):
        print("Mixin")
        super().__init__()
class Bottom(Left, Right, Mixin):
    def __init__(self):
        print("Bottom")
        super().__init__()
Bottom()
print([c.__name__ for c in Bottom.__mro__])
