# Lock, RLock, Semaphore, BoundedSemaphore, Event, Condition and Barrier across processes.
import multiprocessing as mp
import time


def hold_lock(lock, started, q):
    with lock:
        started.set()
        time.sleep(0.2)
        q.put("child released")


def wait_event(ev, q):
    q.put(("child saw event", ev.wait(5)))


def at_barrier(barrier, q):
    q.put(("barrier index", barrier.wait(5) >= 0))


def notifier(cond, q):
    with cond:
        q.put("notifying")
        cond.notify_all()


def count_sem(sem, q):
    with sem:
        q.put("in semaphore")


if __name__ == "__main__":
    lock = mp.Lock()
    print(lock.acquire(), lock.acquire(False), lock.acquire(timeout=0.05))
    lock.release()
    started = mp.Event()
    q = mp.Queue()
    p = mp.Process(target=hold_lock, args=(lock, started, q))
    p.start()
    started.wait(5)
    print("parent try while child holds:", lock.acquire(False))
    with lock:
        print(q.get(timeout=5), "then parent got the lock")
    p.join()

    rlock = mp.RLock()
    with rlock:
        with rlock:
            print("RLock re-entered")
    try:
        rlock.release()
    except AssertionError as e:
        print("AssertionError:", e)

    sem = mp.Semaphore(2)
    print(sem.acquire(), sem.acquire(), sem.acquire(False), sem.get_value())
    sem.release(); sem.release()
    ps = [mp.Process(target=count_sem, args=(sem, q)) for _ in range(3)]
    for p in ps: p.start()
    print([q.get(timeout=5) for _ in range(3)])
    for p in ps: p.join()

    bsem = mp.BoundedSemaphore(1)
    bsem.acquire(); bsem.release()
    try:
        bsem.release()
    except ValueError as e:
        print("ValueError:", e)

    ev = mp.Event()
    print(ev.is_set(), ev.wait(0.05))
    p = mp.Process(target=wait_event, args=(ev, q))
    p.start()
    time.sleep(0.1)
    ev.set()
    print(q.get(timeout=5), ev.is_set())
    p.join()
    ev.clear()
    print(ev.is_set())

    cond = mp.Condition()
    with cond:
        p = mp.Process(target=notifier, args=(cond, q))
        p.start()
        print("woken:", cond.wait(5))
    print(q.get(timeout=5))
    p.join()

    barrier = mp.Barrier(3)
    ps = [mp.Process(target=at_barrier, args=(barrier, q)) for _ in range(2)]
    for p in ps: p.start()
    print("parent barrier", barrier.wait(5) >= 0)
    print(sorted(q.get(timeout=5) for _ in range(2)))
    for p in ps: p.join()
    print(barrier.parties, barrier.n_waiting, barrier.broken)
