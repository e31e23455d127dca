# statistics.NormalDist: pdf, cdf, inv_cdf, quantiles, overlap, arithmetic.
from statistics import NormalDist, StatisticsError

n = NormalDist(100, 15)
print(n, n.mean, n.median, n.mode, n.stdev, n.variance)
print(n.pdf(100), n.cdf(115), n.cdf(70), n.inv_cdf(0.975), n.inv_cdf(0.5), n.inv_cdf(0.001))
print(n.quantiles(), n.quantiles(10))
print(NormalDist().inv_cdf(0.95), NormalDist().cdf(1.96), NormalDist().pdf(0), NormalDist(0, 1).zscore(1.5))
a, b = NormalDist(2.4, 1.6), NormalDist(3.2, 2.0)
print(a.overlap(b), a + b, a - b, a * 2, a / 4, 3 + a, -a, a == NormalDist(2.4, 1.6))
print(NormalDist.from_samples([2.5, 3.1, 2.1, 2.4, 2.7, 3.5]))
temps = NormalDist.from_samples([20, 22, 19, 24, 21, 23, 20])
print(round(temps.mean, 6), round(temps.stdev, 6), round(temps.cdf(25), 6))
print(len(n.samples(5, seed=1)), NormalDist(5, 0).mean)
for bad in [lambda: NormalDist(0, -1), lambda: n.inv_cdf(0), lambda: n.inv_cdf(1.5), lambda: NormalDist(1, 0).pdf(1), lambda: NormalDist.from_samples([1])]:
    try:
        print(bad())
    except StatisticsError as e:
        print(type(e).__name__, e)
