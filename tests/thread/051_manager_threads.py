# Threads of several processes share a manager's dict, RLock and Queue. Each thread talks
# to the manager over its own connection, served by its own thread in the manager process,
# so a thread waiting for the lock or the queue never holds up the others.
import multiprocessing as mp
import threading


def bump(d, lock, n):
    for _ in range(n):
        with lock:
            with lock:                      # re-entrant: the same client thread
                d["count"] = d["count"] + 1


def bump_in_threads(d, lock, n, k):
    threads = [threading.Thread(target=bump, args=(d, lock, n)) for _ in range(k)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def produce(q, start, n):
    for i in range(start, start + n):
        q.put(i)


def consume(q, results, n):
    total = 0
    for _ in range(n):
        total += q.get(timeout=20)
    results.append(total)


if __name__ == "__main__":
    with mp.Manager() as m:
        d = m.dict(count=0)
        lock = m.RLock()
        ps = [mp.Process(target=bump_in_threads, args=(d, lock, 20, 3)) for _ in range(2)]
        for p in ps:
            p.start()
        bump_in_threads(d, lock, 20, 3)
        for p in ps:
            p.join()
        print("count:", d["count"], [p.exitcode for p in ps])

        q = m.Queue(maxsize=4)              # producers wait for room, consumers for items
        results = m.list()
        consumers = [threading.Thread(target=consume, args=(q, results, 30)) for _ in range(2)]
        producers = [mp.Process(target=produce, args=(q, 30 * k, 30)) for k in range(2)]
        for t in consumers:
            t.start()
        for p in producers:
            p.start()
        for p in producers:
            p.join()
        for t in consumers:
            t.join()
        print("sum:", sum(results), "expected:", sum(range(60)), q.qsize())
