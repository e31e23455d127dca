# Lesson: a deadlock from taking two locks in opposite orders. Thread "transfer-a-to-b" takes
# lock_a then lock_b; thread "transfer-b-to-a" takes lock_b then lock_a. Each sleeps 0.1 s while
# holding its first lock, so both get their first lock before either asks for its second: each
# then waits forever for the lock the other holds, and the main thread waits in join().
# Under python3 THIS PROGRAM HANGS after the two "got ..." lines (press Ctrl-C; the threads are
# daemons, so one Ctrl-C ends it). gilpy sees that every thread waits and none can run to end
# the waits: it prints "Deadlock detected: ...", then for each thread what it waits for (the
# lock and who holds it, or the thread it joins) with its stack, then the cycle:
#   "transfer-a-to-b" holds lock_a and waits for lock_b
#   "transfer-b-to-a" holds lock_b and waits for lock_a
# and exits with status 3. The GIL is not the problem: all three threads are blocked on locks
# and nobody holds it; on the timeline the two lanes turn purple (blocked: lock) after 0.1 s and
# stay purple to the end, and so does the main thread's (join() waits on a lock that the thread
# releases when it ends). The fix: every thread takes the locks in the same order.
# Timeline:  scripts/gilpy -X giltimeline=deadlock.svg -X gilstats scripts/demos/deadlock_lock_order.py
import threading
import time

lock_a = threading.Lock()
lock_b = threading.Lock()


def transfer(first, second, names):
    with first:
        print(f"{threading.current_thread().name}: got {names[0]}, now waiting for {names[1]}",
              flush=True)
        time.sleep(0.1)                 # the other thread takes its first lock meanwhile
        with second:                    # never succeeds: the other thread holds it
            print("unreachable")


t1 = threading.Thread(target=transfer, args=(lock_a, lock_b, ("lock_a", "lock_b")),
                      name="transfer-a-to-b", daemon=True)
t2 = threading.Thread(target=transfer, args=(lock_b, lock_a, ("lock_b", "lock_a")),
                      name="transfer-b-to-a", daemon=True)
t1.start()
t2.start()
t1.join()
t2.join()
print("finished (never printed: the two threads wait for each other forever)")
