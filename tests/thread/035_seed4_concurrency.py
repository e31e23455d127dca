# Seed article 004 ("Concurrency & Parallelism"): its thread examples, network calls replaced
# by time.sleep of the same length.
import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed


def fetch(url, results, index):
    time.sleep(0.2)                   # requests.get(url, timeout=10)
    results[index] = len("<html>" + url + "</html>")


urls = ["https://example.com"] * 5
results = [None] * len(urls)
threads = []
for i, url in enumerate(urls):
    t = threading.Thread(target=fetch, args=(url, results, i))
    threads.append(t)
    t.start()
for t in threads:
    t.join()
print(results)

counter = 0
lock = threading.Lock()


def increment():
    global counter
    with lock:
        counter += 1


threads = [threading.Thread(target=increment) for _ in range(1000)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter)  # 1000


def io_task(n):
    time.sleep(1)
    return n


start = time.perf_counter()
with ThreadPoolExecutor(max_workers=4) as executor:
    results = list(executor.map(io_task, range(4)))
print(results, "in about 1 s:", time.perf_counter() - start < 1.5)

URLS = [
    "https://httpbin.org/delay/1",
    "https://httpbin.org/delay/2",
    "https://httpbin.org/delay/1",
]


def download(url):
    time.sleep(int(url.rsplit("/", 1)[1]))   # the endpoint answers after that many seconds
    return url, 200


with ThreadPoolExecutor(max_workers=3) as executor:
    futures = {executor.submit(download, url): url for url in URLS}
    for future in as_completed(futures):
        url, status = future.result()
        print(f"{url} → {status}")
