# time.sleep releases the GIL: four threads sleeping 1 s each finish together in about 1 s.
import threading
import time

start = time.perf_counter()
threads = [threading.Thread(target=time.sleep, args=(1,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.perf_counter() - start
print("4 threads x 1 s sleep finished in under 1.1 s:", elapsed < 1.1)
