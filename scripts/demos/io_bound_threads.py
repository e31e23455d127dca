# Lesson: threads DO speed up I/O-bound work, because a blocking call releases the GIL.
# Four "downloads" (each: sleep 0.2 s, then read and write a pipe) run beside one CPU-bound
# thread. What to look for: the four I/O threads finish in about 0.2 s in total, not 0.8 s;
# on the timeline their lanes are mostly light blue (blocked in sleep) or blue (I/O), with
# short green slices; the CPU thread's lane is green with red gaps only when an I/O thread
# came back and was given the GIL quickly (the fair policy's "request" switches, pink marks).
# Timeline:  scripts/gilpy -X giltimeline=io.svg -X gilstats scripts/demos/io_bound_threads.py
import os
import threading
import time


def download(i):
    time.sleep(0.2)                   # waiting for the network: the GIL is free meanwhile
    r, w = os.pipe()
    os.write(w, b"x" * 1000)
    os.read(r, 1000)
    os.close(r)
    os.close(w)


def crunch(stop):
    n = 0
    while not stop.is_set():
        n += 1


stop = threading.Event()
cpu = threading.Thread(target=crunch, args=(stop,), name="cpu")
cpu.start()
start = time.perf_counter()
io = [threading.Thread(target=download, args=(i,), name=f"io-{i}") for i in range(4)]
for t in io:
    t.start()
for t in io:
    t.join()
elapsed = time.perf_counter() - start
stop.set()
cpu.join()
print("four 0.2 s downloads took", "about 0.2 s" if elapsed < 0.5 else f"{elapsed:.2f} s")
