# floor, ceil, trunc return ints (big ones too), and use __floor__/__ceil__/__trunc__
import math
for x in [2.5, -2.5, 0.0, -0.0, 3, -3, True, 1e20, -1e300, 2**100, 0.999999]:
    print(repr(x), math.floor(x), math.ceil(x), math.trunc(x), type(math.floor(x)).__name__)


class Money:
    def __floor__(self):
        return "floored"

    def __ceil__(self):
        return "ceiled"

    def __trunc__(self):
        return 42


class OnlyFloat:
    def __float__(self):
        return 7.5


print(math.floor(Money()), math.ceil(Money()), math.trunc(Money()))
print(math.floor(OnlyFloat()), math.ceil(OnlyFloat()))
for f in (math.floor, math.ceil, math.trunc):
    for bad in [math.inf, -math.inf, math.nan, "3", None]:
        try:
            print(f(bad))
        except (ValueError, OverflowError, TypeError) as e:
            print(f.__name__, type(e).__name__, e)
try:
    math.trunc(OnlyFloat())
except TypeError as e:
    print("TypeError", e)
print(math.modf(3.75), math.modf(-2.5), math.modf(math.inf), math.modf(0.0))
print(math.frexp(8.0), math.frexp(0.1), math.frexp(0), math.frexp(-math.inf))
print(math.ldexp(0.5, 4), math.ldexp(1, -1074), math.ldexp(1, -1080), math.ldexp(3, 10**30 * 0))
for args in [(1.0, 1024), (1, 10**100), (1.0, 1.5)]:
    try:
        print(math.ldexp(*args))
    except (OverflowError, TypeError) as e:
        print(type(e).__name__, e)
print(math.ldexp(1.0, -10**100), math.ldexp(math.inf, 5))
