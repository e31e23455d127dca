data = [1, 5, 2, 8, 3]
print([y for x in data if (y := x * 2) > 5])
print(y)
def f():
    [last := v for v in range(4)]
    return last
print(f())
print([(n, s) for n in range(3) if (s := n * n) >= 1])
