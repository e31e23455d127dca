/* mod_socket.c: the _socket module, the C half of `socket` (stdlib/lib/socket.py is the
 * other half, as in CPython): the socket type over BSD sockets (AF_UNIX, AF_INET,
 * AF_INET6; stream and datagram), the module's function table and its constants. Addresses,
 * name resolution and IP address text are in socket_addr.c; mod_socket.h shares this file's
 * error and argument helpers with it.
 *
 * Every call that can wait (accept, connect, recv, send, getaddrinfo...) releases the GIL
 * around its system call (vm/threads.h), so a thread blocked on a socket lets the others
 * run. Timeouts work as CPython's: a socket with a timeout is put in non-blocking mode and
 * each call first waits (poll, GIL released) until the socket is ready or the time is up,
 * which raises TimeoutError('timed out'). A signal that interrupts a call runs its Python
 * handler (or raises KeyboardInterrupt) and the call is retried (PEP 475). */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stddef.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "args.h"
#include "bytes.h"
#include "class.h"
#include "dict.h"
#include "errors.h"
#include "exceptions.h"
#include "float.h"
#include "int.h"
#include "memory.h"
#include "mod_socket.h"
#include "module.h"
#include "modules.h"
#include "socket_addr.h"
#include "str.h"
#include "threads.h"
#include "tuple.h"

/* listen()'s default backlog, as CPython's: min(SOMAXCONN, 128). */
#define DEFAULT_BACKLOG (SOMAXCONN < 128 ? SOMAXCONN : 128)

typedef struct SocketObject {
    Object base;
    int fd;         /* -1 once closed or detached */
    int family;     /* AF_UNIX, AF_INET, AF_INET6... */
    int type;       /* SOCK_STREAM, SOCK_DGRAM... (without SOCK_NONBLOCK/SOCK_CLOEXEC) */
    int proto;
    double timeout; /* seconds; < 0: block without limit (None); 0: never block */
} SocketObject;

extern TypeObject SocketType;

/* setdefaulttimeout()'s value (< 0: None), given to every new socket. Read and written
 * only with the GIL held. */
static double default_timeout = -1.0;

/* socket.gaierror and socket.herror: classes made when the module is imported. The module
 * holds them too; these strong references let socket methods raise them. */
static Object *gaierror_class;
static Object *herror_class;

static double now_seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* ================================================================ errors */

static void raise_timeout(void) { err_set_string(&ExcTimeoutError, "timed out"); }

/* Raise the OSError subclass for errno value `err`. Always -1. */
int socket_raise_errno(int err) {
    errno = err;
    err_from_errno(NULL);
    return -1;
}

/* Raise socket.gaierror(code, message) for a getaddrinfo() failure (or the OSError of
 * errno when the failure is EAI_SYSTEM). Always -1. */
int socket_raise_gaierror(int code, int saved_errno) {
    if (code == EAI_SYSTEM) {
        return socket_raise_errno(saved_errno);
    }
    Object *args[2] = {small_int_make(code), str_from_cstr(gai_strerror(code))};
    if (args[1] == NULL) {
        return -1;
    }
    Object *exc = obj_call(gaierror_class, args, 2, NULL);
    DECREF(args[1]);
    if (exc != NULL) {
        err_set_exception(exc);
        DECREF(exc);
    }
    return -1;
}

/* ================================================================ waiting */

/* Wait until `fd` is readable (or writable) or the monotonic `deadline` passes (< 0: no
 * limit), with the GIL released. 1: ready; 0: timed out; -1 with an exception (a signal
 * handler raised, Ctrl-C, or poll failed). A closed socket (fd < 0) counts as ready, so
 * the call that follows reports EBADF as CPython does. */
static int wait_ready(int fd, bool writing, double deadline) {
    if (fd < 0) {
        return 1;
    }
    struct pollfd p = {.fd = fd, .events = writing ? POLLOUT : POLLIN, .revents = 0};
    for (;;) {
        int ms = -1;
        if (deadline >= 0) {
            double left_ms = ceil((deadline - now_seconds()) * 1000.0);
            ms = left_ms <= 0 ? 0 : left_ms >= INT_MAX ? INT_MAX : (int)left_ms;
        }
        ThreadState *ts = threads_blocking_begin(BLOCK_IO);
        int r = poll(&p, 1, ms);
        int err = errno;
        threads_blocking_end(ts);
        if (r > 0) {
            return 1;
        }
        if (r == 0) {
            if (ms == 0) {
                return 0;
            }
            continue; /* woke up a little early: poll once more with what is left */
        }
        if (err != EINTR) {
            return socket_raise_errno(err);
        }
        if (threads_check_interrupt() < 0) {
            return -1;
        }
    }
}

/* ================================================================ blocking calls
 *
 * Each system call a method makes is a small function over a SockCall, run by sock_call()
 * without the GIL: it reads only the plain C fields below, never an object. */

typedef struct SockCall {
    int fd;
    int flags;                    /* MSG_* */
    const char *data;             /* send, sendto: what to send (a bytes object's buffer) */
    char *buf;                    /* recv, recvfrom: where to receive */
    size_t size;                  /* bytes to send, or room in buf */
    struct sockaddr_storage addr; /* sendto: destination; recvfrom, accept: the peer */
    socklen_t addrlen;
    ssize_t result;               /* bytes sent or received; accept: the new descriptor */
} SockCall;

/* One system call: true on success, false with errno set. */
typedef bool (*SockSyscall)(SockCall *c);

static bool syscall_recv(SockCall *c) {
    c->result = recv(c->fd, c->buf, c->size, c->flags);
    return c->result >= 0;
}

static bool syscall_recvfrom(SockCall *c) {
    c->addrlen = sizeof c->addr;
    memset(&c->addr, 0, sizeof c->addr);
    c->result = recvfrom(c->fd, c->buf, c->size, c->flags, (struct sockaddr *)&c->addr,
                         &c->addrlen);
    return c->result >= 0;
}

static bool syscall_send(SockCall *c) {
    c->result = send(c->fd, c->data, c->size, c->flags);
    return c->result >= 0;
}

static bool syscall_sendto(SockCall *c) {
    c->result = sendto(c->fd, c->data, c->size, c->flags, (struct sockaddr *)&c->addr,
                       c->addrlen);
    return c->result >= 0;
}

