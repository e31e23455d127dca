# The -X giltrace invariants on the race and I/O demos, checked by python3's json module
# (scripts/gil-check-trace): at most one thread of a process holds the GIL at any instant,
# every wait ends in a hold or an exit, every switch cause is valid.
# gilpy-differs: -X giltrace is gilpy's own; the checker is run with python3. Expected output kept by hand.
import os
import sys


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


for demo in ("race.py", "io_bound_threads.py"):
    print(demo, end=": ")
    status = run(["/usr/bin/env", "python3", "scripts/gil-check-trace", "--quiet", "--run",
                  sys.executable, "scripts/demos/" + demo])
    print("exit status", status)
