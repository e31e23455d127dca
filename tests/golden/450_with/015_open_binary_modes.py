import os
path = "/tmp/_gilpy_test_450_015.bin"
with open(path, "wb") as f:
    print(f.write(b"alpha\nbeta\n"), f.write(bytes([0, 255, 10])), f.mode, f.tell())
    print(repr(f).startswith("<_io.BufferedWriter name="))
with open(path, "rb") as f:
    print(f.mode, f.readable(), f.writable(), f.seekable())
    print(f.read(3), f.tell())
    print(f.readline(), f.tell())
    print(f.readlines())
    print(f.read(), f.read(5))
    print(f.seek(0), f.read(5), f.seek(-3, 2), f.read(), f.seek(1, 0), f.seek(2, 1), f.read(2))
with open(path, "rb") as f:
    print(list(f))
with open(path, "rb") as f:
    for line in f:
        print(type(line).__name__, len(line))
try:
    with open(path, "wb") as f:
        f.write("text")
except TypeError as e:
    print(e)
try:
    with open(path, "w") as f:
        f.write(b"bytes")
except TypeError as e:
    print(e)
os.remove(path)
