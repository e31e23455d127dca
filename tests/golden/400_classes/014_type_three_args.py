def hello(self):
    return "hello from " + type(self).__name__

Base = type("Base", (), {"greet": hello, "n": 1})
Sub = type("Sub", (Base,), {"n": 2})
s = Sub()
print(s.greet(), s.n, Base.n)
print(Sub.__mro__)
print(Sub.__name__, Sub.__bases__)
print(type(s) is Sub, isinstance(s, Base))
