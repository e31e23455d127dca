# OSError subclasses from errno with CPython's messages, and argument type errors
import os


def attempt(f, *args):
    try:
        f(*args)
        print("no error")
    except OSError as e:
        print(type(e).__name__, e.errno, e)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


attempt(os.remove, "/nonexistent/file.txt")
attempt(os.unlink, "no_such_file_here.txt")
attempt(os.rmdir, "/nonexistent_dir_xyz")
attempt(os.listdir, "/nonexistent_dir_xyz")
attempt(os.stat, "/nonexistent_dir_xyz")
attempt(os.stat, b"/nonexistent_dir_xyz")
attempt(os.chdir, "/nonexistent_dir_xyz")
attempt(os.rename, "/nonexistent_a", "/nonexistent_b")
attempt(os.mkdir, "/nonexistent_parent/child")
attempt(os.listdir, "tests/golden/230_os/004_errors.py")
attempt(os.mkdir, "/")
attempt(os.rmdir, "/proc/self/nonexistent")
attempt(os.stat, [])
attempt(os.listdir, [])
attempt(os.mkdir, 1.5)
attempt(os.remove, 3)
attempt(os.rename, 1.5, "a")
attempt(os.rename, "a", None)
attempt(os.chdir, {})
attempt(os.stat, "a\0b")
attempt(os.getcwd, 1)
attempt(os.strerror, "x")
print(issubclass(FileNotFoundError, OSError), os.error is OSError)
try:
    open("/nonexistent/x.txt")
except FileNotFoundError as e:
    print(e.errno, e.filename, e.strerror)
