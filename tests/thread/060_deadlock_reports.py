# Deadlock reports: the lock-order deadlock of the seeds is reported within 1 s of the last
# thread blocking, naming both threads, both locks and both stacks; a lock acquired twice and
# a join on a stuck thread are reported too; and 50 programs that block and then go on
# (timeouts, a thread that will release, notify, set or put after sleeping, computing or
# reading a pipe) are never reported.
# gilpy-differs: CPython hangs on a deadlock; gilpy reports it and exits with status 3.
# Expected output kept by hand.
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import childproc

TMP = "/tmp/gilpy-deadlock-test-%d" % os.getpid()


def start(source, name):
    """Start source as a script, its stdout and stderr apart; returns what finish() needs."""
    path = "%s/%s.py" % (TMP, name)
    with open(path, "w") as f:
        f.write(source)
    return childproc.start([sys.executable, path], stderr=childproc.PIPE)


def finish(child):
    """Wait for a started script; return (status, stdout, stderr, seconds from the moment
    the script printed 'blocking at T' to the first byte of its stderr, or None)."""
    status, out, err = childproc.finish(child)
    late = None
    for line in out.splitlines():
        if line.startswith("blocking at ") and child.first_err_at is not None:
            late = child.first_err_at - float(line.split()[2])
    return status, out, err, late


def run(source, name):
    return finish(start(source, name))


def check(label, ok):
    print(label + ":", "ok" if ok else "FAILED")


