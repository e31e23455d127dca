# os.execv in a child, and Ctrl-C (SIGINT) interrupting a parent blocked in os.waitpid.
import os
import signal
import sys
import time

sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os.execv("/bin/sh", ["sh", "-c", "echo from exec; exit 3"])
print("exit code", os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))

env_pid = os.fork()
if env_pid == 0:
    os.execve("/bin/sh", ["sh", "-c", 'echo "GREETING=$GREETING"'], {"GREETING": "hi"})
os.waitpid(env_pid, 0)

pid = os.fork()
if pid == 0:
    time.sleep(0.3)
    os.kill(os.getppid(), signal.SIGINT)
    time.sleep(0.3)
    os._exit(0)
try:
    os.waitpid(pid, 0)
    print("not interrupted")
except KeyboardInterrupt:
    print("KeyboardInterrupt while waiting")
p, status = os.waitpid(pid, 0)
print(p == pid, os.waitstatus_to_exitcode(status))

# a Python handler for SIGINT replaces KeyboardInterrupt; default_int_handler restores it
seen = []
signal.signal(signal.SIGINT, lambda s, f: seen.append(s))
os.kill(os.getpid(), signal.SIGINT)
print(seen)
signal.signal(signal.SIGINT, signal.default_int_handler)
try:
    os.kill(os.getpid(), signal.SIGINT)
    for i in range(10000):
        pass
    print("no interrupt")
except KeyboardInterrupt:
    print("KeyboardInterrupt again")