static bool syscall_accept(SockCall *c) {
    c->addrlen = sizeof c->addr;
    memset(&c->addr, 0, sizeof c->addr);
    c->result = accept4(c->fd, (struct sockaddr *)&c->addr, &c->addrlen, SOCK_CLOEXEC);
    return c->result >= 0;
}

/* The end of a connect() that went on asynchronously: its outcome is SO_ERROR. */
static bool syscall_connect_finished(SockCall *c) {
    int err = 0;
    socklen_t len = sizeof err;
    if (getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &err, &len) < 0) {
        return false;
    }
    if (err == 0 || err == EISCONN) {
        return true;
    }
    errno = err;
    return false;
}

/* Run `syscall` for socket s with the GIL released, as CPython's sock_call_ex does. With
 * a timeout (> 0 seconds), first wait until the socket is ready (writing: writable, else
 * readable) or raise TimeoutError; `connecting` waits even without a timeout (a connect()
 * interrupted by a signal goes on in the background). A call interrupted by a signal runs
 * the Python handlers and is retried; a readiness that proves false (EAGAIN) waits again.
 * Returns 0 on success and -1 with an exception. When err is not NULL (connect_ex), an
 * OS error or the timeout instead returns -2 with *err set (EWOULDBLOCK for the timeout). */
static int sock_call(SocketObject *s, bool writing, SockSyscall syscall, SockCall *c,
                     bool connecting, double timeout, int *err) {
    bool has_timeout = timeout > 0;
    double deadline = has_timeout ? now_seconds() + timeout : -1;
    c->fd = s->fd;
    for (;;) {
        if (has_timeout || connecting) {
            int ready = wait_ready(s->fd, writing, deadline);
            if (ready < 0) {
                return -1;
            }
            if (ready == 0) {
                if (err != NULL) {
                    *err = EWOULDBLOCK;
                    return -2;
                }
                raise_timeout();
                return -1;
            }
        }
        int e;
        for (;;) {
            ThreadState *ts = threads_blocking_begin(BLOCK_IO);
            bool ok = syscall(c);
            e = errno;
            threads_blocking_end(ts);
            if (ok) {
                return 0;
            }
            if (e != EINTR) {
                break;
            }
            if (threads_check_interrupt() < 0) {
                return -1;
            }
        }
        if (has_timeout && (e == EWOULDBLOCK || e == EAGAIN)) {
            continue; /* poll said ready but it was not: wait again */
        }
        if (err != NULL) {
            *err = e;
            return -2;
        }
        return socket_raise_errno(e);
    }
}

/* ================================================================ arguments */

/* An integer argument through __index__ (int_to_i64 itself wants a real int), with
 * CPython's "Python int too large to convert to C long". */
int socket_index_arg(Object *v, int64_t *out) {
    Object *i = obj_index(v);
    if (i == NULL) {
        return -1;
    }
    int rc = int_to_i64(i, out);
    DECREF(i);
    return rc;
}

/* A C int argument, converted as CPython's "i" format does (same messages). */
int socket_int_arg(Object *v, int *out) {
    int64_t n;
    if (socket_index_arg(v, &n) < 0) {
        return -1;
    }
    if (n > INT_MAX || n < INT_MIN) {
        err_format(&ExcOverflowError, n > INT_MAX ? "signed integer is greater than maximum"
                                                  : "signed integer is less than minimum");
        return -1;
    }
    *out = (int)n;
    return 0;
}

/* An optional int argument: `fallback` when absent. */
int socket_optional_int(Object *v, int fallback, int *out) {
    if (v == NULL) {
        *out = fallback;
        return 0;
    }
    return socket_int_arg(v, out);
}

/* The bytes argument of send/sendall/sendto, inet_ntop and inet_ntoa (gilpy has no bytearray
 * or memoryview). */
int socket_bytes_arg(Object *v) {
    if (!bytes_check(v)) {
        err_format(&ExcTypeError, "a bytes-like object is required, not '%.200s'",
                   obj_type_name(v));
        return -1;
    }
    return 0;
}

/* The argument count of a function CPython parses with PyArg_ParseTuple, with its
 * messages: "recv() takes at most 2 arguments (3 given)". (Methods CPython declares with
 * one argument or none use args_count with the qualified name: "socket.bind".) */
int socket_tuple_count(const char *fname, size_t nargs, size_t min, size_t max) {
    if (nargs >= min && nargs <= max) {
        return 0;
    }
    const char *how = min == max ? "exactly" : nargs < min ? "at least" : "at most";
    size_t n = nargs < min ? min : max;
    err_format(&ExcTypeError, "%s() takes %s %zu argument%s (%zu given)", fname, how, n,
               n == 1 ? "" : "s", nargs);
    return -1;
}

/* A type name as CPython's argument errors spell it ("None" for None). */
const char *socket_arg_type_name(Object *v) {
    return v == None ? "None" : obj_type_name(v);
}


/* ================================================================ the socket object */

static int set_nonblocking(int fd, bool nonblocking) {
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0) {
        return socket_raise_errno(errno);
    }
    int wanted = nonblocking ? flags | O_NONBLOCK : flags & ~O_NONBLOCK;
    if (wanted != flags && fcntl(fd, F_SETFL, wanted) < 0) {
        return socket_raise_errno(errno);
    }
    return 0;
}

/* Give socket s its descriptor and description, with the default timeout (or none at
 * all when `type` asks for SOCK_NONBLOCK), as CPython's init_sockobject. */
static int sock_setup(SocketObject *s, int fd, int family, int type, int proto) {
    s->fd = fd;
    s->family = family;
    s->type = type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
    s->proto = proto;
    if (type & SOCK_NONBLOCK) {
        s->timeout = 0;
        return 0;
    }
    s->timeout = default_timeout;
    return default_timeout >= 0 ? set_nonblocking(fd, true) : 0;
}

/* A new _socket.socket for descriptor fd (which it owns from now on, even on failure). */
static Object *socket_from_fd(int fd, int family, int type, int proto) {
    SocketObject *s = (SocketObject *)obj_alloc(&SocketType, sizeof(SocketObject));
    if (s == NULL) {
        close(fd);
        return NULL;
    }
    if (sock_setup(s, fd, family, type, proto) < 0) {
        DECREF((Object *)s);
        return NULL;
    }
    return (Object *)s;
}

/* What the description of an existing descriptor `fd` says: family, type, proto (each
 * filled only where it is -1). Fails, as CPython, when fd is not an open socket. */
