"""Ctrl-C cancels the line being typed, and interrupts running code with
KeyboardInterrupt; either way a new prompt follows and the REPL goes on."""
from replpty import Repl, main


def test(gilpy):
    with Repl(gilpy) as r:
        r.expect(">>> ")
        r.send("abc")
        r.expect("abc")
        r.send("\x03")
        r.expect("\nKeyboardInterrupt\n>>> ")
        r.send("1 + 2\r")
        r.expect("\n3\n>>> ")
        r.send("while True: pass\r")
        r.expect("... ")
        r.send("\r")
        r.settle(0.5)  # let the loop run
        r.send("\x03")
        r.expect("Traceback (most recent call last):\n"
                 "  File \"<stdin>\", line 1, in <module>\n"
                 "KeyboardInterrupt\n>>> ")
        r.send("print('alive')\r")
        r.expect("\nalive\n>>> ")
        r.send("\x04")
        assert r.wait_exit() == 0, r.fail("exit status %s" % r.status)


main(test)
