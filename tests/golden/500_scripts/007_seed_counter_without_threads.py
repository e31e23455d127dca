# From seeds/000 and seeds/001: the counter increment functions, called from one thread only
# (so the result is exact); the lock is a stand-in context manager.
class Lock:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        return False

counter = 0
lock = Lock()

def increment(n):
    global counter
    for _ in range(n):
        with lock:       # acquire/release automatically
            counter += 1 # only one thread here at a time

for _ in range(10):
    increment(10_000)
print(counter)  # 100_000
