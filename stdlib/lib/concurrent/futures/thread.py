"""ThreadPoolExecutor: a pool of worker threads fed from one queue of work items.

submit() wraps the call and a new Future in a _WorkItem and puts it on the queue; it starts
another worker thread unless one is idle or max_workers already run. Each worker loops:
get an item, run it, set the future's result. A None on the queue tells workers to check
whether the pool is shutting down (each one that leaves puts the None back for the next).
"""

import itertools
import os
import queue
import threading

from concurrent.futures import _base

# Every pool's work queue, by worker thread, so that interpreter exit can stop them all.
# (CPython keeps weak references here; gilpy has no weakref yet, so shutdown() removes them.)
_threads_queues = {}
_shutdown = False
# Lock that ensures that new workers are not created while the interpreter is shutting down.
_global_shutdown_lock = threading.Lock()


def _python_exit():
    # Runs from threading._shutdown() when the main thread ends, before the interpreter waits
    # for non-daemon threads: wake every worker so that it notices and leaves.
    global _shutdown
    with _global_shutdown_lock:
        _shutdown = True
    items = list(_threads_queues.items())
    for t, q in items:
        q.put(None)
    for t, q in items:
        t.join()


threading._register_atexit(_python_exit)


class _WorkItem(object):
    """One submitted call and the Future that will receive its outcome."""

    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs

    def run(self):
        if not self.future.set_running_or_notify_cancel():
            return      # cancelled while it waited in the queue

        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:
            self.future.set_exception(exc)
            # Break a reference cycle with the exception 'exc'
            self = None
        else:
            self.future.set_result(result)


def _worker(executor, work_queue, initializer, initargs):
    """The body of every worker thread."""
    if initializer is not None:
        try:
            initializer(*initargs)
        except BaseException:
            _base._log_exception('Exception in initializer:')
            executor._initializer_failed()
            return
    try:
        while True:
            work_item = work_queue.get(block=True)
            if work_item is not None:
                work_item.run()
                # Delete references to object. See issue16284
                del work_item
                # This worker is idle again: the next submit() may reuse it.
                executor._idle_semaphore.release()
                continue

            # A None: leave if the interpreter or this pool is shutting down.
            if _shutdown or executor._shutdown:
                executor._shutdown = True
                # Notice other workers
                work_queue.put(None)
                return
    except BaseException:
        _base._log_exception('Exception in worker')


class BrokenThreadPool(_base.BrokenExecutor):
    """Raised when a worker thread in a ThreadPoolExecutor failed initializing."""


class ThreadPoolExecutor(_base.Executor):

    # Used to assign unique thread names when thread_name_prefix is not supplied.
    _counter = itertools.count().__next__

    def __init__(self, max_workers=None, thread_name_prefix='',
                 initializer=None, initargs=()):
        """Initializes a new ThreadPoolExecutor instance.

        max_workers: the most threads the pool runs; by default min(32, os.cpu_count() + 4)
        as in CPython (I/O-bound work benefits from more threads than cores).
        thread_name_prefix: names the threads "<prefix>_0", "<prefix>_1", ...
        initializer, initargs: a callable each worker runs once when it starts.
        """
        if max_workers is None:
            max_workers = min(32, (os.cpu_count() or 1) + 4)
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")

        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")

        self._max_workers = max_workers
        self._work_queue = queue.SimpleQueue()
        self._idle_semaphore = threading.Semaphore(0)
        self._threads = set()
        self._broken = False
        self._shutdown = False
        self._shutdown_lock = threading.Lock()
        self._thread_name_prefix = (thread_name_prefix or
                                    ("ThreadPoolExecutor-%d" % self._counter()))
        self._initializer = initializer
        self._initargs = initargs

    def submit(self, fn, /, *args, **kwargs):
        with self._shutdown_lock, _global_shutdown_lock:
            if self._broken:
                raise BrokenThreadPool(self._broken)

            if self._shutdown:
                raise RuntimeError('cannot schedule new futures after shutdown')
            if _shutdown:
                raise RuntimeError('cannot schedule new futures after '
                                   'interpreter shutdown')

            f = _base.Future()
            w = _WorkItem(f, fn, args, kwargs)

            self._work_queue.put(w)
            self._adjust_thread_count()
            return f

    def _adjust_thread_count(self):
        # if idle threads are available, don't spin new threads
        if self._idle_semaphore.acquire(timeout=0):
            return

        num_threads = len(self._threads)
        if num_threads < self._max_workers:
            thread_name = '%s_%d' % (self._thread_name_prefix or self,
                                     num_threads)
            t = threading.Thread(name=thread_name, target=_worker,
                                 args=(self,
                                       self._work_queue,
                                       self._initializer,
                                       self._initargs))
            t.start()
            self._threads.add(t)
            _threads_queues[t] = self._work_queue

    def _initializer_failed(self):
        with self._shutdown_lock:
            self._broken = ('A thread initializer failed, the thread pool '
                            'is not usable anymore')
            # Drain work queue and mark pending futures failed
            while True:
                try:
                    work_item = self._work_queue.get_nowait()
                except queue.Empty:
                    break
                if work_item is not None:
                    work_item.future.set_exception(BrokenThreadPool(self._broken))

    def shutdown(self, wait=True, *, cancel_futures=False):
        """Stops accepting work; with wait, returns once every worker has finished.
        cancel_futures cancels the calls that have not started yet."""
        with self._shutdown_lock:
            self._shutdown = True
            if cancel_futures:
                # Drain all work items from the queue, and then cancel their
                # associated futures.
                while True:
                    try:
                        work_item = self._work_queue.get_nowait()
                    except queue.Empty:
                        break
                    if work_item is not None:
                        work_item.future.cancel()

            # Send a wake-up to prevent threads calling
            # _work_queue.get(block=True) from permanently blocking.
            self._work_queue.put(None)
        if wait:
            for t in self._threads:
                t.join()
            for t in self._threads:
                _threads_queues.pop(t, None)
