# queue: FIFO, LIFO and priority order, Empty/Full with and without timeouts, task_done/join,
# maxsize backpressure, SimpleQueue.
import queue
import threading
import time

q = queue.Queue()
for i in range(5):
    q.put(i)
print([q.get() for _ in range(5)], q.empty(), q.qsize(), q.full())
lq = queue.LifoQueue()
pq = queue.PriorityQueue()
for x in [3, 1, 4, 1, 5]:
    lq.put(x)
    pq.put((x, "item %d" % x))
print([lq.get() for _ in range(5)])
print([pq.get()[1] for _ in range(5)])

try:
    q.get_nowait()
except queue.Empty as e:
    print("Empty", repr(e))
start = time.monotonic()
try:
    q.get(timeout=0.1)
except queue.Empty:
    print("Empty after timeout:", time.monotonic() - start >= 0.09)
try:
    q.get(timeout=-1)
except ValueError as e:
    print("ValueError:", e)

small = queue.Queue(maxsize=2)
small.put("a")
small.put_nowait("b")
print(small.full(), small.qsize())
try:
    small.put_nowait("c")
except queue.Full as e:
    print("Full", repr(e))
try:
    small.put("c", timeout=0.05)
except queue.Full:
    print("Full after timeout")

# Backpressure: the producer blocks while the queue is full, until the consumer takes.
bounded = queue.Queue(maxsize=3)
progress = []


def producer():
    for i in range(6):
        bounded.put(i)
        progress.append(i)


t = threading.Thread(target=producer)
t.start()
time.sleep(0.2)
print("producer got ahead by:", len(progress), "full:", bounded.full())
got = [bounded.get() for _ in range(6)]
t.join()
print(got, len(progress))

# task_done / join.
work = queue.Queue()
done = []


def worker():
    while True:
        item = work.get()
        if item is None:
            work.task_done()
            break
        time.sleep(0.01)
        done.append(item * item)
        work.task_done()


ts = [threading.Thread(target=worker) for _ in range(3)]
for t in ts:
    t.start()
for i in range(10):
    work.put(i)
work.join()
print("all processed before join returned:", sorted(done))
for _ in ts:
    work.put(None)
for t in ts:
    t.join()
print(work.unfinished_tasks)
try:
    work.task_done()
except ValueError as e:
    print("ValueError:", e)

sq = queue.SimpleQueue()
sq.put(1)
sq.put_nowait(2)
print(sq.qsize(), sq.empty(), sq.get(), sq.get_nowait(), sq.empty())
try:
    sq.get(timeout=0.05)
except queue.Empty:
    print("SimpleQueue Empty")
try:
    sq.get(block=False)
except queue.Empty:
    print("SimpleQueue Empty at once")
threading.Timer(0.05, sq.put, ["late"]).start()
print(sq.get(timeout=5))
