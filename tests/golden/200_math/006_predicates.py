# isfinite / isinf / isnan / isclose
import math
for x in [0, 1.5, -2, math.inf, -math.inf, math.nan, 10**300]:
    print(x, math.isfinite(x), math.isinf(x), math.isnan(x))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(1, 1.05, rel_tol=0.1))
print(math.isclose(0.0, 1e-12), math.isclose(0.0, 1e-12, abs_tol=1e-9), math.isclose(math.inf, math.inf))
print(math.isclose(math.inf, 1e308), math.isclose(math.nan, math.nan), math.isclose(a=1, b=1))
for kw in [{"rel_tol": -1}, {"abs_tol": -0.5}]:
    try:
        math.isclose(1, 2, **kw)
    except ValueError as e:
        print("ValueError", e)
try:
    math.isclose(1)
except TypeError as e:
    print("TypeError", e)
try:
    math.isclose(1, 2, 3)
except TypeError as e:
    print("TypeError", e)
try:
    math.isnan("x")
except TypeError as e:
    print("TypeError", e)
