/* socket_addr.c: socket addresses and host names for the _socket module (mod_socket.c has
 * the socket type and the module table): Python addresses to C sockaddrs and back, as
 * CPython's getsockaddrarg and makesockaddr; name resolution (getaddrinfo, gethostbyname,
 * gethostname); and IP addresses between text and packed bytes (inet_pton, inet_ntoa...).
 * Lookups release the GIL around getaddrinfo(): a slow resolver stalls only its own thread. */
#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "args.h"
#include "bytes.h"
#include "errors.h"
#include "exceptions.h"
#include "int.h"
#include "list.h"
#include "mod_socket.h"
#include "socket_addr.h"
#include "str.h"
#include "threads.h"
#include "tuple.h"

/* ================================================================ addresses */

/* The bytes of a str (its UTF-8) or of a bytes object in *data and *size, borrowed from v;
 * false, with nothing raised, when v is neither (each caller has its own TypeError). */
static bool str_or_bytes_data(Object *v, const char **data, size_t *size) {
    if (str_check(v)) {
        *data = str_utf8(v);
        *size = str_size(v);
    } else if (bytes_check(v)) {
        *data = bytes_data(v);
        *size = bytes_size(v);
    } else {
        return false;
    }
    return true;
}

/* A host argument (str or bytes) as a C string (borrowed from the object, which the
 * caller keeps alive). NULL with CPython's TypeError/ValueError. */
static const char *host_cstr(Object *host) {
    const char *name;
    size_t size;
    if (!str_or_bytes_data(host, &name, &size)) {
        err_format(&ExcTypeError, "str, bytes or bytearray expected, not %.200s",
                   obj_type_name(host));
        return NULL;
    }
    if (strlen(name) != size) {
        err_format(&ExcTypeError, "host name must not contain null character");
        return NULL;
    }
    return name;
}

/* getaddrinfo() with the GIL released. 0, or -1 with gaierror. */
static int getaddrinfo_released(const char *host, const char *port,
                                const struct addrinfo *hints, struct addrinfo **res) {
    ThreadState *ts = threads_blocking_begin(BLOCK_IO);
    int code = getaddrinfo(host, port, hints, res);
    int saved = errno;
    threads_blocking_end(ts);
    return code != 0 ? socket_raise_gaierror(code, saved) : 0;
}

/* Resolve host `name` for address family `family` (AF_INET, AF_INET6 or AF_UNSPEC) into
 * *out (port 0), as CPython's setipaddr: "" is the wildcard address, "<broadcast>" the
 * IPv4 broadcast one, a numeric address is used as it is, anything else is looked up.
 * 0, or -1 with an exception. */
static int resolve_host(const char *name, int family, struct sockaddr_storage *out,
                        socklen_t *outlen) {
    memset(out, 0, sizeof *out);
    struct addrinfo hints, *res = NULL;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = family;
    if (name[0] == '\0') {
        hints.ai_socktype = SOCK_DGRAM; /* only one result per address */
        hints.ai_flags = AI_PASSIVE;
        if (getaddrinfo_released(NULL, "0", &hints, &res) < 0) {
            return -1;
        }
    } else if (strcmp(name, "255.255.255.255") == 0 || strcmp(name, "<broadcast>") == 0) {
        if (family != AF_INET && family != AF_UNSPEC) {
            err_set_string(&ExcOSError, "address family mismatched");
            return -1;
        }
        struct sockaddr_in *sin = (struct sockaddr_in *)out;
        sin->sin_family = AF_INET;
        sin->sin_addr.s_addr = htonl(INADDR_BROADCAST);
        *outlen = sizeof *sin;
        return 0;
    } else {
        struct sockaddr_in *sin = (struct sockaddr_in *)out;
        struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)out;
        if ((family == AF_INET || family == AF_UNSPEC) &&
            inet_pton(AF_INET, name, &sin->sin_addr) == 1) {
            sin->sin_family = AF_INET;
            *outlen = sizeof *sin;
            return 0;
        }
        if ((family == AF_INET6 || family == AF_UNSPEC) && strchr(name, '%') == NULL &&
            inet_pton(AF_INET6, name, &sin6->sin6_addr) == 1) {
            sin6->sin6_family = AF_INET6;
            *outlen = sizeof *sin6;
            return 0;
        }
        if (getaddrinfo_released(name, NULL, &hints, &res) < 0) {
            return -1;
        }
    }
    size_t len = res->ai_addrlen < sizeof *out ? res->ai_addrlen : sizeof *out;
    memcpy(out, res->ai_addr, len);
    *outlen = (socklen_t)len;
    freeaddrinfo(res);
    return 0;
}

