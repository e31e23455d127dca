# pow with IEEE special cases, fmod, remainder, copysign, fabs, hypot, dist
import math
inf, nan = math.inf, math.nan
cases = [(2, 10), (2, -1), (2, 0.5), (-8, 1 / 3), (0, 0), (0, 1), (0.0, -1), (-2, 3),
         (1, nan), (nan, 0), (inf, 2), (-inf, 3), (-inf, -3), (-inf, 2), (0.5, inf),
         (2, -inf), (-1, inf), (10, 400), (-10, 401), (1.5, 2.5)]
for x, y in cases:
    try:
        print("pow", x, y, math.pow(x, y))
    except (ValueError, OverflowError) as e:
        print("pow", x, y, type(e).__name__, e)
for x, y in [(7, 3), (-7, 3), (7, -3), (5.5, 2), (1, inf), (inf, 1), (1, 0), (-0.0, 1)]:
    try:
        print("fmod", x, y, math.fmod(x, y))
    except ValueError as e:
        print("fmod", x, y, type(e).__name__, e)
print(math.remainder(10, 3), math.remainder(11, 3), math.remainder(-5, 2))
print(math.copysign(3, -0.0), math.copysign(-2.5, 1), math.copysign(inf, -1))
print(math.fabs(-3), math.fabs(-0.0), math.fabs(-inf))
print(math.hypot(3, 4), math.hypot(1, 1), math.hypot(), math.hypot(-5), math.hypot(1, 2, 3, 4))
print(math.hypot(1e300, 1e300), math.hypot(1e-320, 1e-320), math.hypot(inf, nan), math.hypot(nan, 1))
print(math.hypot(0.1, 0.2, 0.3), math.hypot(3.0, 4.0, 12.0))
print(math.dist((0, 0), (3, 4)), math.dist([1, 2, 3], [4, 5, 6]), math.dist((1.5,), (-2.5,)))
try:
    math.dist((1, 2), (1, 2, 3))
except ValueError as e:
    print("ValueError", e)
try:
    math.pow(1)
except TypeError as e:
    print("TypeError", e)
print(math.nextafter(1.0, 2.0), math.nextafter(0.0, -1.0), math.ulp(1.0), math.ulp(1e300))
