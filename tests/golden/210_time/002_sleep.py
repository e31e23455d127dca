# sleep: elapsed time within bounds, argument checks with CPython's messages
import time
start = time.perf_counter()
time.sleep(0.05)
elapsed = time.perf_counter() - start
print("slept enough:", elapsed >= 0.049, "not too long:", elapsed < 1.0)
start = time.monotonic()
time.sleep(0)
time.sleep(0.01)
print(time.monotonic() - start < 1.0)
print(time.sleep(0.001))
for bad in [-1, -0.5, "1", None, float("nan"), [1]]:
    try:
        time.sleep(bad)
    except (ValueError, TypeError) as e:
        print(repr(bad), type(e).__name__, e)
try:
    time.sleep()
except TypeError as e:
    print("TypeError", e)
