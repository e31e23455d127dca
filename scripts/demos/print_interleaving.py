# Lesson: print() is not atomic. print("worker", 1, "line", 7) writes "worker", " ", "1", " ",
# "line", " ", "7" and "\n" one after another into the file's buffer; when the buffer is full,
# the write that empties it releases the GIL (it is a blocking system call), and another thread
# can print whole lines into the emptied buffer before the first one writes the rest of its
# line. Four threads print 20,000 lines each into one file, first without a lock, then with a
# threading.Lock around each print(); the file is read back and every line checked.
# What to look for: without the lock some lines are broken (one thread's line cut short with
# another's glued to it, its rest on a line of its own; how many varies from run to run; on a
# terminal, which flushes at every newline, it is messier still); with the lock none are.
# CPython 3.11 can do worse: its file objects are not thread-safe either, and can drop lines or
# even write bytes that nobody printed (CPython issue gh-118138), so the count of whole lines may
# fall short of 80000 too. The articles' advice stands: one lock around the printing (the
# logging module takes such a lock for you). On the timeline, each blue mark (blocked: I/O) is a
# buffer flush: that is where another thread's green slice can cut a line in two.
# Timeline:  scripts/gilpy -X giltimeline=print.svg -X gilstats scripts/demos/print_interleaving.py
import os
import sys
import threading

THREADS = 4
LINES = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000   # lines per thread
PATH = f"/tmp/print_interleaving_{os.getpid()}.txt"


def chatter(out, i, lock, start):
    start.wait()                        # all four print at the same time
    for n in range(LINES):
        if lock is None:
            print("worker", i, "line", n, file=out)
        else:
            with lock:
                print("worker", i, "line", n, file=out)


def is_whole(line):
    words = line.split(" ")
    return (len(words) == 4 and words[0] == "worker" and words[1].isdigit()
            and words[2] == "line" and words[3].isdigit())


def run(lock):
    start = threading.Barrier(THREADS)
    with open(PATH, "w") as out:
        threads = [threading.Thread(target=chatter, args=(out, i, lock, start), name=f"worker-{i}")
                   for i in range(THREADS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    with open(PATH, "rb") as f:          # bytes: the text may not even be valid UTF-8
        lines = f.read().decode("utf-8", "replace").split("\n")[:-1]
    os.unlink(PATH)
    broken = [line for line in lines if not is_whole(line)]
    return len(lines) - len(broken), broken


def report(title, lock):
    whole, broken = run(lock)
    print(f"{title}: {whole} whole lines of {THREADS * LINES}, {len(broken)} broken")
    readable = [line for line in broken if line.isprintable() and len(line) < 60]
    for line in readable[:3]:
        print(f"    for example {line!r}")
    if len(readable) < len(broken):
        garbled = len(broken) - len(readable)
        print(f"    and {garbled} more line{'s' if garbled != 1 else ''} holding bytes that nobody "
              "printed")


report("without a lock", None)
report("with a lock   ", threading.Lock())
