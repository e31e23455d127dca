# Semaphore limits how many threads are inside; BoundedSemaphore catches extra releases; Event.
import threading
import time

sem = threading.Semaphore(3)
inside = 0
most = 0
count_lock = threading.Lock()


def worker():
    global inside, most
    with sem:
        with count_lock:
            inside += 1
            most = max(most, inside)
        time.sleep(0.02)
        with count_lock:
            inside -= 1


ts = [threading.Thread(target=worker) for _ in range(10)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("most threads inside at once:", most)

s = threading.Semaphore(0)
print(s.acquire(False), s.acquire(timeout=0.05))
s.release(2)
print(s.acquire(), s.acquire(), s.acquire(blocking=False))
for bad in (lambda: threading.Semaphore(-1), lambda: s.release(0),
            lambda: s.acquire(False, 1)):
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)

b = threading.BoundedSemaphore(2)
b.acquire()
b.release()
try:
    b.release()
except ValueError as e:
    print("ValueError:", e)

ev = threading.Event()
print(ev.is_set(), ev.wait(0.05))
order = []


def waiter(i):
    order.append(("waiting", i))
    if ev.wait(5):
        order.append(("woken", i))


ts = [threading.Thread(target=waiter, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
time.sleep(0.1)
print("woken before set:", [o for o in order if o[0] == "woken"])
ev.set()
for t in ts:
    t.join()
print("woken after set:", sorted(i for what, i in order if what == "woken"))
print(ev.is_set(), ev.wait(), ev.wait(0))
ev.clear()
print(ev.is_set(), ev.wait(0.01))
