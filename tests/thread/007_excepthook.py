# An uncaught exception in a thread goes to threading.excepthook; it prints the thread's name
# and the traceback on stderr. SystemExit ends the thread silently.
import sys
import threading


class Capture:
    """Stands in for sys.stderr and keeps what is written."""

    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)

    def flush(self):
        pass


def worker():
    raise ValueError("boom")


real_stderr = sys.stderr
sys.stderr = Capture()
try:
    t = threading.Thread(target=worker)
    t.start()
    t.join()
finally:
    captured = "".join(sys.stderr.parts)
    sys.stderr = real_stderr
lines = captured.splitlines()
print(lines[0])
print(lines[1])
print(lines[-3].endswith(", line 22, in worker"), lines[-2:])

# SystemExit prints nothing.
sys.stderr = Capture()
try:
    t = threading.Thread(target=sys.exit, args=(3,), name="quitter")
    t.start()
    t.join()
finally:
    captured = "".join(sys.stderr.parts)
    sys.stderr = real_stderr
print("SystemExit printed:", repr(captured))

# A custom hook receives ExceptHookArgs.
got = []


def hook(args):
    got.append((args.exc_type.__name__, str(args.exc_value), args.thread.name,
                args.exc_traceback is not None))


threading.excepthook = hook
t = threading.Thread(target=worker, name="custom")
t.start()
t.join()
print(got)
threading.excepthook = threading.__excepthook__
print(threading.excepthook is threading.__excepthook__)
args = threading.ExceptHookArgs([ValueError, ValueError("x"), None, None])
print(args.exc_type, args.exc_value, args.exc_traceback, args.thread, len(args))
