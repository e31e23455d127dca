# statistics on larger generated data: every digit must match CPython.
from statistics import mean, median, stdev, pstdev, variance, pvariance, fmean, mode


def lcg(seed):
    """A small linear congruential generator, so the data does not depend on random."""
    while True:
        seed = (seed * 1103515245 + 12345) % 2 ** 31
        yield seed


gen = lcg(42)
floats = [next(gen) / 2 ** 31 * 100 for _ in range(500)]
ints = [next(gen) % 1000 for _ in range(301)]
print(mean(floats), fmean(floats), median(floats))
print(stdev(floats), pstdev(floats))
print(variance(floats), pvariance(floats))
print(mean(ints), median(ints), mode(ints), stdev(ints), pstdev(ints))
print(variance(ints), pvariance(ints))
mixed = ints[:50] + floats[:50]
print(mean(mixed), stdev(mixed), variance(mixed))
scores = [88, 92, 79, 93, 85, 95, 72, 88, 91, 84]
print(f"mean={mean(scores)} median={median(scores)} sd={stdev(scores):.4f} var={variance(scores)}")
print(round(stdev(scores), 3), round(pstdev(scores), 3))
