# trigonometric and hyperbolic functions, degrees and radians
import math
for x in [0, 0.5, 1, -1, math.pi / 6, math.pi / 4, math.pi / 2, 3]:
    print(x, math.sin(x), math.cos(x), math.tan(x))
for x in [0, 0.5, 1, -1, -0.25]:
    print(x, math.asin(x), math.acos(x), math.atan(x))
for x in [0, 0.5, 1, -2, 20]:
    print(x, math.sinh(x), math.cosh(x), math.tanh(x), math.asinh(x))
print(math.acosh(1), math.acosh(10), math.atanh(0.5), math.atan(math.inf))
for y, x in [(1, 1), (1, -1), (-1, -1), (0, -1), (-0.0, -1), (0, 0), (math.inf, math.inf), (1, 0)]:
    print("atan2", y, x, math.atan2(y, x))
print(math.degrees(math.pi), math.radians(180), math.degrees(1), math.radians(45))


def attempt(label, f, *args):
    try:
        print(label, f(*args))
    except (ValueError, OverflowError, TypeError) as e:
        print(label, type(e).__name__, e)


attempt("asin(2)", math.asin, 2)
attempt("acos(-1.5)", math.acos, -1.5)
attempt("sin(inf)", math.sin, math.inf)
attempt("cos(-inf)", math.cos, -math.inf)
attempt("tan(nan)", math.tan, math.nan)
attempt("cosh(1000)", math.cosh, 1000)
attempt("sinh(-1000)", math.sinh, -1000)
attempt("acosh(0)", math.acosh, 0)
attempt("atanh(1)", math.atanh, 1)
attempt("atan2(1)", math.atan2, 1)
attempt("sin('a')", math.sin, "a")
