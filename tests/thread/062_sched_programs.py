# -X sched=SEED on whole programs: one mixing a queue, a condition, a thread pool, sleeps
# and a Timer replays exactly, its printed durations included (virtual time: a 100 s sleep
# takes no real time); the lock-order deadlock shows up under some seeds and not others,
# each seed replays the same way, and a deadlock under a schedule is reported like any other.
# gilpy-differs: -X sched is gilpy's own. Expected output kept by hand.
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import childproc


MIX = "/tmp/gilpy-sched-mix-%d.py" % os.getpid()
with open(MIX, "w") as f:
    f.write("""
import threading, queue, time
from concurrent.futures import ThreadPoolExecutor, as_completed

start = time.monotonic()
q = queue.Queue(maxsize=3)
cond = threading.Condition()
ready = []
results = []

def producer(n):
    for i in range(n):
        q.put(i)
        time.sleep(0.001 * (i % 3))
    q.put(None)

def consumer(name):
    while True:
        item = q.get()
        if item is None:
            q.put(None)
            break
        results.append((name, item, sum(range(item * 50)) % 7))
        with cond:
            ready.append(name)
            cond.notify_all()

def task(k):
    time.sleep(0.01 * (k % 4))
    return k, sum(range(1000 * k))

threads = [threading.Thread(target=producer, args=(20,))]
threads += [threading.Thread(target=consumer, args=("c%d" % i,)) for i in range(3)]
for t in threads:
    t.start()
with ThreadPoolExecutor(max_workers=3) as ex:
    for f in as_completed([ex.submit(task, k) for k in range(6)]):
        print("done", f.result()[0])
with cond:
    cond.wait_for(lambda: len(ready) >= 20, timeout=5)
for t in threads:
    t.join()
print(results)
event = threading.Event()
threading.Timer(0.5, event.set).start()
print("event", event.wait(2), "after %.6f s" % (time.monotonic() - start))
before = time.time()
time.sleep(100)
print("slept %.3f s" % (time.time() - before))
""")
try:
    began = time.monotonic()
    outputs = childproc.run_all([[sys.executable, "-X", "sched=3", MIX]] * 5)
    took = time.monotonic() - began
    print("mixed program, seed 3, 5 runs:", len(set(outputs)), "distinct output(s)")
    status, out, _ = outputs[0]
    print("  status", status, "|", out.splitlines()[-1])
    print("  a 100 s sleep took no real time:", took < 60)
    many = set(out for _, out, _ in childproc.run_all(
        [[sys.executable, "-X", "sched=%d" % s, MIX] for s in range(1, 5)]))
    print("mixed program, seeds 1-4: more than one interleaving:", len(many) > 1)
finally:
    os.unlink(MIX)

# Two threads taking two locks in opposite orders, started together 20 times, switching
# every 1-30 instructions: some schedules deadlock, others do not, and each replays.
DEADLOCK = "/tmp/gilpy-sched-deadlock-%d.py" % os.getpid()
with open(DEADLOCK, "w") as f:
    f.write("""
import threading
a, b = threading.Lock(), threading.Lock()
def one(go):
    go.wait()
    with a:
        with b:
            pass
def two(go):
    go.wait()
    with b:
        with a:
            pass
for round in range(20):
    go = threading.Event()
    ts = [threading.Thread(target=one, args=(go,)), threading.Thread(target=two, args=(go,))]
    for t in ts:
        t.start()
    go.set()
    for t in ts:
        t.join()
print("no deadlock this time")
""")


def under_seed(s):
    """The command line running DEADLOCK under seed s."""
    return [sys.executable, "-X", "checkinterval=30", "-X", "sched=%d" % s, DEADLOCK]


try:
    seeds = range(1, 9)
    outcomes = childproc.run_all([under_seed(s) for s in seeds])
    deadlocked = [s for s, (status, out, _) in zip(seeds, outcomes)
                  if status == 3 and out.startswith("Deadlock detected:") and
                  "The cycle:" in out]
    finished = [s for s, (status, out, _) in zip(seeds, outcomes)
                if status == 0 and out == "no deadlock this time\n"]
    print("lock order under 8 seeds: each run deadlocks or finishes:",
          len(deadlocked) + len(finished) == 8)
    print("  some deadlock:", len(deadlocked) > 0, "| some finish:", len(finished) > 0)
    again = childproc.run_all([under_seed(s) for s in deadlocked[:1] + finished[:1]])
    print("  the same seeds replay the same way:",
          again == [outcomes[s - 1] for s in deadlocked[:1] + finished[:1]])
finally:
    os.unlink(DEADLOCK)

# Processes under a schedule: multiprocessing locks are real waits (another process releases
# them), and a sleep while a Pool's threads wait in real reads still ends.
PROCS = "/tmp/gilpy-sched-procs-%d.py" % os.getpid()
with open(PROCS, "w") as f:
    f.write("""
import time
from multiprocessing import Pool, Process, Lock, Value

def square(x):
    return x * x

def add(total, lock):
    for _ in range(100):
        with lock:
            total.value += 1

if __name__ == "__main__":
    with Pool(2) as pool:
        time.sleep(0.2)
        print(pool.map(square, range(6)))
    lock, total = Lock(), Value("i", 0)
    procs = [Process(target=add, args=(total, lock)) for _ in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print(total.value)
""")
try:
    status, out, err = childproc.run([sys.executable, "-X", "sched=5", PROCS])
    print("processes under a schedule: status", status, "|", out.splitlines())
finally:
    os.unlink(PROCS)
