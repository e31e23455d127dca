# Seed article 003, I/O-bound part: threads overlap their waits (about 4x for four 1 s
# requests), a bounded queue feeds consumers, and an unlocked read-modify-write loses updates.
import queue
import random
import threading
import time
from concurrent.futures import ThreadPoolExecutor

URLS = ['https://httpbin.org/delay/1'] * 4


def fetch_url(url):
    time.sleep(1)                     # urlopen(url).read() on a 1 s endpoint
    return 1234


start = time.perf_counter()
sequential_results = [fetch_url(url) for url in URLS]
sequential_time = time.perf_counter() - start
start = time.perf_counter()
with ThreadPoolExecutor(max_workers=4) as executor:
    threaded_results = list(executor.map(fetch_url, URLS))
threaded_time = time.perf_counter() - start
print(f"Sequential: {sequential_time:.0f}s")
print(f"Threaded: {threaded_time:.0f}s")
print("Speedup above 3.5x:", sequential_time / threaded_time > 3.5)


def producer(work_queue, num_items):
    for i in range(num_items):
        item = {'id': i, 'data': random.randint(1, 100)}
        work_queue.put(item)
        time.sleep(0.01)
    work_queue.put(None)


class ThreadSafeResults:
    def __init__(self):
        self._results = []
        self._lock = threading.Lock()

    def append(self, item):
        with self._lock:
            self._results.append(item)

    def get_all(self):
        with self._lock:
            return list(self._results)


per_consumer = [0, 0, 0]


def consumer(work_queue, results, consumer_id):
    processed = 0
    while True:
        try:
            item = work_queue.get(timeout=1)
            if item is None:
                work_queue.put(None)  # Re-signal for other consumers
                break
            time.sleep(0.05)
            results.append({'id': item['id'], 'result': item['data'] * 2})
            processed += 1
            work_queue.task_done()
        except queue.Empty:
            continue
    per_consumer[consumer_id] = processed


work_queue = queue.Queue(maxsize=10)
safe_results = ThreadSafeResults()
producer_thread = threading.Thread(target=producer, args=(work_queue, 50))
consumer_threads = [threading.Thread(target=consumer, args=(work_queue, safe_results, i))
                    for i in range(3)]
producer_thread.start()
for t in consumer_threads:
    t.start()
producer_thread.join()
for t in consumer_threads:
    t.join()
print(f"Processed {len(safe_results.get_all())} items;",
      "every consumer worked:", all(per_consumer), sum(per_consumer))


class BrokenCounter:
    def __init__(self):
        self.value = 0

    def increment(self):
        current = self.value
        time.sleep(0.0001)            # Exaggerate the race window
        self.value = current + 1


class SafeCounter:
    def __init__(self):
        self.value = 0
        self._lock = threading.Lock()

    def increment(self):
        with self._lock:
            current = self.value
            time.sleep(0.0001)
            self.value = current + 1


def run_increments(counter, num_increments):
    for _ in range(num_increments):
        counter.increment()


for cls in (BrokenCounter, SafeCounter):
    counter = cls()
    threads = [threading.Thread(target=run_increments, args=(counter, 100)) for _ in range(5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if cls is BrokenCounter:
        print("Broken counter (expected 500) is wrong:", counter.value < 500)
    else:
        print(f"Safe counter (expected 500): {counter.value}")
