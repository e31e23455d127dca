"""childproc: child processes for the thread tests, which run gilpy itself (or python3)
on a script and then check what it printed and how it ended.

Each test imports it with
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import childproc
(the runner only collects NNN_name.py files, so this module is not a test itself).

It is made of os.fork, os.execv, os.pipe and select.select, not subprocess, which gilpy
does not have; it runs the same under gilpy and under python3.

    child = start(argv)               # fork and exec argv; stdout and stderr into one pipe
    child.read_more()                 # read some output before the end (child.out: so far)
    status, out, err = finish(child)  # read every pipe to its end, then wait
    status, out, err = run(argv)      # both at once
    results = run_all(argvs)          # many, a few at a time

`status` is os.waitstatus_to_exitcode's (-N for a child killed by signal N); `out` and
`err` are the decoded text of the piped streams (None for a stream that is not piped).
"""
import os
import select
import sys
import time

PIPE = "pipe"       # the stream goes to a pipe that finish() reads
STDOUT = "stdout"   # stderr only: into stdout's pipe (or file), as 2>&1 does
INHERIT = None      # the stream is the test's own (stdout: the test's expected output!)


class Child:
    """A started child: its pid, the read ends of its pipes (None when not piped), the
    bytes read from them so far, and when the first stderr byte arrived."""

    def __init__(self, pid, out_fd, err_fd):
        self.pid = pid
        self.out_fd = out_fd
        self.err_fd = err_fd
        self.out = b""
        self.err = b""
        self.first_err_at = None     # time.monotonic() of the first stderr byte read

    def read_more(self):
        """Read one chunk of stdout (blocking) into self.out; False at its end."""
        data = os.read(self.out_fd, 65536)
        self.out += data
        return bool(data)


def _redirect(target, fd, pipe_w):
    """In the child: point descriptor fd at target (PIPE: pipe_w; a path: that file,
    created or emptied; INHERIT: leave it)."""
    if target == PIPE:
        os.dup2(pipe_w, fd)
    elif target is not INHERIT:
        os.dup2(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), fd)


def start(argv, stdout=PIPE, stderr=STDOUT, new_group=False):
    """Start argv (argv[0] is the program's path, not looked up in PATH). stdout: PIPE, a
    file path (os.devnull to drop it) or INHERIT; stderr: the same, or STDOUT to join
    stdout. new_group: the child leads a new process group (os.killpg(child.pid, sig)
    then reaches it and its own children, as a terminal's Ctrl-C does)."""
    out_r, out_w = os.pipe() if stdout == PIPE else (None, None)
    err_r, err_w = os.pipe() if stderr == PIPE else (None, None)
    sys.stdout.flush()              # else the child would print the test's buffered output
    pid = os.fork()
    if pid == 0:
        try:
            if new_group:
                os.setpgid(0, 0)
            _redirect(stdout, 1, out_w)
            if stderr == STDOUT:
                os.dup2(1, 2)
            else:
                _redirect(stderr, 2, err_w)
            os.execv(argv[0], argv)
        finally:
            os._exit(127)
    for fd in (out_w, err_w):
        if fd is not None:
            os.close(fd)
    return Child(pid, out_r, err_r)


def finish(child):
    """Read the child's pipes until both end, then wait for it; (status, out, err)."""
    fds = [fd for fd in (child.out_fd, child.err_fd) if fd is not None]
    while fds:
        readable, _, _ = select.select(fds, [], [])
        for fd in readable:
            data = os.read(fd, 65536)
            if not data:
                fds.remove(fd)
                os.close(fd)
            elif fd == child.out_fd:
                child.out += data
            else:
                if child.first_err_at is None:
                    child.first_err_at = time.monotonic()
                child.err += data
    _, status = os.waitpid(child.pid, 0)
    return (os.waitstatus_to_exitcode(status),
            child.out.decode() if child.out_fd is not None else None,
            child.err.decode() if child.err_fd is not None else None)


def run(argv, stdout=PIPE, stderr=STDOUT):
    """Run argv to its end: start() then finish()."""
    return finish(start(argv, stdout, stderr))


def run_all(argvs, at_once=4):
    """Run every command line, a few at a time (started together, then finished in
    order); their finish() results in order."""
    results = []
    for i in range(0, len(argvs), at_once):
        children = [start(argv) for argv in argvs[i:i + at_once]]
        results += [finish(child) for child in children]
    return results


def giltrace_verdict(options, demo, args):
    """Run scripts/demos/<demo> under `gilpy -X giltrace=FILE` (with `options` before it and
    `args` after it, its stdout dropped), merge the traces of its processes with
    scripts/gil-merge-traces and check them with scripts/gil-check-trace --quiet (both
    with python3); (the demo's exit status, the checker's one-line verdict)."""
    tmp = "/tmp/gilpy_giltrace_%d" % os.getpid()
    trace, merged = tmp + "/trace.json", tmp + "/merged.json"
    python3 = ["/usr/bin/env", "python3"]
    os.mkdir(tmp)
    try:
        status, _, _ = run([sys.executable, "-X", "giltrace=" + trace] + options
                           + ["scripts/demos/" + demo] + args,
                           stdout=os.devnull, stderr=INHERIT)
        run(python3 + ["scripts/gil-merge-traces", trace, "-o", merged],
            stdout=os.devnull, stderr=INHERIT)
        _, verdict, _ = run(python3 + ["scripts/gil-check-trace", "--quiet", merged],
                            stderr=INHERIT)
    finally:
        for name in os.listdir(tmp):
            os.unlink(tmp + "/" + name)
        os.rmdir(tmp)
    return status, verdict.rstrip("\n")