/* A port number from an address tuple: 0-65535, else OverflowError naming `caller`. */
static int port_arg(Object *v, const char *caller, int *port) {
    if (socket_int_arg(v, port) < 0) {
        if (err_matches(&ExcOverflowError)) {
            err_clear();
            err_format(&ExcOverflowError, "%s(): port must be 0-65535.", caller);
        }
        return -1;
    }
    if (*port < 0 || *port > 0xffff) {
        err_format(&ExcOverflowError, "%s(): port must be 0-65535.", caller);
        return -1;
    }
    return 0;
}

static int unix_address(Object *addr, struct sockaddr_storage *out, socklen_t *len) {
    const char *path;
    size_t size;
    if (!str_or_bytes_data(addr, &path, &size)) {
        err_format(&ExcTypeError, "a bytes-like object is required, not '%.200s'",
                   obj_type_name(addr));
        return -1;
    }
    struct sockaddr_un *sun = (struct sockaddr_un *)out;
    /* Linux's abstract namespace: an empty name (auto-bind) or one starting with NUL has no
     * terminating NUL; a path needs room for one. */
    bool abstract = size == 0 || path[0] == '\0';
    if (abstract ? size > sizeof sun->sun_path : size >= sizeof sun->sun_path) {
        err_set_string(&ExcOSError, "AF_UNIX path too long");
        return -1;
    }
    sun->sun_family = AF_UNIX;
    memcpy(sun->sun_path, path, size);
    *len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + size + (abstract ? 0 : 1));
    return 0;
}

static int inet_address(Object *addr, const char *caller, struct sockaddr_storage *out,
                        socklen_t *len) {
    if (!tuple_check(addr)) {
        err_format(&ExcTypeError, "%s(): AF_INET address must be tuple, not %.500s", caller,
                   obj_type_name(addr));
        return -1;
    }
    if (tuple_size(addr) != 2) {
        err_format(&ExcTypeError, "AF_INET address must be a pair (host, port)");
        return -1;
    }
    const char *host = host_cstr(tuple_get(addr, 0));
    int port;
    if (host == NULL || port_arg(tuple_get(addr, 1), caller, &port) < 0 ||
        resolve_host(host, AF_INET, out, len) < 0) {
        return -1;
    }
    ((struct sockaddr_in *)out)->sin_port = htons((uint16_t)port);
    return 0;
}

