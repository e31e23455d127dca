#
# Package analogous to 'threading.py' but using processes
#
# gilpy reading guide. Each process is a whole interpreter with its own GIL, so CPU-bound work
# in N processes really runs on N cores; the price is that nothing is shared unless you ask:
#   context.py      start methods ('fork', the default, and 'spawn') and the public factories
#   process.py      Process, current_process(), active_children()
#   popen_fork.py   start a child with os.fork(); popen_spawn_posix.py + spawn.py: fork + exec
#                   a fresh gilpy that re-imports the main script as __mp_main__ (the reason
#                   for `if __name__ == "__main__":`)
#   connection.py   Pipe(): length-prefixed pickles over OS pipes; wait() over select()
#   queues.py       Queue (a pipe + a feeder thread), SimpleQueue, JoinableQueue
#   synchronize.py  Lock, RLock, Semaphore, Event, Condition, Barrier over process-shared
#                   semaphores (_multiprocessing.SemLock)
#   sharedctypes.py Value and Array in shared memory
#   managers.py     Manager(): objects owned by a server process, used through proxies
#   pool.py         Pool: worker processes fed through queues by three parent threads
# Most files are CPython 3.11's, adapted where gilpy lacks a module (weakref, socket, ctypes);
# each says what changed at its top.
#
# multiprocessing/__init__.py
#
# This package is intended to duplicate the functionality (and much of
# the API) of threading.py but uses processes instead of threads.  A
# subpackage 'multiprocessing.dummy' has the same API but is a simple
# wrapper for 'threading'.
#
# Copyright (c) 2006-2008, R Oudkerk
# Licensed to PSF under a Contributor Agreement.
#

import sys
from . import context

#
# Copy stuff from default context
#

__all__ = [x for x in dir(context._default_context) if not x.startswith('_')]
globals().update((name, getattr(context._default_context, name)) for name in __all__)

#
# XXX These should not really be documented or public.
#

SUBDEBUG = 5
SUBWARNING = 25

#
# Alias for main module -- will be reset by bootstrapping child processes
#

if '__main__' in sys.modules:
    sys.modules['__mp_main__'] = sys.modules['__main__']
