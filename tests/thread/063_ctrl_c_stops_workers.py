# Ctrl-C in the parent stops the workers: a script running a multiprocessing.Pool, then a
# ProcessPoolExecutor, gets SIGINT on its whole process group (as a terminal sends it) while
# its workers sleep in tasks; it ends by KeyboardInterrupt (killed by SIGINT, as CPython ends)
# and none of its worker processes is left.
import os
import signal
import sys
import time

POOL = """
import os, time
from multiprocessing import Pool

def task(i):
    os.write(1, b"worker %d\\n" % os.getpid())   # one write: lines never mix
    time.sleep(30)

if __name__ == "__main__":
    with Pool(2) as pool:
        result = pool.map_async(task, range(2))
        while True:
            time.sleep(0.05)
"""

EXECUTOR = """
import os, time
from concurrent.futures import ProcessPoolExecutor

def task(i):
    os.write(1, b"worker %d\\n" % os.getpid())   # one write: lines never mix
    time.sleep(30)

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
    r, w = os.pipe()
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        os.setpgid(0, 0)
        os.dup2(w, 1)
        os.dup2(w, 2)
        os.execv(sys.executable, [sys.executable, path])
    os.close(w)
    out = b""
    while out.count(b"worker ") < 2:       # both workers are in their task
        data = os.read(r, 4096)
        if not data:
            break
        out += data
    os.killpg(pid, signal.SIGINT)
    started = time.monotonic()
    while True:
        data = os.read(r, 4096)
        if not data:
            break
        out += data
    os.close(r)
    _, status = os.waitpid(pid, 0)
    took = time.monotonic() - started
    os.unlink(path)
    text = out.decode()
    workers = [int(line.split()[1]) for line in text.splitlines() if line.startswith("worker ")]
    deadline = time.monotonic() + 5
    while any(alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    print(label + ": ended by", os.waitstatus_to_exitcode(status),
          "| KeyboardInterrupt:", text.rstrip().endswith("KeyboardInterrupt"),
          "| within 5 s:", took < 5)
    print("  workers started:", len(set(workers)) >= 2,
          "| workers left:", [w for w in workers if alive(w)])


interrupt("pool", POOL)
interrupt("executor", EXECUTOR)
