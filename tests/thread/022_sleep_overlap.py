# time.sleep releases the GIL: four threads sleeping 1 s each finish together in about 1 s
# (4 s if they took turns). The best of up to three tries is kept: on a busy shared machine
# the kernel may be late to wake a sleeper, whatever the interpreter does.
import threading
import time


def four_sleepers():
    start = time.perf_counter()
    threads = [threading.Thread(target=time.sleep, args=(1,)) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - start


best = four_sleepers()
for _ in range(2):
    if best < 1.1:
        break
    best = min(best, four_sleepers())
print("4 threads x 1 s sleep finished in under 1.1 s:", best < 1.1)