static int describe_fd(int fd, int *family, int *type, int *proto) {
    struct sockaddr_storage addr;
    socklen_t len = sizeof addr;
    memset(&addr, 0, sizeof addr);
    if (getsockname(fd, (struct sockaddr *)&addr, &len) == 0) {
        if (*family == -1) {
            *family = addr.ss_family;
        }
    } else if (errno == EBADF || errno == ENOTSOCK) {
        return socket_raise_errno(errno);
    }
    len = sizeof(int);
    if (*type == -1 && getsockopt(fd, SOL_SOCKET, SO_TYPE, type, &len) < 0) {
        return socket_raise_errno(errno);
    }
    len = sizeof(int);
    if (*proto == -1 && getsockopt(fd, SOL_SOCKET, SO_PROTOCOL, proto, &len) < 0) {
        return socket_raise_errno(errno);
    }
    return 0;
}

/* socket.__init__(family=-1, type=-1, proto=-1, fileno=None): open a new socket (AF_INET,
 * SOCK_STREAM by default) or wrap the open socket `fileno`. */
static int sock_init(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    static const char *const kwlist[] = {"family", "type", "proto", "fileno", NULL};
    Object *a[4] = {NULL, NULL, NULL, NULL};
    SocketObject *s = (SocketObject *)self;
    int family, type, proto, fd;
    if (args_parse("socket", args, nargs, kwnames, kwlist, 0, a) < 0 ||
        socket_optional_int(a[0], -1, &family) < 0 || socket_optional_int(a[1], -1, &type) < 0 ||
        socket_optional_int(a[2], -1, &proto) < 0) {
        return -1;
    }
    if (a[3] != NULL && a[3] != None) {
        if (socket_int_arg(a[3], &fd) < 0) {
            return -1;
        }
        if (fd < 0) {
            err_set_string(&ExcValueError, "negative file descriptor");
            return -1;
        }
        if (describe_fd(fd, &family, &type, &proto) < 0) {
            return -1;
        }
    } else {
        family = family == -1 ? AF_INET : family;
        type = type == -1 ? SOCK_STREAM : type;
        proto = proto == -1 ? 0 : proto;
        fd = socket(family, type | SOCK_CLOEXEC, proto);
        if (fd < 0) {
            return socket_raise_errno(errno);
        }
    }
    if (s->fd >= 0) {
        close(s->fd); /* __init__ called again on a live socket */
    }
    if (sock_setup(s, fd, family, type, proto) < 0) {
        return -1;
    }
    return 0;
}

/* Calling _socket.socket makes the socket at once; a subclass (socket.socket) gets an
 * empty one that its __init__ fills. */
static Object *sock_new(TypeObject *type, Object *const *args, size_t nargs, Object *kwnames) {
    SocketObject *s = (SocketObject *)obj_alloc(type, type->basic_size);
    if (s == NULL) {
        return NULL;
    }
    s->fd = -1;
    s->timeout = -1;
    if (type == &SocketType && sock_init((Object *)s, args, nargs, kwnames) < 0) {
        DECREF((Object *)s);
        return NULL;
    }
    return (Object *)s;
}

static void sock_dealloc(Object *self) {
    SocketObject *s = (SocketObject *)self;
    if (s->fd >= 0) {
        close(s->fd);
        s->fd = -1;
    }
    obj_free(self);
}

static Object *sock_repr(Object *self) {
    SocketObject *s = (SocketObject *)self;
    return str_from_format("<socket object, fd=%d, family=%d, type=%d, proto=%d>", s->fd,
                           s->family, s->type, s->proto);
}

/* ================================================================ socket methods */

/* The address argument of bind/connect/sendto, converted for socket s. */
static int address_arg(SocketObject *s, Object *addr, const char *caller,
                       struct sockaddr_storage *out, socklen_t *len) {
    return sockaddr_from_object(s->family, addr, caller, out, len);
}

static Object *sock_bind(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    SocketObject *s = (SocketObject *)self;
    struct sockaddr_storage addr;
    socklen_t len;
    if (args_no_keywords("bind", kwnames) < 0 || args_count("socket.bind", nargs, 1, 1) < 0 ||
        address_arg(s, args[0], "bind", &addr, &len) < 0) {
        return NULL;
    }
    if (bind(s->fd, (struct sockaddr *)&addr, len) < 0) {
        socket_raise_errno(errno);
        return NULL;
    }
    return none_ref();
}

static Object *sock_listen(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    SocketObject *s = (SocketObject *)self;
    int backlog = DEFAULT_BACKLOG;
    if (args_no_keywords("listen", kwnames) < 0 || socket_tuple_count("listen", nargs, 0, 1) < 0 ||
        (nargs == 1 && socket_int_arg(args[0], &backlog) < 0)) {
        return NULL;
    }
    if (listen(s->fd, backlog < 0 ? 0 : backlog) < 0) {
        socket_raise_errno(errno);
        return NULL;
    }
    return none_ref();
}

/* _accept() -> (fd, address): socket.socket.accept() wraps fd in a socket object. */
static Object *sock_accept(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    SocketObject *s = (SocketObject *)self;
    if (args_count("socket._accept", nargs, 0, 0) < 0) {
        return NULL;
    }
    SockCall c;
    memset(&c, 0, sizeof c);
    if (sock_call(s, false, syscall_accept, &c, false, s->timeout, NULL) < 0) {
        return NULL;
    }
    int fd = (int)c.result;
    Object *addr = sockaddr_to_object(&c.addr, c.addrlen);
    Object *result = addr != NULL ? tuple_pack(2, small_int_make(fd), addr) : NULL;
    XDECREF(addr);
    if (result == NULL) {
        close(fd);
    }
    return result;
}

/* connect() and connect_ex(), as CPython's internal_connect. Returns 0 with *err the
 * connection's errno (0 on success) when `raise` is false; with `raise`, an OS error is
 * raised instead. -1 with an exception. */