static int inet6_address(Object *addr, const char *caller, struct sockaddr_storage *out,
                         socklen_t *len) {
    if (!tuple_check(addr)) {
        err_format(&ExcTypeError, "%s(): AF_INET6 address must be tuple, not %.500s", caller,
                   obj_type_name(addr));
        return -1;
    }
    size_t n = tuple_size(addr);
    if (n < 2 || n > 4) {
        err_format(&ExcTypeError,
                   "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])");
        return -1;
    }
    const char *host = host_cstr(tuple_get(addr, 0));
    int port;
    int64_t flowinfo = 0, scope_id = 0; /* "I" format: the low 32 bits, as CPython */
    if (host == NULL || port_arg(tuple_get(addr, 1), caller, &port) < 0 ||
        (n > 2 && socket_index_arg(tuple_get(addr, 2), &flowinfo) < 0) ||
        (n > 3 && socket_index_arg(tuple_get(addr, 3), &scope_id) < 0)) {
        return -1;
    }
    flowinfo = (uint32_t)flowinfo;
    if (flowinfo > 0xfffff) {
        err_format(&ExcOverflowError, "%s(): flowinfo must be 0-1048575.", caller);
        return -1;
    }
    if (resolve_host(host, AF_INET6, out, len) < 0) {
        return -1;
    }
    struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)out;
    sin6->sin6_port = htons((uint16_t)port);
    sin6->sin6_flowinfo = htonl((uint32_t)flowinfo);
    sin6->sin6_scope_id = (uint32_t)scope_id;
    return 0;
}

/* Convert the Python address `addr` for a socket of `family` into *out, as CPython's
 * getsockaddrarg: a path for AF_UNIX, (host, port) for AF_INET, (host, port[, flowinfo[,
 * scope_id]]) for AF_INET6. `caller` names the method in error messages. 0 or -1. */
int sockaddr_from_object(int family, Object *addr, const char *caller,
                         struct sockaddr_storage *out, socklen_t *len) {
    memset(out, 0, sizeof *out);
    switch (family) {
    case AF_UNIX:
        return unix_address(addr, out, len);
    case AF_INET:
        return inet_address(addr, caller, out, len);
    case AF_INET6:
        return inet6_address(addr, caller, out, len);
    default:
        err_format(&ExcOSError, "%s(): bad family", caller);
        return -1;
    }
}

/* The Python form of a socket address (new reference), as CPython's makesockaddr. */
Object *sockaddr_to_object(const struct sockaddr_storage *addr, socklen_t len) {
    if (len == 0) {
        return none_ref(); /* recvfrom() on a connected socket gives no address */
    }
    char text[INET6_ADDRSTRLEN];
    switch (addr->ss_family) {
    case AF_INET: {
        const struct sockaddr_in *sin = (const struct sockaddr_in *)addr;
        inet_ntop(AF_INET, &sin->sin_addr, text, sizeof text);
        Object *host = str_from_cstr(text);
        Object *result = host != NULL
                             ? tuple_pack(2, host, small_int_make(ntohs(sin->sin_port)))
                             : NULL;
        XDECREF(host);
        return result;
    }
    case AF_INET6: {
        const struct sockaddr_in6 *sin6 = (const struct sockaddr_in6 *)addr;
        inet_ntop(AF_INET6, &sin6->sin6_addr, text, sizeof text);
        Object *host = str_from_cstr(text);
        Object *flow = int_from_u64(ntohl(sin6->sin6_flowinfo));
        Object *scope = int_from_u64(sin6->sin6_scope_id);
        Object *result = host != NULL && flow != NULL && scope != NULL
                             ? tuple_pack(4, host, small_int_make(ntohs(sin6->sin6_port)),
                                          flow, scope)
                             : NULL;
        XDECREF(host);
        XDECREF(flow);
        XDECREF(scope);
        return result;
    }
    case AF_UNIX: {
        const struct sockaddr_un *sun = (const struct sockaddr_un *)addr;
        size_t size = len > offsetof(struct sockaddr_un, sun_path)
                          ? len - offsetof(struct sockaddr_un, sun_path)
                          : 0;
        if (size > 0 && sun->sun_path[0] == '\0') {
            return bytes_from_data(sun->sun_path, size); /* the abstract namespace */
        }
        return str_decode(sun->sun_path, strnlen(sun->sun_path, size), "utf-8",
                          "surrogateescape");
    }
    default: {
        const struct sockaddr *sa = (const struct sockaddr *)addr;
        Object *data = bytes_from_data(sa->sa_data, sizeof sa->sa_data);
        Object *result = data != NULL ? tuple_pack(2, small_int_make(sa->sa_family), data) : NULL;
        XDECREF(data);
        return result;
    }
    }
}

