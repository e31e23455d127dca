# Pool.map of CPU-bound work: wall time sequentially and with a Pool of 2 processes, and the
# speed-up. Each process has its own interpreter and its own GIL, so the work really runs in
# parallel (on a 2-core machine the best possible speed-up is 2x).
import multiprocessing
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
    with multiprocessing.Pool(2) as pool:
        pool.map(work, [1, 1])          # workers started and warmed up
        start = time.perf_counter()
        results = pool.map(work, ITEMS)
        parallel = time.perf_counter() - start
    assert results == expected
    print("pool_map_sequential %.3f s" % sequential)
    print("pool_map_parallel %.3f s" % parallel)
    print("pool_map_speedup %.3f x" % (sequential / parallel))
