import os, sys, _multiprocessing, _posixshmem
from _multiprocessing import SemLock
name = "/gilpy-t-%d" % os.getpid()
lock = SemLock(0, 1, 1, name, True)
print(lock.kind, lock.maxvalue, lock.name, lock._count(), lock._is_mine(), lock._get_value())
print(lock.acquire(), lock.acquire(), lock._count(), lock._is_mine(), lock._is_zero())
lock.release(); lock.release()
try:
    lock.release()
except AssertionError as e:
    print("AssertionError", e)
sem = SemLock(1, 2, 2, name + "s", True)
print(sem.acquire(), sem.acquire(), sem.acquire(False), sem.acquire(True, 0.05), sem._get_value())
sem.release(); sem.release()
try:
    sem.release()
except ValueError as e:
    print("ValueError", e)
print(SemLock.SEM_VALUE_MAX > 0)
# across fork: the child blocks until the parent releases
sem2 = SemLock(1, 0, 1, name + "x", True)
done = SemLock(1, 0, 1, name + "d", True)
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    sem2._after_fork()
    ok = sem2.acquire(True, 5)
    done.release()
    os._exit(0 if ok else 1)
print("parent releases")
sem2.release()
print("child acquired:", done.acquire(True, 5))
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
fd = _posixshmem.shm_open(name, os.O_CREAT | os.O_EXCL | os.O_RDWR, 0o600)
os.close(fd)
_posixshmem.shm_unlink(name)
try:
    _posixshmem.shm_unlink(name)
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno)
print([n for n in os.listdir("/dev/shm") if "gilpy-t" in n])
