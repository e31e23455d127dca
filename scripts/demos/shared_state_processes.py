# Lesson: processes do not share memory, so sharing state takes explicit tools:
# multiprocessing.Value and Array (a number or an array in shared memory) and a Manager (a
# server process holding a dict or list that others reach through proxies). Four processes
# each add 1 to a shared Value 5,000 times, first with `counter.value += 1` alone, then inside
# `with counter.get_lock():`. What to look for: without get_lock() updates are lost (the total
# ends below 20000: `+=` reads, adds and writes back, and another process can write in between;
# each process has its own GIL, so the GIL protects nothing here); with get_lock() it is exactly
# 20000. The Array gets one slot per process, with no lock needed because no two processes write
# the same slot, and the Manager dict collects one entry per process. On the parent's timeline
# its main thread is grey (blocked: join) while the children work; each child draws its own
# (shared.<pid>.svg), one GIL per process. scripts/gil-merge-traces puts the -X giltrace files
# of all 18 processes (16 children and the Manager's server) into one Perfetto trace.
# Timeline:  scripts/gilpy -X giltimeline=shared.svg -X gilstats scripts/demos/shared_state_processes.py
import multiprocessing
import os
import sys

PROCESSES = 4
ADDS = int(sys.argv[1]) if len(sys.argv) > 1 else 5_000   # per process


def add_unlocked(counter, n):
    for _ in range(n):
        counter.value += 1              # read, add, write back: not atomic across processes


def add_locked(counter, n):
    for _ in range(n):
        with counter.get_lock():        # the Value's own lock, shared by all processes
            counter.value += 1


def fill_slot(squares, i):
    squares[i] = float(i * i)           # each process writes only its own slot


def report(results, i):
    results[f"worker-{i}"] = os.getpid()  # the proxy sends the update to the manager process


def run_all(target, args_of):
    procs = [multiprocessing.Process(target=target, args=args_of(i)) for i in range(PROCESSES)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()


if __name__ == "__main__":             # needed: the spawn start method re-imports this file
    counter = multiprocessing.Value("i", 0)   # "i": a C int in shared memory
    run_all(add_unlocked, lambda i: (counter, ADDS))
    lost = counter.value < ADDS * PROCESSES
    print(f"without get_lock(): expected {ADDS * PROCESSES}, got", counter.value,
          "(updates lost)" if lost else "(no update lost this time: run it again)")

    counter = multiprocessing.Value("i", 0)
    run_all(add_locked, lambda i: (counter, ADDS))
    print(f"with get_lock():    expected {ADDS * PROCESSES}, got {counter.value}")

    squares = multiprocessing.Array("d", PROCESSES)  # "d": C doubles, all 0.0 at first
    run_all(fill_slot, lambda i: (squares, i))
    print("Array filled by the children:", list(squares))

    with multiprocessing.Manager() as manager:
        results = manager.dict()
        run_all(report, lambda i: (results, i))
        others = set(results.values()) - {os.getpid()}
        print(f"Manager dict filled by {len(others)} child processes:", sorted(results.keys()))
