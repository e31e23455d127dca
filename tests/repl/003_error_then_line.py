"""An exception prints its traceback (CPython 3.11's REPL format) and the REPL goes on;
so does a syntax error."""
from replpty import Repl, main


def test(gilpy):
    with Repl(gilpy) as r:
        r.expect(">>> ")
        r.send("1 / 0\r")
        r.expect("Traceback (most recent call last):\n"
                 "  File \"<stdin>\", line 1, in <module>\n"
                 "ZeroDivisionError: division by zero\n>>> ")
        r.send("print('still here')\r")
        r.expect("\nstill here\n>>> ")
        r.send("def f():\r")
        r.send("    return undefined_name\r")
        r.send("\r")
        r.expect(">>> ")
        r.send("f()\r")
        r.expect("  File \"<stdin>\", line 2, in f\n"
                 "NameError: name 'undefined_name' is not defined\n>>> ")
        r.send("x = = 1\r")
        r.expect("SyntaxError: invalid syntax\n>>> ")
        r.send("x = 5; x\r")
        r.expect("\n5\n>>> ")
        r.send("\x04")
        assert r.wait_exit() == 0, r.fail("exit status %s" % r.status)


main(test)
