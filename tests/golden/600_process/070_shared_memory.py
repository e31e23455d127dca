# gilpy-differs: _posixshmem.SharedMemory is gilpy's own typed view of shared memory (CPython
# reads a mmap through a memoryview instead); the expected output is written by hand.
import os
import sys
from _multiprocessing import SemLock
from _posixshmem import SharedMemory, itemsize

print(itemsize('c'), itemsize('i'), itemsize('q'), itemsize('d'))

# anonymous: shared with forked children only, never in /dev/shm
mem = SharedMemory(64)
print(mem.name, mem.size, mem.closed)
mem.set_int64(0, 0)
mem.set_double(1, 2.5)
mem.write(16, b"hello")
print(mem.get_int64(0), mem.get_double(1), mem.read(16, 5))
lock = SemLock(0, 1, 1, "/gilpy-shm-test-%d" % os.getpid(), True)
sys.stdout.flush()
children = []
for i in range(4):
    pid = os.fork()
    if pid == 0:
        lock._after_fork()
        for j in range(1000):
            with lock:
                mem.set_int64(0, mem.get_int64(0) + 1)
        mem.set('i', 8 + i, i * i)
        os._exit(0)
    children.append(pid)
for pid in children:
    os.waitpid(pid, 0)
print("counter", mem.get_int64(0))
print("squares", [mem.get('i', 8 + i) for i in range(4)])

# typecodes wrap as ctypes does
mem.set('b', 40, 200)
mem.set('B', 41, -1)
mem.set('H', 21, 70000)
mem.set('?', 44, [1])
mem.set_char(45, b"z")
print(mem.get('b', 40), mem.get('B', 41), mem.get('H', 21), mem.get('?', 44), mem.get_char(45))
mem.set('c', 46, 65)
mem.set('u', 12, "\u00e9")
print(mem.get('c', 46), mem.get('u', 12), itemsize('u'))
mem.set('q', 7, 2**63 + 5)
print(mem.get('q', 7), mem.get('Q', 7))
mem.set_int32(15, -7)
print(mem.get_int32(15), mem.get('I', 15))
for bad in [lambda: mem.get('q', 8), lambda: mem.read(60, 10), lambda: mem.get('x', 0),
            lambda: mem.set('i', 0, 1.5), lambda: mem.write(0, "str"),
            lambda: SharedMemory(0)]:
    try:
        bad()
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
mem.close()
try:
    mem.read(0, 1)
except ValueError as e:
    print("closed:", e)

# named: another process can attach by name; unlink as soon as all are attached
name = "/gilpy-shm-test-%d" % os.getpid()
named = SharedMemory(16, name)
named.set_double(0, 1.25)
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    other = SharedMemory(0, name, create=False)
    os.write(w, b"attached")
    other.set_double(1, other.get_double(0) * 2)
    other.close()
    os._exit(0)
os.close(w)
print(os.read(r, 100))
named.unlink()
os.waitpid(pid, 0)
print(named.get_double(1), named.size)
try:
    SharedMemory(0, name, create=False)
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno)
named.close()

print("leftover", [n for n in os.listdir("/dev/shm") if "gilpy-shm-test" in n])
try:
    os.waitpid(-1, os.WNOHANG)
except ChildProcessError:
    print("no zombies")
