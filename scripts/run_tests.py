#!/usr/bin/env python3
"""Run gilpy's test suites and compare each result with the expectation made by CPython.

Suites (each test is run with cwd = the repository root and its path relative to it):
  unit    C unit tests: the executables tests/test_* in the build directory (--build DIR)
  golden  tests/golden/<area>/NNN_name.py: stdout must equal NNN_name.exp; the exit status
          must be 0, or the number in NNN_name.status; stderr must equal NNN_name.err if that
          file exists. A first line `# gilpy-args: -X ...` adds options to gilpy's command line.
  thread  tests/thread/NNN_name.py: thread behaviour tests, checked exactly as golden tests.
  errors  tests/errors/NNN_name.py: stderr must equal .err, the exit status .status, and stdout
          .out (empty when there is no .out).
  cli     tests/cli/NNN_name.args: one command-line argument per line (`#` lines are comments),
          optional .stdin; expectations .status, and .out/.err (exact) or .out_re/.err_re
          (a regular expression searched in the output) when the case differs from CPython.
  repl    tests/repl/NNN_name.py: python3 scripts that drive `gilpy` (given as argv[1]) through a
          pseudo-terminal with tests/repl/replpty.py; each must exit with status 0.

Prints each failure with its name and first differing line, then `N passed, N failed` last.
Uses only the standard library. Expected files are made by scripts/make_expected.py.
"""

import argparse
import concurrent.futures
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_TIMEOUT = 10.0


def test_env():
    """The environment every test program runs in (gilpy and python3 alike)."""
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONUTF8"] = "1"
    env["PYTHONIOENCODING"] = "utf-8"
    env["LC_ALL"] = "C.UTF-8"
    for name in ("PYTHONSTARTUP", "PYTHONPATH", "PYTHONINSPECT", "PYTHONWARNINGS"):
        env.pop(name, None)
    return env


def read_text(path, default=None):
    if not os.path.exists(path):
        return default
    with open(path, "rb") as f:
        return f.read().decode("utf-8", errors="replace")


def gilpy_args_of(source_path):
    """Options from a first-line comment `# gilpy-args: -X a=1 -X b` (gilpy only)."""
    with open(source_path, "rb") as f:
        first = f.readline().decode("utf-8", errors="replace").strip()
    m = re.match(r"#\s*gilpy-args:\s*(.*)$", first)
    return m.group(1).split() if m else []


def read_cli_args(args_path):
    """The argument list of a tests/cli case: one argument per line, `#` lines skipped."""
    args = []
    for line in read_text(args_path, "").splitlines():
        if line.startswith("#"):
            continue
        args.append(line)
    return args


def run_program(argv, stdin_bytes, timeout):
    """Runs argv from the repository root. Returns (status, stdout, stderr, timed_out)."""
    try:
        proc = subprocess.run(argv, cwd=ROOT, env=test_env(), timeout=timeout,
                              input=stdin_bytes if stdin_bytes is not None else b"",
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b"").decode("utf-8", errors="replace")
        err = (e.stderr or b"").decode("utf-8", errors="replace")
        return None, out, err, True
    except OSError as e:
        return None, "", "cannot run %s: %s" % (argv[0], e), False
    return (proc.returncode,
            proc.stdout.decode("utf-8", errors="replace"),
            proc.stderr.decode("utf-8", errors="replace"),
            False)


def normalize_paths(text):
    """CPython 3.11 shows the main script's absolute path; expectations keep it relative to the
    repository root so they hold in any clone. Applied to expected and actual output alike
    (stdout too: traceback.format_exc() and friends print paths)."""
    return text.replace(ROOT + os.sep, "")


def first_difference(what, expected, got):
    """A readable description of the first line where expected and got differ."""
    exp_lines = expected.split("\n")
    got_lines = got.split("\n")
    for i in range(max(len(exp_lines), len(got_lines))):
        e = exp_lines[i] if i < len(exp_lines) else None
        g = got_lines[i] if i < len(got_lines) else None
        if e != g:
            e_text = "<end of output>" if e is None else repr(e)
            g_text = "<end of output>" if g is None else repr(g)
            return "%s line %d:\n      expected %s\n      got      %s" % (what, i + 1, e_text,
                                                                        g_text)
    return "%s differs" % what


def describe_status(status):
    if status is None:
        return "none"
    if status < 0:
        return "killed by signal %d" % -status
    return str(status)


