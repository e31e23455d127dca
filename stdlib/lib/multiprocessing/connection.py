#
# Connections: message channels between processes, over OS pipes or sockets.
#
# A message is a 4-byte big-endian length followed by that many bytes; send() pickles an
# object and sends the bytes, recv() reads one whole message and unpickles it. Pipe() makes
# a pair of connected Connections. Listener/Client make them over a socket: a Listener
# listens on an address (a path for 'AF_UNIX', (host, port) for 'AF_INET') and accept()
# returns a Connection for each Client(address) that connects. wait() blocks on several
# connections (or process sentinels) at once with select.select, releasing the GIL while it
# sleeps.
#
# Adapted for gilpy from CPython 3.11's multiprocessing/connection.py. Difference: the
# authkey of Listener/Client is accepted but not checked (the HMAC challenge needs the hmac
# module, which gilpy does not have yet).
#

__all__ = ['Client', 'Listener', 'Pipe', 'wait', 'Connection']

import os
import sys
import time
import itertools
import socket

from . import util
from . import reduction
from .context import get_spawning_popen

_ForkingPickler = reduction.ForkingPickler

BUFSIZE = 8192


class AuthenticationError(Exception):
    pass


def _write_all(fd, buf):
    '''Write every byte of buf to fd; os.write may write only part of it.'''
    view = buf
    remaining = len(buf)
    while remaining > 0:
        n = os.write(fd, view)
        remaining -= n
        if remaining == 0:
            break
        view = view[n:]


class Connection(object):
    '''One end of a Pipe(). It reads from one file descriptor and writes to another (the same
    one for a socket; two different pipe ends here, since a pipe only goes one way).'''
    _rfd = None
    _wfd = None

    def __init__(self, handle, readable=True, writable=True, write_handle=None):
        if not readable and not writable:
            raise ValueError(
                "at least one of `readable` and `writable` must be True")
        handle = handle.__index__()
        if handle < 0:
            raise ValueError("invalid handle")
        self._handle = handle
        self._rfd = handle if readable else None
        if writable:
            self._wfd = write_handle if write_handle is not None else handle
        self._readable = readable
        self._writable = writable

    def __del__(self):
        if self._handle is not None:
            self._close()

    def _check_closed(self):
        if self._handle is None:
            raise OSError("handle is closed")

    def _check_readable(self):
        if not self._readable:
            raise OSError("connection is write-only")

    def _check_writable(self):
        if not self._writable:
            raise OSError("connection is read-only")

    def _bad_message_length(self):
        if self._writable:
            self._readable = False
        else:
            self.close()
        raise OSError("bad message length")

    @property
    def closed(self):
        """True if the connection is closed"""
        return self._handle is None

    @property
    def readable(self):
        """True if the connection is readable"""
        return self._readable

    @property
    def writable(self):
        """True if the connection is writable"""
        return self._writable

    def fileno(self):
        """File descriptor or handle of the connection"""
        self._check_closed()
        return self._handle

    def _close(self):
        fds = set()
        if self._rfd is not None:
            fds.add(self._rfd)
        if self._wfd is not None:
            fds.add(self._wfd)
        for fd in fds:
            try:
                os.close(fd)
            except OSError:
                pass
        self._rfd = self._wfd = None

    def close(self):
        """Close the connection"""
        if self._handle is not None:
            try:
                self._close()
            finally:
                self._handle = None

    # -- sending -----------------------------------------------------------------------------

    def send_bytes(self, buf, offset=0, size=None):
        """Send the bytes data from a bytes-like object"""
        self._check_closed()
        self._check_writable()
        m = bytes(buf)
        n = len(m)
        if offset < 0:
            raise ValueError("offset is negative")
        if n < offset:
            raise ValueError("buffer length < offset")
        if size is None:
            size = n - offset
        elif size < 0:
            raise ValueError("size is negative")
        elif offset + size > n:
            raise ValueError("buffer length < offset + size")
        self._send_bytes(m[offset:offset + size])

    def send(self, obj):
        """Send a (picklable) object"""
        self._check_closed()
        self._check_writable()
        self._send_bytes(_ForkingPickler.dumps(obj))

    def _send_bytes(self, buf):
        # One write for small messages keeps the header and the body together (a pipe write
        # of at most PIPE_BUF bytes is atomic, which matters when processes share a pipe).
        header = len(buf).to_bytes(4, 'big')
        if len(buf) <= 16384:
            _write_all(self._wfd, header + buf)
        else:
            _write_all(self._wfd, header)
            _write_all(self._wfd, buf)

    # -- receiving ---------------------------------------------------------------------------

    def _recv(self, size):
        chunks = []
        remaining = size
        fd = self._rfd
        while remaining > 0:
            chunk = os.read(fd, remaining if remaining < 1048576 else 1048576)
            n = len(chunk)
            if n == 0:
                if remaining == size:
                    raise EOFError
                else:
                    raise OSError("got end of file during message")
            chunks.append(chunk)
            remaining -= n
        return chunks[0] if len(chunks) == 1 else b''.join(chunks)

    def _recv_bytes(self, maxsize=None):
        size = int.from_bytes(self._recv(4), 'big')
        if maxsize is not None and size > maxsize:
            return None
        if size == 0:
            return b''
        return self._recv(size)

    def recv_bytes(self, maxlength=None):
        """Receive bytes data as a bytes object."""
        self._check_closed()
        self._check_readable()
        if maxlength is not None and maxlength < 0:
            raise ValueError("negative maxlength")
        buf = self._recv_bytes(maxlength)
        if buf is None:
            self._bad_message_length()
        return buf

    def recv(self):
        """Receive a (picklable) object"""
        self._check_closed()
        self._check_readable()
        return _ForkingPickler.loads(self._recv_bytes())

    def poll(self, timeout=0.0):
        """Whether there is any input available to be read"""
        self._check_closed()
        self._check_readable()
        return self._poll(timeout)

    def _poll(self, timeout):
        r = wait([self], timeout)
        return bool(r)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, exc_tb):
        self.close()

    def __repr__(self):
        return '<%s.%s handle=%r>' % (type(self).__module__, type(self).__qualname__,
                                      self._handle)


