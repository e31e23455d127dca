# Lesson: ThreadPoolExecutor for I/O-bound work, and as_completed. Five "downloads" (sleeps of
# 0.4, 0.1, 0.3, 0.05 and 0.2 s standing in for network calls; one of them fails) are submitted
# to a pool of five threads. What to look for: as_completed() hands back each future as soon as
# it finishes, fastest first, not in the order they were submitted; the failed one raises from
# future.result() where the loop catches it; executor.map() gives results in submission order;
# and all five together take about as long as the slowest one (0.4 s), not the sum (1.05 s),
# because a thread that waits releases the GIL. On the timeline the five worker lanes start
# together and are light blue (blocked: sleep) until each one's download is done.
# Timeline:  scripts/gilpy -X giltimeline=futures.svg -X gilstats scripts/demos/executor_as_completed.py
import time
from concurrent.futures import ThreadPoolExecutor, as_completed

DELAYS = {"/users/1": 0.4, "/users/2": 0.1, "/users/3": 0.3, "/missing": 0.05, "/users/5": 0.2}


def fetch(url):
    time.sleep(DELAYS[url])             # waiting for the server: the GIL is free meanwhile
    if url == "/missing":
        raise LookupError(f"404 for {url}")
    return f"data of {url}"


start = time.perf_counter()
with ThreadPoolExecutor(max_workers=5) as executor:
    future_to_url = {executor.submit(fetch, url): url for url in DELAYS}
    print("submitted:", " ".join(DELAYS))
    for future in as_completed(future_to_url):
        url = future_to_url[future]
        try:
            print(f"  done {url:9} -> {future.result()}")
        except LookupError as e:
            print(f"  done {url:9} -> failed: {e}")
elapsed = time.perf_counter() - start
total = sum(DELAYS.values())
print(f"{total:.2f} s of downloads took", "about 0.4 s" if elapsed < 0.8 else f"{elapsed:.2f} s")

with ThreadPoolExecutor(max_workers=5) as executor:
    urls = [url for url in DELAYS if url != "/missing"]
    print("map() keeps the submission order:", list(executor.map(fetch, urls)) == [
        f"data of {url}" for url in urls])
