#
# Managers: a server process that owns ordinary Python objects (a dict, a list, a queue...)
# and lets other processes use them through proxies.
#
# A proxy holds no data. `d[k] = v` on a DictProxy pickles ('call', id, '__setitem__', (k, v))
# and sends it to the manager process, which runs the method on the real dict and sends back
# the result (or the exception). That is why managers are slower than Value/Array, and why they
# can share any picklable object.
#
# gilpy has no socket module yet, so the manager listens on a pair of pipes instead of a Unix
# socket: the request pipe and the reply pipe are inherited by every process forked after the
# manager started, and a process-shared lock makes each request/reply pair atomic. A call that
# must wait (Queue.get, Lock.acquire, Event.wait) is made non-blocking on the server and
# retried by the proxy, so one waiting process never stops the others from being served.
#
# Written for gilpy after CPython 3.11's multiprocessing/managers.py (same public API for the
# pieces it has: dict, list, Queue, JoinableQueue, Lock, RLock, Semaphore, BoundedSemaphore,
# Event, Value, Array, Namespace).
#

__all__ = ['BaseManager', 'SyncManager', 'BaseProxy', 'Token', 'Namespace']

import os
import sys
import threading
import time
import queue
from traceback import format_exc

from . import connection
from . import util
from .context import BaseContext, ProcessError, get_spawning_popen
from . import process

#
# Exceptions and small helpers
#

class RemoteError(Exception):
    def __str__(self):
        return ('\n' + '-'*75 + '\n' + str(self.args[0]) + '-'*75)


class Token(object):
    '''
    Type to uniquely identify a shared object
    '''
    __slots__ = ('typeid', 'address', 'id')

    def __init__(self, typeid, address, id):
        (self.typeid, self.address, self.id) = (typeid, address, id)

    def __getstate__(self):
        return (self.typeid, self.address, self.id)

    def __setstate__(self, state):
        (self.typeid, self.address, self.id) = state

    def __repr__(self):
        return '%s(typeid=%r, address=%r, id=%r)' % \
               (self.__class__.__name__, self.typeid, self.address, self.id)


class Namespace(object):
    def __init__(self, /, **kwds):
        self.__dict__.update(kwds)

    def __repr__(self):
        items = list(self.__dict__.items())
        temp = []
        for name, value in items:
            if not name.startswith('_'):
                temp.append('%s=%r' % (name, value))
        temp.sort()
        return '%s(%s)' % (self.__class__.__name__, ', '.join(temp))


class Value(object):
    def __init__(self, typecode, value, lock=True):
        self._typecode = typecode
        self._value = value

    def get(self):
        return self._value

    def set(self, value):
        self._value = value

    def __repr__(self):
        return '%s(%r, %r)' % (type(self).__name__, self._typecode, self._value)

    value = property(get, set)


def Array(typecode, sequence, lock=True):
    return list(sequence)


class _WouldBlock(Exception):
    '''Raised by the server when a non-blocking attempt would have to wait.'''


#
# The server side: one loop in the manager process
#

