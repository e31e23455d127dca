class MyList(list):
    def sum(self):
        return sum(self)
    def __repr__(self):
        return "MyList(" + super().__repr__() + ")"
m = MyList([1, 2, 3])
m.append(4)
print(m, m.sum(), len(m), m[1:], type(m[1:]).__name__)
print(isinstance(m, list), m == [1, 2, 3, 4])
class MyDict(dict):
    def __missing__(self, key):
        return key * 2
d = MyDict(a=1)
print(d["a"], d["zz"], d)
class MyStr(str):
    def shout(self):
        return self.upper() + "!"
s = MyStr("hi")
print(s.shout(), s + "x", type(s + "x").__name__, len(s))
class MyInt(int):
    def double(self):
        return self * 2
i = MyInt(21)
print(i.double(), i + 1, type(i + 1).__name__, i == 21, hash(i) == hash(21))