/* ================================================================ host names */

Object *socket_gethostname(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_count("_socket.gethostname", nargs, 0, 0) < 0) {
        return NULL;
    }
    char name[1025];
    if (gethostname(name, sizeof name - 1) < 0) {
        socket_raise_errno(errno);
        return NULL;
    }
    name[sizeof name - 1] = '\0';
    return str_from_cstr(name);
}

/* gethostbyname(host) -> the IPv4 address as a string. */
Object *socket_gethostbyname(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_no_keywords("gethostbyname", kwnames) < 0 ||
        socket_tuple_count("gethostbyname", nargs, 1, 1) < 0) {
        return NULL;
    }
    if (!str_check(args[0]) && !bytes_check(args[0])) {
        return err_format(&ExcTypeError,
                          "gethostbyname() argument 1 must be str, bytes or bytearray, not %.200s",
                          socket_arg_type_name(args[0]));
    }
    const char *host = host_cstr(args[0]);
    struct sockaddr_storage addr;
    socklen_t len;
    if (host == NULL || resolve_host(host, AF_INET, &addr, &len) < 0) {
        return NULL;
    }
    char text[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, &((struct sockaddr_in *)&addr)->sin_addr, text, sizeof text);
    return str_from_cstr(text);
}

/* getaddrinfo's port argument as a C string in buf (or NULL for None). -1 on error. */
static int service_arg(Object *port, char *buf, size_t size, const char **out) {
    if (port == None) {
        *out = NULL;
    } else if (int_check(port)) {
        int64_t n;
        if (int_to_i64(port, &n) < 0) {
            return -1;
        }
        snprintf(buf, size, "%lld", (long long)n);
        *out = buf;
    } else if (str_check(port)) {
        *out = str_utf8(port);
    } else if (bytes_check(port)) {
        *out = bytes_data(port);
    } else {
        err_set_string(&ExcOSError, "Int or String expected");
        return -1;
    }
    return 0;
}

/* One getaddrinfo() result as (family, type, proto, canonname, sockaddr). */
static Object *addrinfo_entry(const struct addrinfo *ai) {
    struct sockaddr_storage addr;
    memset(&addr, 0, sizeof addr);
    size_t len = ai->ai_addrlen < sizeof addr ? ai->ai_addrlen : sizeof addr;
    memcpy(&addr, ai->ai_addr, len);
    Object *canon = str_from_cstr(ai->ai_canonname != NULL ? ai->ai_canonname : "");
    Object *sa = sockaddr_to_object(&addr, (socklen_t)len);
    Object *entry = canon != NULL && sa != NULL
                        ? tuple_pack(5, small_int_make(ai->ai_family),
                                     small_int_make(ai->ai_socktype),
                                     small_int_make(ai->ai_protocol), canon, sa)
                        : NULL;
    XDECREF(canon);
    XDECREF(sa);
    return entry;
}

/* getaddrinfo(host, port, family=0, type=0, proto=0, flags=0) -> list of
 * (family, type, proto, canonname, sockaddr) */
