#
# Managers: a server process that owns ordinary Python objects (a dict, a list, a queue, a
# lock...) and lets other processes use them through proxies.
#
# A proxy holds no data. `d[k] = v` on a DictProxy pickles ('call', id, '__setitem__', (k, v))
# and sends it to the manager process, which runs the method on the real dict and sends back
# the result (or the exception). That is why managers are slower than Value/Array, and why they
# can share any picklable object.
#
# The manager process listens on a Unix socket in a private temporary directory
# (multiprocessing.connection.Listener). Each thread of each process that uses a proxy opens
# its own connection to it, and the manager serves every connection in a thread of its own;
# a request and its reply travel over that connection. So a call that waits (Queue.get,
# Lock.acquire, Event.wait) simply waits in its server thread, with the GIL released, while
# the other threads keep serving everybody else; and the server thread of a connection stands
# for the client thread at the other end, which is what makes Manager().RLock() re-entrant:
# its owner is the thread that serves the calling client thread. A process started later
# (fork or spawn, a Pool worker...) connects by the socket's path, carried in the proxy's
# token. At shutdown the socket file and its directory are removed.
#
# Written for gilpy after CPython 3.11's multiprocessing/managers.py (same public API for the
# pieces it has: dict, list, Queue, JoinableQueue, Lock, RLock, Semaphore, BoundedSemaphore,
# Condition, Event, Barrier, Value, Array, Namespace; BaseManager.register, get_server and
# connect). Differences: the authkey is not checked (see connection.py); shared objects live
# until the manager shuts down (no reference counting of proxies).
#

__all__ = ['BaseManager', 'SyncManager', 'BaseProxy', 'Token', 'Namespace']

import os
import sys
import signal
import threading
import queue
from traceback import format_exc

from . import connection
from . import util
from .context import BaseContext, ProcessError
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


def public_methods(obj):
    '''
    Return a list of names of methods of `obj` which do not start with '_'
    '''
    return [name for name in dir(obj)
            if name[0] != '_' and callable(getattr(obj, name, None))]

#
# The server: the manager process's side
#

class Server(object):
    '''
    Owns the shared objects and serves every client connection in a thread of its own.
    '''

    def __init__(self, registry, address, authkey, serializer='pickle', watch_parent=False):
        if not isinstance(authkey, bytes):
            raise TypeError(
                "Authkey {0!r} is type {1!s}, not bytes".format(authkey, type(authkey)))
        self.registry = registry
        self.authkey = process.AuthenticationString(authkey)
        self.listener = connection.Listener(address=address, backlog=128, authkey=authkey)
        self.address = self.listener.address
        self.id_to_obj = {}
        self.next_id = 1
        self.mutex = threading.Lock()
        self.stop_event = threading.Event()
        # A manager started by start() also stops when the process that started it is gone
        # (killed without a chance to shut it down), rather than serve nobody forever.
        self.parent_pid = os.getppid() if watch_parent else None

    def serve_forever(self):
        '''
        Run the server forever
        '''
        process.current_process()._manager_server = self
        accepter = threading.Thread(target=self.accepter, daemon=True)
        accepter.start()
        try:
            while not self.stop_event.wait(0.5):
                if self.parent_pid is not None and os.getppid() != self.parent_pid:
                    break
        except (KeyboardInterrupt, SystemExit):
            pass
        finally:
            # Closing the listener removes the socket file; the threads that serve clients
            # are daemon threads and end with the process.
            self.listener.close()

    def accepter(self):
        while True:
            try:
                conn = self.listener.accept()
            except (OSError, AttributeError):
                return      # the listener was closed: the server is stopping
            t = threading.Thread(target=self.serve_client, args=(conn,), daemon=True)
            t.start()

    def serve_client(self, conn):
        '''
        Handle the requests of one client connection (one thread of one process) until it
        closes; the calls it makes run in this thread, which may wait.
        '''
        try:
            while not self.stop_event.is_set():
                try:
                    data = conn.recv_bytes()
                except (EOFError, OSError):
                    return
                try:
                    request = connection._ForkingPickler.loads(data)
                except Exception as e:
                    reply = ('#ERROR', e)
                else:
                    if request[0] == 'shutdown':
                        conn.send(('#RETURN', None))
                        self.stop_event.set()
                        return
                    reply = self.handle_request(request)
                if not self.send_reply(conn, reply):
                    return
        finally:
            conn.close()

    def send_reply(self, conn, reply):
        '''Send reply; if it cannot be pickled, tell the client why. False when the
        connection is gone.'''
        try:
            conn.send(reply)
            return True
        except (OSError, EOFError):
            return False
        except Exception as e:
            try:
                conn.send(('#ERROR', e))
            except (OSError, EOFError):
                return False
            except Exception:
                conn.send(('#UNSERIALIZABLE', format_exc()))
            return True

    def handle_request(self, request):
        try:
            kind = request[0]
            if kind == 'create':
                _, typeid, args, kwds = request
                callable, exposed = self.registry[typeid]
                obj = callable(*args, **kwds)
                if exposed is None:
                    exposed = public_methods(obj)
                with self.mutex:
                    ident = '%x' % self.next_id
                    self.next_id += 1
                    self.id_to_obj[ident] = obj
                return ('#RETURN', (ident, tuple(exposed)))
            if kind == 'call':
                _, ident, methodname, args, kwds = request
                obj = self.id_to_obj[ident]
                if methodname == '#GETVALUE':
                    return ('#RETURN', obj)
                result = getattr(obj, methodname)(*args, **kwds)
                if methodname in ('keys', 'values', 'items'):
                    result = list(result)
                return ('#RETURN', result)
            if kind == 'str':
                return ('#RETURN', str(self.id_to_obj[request[1]]))
            if kind == 'repr':
                return ('#RETURN', repr(self.id_to_obj[request[1]]))
            if kind == 'get_methods':
                return ('#RETURN', tuple(public_methods(self.id_to_obj[request[1]])))
            if kind == 'dummy':
                return ('#RETURN', None)
            raise ValueError('unknown request %r' % (kind,))
        except Exception as e:
            return ('#ERROR', e)


