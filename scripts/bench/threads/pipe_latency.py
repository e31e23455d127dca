# The "convoy effect": an I/O thread answers requests over a pipe while a CPU-bound thread
# spins in the same interpreter. Each request wakes the I/O thread, which must get the GIL back
# from the spinner before it can answer: CPython makes it wait for the switch interval (5 ms)
# to expire; gilpy's target is a small fraction of that. Prints the round trip's p50 and p99.
#
# The client runs in a forked child process (single-threaded, no GIL contention of its own),
# so only the server's hand-off is measured, as with a real network client.
import os
import sys
import threading
import time

ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 200
to_server_r, to_server_w = os.pipe()
to_client_r, to_client_w = os.pipe()
results_r, results_w = os.pipe()

pid = os.fork()    # before any thread starts: the child is a plain single-threaded client
if pid == 0:
    samples = []
    for _ in range(ROUNDS):
        time.sleep(0.001)          # between requests the server's spinner holds the GIL
        start = time.perf_counter()
        os.write(to_server_w, b"x")
        os.read(to_client_r, 1)
        samples.append(time.perf_counter() - start)
    samples.sort()
    p50 = samples[len(samples) // 2]
    p99 = samples[min(len(samples) - 1, (len(samples) * 99) // 100)]
    os.write(results_w, ("%f %f" % (p50, p99)).encode())
    os._exit(0)

stop = False


def echo():
    # The I/O thread: read a request, answer it.
    for _ in range(ROUNDS):
        os.write(to_client_w, os.read(to_server_r, 1))


def spin():
    # The CPU-bound thread: never blocks; gives the GIL up only when made to.
    n = 0
    while not stop:
        n += 1


spinner = threading.Thread(target=spin)
echoer = threading.Thread(target=echo)
spinner.start()
echoer.start()
echoer.join()
stop = True
spinner.join()
p50, p99 = (float(x) for x in os.read(results_r, 100).decode().split())
os.waitpid(pid, 0)
print("pipe_rtt_p50 %.1f us" % (p50 * 1e6))
print("pipe_rtt_p99 %.1f us" % (p99 * 1e6))
