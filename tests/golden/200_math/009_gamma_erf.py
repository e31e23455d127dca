# gamma and lgamma (Lanczos, as CPython computes them), erf, erfc, cbrt, exp2
import math
vals = [0.5, 1.5, 2.5, 5, 10.1, 30.3, 100.7, 150.2, 171.5, -0.5, -1.5, -2.7, -150.3, -250.5, 1e-25, -1e-25, 3.3e-5, 7.77]
for x in vals:
    for f in (math.gamma, math.lgamma):
        try: print(f.__name__, x, f(x))
        except Exception as e: print(f.__name__, x, type(e).__name__, e)
for x in [0, -1, -2.0, math.inf, -math.inf, math.nan, 171.7, 1e308, -1e308]:
    for f in (math.gamma, math.lgamma):
        try: print(f.__name__, x, f(x))
        except Exception as e: print(f.__name__, x, type(e).__name__, e)
for x in [0, 0.1, 0.5, 1, 2.5, -1.5, 6, -30, math.inf]:
    print("erf", x, math.erf(x), math.erfc(x))
print(math.cbrt(27), math.cbrt(-0.001), math.exp2(0.5), math.exp2(-1074))
try:
    math.exp2(1025)
except OverflowError as e:
    print("OverflowError", e)
