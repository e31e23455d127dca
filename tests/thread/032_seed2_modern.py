# Seed article 002 ("Modern Python Advanced #5: GIL and concurrency"): its thread examples.
import threading
import time
from concurrent.futures import ThreadPoolExecutor


def cpu_heavy(n):
    total = 0
    for i in range(n):
        total += i ** 2
    return total


N = 300_000   # the article uses 10_000_000; the lesson is the ratio, not the size
# CPU time of the sequential run: other load on the machine can only slow the threaded run.
start = time.process_time()
for _ in range(4):
    cpu_heavy(N)
sequential = time.process_time() - start
start = time.perf_counter()
threads = [threading.Thread(target=cpu_heavy, args=(N,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
threaded = time.perf_counter() - start
print("four threads are not 4x faster (GIL):", threaded > sequential / 2)

# `+=` isn't atomic; with the lock it is exact.
counter = 0
lock = threading.Lock()


def increment():
    global counter
    with lock:
        counter += 1


ts = [threading.Thread(target=increment) for _ in range(200)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(counter)

# threading for I/O: time.sleep stands for requests.get.
urls = ["https://example.com/%d" % i for i in range(10)]


def fetch(url):
    time.sleep(0.3)
    return "<html>%s</html>" % url


start = time.perf_counter()
threads = []
for url in urls:
    t = threading.Thread(target=fetch, args=(url,))
    t.start()
    threads.append(t)
for t in threads:
    t.join()
print("10 fetches overlapped:", time.perf_counter() - start < 1.0)
with ThreadPoolExecutor(max_workers=10) as pool:
    results = list(pool.map(fetch, urls))
print(results[0], len(results))

# Deadlocks: the rule "keep lock acquisition order consistent" lets both threads finish.
lock_a = threading.Lock()
lock_b = threading.Lock()
done = []


def t1():
    for _ in range(1000):
        with lock_a:
            with lock_b:
                pass
    done.append("t1")


def t2():
    for _ in range(1000):
        with lock_a:      # same order as t1 (the article's t2 takes b first: deadlock)
            with lock_b:
                pass
    done.append("t2")


a, b = threading.Thread(target=t1), threading.Thread(target=t2)
a.start()
b.start()
a.join(10)
b.join(10)
print(sorted(done))
