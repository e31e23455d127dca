# Seed article 000 ("Python Concurrency: Threading, Multiprocessing and the GIL Explained"):
# its thread examples, with each network call replaced by time.sleep of the same length.
# The counter race itself is tests/thread/020_race_counter.py (gilpy shows it; CPython hides it).
import threading
import time
from queue import Queue
from concurrent.futures import ThreadPoolExecutor, as_completed

# "Threaded: ~1 second (all requests run concurrently)": four 1 s requests.
urls = ["https://httpbin.org/delay/1"] * 4


def get_json(url):
    time.sleep(1)                     # requests.get(url).json() on a 1 s endpoint
    return {"url": url}


def fetch_threaded(urls):
    results = [None] * len(urls)

    def fetch(url, index):
        results[index] = get_json(url)

    threads = [threading.Thread(target=fetch, args=(url, i)) for i, url in enumerate(urls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


start = time.time()
results = fetch_threaded(urls)
elapsed = time.time() - start
print(f"Threaded: {elapsed:.0f}s", len(results), all(r is not None for r in results))  # ~1.0s

# Lock: mutual exclusion.
lock = threading.Lock()
counter = 0


def safe_increment():
    global counter
    with lock:
        counter += 1


ts = [threading.Thread(target=safe_increment) for _ in range(50)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("safe_increment x 50:", counter)

# Semaphore(5): at most 5 concurrent "database connections".
semaphore = threading.Semaphore(5)
active = 0
most = 0
active_lock = threading.Lock()


def query_database():
    global active, most
    with semaphore:
        with active_lock:
            active += 1
            most = max(most, active)
        time.sleep(0.02)              # db.execute("SELECT ...")
        with active_lock:
            active -= 1


ts = [threading.Thread(target=query_database) for _ in range(12)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("most concurrent connections:", most)

# Event: signal between threads.
ready = threading.Event()


def producer():
    time.sleep(2)
    ready.set()                       # signal that data is ready


def consumer():
    ready.wait()                      # blocks until set()
    print("Data is ready, consuming...")


c = threading.Thread(target=consumer)
p = threading.Thread(target=producer)
c.start()
p.start()
p.join()
c.join()

# Queue: thread-safe communication.
task_queue = Queue()
processed = []


def process(task):
    processed.append(task * 2)


def worker():
    while True:
        task = task_queue.get()
        if task is None:
            break
        process(task)
        task_queue.task_done()


tasks = list(range(20))
threads = [threading.Thread(target=worker) for _ in range(4)]
for t in threads:
    t.start()
for task in tasks:
    task_queue.put(task)
task_queue.join()                     # wait for all tasks to complete
print("all tasks done when join() returned:", sorted(processed) == [t * 2 for t in tasks])
for _ in threads:
    task_queue.put(None)              # signal workers to stop
for t in threads:
    t.join()

# concurrent.futures: map preserves order; as_completed hands results back as they arrive.
api = ["https://api.example.com/users/" + str(i) for i in range(1, 21)]


def fetch(url):
    time.sleep(0.1)                   # requests.get(url) and .json()
    return {"user": int(url.rsplit("/", 1)[1])}


start = time.time()
with ThreadPoolExecutor(max_workers=10) as executor:
    results = list(executor.map(fetch, api))
    print("map preserves order:", [r["user"] for r in results] == list(range(1, 21)))
    futures = {executor.submit(fetch, url): url for url in api}
    got = 0
    for future in as_completed(futures):
        url = futures[future]
        try:
            data = future.result()
            got += data["user"] == int(url.rsplit("/", 1)[1])
        except Exception as e:
            print(f"Failed {url}: {e}")
    print("Got data from", got, "urls")
print("20 requests x 2 on 10 workers took about 0.4 s:", time.time() - start < 1.0)
