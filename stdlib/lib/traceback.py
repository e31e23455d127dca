"""traceback: print and format exceptions and their tracebacks, as CPython's module does.

The text comes from the interpreter's own printer (vm/traceback.c, the one that prints an
uncaught exception) through three private functions of sys: _format_exception(exc) (the whole
chain), _format_exception_only(exc) (the "Type: message" part) and _format_tb(tb) (one str per
entry). This module only splits that text into CPython's list items and writes it out.
Not supported: the `limit` argument (accepted, ignored: sys.tracebacklimit is honoured),
frame summaries (extract_tb, StackSummary, walk_tb) and stack printing (print_stack).
"""

import sys

__all__ = ["format_exc", "format_exception", "format_exception_only", "format_tb",
           "print_exc", "print_exception", "print_tb", "print_last"]

_sentinel = object()


def _value_of(exc, value):
    """The exception instance from CPython's two calling conventions:
    f(exc) (3.10+) or f(type, value, tb) (older)."""
    if value is _sentinel:
        return exc
    return value


def _chunks(text):
    """Split a rendering into CPython's list items: one per header line, one per frame
    entry ("  File ..." with its source and caret lines), one per other line."""
    items = []
    for line in text.splitlines(True):
        if line.startswith("    ") and items and items[-1].startswith("  File "):
            items[-1] += line
        else:
            items.append(line)
    return items


def format_exception_only(exc, /, value=_sentinel):
    """The lines of the last part of the report: "Type: message" (and notes)."""
    value = _value_of(exc, value)
    if value is None:
        return ["NoneType: None\n"]
    return sys._format_exception_only(value).splitlines(True)


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    """The lines printed for an uncaught exception: chained exceptions (when chain is
    true), "Traceback (most recent call last):", the entries and the last line."""
    value = _value_of(exc, value)
    if value is None:
        return ["NoneType: None\n"]
    if chain:
        return _chunks(sys._format_exception(value))
    lines = []
    if value.__traceback__ is not None:
        lines.append("Traceback (most recent call last):\n")
        lines.extend(sys._format_tb(value.__traceback__))
    lines.extend(format_exception_only(value))
    return lines


def format_tb(tb, limit=None):
    """One str per entry of the traceback tb ("  File ..., line N, in f" and source)."""
    return sys._format_tb(tb)


def format_exc(limit=None, chain=True):
    """format_exception of the exception being handled, as one string."""
    return "".join(format_exception(sys.exception(), limit=limit, chain=chain))


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    """Write format_exception(...) to file (default sys.stderr)."""
    if file is None:
        file = sys.stderr
    for line in format_exception(exc, value, tb, limit=limit, chain=chain):
        print(line, file=file, end="")


def print_exc(limit=None, file=None, chain=True):
    """print_exception of the exception being handled."""
    print_exception(sys.exception(), limit=limit, file=file, chain=chain)


def print_tb(tb, limit=None, file=None):
    """Write format_tb(tb) to file (default sys.stderr)."""
    if file is None:
        file = sys.stderr
    for line in format_tb(tb, limit):
        print(line, file=file, end="")


def print_last(limit=None, file=None, chain=True):
    """print_exception of sys.last_value (set by the REPL after an uncaught error)."""
    if not hasattr(sys, "last_value"):
        raise ValueError("no last exception")
    print_exception(sys.last_value, limit=limit, file=file, chain=chain)
