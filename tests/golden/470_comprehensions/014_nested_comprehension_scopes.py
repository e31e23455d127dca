def f():
    x = 10
    return [[x + i + j for j in range(2)] for i in range(2)]
print(f())
def g():
    data = {"a": [1, 2], "b": [3]}
    return {k: [v * 2 for v in vs if v != 2] for k, vs in data.items()}
print(g())
def h():
    y = 1
    def inner():
        return [y * k for k in range(3)]
    y = 5
    return inner()
print(h())
print([[(lambda: i * j)() for j in range(3)] for i in range(3)])
