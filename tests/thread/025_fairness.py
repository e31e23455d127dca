# Fairness: two CPU-bound threads both make progress while they share the GIL (neither is
# starved), in the spirit of micropython's thread_coop.py.
import threading
import time

stop = threading.Event()
counts = [0, 0]


def spin(i):
    n = 0
    while not stop.is_set():
        for _ in range(1000):
            n += 1
        counts[i] = n


threads = [threading.Thread(target=spin, args=(i,)) for i in range(2)]
for t in threads:
    t.start()
time.sleep(0.5)
stop.set()
for t in threads:
    t.join()
low, high = min(counts), max(counts)
print("both threads made progress:", low > 0)
print("neither starved (slower one did at least a fifth of the faster):", low * 5 >= high)
