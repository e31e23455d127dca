"""Ctrl-D on an empty line leaves with status 0; exit() and quit() leave too, exit(3)
with status 3; `exit` alone says how to leave."""
from replpty import Repl, main


def test(gilpy):
    with Repl(gilpy) as r:
        r.expect(">>> ")
        r.send("\x04")
        status = r.wait_exit()
        if status != 0:
            r.fail("Ctrl-D: exit status %s" % status)
    with Repl(gilpy) as r:
        r.expect(">>> ")
        r.send("exit\r")
        r.expect("Use exit() or Ctrl-D (i.e. EOF) to exit\n>>> ")
        r.send("exit()\r")
        status = r.wait_exit()
        if status != 0:
            r.fail("exit(): exit status %s" % status)
    with Repl(gilpy) as r:
        r.expect(">>> ")
        r.send("quit(3)\r")
        status = r.wait_exit()
        if status != 3:
            r.fail("quit(3): exit status %s" % status)


main(test)
