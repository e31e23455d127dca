# From seeds/001 ("ProcessPoolExecutor - CPU bound"): the function, run sequentially with a
# smaller n; results rounded because the sum of square roots is printed.
import math

def compute(n: int) -> float:
    return sum(math.sqrt(i) for i in range(n))

results = list(map(compute, [10_000] * 4))
print([round(r, 6) for r in results])
print(round(compute(100), 10))
