"""Thread objects and synchronisation primitives, written in gilpy over the C module _thread.

_thread gives us three things: start a POSIX thread running a function, a plain lock, and the
thread's identity. Everything else here (Thread, Condition, Event, Semaphore, Barrier, Timer) is
ordinary Python built from those locks, as in CPython. Remember while reading: only one thread
runs bytecode at a time (the GIL), but the GIL may pass to another thread between ANY two
instructions, so every shared structure below is guarded by a lock, never by luck.
"""

import os as _os
import sys as _sys
import _thread
from time import monotonic as _time
from _collections import deque as _deque  # the C deque, without all of collections
from itertools import count as _count

__all__ = ['get_ident', 'active_count', 'Condition', 'current_thread', 'enumerate',
           'main_thread', 'TIMEOUT_MAX', 'Event', 'Lock', 'RLock', 'Semaphore',
           'BoundedSemaphore', 'Thread', 'Barrier', 'BrokenBarrierError', 'Timer',
           'ThreadError', 'ExceptHookArgs', 'excepthook', 'local', 'get_native_id']

_start_new_thread = _thread.start_new_thread
_allocate_lock = _thread.allocate_lock
_LockType = _thread.LockType
get_ident = _thread.get_ident
try:
    get_native_id = _thread.get_native_id
    _HAVE_THREAD_NATIVE_ID = True
except AttributeError:
    _HAVE_THREAD_NATIVE_ID = False
ThreadError = _thread.error
# Daemon threads may be refused in some (sub)interpreters; allowed when _thread cannot tell.
_daemon_threads_allowed = getattr(_thread, "daemon_threads_allowed", lambda: True)
TIMEOUT_MAX = _thread.TIMEOUT_MAX

# ===================================================================== Lock and RLock

# A Lock is the C lock itself: acquire() blocks in C with the GIL released, so a waiting
# thread costs nothing while another one runs.
Lock = _allocate_lock


def RLock(*args, **kwargs):
    """A reentrant lock: the thread holding it may acquire it again; it is free once that
    thread has released it as many times as it acquired it. Uses the C version if there is one."""
    if _CRLock is None:
        return _PyRLock(*args, **kwargs)
    return _CRLock(*args, **kwargs)


class _RLock:
    """The reentrant lock in Python: a plain lock, plus who owns it and how many times."""

    def __init__(self):
        self._block = _allocate_lock()
        self._owner = None
        self._count = 0

    def __repr__(self):
        owner = self._owner
        return "<%s %s.%s object owner=%r count=%d at %s>" % (
            "locked" if self._block.locked() else "unlocked",
            self.__class__.__module__, self.__class__.__qualname__,
            owner, self._count, hex(id(self)))

    def acquire(self, blocking=True, timeout=-1):
        me = get_ident()
        if self._owner == me:           # already ours: just count
            self._count += 1
            return 1
        rc = self._block.acquire(blocking, timeout)
        if rc:
            self._owner = me
            self._count = 1
        return rc

    __enter__ = acquire

    def release(self):
        if self._owner != get_ident():
            raise RuntimeError("cannot release un-acquired lock")
        self._count = count = self._count - 1
        if not count:
            self._owner = None
            self._block.release()

    def __exit__(self, t, v, tb):
        self.release()

    # The three methods below let a Condition wait on an RLock that is held several times:
    # it saves the count, frees the lock completely, and restores the count after waiting.
    def _acquire_restore(self, state):
        self._block.acquire()
        self._count, self._owner = state

    def _release_save(self):
        if self._count == 0:
            raise RuntimeError("cannot release un-acquired lock")
        count = self._count
        self._count = 0
        owner = self._owner
        self._owner = None
        self._block.release()
        return (count, owner)

    def _is_owned(self):
        return self._owner == get_ident()

    def _at_fork_reinit(self):
        self._block._at_fork_reinit()
        self._owner = None
        self._count = 0

    def _recursion_count(self):
        if self._owner != get_ident():
            return 0
        return self._count


_PyRLock = _RLock
_CRLock = getattr(_thread, "RLock", None)


# ===================================================================== Condition

