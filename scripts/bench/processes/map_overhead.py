# Per-item overhead of Pool.map over 100,000 trivial items (default chunksize): pickling,
# pipe traffic and result collection, divided by the number of items.
import multiprocessing
import time

N = 100_000


def ident(x):
    return x


if __name__ == "__main__":
    with multiprocessing.Pool(2) as pool:
        pool.map(ident, [0, 1])
        start = time.perf_counter()
        out = pool.map(ident, range(N))
        elapsed = time.perf_counter() - start
    assert out[-1] == N - 1 and len(out) == N
    print("pool_map_per_item %.3f us" % (elapsed / N * 1e6))
