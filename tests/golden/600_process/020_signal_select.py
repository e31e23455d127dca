import os, signal, select, sys
got = []
def h(signum, frame):
    got.append(signum)
old = signal.signal(signal.SIGUSR1, h)
print(old == signal.SIG_DFL, signal.getsignal(signal.SIGUSR1) is h)
os.kill(os.getpid(), signal.SIGUSR1)
print("after kill", got)
signal.raise_signal(signal.SIGUSR1)
print("after raise", got)
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
r, w = os.pipe()
print(select.select([r], [w], [], 0)[1] == [w])
os.write(w, b"x")
print(select.select([r], [], [], 1.0)[0] == [r])
p = select.poll()
p.register(r, select.POLLIN)
print(p.poll(100))
try:
    p.unregister(99)
except KeyError as e:
    print("KeyError", e)
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    signal.pause()
    os._exit(3)
signal.signal(signal.SIGCHLD, lambda s, f: got.append('chld'))
os.kill(pid, signal.SIGTERM)
p2, st = os.waitpid(pid, 0)
print(os.WIFSIGNALED(st), os.WTERMSIG(st) == signal.SIGTERM, os.waitstatus_to_exitcode(st))
for i in range(2000): pass
print(got)
def alarm(s, f):
    raise TimeoutError("alarm!")
signal.signal(signal.SIGALRM, alarm)
signal.alarm(1)
try:
    select.select([r2 := os.pipe()[0]], [], [])
except TimeoutError as e:
    print("caught", e)
try:
    signal.signal(signal.SIGKILL, signal.SIG_IGN)
except OSError as e:
    print(e)
try:
    os.waitpid(pid, 0)
except ChildProcessError as e:
    print(e)
print(os.waitpid(-1, os.WNOHANG) if False else "ok")