class Condition:
    """A lock plus a list of sleeping threads. wait() releases the lock and sleeps until
    notify() wakes it; it then takes the lock back before returning.

    Each waiter sleeps on its OWN small lock (acquired twice: the second acquire blocks), so
    notify() wakes exactly the threads it chooses by releasing their locks.
    """

    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release
        # Use the lock's own save/restore when it has them (RLock); else the simple versions
        # below. A plain Lock has none of the three, so we skip looking (a failed lookup
        # costs an AttributeError).
        if type(lock) is not _LockType:
            try:
                self._release_save = lock._release_save
            except AttributeError:
                pass
            try:
                self._acquire_restore = lock._acquire_restore
            except AttributeError:
                pass
            try:
                self._is_owned = lock._is_owned
            except AttributeError:
                pass
        self._waiters = _deque()

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __repr__(self):
        return "<Condition(%s, %d)>" % (self._lock, len(self._waiters))

    def _at_fork_reinit(self):
        self._lock._at_fork_reinit()
        self._waiters.clear()

    def _release_save(self):
        self._lock.release()

    def _acquire_restore(self, x):
        self._lock.acquire()

    def _is_owned(self):
        # A plain lock does not know its owner: if we can take it, nobody held it.
        if self._lock.acquire(False):
            self._lock.release()
            return False
        return True

    def wait(self, timeout=None):
        """Releases the lock, sleeps until notified or timeout seconds pass, retakes the lock.
        Returns False if the timeout expired, True otherwise."""
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        waiter = _allocate_lock()
        waiter.acquire()
        self._waiters.append(waiter)
        saved_state = self._release_save()
        gotit = False
        try:
            if timeout is None:
                waiter.acquire()        # blocks until notify() releases it
                gotit = True
            elif timeout > 0:
                gotit = waiter.acquire(True, timeout)
            else:
                gotit = waiter.acquire(False)
            return gotit
        finally:
            self._acquire_restore(saved_state)
            if not gotit:               # timed out: we are still in the list, leave it
                try:
                    self._waiters.remove(waiter)
                except ValueError:
                    pass

    def wait_for(self, predicate, timeout=None):
        """Waits until predicate() is true (checked with the lock held), or the timeout."""
        endtime = None
        waittime = timeout
        result = predicate()
        while not result:
            if waittime is not None:
                if endtime is None:
                    endtime = _time() + waittime
                else:
                    waittime = endtime - _time()
                    if waittime <= 0:
                        break
            self.wait(waittime)
            result = predicate()
        return result

    def notify(self, n=1):
        """Wakes up to n threads waiting on this condition. The caller must hold the lock."""
        if not self._is_owned():
            raise RuntimeError("cannot notify on un-acquired lock")
        waiters = self._waiters
        while waiters and n > 0:
            waiter = waiters[0]
            try:
                waiter.release()
            except RuntimeError:
                # A waiter that just timed out has already been released; skip it.
                pass
            else:
                n -= 1
            try:
                waiters.remove(waiter)
            except ValueError:
                pass

    def notify_all(self):
        """Wakes every thread waiting on this condition."""
        self.notify(len(self._waiters))


# ===================================================================== Semaphores

