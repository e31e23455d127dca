#!/usr/bin/env python3
"""Start-up time of gilpy beside python3's, measured in the same run (issue 7's targets:
`gilpy -c pass` median <= 3 ms, and `import threading, queue, concurrent.futures` adding
<= 3 ms more). Uses hyperfine when installed, else a loop timed with perf_counter.

    scripts/bench/startup/run.py [--gilpy build-release/gilpy] [--runs 40]

The first run of each command warms the __pycache__ import cache (gilpy writes it unless
PYTHONDONTWRITEBYTECODE is set, which this script unsets, as CPython does for .pyc files).
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
IMPORTS = "import threading, queue, concurrent.futures"


def env():
    e = dict(os.environ)
    e.pop("PYTHONDONTWRITEBYTECODE", None)
    return e


def measure_loop(argv, runs):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(argv, env=env(), stdout=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000, min(times) * 1000


def measure_cpu(argv, runs):
    """Median CPU time (user + system) of a run: steadier than wall time on a busy machine."""
    times = []
    for _ in range(runs):
        proc = subprocess.Popen(argv, env=env(), stdout=subprocess.DEVNULL)
        _, _, usage = os.wait4(proc.pid, 0)
        proc.returncode = 0
        times.append(usage.ru_utime + usage.ru_stime)
    return statistics.median(times) * 1000


def measure_hyperfine(argv, runs):
    with tempfile.NamedTemporaryFile(suffix=".json") as f:
        subprocess.run(["hyperfine", "-N", "-w", "3", "-r", str(runs), "--export-json", f.name,
                        "--style", "none", subprocess.list2cmdline(argv)],
                       env=env(), stdout=subprocess.DEVNULL, check=True)
        r = json.load(open(f.name))["results"][0]
    return r["median"] * 1000, r["min"] * 1000


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gilpy", default=os.path.join(ROOT, "build-release", "gilpy"))
    ap.add_argument("--python", default="python3")
    ap.add_argument("--runs", type=int, default=40)
    opts = ap.parse_args()
    measure = measure_hyperfine if shutil.which("hyperfine") else measure_loop
    print("timer: %s, %d runs each; imports: %s" % (
        "hyperfine" if measure is measure_hyperfine else "perf_counter loop", opts.runs, IMPORTS))
    results = {}
    for name, exe in (("gilpy", opts.gilpy), ("python3", opts.python)):
        subprocess.run([exe, "-c", IMPORTS], env=env(), check=True)  # warm the caches
        base = measure([exe, "-c", "pass"], opts.runs)
        imp = measure([exe, "-c", IMPORTS], opts.runs)
        base_cpu = measure_cpu([exe, "-c", "pass"], opts.runs)
        imp_cpu = measure_cpu([exe, "-c", IMPORTS], opts.runs)
        results[name] = (base, imp)
        print("%-8s wall: -c pass median %6.2f ms (min %6.2f); with the imports median %6.2f ms "
              "(min %6.2f): imports add %6.2f ms" % (name, base[0], base[1], imp[0], imp[1],
                                                   imp[0] - base[0]))
        print("%-8s cpu:  -c pass median %6.2f ms; with the imports median %6.2f ms: imports "
              "add %6.2f ms" % (name, base_cpu, imp_cpu, imp_cpu - base_cpu))
    return 0


if __name__ == "__main__":
    sys.exit(main())
