# How evenly two CPU-bound threads share the GIL over a run of SECONDS (default 2). Both spin
# the same loop; the main thread sleeps meanwhile. Prints, for the first thread:
#   held_share   its share of the time the two held the GIL (gil.stats() held_s; gilpy only)
#   work_share   its share of the loop iterations the two did (any interpreter)
# 50% is a fair share; gilpy's fair policy aims at 50% +- 10% (tests/thread/041).
# Output is "metric value unit" lines (the format of scripts/bench/threads/run).
# usage: INTERPRETER cpu_share.py [SECONDS]
import sys
import threading
import time

SECONDS = float(sys.argv[1]) if len(sys.argv) > 1 else 2.0
stop = False
iterations = [0, 0]


def spin(i):
    n = 0
    while not stop:
        n += 1
    iterations[i] = n


threads = [threading.Thread(target=spin, args=(i,), name=f"spin-{i}") for i in range(2)]
for t in threads:
    t.start()
time.sleep(SECONDS)
stop = True
for t in threads:
    t.join()

try:
    import gil
except ImportError:                   # CPython: no GIL statistics
    gil = None
if gil is not None:
    held = {d["name"]: d["held_s"] for d in gil.stats()}
    print("held_share %.1f %%" % (100 * held["spin-0"] / (held["spin-0"] + held["spin-1"])))
print("work_share %.1f %%" % (100 * iterations[0] / (iterations[0] + iterations[1])))