#
# The client side: one connection per (process, thread, manager address)
#

class _ThreadConnections(threading.local):
    '''The calling thread's open connections to managers, by address. A child made by fork
    inherits the forking thread's dictionary; those connections belong to the parent (the
    manager serves them as the parent's thread), so the child opens its own.'''

    def __init__(self):
        self.pid = os.getpid()
        self.by_address = {}

    def get(self, address, authkey):
        if self.pid != os.getpid():
            self.pid = os.getpid()
            self.by_address = {}
        conn = self.by_address.get(address)
        if conn is None:
            conn = connection.Client(address, authkey=authkey)
            self.by_address[address] = conn
        return conn

    def forget(self, address):
        conn = self.by_address.pop(address, None)
        if conn is not None and self.pid == os.getpid():
            conn.close()


_connections = _ThreadConnections()


def dispatch(address, request, authkey=None):
    '''
    Send a request to the manager at `address` over this thread's connection and return
    the result (or raise the exception the call raised in the manager)
    '''
    conn = _connections.get(address, authkey)
    try:
        conn.send(request)
        data = conn.recv_bytes()
    except BaseException:
        # The reply may still be on its way (Ctrl-C while waiting, say): this connection is
        # out of step, so the next call opens a new one.
        _connections.forget(address)
        raise
    kind, result = connection._ForkingPickler.loads(data)
    if kind == '#RETURN':
        return result
    if kind == '#ERROR':
        raise result
    if kind == '#UNSERIALIZABLE':
        raise RemoteError(result)
    raise ValueError('Unrecognized message type %r' % (kind,))


class BaseProxy(object):
    '''
    A base for proxies of shared objects
    '''

    def __init__(self, token, serializer='pickle', manager=None, authkey=None, exposed=None,
                 incref=True, manager_owned=False):
        self._token = token
        self._id = token.id
        self._manager = manager
        self._serializer = serializer
        if authkey is not None:
            self._authkey = process.AuthenticationString(authkey)
        elif manager is not None:
            self._authkey = manager._authkey
        else:
            self._authkey = process.current_process().authkey
        self._owned_by_manager = manager_owned

    def _callmethod(self, methodname, args=(), kwds={}):
        '''
        Try to call a method of the referent and return a copy of the result
        '''
        return dispatch(self._token.address, ('call', self._id, methodname, args, kwds),
                        self._authkey)

    def _getvalue(self):
        '''
        Get a copy of the value of the referent
        '''
        return self._callmethod('#GETVALUE')

    def __reduce__(self):
        kwds = {}
        if getattr(self, '_isauto', False):
            kwds['exposed'] = self._exposed_
            return (RebuildProxy, (AutoProxy, self._token, self._serializer, kwds))
        return (RebuildProxy, (type(self), self._token, self._serializer, kwds))

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
            return dispatch(self._token.address, ('repr', self._id), self._authkey)
        except Exception:
            return repr(self)[:-1] + "; '__str__()' failed>"


