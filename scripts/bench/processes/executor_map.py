# ProcessPoolExecutor.map of CPU-bound work: sequential time, parallel time with 2 workers,
# and the speed-up (at most 2x on a 2-core machine).
from concurrent.futures import ProcessPoolExecutor
import time

ITEMS = [500_000] * 16


def work(n):
    total = 0
    for i in range(n):
        total += i * i % 7
    return total


if __name__ == "__main__":
    start = time.perf_counter()
    expected = [work(n) for n in ITEMS]
    sequential = time.perf_counter() - start
    with ProcessPoolExecutor(max_workers=2) as ex:
        list(ex.map(work, [1, 1]))      # workers started and warmed up
        start = time.perf_counter()
        results = list(ex.map(work, ITEMS))
        parallel = time.perf_counter() - start
    assert results == expected
    print("executor_map_sequential %.3f s" % sequential)
    print("executor_map_parallel %.3f s" % parallel)
    print("executor_map_speedup %.3f x" % (sequential / parallel))
