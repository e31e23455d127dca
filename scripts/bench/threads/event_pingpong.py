# Two threads bounce control with a pair of Events: microseconds per hand-off. Each hand-off
# is a set() on one side and a wait() waking on the other, so it measures how fast a blocked
# thread gets the GIL back.
import sys
import threading
import time

ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
ping = threading.Event()
pong = threading.Event()


def responder():
    for _ in range(ROUNDS):
        ping.wait()
        ping.clear()
        pong.set()


t = threading.Thread(target=responder)
t.start()
start = time.perf_counter()
for _ in range(ROUNDS):
    ping.set()
    pong.wait()
    pong.clear()
elapsed = time.perf_counter() - start
t.join()
print("event_handoff %.2f us" % (elapsed / (2 * ROUNDS) * 1e6))
