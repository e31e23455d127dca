# Barrier: parties wait for each other, the action runs once, abort and reset break it. Timer.
import threading
import time

actions = []
barrier = threading.Barrier(3, action=lambda: actions.append("all arrived"))
indices = []
after = []


def party(i):
    indices.append(barrier.wait())
    after.append(i)


print(barrier.parties, barrier.n_waiting, barrier.broken)
ts = [threading.Thread(target=party, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(indices), sorted(after), actions)

# The barrier is reusable: a second round.
ts = [threading.Thread(target=party, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(actions), barrier.n_waiting)

# A timeout breaks the barrier for everyone.
b = threading.Barrier(2)
try:
    b.wait(timeout=0.05)
except threading.BrokenBarrierError as e:
    print("BrokenBarrierError", repr(e), b.broken)
try:
    b.wait()
except threading.BrokenBarrierError:
    print("still broken")
b.reset()
print("after reset:", b.broken)

# abort() wakes the waiters with BrokenBarrierError.
b = threading.Barrier(3)
errors = []


def waiting():
    try:
        b.wait()
    except threading.BrokenBarrierError:
        errors.append("broken")


ts = [threading.Thread(target=waiting) for _ in range(2)]
for t in ts:
    t.start()
while b.n_waiting < 2:
    time.sleep(0.01)
b.abort()
for t in ts:
    t.join()
print(errors, issubclass(threading.BrokenBarrierError, RuntimeError))

# Timer: fires after the interval, unless cancelled.
fired = []
start = time.monotonic()
t = threading.Timer(0.1, fired.append, args=["fired"])
print(t.name.startswith("Thread-"), isinstance(t, threading.Thread))
t.start()
t.join()
print(fired, time.monotonic() - start >= 0.09)
t = threading.Timer(5, fired.append, ["never"])
t.start()
t.cancel()
t.join()
print(fired, t.finished.is_set())