def RebuildProxy(func, token, serializer, kwds):
    '''
    Function used for unpickling proxy objects.
    '''
    return func(token, serializer, **kwds)

#
# Proxy types
#

def _forward(name):
    def method(self, /, *args, **kwds):
        return self._callmethod(name, args, kwds)
    method.__name__ = name
    return method


_proxy_type_cache = {}


def MakeProxyType(name, exposed, _cache=_proxy_type_cache):
    '''
    Return a proxy type whose methods are given by `exposed`
    '''
    exposed = tuple(exposed)
    try:
        return _cache[(name, exposed)]
    except KeyError:
        pass
    namespace = {}
    for meth in exposed:
        namespace[meth] = _forward(meth)
    ProxyType = type(name, (BaseProxy,), namespace)
    ProxyType._exposed_ = exposed
    _cache[(name, exposed)] = ProxyType
    return ProxyType


def AutoProxy(token, serializer='pickle', manager=None, authkey=None, exposed=None,
              incref=True, manager_owned=False):
    '''
    Return an auto-proxy for `token`: its methods are the referent's public methods
    '''
    if exposed is None:
        exposed = dispatch(token.address, ('get_methods', token.id), authkey)
    ProxyType = MakeProxyType('AutoProxy[%s]' % token.typeid, exposed)
    proxy = ProxyType(token, serializer, manager=manager, authkey=authkey,
                      manager_owned=manager_owned)
    proxy._isauto = True
    return proxy


class IteratorProxy(BaseProxy):
    _exposed_ = ('__next__', 'send', 'throw', 'close')

    def __iter__(self):
        return self

    def __next__(self, *args):
        return self._callmethod('__next__', args)

    def send(self, *args):
        return self._callmethod('send', args)

    def throw(self, *args):
        return self._callmethod('throw', args)

    def close(self, *args):
        return self._callmethod('close', args)


class AcquirerProxy(BaseProxy):
    _exposed_ = ('acquire', 'release')

    def acquire(self, blocking=True, timeout=None):
        args = (blocking,) if timeout is None else (blocking, timeout)
        return self._callmethod('acquire', args)

    def release(self):
        return self._callmethod('release')

    def __enter__(self):
        return self._callmethod('acquire')

    def __exit__(self, exc_type, exc_val, exc_tb):
        return self._callmethod('release')


class ConditionProxy(AcquirerProxy):
    _exposed_ = ('acquire', 'release', 'wait', 'notify', 'notify_all')

    def wait(self, timeout=None):
        return self._callmethod('wait', (timeout,))

    def notify(self, n=1):
        return self._callmethod('notify', (n,))

    def notify_all(self):
        return self._callmethod('notify_all')

    def wait_for(self, predicate, timeout=None):
        # The same loop as a process-shared Condition's, over this proxy's wait(). Imported
        # here, as context.py imports synchronize: only when it is needed.
        from .synchronize import wait_for_predicate
        return wait_for_predicate(self, predicate, timeout)


class EventProxy(BaseProxy):
    _exposed_ = ('is_set', 'set', 'clear', 'wait')

    def is_set(self):
        return self._callmethod('is_set')

    def set(self):
        return self._callmethod('set')

    def clear(self):
        return self._callmethod('clear')

    def wait(self, timeout=None):
        return self._callmethod('wait', (timeout,))


class BarrierProxy(BaseProxy):
    _exposed_ = ('__getattribute__', 'wait', 'abort', 'reset')

    def wait(self, timeout=None):
        return self._callmethod('wait', (timeout,))

    def abort(self):
        return self._callmethod('abort')

    def reset(self):
        return self._callmethod('reset')

    @property
    def parties(self):
        return self._callmethod('__getattribute__', ('parties',))

    @property
    def n_waiting(self):
        return self._callmethod('__getattribute__', ('n_waiting',))

    @property
    def broken(self):
        return self._callmethod('__getattribute__', ('broken',))


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


