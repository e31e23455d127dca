# After os.fork() only the forking thread exists in the child: threading forgets the others
# (threading._after_fork), so the child's exit does not wait for them, and new threads work.
import os
import threading

ev = threading.Event()
t = threading.Thread(target=ev.wait, name="waiter")
t.start()
pid = os.fork()
if pid == 0:
    print("child:", threading.current_thread().name, threading.active_count(),
          [x.name for x in threading.enumerate()], "waiter alive:", t.is_alive(), flush=True)
    t2 = threading.Thread(target=print, args=("a new thread runs in the child",))
    t2.start()
    t2.join()
    print("child main thread is main_thread():",
          threading.current_thread() is threading.main_thread(), flush=True)
else:
    _, status = os.waitpid(pid, 0)
    print("parent: child exited with", status, "waiter alive:", t.is_alive())
    ev.set()
    t.join()
    print("parent: waiter alive after join:", t.is_alive())
