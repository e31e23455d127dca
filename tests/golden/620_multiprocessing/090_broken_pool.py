# A worker that dies abruptly (SIGKILL, os._exit) breaks the pool: pending futures fail with
# BrokenProcessPool within a second, and nothing hangs. Pool.apply_async reports the error too.
import os
import signal
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool


def suicide(_):
    time.sleep(0.2)     # let the parent submit the other calls first
    os.kill(os.getpid(), signal.SIGKILL)


def hard_exit(_):
    time.sleep(0.2)
    os._exit(1)


def nap(x):
    time.sleep(x)
    return x


if __name__ == "__main__":
    for victim in (suicide, hard_exit):
        start = time.monotonic()
        with ProcessPoolExecutor(max_workers=2) as pool:
            f = pool.submit(victim, 0)
            others = [pool.submit(nap, 5) for _ in range(3)]
            try:
                f.result(timeout=10)
            except BrokenProcessPool as e:
                print(victim.__name__, "BrokenProcessPool:", e)
            for o in others:
                try:
                    o.result(timeout=10)
                except BrokenProcessPool:
                    pass
            print("all failed", all(isinstance(o.exception(), BrokenProcessPool) for o in others))
            try:
                pool.submit(nap, 0)
            except BrokenProcessPool as e:
                print("submit after:", e)
        print("within a second:", time.monotonic() - start < 1.2)

    pool = ProcessPoolExecutor(max_workers=1)
    f = pool.submit(nap, 30)
    time.sleep(0.3)
    for pid in list(pool._processes):
        os.kill(pid, signal.SIGKILL)
    start = time.monotonic()
    try:
        f.result(timeout=10)
    except BrokenProcessPool:
        print("killed from outside -> BrokenProcessPool", time.monotonic() - start < 1.0)
    pool.shutdown()
