class CountCalls:
    def __init__(self, f):
        self.f = f
        self.calls = 0
    def __call__(self, *a, **k):
        self.calls += 1
        return self.f(*a, **k)
@CountCalls
def square(x):
    return x * x
print([square(i) for i in range(4)], square.calls)
print(type(square).__name__)
