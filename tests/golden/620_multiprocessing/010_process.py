# Process: target, args, kwargs, name, start/join, exitcode, is_alive, terminate, kill.
import multiprocessing as mp
import os
import sys
import time


def greet(who, punctuation="!"):
    me = mp.current_process()
    print(f"hello {who}{punctuation} from {me.name}, parent is {mp.parent_process().name}")
    sys.stdout.flush()


def leave(code):
    sys.exit(code)


def sleeper():
    time.sleep(30)


if __name__ == "__main__":
    print(mp.current_process().name, mp.parent_process())
    p = mp.Process(target=greet, args=("world",), kwargs={"punctuation": "?"}, name="greeter")
    print(p.name, p.daemon, p.exitcode, p.is_alive())
    p.start()
    p.join()
    print(p.exitcode, p.is_alive(), p.pid != os.getpid())

    codes = []
    for code in (0, 3, None):
        q = mp.Process(target=leave, args=(code,))
        q.start()
        q.join()
        codes.append(q.exitcode)
    print("exit codes", codes)

    s = mp.Process(target=sleeper, daemon=True)
    s.start()
    print("alive", s.is_alive(), s in mp.active_children())
    s.join(timeout=0.1)
    print("still alive after join(0.1)", s.is_alive(), s.exitcode)
    s.terminate()
    s.join()
    print("terminated", s.exitcode, repr(s).endswith("exitcode=-SIGTERM daemon>"))
    k = mp.Process(target=sleeper)
    k.start()
    k.kill()
    k.join()
    print("killed", k.exitcode)
    print("children", mp.active_children())
    print(mp.cpu_count() >= 1)
