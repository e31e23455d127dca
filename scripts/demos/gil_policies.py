# Lesson: the GIL's history. One CPU-bound thread and one thread that wakes up every 10 ms
# (like a thread answering network requests). Run it under each policy:
#   scripts/gilpy -X gil=fair -X gilstats -X giltimeline=fair.svg scripts/demos/gil_policies.py
#   scripts/gilpy -X gil=py2  -X gilstats -X giltimeline=py2.svg  scripts/demos/gil_policies.py
#   scripts/gilpy -X gil=py3  -X gilstats -X giltimeline=py3.svg  scripts/demos/gil_policies.py
# What to look for: the waker's latency (time from its timer to running). Under `fair` it gets
# the GIL within a fraction of a millisecond (it asks the holder to drop); under `py3` it waits
# about a switch interval (5 ms) each time: the convoy effect of CPython issue 7946; under
# `py2` the CPU thread keeps winning the lock right back (the GIL battle), visible in gilstats
# as many more acquisitions.
import gil
import threading
import time


def crunch(stop):
    n = 0
    while not stop.is_set():
        n += 1


def waker(latencies):
    for _ in range(30):
        due = time.perf_counter() + 0.01
        time.sleep(0.01)
        latencies.append(time.perf_counter() - due)


stop = threading.Event()
latencies = []
cpu = threading.Thread(target=crunch, args=(stop,), name="cpu")
wake = threading.Thread(target=waker, args=(latencies,), name="waker")
cpu.start()
wake.start()
wake.join()
stop.set()
cpu.join()
latencies.sort()
print(f"policy {gil.policy()}: waker latency p50 {latencies[len(latencies) // 2] * 1000:.2f} ms, "
      f"max {latencies[-1] * 1000:.2f} ms")
