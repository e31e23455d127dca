class OnlyEq:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
print(OnlyEq.__hash__)
try:
    hash(OnlyEq(1))
except TypeError as e:
    print(e)
try:
    {OnlyEq(1)}
except TypeError as e:
    print(e)
try:
    {OnlyEq(1): 2}
except TypeError as e:
    print(e)
class Both:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
    def __hash__(self):
        return hash(self.v)
s = {Both(1), Both(1), Both(2)}
print(len(s))
print(hash(Both(7)) == hash(7))
class Child(OnlyEq):
    pass
try:
    hash(Child(1))
except TypeError as e:
    print(e)
class NoHash:
    __hash__ = None
try:
    hash(NoHash())
except TypeError as e:
    print(e)
