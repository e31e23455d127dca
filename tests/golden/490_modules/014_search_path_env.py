# The module search path takes entries from the environment: GILPYPATH for gilpy, PYTHONPATH
# for CPython (both are set, so one expectation serves both). A child interpreter started
# with an extra directory finds a module there; without it, the import fails.
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
extra = os.path.join(here, "searchpath_extra")
code = ("try:\n import searchpath_mod; print(searchpath_mod.VALUE)\n"
        "except ImportError as e: print(type(e).__name__, e)")


def run_child(with_extra):
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        env = dict(os.environ)
        for name in ("GILPYPATH", "PYTHONPATH"):
            env.pop(name, None)
            if with_extra:
                env[name] = extra
        os.execve(sys.executable, [sys.executable, "-c", code], env)
    _, status = os.waitpid(pid, 0)
    print("child exit status", os.waitstatus_to_exitcode(status))


run_child(True)
run_child(False)