class _Server(object):
    '''Owns the shared objects and runs the requests that arrive on the request pipe.'''

    def __init__(self, registry, request_fd, reply_fd):
        self.registry = registry
        self.request = connection.Connection(request_fd, writable=False)
        self.reply = connection.Connection(reply_fd, readable=False)
        self.objects = {}
        self.next_id = 1
        self.parent_pid = os.getppid()

    def serve_forever(self):
        while True:
            # Wake up now and then to notice a parent that died without saying goodbye.
            if not self.request.poll(0.5):
                if os.getppid() != self.parent_pid:
                    return
                continue
            try:
                request = self.request.recv()
            except EOFError:
                return
            if request[0] == 'shutdown':
                self.reply.send(('#RETURN', None))
                return
            reply = self.handle(request)
            try:
                self.reply.send(reply)
            except Exception as e:
                # The result could not be pickled: tell the caller why.
                self.reply.send(('#ERROR', e))

    def handle(self, request):
        try:
            if request[0] == 'create':
                _, typeid, args, kwds = request
                callable = self.registry[typeid]
                obj = callable(*args, **kwds)
                ident = '%x' % self.next_id
                self.next_id += 1
                self.objects[ident] = obj
                return ('#RETURN', ident)
            if request[0] == 'call':
                _, ident, methodname, args, kwds = request
                obj = self.objects[ident]
                if methodname == '#GETVALUE':
                    return ('#RETURN', obj)
                if methodname == '__getattribute__' and isinstance(obj, Namespace):
                    return ('#RETURN', getattr(obj, args[0]))
                if methodname == '__setattr__' and isinstance(obj, Namespace):
                    setattr(obj, args[0], args[1])
                    return ('#RETURN', None)
                if methodname == '__delattr__' and isinstance(obj, Namespace):
                    delattr(obj, args[0])
                    return ('#RETURN', None)
                result = getattr(obj, methodname)(*args, **kwds)
                if methodname in ('keys', 'values', 'items'):
                    result = list(result)
                if methodname in ('acquire', 'wait') and result is False:
                    return ('#WOULDBLOCK', None)
                return ('#RETURN', result)
            if request[0] == 'str':
                return ('#RETURN', str(self.objects[request[1]]))
            if request[0] == 'repr':
                return ('#RETURN', repr(self.objects[request[1]]))
            raise ValueError('unknown request %r' % (request[0],))
        except (queue.Empty, queue.Full) as e:
            return ('#WOULDBLOCK', type(e).__name__)
        except Exception as e:
            return ('#ERROR', e)


#
# The client side
#

_channels = {}      # address -> _Channel, inherited by forked children


class _Channel(object):
    '''The two pipes to a manager process and the lock that keeps request/reply pairs whole.'''

    def __init__(self, address, request_fd, reply_fd, lock):
        self.address = address
        self.request = connection.Connection(request_fd, readable=False)
        self.reply = connection.Connection(reply_fd, writable=False)
        self.lock = lock

    def __reduce__(self):
        # Only while spawning a process: the child inherits the two descriptors (the
        # connections pickle themselves that way) and reopens the lock by name.
        return (_rebuild_channel, (self.address, self.request, self.reply, self.lock))

    def call(self, request):
        with self.lock:
            self.request.send(request)
            kind, result = self.reply.recv()
        if kind == '#ERROR':
            raise result
        return kind, result


def _rebuild_channel(address, request, reply, lock):
    channel = _channels.get(address)
    if channel is None:
        channel = _Channel.__new__(_Channel)
        channel.address, channel.request, channel.reply, channel.lock = \
            address, request, reply, lock
        _channels[address] = channel
    return channel


class BaseProxy(object):
    '''
    A base for proxies of shared objects
    '''

    def __init__(self, token, serializer=None, manager=None, authkey=None, exposed=None,
                 incref=True, manager_owned=False):
        self._token = token
        self._id = token.id
        self._manager = manager

    def _channel(self):
        try:
            return _channels[self._token.address]
        except KeyError:
            raise ProcessError('the manager of this proxy is not running (gilpy shares '
                               'managers with forked children only)') from None

    def _callmethod(self, methodname, args=(), kwds={}):
        '''
        Try to call a method of the referent and return a copy of the result
        '''
        kind, result = self._channel().call(('call', self._id, methodname, args, kwds))
        if kind == '#WOULDBLOCK':
            raise _WouldBlock(result)
        return result

    def _waitmethod(self, methodname, args, timeout, timeout_result):
        '''Call a non-blocking method until it succeeds or the timeout passes: the server
        never blocks, so the waiting happens here, with growing pauses between attempts.'''
        deadline = None if timeout is None else time.monotonic() + timeout
        delay = 0.0005
        while True:
            try:
                return self._callmethod(methodname, args)
            except _WouldBlock as e:
                if deadline is not None and time.monotonic() >= deadline:
                    return timeout_result(e)
            time.sleep(delay)
            delay = min(delay * 2, 0.02)

    def _getvalue(self):
        '''
        Get a copy of the value of the referent
        '''
        return self._callmethod('#GETVALUE')

    def __reduce__(self):
        if get_spawning_popen() is not None:
            # A spawned child is a fresh interpreter: send the channel along.
            return (RebuildProxy, (type(self), self._token, self._channel()))
        return (RebuildProxy, (type(self), self._token))

    def __deepcopy__(self, memo):
        return self._getvalue()

    def __repr__(self):
        return '<%s object, typeid %r at %#x>' % \
               (type(self).__name__, self._token.typeid, id(self))

    def __str__(self):
        '''
        Return representation of the referent (or a fall-back if that fails)
        '''
        try:
            return self._channel().call(('str', self._id))[1]
        except Exception:
            return repr(self)[:-1] + "; '__str__()' failed>"