def short_stderr(err, lines=6):
    """The start of stderr (where a sanitizer or an abort says what went wrong), plus any
    sanitizer SUMMARY line, each prefixed for readability."""
    all_lines = [l for l in err.rstrip("\n").split("\n") if l]
    shown = all_lines[:lines]
    if len(all_lines) > lines:
        shown.append("...")
        shown += [l for l in all_lines[lines:] if l.startswith("SUMMARY:")][:1]
    return "\n".join("      | " + l for l in shown)


class Test:
    """One test: a name, a command line, and its expectations."""

    def __init__(self, suite, name, argv, stdin=None, exp_out=None, exp_err=None,
                 exp_status=0, out_re=None, err_re=None, check_out=True):
        self.suite = suite
        self.name = name
        self.argv = argv
        self.stdin = stdin
        self.exp_out = exp_out
        self.exp_err = exp_err
        self.exp_status = exp_status
        self.out_re = out_re
        self.err_re = err_re
        self.check_out = check_out

    def run(self, timeout):
        """Returns None when the test passes, else a message saying what differs."""
        status, out, err, timed_out = run_program(self.argv, self.stdin, timeout)
        if timed_out:
            return "timed out after %gs" % timeout
        problems = []
        out = normalize_paths(out)  # tracebacks printed to stdout show paths too
        if self.check_out and self.exp_out is not None and out != self.exp_out:
            problems.append(first_difference("stdout", self.exp_out, out))
        if self.out_re is not None and not re.search(self.out_re, out, re.M):
            problems.append("stdout does not match /%s/: got %r" % (self.out_re, out[:200]))
        err = normalize_paths(err)
        if self.exp_err is not None and err != self.exp_err:
            problems.append(first_difference("stderr", self.exp_err, err))
        if self.err_re is not None and not re.search(self.err_re, err, re.M):
            problems.append("stderr does not match /%s/: got %r" % (self.err_re, err[:200]))
        if status != self.exp_status:
            msg = "exit status: expected %s, got %s" % (self.exp_status, describe_status(status))
            if err and self.exp_err is None:
                msg += "\n    stderr:\n" + short_stderr(err)
            problems.insert(0, msg)
        if problems:
            return "\n    ".join(problems)
        return None


def rel(path):
    return os.path.relpath(path, ROOT)


def is_test_name(fn):
    """A golden test is NNN_name.py; other .py files (helper modules and packages that tests
    import, e.g. tests/golden/490_modules/shop/__init__.py) are not tests."""
    return re.match(r"[0-9]+_.*\.py$", fn) is not None


def collect_golden(gilpy, suite="golden"):
    tests = []
    base = os.path.join(ROOT, "tests", suite)
    for dirpath, dirnames, filenames in os.walk(base):
        dirnames.sort()
        for fn in sorted(filenames):
            if not is_test_name(fn):
                continue
            path = os.path.join(dirpath, fn)
            stem = path[:-3]
            exp = read_text(stem + ".exp")
            if exp is None:
                tests.append(Test(suite, rel(stem), None))
                continue
            status = int(read_text(stem + ".status", "0").strip() or 0)
            argv = [gilpy] + gilpy_args_of(path) + [rel(path)]
            tests.append(Test(suite, rel(stem), argv, exp_out=exp,
                              exp_err=read_text(stem + ".err"), exp_status=status))
    return tests


def collect_errors(gilpy):
    tests = []
    base = os.path.join(ROOT, "tests", "errors")
    if not os.path.isdir(base):
        return tests
    for fn in sorted(os.listdir(base)):
        if not fn.endswith(".py"):
            continue
        path = os.path.join(base, fn)
        stem = path[:-3]
        err = read_text(stem + ".err")
        status = read_text(stem + ".status")
        if err is None or status is None:
            tests.append(Test("errors", rel(stem), None))
            continue
        tests.append(Test("errors", rel(stem), [gilpy, rel(path)],
                          exp_out=read_text(stem + ".out", ""), exp_err=err,
                          exp_status=int(status.strip())))
    return tests


