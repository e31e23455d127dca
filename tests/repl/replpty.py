"""replpty: drive gilpy's interactive prompt through a pseudo-terminal, for the tests in
tests/repl (each NNN_name.py imports it). Uses only the standard library (pty, os, select).

    r = Repl(gilpy)            # starts `gilpy` on a new pty (HOME is a fresh temporary dir)
    r.expect(">>> ")           # waits (with a timeout) until the output contains the text
    r.send("6 * 7\\r")          # types keys: "\\r" is Enter, "\\x03" Ctrl-C, "\\x04" Ctrl-D
    r.expect("42")
    r.send("\\x04"); assert r.wait_exit() == 0

Every wait has a deadline, and the whole test is killed by SIGALRM after ALARM seconds,
so a broken REPL fails a test instead of hanging it. Failures raise ReplError with the
terminal output seen so far (escape sequences and carriage returns removed).
"""

import fcntl
import os
import pty
import re
import select
import shutil
import signal
import struct
import sys
import tempfile
import termios
import time

# Sanitizer builds start slower: allow generous deadlines; passing tests never wait them out.
TIMEOUT = float(os.environ.get("REPL_TEST_TIMEOUT", "8"))
ALARM = 60

ANSI = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Za-z0-9]|\x1b[=>]|\x07")


class ReplError(AssertionError):
    pass


def screen_text(raw):
    """The output as text: escape sequences, bells and carriage returns removed."""
    return ANSI.sub(b"", raw).replace(b"\r", b"").decode("utf-8", errors="replace")


def screen_lines(raw):
    """The lines a terminal would show for this output: a small VT100 subset (carriage
    return, line feed, backspace, erase to end of line, cursor moves within a line and up
    and down). Lets a test check what the user sees, e.g. that a thread's output did not
    land inside the line being edited."""
    lines, row, col = [[]], 0, 0
    text = raw.decode("utf-8", errors="replace")
    i = 0
    while i < len(text):
        ch = text[i]
        i += 1
        if ch == "\x1b":
            m = re.match(r"\[([0-9;?]*)([A-Za-z])", text[i:])
            if not m:
                continue
            i += m.end()
            arg = m.group(1).split(";")[0]
            num = int(arg) if arg.isdigit() else None
            cmd = m.group(2)
            if cmd == "K":
                del lines[row][col:]
            elif cmd == "G":
                col = (num or 1) - 1
            elif cmd == "C":
                col += num or 1
            elif cmd == "D":
                col = max(0, col - (num or 1))
            elif cmd == "A":
                row = max(0, row - (num or 1))
            elif cmd == "B":
                row += num or 1
            elif cmd == "J":
                del lines[row][col:]
                del lines[row + 1:]
            while len(lines) <= row:
                lines.append([])
        elif ch == "\r":
            col = 0
        elif ch == "\n":
            row += 1
            while len(lines) <= row:
                lines.append([])
        elif ch == "\b":
            col = max(0, col - 1)
        elif ch == "\x07":
            pass
        elif ch >= " ":
            line = lines[row]
            while len(line) < col:
                line.append(" ")
            if col < len(line):
                line[col] = ch
            else:
                line.append(ch)
            col += 1
    return ["".join(l).rstrip() for l in lines]


def gilpy_path():
    """The interpreter under test: argv[1], else $GILPY, else build-release/gilpy."""
    if len(sys.argv) > 1:
        return os.path.abspath(sys.argv[1])
    if os.environ.get("GILPY"):
        return os.environ["GILPY"]
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    return os.path.join(root, "build-release", "gilpy")


def _alarm(signo, frame):
    raise ReplError("the test took longer than %d seconds" % ALARM)


signal.signal(signal.SIGALRM, _alarm)
signal.alarm(ALARM)


