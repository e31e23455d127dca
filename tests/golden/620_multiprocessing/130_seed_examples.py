# The remaining process examples of the seed articles, as written there (top-level code, no
# guard: fine with the default 'fork' start method), with smaller inputs so the test is short.
# Timings vary from run to run, so only the results are printed.
import math
import time
from concurrent.futures import ThreadPoolExecutor, ProcessPoolExecutor
from multiprocessing import Pool


# From "Alternatives for CPU-Bound Work"
def cpu_work(n):
    """CPU-intensive calculation"""
    total = 0
    for i in range(n):
        total += i * i % 1000
    return total


def benchmark_executor(executor_class, num_workers, tasks):
    start = time.perf_counter()
    with executor_class(max_workers=num_workers) as executor:
        results = list(executor.map(cpu_work, tasks))
    return time.perf_counter() - start, results


tasks = [20_000] * 8                      # the article uses [2_000_000] * 8
sequential_results = [cpu_work(t) for t in tasks]
thread_time, thread_results = benchmark_executor(ThreadPoolExecutor, 4, tasks)
process_time, process_results = benchmark_executor(ProcessPoolExecutor, 4, tasks)
print(sequential_results[0], thread_results == sequential_results,
      process_results == sequential_results)


# From "Multiprocessing — CPU-Bound Tasks"
def square(n):
    return n ** 2


if __name__ == "__main__":
    with Pool(processes=4) as pool:
        results = pool.map(square, range(10))
    print(results)


# From "Concurrent Futures (Recommended API)"
def io_task(n):
    time.sleep(0.01)                      # the article sleeps 1 s
    return n


def cpu_task(n):
    return sum(i * i for i in range(n))


with ThreadPoolExecutor(max_workers=4) as executor:
    results = list(executor.map(io_task, range(4)))
print(results)
with ProcessPoolExecutor(max_workers=4) as executor:
    results = list(executor.map(cpu_task, [10**5] * 4))   # the article uses 10**6
print(results)


# From "ProcessPoolExecutor — CPU bound (computation)"
def compute(n: int) -> float:
    return sum(math.sqrt(i) for i in range(n))


with ProcessPoolExecutor() as pool:
    results = list(pool.map(compute, [100_000] * 4))     # the article uses 10_000_000
print(results)
