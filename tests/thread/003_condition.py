# Condition: wait/notify hand-offs, wait timeout, wait_for, notify(n), notify_all, errors.
import threading
import time

cond = threading.Condition()
items = []
log = []


def consumer(name):
    with cond:
        cond.wait_for(lambda: items)
        log.append((name, items.pop(0)))


threads = [threading.Thread(target=consumer, args=("c%d" % i,)) for i in range(3)]
for t in threads:
    t.start()
for i in range(3):
    with cond:
        items.append(i)
        cond.notify()
for t in threads:
    t.join()
print(sorted(x for _, x in log), len(log))

with cond:
    start = time.monotonic()
    print("wait timed out:", cond.wait(0.1) is False, time.monotonic() - start >= 0.09)
    print("wait_for timed out:", cond.wait_for(lambda: False, timeout=0.05))
    print("wait_for true at once:", cond.wait_for(lambda: 42))

# notify(2) wakes exactly two of four waiters; notify_all the rest.
woken = []
ready = threading.Semaphore(0)


def sleeper(i):
    with cond:
        ready.release()
        cond.wait()
        woken.append(i)


ts = [threading.Thread(target=sleeper, args=(i,)) for i in range(4)]
for t in ts:
    t.start()
for _ in ts:
    ready.acquire()
with cond:
    cond.notify(2)
time.sleep(0.2)
print("after notify(2):", len(woken))
with cond:
    cond.notify_all()
for t in ts:
    t.join()
print("after notify_all:", sorted(woken))

# A Condition over a plain Lock, and the errors.
c2 = threading.Condition(threading.Lock())
for call in (c2.wait, c2.notify, c2.notify_all):
    try:
        call()
    except RuntimeError as e:
        print("RuntimeError:", e)
with c2:
    print(c2.wait(0), c2.wait_for(lambda: "yes", 0))
