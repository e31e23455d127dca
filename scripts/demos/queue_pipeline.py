# Lesson: queue.Queue is how threads hand work to each other (producer/consumer). A producer
# puts 30 jobs on a bounded Queue(maxsize=5), one every 10 ms; three consumers take them and
# "process" each with a 50 ms sleep (standing in for a network or disk wait). One None per
# consumer (a "poison pill") stops them; q.join() waits until every job is task_done().
# What to look for: 30 jobs x 50 ms = 1.5 s of waiting finish in about 0.5 s, because the three
# consumers wait at the same time; every job is done exactly once without any lock of our own
# (the Queue locks inside); the queue never holds more than 5 jobs (back-pressure: put() blocks
# the producer while the queue is full). On the timeline the consumer lanes are mostly light
# blue (blocked: sleep), the producer's shows purple (blocked: lock) where put() waits for room,
# and the green slices are thin: the GIL is free nearly all the time.
# Timeline:  scripts/gilpy -X giltimeline=queue.svg -X gilstats scripts/demos/queue_pipeline.py
import queue
import threading
import time

JOBS, CONSUMERS, WORK_S = 30, 3, 0.05

jobs = queue.Queue(maxsize=5)
done = queue.Queue()           # results travel back on a second queue
most_queued = 0                # the largest backlog the producer saw after a put()


def producer():
    global most_queued
    for i in range(JOBS):
        jobs.put(i)                     # blocks while 5 jobs are already waiting
        most_queued = max(most_queued, jobs.qsize())
        time.sleep(0.01)                # jobs arrive every 10 ms
    for _ in range(CONSUMERS):
        jobs.put(None)


def consumer(name):
    while True:
        job = jobs.get()                # blocks while the queue is empty
        if job is None:
            jobs.task_done()
            return
        time.sleep(WORK_S)              # the "I/O": the GIL is free meanwhile
        done.put((job, name))
        jobs.task_done()


start = time.perf_counter()
threads = [threading.Thread(target=producer, name="producer")]
threads += [threading.Thread(target=consumer, args=(f"consumer-{i}",), name=f"consumer-{i}")
            for i in range(CONSUMERS)]
for t in threads:
    t.start()
jobs.join()                             # every job (and every pill) marked task_done()
elapsed = time.perf_counter() - start
for t in threads:
    t.join()

results = []
while not done.empty():
    results.append(done.get())
finished = sorted(job for job, _ in results)
per_consumer = {}
for _, name in results:
    per_consumer[name] = per_consumer.get(name, 0) + 1
print(f"{len(finished)} jobs done, each exactly once: {finished == list(range(JOBS))}")
print(f"every consumer took a share: {len(per_consumer) == CONSUMERS}")
print(f"the queue filled up to its limit of 5 jobs, so put() held the producer back: "
      f"{most_queued == 5}")
sequential = JOBS * WORK_S
print(f"{sequential:.1f} s of waiting took", "about 0.5 s" if elapsed < 1.0 else f"{elapsed:.2f} s",
      f"with {CONSUMERS} consumers")