class ValueProxy(BaseProxy):
    _exposed_ = ('get', 'set')

    def get(self):
        return self._callmethod('get')

    def set(self, value):
        return self._callmethod('set', (value,))

    value = property(get, set)


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
    def __iter__(self):
        return iter(self._callmethod('keys'))


ArrayProxy = MakeProxyType('ArrayProxy', (
    '__len__', '__getitem__', '__setitem__'
    ))


BasePoolProxy = MakeProxyType('PoolProxy', (
    'apply', 'apply_async', 'close', 'imap', 'imap_unordered', 'join',
    'map', 'map_async', 'starmap', 'starmap_async', 'terminate',
    ))


#
# Managers
#

class _State(object):
    '''The manager's state, shared with its shutdown finalizer.'''
    __slots__ = ['value']
    INITIAL = 0
    STARTED = 1
    SHUTDOWN = 2

    def __init__(self):
        self.value = _State.INITIAL


class BaseManager(object):
    '''
    Base class for managers
    '''
    _registry = {}
    _Server = Server

    def __init__(self, address=None, authkey=None, serializer='pickle', ctx=None, *,
                 shutdown_timeout=1.0):
        if authkey is None:
            authkey = process.current_process().authkey
        self._address = address     # the real one once the server listens (port 0...)
        self._authkey = process.AuthenticationString(authkey)
        self._state = _State()
        self._serializer = serializer
        self._ctx = ctx or _default_ctx()
        self._shutdown_timeout = shutdown_timeout
        self._process = None

    @property
    def address(self):
        return self._address

    def _check_not_started(self):
        '''
        Raise ProcessError unless the manager is new, neither started nor shut down:
        only a new manager can get_server() or start()
        '''
        if self._state.value != _State.INITIAL:
            if self._state.value == _State.STARTED:
                raise ProcessError("Already started server")
            elif self._state.value == _State.SHUTDOWN:
                raise ProcessError("Manager has shut down")
            else:
                raise ProcessError(
                    "Unknown state {!r}".format(self._state.value))

    def get_server(self):
        '''
        Return server object with serve_forever() method and address attribute
        '''
        self._check_not_started()
        return self._Server(self._registry, self._address, self._authkey, self._serializer)

    def connect(self):
        '''
        Connect manager object to the server process
        '''
        dispatch(self._address, ('dummy',), self._authkey)
        self._state.value = _State.STARTED

    def start(self, initializer=None, initargs=()):
        '''
        Spawn a server process for this manager object
        '''
        self._check_not_started()
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')

        # The socket lives in a directory of its own, which shutdown removes with it.
        tempdir = None
        address = self._address
        if address is None:
            tempdir = util.make_temp_dir(prefix='pymp-')
            address = os.path.join(tempdir, 'listener-' + os.urandom(4).hex())

        # The server reports its final address (or why it could not start) over a pipe once
        # it listens. It is always forked: it needs nothing from the main module.
        reader, writer = connection.Pipe(duplex=False)
        from .context import _concrete_contexts
        self._process = _concrete_contexts['fork'].Process(
            target=type(self)._run_server,
            args=(self._registry, address, self._authkey, self._serializer, writer,
                  initializer, initargs),
        )
        ident = ':'.join(str(i) for i in self._process._identity)
        self._process.name = type(self).__name__ + '-' + ident
        self._process.start()
        writer.close()
        try:
            status, value = reader.recv()
        except EOFError:
            status, value = '#ERROR', ProcessError('the manager process died while starting')
        finally:
            reader.close()
        if status == '#ERROR':
            self._process.join()
            if tempdir is not None:
                _remove_socket_dir(tempdir)
            raise value
        self._address = value
        self._state.value = _State.STARTED
        self.shutdown = util.Finalize(
            self, type(self)._finalize_manager,
            args=(self._process, self._address, self._authkey, self._state,
                  self._shutdown_timeout, tempdir),
            exitpriority=0
            )

    @classmethod
    def _run_server(cls, registry, address, authkey, serializer, writer,
                    initializer=None, initargs=()):
        '''
        Create a server, report its address and run it
        '''
        # Ctrl-C in a terminal reaches the whole process group: the manager keeps serving
        # until the process that started it shuts it down.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        if initializer is not None:
            initializer(*initargs)
        try:
            server = cls._Server(registry, address, authkey, serializer, watch_parent=True)
        except Exception as e:
            writer.send(('#ERROR', e))
            writer.close()
            return
        writer.send(('#RETURN', server.address))
        writer.close()
        server.serve_forever()

    def _create(self, typeid, /, *args, **kwds):
        '''
        Create a new shared object; return the token and exposed tuple
        '''
        if self._state.value != _State.STARTED:
            raise ProcessError("Manager has not been started")
        ident, exposed = dispatch(self._address, ('create', typeid, args, kwds), self._authkey)
        return Token(typeid, self._address, ident), exposed

    def join(self, timeout=None):
        '''
        Join the manager process (if it has been spawned)
        '''
        if self._process is not None:
            self._process.join(timeout)
            if not self._process.is_alive():
                self._process = None

    def __enter__(self):
        if self._state.value == _State.INITIAL:
            self.start()
        if self._state.value != _State.STARTED:
            raise ProcessError("Unable to start server")
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown()

    @staticmethod
    def _finalize_manager(process, address, authkey, state, shutdown_timeout, tempdir):
        '''
        Shutdown the manager process; will be registered as a finalizer
        '''
        _connections.forget(address)
        if process.is_alive():
            try:
                conn = connection.Client(address, authkey=authkey)
                try:
                    conn.send(('shutdown',))
                    conn.recv()
                finally:
                    conn.close()
            except Exception:
                pass
            process.join(timeout=shutdown_timeout)
            if process.is_alive():
                process.terminate()
                process.join(timeout=shutdown_timeout)
                if process.is_alive():
                    process.kill()
                    process.join()
        state.value = _State.SHUTDOWN
        if tempdir is not None:
            # The server removes its socket file as it stops; a server that had to be
            # killed could not.
            _remove_socket_dir(tempdir)

    @classmethod
    def register(cls, typeid, callable=None, proxytype=None, exposed=None,
                 method_to_typeid=None, create_method=True):
        '''
        Register a typeid with the manager type
        '''
        if '_registry' not in cls.__dict__:
            cls._registry = cls._registry.copy()
        if proxytype is None:
            proxytype = AutoProxy
        exposed = exposed or getattr(proxytype, '_exposed_', None)
        cls._registry[typeid] = (callable, exposed)

        if create_method:
            def temp(self, /, *args, **kwds):
                util.debug('requesting creation of a shared %r object', typeid)
                token, exp = self._create(typeid, *args, **kwds)
                proxy = proxytype(token, self._serializer, manager=self,
                                  authkey=self._authkey, exposed=exp)
                return proxy
            temp.__name__ = typeid
            setattr(cls, typeid, temp)


