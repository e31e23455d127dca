"""Piped stdin runs as a script: no banner, no prompts (as CPython); `-i` with a script runs
it, then prompts with the script's globals."""
import os
import subprocess
import tempfile
from replpty import Repl, main, TIMEOUT


def test(gilpy):
    p = subprocess.run([gilpy], input=b"print(1)\nx = 2\nx\n", stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=TIMEOUT)
    assert (p.returncode, p.stdout, p.stderr) == (0, b"1\n", b""), \
        "piped stdin: %r" % ((p.returncode, p.stdout, p.stderr),)
    p = subprocess.run([gilpy], input=b"for i in range(2):\n    print(i)\n1/0\n",
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=TIMEOUT)
    assert p.returncode == 1 and p.stdout == b"0\n1\n", "piped stdin: %r" % (p,)
    assert b"ZeroDivisionError" in p.stderr and b">>>" not in p.stderr, p.stderr
    with tempfile.TemporaryDirectory() as d:
        script = os.path.join(d, "script.py")
        with open(script, "w") as f:
            f.write("answer = 42\nprint('script ran')\n")
        with Repl([gilpy, "-i", script]) as r:
            r.expect("script ran\n")
            r.expect(">>> ")
            r.send("answer\r")
            r.expect("\n42\n>>> ")
            r.send("\x04")
            if r.wait_exit() != 0:
                r.fail("exit status %s" % r.status)


main(test)