def RebuildProxy(proxytype, token, channel=None):
    '''
    Function used for unpickling proxy objects.
    '''
    return proxytype(token)


class ValueProxy(BaseProxy):
    def get(self):
        return self._callmethod('get')

    def set(self, value):
        return self._callmethod('set', (value,))

    value = property(get, set)


def _forward(name):
    def method(self, *args, **kwds):
        return self._callmethod(name, args, kwds)
    method.__name__ = name
    return method


def MakeProxyType(name, exposed):
    '''
    Return a proxy type whose methods are given by `exposed`
    '''
    namespace = {}
    for meth in exposed:
        namespace[meth] = _forward(meth)
    ProxyType = type(name, (BaseProxy,), namespace)
    ProxyType._exposed_ = tuple(exposed)
    return ProxyType


class IteratorProxy(BaseProxy):
    pass


class NamespaceProxy(BaseProxy):
    _exposed_ = ('__getattribute__', '__setattr__', '__delattr__')

    def __getattr__(self, key):
        if key[0] == '_':
            return object.__getattribute__(self, key)
        return self._callmethod('__getattribute__', (key,))

    def __setattr__(self, key, value):
        if key[0] == '_':
            return object.__setattr__(self, key, value)
        return self._callmethod('__setattr__', (key, value))

    def __delattr__(self, key):
        if key[0] == '_':
            return object.__delattr__(self, key)
        return self._callmethod('__delattr__', (key,))


BaseListProxy = MakeProxyType('BaseListProxy', (
    '__add__', '__contains__', '__delitem__', '__getitem__', '__len__',
    '__mul__', '__reversed__', '__rmul__', '__setitem__',
    'append', 'count', 'extend', 'index', 'insert', 'pop', 'remove',
    'reverse', 'sort', '__imul__'
    ))


class ListProxy(BaseListProxy):
    def __iadd__(self, value):
        self._callmethod('extend', (value,))
        return self

    def __imul__(self, value):
        self._callmethod('__imul__', (value,))
        return self

    def __iter__(self):
        return iter(self._getvalue())


_BaseDictProxy = MakeProxyType('DictProxy', (
    '__contains__', '__delitem__', '__getitem__', '__len__',
    '__setitem__', 'clear', 'copy', 'get', 'items',
    'keys', 'pop', 'popitem', 'setdefault', 'update', 'values'
    ))


class DictProxy(_BaseDictProxy):
    def keys(self):
        return list(self._callmethod('keys'))

    def values(self):
        return list(self._callmethod('values'))

    def items(self):
        return list(self._callmethod('items'))

    def __iter__(self):
        return iter(self.keys())


class AcquirerProxy(BaseProxy):
    _exposed_ = ('acquire', 'release')

    def acquire(self, blocking=True, timeout=None):
        if not blocking:
            try:
                return self._callmethod('acquire', (False,))
            except _WouldBlock:
                return False
        if timeout is not None and timeout < 0:
            timeout = None
        return self._waitmethod('acquire', (False,), timeout, lambda e: False)

    def release(self):
        return self._callmethod('release')

    def __enter__(self):
        return self.acquire()

    def __exit__(self, exc_type, exc_val, exc_tb):
        return self._callmethod('release')


