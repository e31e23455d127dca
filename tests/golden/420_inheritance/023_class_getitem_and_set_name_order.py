class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item.__name__ if isinstance(item, type) else item}]"
print(Box[int], Box["x"])
class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
class Model:
    a = Field()
    b = Field()
    def __init_subclass__(cls):
        print("init_subclass", cls.__name__)
class User(Model):
    c = Field()
print(list[int], dict[str, int])
