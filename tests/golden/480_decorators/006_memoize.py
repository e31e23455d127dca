def memoize(f):
    cache = {}
    def w(n):
        if n not in cache:
            cache[n] = f(n)
        return cache[n]
    w.cache = cache
    return w
calls = 0
@memoize
def fib(n):
    global calls
    calls += 1
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(50), calls, len(fib.cache))
import functools
@functools.lru_cache(maxsize=None)
def fact(n):
    return 1 if n < 2 else n * fact(n - 1)
print(fact(30))