class EventProxy(BaseProxy):
    _exposed_ = ('is_set', 'set', 'clear', 'wait')

    def is_set(self):
        return self._callmethod('is_set')

    def set(self):
        return self._callmethod('set')

    def clear(self):
        return self._callmethod('clear')

    def wait(self, timeout=None):
        return self._waitmethod('wait', (0,), timeout, lambda e: False)


class QueueProxy(BaseProxy):
    _exposed_ = ('empty', 'full', 'get', 'get_nowait', 'join', 'put', 'put_nowait',
                 'qsize', 'task_done')

    def put(self, item, block=True, timeout=None):
        if not block:
            return self.put_nowait(item)
        return self._waitmethod('put_nowait', (item,), timeout, self._raise(queue.Full))

    def get(self, block=True, timeout=None):
        if not block:
            return self.get_nowait()
        return self._waitmethod('get_nowait', (), timeout, self._raise(queue.Empty))

    @staticmethod
    def _raise(exc_type):
        def timed_out(e):
            raise exc_type
        return timed_out

    def put_nowait(self, item):
        try:
            return self._callmethod('put_nowait', (item,))
        except _WouldBlock:
            raise queue.Full from None

    def get_nowait(self):
        try:
            return self._callmethod('get_nowait')
        except _WouldBlock:
            raise queue.Empty from None

    def qsize(self):
        return self._callmethod('qsize')

    def empty(self):
        return self._callmethod('empty')

    def full(self):
        return self._callmethod('full')

    def task_done(self):
        return self._callmethod('task_done')

    def join(self):
        delay = 0.0005
        while self._callmethod('_unfinished'):
            time.sleep(delay)
            delay = min(delay * 2, 0.02)


class _JoinableQueue(queue.Queue):
    '''queue.Queue plus a way to ask, without blocking, whether join() would wait.'''
    def _unfinished(self):
        return self.unfinished_tasks


class _NonBlockingEvent(threading.Event):
    def wait(self, timeout=None):
        return self.is_set()


#
# Managers
#

