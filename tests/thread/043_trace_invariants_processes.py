# The -X giltrace invariants (see 040_trace_invariants_demos.py) on the multiprocessing demos:
# every child process writes its own trace, scripts/gil-merge-traces joins them, and the checker
# counts the processes. Each demo must also exit with status 0; both get a small size argument,
# to stay quick under ASan.
# gilpy-differs: -X giltrace is gilpy's own; the checker is run with python3.
# Expected output kept by hand.
import os
import sys

DEMOS = [                              # (options, demo, arguments)
    ([], "shared_state_processes.py", ["300"]),    # 16 children and the Manager's server
    ([], "threads_vs_processes.py", ["60000"]),    # 4 Pool workers
]
TMP = "/tmp/gilpy_043_%d" % os.getpid()


def run(argv, output=None):
    """Runs argv with its stdout going to the file output (if given); returns its exit status."""
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        try:
            if output is not None:
                os.dup2(os.open(output, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), 1)
            os.execv(argv[0], argv)
        finally:
            os._exit(127)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


os.mkdir(TMP)
trace, merged, report = TMP + "/trace.json", TMP + "/merged.json", TMP + "/report.txt"
for options, demo, args in DEMOS:
    status = run([sys.executable, "-X", "giltrace=" + trace] + options
                 + ["scripts/demos/" + demo] + args, output=os.devnull)
    run(["/usr/bin/env", "python3", "scripts/gil-merge-traces", trace, "-o", merged],
        output=os.devnull)
    run(["/usr/bin/env", "python3", "scripts/gil-check-trace", "--quiet", merged], output=report)
    with open(report) as f:
        verdict = f.read().rstrip("\n")
    print(" ".join(options + [demo]) + ": demo exit status", status, "trace", verdict)
    for name in os.listdir(TMP):
        os.unlink(TMP + "/" + name)
os.rmdir(TMP)
