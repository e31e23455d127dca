import os, sys, _thread, time
order = []
os.register_at_fork(before=lambda: order.append("before1"), after_in_parent=lambda: order.append("parent1"), after_in_child=lambda: order.append("child1"))
os.register_at_fork(before=lambda: order.append("before2"), after_in_parent=lambda: order.append("parent2"), after_in_child=lambda: order.append("child2"))
def bad():
    raise ValueError("hook failed")
stop = _thread.allocate_lock(); stop.acquire()
def spin():
    n = 0
    while not stop.acquire(False):
        n += 1
    stop.release()
_thread.start_new_thread(spin, ())
time.sleep(0.05)
r, w = os.pipe()
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    # only this thread exists here; a new thread works (fresh GIL)
    done = _thread.allocate_lock(); done.acquire()
    res = []
    def work():
        res.append(sum(range(100000)))
        done.release()
    _thread.start_new_thread(work, ())
    done.acquire()
    os.write(w, repr((order, res)).encode())
    os._exit(0)
os.close(w)
data = b""
while True:
    chunk = os.read(r, 1000)
    if not chunk:
        break
    data += chunk
print(data.decode())
print(order)
os.waitpid(pid, 0)
stop.release()
time.sleep(0.05)
try:
    os.waitpid(-1, os.WNOHANG)
except ChildProcessError:
    print("no children left")
