# Lesson: for CPU-bound Python, processes give real parallelism and threads do not. The same
# work (four chunks of squaring and summing) runs three ways: one after the other, in four
# threads, and in a multiprocessing.Pool of four processes. What to look for: four threads take
# about as long as the sequential run (x1.0: one GIL, so one thread computes at a time), while
# the Pool is faster by about the number of cores (x2 on a 2-core machine, less the cost of
# starting processes and pickling arguments and results): each process has its own interpreter
# and its own GIL. All three compute the same result. On the timeline the threaded part shows
# the four thread lanes taking turns (green, one at a time, the others red); during the Pool
# part this process's threads only wait (purple, blue, grey: blocked) while the worker
# processes compute, each on a core of its own and with a GIL of its own.
# Timeline:  scripts/gilpy -X giltimeline=procs.svg -X gilstats scripts/demos/threads_vs_processes.py
import multiprocessing
import os
import sys
import threading
import time

CHUNKS = 4
N = int(sys.argv[1]) if len(sys.argv) > 1 else 5_000_000   # a smaller N: a quicker run


def crunch(n):
    total = 0
    for i in range(n):
        total += i * i % 7
    return total


def in_threads(chunks):
    results = [None] * len(chunks)

    def work(k):
        results[k] = crunch(chunks[k])

    threads = [threading.Thread(target=work, args=(k,), name=f"cpu-{k}")
               for k in range(len(chunks))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


if __name__ == "__main__":             # needed: the spawn start method re-imports this file
    chunks = [N] * CHUNKS
    start = time.perf_counter()
    sequential = [crunch(n) for n in chunks]
    t_seq = time.perf_counter() - start

    start = time.perf_counter()
    threaded = in_threads(chunks)
    t_threads = time.perf_counter() - start

    start = time.perf_counter()
    with multiprocessing.Pool(processes=CHUNKS) as pool:
        pooled = pool.map(crunch, chunks)
        pool.close()                    # no more work: let the workers exit on their own
        pool.join()                     # (leaving `with` would kill them with SIGTERM)
    t_pool = time.perf_counter() - start

    print(f"same results all three ways: {sequential == threaded == pooled}")
    print(f"sequential               {t_seq:5.2f} s")
    print(f"{CHUNKS} threads                {t_threads:5.2f} s   x{t_seq / t_threads:.1f}")
    print(f"Pool of {CHUNKS} processes       {t_pool:5.2f} s   x{t_seq / t_pool:.1f}"
          f"   ({os.cpu_count()} cores)")
