# Thread objects: start, join, names "Thread-N (target)", idents, daemon, subclassing run().
import threading
import time

results = []


def worker(n, scale=1):
    results.append(n * scale)


t = threading.Thread(target=worker, args=(1,), kwargs={"scale": 10})
print(t.name, t.ident, t.is_alive(), t.daemon)
print(repr(t))
t.start()
t.join()
print(results, t.is_alive(), t.ident is not None, type(t.ident).__name__)
print(repr(t).startswith("<Thread(Thread-1 (worker), stopped "))
print(isinstance(t.native_id, int))

# Numbers keep counting, one per Thread; an explicit name uses none.
named = threading.Thread(target=worker, args=(2,), name="fetcher")
unnamed = threading.Thread(target=worker, args=(3,))
nothing = threading.Thread()
lam = threading.Thread(target=lambda: None)
print(named.name, "|", unnamed.name, "|", nothing.name, "|", lam.name)


class Counter(threading.Thread):
    def __init__(self, n):
        super().__init__()
        self.n = n
        self.total = 0

    def run(self):
        for i in range(self.n):
            self.total += i


c = Counter(1000)
c.start()
c.join()
print(c.name, c.total)

# Errors, word for word as CPython's.
try:
    c.start()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.Thread(target=worker).join()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.current_thread().join()
except RuntimeError as e:
    print("RuntimeError:", e)

# Daemon flag: inherited from the creator (the main thread is not a daemon).
d = threading.Thread(target=time.sleep, args=(0.05,), daemon=True)
print(d.daemon, threading.Thread(target=worker).daemon)
d.start()
try:
    d.daemon = False
except RuntimeError as e:
    print("RuntimeError:", e)
print(d.is_alive())
d.join(timeout=0.001)
print("still alive after a short join:", d.is_alive())
d.join()
print("alive after join:", d.is_alive())

# current_thread, main_thread, enumerate, active_count.
main = threading.main_thread()
print(main.name, main is threading.current_thread(), main.ident == threading.get_ident())
print(repr(main).startswith("<_MainThread(MainThread, started "))
seen = []
ev = threading.Event()


def inside():
    me = threading.current_thread()
    seen.append((me.name, me.ident == threading.get_ident(), me in threading.enumerate()))
    ev.wait()


t = threading.Thread(target=inside, name="inner")
t.start()
print(threading.active_count(), sorted(x.name for x in threading.enumerate()))
ev.set()
t.join()
print(seen, threading.active_count())
print(threading.get_ident() != t.ident, threading.get_native_id() != t.native_id)
