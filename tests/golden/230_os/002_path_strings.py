# os.path string operations (no file system access)
import os.path
from os import path
print(path is os.path, path.__name__)
print(path.join("a", "b", "c"), path.join("/a", "b/"), path.join("a", "/b", "c"), path.join("a", ""), path.join(""))
print(path.join(b"x", b"y"), path.join("a/", "b"))
for p in ["/a/b/c.txt", "a/b/", "file", "/", "", "//x", "a//b", "/usr/lib/"]:
    print(repr(p), path.split(p), repr(path.basename(p)), repr(path.dirname(p)))
for p in ["x.py", "x.tar.gz", ".bashrc", "a/.hidden", "a.b/c", "noext", "..", "x.", "..x.y"]:
    print(repr(p), path.splitext(p))
for p in ["/a/./b/../c", "a//b///c", "../x/..", "", ".", "/..", "//a", "///a/b", "a/b/../../..", "./a/"]:
    print(repr(p), repr(path.normpath(p)))
print(path.isabs("/x"), path.isabs("x"), path.isabs(""), path.abspath("/a/b/../c"))
print(path.relpath("/a/b/c", "/a/d"), path.relpath("/a", "/a"), path.relpath("/x/y", "/"))
print(path.commonprefix(["/usr/lib", "/usr/local"]), path.commonpath(["/usr/lib", "/usr/local"]))
print(path.splitdrive("/a/b"), path.normcase("AbC"))
print(path.abspath("rel/x") == path.join(os.getcwd(), "rel/x"))


class P:
    def __fspath__(self):
        return "/tmp/pathlike"


print(path.basename(P()), os.fspath(P()), os.fspath("s"), os.fspath(b"b"))
for args in [("a", 1), (1, "a"), ("a", b"b")]:
    try:
        path.join(*args)
    except TypeError as e:
        print("TypeError", e)
try:
    os.fspath(3)
except TypeError as e:
    print("TypeError", e)
try:
    path.commonpath(["/a", "b"])
except ValueError as e:
    print("ValueError", e)