Object *socket_getaddrinfo(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    static const char *const kwlist[] = {"host", "port", "family", "type", "proto", "flags", NULL};
    Object *a[6] = {NULL, NULL, NULL, NULL, NULL, NULL};
    struct addrinfo hints;
    memset(&hints, 0, sizeof hints);
    if (args_parse("getaddrinfo", args, nargs, kwnames, kwlist, 2, a) < 0 ||
        socket_optional_int(a[2], 0, &hints.ai_family) < 0 ||
        socket_optional_int(a[3], 0, &hints.ai_socktype) < 0 ||
        socket_optional_int(a[4], 0, &hints.ai_protocol) < 0 ||
        socket_optional_int(a[5], 0, &hints.ai_flags) < 0) {
        return NULL;
    }
    const char *host = NULL;
    if (a[0] != None) {
        if (!str_check(a[0]) && !bytes_check(a[0])) {
            return err_format(&ExcTypeError, "getaddrinfo() argument 1 must be string or None");
        }
        if ((host = host_cstr(a[0])) == NULL) {
            return NULL;
        }
    }
    char portbuf[32];
    const char *port;
    if (service_arg(a[1], portbuf, sizeof portbuf, &port) < 0) {
        return NULL;
    }
    struct addrinfo *res = NULL;
    if (getaddrinfo_released(host, port, &hints, &res) < 0) {
        return NULL;
    }
    Object *list = list_new(0);
    for (struct addrinfo *ai = res; ai != NULL && list != NULL; ai = ai->ai_next) {
        Object *entry = addrinfo_entry(ai);
        if (entry == NULL || list_append(list, entry) < 0) {
            CLEAR(list);
        }
        XDECREF(entry);
    }
    freeaddrinfo(res);
    return list;
}

/* ================================================================ IP address text */

/* inet_pton(family, text) -> packed bytes; inet_aton(text) is inet_pton(AF_INET, text)
 * with CPython's own message. */
Object *socket_inet_pton(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    int family;
    if (socket_tuple_count("inet_pton", nargs, 2, 2) < 0 || socket_int_arg(args[0], &family) < 0) {
        return NULL;
    }
    if (!str_check(args[1])) {
        return err_format(&ExcTypeError, "inet_pton() argument 2 must be str, not %.200s",
                          socket_arg_type_name(args[1]));
    }
    unsigned char packed[sizeof(struct in6_addr)];
    int r = inet_pton(family, str_utf8(args[1]), packed);
    if (r < 0) {
        socket_raise_errno(errno);
        return NULL;
    }
    if (r == 0) {
        err_set_string(&ExcOSError, "illegal IP address string passed to inet_pton");
        return NULL;
    }
    return bytes_from_data((const char *)packed, family == AF_INET ? 4 : 16);
}

Object *socket_inet_ntop(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    int family;
    if (socket_tuple_count("inet_ntop", nargs, 2, 2) < 0 || socket_int_arg(args[0], &family) < 0 ||
        socket_bytes_arg(args[1]) < 0) {
        return NULL;
    }
    size_t want = family == AF_INET ? 4 : family == AF_INET6 ? 16 : 0;
    if (want == 0) {
        errno = EAFNOSUPPORT;
        socket_raise_errno(errno);
        return NULL;
    }
    if (bytes_size(args[1]) != want) {
        return err_format(&ExcValueError, "invalid length of packed IP address string");
    }
    char text[INET6_ADDRSTRLEN];
    inet_ntop(family, bytes_data(args[1]), text, sizeof text);
    return str_from_cstr(text);
}

Object *socket_inet_aton(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (socket_tuple_count("inet_aton", nargs, 1, 1) < 0) {
        return NULL;
    }
    if (!str_check(args[0])) {
        return err_format(&ExcTypeError, "inet_aton() argument 1 must be str, not %.200s",
                          socket_arg_type_name(args[0]));
    }
    struct in_addr packed;
    if (inet_aton(str_utf8(args[0]), &packed) == 0) {
        err_set_string(&ExcOSError, "illegal IP address string passed to inet_aton");
        return NULL;
    }
    return bytes_from_data((const char *)&packed, 4);
}

Object *socket_inet_ntoa(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (socket_tuple_count("inet_ntoa", nargs, 1, 1) < 0 || socket_bytes_arg(args[0]) < 0) {
        return NULL;
    }
    if (bytes_size(args[0]) != 4) {
        err_set_string(&ExcOSError, "packed IP wrong length for inet_ntoa");
        return NULL;
    }
    char text[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, bytes_data(args[0]), text, sizeof text);
    return str_from_cstr(text);
}
