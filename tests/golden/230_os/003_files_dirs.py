# directories and files: mkdir/makedirs/listdir/rename/remove/rmdir/stat, in a private temp dir
import os


def remove_tree(top):
    """Remove what is left of the test directory (after a failure)."""
    if not os.path.isdir(top):
        return
    for name in os.listdir(top):
        p = os.path.join(top, name)
        if os.path.isdir(p) and not os.path.islink(p):
            remove_tree(p)
        else:
            os.remove(p)
    os.rmdir(top)


base = "/tmp/gilpy_test_os_%d" % os.getpid()
try:
    os.mkdir(base)
    print(os.path.isdir(base), os.path.exists(base), os.path.isfile(base))
    os.makedirs(os.path.join(base, "a", "b", "c"))
    os.makedirs(os.path.join(base, "a", "b", "c"), exist_ok=True)
    try:
        os.makedirs(os.path.join(base, "a", "b"))
    except FileExistsError as e:
        print("FileExistsError", e.errno, e.strerror, e.filename == os.path.join(base, "a", "b"))
    try:
        os.mkdir(base)
    except FileExistsError as e:
        print("FileExistsError", e.errno, str(e).replace(base, "BASE"))
    for name in ["one.txt", "two.py", "three.dat"]:
        with open(os.path.join(base, "a", name), "w") as f:
            f.write(name * 3)
    print(sorted(os.listdir(os.path.join(base, "a"))))
    print(sorted(os.listdir(os.path.join(base, "a").encode())))
    p = os.path.join(base, "a", "one.txt")
    st = os.stat(p)
    print(st.st_size, st[6], os.path.getsize(p), st.st_mode & 0o170000 == 0o100000, oct(st.st_mode)[:4])
    print(type(st.st_mtime).__name__, type(st[8]).__name__, type(st.st_mtime_ns).__name__, len(st))
    print(abs(st.st_mtime - os.path.getmtime(p)) < 1e-6, st.st_nlink, isinstance(st, tuple))
    print(os.stat(base).st_mode & 0o170000 == 0o040000, os.path.isfile(p), os.path.isdir(p), os.path.islink(p))
    os.rename(p, os.path.join(base, "a", "uno.txt"))
    print(sorted(os.listdir(os.path.join(base, "a"))))
    os.replace(os.path.join(base, "a", "uno.txt"), os.path.join(base, "a", "two.py"))
    print(sorted(os.listdir(os.path.join(base, "a"))), os.path.getsize(os.path.join(base, "a", "two.py")))
    os.remove(os.path.join(base, "a", "two.py"))
    os.unlink(os.path.join(base, "a", "three.dat"))
    print(sorted(os.listdir(os.path.join(base, "a"))))
    walked = []
    for top, dirs, files in os.walk(base):
        walked.append((top.replace(base, "BASE"), sorted(dirs), sorted(files)))
    print(walked)
    try:
        os.rmdir(os.path.join(base, "a"))
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror)
    os.removedirs(os.path.join(base, "a", "b", "c"))
    print(os.path.exists(os.path.join(base, "a")), os.path.exists(base))
    cwd = os.getcwd()
    os.chdir("/")
    print(os.getcwd())
    os.chdir(cwd)
    print(os.getcwd() == cwd, os.path.realpath(".") == os.path.realpath(cwd))
finally:
    remove_tree(base)
