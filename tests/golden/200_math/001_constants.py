# math constants and their reprs
import math
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(type(math.pi).__name__, math.pi == 3.141592653589793, math.tau == 2 * math.pi)
print(math.isinf(math.inf), math.isnan(math.nan), math.nan == math.nan)
print(math.inf > 10**400, -math.inf < -10**400)
