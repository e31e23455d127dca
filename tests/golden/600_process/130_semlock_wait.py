# _multiprocessing.SemLock waits: timeouts, a thread blocked on one lets the others run,
# Ctrl-C (SIGINT from a child) interrupts the main thread's wait, and a signal handler runs
# during the wait.
import os
import signal
import sys
import threading
import time
from _multiprocessing import SemLock

base = "/gilpy-semwait-%d" % os.getpid()
sem = SemLock(1, 0, 1, base + "a", True)
t0 = time.monotonic()
print(sem.acquire(True, 0.2), time.monotonic() - t0 >= 0.15)
print(sem.acquire(False), sem.acquire(True, -1))

got = []


def waiter():
    got.append(sem.acquire(True, 5))


t = threading.Thread(target=waiter)
t.start()
n = 0
deadline = time.monotonic() + 0.2
while time.monotonic() < deadline:
    n += 1
sem.release()
t.join()
print("ran while waiting:", n > 1000, got)

sys.stdout.flush()
pid = os.fork()
if pid == 0:
    time.sleep(0.3)
    os.kill(os.getppid(), signal.SIGINT)
    os._exit(0)
try:
    sem.acquire()
    print("acquired?")
except KeyboardInterrupt:
    print("KeyboardInterrupt in acquire")
os.waitpid(pid, 0)


def on_alarm(signum, frame):
    raise TimeoutError("gave up waiting")


signal.signal(signal.SIGALRM, on_alarm)
signal.setitimer(signal.ITIMER_REAL, 0.2)
try:
    sem.acquire(True, 5)
except TimeoutError as e:
    print("TimeoutError:", e)
print(sem._count(), sem._get_value())
print([n for n in os.listdir("/dev/shm") if "gilpy-semwait" in n])
