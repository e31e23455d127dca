# select and poll on pipes (objects with fileno() too), and the GIL released while a thread
# waits in select, poll or waitpid: the other threads keep running.
import os
import select
import sys
import threading
import time


class Reader:
    def __init__(self, fd):
        self.fd = fd

    def fileno(self):
        return self.fd


r, w = os.pipe()
rd = Reader(r)
print(select.select([rd], [], [], 0.01))
os.write(w, b"abc")
ready, _, _ = select.select([rd, r], [], [], 1)
print([x is rd for x in ready], len(ready))
print(os.read(r, 10))

p = select.poll()
p.register(rd)
p.register(w, select.POLLOUT)
print(sorted(p.poll(0)))
p.modify(w, select.POLLIN)
print(p.poll(10))
os.close(w)
print(p.poll(100))  # the writer is gone: hang-up
p.unregister(rd)
p.unregister(w)
print(p.poll(0))
os.close(r)

# a thread blocked in select does not hold the GIL
r, w = os.pipe()
result = []


def waiter():
    result.append(select.select([r], [], [], 5)[0] == [r])


t = threading.Thread(target=waiter)
t.start()
count = 0
deadline = time.monotonic() + 0.2
while time.monotonic() < deadline:
    count += 1
os.write(w, b"x")
t.join()
print("main ran while the thread waited:", count > 1000, result)
os.close(r)
os.close(w)

# the main thread blocked in waitpid lets a thread run
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    time.sleep(0.3)
    os._exit(5)
progress = []


def counter():
    n = 0
    deadline = time.monotonic() + 0.2
    while time.monotonic() < deadline:
        n += 1
    progress.append(n > 1000)


t = threading.Thread(target=counter)
t.start()
_, status = os.waitpid(pid, 0)
t.join()
print("thread ran while main waited:", progress, os.waitstatus_to_exitcode(status))
