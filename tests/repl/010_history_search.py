"""Ctrl-R searches the history backwards as readline does: the display shows
(reverse-i-search)`text': and the newest line holding the text, Enter runs it, Escape keeps it
for editing (the cursor where the text starts), Ctrl-G and Ctrl-C cancel it. Needs libedit."""
import tempfile
import shutil
from replpty import Repl, main


def run_lines(r, lines):
    for line in lines:
        r.send(line + "\r")
        r.expect(">>> ")


def test(gilpy):
    home = tempfile.mkdtemp(prefix="gilpy-search-")
    try:
        with Repl(gilpy, home=home) as r:
            r.expect(">>> ")
            run_lines(r, ["marker = 41", "other = 0"])
            r.send("marker += 1; marker\r")
            r.expect("\n42\n>>> ")
            run_lines(r, ["other"])

            # Ctrl-R, a substring, Enter: the newest line holding it runs again.
            r.send("\x12")
            r.expect("(reverse-i-search)`': ")
            r.send("marker +")
            r.expect("(reverse-i-search)`marker +': marker += 1; marker")
            r.send("\r")
            r.expect("\n43\n>>> ")

            # Ctrl-G gives back the line being typed; nothing runs.
            r.send("oth")
            r.send("\x12marker +")
            r.expect("`marker +': marker += 1; marker")
            r.send("\x07")
            r.send("er\r")
            r.expect("\n0\n>>> ")

            # Ctrl-C cancels the line; the prompt still works.
            r.send("\x12marker +")
            r.expect("`marker +': marker += 1; marker")
            r.send("\x03")
            r.expect("KeyboardInterrupt\n>>> ")
            r.send("marker\r")
            r.expect("\n43\n>>> ")

            # Ctrl-R again goes to older matches.
            r.send("\x12r = ")
            r.expect("`r = ': other = 0")
            r.send("\x12")
            r.expect("`r = ': marker = 41")
            r.send("\r")
            r.expect(">>> ")
            r.send("marker\r")
            r.expect("\n41\n>>> ")

            # Escape keeps the line for editing, the cursor where the text starts.
            r.send("\x1241")
            r.expect("`41': marker = 41")
            r.send("\x1b")  # alone (no more keys for a moment): not an escape sequence
            r.expect(">>> marker = 41")
            r.send("-\r")
            r.expect(">>> ")
            r.send("marker\r")
            r.expect("\n-41\n>>> ")

            # A failed search says so; Backspace shortens the text and searches again.
            r.send("\x12markerz")
            r.expect("(failed reverse-i-search)`markerz': marker")
            r.send("\x7f")
            r.expect("(reverse-i-search)`marker': marker")
            r.send("\r")
            r.expect("\n-41\n>>> ")
            r.send("\x04")
            if r.wait_exit() != 0:
                r.fail("exit status %s" % r.status)
    finally:
        shutil.rmtree(home, ignore_errors=True)


main(test, needs_libedit=True)
