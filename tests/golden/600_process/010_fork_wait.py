# os.fork, pipes, os.waitpid (blocking and WNOHANG), os.wait and the W* status functions.
import os
import sys
import time

sys.stdout.flush()  # the child inherits unflushed output otherwise
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(r)
    os.write(w, b"hello from child")
    os._exit(7)
os.close(w)
print(os.read(r, 100))
os.close(r)
p, status = os.waitpid(pid, 0)
print(p == pid, os.WIFEXITED(status), os.WEXITSTATUS(status), os.WIFSIGNALED(status))
print(os.waitstatus_to_exitcode(status))

# WNOHANG: (0, 0) while the child still runs
go_r, go_w = os.pipe()
pid = os.fork()
if pid == 0:
    os.read(go_r, 1)
    os._exit(0)
print(os.waitpid(pid, os.WNOHANG))
os.write(go_w, b"x")
p, status = os.waitpid(pid, 0)
print(p == pid, os.waitstatus_to_exitcode(status))

# several children, reaped with os.wait()
pids = set()
for i in range(3):
    pid = os.fork()
    if pid == 0:
        os._exit(10 + i)
    pids.add(pid)
codes = []
while pids:
    p, status = os.wait()
    pids.remove(p)
    codes.append(os.WEXITSTATUS(status))
print(sorted(codes))

# a child killed by a signal
pid = os.fork()
if pid == 0:
    time.sleep(10)
    os._exit(0)
os.kill(pid, 9)
p, status = os.waitpid(pid, 0)
print(os.WIFSIGNALED(status), os.WTERMSIG(status), os.waitstatus_to_exitcode(status))
print(os.WIFSTOPPED(status), os.WIFEXITED(status))

# the child's getppid is the parent's getpid
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.write(w, str(os.getppid()).encode())
    os._exit(0)
os.close(w)
print(int(os.read(r, 100)) == os.getpid())
os.close(r)
os.waitpid(pid, 0)

# nothing is left to reap
try:
    os.waitpid(-1, os.WNOHANG)
except ChildProcessError as e:
    print("ChildProcessError", e)
