"""Tab completes attributes after a dot (threading.Th -> threading.Thread), global and
builtin names, and keywords. Needs libedit."""
from replpty import Repl, main


def test(gilpy):
    with Repl(gilpy) as r:
        r.expect(">>> ")
        r.send("import threading\r")
        r.expect(">>> ")
        r.send("threading.Th\t")
        r.settle(0.3)
        r.send(".__name__\r")  # completed to threading.Thread (Thread and ThreadError match)
        r.expect("\n'Thread'\n>>> ")
        r.send("my_long_variable = 5\r")
        r.expect(">>> ")
        r.send("my_lo\t")
        r.settle(0.3)
        r.send(" + 1\r")
        r.expect("\n6\n>>> ")
        r.send("isinst\t")  # a builtin: completes to "isinstance("
        r.settle(0.3)
        r.send("3, int)\r")
        r.expect("\nTrue\n>>> ")
        r.send("\x04")
        if r.wait_exit() != 0:
            r.fail("exit status %s" % r.status)


main(test, needs_libedit=True)
