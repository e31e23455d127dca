"""A function defined over several lines (ended by an empty line), then a for loop."""
from replpty import Repl, main


def test(gilpy):
    with Repl(gilpy) as r:
        r.expect(">>> ")
        r.send("def double(x):\r")
        r.expect("... ")
        r.send("    return x * 2\r")
        r.expect("... ")
        r.send("\r")
        r.expect(">>> ")
        r.send("for i in range(3):\r")
        r.expect("... ")
        r.send("    print('item', double(i))\r")
        r.expect("... ")
        r.send("\r")
        r.expect("item 0\nitem 2\nitem 4\n>>> ")
        r.send("\x04")
        assert r.wait_exit() == 0, r.fail("exit status %s" % r.status)


main(test)
