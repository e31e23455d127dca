# ProcessPoolExecutor: the seed articles' examples (sizes reduced from [10_000_000] * 8 so the
# test stays short), submit, map with chunksize and timeout, shutdown, exceptions.
from concurrent.futures import ProcessPoolExecutor, as_completed, TimeoutError, wait
import concurrent.futures
import time


def cpu_intensive(n):
    return sum(i * i for i in range(n))


def compute(n):
    return sum(range(n))


def boom(x):
    raise KeyError(x)


def nap(x):
    time.sleep(x)
    return x


def init(v):
    global PREFIX
    PREFIX = v


def prefixed(x):
    return PREFIX + str(x)


if __name__ == "__main__":
    numbers = [100_000] * 8
    with ProcessPoolExecutor(max_workers=4) as executor:
        results = list(executor.map(cpu_intensive, numbers))
    print(f"Sum of squares: {results}")

    with ProcessPoolExecutor() as pool:
        results = list(pool.map(compute, [1_000_000] * 4))
    print(results)

    with ProcessPoolExecutor(max_workers=2) as pool:
        futures = {pool.submit(compute, n): n for n in (10, 100, 1000)}
        done = sorted((futures[f], f.result()) for f in as_completed(futures))
        print(done)
        print(list(pool.map(compute, range(10), chunksize=3)))
        f = pool.submit(boom, "key")
        try:
            f.result()
        except KeyError as e:
            cause = e.__cause__
            print("KeyError:", e, type(cause).__name__, type(cause).__module__)
            print('Traceback' in str(cause), "KeyError: 'key'" in str(cause))
        print(type(f.exception()).__name__)
        it = pool.map(nap, [0.01, 1], timeout=0.3)
        print(next(it))
        try:
            next(it)
        except TimeoutError:
            print("TimeoutError from map")
        f = pool.submit(nap, 0.05)
        done, not_done = wait([f], timeout=5)
        print(len(done), f.done(), f.result())

    with ProcessPoolExecutor(max_workers=1, initializer=init, initargs=("n=",)) as pool:
        print(list(pool.map(prefixed, [1, 2])))

    pool = ProcessPoolExecutor(max_workers=1)
    first = pool.submit(nap, 0.3)
    queued = [pool.submit(nap, 0) for _ in range(5)]
    pool.shutdown(wait=True, cancel_futures=True)
    print(first.result(), sum(f.cancelled() for f in queued) >= 1)
    try:
        pool.submit(nap, 0)
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        ProcessPoolExecutor(max_workers=0)
    except ValueError as e:
        print("ValueError:", e)
    print(concurrent.futures.ProcessPoolExecutor is ProcessPoolExecutor)
