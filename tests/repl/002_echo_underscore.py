"""Expression statements echo their repr and set _; None is not echoed."""
from replpty import Repl, main


def test(gilpy):
    with Repl(gilpy) as r:
        r.expect(">>> ")
        r.send("6 * 7\r")
        r.expect("6 * 7\n42\n>>> ")
        r.send("_ + 1\r")
        r.expect("_ + 1\n43\n>>> ")
        r.send("'a' + 'b'\r")
        r.expect("\n'ab'\n>>> ")
        r.send("None\r")
        r.expect("None\n>>> ")  # the prompt follows at once: nothing echoed
        r.send("_\r")
        r.expect("_\n'ab'\n>>> ")  # None did not replace _
        r.send("\x04")
        assert r.wait_exit() == 0, r.fail("exit status %s" % r.status)


main(test)