static int sock_connect_common(SocketObject *s, Object *address, const char *caller,
                               bool raise, int *err) {
    struct sockaddr_storage addr;
    socklen_t len;
    *err = 0;
    if (address_arg(s, address, caller, &addr, &len) < 0) {
        return -1;
    }
    ThreadState *ts = threads_blocking_begin(BLOCK_IO);
    int r = connect(s->fd, (struct sockaddr *)&addr, len);
    int e = errno;
    threads_blocking_end(ts);
    if (r == 0) {
        return 0;
    }
    bool wait;
    if (e == EINTR) {
        if (threads_check_interrupt() < 0) {
            return -1;
        }
        /* The connection goes on in the background: a socket that may block waits for its
         * outcome; a non-blocking one reports the EINTR (the caller retries). */
        wait = s->timeout != 0;
    } else {
        wait = s->timeout > 0 && e == EINPROGRESS;
    }
    if (!wait) {
        if (raise) {
            return socket_raise_errno(e);
        }
        *err = e;
        return 0;
    }
    SockCall c;
    memset(&c, 0, sizeof c);
    int rc = sock_call(s, true, syscall_connect_finished, &c, true, s->timeout,
                       raise ? NULL : err);
    return rc == -1 ? -1 : 0;
}

static Object *sock_connect(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    int err;
    if (args_no_keywords("connect", kwnames) < 0 || args_count("socket.connect", nargs, 1, 1) < 0 ||
        sock_connect_common((SocketObject *)self, args[0], "connect", true, &err) < 0) {
        return NULL;
    }
    return none_ref();
}

static Object *sock_connect_ex(Object *self, Object *const *args, size_t nargs,
                               Object *kwnames) {
    int err;
    if (args_no_keywords("connect_ex", kwnames) < 0 ||
        args_count("socket.connect_ex", nargs, 1, 1) < 0 ||
        sock_connect_common((SocketObject *)self, args[0], "connect_ex", false, &err) < 0) {
        return NULL;
    }
    return small_int_make(err);
}

/* Receive at most `bufsize` bytes with recv() or recvfrom(); c->result is the count.
 * Returns the malloc'ed buffer (the caller frees it) or NULL with an exception. */
static char *receive(SocketObject *s, Object *const *args, size_t nargs, Object *kwnames,
                     const char *fname, SockSyscall syscall, SockCall *c) {
    int flags = 0;
    if (args_no_keywords(fname, kwnames) < 0 || socket_tuple_count(fname, nargs, 1, 2) < 0) {
        return NULL;
    }
    int64_t bufsize;
    if (socket_index_arg(args[0], &bufsize) < 0) {
        if (err_matches(&ExcOverflowError)) {
            err_clear();
            err_set_string(&ExcOverflowError, "Python int too large to convert to C ssize_t");
        }
        return NULL;
    }
    if (nargs == 2 && socket_int_arg(args[1], &flags) < 0) {
        return NULL;
    }
    if (bufsize < 0) {
        err_format(&ExcValueError, "negative buffersize in %s", fname);
        return NULL;
    }
    char *buf = mem_alloc((size_t)bufsize + 1);
    if (buf == NULL) {
        return NULL;
    }
    memset(c, 0, sizeof *c);
    c->buf = buf;
    c->size = (size_t)bufsize;
    c->flags = flags;
    if (sock_call(s, false, syscall, c, false, s->timeout, NULL) < 0) {
        mem_free(buf);
        return NULL;
    }
    return buf;
}

static Object *sock_recv(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    SockCall c;
    char *buf = receive((SocketObject *)self, args, nargs, kwnames, "recv", syscall_recv, &c);
    if (buf == NULL) {
        return NULL;
    }
    Object *result = bytes_from_data(buf, (size_t)c.result);
    mem_free(buf);
    return result;
}

static Object *sock_recvfrom(Object *self, Object *const *args, size_t nargs,
                             Object *kwnames) {
    SockCall c;
    char *buf =
        receive((SocketObject *)self, args, nargs, kwnames, "recvfrom", syscall_recvfrom, &c);
    if (buf == NULL) {
        return NULL;
    }
    Object *data = bytes_from_data(buf, (size_t)c.result);
    mem_free(buf);
    Object *addr = data != NULL ? sockaddr_to_object(&c.addr, c.addrlen) : NULL;
    Object *result = addr != NULL ? tuple_pack(2, data, addr) : NULL;
    XDECREF(data);
    XDECREF(addr);
    return result;
}

/* send(data[, flags]) -> number of bytes sent. The bytes object is immutable and the
 * caller holds it, so its buffer stays valid while the GIL is released. */
static Object *sock_send(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    SocketObject *s = (SocketObject *)self;
    SockCall c;
    memset(&c, 0, sizeof c);
    if (args_no_keywords("send", kwnames) < 0 || socket_tuple_count("send", nargs, 1, 2) < 0 ||
        socket_bytes_arg(args[0]) < 0 || (nargs == 2 && socket_int_arg(args[1], &c.flags) < 0)) {
        return NULL;
    }
    c.data = bytes_data(args[0]);
    c.size = bytes_size(args[0]);
    if (sock_call(s, true, syscall_send, &c, false, s->timeout, NULL) < 0) {
        return NULL;
    }
    return int_from_i64(c.result);
}

/* sendall(data[, flags]): send until every byte is gone. The timeout bounds the whole
 * call, not each send() (CPython 3.5+). */
static Object *sock_sendall(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    SocketObject *s = (SocketObject *)self;
    SockCall c;
    memset(&c, 0, sizeof c);
    if (args_no_keywords("sendall", kwnames) < 0 ||
        socket_tuple_count("sendall", nargs, 1, 2) < 0 ||
        socket_bytes_arg(args[0]) < 0 || (nargs == 2 && socket_int_arg(args[1], &c.flags) < 0)) {
        return NULL;
    }
    const char *data = bytes_data(args[0]);
    size_t left = bytes_size(args[0]);
    double deadline = s->timeout > 0 ? now_seconds() + s->timeout : -1;
    do {
        double timeout = s->timeout;
        if (deadline >= 0) {
            timeout = deadline - now_seconds();
            if (timeout <= 0) {
                raise_timeout();
                return NULL;
            }
        }
        c.data = data;
        c.size = left;
        if (sock_call(s, true, syscall_send, &c, false, timeout, NULL) < 0) {
            return NULL;
        }
        data += c.result;
        left -= (size_t)c.result;
        /* send() may return a partial count when a signal arrives: run the handlers now. */
        if (threads_check_interrupt() < 0) {
            return NULL;
        }
    } while (left > 0);
    return none_ref();
}

