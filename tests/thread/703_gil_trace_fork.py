# -X giltrace across os.fork: the child writes FILE.<pid>.json, scripts/gil-merge-traces joins
# the two, and the merged trace keeps the invariants with two processes; -X giltimeline's SVG
# has its title, lanes, axis and legend (both checked with python3).
# gilpy-differs: -X giltrace and -X giltimeline are gilpy's own. Expected output kept by hand.
import os
import sys

PROGRAM = """
import os, threading
def spin(n):
    while n:
        n -= 1
def some_threads(k):
    ts = [threading.Thread(target=spin, args=(60000,)) for _ in range(k)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
some_threads(2)
pid = os.fork()
if pid == 0:
    some_threads(3)
else:
    os.waitpid(pid, 0)
"""


def run(argv):
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        try:
            os.execv(argv[0], argv)
        finally:
            os._exit(127)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


prog = "/tmp/gilpy_703_%d.py" % os.getpid()
svg = "/tmp/gilpy_703_%d.svg" % os.getpid()
with open(prog, "w") as f:
    f.write(PROGRAM)
print("fork:", end=" ")
print("exit status", run(["/usr/bin/env", "python3", "scripts/gil-check-trace", "--quiet", "--run",
                          sys.executable, prog]))
print("timeline: gilpy exit status", run([sys.executable, "-X", "giltimeline=" + svg, "-c",
      "import threading; t = threading.Thread(target=sum, args=(range(1000),)); t.start(); t.join()"]))
print("checker exit status", run(["/usr/bin/env", "python3", "scripts/gil-check-trace", "--svg", svg]))
os.unlink(prog)
os.unlink(svg)
