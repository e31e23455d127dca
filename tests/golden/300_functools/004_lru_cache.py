# functools.lru_cache and cache: hits, misses, eviction order, typed, cache_clear.
from functools import lru_cache, cache


@lru_cache(maxsize=3)
def slow_square(n):
    print("  computing", n)
    return n * n


for n in [1, 2, 3, 1, 4, 2, 1, 5, 3]:
    print(n, slow_square(n))
info = slow_square.cache_info()
print(info)
print(info.hits, info.misses, info.maxsize, info.currsize, tuple(info))
slow_square.cache_clear()
print(slow_square.cache_info())


@lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(100), fib.cache_info())


@cache
def ways(n):
    if n < 0:
        return 0
    if n == 0:
        return 1
    return ways(n - 1) + ways(n - 2) + ways(n - 3)


print(ways(40), ways.cache_info())


@lru_cache(maxsize=None, typed=True)
def kind(x):
    return type(x).__name__


print(kind(1), kind(1.0), kind(True), kind(1), kind.cache_info())


@lru_cache(maxsize=0)
def nocache(x):
    return x * 2


print(nocache(2), nocache(2), nocache.cache_info())


@lru_cache(maxsize=2)
def kw(a, b=1, *, c=2):
    return a + b + c


print(kw(1), kw(1, 1), kw(1, b=1), kw(1, c=5), kw.cache_info())
print(kw.__name__, kw.cache_parameters())
try:
    lru_cache("big")
except TypeError as e:
    print(type(e).__name__, e)