def collect_cli(gilpy):
    tests = []
    base = os.path.join(ROOT, "tests", "cli")
    if not os.path.isdir(base):
        return tests
    for fn in sorted(os.listdir(base)):
        if not fn.endswith(".args"):
            continue
        stem = os.path.join(base, fn[:-5])
        status = read_text(stem + ".status")
        if status is None:
            tests.append(Test("cli", rel(stem), None))
            continue
        stdin = None
        if os.path.exists(stem + ".stdin"):
            with open(stem + ".stdin", "rb") as f:
                stdin = f.read()
        out_re = read_text(stem + ".out_re")
        err_re = read_text(stem + ".err_re")
        tests.append(Test("cli", rel(stem), [gilpy] + read_cli_args(stem + ".args"),
                          stdin=stdin, exp_out=read_text(stem + ".out"),
                          exp_err=read_text(stem + ".err"), exp_status=int(status.strip()),
                          out_re=out_re.strip() if out_re else None,
                          err_re=err_re.strip() if err_re else None))
    return tests


def collect_repl(gilpy):
    """The REPL tests: python3 runs each script, which drives gilpy on a pty itself."""
    tests = []
    base = os.path.join(ROOT, "tests", "repl")
    if not os.path.isdir(base):
        return tests
    for fn in sorted(os.listdir(base)):
        if is_test_name(fn):
            test = Test("repl", rel(os.path.join(base, fn[:-3])),
                        [sys.executable, rel(os.path.join(base, fn)), gilpy], check_out=False)
            test.timeout = 90.0  # the script has its own deadlines (and a 60 s alarm)
            tests.append(test)
    return tests


def collect_unit(build):
    """The C unit test executables of a build directory (tests/test_*)."""
    tests = []
    tdir = os.path.join(build, "tests")
    if not os.path.isdir(tdir):
        return tests
    for fn in sorted(os.listdir(tdir)):
        path = os.path.join(tdir, fn)
        if fn.startswith("test_") and os.path.isfile(path) and os.access(path, os.X_OK):
            tests.append(Test("unit", "unit/" + fn, [path], check_out=False))
    return tests


def run_one(test, timeout):
    if test.argv is None:
        return test, "no expected output: run scripts/make_expected.py"
    return test, test.run(max(timeout, getattr(test, "timeout", 0)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gilpy", default=os.path.join(ROOT, "build-release", "gilpy"),
                    help="the interpreter to test (python3 works too, to test the tests)")
    ap.add_argument("--build", help="build directory whose tests/test_* unit tests to run")
    ap.add_argument("--no-unit", action="store_true", help="skip the C unit tests")
    ap.add_argument("--suite", action="append",
                    choices=["unit", "golden", "thread", "errors", "cli", "repl"],
                    help="run only this suite (repeatable)")
    ap.add_argument("--filter", action="append", default=[],
                    help="run only tests whose name contains SUBSTR (repeatable)")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every test's result")
    ap.add_argument("-j", "--jobs", type=int, default=2, help="parallel workers (default 2)")
    ap.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT,
                    help="seconds per test before it counts as failed (default 10)")
    opts = ap.parse_args()

    gilpy = opts.gilpy
    if os.sep in gilpy and not os.path.isabs(gilpy):
        gilpy = os.path.abspath(gilpy)
    suites = opts.suite or ["unit", "golden", "thread", "errors", "cli", "repl"]

    tests = []
    if "unit" in suites and not opts.no_unit and opts.build:
        tests += collect_unit(os.path.abspath(opts.build))
    if "golden" in suites:
        tests += collect_golden(gilpy)
    if "thread" in suites:
        tests += collect_golden(gilpy, "thread")
    if "errors" in suites:
        tests += collect_errors(gilpy)
    if "cli" in suites:
        tests += collect_cli(gilpy)
    if "repl" in suites:
        tests += collect_repl(gilpy)
    if opts.filter:
        tests = [t for t in tests if any(f in t.name for f in opts.filter)]

    passed = failed = 0
    failures = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, opts.jobs)) as pool:
        futures = [pool.submit(run_one, t, opts.timeout) for t in tests]
        for fut in futures:  # in submission order, so the report reads like the course
            test, problem = fut.result()
            if problem is None:
                passed += 1
                if opts.verbose:
                    print("ok   %s" % test.name, flush=True)
            else:
                failed += 1
                failures.append(test.name)
                print("FAIL %s\n    %s" % (test.name, problem), flush=True)
    if failed and not opts.verbose and failed > 10:
        print("failed: " + " ".join(failures))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed or not tests else 0


if __name__ == "__main__":
    sys.exit(main())