class BaseManager(object):
    '''
    Base class for managers
    '''
    _registry = {}

    def __init__(self, address=None, authkey=None, serializer='pickle', ctx=None, *,
                 shutdown_timeout=1.0):
        if authkey is None:
            authkey = process.current_process().authkey
        self._address = address
        self._authkey = process.AuthenticationString(authkey)
        self._state = None
        self._ctx = ctx or _default_ctx()
        self._shutdown_timeout = shutdown_timeout
        self._process = None
        self._channel = None

    @property
    def address(self):
        return self._address

    def get_server(self):
        raise NotImplementedError('gilpy managers run only in their own process (start())')

    def connect(self):
        raise NotImplementedError('gilpy managers cannot connect to a remote address yet')

    def start(self, initializer=None, initargs=()):
        '''
        Spawn a server process for this manager object
        '''
        if self._state == 'started':
            raise ProcessError("Already started server")
        if self._state == 'shutdown':
            raise ProcessError("Manager has shut down")
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')

        request_r, request_w = os.pipe()
        reply_r, reply_w = os.pipe()
        self._address = '/gilpy-manager-%d-%s' % (os.getpid(), os.urandom(4).hex())
        # The server is always forked: it needs nothing from the main module, and its pipe
        # ends are plain descriptor numbers. (The lock comes from the manager's own context, so
        # with 'spawn' it can be reopened by name in spawned children.)
        from .context import _concrete_contexts
        self._process = _concrete_contexts['fork'].Process(
            target=type(self)._run_server,
            args=(self._registry, request_r, reply_w, request_w, reply_r,
                  initializer, initargs),
        )
        ident = ':'.join(str(i) for i in self._process._identity)
        self._process.name = type(self).__name__ + '-' + ident
        self._process.start()
        os.close(request_r)
        os.close(reply_w)
        self._channel = _Channel(self._address, request_w, reply_r, self._ctx.Lock())
        _channels[self._address] = self._channel
        self._state = 'started'
        self.shutdown = util.Finalize(
            self, type(self)._finalize_manager,
            args=(self._process, self._channel, self._shutdown_timeout),
            exitpriority=0
            )

    @classmethod
    def _run_server(cls, registry, request_r, reply_w, request_w, reply_r,
                    initializer=None, initargs=()):
        '''
        Create a server, report its address and run it
        '''
        os.close(request_w)
        os.close(reply_r)
        if initializer is not None:
            initializer(*initargs)
        server = _Server(registry, request_r, reply_w)
        server.serve_forever()

    def _create(self, typeid, /, *args, **kwds):
        '''
        Create a new shared object; return the token
        '''
        if self._state != 'started':
            raise ProcessError("Manager has not been started")
        kind, ident = self._channel.call(('create', typeid, args, kwds))
        return Token(typeid, self._address, ident)

    def join(self, timeout=None):
        '''
        Join the manager process (if it has been spawned)
        '''
        if self._process is not None:
            self._process.join(timeout)
            if not self._process.is_alive():
                self._process = None

    def __enter__(self):
        if self._state is None:
            self.start()
        if self._state == 'shutdown':
            raise ProcessError("Unable to start server")
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown()

    @staticmethod
    def _finalize_manager(process, channel, shutdown_timeout):
        '''
        Shutdown the manager process; will be registered as a finalizer
        '''
        if process.is_alive():
            try:
                channel.call(('shutdown',))
            except Exception:
                pass
            process.join(timeout=shutdown_timeout)
            if process.is_alive():
                process.terminate()
                process.join(timeout=shutdown_timeout)
                if process.is_alive():
                    process.kill()
                    process.join()
        channel.request.close()
        channel.reply.close()
        _channels.pop(channel.address, None)

    @classmethod
    def register(cls, typeid, callable=None, proxytype=None, exposed=None,
                 method_to_typeid=None, create_method=True):
        '''
        Register a typeid with the manager type
        '''
        if '_registry' not in cls.__dict__:
            cls._registry = cls._registry.copy()
        if proxytype is None:
            proxytype = AutoProxy(exposed or ())
        cls._registry[typeid] = callable

        if create_method:
            def temp(self, /, *args, **kwds):
                util.debug('requesting creation of a shared %r object', typeid)
                token = self._create(typeid, *args, **kwds)
                proxy = proxytype(token, manager=self)
                return proxy
            temp.__name__ = typeid
            setattr(cls, typeid, temp)


def AutoProxy(exposed):
    return MakeProxyType('AutoProxy', exposed)


def _default_ctx():
    from . import context
    return context._default_context.get_context()


class SyncManager(BaseManager):
    '''
    Subclass of `BaseManager` which supports a number of shared object types.
    '''


SyncManager.register('Queue', queue.Queue, QueueProxy)
SyncManager.register('JoinableQueue', _JoinableQueue, QueueProxy)
SyncManager.register('Event', _NonBlockingEvent, EventProxy)
SyncManager.register('Lock', threading.Lock, AcquirerProxy)
SyncManager.register('RLock', threading.Lock, AcquirerProxy)
SyncManager.register('Semaphore', threading.Semaphore, AcquirerProxy)
SyncManager.register('BoundedSemaphore', threading.BoundedSemaphore, AcquirerProxy)
SyncManager.register('Namespace', Namespace, NamespaceProxy)
SyncManager.register('Value', Value, ValueProxy)
SyncManager.register('Array', Array, ListProxy)
SyncManager.register('list', list, ListProxy)
SyncManager.register('dict', dict, DictProxy)
