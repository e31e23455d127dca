# multiprocessing.Queue between processes (the producer/consumer example of the seed
# articles), SimpleQueue, JoinableQueue and timeouts.
import multiprocessing
import queue
from multiprocessing import Queue


def producer(queue):
    for i in range(10):
        queue.put(i)
    queue.put(None)  # sentinel


def consumer(queue):
    while True:
        item = queue.get()
        if item is None:
            break
        print(f"Processing: {item}", flush=True)


def worker(q):
    q.put("hello from the child")


def squarer(jq, out):
    while True:
        item = jq.get()
        if item is None:
            jq.task_done()
            break
        out.put(item * item)
        jq.task_done()


if __name__ == "__main__":
    q = Queue()
    p1 = multiprocessing.Process(target=producer, args=(q,))
    p2 = multiprocessing.Process(target=consumer, args=(q,))
    p1.start(); p2.start()
    p1.join(); p2.join()
    print(p1.exitcode, p2.exitcode)

    q = Queue()
    p = multiprocessing.Process(target=worker, args=(q,))
    p.start()
    print(q.get())
    p.join()

    try:
        q.get(timeout=0.1)
    except queue.Empty:
        print("Empty after 0.1 s")
    try:
        q.get_nowait()
    except queue.Empty:
        print("Empty at once")
    q.put([1, "two", (3.0,)])
    print(q.get(timeout=5))
    q.close()
    q.join_thread()

    bounded = Queue(maxsize=1)
    bounded.put(1)
    print(bounded.full(), bounded.qsize())
    try:
        bounded.put(2, timeout=0.1)
    except queue.Full:
        print("Full after 0.1 s")
    print(bounded.get(), bounded.empty())

    sq = multiprocessing.SimpleQueue()
    sq.put({"a": 1})
    print(sq.empty(), sq.get(), sq.empty())
    sq.close()

    jq = multiprocessing.JoinableQueue()
    out = Queue()
    w = multiprocessing.Process(target=squarer, args=(jq, out))
    w.start()
    for i in range(5):
        jq.put(i)
    jq.put(None)
    jq.join()
    print(sorted(out.get() for _ in range(5)))
    w.join()
    print(w.exitcode)
