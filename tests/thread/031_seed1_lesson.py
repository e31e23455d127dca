# Seed article 001 ("Concurrency: Threading, Multiprocessing & the GIL", lesson 17): its thread
# examples, network calls replaced by time.sleep. (ProcessPoolExecutor comes with processes.)
import queue
import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed

urls = [
    "https://api.github.com/users/torvalds",
    "https://api.github.com/users/gvanrossum",
    "https://api.github.com/users/antirez",
]


def fetch(url: str) -> dict:
    time.sleep(0.2)                   # requests.get(url, timeout=5).json()
    return {"name": url.rsplit("/", 1)[1]}


with ThreadPoolExecutor(max_workers=5) as pool:
    results = list(pool.map(fetch, urls))
    print([r["name"] for r in results])
    futures = [pool.submit(fetch, url) for url in urls]
    results = [f.result() for f in futures]
    print([r["name"] for r in results])


def risky_fetch(url: str) -> dict:
    time.sleep(0.1 * (1 + urls.index(url)))   # requests.get(url, timeout=2)
    if "antirez" in url:
        raise OSError("503 Server Error")     # res.raise_for_status()
    return {"name": url.rsplit("/", 1)[1]}


with ThreadPoolExecutor(max_workers=10) as pool:
    future_to_url = {pool.submit(risky_fetch, url): url for url in urls}
    for future in as_completed(future_to_url):
        url = future_to_url[future]
        try:
            data = future.result()    # raises if the function raised
            print(f"✅ {url}: {data['name']}")
        except Exception as e:
            print(f"❌ {url} failed: {e}")

# Thread-safe counter using a Lock: 10 threads x 10,000.
counter = 0
lock = threading.Lock()


def increment(n: int):
    global counter
    for _ in range(n):
        with lock:
            counter += 1


threads = [threading.Thread(target=increment, args=(10_000,)) for _ in range(10)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter)

# threading.Event stops a daemon worker (the article sleeps 5 s; 0.5 s shows the same).
stop_event = threading.Event()
rounds = 0


def do_work():
    global rounds
    rounds += 1


def worker():
    while not stop_event.is_set():
        do_work()
        time.sleep(0.1)


t = threading.Thread(target=worker, daemon=True)
t.start()
time.sleep(0.5)
stop_event.set()
t.join(1)
print("daemon worker stopped:", not t.is_alive(), "after working:", rounds >= 3)

# Queue with poison pills: as written in the article, task_queue.join() never returns,
# because the workers do not call task_done() for the None pills. We show it with a timeout.
task_queue = queue.Queue()
result_queue = queue.Queue()


def process(item):
    return item + 100


def queue_worker():
    while True:
        item = task_queue.get()
        if item is None:
            break
        result = process(item)
        result_queue.put(result)
        task_queue.task_done()


threads = [threading.Thread(target=queue_worker, daemon=True) for _ in range(4)]
for t in threads:
    t.start()
for item in range(10):
    task_queue.put(item)
for _ in threads:
    task_queue.put(None)
joiner = threading.Thread(target=task_queue.join, daemon=True)
joiner.start()
joiner.join(0.5)
print("results:", sorted(result_queue.get() for _ in range(10)))
print("task_queue.join() still blocked (4 pills never task_done):", joiner.is_alive(),
      task_queue.unfinished_tasks)
