# The -X giltrace invariants (see 040_trace_invariants_demos.py) on the multiprocessing demos:
# every child process writes its own trace, scripts/gil-merge-traces joins them, and the checker
# counts the processes. Each demo must also exit with status 0; both get a small size argument,
# to stay quick under ASan.
# gilpy-differs: -X giltrace is gilpy's own; the checker is run with python3.
# Expected output kept by hand.
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import childproc

DEMOS = [                              # (options, demo, arguments)
    ([], "shared_state_processes.py", ["300"]),    # 16 children and the Manager's server
    ([], "threads_vs_processes.py", ["60000"]),    # 4 Pool workers
]

for options, demo, args in DEMOS:
    status, verdict = childproc.giltrace_verdict(options, demo, args)
    print(" ".join(options + [demo]) + ": demo exit status", status, "trace", verdict)
