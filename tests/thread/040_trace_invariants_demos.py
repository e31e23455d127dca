# The -X giltrace invariants (scripts/gil-check-trace: at most one holder per process at any
# instant, every wait ends in a hold or an exit, valid switch causes and blocking kinds) on the
# thread demos of queues, executors and print, which 702_gil_trace_demos.py does not run (043
# runs the process demos, 042 demos under the py2 and py3 policies). Each demo must also exit
# with status 0. print_interleaving.py gets a small size argument, to stay quick under ASan.
# gilpy-differs: -X giltrace is gilpy's own; the checker is run with python3.
# Expected output kept by hand.
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import childproc

DEMOS = [                              # (options, demo, arguments)
    ([], "queue_pipeline.py", []),
    ([], "executor_as_completed.py", []),
    ([], "print_interleaving.py", ["1500"]),
]

for options, demo, args in DEMOS:
    status, verdict = childproc.giltrace_verdict(options, demo, args)
    print(" ".join(options + [demo]) + ": demo exit status", status, "trace", verdict)
