# Lesson: a lock makes `counter += 1` atomic. Same program as race.py, with a threading.Lock
# around the increment. What to look for: the total is always 400000. On the timeline the
# threads now also block on the lock (purple) and hand the GIL over far more often: a thread
# that finds the lock taken releases the GIL, so the lock's holder runs next.
# Timeline:  scripts/gilpy -X giltimeline=race_lock.svg -X gilstats scripts/demos/race_fixed_with_lock.py
import threading

counter = 0
lock = threading.Lock()


def increment(n):
    global counter
    for _ in range(n):
        with lock:
            counter += 1


threads = [threading.Thread(target=increment, args=(100_000,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("expected 400000, got", counter)