def Pipe(duplex=True):
    '''
    Returns pair of connection objects at either end of a pipe
    '''
    if duplex:
        # Two one-way pipes make one two-way channel.
        r1, w1 = os.pipe()
        r2, w2 = os.pipe()
        c1 = Connection(r1, write_handle=w2)
        c2 = Connection(r2, write_handle=w1)
    else:
        fd1, fd2 = os.pipe()
        c1 = Connection(fd1, writable=False)
        c2 = Connection(fd2, readable=False)
    return c1, c2


#
# Listener and Client: connections over a socket
#

BACKLOG = 1
families = ['AF_UNIX', 'AF_INET']
default_family = 'AF_UNIX'

_listener_counter = itertools.count()


def arbitrary_address(family):
    '''
    Return an arbitrary free address for the given family
    '''
    unique = '%d-%d-%s' % (os.getpid(), next(_listener_counter), os.urandom(4).hex())
    if family == 'AF_INET':
        return ('localhost', 0)
    elif family == 'AF_UNIX':
        return os.path.join(util.get_temp_dir(), 'listener-' + unique)
    elif family == 'AF_PIPE':
        return '\\\\.\\pipe\\pyc-' + unique     # Windows only: rejected below
    else:
        raise ValueError('unrecognized family')


def _validate_family(family):
    if family not in families:
        raise ValueError('Family %s is not recognized.' % family)


def address_type(address):
    '''
    Return the types of the address

    This can be 'AF_INET', 'AF_UNIX', or 'AF_PIPE'
    '''
    if type(address) == tuple:
        return 'AF_INET'
    if type(address) is str and address.startswith('\\\\'):
        return 'AF_PIPE'
    if type(address) is str or util.is_abstract_socket_namespace(address):
        return 'AF_UNIX'
    raise ValueError('address type of %r unrecognized' % address)


