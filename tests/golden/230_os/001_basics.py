# os constants, process ids, cpu_count, urandom, strerror (printing facts, not values)
import os
print(os.name, repr(os.sep), repr(os.linesep), repr(os.curdir), repr(os.pardir), repr(os.pathsep))
print(os.altsep, repr(os.extsep), os.devnull, os.error is OSError)
pid = os.getpid()
print(type(pid).__name__, pid > 0, os.getppid() > 0, pid != os.getppid())
n = os.cpu_count()
print(type(n).__name__, n >= 1)
b = os.urandom(16)
print(type(b).__name__, len(b), len(os.urandom(0)), os.urandom(32) != os.urandom(32))
for code in [1, 2, 13, 17, 20, 21]:
    print(code, os.strerror(code))
print(os.strerror(99999))
for bad in [-1, 1.5, "3"]:
    try:
        os.urandom(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    os.getpid(1)
except TypeError as e:
    print("TypeError", e)
print(os.getuid() >= 0, isinstance(os.getcwd(), str), os.path.isabs(os.getcwd()))
