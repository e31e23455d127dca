# A Python signal handler that raises interrupts time.sleep and lock waits (PEP 475).
import signal, time, _thread
def h(s, f):
    raise TimeoutError("too slow")
signal.signal(signal.SIGALRM, h)
signal.alarm(1)
t0 = time.time()
try:
    time.sleep(3)
except TimeoutError as e:
    print("sleep interrupted:", e, round(time.time() - t0))
lock = _thread.allocate_lock(); lock.acquire()
signal.alarm(1)
try:
    lock.acquire()
except TimeoutError as e:
    print("lock wait interrupted:", e)
hits = []
signal.signal(signal.SIGALRM, lambda s, f: hits.append(s))
signal.alarm(1)
print(lock.acquire(timeout=1.5), hits)
