# The -X giltrace invariants (see 040_trace_invariants_demos.py) under each GIL policy, where
# 702 and 040 use the default one: gil_policies.py (a CPU-bound thread and a thread waking every
# 10 ms) under fair and py3 (switch-interval requests), and queue_pipeline.py under py2 (a
# release every 100 instructions, no hand-off). Not gil_policies.py under py2: its GIL battle
# makes a trace of megabytes, too slow to check here.
# gilpy-differs: -X giltrace and -X gil are gilpy's own; the checker is run with python3.
# Expected output kept by hand.
import os
import sys

DEMOS = [                              # (options, demo, arguments)
    (["-X", "gil=fair"], "gil_policies.py", []),
    (["-X", "gil=py3"], "gil_policies.py", []),
    (["-X", "gil=py2"], "queue_pipeline.py", []),
]
TMP = "/tmp/gilpy_042_%d" % os.getpid()


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
