# fsum (exact, Shewchuk) against sum, prod with start
import math
print(sum([0.1] * 10), math.fsum([0.1] * 10))
print(math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]), math.fsum([]))
print(math.fsum([1e-16, 1, 1e16]), math.fsum(x / 7 for x in range(100)))
print(math.fsum([1, 2, 3]), math.fsum([math.inf, 1]), math.fsum([-math.inf, -1]))
print(math.fsum([math.nan, 1]), math.fsum(iter([0.5, 0.25])))
for bad in [[1e308, 1e308], [math.inf, -math.inf], ["a"], 5]:
    try:
        print(math.fsum(bad))
    except (OverflowError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(math.prod([]), math.prod(range(1, 11)), math.prod([1.5, 2, 4]), math.prod([2, 3], start=10))
print(math.prod(["ab", 3]), math.prod(range(1, 30)), math.prod([], start="x"))
try:
    math.prod()
except TypeError as e:
    print("TypeError", e)
try:
    math.prod([1, "a", "b"])
except TypeError as e:
    print("TypeError", e)
