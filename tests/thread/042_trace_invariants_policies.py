# The -X giltrace invariants (see 040_trace_invariants_demos.py) under each GIL policy, where
# 702 and 040 use the default one: gil_policies.py (a CPU-bound thread and a thread waking every
# 10 ms) under fair and py3 (switch-interval requests), and queue_pipeline.py under py2 (a
# release every 100 instructions, no hand-off). Not gil_policies.py under py2: its GIL battle
# makes a trace of megabytes, too slow to check here.
# gilpy-differs: -X giltrace and -X gil are gilpy's own; the checker is run with python3.
# Expected output kept by hand.
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import childproc

DEMOS = [                              # (options, demo, arguments)
    (["-X", "gil=fair"], "gil_policies.py", []),
    (["-X", "gil=py3"], "gil_policies.py", []),
    (["-X", "gil=py2"], "queue_pipeline.py", []),
]

for options, demo, args in DEMOS:
    status, verdict = childproc.giltrace_verdict(options, demo, args)
    print(" ".join(options + [demo]) + ": demo exit status", status, "trace", verdict)
