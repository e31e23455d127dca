"""The up arrow recalls the previous line; history persists in ~/.gilpy_history (HOME is
respected), so a new session recalls the old one's lines. Needs libedit."""
import os
import tempfile
import shutil
from replpty import Repl, main


def test(gilpy):
    home = tempfile.mkdtemp(prefix="gilpy-history-")
    try:
        with Repl(gilpy, home=home) as r:
            r.expect(">>> ")
            r.send("n = 0\r")
            r.expect(">>> ")
            r.send("n += 1; n\r")
            r.expect("\n1\n>>> ")
            r.send("\x1b[A")  # up arrow: "n += 1; n" again
            r.send("\r")
            r.expect("\n2\n>>> ")
            r.send("\x1b[A\x1b[A\x1b[B\r")  # up, up, down: still "n += 1; n"
            r.expect("\n3\n>>> ")
            r.send("\x04")
            if r.wait_exit() != 0:
                r.fail("exit status %s" % r.status)
        path = os.path.join(home, ".gilpy_history")
        if not os.path.exists(path):
            raise AssertionError("no history file at " + path)
        with Repl(gilpy, home=home) as r:
            r.expect(">>> ")
            r.send("n = 10\r")
            r.expect(">>> ")
            r.send("\x1b[A\x1b[A\r")  # the previous session's last line
            r.expect("\n11\n>>> ")
            r.send("\x04")
            if r.wait_exit() != 0:
                r.fail("exit status %s" % r.status)
    finally:
        shutil.rmtree(home, ignore_errors=True)


main(test, needs_libedit=True)