/* sendto(data[, flags], address) -> number of bytes sent. */
static Object *sock_sendto(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    SocketObject *s = (SocketObject *)self;
    SockCall c;
    memset(&c, 0, sizeof c);
    if (args_no_keywords("sendto", kwnames) < 0) {
        return NULL;
    }
    if (nargs != 2 && nargs != 3) {
        return err_format(&ExcTypeError, "sendto() takes 2 or 3 arguments (%zu given)", nargs);
    }
    Object *address = args[nargs - 1];
    if (socket_bytes_arg(args[0]) < 0 || (nargs == 3 && socket_int_arg(args[1], &c.flags) < 0) ||
        address_arg(s, address, "sendto", &c.addr, &c.addrlen) < 0) {
        return NULL;
    }
    c.data = bytes_data(args[0]);
    c.size = bytes_size(args[0]);
    if (sock_call(s, true, syscall_sendto, &c, false, s->timeout, NULL) < 0) {
        return NULL;
    }
    return int_from_i64(c.result);
}

static Object *sock_shutdown(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    SocketObject *s = (SocketObject *)self;
    int how;
    if (args_no_keywords("shutdown", kwnames) < 0 ||
        args_count("socket.shutdown", nargs, 1, 1) < 0 || socket_int_arg(args[0], &how) < 0) {
        return NULL;
    }
    if (shutdown(s->fd, how) < 0) {
        socket_raise_errno(errno);
        return NULL;
    }
    return none_ref();
}

static Object *sock_close(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    SocketObject *s = (SocketObject *)self;
    if (args_count("socket.close", nargs, 0, 0) < 0) {
        return NULL;
    }
    int fd = s->fd;
    if (fd >= 0) {
        s->fd = -1;
        ThreadState *ts = threads_blocking_begin(BLOCK_IO); /* close() may linger */
        int r = close(fd);
        int e = errno;
        threads_blocking_end(ts);
        /* The descriptor is gone even when close() fails; ECONNRESET only says the peer
         * had reset the connection, which CPython ignores. */
        if (r < 0 && e != ECONNRESET && e != EINTR) {
            socket_raise_errno(e);
            return NULL;
        }
    }
    return none_ref();
}

static Object *sock_detach(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_count("socket.detach", nargs, 0, 0) < 0) {
        return NULL;
    }
    SocketObject *s = (SocketObject *)self;
    int fd = s->fd;
    s->fd = -1;
    return small_int_make(fd);
}

static Object *sock_fileno(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_count("socket.fileno", nargs, 0, 0) < 0) {
        return NULL;
    }
    return small_int_make(((SocketObject *)self)->fd);
}

/* getsockname() / getpeername(). */
static Object *sock_name(SocketObject *s, bool peer) {
    struct sockaddr_storage addr;
    socklen_t len = sizeof addr;
    memset(&addr, 0, sizeof addr);
    int r = peer ? getpeername(s->fd, (struct sockaddr *)&addr, &len)
                 : getsockname(s->fd, (struct sockaddr *)&addr, &len);
    if (r < 0) {
        socket_raise_errno(errno);
        return NULL;
    }
    return sockaddr_to_object(&addr, len);
}

static Object *sock_getsockname(Object *self, Object *const *args, size_t nargs,
                                Object *kwnames) {
    if (args_count("socket.getsockname", nargs, 0, 0) < 0) {
        return NULL;
    }
    return sock_name((SocketObject *)self, false);
}

static Object *sock_getpeername(Object *self, Object *const *args, size_t nargs,
                                Object *kwnames) {
    if (args_count("socket.getpeername", nargs, 0, 0) < 0) {
        return NULL;
    }
    return sock_name((SocketObject *)self, true);
}

/* getsockopt(level, option[, buflen]): an int, or buflen raw bytes. */
static Object *sock_getsockopt(Object *self, Object *const *args, size_t nargs,
                               Object *kwnames) {
    SocketObject *s = (SocketObject *)self;
    int level, option, buflen = 0;
    if (args_no_keywords("getsockopt", kwnames) < 0 ||
        socket_tuple_count("getsockopt", nargs, 2, 3) < 0 ||
        socket_int_arg(args[0], &level) < 0 || socket_int_arg(args[1], &option) < 0 ||
        (nargs == 3 && socket_int_arg(args[2], &buflen) < 0)) {
        return NULL;
    }
    if (nargs < 3) {
        int value = 0;
        socklen_t len = sizeof value;
        if (getsockopt(s->fd, level, option, &value, &len) < 0) {
            socket_raise_errno(errno);
            return NULL;
        }
        return int_from_i64(value);
    }
    if (buflen <= 0 || buflen > 1024) {
        err_set_string(&ExcOSError, "getsockopt buflen out of range");
        return NULL;
    }
    char buf[1024];
    socklen_t len = (socklen_t)buflen;
    memset(buf, 0, sizeof buf);
    if (getsockopt(s->fd, level, option, buf, &len) < 0) {
        socket_raise_errno(errno);
        return NULL;
    }
    return bytes_from_data(buf, len);
}

/* setsockopt(level, option, value): value an int or bytes; or (level, option, None,
 * optlen) for options that take a NULL pointer. */
static Object *sock_setsockopt(Object *self, Object *const *args, size_t nargs,
                               Object *kwnames) {
    SocketObject *s = (SocketObject *)self;
    int level, option;
    /* CPython tries the 3- then the 4-argument forms; a wrong count reports the first. */
    if (args_no_keywords("setsockopt", kwnames) < 0 ||
        (nargs != 3 && nargs != 4 && socket_tuple_count("setsockopt", nargs, 3, 3) < 0) ||
        socket_int_arg(args[0], &level) < 0 || socket_int_arg(args[1], &option) < 0) {
        return NULL;
    }
    int r;
    if (nargs == 4) {
        int optlen;
        if (args[2] != None) {
            return err_format(&ExcTypeError, "setsockopt() argument 3 must be NoneType, not %.200s",
                              obj_type_name(args[2]));
        }
        if (socket_int_arg(args[3], &optlen) < 0) {
            return NULL;
        }
        r = setsockopt(s->fd, level, option, NULL, (socklen_t)optlen);
    } else if (int_check(args[2])) {
        int value;
        if (socket_int_arg(args[2], &value) < 0) {
            return NULL;
        }
        r = setsockopt(s->fd, level, option, &value, sizeof value);
    } else if (bytes_check(args[2])) {
        r = setsockopt(s->fd, level, option, bytes_data(args[2]), (socklen_t)bytes_size(args[2]));
    } else {
        return err_format(&ExcTypeError, "a bytes-like object is required, not '%.200s'",
                          obj_type_name(args[2]));
    }
    if (r < 0) {
        socket_raise_errno(errno);
        return NULL;
    }
    return none_ref();
}

