# Forking from a non-main thread: in the child that thread is the only one, and the main one.
import os, sys, threading, signal
res = []
def worker():
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        # the forking thread is the only one, and now the main one: signals reach it
        got = []
        signal.signal(signal.SIGUSR1, lambda s, f: got.append(s))
        os.kill(os.getpid(), signal.SIGUSR1)
        os._exit(40 + len(got))
    res.append(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
t = threading.Thread(target=worker)
t.start(); t.join()
print(res)
