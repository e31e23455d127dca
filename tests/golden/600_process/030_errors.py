# Argument errors of the process functions, with CPython's messages.
import os
import signal
import select

cases = [
    lambda: os.waitpid(1),
    lambda: os.waitpid("a", 0),
    lambda: os.kill(1),
    lambda: os.WIFEXITED(),
    lambda: os.WIFEXITED("x"),
    lambda: os._exit(),
    lambda: os.register_at_fork(),
    lambda: os.register_at_fork(before=1),
    lambda: os.register_at_fork(1),
    lambda: os.execv("/bin/true", []),
    lambda: os.execv("/bin/true", 1),
    lambda: os.execv("/bin/true", [""]),
    lambda: os.execve("/bin/true", ["a"], 1),
    lambda: os.waitstatus_to_exitcode(0x7f),
    lambda: os.kill(999999999, 0),
    lambda: os.execv("/nonexistent/program", ["x"]),
    lambda: signal.signal(100, signal.SIG_DFL),
    lambda: signal.signal(signal.SIGUSR1, 5),
    lambda: signal.signal(signal.SIGKILL, signal.SIG_IGN),
    lambda: signal.signal(signal.SIGUSR1),
    lambda: signal.getsignal(100),
    lambda: signal.default_int_handler(2, None),
    lambda: signal.raise_signal(100),
    lambda: select.select(1, [], []),
    lambda: select.select(["a"], [], []),
    lambda: select.select([-1], [], []),
    lambda: select.select([], [], [], "a"),
    lambda: select.select([], [], [], -1),
    lambda: select.select([], []),
    lambda: select.poll().unregister(5),
    lambda: select.poll().modify(5, 1),
    lambda: select.poll().poll("a"),
    lambda: select.poll().register("a"),
    lambda: select.poll().register(0, -1),
    lambda: select.poll().register(0, 70000),
]
for case in cases:
    try:
        print(case())
    except BaseException as e:
        print(type(e).__name__, e)


class NoInt:
    def fileno(self):
        return "x"


try:
    select.select([NoInt()], [], [], 0)
except TypeError as e:
    print(e)
print(signal.getsignal(signal.SIGUSR2) == signal.SIG_DFL, signal.SIG_DFL, signal.SIG_IGN)
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print(signal.strsignal(signal.SIGTERM), signal.alarm(0))
print(select.error is OSError, select.POLLIN, select.POLLOUT, select.POLLHUP)
