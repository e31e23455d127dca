#
# socket: the Python half of the socket module. The C module _socket (stdlib/mod_socket.c)
# has the socket type and the system calls, each releasing the GIL while it waits; this file
# adds what CPython also writes in Python: the socket class with accept(), makefile(), dup()
# and the `with` statement, the AddressFamily/SocketKind names of the constants, socketpair(),
# create_connection() and create_server().
#
# Written for gilpy after CPython 3.11's Lib/socket.py (same public API for what it has; no
# sendfile, no recv_into: gilpy has no bytearray or memoryview yet).
#

import _socket
from _socket import *

import os

__all__ = ["fromfd", "getfqdn", "create_connection", "create_server",
           "has_dualstack_ipv6", "AddressFamily", "SocketKind"]
__all__.extend(name for name in dir(_socket) if not name.startswith('_'))

_GLOBAL_DEFAULT_TIMEOUT = object()


#
# Named constants. CPython makes AF_INET, SOCK_STREAM... members of IntEnum classes, so
# they print as <AddressFamily.AF_INET: 2> and still are ints. gilpy has no enum module:
# this small int subclass gives the same behaviour.
#

class _NamedInt(int):
    '''An int constant that knows its name: repr <Class.NAME: value>, str and format as an
    int. Class(value) returns the member with that value, or raises ValueError.'''
    _members = None     # value -> member, one dict per subclass
    _names = None       # value -> name

    def __new__(cls, value):
        member = cls._members.get(value)
        if member is None:
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        return member

    @classmethod
    def _add(cls, name, value):
        member = int.__new__(cls, value)
        cls._members.setdefault(value, member)
        cls._names.setdefault(value, name)
        return cls._members[value]

    @property
    def name(self):
        return type(self)._names[int(self)]

    @property
    def value(self):
        return int(self)

    def __repr__(self):
        return '<%s.%s: %d>' % (type(self).__name__, self.name, int(self))

    __str__ = int.__repr__
    __format__ = int.__format__

    def __reduce__(self):
        return (int, (int(self),))


class AddressFamily(_NamedInt):
    _members = {}
    _names = {}


class SocketKind(_NamedInt):
    _members = {}
    _names = {}


class MsgFlag(_NamedInt):
    _members = {}
    _names = {}


class AddressInfo(_NamedInt):
    _members = {}
    _names = {}


def _name_constants():
    '''Replace the int constants of this module by named ones (AF_*, SOCK_*, MSG_*, AI_*).'''
    module = globals()
    for prefix, cls in (('AF_', AddressFamily), ('SOCK_', SocketKind), ('MSG_', MsgFlag),
                        ('AI_', AddressInfo)):
        for name in sorted(n for n in dir(_socket) if n.startswith(prefix)):
            module[name] = cls._add(name, getattr(_socket, name))


_name_constants()


def _intenum_converter(value, enum_klass):
    '''The named constant for value, or value itself when it has no name.'''
    try:
        return enum_klass(value)
    except ValueError:
        return value


#
# The socket class
#

class socket(_socket.socket):
    '''A subclass of _socket.socket adding the makefile() method.'''

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if fileno is None:
            if family == -1:
                family = AF_INET
            if type == -1:
                type = SOCK_STREAM
            if proto == -1:
                proto = 0
        _socket.socket.__init__(self, family, type, proto, fileno)
        self._io_refs = 0
        self._closed = False

    def __enter__(self):
        return self

    def __exit__(self, *args):
        if not self._closed:
            self.close()

    def __repr__(self):
        closed = getattr(self, '_closed', False)
        text = "<%s.%s%s fd=%i, family=%s, type=%s, proto=%i" % (
            self.__class__.__module__, self.__class__.__qualname__,
            " [closed]" if closed else "", self.fileno(), self.family, self.type, self.proto)
        if not closed:
            for label, method in (('laddr', self.getsockname), ('raddr', self.getpeername)):
                try:
                    address = method()
                except error:
                    continue
                if address:
                    text += ", %s=%s" % (label, address)
        return text + '>'

    def __getstate__(self):
        raise TypeError(f"cannot pickle {self.__class__.__name__!r} object")

    def dup(self):
        '''dup() -> socket object: a new socket object on a duplicate of the descriptor.'''
        sock = self.__class__(self.family, self.type, self.proto, fileno=dup(self.fileno()))
        sock.settimeout(self.gettimeout())
        return sock

    def accept(self):
        '''accept() -> (socket object, address info)

        Wait for an incoming connection. Return a new socket representing the connection,
        and the address of the client.'''
        fd, addr = self._accept()
        sock = socket(self.family, self.type, self.proto, fileno=fd)
        # The new descriptor is blocking, whatever this socket's timeout; give it the
        # default timeout's mode.
        if getdefaulttimeout() is None and self.gettimeout():
            sock.setblocking(True)
        return sock, addr

    def makefile(self, mode="r", buffering=None, *, encoding=None, errors=None,
                 newline=None):
        '''makefile(...) -> a file object reading and/or writing the socket.

        The socket stays open until both it and every file made from it are closed.'''
        if not set(mode) <= {"r", "w", "b"}:
            raise ValueError("invalid mode %r (only r, w, b allowed)" % (mode,))
        if "b" in mode:
            if encoding is not None:
                raise ValueError("binary mode doesn't take an encoding argument")
            if errors is not None:
                raise ValueError("binary mode doesn't take an errors argument")
            if newline is not None:
                raise ValueError("binary mode doesn't take a newline argument")
        self._io_refs += 1
        return _SocketFile(self, mode, encoding, errors)

    def _decref_socketios(self):
        if self._io_refs > 0:
            self._io_refs -= 1
        if self._closed:
            self.close()

    def _real_close(self, _ss=_socket.socket):
        _ss.close(self)

    def close(self):
        self._closed = True
        if self._io_refs <= 0:
            self._real_close()

    def detach(self):
        '''detach() -> file descriptor

        Close the socket object without closing the underlying file descriptor.'''
        self._closed = True
        return super().detach()

    @property
    def family(self):
        '''Read-only access to the address family for this socket.'''
        return _intenum_converter(super().family, AddressFamily)

    @property
    def type(self):
        '''Read-only access to the socket type.'''
        return _intenum_converter(super().type, SocketKind)