/* Parse a timeout: None -> -1; else a non-negative number of seconds. -2 on error. */
static double timeout_arg(Object *v) {
    if (v == None) {
        return -1;
    }
    double t;
    if (float_check(v)) {
        t = float_value(v);
        if (isnan(t)) {
            err_set_string(&ExcValueError, "Invalid value NaN (not a number)");
            return -2;
        }
    } else if (int_check(v)) {
        t = int_to_double(v);
        if (t == -1.0 && err_occurred()) {
            return -2;
        }
    } else {
        err_format(&ExcTypeError, "'%.200s' object cannot be interpreted as an integer",
                   obj_type_name(v));
        return -2;
    }
    if (fabs(t) > 9223372036.0) { /* CPython keeps timeouts in int64 nanoseconds */
        err_set_string(&ExcOverflowError, "timestamp too large to convert to C _PyTime_t");
        return -2;
    }
    if (t < 0) {
        err_set_string(&ExcValueError, "Timeout value out of range");
        return -2;
    }
    return t;
}

/* Give s a timeout (< 0: none) and the descriptor the matching blocking mode. */
static int set_timeout(SocketObject *s, double timeout) {
    s->timeout = timeout;
    return s->fd >= 0 ? set_nonblocking(s->fd, timeout >= 0) : 0;
}

static Object *sock_settimeout(Object *self, Object *const *args, size_t nargs,
                               Object *kwnames) {
    if (args_no_keywords("settimeout", kwnames) < 0 ||
        args_count("socket.settimeout", nargs, 1, 1) < 0) {
        return NULL;
    }
    double t = timeout_arg(args[0]);
    if (t == -2 || set_timeout((SocketObject *)self, t) < 0) {
        return NULL;
    }
    return none_ref();
}

static Object *timeout_object(double timeout) {
    return timeout < 0 ? none_ref() : float_new(timeout);
}

static Object *sock_gettimeout(Object *self, Object *const *args, size_t nargs,
                               Object *kwnames) {
    if (args_count("socket.gettimeout", nargs, 0, 0) < 0) {
        return NULL;
    }
    return timeout_object(((SocketObject *)self)->timeout);
}

/* setblocking(True) is settimeout(None); setblocking(False) is settimeout(0.0). */
static Object *sock_setblocking(Object *self, Object *const *args, size_t nargs,
                                Object *kwnames) {
    if (args_no_keywords("setblocking", kwnames) < 0 ||
        args_count("socket.setblocking", nargs, 1, 1) < 0) {
        return NULL;
    }
    int64_t flag;
    if (socket_index_arg(args[0], &flag) < 0 ||
        set_timeout((SocketObject *)self, flag ? -1 : 0) < 0) {
        return NULL;
    }
    return none_ref();
}

static Object *sock_getblocking(Object *self, Object *const *args, size_t nargs,
                                Object *kwnames) {
    if (args_count("socket.getblocking", nargs, 0, 0) < 0) {
        return NULL;
    }
    return bool_from(((SocketObject *)self)->timeout != 0);
}

static Object *sock_get_family(Object *self) {
    return small_int_make(((SocketObject *)self)->family);
}

static Object *sock_get_type(Object *self) {
    return small_int_make(((SocketObject *)self)->type);
}

static Object *sock_get_proto(Object *self) {
    return small_int_make(((SocketObject *)self)->proto);
}

static Object *sock_get_timeout(Object *self) {
    return timeout_object(((SocketObject *)self)->timeout);
}

static const MethodDef sock_methods[] = {
    {"_accept", sock_accept, 0, "_accept() -> (integer, address info)"},
    {"bind", sock_bind, 0, "Bind the socket to a local address."},
    {"close", sock_close, 0, "Close the socket."},
    {"connect", sock_connect, 0, "Connect the socket to a remote address."},
    {"connect_ex", sock_connect_ex, 0, "Like connect(address), but return an error code."},
    {"detach", sock_detach, 0, "Close the socket object without closing the descriptor."},
    {"fileno", sock_fileno, 0, "Return the integer file descriptor of the socket."},
    {"getpeername", sock_getpeername, 0, "Return the address of the remote endpoint."},
    {"getsockname", sock_getsockname, 0, "Return the address of the local endpoint."},
    {"getsockopt", sock_getsockopt, 0, "Get a socket option."},
    {"setsockopt", sock_setsockopt, 0, "Set a socket option."},
    {"listen", sock_listen, 0, "Enable a server to accept connections."},
    {"recv", sock_recv, 0, "Receive up to buffersize bytes from the socket."},
    {"recvfrom", sock_recvfrom, 0, "Like recv(buffersize, flags) but also return the sender."},
    {"send", sock_send, 0, "Send a data string to the socket; return the count sent."},
    {"sendall", sock_sendall, 0, "Send a data string to the socket, all of it."},
    {"sendto", sock_sendto, 0, "Like send(data, flags) but to the given address."},
    {"setblocking", sock_setblocking, 0, "Set the socket to blocking (True) or not (False)."},
    {"getblocking", sock_getblocking, 0, "Is the socket in blocking mode?"},
    {"settimeout", sock_settimeout, 0, "Set a timeout on socket operations (None: none)."},
    {"gettimeout", sock_gettimeout, 0, "Return the timeout in seconds, or None."},
    {"shutdown", sock_shutdown, 0, "Shut down the reading side, writing side, or both."},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef sock_getsets[] = {
    {"family", sock_get_family, NULL, "the socket family"},
    {"type", sock_get_type, NULL, "the socket type"},
    {"proto", sock_get_proto, NULL, "the socket protocol"},
    {"timeout", sock_get_timeout, NULL, "the socket timeout"},
    {NULL, NULL, NULL, NULL},
};

TypeObject SocketType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "_socket.socket",
    .basic_size = sizeof(SocketObject),
    .flags = TYPE_FLAG_BASETYPE,
    .dealloc = sock_dealloc,
    .repr = sock_repr,
    .new_instance = sock_new,
    .init = sock_init,
    .methods = sock_methods,
    .getsets = sock_getsets,
    .doc = "socket(family=AF_INET, type=SOCK_STREAM, proto=0) -> socket object",
};