os.mkdir(TMP)
try:
    # ---------------------------------------------------------------- reported
    LOCK_ORDER = """
import threading, time

lock_a = threading.Lock()
lock_b = threading.Lock()

def transfer(first, second):
    with first:
        time.sleep(0.2)
        with second:
            print("never")

t1 = threading.Thread(target=transfer, args=(lock_a, lock_b))
t2 = threading.Thread(target=transfer, args=(lock_b, lock_a))
t1.start()
t2.start()
time.sleep(0.1)
print("blocking at", time.monotonic() + 0.1, flush=True)
t1.join()
"""
    status, out, err, late = run(LOCK_ORDER, "lock_order")
    print("lock order: status", status)
    check("lock order: header", err.startswith("Deadlock detected:"))
    check("lock order: thread 1 waits for lock_b",
          'Thread "Thread-1 (transfer)" waits for lock_b, held by "Thread-2 (transfer)"' in err)
    check("lock order: thread 2 waits for lock_a",
          'Thread "Thread-2 (transfer)" waits for lock_a, held by "Thread-1 (transfer)"' in err)
    check("lock order: main joins",
          'Thread "MainThread" waits in Thread.join() for "Thread-1 (transfer)" to finish' in err)
    check("lock order: both stacks", err.count("in transfer\n    with second:") == 2)
    check("lock order: the cycle",
          '"Thread-1 (transfer)" holds lock_a and waits for lock_b\n'
          '  "Thread-2 (transfer)" holds lock_b and waits for lock_a' in err)
    check("lock order: reported within 1 s", late is not None and late < 1.0)

    status, out, err, late = run("""
import threading, time
lock = threading.Lock()
lock.acquire()
print("blocking at", time.monotonic(), flush=True)
lock.acquire()
""", "twice")
    print("acquired twice: status", status)
    check("acquired twice: report",
          'Thread "MainThread" waits for lock, which it holds itself' in err)
    check("acquired twice: within 1 s", late is not None and late < 1.0)

    status, out, err, late = run("""
import threading, queue
q = queue.Queue()
worker = threading.Thread(target=q.get, name="consumer")
worker.start()
worker.join()
""", "join_stuck")
    print("join on a stuck thread: status", status)
    check("join on a stuck thread: report",
          'waits in Thread.join() for "consumer" to finish' in err and
          'Thread "consumer" waits in Queue.get()' in err)

    # ---------------------------------------------------------------- not reported
    # Each pattern blocks every thread but one, which sleeps, computes or reads a pipe for
    # {d} seconds before it releases the others.
    PATTERNS = {
        "lock_released_after_sleep": """
import threading, time
lock = threading.Lock()
lock.acquire()
def release():
    time.sleep({d})
    lock.release()
threading.Thread(target=release).start()
lock.acquire()
print("done")
""",
        "notify_after_sleep": """
import threading, time
cond = threading.Condition()
def notify():
    time.sleep({d})
    with cond:
        cond.notify_all()
with cond:
    threading.Thread(target=notify).start()
    cond.wait()
print("done")
""",
        "event_set_by_timer": """
import threading
event = threading.Event()
threading.Timer({d}, event.set).start()
event.wait()
print("done")
""",
        "queue_put_after_compute": """
import threading, queue, time
q = queue.Queue()
def produce():
    end = time.monotonic() + {d}
    n = 0
    while time.monotonic() < end:
        n += 1
    q.put(n > 0)
threading.Thread(target=produce).start()
print("done" if q.get() else "?")
""",
        "join_chain_with_sleep": """
import threading, time
def inner():
    time.sleep({d})
def outer():
    t = threading.Thread(target=inner)
    t.start()
    t.join()
t = threading.Thread(target=outer)
t.start()
t.join()
print("done")
""",
        "timeouts_only": """
import threading
lock = threading.Lock()
lock.acquire()
cond = threading.Condition()
with cond:
    cond.wait(timeout={d} / 2)
print("done" if not lock.acquire(timeout={d} / 2) else "?")
""",
        "pipe_reader_releases": """
import os, threading, time
r, w = os.pipe()
lock = threading.Lock()
lock.acquire()
def reader():
    os.read(r, 1)
    lock.release()
threading.Thread(target=reader).start()
threading.Timer({d}, os.write, (w, b"x")).start()
lock.acquire()
print("done")
""",
        "simplequeue_after_sleep": """
import threading, queue, time
q = queue.SimpleQueue()
def put():
    time.sleep({d})
    q.put(1)
threading.Thread(target=put).start()
print("done" if q.get() == 1 else "?")
""",
        "barrier_with_sleeper": """
import threading, time
barrier = threading.Barrier(3)
def party(delay):
    time.sleep(delay)
    barrier.wait()
threading.Thread(target=party, args=(0,)).start()
threading.Thread(target=party, args=({d},)).start()
barrier.wait()
print("done")
""",
        "rlock_handed_over": """
import threading, time
rlock = threading.RLock()
started = threading.Event()
def hold():
    with rlock:
        with rlock:
            started.set()
            time.sleep({d})
threading.Thread(target=hold).start()
started.wait()
with rlock:
    print("done")
""",
    }
    DELAYS = [0.05, 0.35, 0.5, 0.7, 0.9]
    reported = finished = 0
    failures = []
    for d in DELAYS:
        # All patterns with one delay at once (their own threads, sleeping, mostly).
        children = [(name, start(pattern.replace("{d}", str(d)), "%s_%s" % (name, d)))
                    for name, pattern in sorted(PATTERNS.items())]
        for name, child in children:
            status, out, err, _ = finish(child)
            if "Deadlock detected" in err:
                reported += 1
                failures.append("%s(%s) reported" % (name, d))
            elif status == 0 and out == "done\n":
                finished += 1
            else:
                failures.append("%s(%s): status %s, %r %r" % (name, d, status, out, err))
    print("programs that go on:", len(PATTERNS) * len(DELAYS))
    print("reported:", reported)
    print("finished:", finished)
    for f in failures:
        print(f)

    # ---------------------------------------------------------------- at the prompt
    # A deadlock typed at the interactive prompt does not end the session: the report, then
    # the main thread's wait ends with KeyboardInterrupt and the prompt comes back.
    typed = TMP + "/typed.txt"
    with open(typed, "w") as f:
        f.write("import threading\nlock = threading.Lock()\nlock.acquire()\nlock.acquire()\n"
                "print('back at the prompt, locked:', lock.locked())\n")
    status, out, err = childproc.run(["/bin/sh", "-c", 'exec "$0" -i -c pass < "$1"',
                                      sys.executable, typed], stderr=childproc.PIPE)
    print("at the prompt: status", status, "| report:", "Deadlock detected" in err,
          "| KeyboardInterrupt:", "KeyboardInterrupt" in err)
    print("  the prompt went on:", "back at the prompt, locked: True" in out)
finally:
    for name in os.listdir(TMP):
        os.unlink(TMP + "/" + name)
    os.rmdir(TMP)
