# The cost of one thread's whole life: Thread() + start() + join() of an empty function.
import sys
import threading
import time

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1000


def nothing():
    pass


start = time.perf_counter()
for _ in range(N):
    t = threading.Thread(target=nothing)
    t.start()
    t.join()
elapsed = time.perf_counter() - start
print("thread_create_start_join %.2f us" % (elapsed / N * 1e6))
