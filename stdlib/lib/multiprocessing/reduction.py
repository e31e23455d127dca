#
# How multiprocessing turns objects into bytes and back: a thin layer over gilpy's pickle.
# (CPython's version also passes file descriptors over Unix sockets with sendmsg(); gilpy's
# socket module has no sendmsg yet, so HAVE_SEND_HANDLE is False and the 'forkserver' start
# method is absent.)
#

import os
import pickle
import sys

from . import context

__all__ = ['ForkingPickler', 'register', 'dump', 'DupFd', 'HAVE_SEND_HANDLE']

HAVE_SEND_HANDLE = False


class ForkingPickler(object):
    '''The pickler multiprocessing uses. Objects are pickled by qualified name (functions and
    classes) or by class and state (instances), so a child can rebuild them only if it can
    import the same module: that is why functions given to a Pool must live at module level.'''
    _extra_reducers = {}

    def __init__(self, file, protocol=None):
        self._file = file
        self._protocol = protocol

    def dump(self, obj):
        self._file.write(self.dumps(obj, self._protocol))

    @classmethod
    def register(cls, type, reduce):
        '''Register a reduce function for a type.'''
        cls._extra_reducers[type] = reduce

    @classmethod
    def dumps(cls, obj, protocol=None):
        return pickle.dumps(obj)

    loads = staticmethod(pickle.loads)

register = ForkingPickler.register


def dump(obj, file, protocol=None):
    '''Replacement for pickle.dump() using ForkingPickler.'''
    ForkingPickler(file, protocol).dump(obj)


def DupFd(fd):
    '''Return a wrapper for an fd: under fork the child simply inherits the descriptor.'''
    popen_obj = context.get_spawning_popen()
    if popen_obj is not None:
        return _InheritedFd(popen_obj.duplicate_for_child(fd))
    raise ValueError('SCM_RIGHTS appears not to be available')


class _InheritedFd(object):
    '''An fd that the spawned child inherits under the same number.'''
    def __init__(self, fd):
        self.fd = fd

    def detach(self):
        return self.fd


#
# Make bound methods picklable (Pool and the managers send them to workers)
#

def _reduce_method(m):
    if m.__self__ is None:
        return getattr, (m.__class__, m.__func__.__name__)
    else:
        return getattr, (m.__self__, m.__func__.__name__)


class AbstractReducer(object):
    '''Abstract base class for use in implementing a Reduction class
    suitable for use in replacing the standard reduction mechanism
    used in multiprocessing.'''
    ForkingPickler = ForkingPickler
    register = register
    dump = dump
