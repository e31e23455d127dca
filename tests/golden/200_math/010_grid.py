# every math function over a grid of special and ordinary values (results and error messages)
import math
inf, nan = math.inf, math.nan
vals = [0, -0.0, 1, -1, 0.5, -0.5, 2, 3.7, -3.7, 1e-300, 5e-324, 1e300, -1e300, 710, -745.2, inf, -inf, nan, 10**20, -(10**20), True, 2**1023, 0.99999999]
one = ["sqrt", "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sin", "cos", "tan", "asin", "acos", "atan",
       "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "fabs", "cbrt", "erf", "erfc", "gamma", "lgamma",
       "degrees", "radians", "floor", "ceil", "trunc", "modf", "frexp", "isfinite", "isinf", "isnan", "ulp"]
for name in one:
    f = getattr(math, name)
    out = []
    for v in vals:
        try:
            out.append(repr(f(v)))
        except Exception as e:
            out.append(type(e).__name__ + ":" + str(e))
    print(name, " | ".join(out))
two = ["pow", "atan2", "fmod", "remainder", "copysign", "hypot", "nextafter", "log", "ldexp", "dist", "isclose"]
small = [0, -0.0, 1, -1, 2.5, -2.5, 1e308, inf, -inf, nan, 3]
for name in two:
    f = getattr(math, name)
    out = []
    for a in small:
        for b in small:
            try:
                if name == "ldexp":
                    b = int(b) if math.isfinite(b) and abs(b) < 1e6 else 5
                if name == "dist":
                    r = f((a,), (b,))
                else:
                    r = f(a, b)
                out.append(repr(r))
            except Exception as e:
                out.append(type(e).__name__ + ":" + str(e))
    print(name, " | ".join(out))