def _remove_socket_dir(tempdir):
    try:
        util.rmtree(tempdir)
    except FileNotFoundError:
        pass


def _default_ctx():
    from . import context
    return context._default_context.get_context()


class SyncManager(BaseManager):
    '''
    Subclass of `BaseManager` which supports a number of shared object types.

    The types registered are those intended for the synchronization
    of threads, plus `dict`, `list` and `Namespace`.

    The `multiprocessing.Manager()` function creates started instances of
    this class.
    '''


SyncManager.register('Queue', queue.Queue)
SyncManager.register('JoinableQueue', queue.Queue)
SyncManager.register('Event', threading.Event, EventProxy)
SyncManager.register('Lock', threading.Lock, AcquirerProxy)
SyncManager.register('RLock', threading.RLock, AcquirerProxy)
SyncManager.register('Semaphore', threading.Semaphore, AcquirerProxy)
SyncManager.register('BoundedSemaphore', threading.BoundedSemaphore, AcquirerProxy)
SyncManager.register('Condition', threading.Condition, ConditionProxy)
SyncManager.register('Barrier', threading.Barrier, BarrierProxy)
SyncManager.register('Namespace', Namespace, NamespaceProxy)
SyncManager.register('Value', Value, ValueProxy)
SyncManager.register('Array', Array, ListProxy)
SyncManager.register('list', list, ListProxy)
SyncManager.register('dict', dict, DictProxy)