/* ================================================================ module functions */

/* socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0) -> (socket, socket) */
static Object *socket_socketpair(Object *self, Object *const *args, size_t nargs,
                                 Object *kwnames) {
    int family = AF_UNIX, type = SOCK_STREAM, proto = 0;
    if (args_no_keywords("socketpair", kwnames) < 0 ||
        socket_tuple_count("socketpair", nargs, 0, 3) < 0 ||
        (nargs > 0 && socket_int_arg(args[0], &family) < 0) ||
        (nargs > 1 && socket_int_arg(args[1], &type) < 0) ||
        (nargs > 2 && socket_int_arg(args[2], &proto) < 0)) {
        return NULL;
    }
    int fds[2];
    if (socketpair(family, type | SOCK_CLOEXEC, proto, fds) < 0) {
        socket_raise_errno(errno);
        return NULL;
    }
    Object *a = socket_from_fd(fds[0], family, type, proto);
    Object *b = socket_from_fd(fds[1], family, type, proto);
    Object *result = a != NULL && b != NULL ? tuple_pack(2, a, b) : NULL;
    XDECREF(a);
    XDECREF(b);
    return result;
}


static Object *socket_getdefaulttimeout(Object *self, Object *const *args, size_t nargs,
                                        Object *kwnames) {
    return timeout_object(default_timeout);
}

static Object *socket_setdefaulttimeout(Object *self, Object *const *args, size_t nargs,
                                        Object *kwnames) {
    if (args_count("_socket.setdefaulttimeout", nargs, 1, 1) < 0) {
        return NULL;
    }
    double t = timeout_arg(args[0]);
    if (t == -2) {
        return NULL;
    }
    default_timeout = t;
    return none_ref();
}

/* dup(fd) -> a duplicate descriptor (close-on-exec). */
static Object *socket_dup(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    int fd;
    if (args_count("_socket.dup", nargs, 1, 1) < 0 || socket_int_arg(args[0], &fd) < 0) {
        return NULL;
    }
    int r = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (r < 0) {
        socket_raise_errno(errno);
        return NULL;
    }
    return small_int_make(r);
}

static Object *socket_close(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    int fd;
    if (args_count("_socket.close", nargs, 1, 1) < 0 || socket_int_arg(args[0], &fd) < 0) {
        return NULL;
    }
    if (close(fd) < 0 && errno != ECONNRESET && errno != EINTR) {
        socket_raise_errno(errno);
        return NULL;
    }
    return none_ref();
}

/* htons/ntohs: a 16-bit value in the other byte order, with CPython's range errors. */
static Object *swap16(const char *fname, Object *const *args, size_t nargs) {
    int64_t v;
    if (socket_tuple_count(fname, nargs, 1, 1) < 0 || socket_index_arg(args[0], &v) < 0) {
        return NULL;
    }
    if (v < 0) {
        return err_format(&ExcOverflowError,
                          "%s: can't convert negative Python int to C 16-bit unsigned integer",
                          fname);
    }
    if (v > INT32_MAX) {
        return err_format(&ExcOverflowError, "signed integer is greater than maximum");
    }
    if (v > UINT16_MAX) {
        return err_format(&ExcOverflowError,
                          "%s: Python int too large to convert to C 16-bit unsigned integer",
                          fname);
    }
    return small_int_make(ntohs((uint16_t)v)); /* a byte swap either way */
}

/* htonl/ntohl: a 32-bit value in the other byte order. */
static Object *swap32(const char *fname, Object *const *args, size_t nargs) {
    if (args_count(fname, nargs, 1, 1) < 0) { /* fname: "_socket.htonl" */
        return NULL;
    }
    Object *v = args[0];
    if (!int_check(v)) {
        return err_format(&ExcTypeError, "expected int, %.200s found", obj_type_name(v));
    }
    if (int_sign(v) < 0) {
        return err_format(&ExcOverflowError, "can't convert negative value to unsigned int");
    }
    if (int_compare(v, small_int_make(UINT32_MAX)) > 0) {
        Object *ulong_max = int_from_u64(UINT64_MAX);
        if (ulong_max == NULL) {
            return NULL;
        }
        bool huge = int_compare(v, ulong_max) > 0;
        DECREF(ulong_max);
        return err_format(&ExcOverflowError, huge ? "Python int too large to convert to C "
                                                    "unsigned long"
                                                  : "int larger than 32 bits");
    }
    int64_t x;
    if (int_to_i64(v, &x) < 0) {
        return NULL;
    }
    return int_from_u64(ntohl((uint32_t)x));
}

static Object *socket_htons(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return swap16("htons", args, nargs);
}
static Object *socket_ntohs(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return swap16("ntohs", args, nargs);
}
static Object *socket_htonl(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return swap32("_socket.htonl", args, nargs);
}
static Object *socket_ntohl(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return swap32("_socket.ntohl", args, nargs);
}


static const MethodDef socket_functions[] = {
    {"socketpair", socket_socketpair, 0,
     "socketpair([family[, type [, proto]]]) -> (socket, socket)"},
    {"gethostname", socket_gethostname, 0, "Return the current host name."},
    {"gethostbyname", socket_gethostbyname, 0, "Return the IP address (a string) of a host."},
    {"getaddrinfo", socket_getaddrinfo, 0, "Resolve host and port into addrinfo tuples."},
    {"getdefaulttimeout", socket_getdefaulttimeout, 0, "Default timeout of new sockets."},
    {"setdefaulttimeout", socket_setdefaulttimeout, 0, "Set the default timeout of new sockets."},
    {"dup", socket_dup, 0, "Duplicate an integer socket file descriptor."},
    {"close", socket_close, 0, "Close an integer socket file descriptor."},
    {"htons", socket_htons, 0, "Convert a 16-bit integer from host to network byte order."},
    {"ntohs", socket_ntohs, 0, "Convert a 16-bit integer from network to host byte order."},
    {"htonl", socket_htonl, 0, "Convert a 32-bit integer from host to network byte order."},
    {"ntohl", socket_ntohl, 0, "Convert a 32-bit integer from network to host byte order."},
    {"inet_pton", socket_inet_pton, 0, "Convert an IP address from text to packed binary."},
    {"inet_ntop", socket_inet_ntop, 0, "Convert a packed IP address to its text form."},
    {"inet_aton", socket_inet_aton, 0, "Convert an IPv4 address from text to 4 packed bytes."},
    {"inet_ntoa", socket_inet_ntoa, 0, "Convert 4 packed bytes to an IPv4 address string."},
    {NULL, NULL, 0, NULL},
};

