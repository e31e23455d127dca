import os
path = "/tmp/_gilpy_test_450_016.txt"
with open(path, "w") as f:
    f.write("one\ntwo\n")
with open(path, "a") as f:
    print(f.tell(), f.mode)
    f.write("three\n")
with open(path) as f:
    print(f.read().splitlines(), f.tell())
with open(path, "r+") as f:
    print(f.mode, f.readable(), f.writable())
    print(repr(f.readline()))
    f.seek(0)
    f.write("ONE")
    f.seek(0)
    print(f.read().splitlines())
with open(path, "w+") as f:
    f.write("fresh\ncontent\n")
    print(f.tell())
    f.seek(0)
    print(f.readlines())
with open(path, "rb+") as f:
    f.seek(2)
    f.write(b"E")
    f.seek(0)
    print(f.read(), f.mode)
with open(path, "ab") as f:
    f.write(b"tail\n")
with open(path, "rb") as f:
    print(f.read())
try:
    open(path, "x")
except FileExistsError as e:
    print(type(e).__name__, e.errno, e.strerror)
os.remove(path)
with open(path, "x") as f:
    f.write("created")
with open(path) as f:
    print(f.read())
with open(path) as f:
    try:
        f.seek(1, 1)
    except OSError as e:  # io.UnsupportedOperation in CPython (gilpy has no io module yet)
        print(isinstance(e, OSError), e)
    print(f.seek(0, 2))
os.remove(path)
for bad in ("rw", "rbt", "q", "rr", "b", "+"):
    try:
        open(path, bad)
    except ValueError as e:
        print(repr(bad), e)
try:
    open(path, "wb", encoding="utf-8")
except ValueError as e:
    print(e)
try:
    with open(path, "w") as f:
        f.read()
except OSError as e:  # io.UnsupportedOperation in CPython
    print(isinstance(e, OSError), e)
os.remove(path)
