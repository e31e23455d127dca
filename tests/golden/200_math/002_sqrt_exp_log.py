# sqrt, exp, logarithms (with a base, with huge ints) and their domain errors
import math
for x in [0, 1, 2, 4, 0.25, 1e300, 10**50, math.inf]:
    print("sqrt", x, math.sqrt(x))
for x in [0, 1, -1, 0.5, 700, -700, 1e-10]:
    print("exp", x, math.exp(x))
print(math.exp2(10), math.expm1(1e-10), math.log1p(1e-10))
for x in [1, 2, math.e, 10, 0.1, 1e300, 2**1000, 10**400]:
    print("log", x if x < 10**20 else "big", math.log(x), math.log2(x), math.log10(x))
print(math.log(8, 2), math.log(100, 10), math.log(2**200, 2), math.log(1000, 10), math.log(0.5, 4))
print(math.log(math.inf), math.log2(1024), math.log10(1000))


def attempt(label, f, *args):
    try:
        print(label, f(*args))
    except (ValueError, OverflowError, ZeroDivisionError, TypeError) as e:
        print(label, type(e).__name__, e)


attempt("sqrt(-1)", math.sqrt, -1)
attempt("sqrt(-inf)", math.sqrt, -math.inf)
attempt("exp(1000)", math.exp, 1000)
attempt("exp(-inf)", math.exp, -math.inf)
attempt("log(0)", math.log, 0)
attempt("log(-1)", math.log, -1)
attempt("log(-1.5)", math.log, -1.5)
attempt("log(0.0)", math.log, 0.0)
attempt("log(-10**400)", math.log, -10**400)
attempt("log(1, 1)", math.log, 1, 1)
attempt("log(10, 0)", math.log, 10, 0)
attempt("log2(0)", math.log2, 0)
attempt("log10(-2)", math.log10, -2)
attempt("log1p(-1)", math.log1p, -1)
attempt("log()", math.log)
attempt("log(1,2,3)", math.log, 1, 2, 3)
attempt("sqrt('x')", math.sqrt, "x")
attempt("sqrt(None)", math.sqrt, None)
attempt("sqrt(1, 2)", math.sqrt, 1, 2)
attempt("sqrt(10**400)", math.sqrt, 10**400)
