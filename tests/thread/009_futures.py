# concurrent.futures: Future, ThreadPoolExecutor (submit, map, shutdown, names, initializer),
# as_completed, wait, timeouts and the exception messages.
import concurrent.futures as cf
import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed, wait


def slow(x):
    time.sleep(x * 0.1)
    if x == 3:
        raise ValueError("three is bad")
    return x * 10


f = cf.Future()
print(f.done(), f.running(), f.cancelled(), repr(f).endswith("state=pending>"))
print(f.set_running_or_notify_cancel(), f.running(), f.cancel())
f.set_result(7)
print(f.result(), f.exception(), f.done(), repr(f).endswith("state=finished returned int>"))
try:
    f.set_result(8)
except cf.InvalidStateError as e:
    print("InvalidStateError:", str(e).startswith("FINISHED: <Future at"))
g = cf.Future()
g.set_exception(KeyError("k"))
print(repr(g).endswith("state=finished raised KeyError>"), repr(g.exception()))
try:
    g.result()
except KeyError as e:
    print("re-raised:", repr(e))
h = cf.Future()
calls = []
h.add_done_callback(lambda fut: calls.append(("cb", fut.cancelled())))
print(h.cancel(), h.cancelled(), h.done(), calls)
try:
    h.result()
except cf.CancelledError as e:
    print("CancelledError", repr(e))
try:
    cf.Future().result(timeout=0.05)
except cf.TimeoutError as e:
    print("TimeoutError", repr(e), cf.TimeoutError is TimeoutError)
print(issubclass(cf.BrokenExecutor, RuntimeError), issubclass(cf.CancelledError, cf._base.Error))

# ThreadPoolExecutor.
print(ThreadPoolExecutor()._max_workers == min(32, (os.cpu_count() or 1) + 4))
for bad in (0, -1):
    try:
        ThreadPoolExecutor(max_workers=bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    ThreadPoolExecutor(initializer=5)
except TypeError as e:
    print("TypeError:", e)

with ThreadPoolExecutor(max_workers=4) as ex:
    futures = {ex.submit(slow, x): x for x in [4, 1, 3, 2]}
    for fut in as_completed(futures):
        x = futures[fut]
        try:
            print("as_completed:", x, fut.result())
        except ValueError as e:
            print("as_completed:", x, "raised", e)
    print("map keeps order:", list(ex.map(slow, [2, 0, 1])))
    print("map with two iterables:", list(ex.map(pow, [2, 3], [5, 2])))
    it = ex.map(slow, [1, 3])
    print(next(it))
    try:
        next(it)
    except ValueError as e:
        print("map re-raises:", e)
    print(sorted(t.name for t in threading.enumerate() if t.name.startswith("ThreadPool")))
try:
    ex.submit(slow, 1)
except RuntimeError as e:
    print("RuntimeError:", e)

with ThreadPoolExecutor(max_workers=2) as ex:
    it = ex.map(slow, [5, 0], timeout=0.1)
    try:
        list(it)
    except TimeoutError:
        print("map timeout")

with ThreadPoolExecutor(2, thread_name_prefix="fetch") as ex:
    names = set(ex.map(lambda _: (time.sleep(0.05), threading.current_thread().name)[1],
                       range(4)))
    print(sorted(names))

# wait() in its three modes.
with ThreadPoolExecutor(max_workers=3) as ex:
    fs = [ex.submit(slow, x) for x in (1, 5, 3)]
    done, not_done = wait(fs, return_when=cf.FIRST_COMPLETED)
    print("FIRST_COMPLETED:", sorted(f.result() for f in done), len(not_done))
    done, not_done = wait(fs, return_when=cf.FIRST_EXCEPTION)
    print("FIRST_EXCEPTION:", len(done), len(not_done), [repr(f.exception()) for f in done
                                                        if f.exception()])
    done, not_done = wait(fs, timeout=0.05)
    print("timeout:", len(done), len(not_done))
    res = wait(fs)
    print("ALL_COMPLETED:", len(res.done), len(res.not_done), type(res).__name__)

# as_completed with a timeout.
with ThreadPoolExecutor(max_workers=2) as ex:
    fs = [ex.submit(slow, 0), ex.submit(slow, 4), ex.submit(slow, 5)]
    got = []
    try:
        for fut in as_completed(fs, timeout=0.2):
            got.append(fut.result())
    except cf.TimeoutError as e:
        print("as_completed:", got, "TimeoutError:", e)

# shutdown(cancel_futures=True) cancels what has not started.
ex = ThreadPoolExecutor(max_workers=1)
first = ex.submit(slow, 2)
rest = [ex.submit(slow, 1) for _ in range(3)]
time.sleep(0.05)
ex.shutdown(wait=True, cancel_futures=True)
print(first.result(), [f.cancelled() for f in rest])

# initializer runs once per worker; a failing one breaks the pool.
started = []
with ThreadPoolExecutor(2, initializer=started.append, initargs=("init",)) as ex:
    list(ex.map(slow, [1, 1]))
print(started)


def bad_init():
    raise OSError("no database")


import sys


class Quiet:
    def write(self, s):
        return len(s)

    def flush(self):
        pass


real, sys.stderr = sys.stderr, Quiet()
try:
    ex = ThreadPoolExecutor(1, initializer=bad_init)
    fut = ex.submit(slow, 0)
    try:
        fut.result(timeout=5)
    except cf.BrokenExecutor as e:
        print(type(e).__name__, e)
    ex.shutdown()
finally:
    sys.stderr = real

# add_done_callback runs when the work ends.
with ThreadPoolExecutor(1) as ex:
    log = []
    fut = ex.submit(slow, 1)
    fut.add_done_callback(lambda f: log.append(f.result()))
print(log)
