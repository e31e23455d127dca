# gilpy-differs: hand-checked expectation (CPython prints the same lines; stderr holds the
# child's traceback, whose file paths differ between CPython and gilpy, so it is not compared).
# The guard lesson: under 'spawn' the child re-runs this whole file as __mp_main__. Without
# `if __name__ == "__main__":` it reaches p.start() again while still bootstrapping, and
# multiprocessing stops it with a RuntimeError instead of starting processes forever.
import multiprocessing as mp
import sys


def work():
    print("work ran")


ctx = mp.get_context("spawn")
p = ctx.Process(target=work)
try:
    p.start()
except RuntimeError as e:
    # Only the child gets here: it prints the lesson and fails.
    print(f"child ({__name__}) refused to start a process:")
    print("\n".join(line.strip() for line in str(e).strip().splitlines()[:3]))
    sys.stdout.flush()
    raise
p.join()
print("parent: child exitcode", p.exitcode)
