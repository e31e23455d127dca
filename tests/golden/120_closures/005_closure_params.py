# Closures over parameters, and closures sharing a cell.
def multiplier(n):
    def mul(x):
        return x * n
    return mul
double, triple = multiplier(2), multiplier(3)
print(double(5), triple(5), double(triple(2)))
def pair():
    shared = []
    def add(x):
        shared.append(x)
        return len(shared)
    def show():
        return shared
    return add, show
add, show = pair()
add(1)
add("two")
print(show())
def memo_fib():
    cache = {}
    def fib(n):
        if n in cache:
            return cache[n]
        r = n if n < 2 else fib(n - 1) + fib(n - 2)
        cache[n] = r
        return r
    return fib
print(memo_fib()(90), memo_fib()(200))
