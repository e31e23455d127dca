# Stress: 100 threads pass 100,000 items through bounded queues, with a Lock-protected total
# and a Condition-protected count of finished producers. No item may be lost or duplicated.
import queue
import threading
import time

PRODUCERS = 50
CONSUMERS = 50
ITEMS = 100_000
PER_PRODUCER = ITEMS // PRODUCERS

queues = [queue.Queue(maxsize=50) for _ in range(5)]
total_lock = threading.Lock()
total = 0
received = 0
finished = 0
finished_cond = threading.Condition()


def producer(p):
    global finished
    q = queues[p % len(queues)]
    base = p * PER_PRODUCER
    for i in range(PER_PRODUCER):
        q.put(base + i)
    with finished_cond:
        finished += 1
        finished_cond.notify_all()


def consumer(c):
    global total, received
    q = queues[c % len(queues)]
    my_sum = 0
    my_count = 0
    while True:
        item = q.get()
        if item is None:
            break
        my_sum += item
        my_count += 1
    with total_lock:
        total += my_sum
        received += my_count


start = time.monotonic()
consumers = [threading.Thread(target=consumer, args=(c,)) for c in range(CONSUMERS)]
producers = [threading.Thread(target=producer, args=(p,)) for p in range(PRODUCERS)]
for t in consumers + producers:
    t.start()
with finished_cond:
    finished_cond.wait_for(lambda: finished == PRODUCERS)
for c in range(CONSUMERS):
    queues[c % len(queues)].put(None)   # one stop signal per consumer, on its own queue
for t in consumers + producers:
    t.join()
elapsed = time.monotonic() - start
print("threads:", PRODUCERS + CONSUMERS)
print("items received:", received, "lost:", ITEMS - received)
print("sum correct:", total == ITEMS * (ITEMS - 1) // 2)
print("finished in bounded time:", elapsed < 60)
print("only the main thread is left:", threading.active_count())