class Listener(object):
    '''
    Returns a listener object.

    This is a wrapper for a bound socket which is 'listening' for
    connections, or for a Windows named pipe.
    '''
    def __init__(self, address=None, family=None, backlog=1, authkey=None):
        family = family or (address and address_type(address)) or default_family
        address = address or arbitrary_address(family)
        _validate_family(family)
        if authkey is not None and not isinstance(authkey, bytes):
            raise TypeError('authkey should be a byte string')
        self._listener = SocketListener(address, family, backlog)
        self._authkey = authkey

    def accept(self):
        '''
        Accept a connection on the bound socket or named pipe of `self`.

        Returns a `Connection` object.
        '''
        if self._listener is None:
            raise OSError('listener is closed')
        return self._listener.accept()

    def close(self):
        '''
        Close the bound socket or named pipe of `self`.
        '''
        listener = self._listener
        if listener is not None:
            self._listener = None
            listener.close()

    @property
    def address(self):
        return self._listener._address

    @property
    def last_accepted(self):
        return self._listener._last_accepted

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, exc_tb):
        self.close()


def Client(address, family=None, authkey=None):
    '''
    Returns a connection to the address of a `Listener`
    '''
    family = family or address_type(address)
    _validate_family(family)
    if authkey is not None and not isinstance(authkey, bytes):
        raise TypeError('authkey should be a byte string')
    return SocketClient(address)


class SocketListener(object):
    '''
    Representation of a socket which is bound to an address and listening
    '''
    def __init__(self, address, family, backlog=1):
        self._socket = socket.socket(getattr(socket, family))
        try:
            # A server restarted at once may bind again while old connections linger.
            self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            self._socket.setblocking(True)
            self._socket.bind(address)
            self._socket.listen(backlog)
            self._address = self._socket.getsockname()
        except OSError:
            self._socket.close()
            raise
        self._family = family
        self._last_accepted = None

        if family == 'AF_UNIX' and not util.is_abstract_socket_namespace(address):
            # The socket file outlives the socket: remove it when the listener closes, or
            # at the latest when this process exits.
            self._unlink = util.Finalize(self, os.unlink, args=(address,), exitpriority=0)
        else:
            self._unlink = None

    def accept(self):
        s, self._last_accepted = self._socket.accept()
        s.setblocking(True)
        return Connection(s.detach())

    def close(self):
        try:
            self._socket.close()
        finally:
            unlink = self._unlink
            if unlink is not None:
                self._unlink = None
                try:
                    unlink()
                except FileNotFoundError:
                    pass


def SocketClient(address):
    '''
    Return a connection object connected to the socket given by `address`
    '''
    family = address_type(address)
    with socket.socket(getattr(socket, family)) as s:
        s.setblocking(True)
        s.connect(address)
        return Connection(s.detach())


#
# wait(): block until one of several connections or sentinels is ready
#

def _fileno_of(o):
    if isinstance(o, int):
        return o
    if isinstance(o, Connection):
        return o._rfd
    return o.fileno()


def wait(object_list, timeout=None):
    '''
    Wait till an object in object_list is ready/readable.

    Returns list of those objects in object_list which are ready/readable.
    '''
    import select
    if not object_list:
        if timeout is not None:
            time.sleep(timeout)
        return []
    fds = {}
    for o in object_list:
        fds.setdefault(_fileno_of(o), []).append(o)
    if timeout is not None:
        deadline = time.monotonic() + timeout
    while True:
        try:
            ready, _, _ = select.select(list(fds), [], [], timeout)
        except InterruptedError:
            ready = []
        if ready:
            result = []
            for fd in ready:
                result.extend(fds[fd])
            # keep the caller's order
            return [o for o in object_list if o in result]
        if timeout is not None:
            timeout = deadline - time.monotonic()
            if timeout < 0:
                return []


#
# Make connection objects picklable for the 'spawn' start method: the child inherits the
# descriptors under the same numbers.
#

def reduce_connection(conn):
    popen = get_spawning_popen()
    if popen is None:
        raise TypeError('gilpy can pickle a Connection only while spawning a process')
    for fd in (conn._rfd, conn._wfd):
        if fd is not None:
            popen.duplicate_for_child(fd)   # keep it open across exec in the child
    return rebuild_connection, (conn._handle, conn._rfd, conn._wfd, conn._readable,
                                conn._writable)


def rebuild_connection(handle, rfd, wfd, readable, writable):
    c = Connection(handle, readable, writable, write_handle=wfd)
    return c


Connection.__reduce__ = reduce_connection
