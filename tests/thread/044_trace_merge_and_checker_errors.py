# -X giltrace's files are whole or absent: a traced process writes FILE.json.<pid>.tmp and renames
# it into place, so after a run only the traces are left. scripts/gil-merge-traces skips, with a
# one-line warning, a part that is not valid JSON (an empty or cut-short FILE.<pid>.json, as a
# process killed while writing it used to leave). scripts/gil-check-trace reports
# hand-made traces that break its invariants: two holders at once, a wait that never ends, a
# hold without a valid cause.
# gilpy-differs: -X giltrace is gilpy's own; the scripts are run with python3.
# Expected output kept by hand.
import os
import sys

TMP = "/tmp/gilpy_044_%d" % os.getpid()
PROGRAM = """
import os, threading
t = threading.Thread(target=sum, args=(range(1000),))
t.start()
t.join()
pid = os.fork()
if pid != 0:
    os.waitpid(pid, 0)
"""
NAMES = ('{"ph":"M","name":"thread_name","pid":1,"tid":1,"args":{"name":"A"}},'
         '{"ph":"M","name":"thread_name","pid":1,"tid":2,"args":{"name":"B"}}')


def hold(tid, ts, dur, cause):
    return (',{"ph":"X","name":"holds the GIL","pid":1,"tid":%d,"ts":%d,"dur":%d,'
            '"args":{"cause":"%s"}}' % (tid, ts, dur, cause))


def wait(tid, ts, dur):
    return (',{"ph":"X","name":"waits for the GIL","pid":1,"tid":%d,"ts":%d,"dur":%d}'
            % (tid, ts, dur))


BAD_TRACES = {
    "two_holders": NAMES + hold(1, 0, 10, "request") + hold(2, 9, 5, "running"),
    "endless_wait": NAMES + hold(1, 0, 10, "request") + wait(2, 5, 7) + hold(2, 20, 5, "running"),
    "bad_cause": NAMES + hold(1, 0, 10, "boredom"),
}


def run(argv, output=None, errors=None):
    """Runs argv with its stdout (and stderr) going to the files output (and errors), if given;
    returns its exit status."""
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        try:
            for fd, path in ((1, output), (2, errors)):
                if path is not None:
                    os.dup2(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), fd)
            os.execv(argv[0], argv)
        finally:
            os._exit(127)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def show(path):
    with open(path) as f:
        for line in f.read().splitlines():
            print("  " + line.replace(TMP + "/", ""))


def without_pid(name):
    return ".".join("<pid>" if part.isdigit() else part for part in name.split("."))


def write(path, text):
    with open(path, "w") as f:
        f.write(text)


os.mkdir(TMP)
prog, trace, merged = TMP + "/prog.py", TMP + "/trace.json", TMP + "/merged.json"
report = TMP + "/report.txt"
write(prog, PROGRAM)
print("gilpy exit status", run([sys.executable, "-X", "giltrace=" + trace, prog]))
os.unlink(prog)

print("files left:", sorted(without_pid(name) for name in os.listdir(TMP)))

write(TMP + "/trace.1.json", "")
write(TMP + "/trace.2.json", '{"traceEvents":[{"ph":"M"')
status = run(["/usr/bin/env", "python3", "scripts/gil-merge-traces", trace, "-o", merged],
             output=os.devnull, errors=report)
print("merge exit status", status, "with warnings:")
show(report)
run(["/usr/bin/env", "python3", "scripts/gil-check-trace", "--quiet", merged], output=report)
show(report)

for name, events in BAD_TRACES.items():
    path = TMP + "/" + name + ".json"
    write(path, '{"otherData":{"pid":1,"end_us":1000},"traceEvents":[' + events + ']}')
    status = run(["/usr/bin/env", "python3", "scripts/gil-check-trace", path], output=report)
    print(name + ": checker exit status", status)
    show(report)
for name in os.listdir(TMP):
    os.unlink(TMP + "/" + name)
os.rmdir(TMP)
