# I/O thread wake-up latency beside a CPU-bound thread: how long after data arrives on a pipe
# does the thread blocked reading it run Python again? The reader must get the GIL back from a
# spinner that never blocks: under CPython 3.2+ (and gilpy -X gil=py3) it waits for the switch
# interval (5 ms) to expire, the convoy effect; gilpy's fair policy hands the GIL over at once.
#
# One way, not a round trip: a forked, single-threaded writer stamps each message with
# time.perf_counter_ns() (CLOCK_MONOTONIC, the same clock in both processes) just before
# os.write(); the reader thread reads the clock right after os.read() returns to Python. The
# writer waits for an acknowledgement, then sleeps 1 to 3 ms (so messages never queue up and
# arrive at random points of the spinner's turn), then sends the next one.
# Prints "wakeup_p50 X us", "wakeup_p99 X us" and "wakeup_max X us" (the format of
# scripts/bench/threads/run). usage: INTERPRETER wakeup_latency.py [ROUNDS]
import os
import random
import sys
import threading
import time

ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 400
MESSAGE = 21                          # "%20d\n": a nanosecond timestamp
data_r, data_w = os.pipe()
ack_r, ack_w = os.pipe()

pid = os.fork()    # before any thread starts: the writer is a plain single-threaded process
if pid == 0:
    for _ in range(ROUNDS):
        time.sleep(random.uniform(0.001, 0.003))
        os.write(data_w, b"%20d\n" % time.perf_counter_ns())
        os.read(ack_r, 1)
    os._exit(0)

stop = False
latencies_ns = []


def read_messages():
    # The I/O thread: blocked in os.read (GIL released) until the writer's message arrives.
    for _ in range(ROUNDS):
        message = os.read(data_r, MESSAGE)
        latencies_ns.append(time.perf_counter_ns() - int(message))
        os.write(ack_w, b"k")


def spin():
    # The CPU-bound thread: never blocks; gives the GIL up only when made to.
    n = 0
    while not stop:
        n += 1


spinner = threading.Thread(target=spin, name="spinner")
reader = threading.Thread(target=read_messages, name="reader")
spinner.start()
reader.start()
reader.join()
stop = True
spinner.join()
os.waitpid(pid, 0)
latencies_ns.sort()
print("wakeup_p50 %.1f us" % (latencies_ns[len(latencies_ns) // 2] / 1000))
print("wakeup_p99 %.1f us" % (latencies_ns[(len(latencies_ns) * 99) // 100] / 1000))
print("wakeup_max %.1f us" % (latencies_ns[-1] / 1000))
