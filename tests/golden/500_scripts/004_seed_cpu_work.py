# From seeds/003 ("Alternatives for CPU-Bound Work"): the sequential baseline; timings are
# measured but not printed (they vary).
import time

def cpu_work(n):
    """CPU-intensive calculation"""
    total = 0
    for i in range(n):
        total += i * i % 1000
    return total

tasks = [20_000] * 8
start = time.perf_counter()
sequential_results = [cpu_work(t) for t in tasks]
sequential_time = time.perf_counter() - start
print(sequential_results)
print(sequential_time >= 0)
