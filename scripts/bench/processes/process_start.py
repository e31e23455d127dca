# The cost of one process's whole life with the default start method (fork):
# Process() + start() + join() of an empty function.
import multiprocessing
import time

N = 100


def nothing():
    pass


if __name__ == "__main__":
    start = time.perf_counter()
    for _ in range(N):
        p = multiprocessing.Process(target=nothing)
        p.start()
        p.join()
    elapsed = time.perf_counter() - start
    print("process_start_join %.3f ms" % (elapsed / N * 1e3))
