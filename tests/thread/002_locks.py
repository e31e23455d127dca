# Lock and RLock: acquire with blocking and timeout, release, locked, with, the error messages.
import threading
import time

lock = threading.Lock()
print(lock.locked(), lock.acquire(), lock.locked())
print(lock.acquire(False), lock.acquire(blocking=False))
start = time.monotonic()
print(lock.acquire(timeout=0.1), time.monotonic() - start >= 0.09)
lock.release()
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
with lock:
    print("inside with:", lock.locked())
print("after with:", lock.locked())
try:
    lock.acquire(False, 1)
except ValueError as e:
    print("ValueError:", e)
print(threading.ThreadError is RuntimeError, threading.TIMEOUT_MAX > 1000)

# Another thread releases a lock this one holds: a plain Lock has no owner.
lock.acquire()
threading.Thread(target=lock.release).start()
print("acquired after the other thread released it:", lock.acquire(timeout=5))
lock.release()

# RLock: the owner may take it again; it is free after as many releases.
r = threading.RLock()
with r:
    with r:
        print("nested:", r._is_owned(), r._recursion_count())
print("owned after:", r._is_owned())
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError:", e)

got = []
r.acquire()
t = threading.Thread(target=lambda: got.append(r.acquire(timeout=0.05)))
t.start()
t.join()
print("other thread got the held RLock:", got)
r.release()
t = threading.Thread(target=lambda: got.append(r.acquire(timeout=1) and r.release() is None))
t.start()
t.join()
print("and once it was free:", got)


def release_foreign():
    try:
        r.release()
    except RuntimeError as e:
        print("RuntimeError:", e)


r.acquire()
t = threading.Thread(target=release_foreign)
t.start()
t.join()
r.release()