class Repl:
    """gilpy (or any command) running on a pty: send keys, expect output."""

    def __init__(self, argv, home=None, env=None, cols=100, rows=30):
        if isinstance(argv, str):
            argv = [argv]
        self.own_home = home is None
        self.home = home if home is not None else tempfile.mkdtemp(prefix="gilpy-repl-")
        self.env = dict(os.environ)
        for name in ("PYTHONSTARTUP", "PYTHONINSPECT", "EDITRC", "INPUTRC"):
            self.env.pop(name, None)
        self.env.update({"HOME": self.home, "TERM": "xterm", "LC_ALL": "C.UTF-8",
                         "PYTHONHASHSEED": "0"})
        if env:
            self.env.update(env)
        self.raw = b""
        self.pos = 0  # expect() searches the output from here on
        self.status = None
        pid, fd = pty.fork()
        if pid == 0:
            try:
                os.execve(argv[0], argv, self.env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))

    def _read(self, timeout):
        """Read what the program wrote within `timeout` seconds. False at end of output."""
        r, _, _ = select.select([self.fd], [], [], max(0.0, timeout))
        if not r:
            return True
        try:
            data = os.read(self.fd, 65536)
        except OSError:  # EIO: the child closed the terminal
            return False
        if not data:
            return False
        self.raw += data
        return True

    def text(self):
        return screen_text(self.raw)

    def screen(self):
        """The terminal's lines (see screen_lines)."""
        return screen_lines(self.raw)

    def fail(self, why):
        raise ReplError("%s\n--- terminal output so far ---\n%s\n--- end ---" % (why, self.text()))

    def send(self, keys):
        if isinstance(keys, str):
            keys = keys.encode("utf-8")
        os.write(self.fd, keys)

    def expect(self, pattern, timeout=TIMEOUT, regex=False):
        """Wait until the text output (after earlier matches) contains `pattern` (a string, or
        a regular expression when regex=True). Returns the text up to the end of the match."""
        deadline = time.monotonic() + timeout
        while True:
            text = self.text()
            if regex:
                m = re.compile(pattern, re.S).search(text, self.pos)
                found = (m.start(), m.end()) if m else None
            else:
                i = text.find(pattern, self.pos)
                found = (i, i + len(pattern)) if i >= 0 else None
            if found:
                start = self.pos
                self.pos = found[1]
                return text[start:found[1]]
            left = deadline - time.monotonic()
            if left <= 0:
                self.fail("timed out after %gs waiting for %r" % (timeout, pattern))
            if not self._read(min(left, 0.2)):
                self.fail("the program ended while waiting for %r" % (pattern,))

    def settle(self, seconds=0.3):
        """Collect output for a moment (nothing is expected)."""
        end = time.monotonic() + seconds
        while time.monotonic() < end and self._read(end - time.monotonic()):
            pass

    def wait_exit(self, timeout=TIMEOUT):
        """Wait for the program to end; returns its exit status (-N: killed by signal N)."""
        deadline = time.monotonic() + timeout
        while True:
            pid, st = os.waitpid(self.pid, os.WNOHANG)
            if pid == self.pid:
                self.status = os.waitstatus_to_exitcode(st)
                self.settle(0.05)
                return self.status
            if time.monotonic() > deadline:
                self.fail("the program did not exit within %gs" % timeout)
            self._read(0.05)

    def close(self):
        """Kill the program if it still runs, and clean up."""
        if self.status is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            except OSError:
                pass
            self.status = -9
        try:
            os.close(self.fd)
        except OSError:
            pass
        if self.own_home:
            shutil.rmtree(self.home, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False


def has_libedit(gilpy):
    """True when gilpy was linked with libedit (line editing, history, completion)."""
    import subprocess
    try:
        out = subprocess.run(["ldd", gilpy], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                             timeout=TIMEOUT).stdout
    except (OSError, subprocess.SubprocessError):
        return True
    return b"libedit" in out


def main(test, needs_libedit=False):
    """Run test(gilpy) and report: exit status 0 and "ok" when it passes."""
    if needs_libedit and not has_libedit(gilpy_path()):
        print("skipped: gilpy was built without libedit")
        return
    try:
        test(gilpy_path())
    except AssertionError as e:
        print("FAIL: %s" % e)
        sys.exit(1)
    print("ok")
