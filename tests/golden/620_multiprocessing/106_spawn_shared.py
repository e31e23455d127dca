# Manager proxies, a Lock, Value and Array passed to processes started with 'spawn': each
# child is a fresh interpreter that reopens the semaphore and the shared memory by name.
import multiprocessing as mp


def cube(x):
    return x ** 3


def record(d, lock, i):
    with lock:
        d[i] = cube(i)


def bump(v, a):
    with v.get_lock():
        v.value += 1
        a[v.value] = v.value * 1.5


if __name__ == "__main__":
    ctx = mp.get_context("spawn")
    with ctx.Manager() as manager:
        d = manager.dict()
        lock = ctx.Lock()
        ps = [ctx.Process(target=record, args=(d, lock, i)) for i in range(3)]
        for p in ps: p.start()
        for p in ps: p.join()
        print(sorted(d.items()), [p.exitcode for p in ps])
    v = ctx.Value("i", 0)
    a = ctx.Array("d", 4)
    ps = [ctx.Process(target=bump, args=(v, a)) for _ in range(3)]
    for p in ps: p.start()
    for p in ps: p.join()
    print(v.value, a[:], [p.exitcode for p in ps])
