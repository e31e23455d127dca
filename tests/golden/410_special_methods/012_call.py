class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, *rest, scale=1):
        return (self.n + x + sum(rest)) * scale
add5 = Adder(5)
print(add5(1), add5(1, 2, 3), add5(1, scale=10))
print(callable(add5), callable(Adder), callable(5))
print(list(map(add5, [1, 2])))
try:
    f = 5
    f()
except TypeError as e:
    print(e)
class X:
    pass
try:
    X()()
except TypeError as e:
    print(e)
