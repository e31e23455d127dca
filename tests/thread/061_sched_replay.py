# -X sched=SEED replays a schedule: the race demo prints the same total on every run with
# one seed (100 of 100), and several totals over 20 seeds; -X explore=20 groups the outputs
# by seed, and any seed replays its group's output.
# gilpy-differs: -X sched and -X explore are gilpy's own. Expected output kept by hand.
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import childproc


RACE = "scripts/demos/race.py"

outputs = childproc.run_all([[sys.executable, "-X", "sched=7", RACE]] * 100)
print("race, seed 7, 100 runs:", len(set(outputs)), "distinct output(s)")
print("  all exit 0:", all(status == 0 for status, _, _ in outputs))

status, report, _ = childproc.run([sys.executable, "-X", "explore=20", RACE])
lines = report.splitlines()
groups = [line for line in lines if line.startswith("=== ")]
totals = [line for line in lines if line.startswith("expected 400000, got ")]
runs = sum(int(line.split()[1]) for line in groups)
print("explore=20: status", status, "| runs:", runs, "| one total per group:",
      len(totals) == len(groups))
print("  header:", lines[0].startswith("-X explore=20: scripts/demos/race.py ran under seeds 1 to 20;"))
print("  at least 3 different totals:", len(set(totals)) >= 3)
print("  every total below 400000:", all(int(t.split()[-1]) < 400000 for t in totals))
seed = int(groups[-1].split()[4].rstrip(":,"))
replayed = childproc.run([sys.executable, "-X", "sched=%d" % seed, RACE])[1]
print("  a seed replays its group's total:", replayed == totals[-1] + "\n")

status, report, _ = childproc.run([sys.executable, "-X", "explore=5",
                                   "scripts/demos/race_fixed_with_lock.py"])
print("explore=5 with the lock:", report.splitlines()[-2:])