class Semaphore:
    """A counter of free places: acquire() takes one (waiting while there is none),
    release() gives places back."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cond = Condition(Lock())
        self._value = value

    def __repr__(self):
        cls = self.__class__
        return (f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}:"
                f" value={self._value}>")

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        rc = False
        endtime = None
        with self._cond:
            while self._value == 0:
                if not blocking:
                    break
                if timeout is not None:
                    if endtime is None:
                        endtime = _time() + timeout
                    else:
                        timeout = endtime - _time()
                        if timeout <= 0:
                            break
                self._cond.wait(timeout)
            else:
                self._value -= 1
                rc = True
        return rc

    __enter__ = acquire

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            self._value += n
            self._cond.notify(n)

    def __exit__(self, t, v, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    """A Semaphore that refuses to grow past its initial value (catches extra releases)."""

    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value

    def __repr__(self):
        cls = self.__class__
        return (f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}:"
                f" value={self._value}/{self._initial_value}>")

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            if self._value + n > self._initial_value:
                raise ValueError("Semaphore released too many times")
            self._value += n
            self._cond.notify(n)


# ===================================================================== Event

class Event:
    """A flag threads can wait for: set() wakes every waiter, clear() lowers it again."""

    def __init__(self):
        self._cond = Condition(Lock())
        self._flag = False

    def __repr__(self):
        cls = self.__class__
        status = 'set' if self._flag else 'unset'
        return f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}: {status}>"

    def _at_fork_reinit(self):
        self._cond._at_fork_reinit()

    def is_set(self):
        return self._flag

    def set(self):
        with self._cond:
            self._flag = True
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._flag = False

    def wait(self, timeout=None):
        """Blocks until the flag is true or timeout seconds pass; returns the flag."""
        with self._cond:
            signaled = self._flag
            if not signaled:
                signaled = self._cond.wait(timeout)
            return signaled


# ===================================================================== Barrier

class BrokenBarrierError(RuntimeError):
    pass


class Barrier:
    """Makes `parties` threads wait for each other: each wait() blocks until all have called it.

    The barrier cycles through states: filling (0) while threads arrive, draining (1) while
    they leave, resetting (-1) during reset(), broken (-2) after abort() or a timeout.
    """

    def __init__(self, parties, action=None, timeout=None):
        self._cond = Condition(Lock())
        self._action = action
        self._timeout = timeout
        self._parties = parties
        self._state = 0
        self._count = 0

    def __repr__(self):
        cls = self.__class__
        if self.broken:
            return f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}: broken>"
        return (f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}:"
                f" waiters={self.n_waiting}/{self.parties}>")

    def wait(self, timeout=None):
        """Waits for all parties; returns this thread's arrival index (0 .. parties-1)."""
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            self._enter()               # wait for a previous cycle to drain
            index = self._count
            self._count += 1
            try:
                if index + 1 == self._parties:
                    self._release()     # the last one in opens the barrier
                else:
                    self._wait(timeout)
                return index
            finally:
                self._count -= 1
                self._exit()            # the last one out lets the next cycle begin

    def _enter(self):
        while self._state in (-1, 1):
            self._cond.wait()
        if self._state < 0:
            raise BrokenBarrierError
        assert self._state == 0

    def _release(self):
        try:
            if self._action:
                self._action()
            self._state = 1
            self._cond.notify_all()
        except:
            self._break()
            raise

    def _wait(self, timeout):
        if not self._cond.wait_for(lambda: self._state != 0, timeout):
            self._break()
            raise BrokenBarrierError
        if self._state < 0:
            raise BrokenBarrierError
        assert self._state == 1

    def _exit(self):
        if self._count == 0:
            if self._state in (-1, 1):
                self._state = 0
                self._cond.notify_all()

    def reset(self):
        """Returns the barrier to its empty state; threads waiting get BrokenBarrierError."""
        with self._cond:
            if self._count > 0:
                if self._state == 0:
                    self._state = -1
                elif self._state == -2:
                    self._state = -1
            else:
                self._state = 0
            self._cond.notify_all()

    def abort(self):
        """Breaks the barrier: current and future wait() calls raise BrokenBarrierError."""
        with self._cond:
            self._break()

    def _break(self):
        self._state = -2
        self._cond.notify_all()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        if self._state == 0:
            return self._count
        return 0

    @property
    def broken(self):
        return self._state == -2


# ===================================================================== the thread registry

# Thread names: "Thread-1", "Thread-2 (worker)", ... one counter for the whole program.
_counter = _count(1).__next__


def _newname(name_template):
    return name_template % _counter()


# _active maps ident -> Thread for every running thread; _limbo holds threads between start()
# and the moment they run. One lock guards both (a dict is not made safe by the GIL alone
# once a thread can be switched out between reading and writing it).
_active_limbo_lock = RLock()
_active = {}
_limbo = {}

# Callbacks to run before the main thread waits for the others (concurrent.futures uses it).
_threading_atexits = []
_SHUTTING_DOWN = False


# ===================================================================== Thread

