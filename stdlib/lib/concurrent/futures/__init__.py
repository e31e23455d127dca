"""Execute computations asynchronously using threads (or, later, processes).

A pool of workers runs the calls you submit(); each submit returns a Future, and wait() or
as_completed() tell you when the futures are done.
"""

from concurrent.futures._base import (FIRST_COMPLETED,
                                      FIRST_EXCEPTION,
                                      ALL_COMPLETED,
                                      CancelledError,
                                      TimeoutError,
                                      InvalidStateError,
                                      BrokenExecutor,
                                      Future,
                                      Executor,
                                      wait,
                                      as_completed)
from concurrent.futures.thread import ThreadPoolExecutor

# As CPython: ProcessPoolExecutor (and with it multiprocessing) is imported
# only when first asked for, by the module __getattr__ below (PEP 562), so
# that threads-only programs start fast.

__all__ = (
    'FIRST_COMPLETED',
    'FIRST_EXCEPTION',
    'ALL_COMPLETED',
    'CancelledError',
    'TimeoutError',
    'BrokenExecutor',
    'Future',
    'Executor',
    'wait',
    'as_completed',
    'ProcessPoolExecutor',
    'ThreadPoolExecutor',
)


def __dir__():
    return __all__ + ('__author__', '__doc__')


def __getattr__(name):
    # Imported on first use; cached in the module's globals afterwards.
    if name == 'ProcessPoolExecutor':
        try:
            from .process import ProcessPoolExecutor as pe
        except ImportError:
            raise AttributeError(
                "ProcessPoolExecutor is not available yet in gilpy "
                "(it comes with multiprocessing)") from None
        globals()['ProcessPoolExecutor'] = pe
        return pe
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
