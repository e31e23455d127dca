# statistics: variance, pvariance, stdev, pstdev (exact sums, as CPython computes them).
from statistics import variance, pvariance, stdev, pstdev, covariance, correlation, linear_regression

data = [2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]
print(variance(data), pvariance(data), stdev(data), pstdev(data))
print(variance([1, 2, 3, 4]), pvariance([1, 2, 3, 4]), variance([1, 3, 5, 7]), pvariance([2, 4, 4, 4, 5, 5, 7, 9]))
print(stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), pstdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]))
print(stdev([1, 2, 3, 4, 5]), pstdev([2, 4, 4, 4, 5, 5, 7, 9]), stdev([0.1, 0.2, 0.3] * 5))
print(variance([1, 3, 5], 3), pvariance([1, 3, 5], 3), stdev([1, 3, 5], 3), pstdev([7]), pvariance([7]))
print(variance([1, 2, 3.5]), variance([10 ** 20, 10 ** 20 + 1, 10 ** 20 + 2]), stdev([1e10, 1e10 + 1, 1e10 + 2]))
print(variance([0.1, 0.1, 0.1]), stdev([5, 5, 5]), pvariance(iter([1.0, 2.0])))
print(variance([float("inf"), 1.0]), pvariance([1.0, float("nan")]))
try:
    stdev([1.0, float("inf")])
except AttributeError as e:
    print("CPython 3.11 fails here too:", e)
x = [1, 2, 3, 4, 5, 6, 7, 8, 9]
y = [1, 2, 3, 1, 2, 3, 1, 2, 3]
print(covariance(x, y), covariance(x, list(reversed(x))), correlation(x, x), correlation(x, y))
print(linear_regression([1, 2, 3, 4, 5], [5, 8, 11, 14, 17]))
print(linear_regression([1, 2, 3], [2, 4, 7], proportional=True))
lr = linear_regression([1, 2, 3, 4], [2.5, 4.0, 6.5, 8.0])
print(lr.slope, lr.intercept, type(lr).__name__)