class Thread:
    """A thread of control. Pass a `target` callable, or subclass and override run()."""

    _initialized = False

    def __init__(self, group=None, target=None, name=None,
                 args=(), kwargs=None, *, daemon=None):
        assert group is None, "group argument must be None for now"
        if kwargs is None:
            kwargs = {}
        if name:
            name = str(name)
        else:
            name = _newname("Thread-%d")
            if target is not None:
                try:
                    target_name = target.__name__
                    name += f" ({target_name})"
                except AttributeError:
                    pass
        self._target = target
        self._name = name
        self._args = args
        self._kwargs = kwargs
        if daemon is not None:
            if daemon and not _daemon_threads_allowed():
                raise RuntimeError('daemon threads are disabled in this (sub)interpreter')
            self._daemonic = daemon
        else:
            self._daemonic = current_thread().daemon   # inherit from the creator
        self._ident = None
        if _HAVE_THREAD_NATIVE_ID:
            self._native_id = None
        # _tstate_lock is held by the running thread and released as its very last action:
        # join() simply waits to acquire it.
        self._tstate_lock = None
        self._started = Event()
        self._is_stopped = False
        self._initialized = True
        # Keep the creator's stderr: the thread may outlive a change to sys.stderr.
        self._stderr = _sys.stderr
        self._invoke_excepthook = _make_invoke_excepthook()

    def __repr__(self):
        assert self._initialized, "Thread.__init__() was not called"
        status = "initial"
        if self._started.is_set():
            status = "started"
        self.is_alive()   # updates _is_stopped if the thread has finished
        if self._is_stopped:
            status = "stopped"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += " %s" % self._ident
        return "<%s(%s, %s)>" % (self.__class__.__name__, self._name, status)

    def start(self):
        """Starts the thread: run() will be called in a new thread of control.
        Returns once the new thread has registered itself."""
        if not self._initialized:
            raise RuntimeError("thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("threads can only be started once")
        with _active_limbo_lock:
            _limbo[self] = self
        try:
            _start_new_thread(self._bootstrap, ())
        except Exception:
            with _active_limbo_lock:
                del _limbo[self]
            raise
        self._started.wait()

    def run(self):
        """The thread's work. The default calls target(*args, **kwargs); subclasses override it."""
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            # Drop the references so a finished thread does not keep its arguments alive.
            del self._target, self._args, self._kwargs

    def _bootstrap(self):
        # The first function the new POSIX thread runs (with the GIL held).
        try:
            self._bootstrap_inner()
        except:
            if self._daemonic and _sys is None:
                return   # interpreter torn down under a daemon thread
            raise

    def _bootstrap_inner(self):
        tstate_lock = _allocate_lock()
        tstate_lock.acquire()
        try:
            self._ident = get_ident()
            self._tstate_lock = tstate_lock
            if _HAVE_THREAD_NATIVE_ID:
                self._native_id = get_native_id()
            with _active_limbo_lock:
                _active[self._ident] = self
                del _limbo[self]
            self._started.set()         # start() may return now
            try:
                self.run()
            except:
                self._invoke_excepthook(self)
        finally:
            self._delete()
            tstate_lock.release()       # wakes join(): the thread is done

    def _stop(self):
        # Called once join() or is_alive() has seen the tstate lock released.
        self._is_stopped = True
        self._tstate_lock = None

    def _reset_internal_locks(self, is_alive):
        # After fork(): locks may have been held by threads that do not exist in the child.
        self._started._at_fork_reinit()
        if is_alive:
            if self._tstate_lock is not None:
                self._tstate_lock._at_fork_reinit()
                self._tstate_lock.acquire()
        else:
            self._is_stopped = True
            self._tstate_lock = None

    def _delete(self):
        with _active_limbo_lock:
            try:
                del _active[get_ident()]
            except KeyError:
                pass

    def join(self, timeout=None):
        """Waits until the thread ends, or until timeout seconds pass (then check is_alive())."""
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if not self._started.is_set():
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        if timeout is None:
            self._wait_for_tstate_lock()
        else:
            self._wait_for_tstate_lock(timeout=max(timeout, 0))

    def _wait_for_tstate_lock(self, block=True, timeout=-1):
        lock = self._tstate_lock
        if lock is None:
            return   # already seen to be stopped (or never started)
        if lock.acquire(block, timeout):
            lock.release()
            self._stop()

    @property
    def name(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._name

    @name.setter
    def name(self, name):
        assert self._initialized, "Thread.__init__() not called"
        self._name = str(name)

    @property
    def ident(self):
        """The thread's identifier (get_ident() inside it), None before it starts."""
        assert self._initialized, "Thread.__init__() not called"
        return self._ident

    if _HAVE_THREAD_NATIVE_ID:
        @property
        def native_id(self):
            """The operating system's id of the thread (as shown by ps/top), or None."""
            assert self._initialized, "Thread.__init__() not called"
            return self._native_id

    def is_alive(self):
        """True from just before run() starts until just after it ends."""
        assert self._initialized, "Thread.__init__() not called"
        if self._is_stopped or not self._started.is_set():
            return False
        self._wait_for_tstate_lock(False)
        return not self._is_stopped

    @property
    def daemon(self):
        """A daemon thread does not keep the program alive: exit does not wait for it."""
        assert self._initialized, "Thread.__init__() not called"
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if daemonic and not _daemon_threads_allowed():
            raise RuntimeError('daemon threads are disabled in this interpreter')
        if self._started.is_set():
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = daemonic

    def isDaemon(self):
        return self.daemon

    def setDaemon(self, daemonic):
        self.daemon = daemonic

    def getName(self):
        return self.name

    def setName(self, name):
        self.name = name


# ===================================================================== excepthook

class ExceptHookArgs(tuple):
    """The argument of threading.excepthook: (exc_type, exc_value, exc_traceback, thread)."""

    def __new__(cls, args):
        args = tuple(args)
        if len(args) != 4:
            raise TypeError("_thread._ExceptHookArgs takes a 4-sequence (%d-sequence given)"
                            % len(args))
        return tuple.__new__(cls, args)

    exc_type = property(lambda self: self[0])
    exc_value = property(lambda self: self[1])
    exc_traceback = property(lambda self: self[2])
    thread = property(lambda self: self[3])

    def __repr__(self):
        return ("_thread._ExceptHookArgs(exc_type=%r, exc_value=%r, exc_traceback=%r,"
                " thread=%r)" % tuple(self))


def _print_exception(exc_type, exc_value, exc_tb, file):
    """Prints 'Traceback (most recent call last): ...' for an exception, as the interpreter
    prints an uncaught one. Uses traceback.print_exception when the traceback module exists,
    else the interpreter's own printer (sys.__excepthook__, which writes to sys.stderr)."""
    try:
        from traceback import print_exception
    except ImportError:
        print_exception = None
    if print_exception is not None:
        print_exception(exc_type, exc_value, exc_tb, file=file)
        return
    hook = getattr(_thread, "_print_exception", None)
    if hook is not None:
        hook(exc_value, file)
        return
    hook = getattr(_sys, "__excepthook__", None)
    if hook is not None:
        hook(exc_type, exc_value, exc_tb)
        return
    print("%s: %s" % (exc_type.__name__, exc_value), file=file)


def excepthook(args, /):
    """Handles an exception raised by Thread.run(): prints the thread's name and the traceback.
    SystemExit is ignored silently, as it ends only that thread."""
    if args.exc_type == SystemExit:
        return
    if _sys is not None and _sys.stderr is not None:
        stderr = _sys.stderr
    elif args.thread is not None:
        stderr = args.thread._stderr
        if stderr is None:
            return
    else:
        return
    if args.thread is not None:
        name = args.thread.name
    else:
        name = get_ident()
    print(f"Exception in thread {name}:", file=stderr, flush=True)
    _print_exception(args.exc_type, args.exc_value, args.exc_traceback, stderr)
    stderr.flush()


# The original hook, to restore after replacing threading.excepthook.
__excepthook__ = excepthook


def _make_invoke_excepthook():
    # Captured now, so the hook still works while the interpreter shuts down.
    old_excepthook = excepthook
    sys_module = _sys
    sys_exc_info = _sys.exc_info

    def invoke_excepthook(thread):
        global excepthook
        try:
            hook = excepthook
            if hook is None:
                hook = old_excepthook
            exc_type, exc_value, exc_tb = sys_exc_info()
            args = ExceptHookArgs([exc_type, exc_value, exc_tb, thread])
            hook(args)
        except Exception as exc:
            exc.__suppress_context__ = True
            del exc
            old_sys_excepthook = getattr(sys_module, "excepthook", None)
            if old_sys_excepthook is not None:
                old_sys_excepthook(*sys_exc_info())
            else:
                raise
        finally:
            args = None   # break the cycle exception -> traceback -> frame -> args
    return invoke_excepthook


# ===================================================================== Timer

class Timer(Thread):
    """Calls function(*args, **kwargs) after interval seconds, unless cancel() comes first."""

    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        """Stops the timer if it has not fired yet."""
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


# ===================================================================== main and dummy threads

class _MainThread(Thread):
    """The thread the program started in. It 'stops' when the main module has finished."""

    def __init__(self):
        Thread.__init__(self, name="MainThread", daemon=False)
        self._tstate_lock = _allocate_lock()
        self._tstate_lock.acquire()     # released by _shutdown() at exit
        self._started.set()
        self._ident = get_ident()
        if _HAVE_THREAD_NATIVE_ID:
            self._native_id = get_native_id()
        with _active_limbo_lock:
            _active[self._ident] = self


class _DummyThread(Thread):
    """Stands for a thread started by _thread.start_new_thread, seen by current_thread().
    It is a daemon and cannot be joined."""

    def __init__(self):
        Thread.__init__(self, name=_newname("Dummy-%d"), daemon=_daemon_threads_allowed())
        self._started.set()
        self._ident = get_ident()
        if _HAVE_THREAD_NATIVE_ID:
            self._native_id = get_native_id()
        with _active_limbo_lock:
            _active[self._ident] = self

    def _stop(self):
        pass

    def is_alive(self):
        assert not self._is_stopped and self._started.is_set()
        return True

    def join(self, timeout=None):
        assert False, "cannot join a dummy thread"


# ===================================================================== module functions

def current_thread():
    """The Thread object of the calling thread."""
    try:
        return _active[get_ident()]
    except KeyError:
        return _DummyThread()


def active_count():
    """How many Thread objects are alive (the length of enumerate())."""
    with _active_limbo_lock:
        return len(_active) + len(_limbo)


def _enumerate():
    # Same as enumerate(), without the lock (for callers that hold it).
    return list(_active.values()) + list(_limbo.values())


def enumerate():
    """A list of every Thread alive: started and not yet finished, plus the main thread."""
    with _active_limbo_lock:
        return list(_active.values()) + list(_limbo.values())


def main_thread():
    """The main Thread object (the one the interpreter started in)."""
    return _main_thread


from _thread import _local as local  # noqa: E402  (per-thread attributes, kept in C)


def _register_atexit(func, *arg, **kwargs):
    """Registers func to be called when the main thread finishes, before other threads are
    joined (concurrent.futures uses it to stop its workers)."""
    if _SHUTTING_DOWN:
        raise RuntimeError("can't register atexit after shutdown")
    _threading_atexits.append(lambda: func(*arg, **kwargs))


def _shutdown():
    """Called by the interpreter when the main module has finished: runs the atexit callbacks,
    marks the main thread stopped, then waits for every non-daemon thread."""
    global _SHUTTING_DOWN
    if _main_thread._is_stopped:
        return   # already done (e.g. called twice)
    _SHUTTING_DOWN = True
    for atexit_call in reversed(_threading_atexits):
        atexit_call()
    if _main_thread.ident == get_ident():
        tlock = _main_thread._tstate_lock
        if tlock is not None and tlock.locked():
            tlock.release()
        _main_thread._stop()
    # Join until none is left: a thread being joined may start another one.
    while True:
        with _active_limbo_lock:
            others = [t for t in _enumerate()
                      if not t.daemon and t is not _main_thread and t.is_alive()]
        if not others:
            break
        for t in others:
            t.join()


_main_thread = _MainThread()


def _after_fork():
    """Runs in the child after os.fork(). Only the thread that called fork() exists in the
    child: it becomes the main thread, every other Thread object is marked stopped (so exit
    does not wait for them forever), and the module's locks are made anew, since a thread
    that no longer exists may have held them."""
    global _active_limbo_lock, _main_thread
    _active_limbo_lock = RLock()
    new_active = {}
    try:
        current = _active[get_ident()]
    except KeyError:
        current = _MainThread()   # fork() called from a thread threading does not know
    _main_thread = current
    with _active_limbo_lock:
        for thread in set(_enumerate()):
            if thread is current:
                thread._reset_internal_locks(True)
                ident = get_ident()
                thread._ident = ident
                new_active[ident] = thread
            else:
                thread._reset_internal_locks(False)
                thread._stop()
        _limbo.clear()
        _active.clear()
        _active.update(new_active)


if hasattr(_os, "register_at_fork"):
    _os.register_at_fork(after_in_child=_after_fork)