class _SocketFile(object):
    '''What socket.makefile() returns: a buffered file over the socket. Reads call recv(),
    writes collect data that flush() (and close()) send with sendall(). Text modes decode
    and encode with `encoding` (UTF-8 by default).'''

    _CHUNK = 8192

    def __init__(self, sock, mode, encoding, errors):
        self._sock = sock
        self.mode = mode
        self._binary = "b" in mode
        self._reading = "r" in mode
        self._writing = "w" in mode
        self.encoding = None if self._binary else (encoding or "utf-8")
        self.errors = None if self._binary else (errors or "strict")
        self._rbuf = b""
        self._wbuf = []
        self._eof = False
        self.closed = False

    def _check(self, reading):
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        if reading and not self._reading:
            raise OSError("File not open for reading")
        if not reading and not self._writing:
            raise OSError("File not open for writing")

    def _fill(self):
        '''Receive one more chunk into the read buffer; False at end of stream.'''
        if self._eof:
            return False
        try:
            chunk = self._sock.recv(self._CHUNK)
        except ConnectionResetError:
            chunk = b""
        if not chunk:
            self._eof = True
            return False
        self._rbuf += chunk
        return True

    def _take(self, n):
        data, self._rbuf = self._rbuf[:n], self._rbuf[n:]
        return data

    def _decode(self, data):
        return data if self._binary else data.decode(self.encoding, self.errors)

    def _complete_text(self, n):
        '''How many buffered bytes make whole characters (a UTF-8 sequence may be cut).'''
        if self._binary or self.encoding.lower().replace("-", "") != "utf8" or self._eof:
            return n
        end = n
        while end > 0 and n - end < 4 and (self._rbuf[end - 1] & 0xC0) == 0x80:
            end -= 1
        if end > 0 and self._rbuf[end - 1] >= 0xC0:
            lead = self._rbuf[end - 1]
            size = 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4
            if end - 1 + size > n:
                return end - 1
        return n

    def read(self, size=-1):
        self._check(True)
        if size is None or size < 0:
            while self._fill():
                pass
            return self._decode(self._take(len(self._rbuf)))
        if not self._binary:
            # size counts characters: read until that many are decoded (or the stream ends).
            while True:
                usable = self._complete_text(len(self._rbuf))
                text = self._rbuf[:usable].decode(self.encoding, self.errors)
                if len(text) >= size or not self._fill():
                    break
            text = text[:size]
            self._take(len(text.encode(self.encoding, self.errors)))
            return text
        while len(self._rbuf) < size and self._fill():
            pass
        return self._take(size)

    def readline(self, size=-1):
        self._check(True)
        limit = size if size is not None and size >= 0 else None
        while True:
            end = self._rbuf.find(b"\n")
            if end >= 0:
                count = end + 1
                break
            if limit is not None and self._binary and len(self._rbuf) >= limit:
                count = limit
                break
            if not self._fill():
                count = len(self._rbuf)
                break
        if limit is not None and self._binary:
            count = min(count, limit)
        line = self._decode(self._take(count))
        if limit is not None and len(line) > limit:
            # Text: the line is cut after `limit` characters; the rest stays buffered.
            self._rbuf = line[limit:].encode(self.encoding, self.errors) + self._rbuf
            line = line[:limit]
        return line

    def readlines(self, hint=-1):
        lines = []
        total = 0
        for line in self:
            lines.append(line)
            total += len(line)
            if hint is not None and 0 < hint <= total:
                break
        return lines

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def write(self, data):
        self._check(False)
        if self._binary:
            if not isinstance(data, bytes):
                raise TypeError("a bytes-like object is required, not '%s'"
                                % type(data).__name__)
            self._wbuf.append(data)
        else:
            if not isinstance(data, str):
                raise TypeError("write() argument must be str, not %s" % type(data).__name__)
            self._wbuf.append(data.encode(self.encoding, self.errors))
        return len(data)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        if self._wbuf:
            data = b"".join(self._wbuf)
            self._wbuf = []
            self._sock.sendall(data)

    def readable(self):
        return self._reading

    def writable(self):
        return self._writing

    def seekable(self):
        return False

    def fileno(self):
        return self._sock.fileno()

    @property
    def name(self):
        return self._sock.fileno()

    def close(self):
        if self.closed:
            return
        try:
            if self._writing and self._wbuf:
                self.flush()
        finally:
            self.closed = True
            sock, self._sock = self._sock, None
            sock._decref_socketios()

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def __repr__(self):
        kind = "BufferedIO" if self._binary else "TextIOWrapper"
        return "<%s name=%r mode=%r>" % (kind, self.name if not self.closed else -1, self.mode)


