# statistics: mean, fmean, median and friends, mode and multimode.
from statistics import (mean, fmean, median, median_low, median_high, median_grouped,
                        mode, multimode, geometric_mean, harmonic_mean, quantiles)

print(mean([1, 2, 3, 4, 4]), mean([1, 2, 3]), mean([1, 2]), mean([-1.0, 2.5, 3.25, 5.75]))
print(mean([2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]), mean([0.1] * 10), mean([1e50, 1, -1e50] * 100))
print(mean(range(1, 101)), mean([1, 2.5]), mean(iter([3, 4])), mean([True, 3]), mean([10 ** 30, 1]))
print(mean([0.1, 0.2, 0.3]), mean([1 / 3, 2 / 3]), mean([float("inf"), 1]))
print(fmean([3.5, 4.0, 5.25]), fmean([1, 2, 3]), fmean(iter([1, 2])), fmean([1, 2, 3], weights=[3, 2, 1]))
print(median([1, 3, 5]), median([1, 3, 5, 7]), median([5, 1, 3, 2]), median([2.5, 1]), median(["b", "a", "c"]))
print(median_low([1, 3, 5, 7]), median_high([1, 3, 5, 7]), median_low([1, 3, 5]), median_high("bca"))
print(median_grouped([1, 2, 2, 3, 4, 4, 4, 4, 4, 5]), median_grouped([52, 52, 53, 54], interval=2))
print(mode([1, 1, 2, 3, 3, 3, 3, 4]), mode("aab"), mode(["red", "blue", "red"]), mode([1, 2, 2, 1]))
print(multimode("aabbbbccddddeeffffgg"), multimode([]), multimode([3]), multimode("abab"))
print(geometric_mean([54, 24, 36]), harmonic_mean([40, 60]), harmonic_mean([60]), harmonic_mean([2.5, 3, 10]))
print(harmonic_mean([40, 60], weights=[5, 30]), harmonic_mean([1, 0, 3]))
print(quantiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), quantiles(range(10), n=3, method="inclusive"))
print(quantiles([105, 129, 87, 86, 111, 111, 89, 81, 108, 92, 110, 100, 75, 105, 103, 109, 76, 119, 99, 91], n=10))
print(quantiles([1.5, 2.5], n=2), quantiles([1, 100], n=5, method="inclusive"))