/* ================================================================ the module */

/* class `name`(OSError) in module socket (new reference). */
static Object *make_error_class(const char *name) {
    Object *name_obj = str_from_cstr(name);
    Object *bases = tuple_pack(1, (Object *)&ExcOSError);
    Object *ns = dict_new();
    Object *module = str_from_cstr("socket");
    Object *cls = NULL;
    if (name_obj != NULL && bases != NULL && ns != NULL && module != NULL &&
        dict_set_cstr(ns, "__module__", module) == 0) {
        cls = class_new(&TypeType, name_obj, bases, ns, NULL, NULL);
    }
    XDECREF(name_obj);
    XDECREF(bases);
    XDECREF(ns);
    XDECREF(module);
    return cls;
}

typedef struct IntConstant {
    const char *name;
    int64_t value;
} IntConstant;

#define CONSTANT(name) {#name, name}

static const IntConstant socket_constants[] = {
    CONSTANT(AF_UNSPEC), CONSTANT(AF_UNIX), CONSTANT(AF_INET), CONSTANT(AF_INET6),
    CONSTANT(SOCK_STREAM), CONSTANT(SOCK_DGRAM), CONSTANT(SOCK_RAW), CONSTANT(SOCK_RDM),
    CONSTANT(SOCK_SEQPACKET), CONSTANT(SOCK_NONBLOCK), CONSTANT(SOCK_CLOEXEC),
    CONSTANT(SOL_SOCKET), CONSTANT(SOMAXCONN), CONSTANT(SO_REUSEADDR), CONSTANT(SO_REUSEPORT),
    CONSTANT(SO_KEEPALIVE), CONSTANT(SO_BROADCAST), CONSTANT(SO_ERROR), CONSTANT(SO_TYPE),
    CONSTANT(SO_RCVBUF), CONSTANT(SO_SNDBUF), CONSTANT(SO_RCVLOWAT), CONSTANT(SO_SNDLOWAT),
    CONSTANT(SO_RCVTIMEO), CONSTANT(SO_SNDTIMEO), CONSTANT(SO_LINGER), CONSTANT(SO_OOBINLINE),
    CONSTANT(SO_ACCEPTCONN), CONSTANT(SO_DOMAIN), CONSTANT(SO_PROTOCOL), CONSTANT(SO_PASSCRED),
    CONSTANT(SO_PEERCRED), CONSTANT(SO_DONTROUTE),
    CONSTANT(SHUT_RD), CONSTANT(SHUT_WR), CONSTANT(SHUT_RDWR),
    CONSTANT(MSG_PEEK), CONSTANT(MSG_WAITALL), CONSTANT(MSG_DONTWAIT), CONSTANT(MSG_OOB),
    CONSTANT(MSG_NOSIGNAL), CONSTANT(MSG_TRUNC), CONSTANT(MSG_DONTROUTE), CONSTANT(MSG_EOR),
    CONSTANT(IPPROTO_IP), CONSTANT(IPPROTO_TCP), CONSTANT(IPPROTO_UDP), CONSTANT(IPPROTO_IPV6),
    CONSTANT(IPPROTO_ICMP), CONSTANT(IPPROTO_RAW),
    CONSTANT(TCP_NODELAY), CONSTANT(TCP_KEEPIDLE), CONSTANT(TCP_KEEPINTVL), CONSTANT(TCP_KEEPCNT),
    CONSTANT(IP_TOS), CONSTANT(IP_TTL), CONSTANT(IPV6_V6ONLY),
    CONSTANT(INADDR_ANY), CONSTANT(INADDR_BROADCAST), CONSTANT(INADDR_LOOPBACK),
    CONSTANT(INADDR_NONE),
    CONSTANT(AI_PASSIVE), CONSTANT(AI_CANONNAME), CONSTANT(AI_NUMERICHOST),
    CONSTANT(AI_NUMERICSERV), CONSTANT(AI_ADDRCONFIG), CONSTANT(AI_V4MAPPED), CONSTANT(AI_ALL),
    CONSTANT(NI_NUMERICHOST), CONSTANT(NI_NUMERICSERV), CONSTANT(NI_NAMEREQD),
    CONSTANT(NI_NOFQDN), CONSTANT(NI_DGRAM), CONSTANT(NI_MAXHOST), CONSTANT(NI_MAXSERV),
    CONSTANT(EAI_AGAIN), CONSTANT(EAI_BADFLAGS), CONSTANT(EAI_FAIL), CONSTANT(EAI_FAMILY),
    CONSTANT(EAI_MEMORY), CONSTANT(EAI_NODATA), CONSTANT(EAI_NONAME), CONSTANT(EAI_SERVICE),
    CONSTANT(EAI_SOCKTYPE), CONSTANT(EAI_SYSTEM), CONSTANT(EAI_OVERFLOW),
    CONSTANT(EAI_ADDRFAMILY),
};

Object *mod_socket_init(void) {
    if (type_ready(&SocketType) < 0) {
        return NULL;
    }
    Object *m = module_new("_socket");
    if (m == NULL) {
        return NULL;
    }
    if (gaierror_class == NULL) {
        gaierror_class = make_error_class("gaierror");
        herror_class = make_error_class("herror");
    }
    bool ok = gaierror_class != NULL && herror_class != NULL &&
              module_add_functions(m, socket_functions) == 0 &&
              module_add_object(m, "socket", (Object *)&SocketType) == 0 &&
              module_add_object(m, "SocketType", (Object *)&SocketType) == 0 &&
              module_add_object(m, "error", (Object *)&ExcOSError) == 0 &&
              module_add_object(m, "timeout", (Object *)&ExcTimeoutError) == 0 &&
              module_add_object(m, "gaierror", gaierror_class) == 0 &&
              module_add_object(m, "herror", herror_class) == 0 &&
              module_add_object(m, "has_ipv6", True) == 0;
    for (size_t i = 0; ok && i < sizeof socket_constants / sizeof socket_constants[0]; i++) {
        ok = module_add_int(m, socket_constants[i].name, socket_constants[i].value) == 0;
    }
    if (!ok) {
        DECREF(m);
        return NULL;
    }
    return m;
}
