# statistics errors: StatisticsError (a ValueError) and TypeError messages.
import statistics
from statistics import StatisticsError

cases = [
    ("mean", ([],)), ("median", ([],)), ("median_low", ([],)), ("median_high", ([],)),
    ("mode", ([],)), ("stdev", ([1],)), ("variance", ([1],)), ("pstdev", ([],)),
    ("pvariance", ([],)), ("fmean", ([],)), ("quantiles", ([1],)), ("mean", (["a"],)),
    ("harmonic_mean", ([-1, 2],)), ("harmonic_mean", ([],)), ("geometric_mean", ([0],)),
    ("geometric_mean", ([],)), ("covariance", ([1, 2], [1])), ("correlation", ([1], [1])),
    ("correlation", ([1, 1], [1, 2])), ("linear_regression", ([1, 1], [1, 2])),
    ("fmean", ([1, 2], [1])), ("mean", ([1, "2"],)), ("quantiles", ([1, 2, 3],)),
]
for name, args in cases:
    try:
        print(name, getattr(statistics, name)(*args))
    except (StatisticsError, TypeError) as e:
        print(name, type(e).__name__, e)
try:
    statistics.quantiles([1, 2], n=0)
except StatisticsError as e:
    print(type(e).__name__, e)
try:
    statistics.quantiles([1, 2], method="x")
except ValueError as e:
    print(type(e).__name__, e)
print(issubclass(StatisticsError, ValueError), StatisticsError.__mro__[1].__name__)
try:
    statistics.mean([])
except ValueError as e:
    print("caught as ValueError:", e)
