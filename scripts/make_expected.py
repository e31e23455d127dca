#!/usr/bin/env python3
"""Regenerate the expected results of gilpy's tests by running each one under CPython (python3).

  golden  tests/golden/**/NNN_name.py -> .exp (stdout), .status (when not 0), .err (when not empty)
  thread  tests/thread/NNN_name.py    -> the same files, made the same way
  errors  tests/errors/NNN_name.py    -> .err (stderr), .status, .out (when not empty)
  cli     tests/cli/NNN_name.args     -> .out, .err, .status

Each program runs with cwd = the repository root and its path relative to it, exactly as
scripts/run_tests.py runs gilpy, so tracebacks name the same files. A test whose source (or .args
file) contains a line `# gilpy-differs: <why>` keeps its hand-maintained expectation: this
script leaves it alone. Usage: scripts/make_expected.py [--python python3] [--filter SUBSTR]
"""

import argparse
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run_tests  # noqa: E402  (shares how programs are run)

ROOT = run_tests.ROOT
DIFFERS = re.compile(r"^\s*#\s*gilpy-differs:", re.M)


def differs(path):
    return DIFFERS.search(run_tests.read_text(path, "")) is not None


def write(path, text):
    with open(path, "wb") as f:
        f.write(text.encode("utf-8"))


def write_or_remove(path, text):
    """Writes text to path, or removes path when text is empty."""
    if text:
        write(path, text)
    elif os.path.exists(path):
        os.remove(path)


def sources(base, suffix):
    for dirpath, dirnames, filenames in os.walk(base):
        dirnames.sort()
        for fn in sorted(filenames):
            if fn.endswith(suffix):
                yield os.path.join(dirpath, fn)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--python", default="python3", help="the reference interpreter")
    ap.add_argument("--filter", action="append", default=[])
    ap.add_argument("--timeout", type=float, default=60.0)
    opts = ap.parse_args()

    def wanted(path):
        return not opts.filter or any(f in run_tests.rel(path) for f in opts.filter)

    made = skipped = 0
    problems = []
    golden_like = [os.path.join(ROOT, "tests", suite) for suite in ("golden", "thread")]
    for path in (p for base in golden_like for p in sources(base, ".py")):
        if not wanted(path) or not run_tests.is_test_name(os.path.basename(path)):
            continue  # helper modules imported by tests are not tests
        if differs(path):
            skipped += 1
            continue
        stem = path[:-3]
        status, out, err, timed_out = run_tests.run_program(
            [opts.python, run_tests.rel(path)], None, opts.timeout)
        if timed_out:
            problems.append("%s: timed out" % run_tests.rel(path))
            continue
        err = run_tests.normalize_paths(err)
        out = run_tests.normalize_paths(out)
        write(stem + ".exp", out)
        write_or_remove(stem + ".status", "%d\n" % status if status else "")
        write_or_remove(stem + ".err", err)
        if status:
            problems.append("%s: exit status %d (golden tests should exit 0)\n%s"
                            % (run_tests.rel(path), status, err))
        made += 1

    for path in sources(os.path.join(ROOT, "tests", "errors"), ".py"):
        if not wanted(path):
            continue
        if differs(path):
            skipped += 1
            continue
        stem = path[:-3]
        status, out, err, timed_out = run_tests.run_program(
            [opts.python, run_tests.rel(path)], None, opts.timeout)
        if timed_out:
            problems.append("%s: timed out" % run_tests.rel(path))
            continue
        err = run_tests.normalize_paths(err)
        write(stem + ".err", err)
        write(stem + ".status", "%d\n" % status)
        write_or_remove(stem + ".out", run_tests.normalize_paths(out))
        made += 1

    for path in sources(os.path.join(ROOT, "tests", "cli"), ".args"):
        if not wanted(path):
            continue
        if differs(path):
            skipped += 1
            continue
        stem = path[:-5]
        stdin = None
        if os.path.exists(stem + ".stdin"):
            with open(stem + ".stdin", "rb") as f:
                stdin = f.read()
        status, out, err, timed_out = run_tests.run_program(
            [opts.python] + run_tests.read_cli_args(path), stdin, opts.timeout)
        if timed_out:
            problems.append("%s: timed out" % run_tests.rel(path))
            continue
        write(stem + ".out", run_tests.normalize_paths(out))
        write(stem + ".err", run_tests.normalize_paths(err))
        write(stem + ".status", "%d\n" % status)
        made += 1

    for p in problems:
        print("warning: " + p, file=sys.stderr)
    print("%d expectations written, %d hand-maintained left alone" % (made, skipped))
    return 0


if __name__ == "__main__":
    sys.exit(main())
