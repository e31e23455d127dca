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
# Rounds of (sequential, 1, 2, 4 threads), interleaved so that a burst of load on a shared
# machine hits every variant alike; each ratio is of the medians over the rounds.
ROUNDS = 3
times = {n: [] for n in (0, 1, 2, 4)}
for _ in range(ROUNDS):
    for n in times:
        times[n].append(timed(n))
median = {n: sorted(ts)[len(ts) // 2] for n, ts in times.items()}
print("cpu_sequential %.4f s" % median[0])
for n in (1, 2, 4):
    print("cpu_%d_threads_ratio %.3f x" % (n, median[n] / median[0]))
