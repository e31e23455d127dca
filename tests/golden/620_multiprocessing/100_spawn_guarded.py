# The 'spawn' start method with the guard: the child is a fresh interpreter that re-imports
# this file as __mp_main__ (so the top-level print runs again there), finds `work` by name,
# and runs it. Everything under the guard runs only in the parent.
import multiprocessing as mp
import sys

print(f"importing as {__name__}", flush=True)


def work(q, x):
    q.put((x * 2, __name__, mp.current_process().name))


if __name__ == "__main__":
    ctx = mp.get_context("spawn")
    print(ctx.get_start_method(), mp.get_start_method(), flush=True)
    q = ctx.Queue()
    p = ctx.Process(target=work, args=(q, 21), name="spawned")
    p.start()
    print(q.get(timeout=20), flush=True)
    p.join()
    print("exitcode", p.exitcode)
