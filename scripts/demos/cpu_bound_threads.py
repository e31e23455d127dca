# Lesson: threads do not speed up CPU-bound Python. The same work (count down from 2,000,000
# four times) runs first in one thread, then split over four threads. What to look for: the
# threaded run takes about as long as the sequential one, because only the thread holding the
# GIL runs; the timeline shows one green lane at a time, the others red (waiting), and the
# -X gilstats table shows each thread holding the GIL about a quarter of the threaded part.
# Timeline:  scripts/gilpy -X giltimeline=cpu.svg -X gilstats scripts/demos/cpu_bound_threads.py
import threading
import time


def count(n):
    while n > 0:
        n -= 1


N = 2_000_000
start = time.perf_counter()
for _ in range(4):
    count(N)
sequential = time.perf_counter() - start

start = time.perf_counter()
threads = [threading.Thread(target=count, args=(N,), name=f"cpu-{i}") for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
threaded = time.perf_counter() - start
print(f"sequential {sequential:.2f} s, four threads {threaded:.2f} s, "
      f"speed-up x{sequential / threaded:.2f}")
