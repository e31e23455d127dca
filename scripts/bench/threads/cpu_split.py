# CPU-bound work split over 1, 2 and 4 threads: with a GIL no split is faster than doing it all
# in one thread; the lesson (and gilpy's target) is that it is not much SLOWER either (<= 1.10x).
# Prints "metric value unit" lines read by scripts/bench/threads/run.
import sys
import threading
import time

TOTAL = int(sys.argv[1]) if len(sys.argv) > 1 else 8_000_000


def work(n):
    total = 0
    for i in range(n):
        total += i * i % 7
    return total


def timed(nthreads):
    start = time.perf_counter()
    if nthreads == 0:
        work(TOTAL)              # sequential: no thread at all
    else:
        ts = [threading.Thread(target=work, args=(TOTAL // nthreads,)) for _ in range(nthreads)]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
    return time.perf_counter() - start


work(TOTAL // 10)                # warm up
seq = timed(0)
print("cpu_sequential %.4f s" % seq)
for n in (1, 2, 4):
    t = timed(n)
    print("cpu_%d_threads_ratio %.3f x" % (n, t / seq))