#
# Functions
#

def fromfd(fd, family, type, proto=0):
    '''fromfd(fd, family, type[, proto]) -> socket object

    Create a socket object from a duplicate of the given file descriptor.'''
    return socket(family, type, proto, dup(fd))


def socketpair(family=None, type=SOCK_STREAM, proto=0):
    '''socketpair([family[, type[, proto]]]) -> (socket object, socket object)

    Create a pair of socket objects connected to each other (AF_UNIX by default).'''
    if family is None:
        family = AF_UNIX
    a, b = _socket.socketpair(family, type, proto)
    return (socket(family, type, proto, a.detach()),
            socket(family, type, proto, b.detach()))


def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
    '''Resolve host and port into a list of 5-tuples (family, type, proto, canonname,
    sockaddr) to create and connect a socket.'''
    return [(_intenum_converter(af, AddressFamily), _intenum_converter(kind, SocketKind),
             p, canonname, sockaddr)
            for af, kind, p, canonname, sockaddr in
            _socket.getaddrinfo(host, port, family, type, proto, flags)]


def getfqdn(name=''):
    '''Get a fully qualified domain name (gilpy: the host name, resolved when possible).'''
    name = name.strip()
    if not name or name in ('0.0.0.0', '::'):
        name = gethostname()
    try:
        for *_, canonname, _ in _socket.getaddrinfo(name, None, 0, SOCK_STREAM, 0,
                                                     AI_CANONNAME):
            if canonname:
                return canonname
    except error:
        pass
    return name


def create_connection(address, timeout=_GLOBAL_DEFAULT_TIMEOUT, source_address=None, *,
                      all_errors=False):
    '''Connect to address (host, port) and return the socket object.

    Each address getaddrinfo() gives for host is tried in turn until one connects. The
    error of the last attempt is raised if none does.'''
    host, port = address
    errors = []
    for af, kind, proto, _canonname, sockaddr in getaddrinfo(host, port, 0, SOCK_STREAM):
        sock = None
        try:
            sock = socket(af, kind, proto)
            if timeout is not _GLOBAL_DEFAULT_TIMEOUT:
                sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(sockaddr)
            return sock
        except error as exc:
            if sock is not None:
                sock.close()
            if not all_errors:
                errors = []
            errors.append(exc)
    if not errors:
        raise error("getaddrinfo returns an empty list")
    # (With all_errors CPython raises ExceptionGroup("create_connection failed", errors);
    # gilpy has no ExceptionGroup yet, so it raises the first error.)
    exc = errors[0]
    errors = None
    raise exc


def has_dualstack_ipv6():
    '''Can a socket listen on IPv4 and IPv6 at once?'''
    try:
        with socket(AF_INET6, SOCK_STREAM) as sock:
            sock.setsockopt(IPPROTO_IPV6, IPV6_V6ONLY, 0)
            return True
    except error:
        return False


def create_server(address, *, family=AF_INET, backlog=None, reuse_port=False,
                  dualstack_ipv6=False):
    '''A TCP socket bound to address (host, port) and listening: the shortcut for
    socket(), setsockopt(SO_REUSEADDR), bind() and listen().'''
    if reuse_port and not hasattr(_socket, "SO_REUSEPORT"):
        raise ValueError("SO_REUSEPORT not supported on this platform")
    if dualstack_ipv6:
        if not has_dualstack_ipv6():
            raise ValueError("dualstack_ipv6 not supported on this platform")
        if family != AF_INET6:
            raise ValueError("dualstack_ipv6 requires AF_INET6 family")
    sock = socket(family, SOCK_STREAM)
    try:
        # A server restarted at once may bind again while old connections linger.
        sock.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
        if reuse_port:
            sock.setsockopt(SOL_SOCKET, SO_REUSEPORT, 1)
        if family == AF_INET6:
            sock.setsockopt(IPPROTO_IPV6, IPV6_V6ONLY, 0 if dualstack_ipv6 else 1)
        try:
            sock.bind(address)
        except error as err:
            msg = '%s (while attempting to bind on address %r)' % (err.strerror, address)
            raise error(err.errno, msg) from None
        if backlog is None:
            sock.listen()
        else:
            sock.listen(backlog)
        return sock
    except error:
        sock.close()
        raise
