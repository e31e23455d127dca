"""gilpy -i: a SystemExit the program raises does not end it; as in CPython, it is printed
with its traceback like any exception, the prompt follows, and leaving the prompt gives
status 0. SystemExit raised at the prompt then exits with its status."""
import os
import tempfile
import shutil
from replpty import Repl, main


def test(gilpy):
    tmp = tempfile.mkdtemp(prefix="gilpy-inspect-")
    try:
        script = os.path.join(tmp, "leave.py")
        with open(script, "w") as f:
            f.write("answer = 42\nraise SystemExit(3)\n")
        with Repl([gilpy, "-i", script]) as r:
            r.expect('Traceback (most recent call last):\n'
                     '  File "%s", line 2, in <module>\n'
                     '    raise SystemExit(3)\n'
                     'SystemExit: 3\n>>> ' % script)
            r.send("answer + 1\r")
            r.expect("\n43\n>>> ")
            r.send("\x04")
            if r.wait_exit() != 0:
                r.fail("exit status %s after Ctrl-D" % r.status)

        with Repl([gilpy, "-i", "-c", "import sys; sys.exit('bye')"]) as r:
            r.expect('Traceback (most recent call last):\n'
                     '  File "<string>", line 1, in <module>\n'
                     'SystemExit: bye\n>>> ')
            r.send("raise SystemExit(5)\r")
            if r.wait_exit() != 5:
                r.fail("exit status %s after SystemExit(5) at the prompt" % r.status)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


main(test)
