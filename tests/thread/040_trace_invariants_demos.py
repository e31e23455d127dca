# The -X giltrace invariants (scripts/gil-check-trace: at most one holder per process at any
# instant, every wait ends in a hold or an exit, valid switch causes and blocking kinds) on the
# thread demos of queues, executors and print, which 702_gil_trace_demos.py does not run (043
# runs the process demos, 042 demos under the py2 and py3 policies). Each demo must also exit
# with status 0. print_interleaving.py gets a small size argument, to stay quick under ASan.
# gilpy-differs: -X giltrace is gilpy's own; the checker is run with python3.
# Expected output kept by hand.
import os
import sys

DEMOS = [                              # (options, demo, arguments)
    ([], "queue_pipeline.py", []),
    ([], "executor_as_completed.py", []),
    ([], "print_interleaving.py", ["1500"]),
]
TMP = "/tmp/gilpy_040_%d" % os.getpid()


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
