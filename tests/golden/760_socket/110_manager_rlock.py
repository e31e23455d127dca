# Manager().RLock() is re-entrant: its owner is the client thread that acquired it (in
# whatever process), which may take it again; every other thread or process waits, and
# cannot release it. Manager().Lock() has no owner: any process may release it.
import multiprocessing as mp
import threading
import time


def nested(rlock, log):
    with rlock:
        with rlock:
            log.append("nested acquire ok")
        log.append("inner release ok")
    log.append(rlock.acquire(blocking=False))
    rlock.release()


def hold(rlock, held, go):
    with rlock:
        held.set()
        go.wait(10)


def release_other(lock):
    lock.release()          # a Lock may be released by anyone


if __name__ == "__main__":
    with mp.Manager() as m:
        r = m.RLock()
        log = m.list()
        p = mp.Process(target=nested, args=(r, log))
        p.start()
        p.join()
        print(list(log), p.exitcode)

        # This thread takes it twice and releases it twice.
        print(r.acquire(), r.acquire(), r.release(), r.release())
        try:
            r.release()
        except RuntimeError as e:
            print("RuntimeError:", e)

        # While another process holds it, this process can neither take nor release it.
        held, go = m.Event(), m.Event()
        p = mp.Process(target=hold, args=(r, held, go))
        p.start()
        print(held.wait(10))
        print(r.acquire(timeout=0.2))
        try:
            r.release()
        except RuntimeError as e:
            print("RuntimeError:", e)
        go.set()
        p.join()
        print(r.acquire(timeout=10))

        # Two threads of one process are two owners.
        results = []
        t = threading.Thread(target=lambda: results.append(r.acquire(timeout=0.2)))
        t.start()
        t.join()
        r.release()
        t = threading.Thread(target=lambda: results.append(r.acquire(timeout=10)) or r.release())
        t.start()
        t.join()
        print(results)

        # A Lock: not re-entrant, released by another process.
        lock = m.Lock()
        print(lock.acquire(), lock.acquire(timeout=0.1), lock.acquire(False))
        p = mp.Process(target=release_other, args=(lock,))
        p.start()
        p.join()
        print(lock.acquire(timeout=10))
        lock.release()
        try:
            lock.release()
        except RuntimeError as e:
            print("RuntimeError:", e)
        with lock:
            print("with lock: ok")
