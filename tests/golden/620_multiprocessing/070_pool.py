# multiprocessing.Pool: the seed articles' examples (map, imap with chunksize, starmap,
# apply_async with get(timeout)) and the rest of the API.
import multiprocessing
import math
import os
import time
from multiprocessing import Pool


def is_prime(n):
    if n < 2: return False
    if n == 2: return True
    if n % 2 == 0: return False
    for i in range(3, int(math.sqrt(n)) + 1, 2):
        if n % i == 0: return False
    return True


def count_primes_sequential(numbers):
    return sum(1 for n in numbers if is_prime(n))


def count_primes_parallel(numbers):
    with multiprocessing.Pool() as pool:  # default: one process per CPU core
        results = pool.map(is_prime, numbers)
    return sum(results)


def square(x):
    return x * x


def add(a, b):
    return a + b


def fail(x):
    raise ValueError(f"bad item {x}")


def fail_on_5(x):
    if x == 5:
        raise ValueError(f"bad item {x}")
    return x


def slow(x):
    time.sleep(x)
    return x


def where(_):
    return os.getpid()


def init(value):
    global GREETING
    GREETING = value


def greeting(_):
    return GREETING


if __name__ == "__main__":
    numbers = list(range(1_000_000, 1_001_000))
    print(count_primes_sequential(numbers), count_primes_parallel(numbers))

    with Pool(processes=4) as pool:
        print(pool.map(square, range(10)))
        print(list(pool.imap(square, range(10), chunksize=3)))
        print(sorted(pool.imap_unordered(square, range(10), chunksize=2)))
        print(pool.starmap(add, [(1, 2), (3, 4), (5, 6)]))
        future = pool.apply_async(square, args=(12,))
        print(future.get(timeout=30), future.ready(), future.successful())
        print(pool.apply(add, (2, 3)))
        called = []
        r = pool.map_async(square, [1, 2, 3], callback=called.append)
        r.wait(5)
        print(r.get(5), "callback got", called)
        errors = []
        bad = pool.apply_async(fail, (7,), error_callback=errors.append)
        try:
            bad.get(5)
        except ValueError as e:
            print("ValueError:", e, bad.successful(), "error_callback got", repr(errors[0]))
        try:
            pool.map(fail_on_5, [2, 4, 5, 6])
        except ValueError as e:
            print("map raised", e)
        late = pool.apply_async(slow, (0.5,))
        try:
            late.get(timeout=0.05)
        except multiprocessing.TimeoutError:
            print("TimeoutError", late.ready())
        print(late.get(5))
        try:
            late2 = pool.apply_async(slow, (0.3,))
            late2.successful()
        except ValueError as e:
            print("ValueError:", str(e).endswith("not ready"))
        late2.wait()
    print(pool)

    with Pool(2, initializer=init, initargs=("hi",)) as pool:
        print(pool.map(greeting, range(4)))
    pool.join()

    pool = Pool(2, maxtasksperchild=1)
    pids = pool.map(where, range(6), chunksize=1)
    print(len(pids), len(set(pids)) == 6)
    pool.close()
    pool.join()
    try:
        pool.apply(square, (1,))
    except ValueError as e:
        print("ValueError:", e)

    pool = Pool(2)
    pool.apply_async(slow, (10,))
    pool.terminate()
    pool.join()
    print("terminated", multiprocessing.active_children())
