# Blocking pipe reads release the GIL: eight reader threads wait on their pipes at the same
# time, and a writer feeds them all after 0.5 s. The total is about 0.5 s, not 8 x 0.5 s.
import os
import threading
import time

N = 8
pipes = [os.pipe() for _ in range(N)]
got = [None] * N
waiting = threading.Semaphore(0)


def reader(i):
    r, _ = pipes[i]
    waiting.release()
    got[i] = os.read(r, 100)      # blocks until the writer writes


def writer():
    for _ in range(N):
        waiting.acquire()         # every reader has started (and is about to block)
    time.sleep(0.5)
    for i, (_, w) in enumerate(pipes):
        os.write(w, b"message %d" % i)


start = time.perf_counter()
threads = [threading.Thread(target=reader, args=(i,)) for i in range(N)]
threads.append(threading.Thread(target=writer))
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.perf_counter() - start
print(got[0], got[7], len(set(got)))
print("8 pipe readers overlapped their waits:", 0.45 < elapsed < 1.0)
for r, w in pipes:
    os.close(r)
    os.close(w)
