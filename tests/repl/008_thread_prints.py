"""A thread started at the prompt keeps running while the REPL waits for input (reading
a line releases the GIL): its prints appear while nothing is typed, and also while a line
is half typed, where they go above the prompt and the typed text is drawn again below
(with libedit), so the line can be finished."""
from replpty import Repl, main, has_libedit


def test(gilpy):
    with Repl(gilpy) as r:
        r.expect(">>> ")
        r.send("import threading, time\r")
        r.expect(">>> ")
        r.send("def worker():\r")
        r.send("    for i in range(3):\r")
        r.send("        time.sleep(0.4)\r")
        r.send("        print('tick', i)\r")
        r.send("\r")
        r.expect(">>> ")
        r.send("t = threading.Thread(target=worker); t.start()\r")
        r.expect("tick 0\n", timeout=10)  # no key pressed meanwhile
        r.send("answer = 4")  # half a line, then the other ticks come
        r.expect("tick 2\n", timeout=10)
        r.settle(0.3)
        r.send("2; answer\r")
        r.expect("\n42\n>>> ")
        r.send("t.is_alive()\r")
        r.expect("\nFalse\n>>> ")
        if has_libedit(gilpy):
            screen = r.screen()
            for tick in ("tick 0", "tick 1", "tick 2"):
                if tick not in screen:
                    r.fail("%r is not a line of its own on the screen: %r" % (tick, screen))
            if ">>> answer = 42; answer" not in screen:
                r.fail("the typed line was not redrawn whole: %r" % (screen,))
        r.send("\x04")
        if r.wait_exit() != 0:
            r.fail("exit status %s" % r.status)


main(test)
