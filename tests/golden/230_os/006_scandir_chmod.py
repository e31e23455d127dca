# os.scandir entries (name, path, is_dir/is_file, stat) and chmod, in a private temp dir
import os


def cleanup(base):
    for name in ["f.txt"]:
        try:
            os.remove(os.path.join(base, name))
        except OSError:
            pass
    for d in [os.path.join(base, "sub"), base]:
        try:
            os.rmdir(d)
        except OSError:
            pass


base = "/tmp/gilpy_test_scandir_%d" % os.getpid()
os.makedirs(base + "/sub")
try:
    with open(base + "/f.txt", "w") as f:
        f.write("12345")
    with os.scandir(base) as it:
        entries = sorted(it, key=lambda e: e.name)
    for e in entries:
        print(e, e.name, e.path.replace(base, "BASE"), e.is_dir(), e.is_file(), e.is_symlink(),
              e.stat().st_size if e.is_file() else "-")
    print(sorted(e.name for e in os.scandir(base.encode())))
    os.chmod(base + "/f.txt", 0o600)
    print(oct(os.stat(base + "/f.txt").st_mode & 0o777))
finally:
    cleanup(base)
print(os.path.exists(base))
