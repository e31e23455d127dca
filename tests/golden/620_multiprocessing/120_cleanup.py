# No zombies and no leftover /dev/shm files after processes, pools, queues, Value/Array,
# managers, a worker killed with SIGKILL and an exception raised in the parent.
import multiprocessing as mp
import os
import signal
import time
from concurrent.futures import ProcessPoolExecutor


def shm_files():
    try:
        return set(os.listdir("/dev/shm"))
    except OSError:
        return set()


def zombies():
    """Child processes of this process that exited and were never waited for."""
    me = str(os.getpid())
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[1] == me and fields[0] == "Z":
            found.append(entry)
    return found


def square(x):
    return x * x


def die(_):
    os.kill(os.getpid(), signal.SIGKILL)


def touch(v, a):
    with v.get_lock():
        v.value += 1
    a[0] = 1.0


if __name__ == "__main__":
    before = shm_files()
    v = mp.Value("i", 0)
    a = mp.Array("d", 4)
    ps = [mp.Process(target=touch, args=(v, a)) for _ in range(3)]
    for p in ps: p.start()
    for p in ps: p.join()
    q = mp.Queue()
    q.put("x")
    print(q.get(timeout=5), v.value, a[0])
    with mp.Pool(2) as pool:
        print(pool.map(square, range(5)))
    with mp.Manager() as m:
        d = m.dict(a=1)
        print(dict(d))
    try:
        with ProcessPoolExecutor(2) as ex:
            ex.submit(die, 0).exception(timeout=10)
            raise RuntimeError("the parent fails while the pool is open")
    except RuntimeError as e:
        print("caught:", e)
    try:
        with mp.Pool(2) as pool:
            pool.apply_async(square, (3,))
            raise ZeroDivisionError("parent raised inside the with block")
    except ZeroDivisionError as e:
        print("caught:", e)
    del v, a
    import gc
    gc.collect()
    # Give exiting children a moment to be reaped.
    for _ in range(50):
        if not mp.active_children() and not zombies():
            break
        time.sleep(0.05)
    print("active children:", mp.active_children())
    print("zombies:", zombies())
    try:
        os.waitpid(-1, os.WNOHANG)
        print("a child is left")
    except ChildProcessError:
        print("no children left")
    for _ in range(20):
        leftover = sorted(shm_files() - before)
        if not leftover:
            break
        time.sleep(0.05)
    print("new /dev/shm files:", leftover)
