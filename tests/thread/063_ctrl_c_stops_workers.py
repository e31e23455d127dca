# Ctrl-C in the parent stops the workers: a script running a multiprocessing.Pool, then a
# ProcessPoolExecutor, gets SIGINT on its whole process group (as a terminal sends it) while
# its workers sleep in tasks; it ends by KeyboardInterrupt (killed by SIGINT, as CPython ends)
# and none of its worker processes is left.
import os
import signal
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import childproc

# Each worker announces itself, then sleeps in its task until the Ctrl-C.
TASK = """
import os, time

def task(i):
    os.write(1, b"worker %d\\n" % os.getpid())   # one write: lines never mix
    time.sleep(30)
"""

POOL = TASK + """
from multiprocessing import Pool

if __name__ == "__main__":
    with Pool(2) as pool:
        result = pool.map_async(task, range(2))
        while True:
            time.sleep(0.05)
"""

EXECUTOR = TASK + """
from concurrent.futures import ProcessPoolExecutor

if __name__ == "__main__":
    with ProcessPoolExecutor(2) as ex:
        futures = [ex.submit(task, i) for i in range(2)]
        for f in futures:
            f.result()
"""


def alive(pid):
    try:
        os.kill(pid, 0)
        return True
    except ProcessLookupError:
        return False


def interrupt(label, source):
    path = "/tmp/gilpy-ctrl-c-%d-%s.py" % (os.getpid(), label)
    with open(path, "w") as f:
        f.write(source)
    child = childproc.start([sys.executable, path], new_group=True)
    while child.out.count(b"worker ") < 2 and child.read_more():
        pass                               # until both workers are in their task
    os.killpg(child.pid, signal.SIGINT)
    started = time.monotonic()
    status, text, _ = childproc.finish(child)
    took = time.monotonic() - started
    os.unlink(path)
    workers = [int(line.split()[1]) for line in text.splitlines() if line.startswith("worker ")]
    deadline = time.monotonic() + 5
    while any(alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    print(label + ": ended by", status,
          "| KeyboardInterrupt:", text.rstrip().endswith("KeyboardInterrupt"),
          "| within 5 s:", took < 5)
    print("  workers started:", len(set(workers)) >= 2,
          "| workers left:", [w for w in workers if alive(w)])


interrupt("pool", POOL)
interrupt("executor", EXECUTOR)
