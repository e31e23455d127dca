/* socket_addr.h: socket addresses and host names for the _socket module (socket_addr.c):
 * Python addresses to C sockaddrs and back, and the module functions that look names up
 * or convert IP addresses, which mod_socket.c lists in the module's function table. */
#ifndef GILPY_SOCKET_ADDR_H
#define GILPY_SOCKET_ADDR_H

#include <sys/socket.h>

#include "object.h"

/* Convert the Python address `addr` for a socket of `family` into *out and *len, as
 * CPython's getsockaddrarg: a path (str or bytes) for AF_UNIX, (host, port) for AF_INET,
 * (host, port[, flowinfo[, scope_id]]) for AF_INET6; host names are resolved with the GIL
 * released. `caller` names the method in error messages. 0, or -1 with an exception. */
MAY_RAISE int sockaddr_from_object(int family, Object *addr, const char *caller,
                                   struct sockaddr_storage *out, socklen_t *len);

/* The Python form of the address in *addr (`len` bytes), as CPython's makesockaddr: a new
 * reference, None when len is 0, or NULL with an exception. */
MAY_RAISE Object *sockaddr_to_object(const struct sockaddr_storage *addr, socklen_t len);

/* _socket.gethostname(), gethostbyname(host), getaddrinfo(host, port, family=0, type=0,
 * proto=0, flags=0), inet_pton(family, text), inet_ntop(family, packed), inet_aton(text)
 * and inet_ntoa(packed). New references, or NULL with CPython's exceptions. */
MAY_RAISE Object *socket_gethostname(Object *self, Object *const *args, size_t nargs,
                                     Object *kwnames);
MAY_RAISE Object *socket_gethostbyname(Object *self, Object *const *args, size_t nargs,
                                       Object *kwnames);
MAY_RAISE Object *socket_getaddrinfo(Object *self, Object *const *args, size_t nargs,
                                     Object *kwnames);
MAY_RAISE Object *socket_inet_pton(Object *self, Object *const *args, size_t nargs,
                                   Object *kwnames);
MAY_RAISE Object *socket_inet_ntop(Object *self, Object *const *args, size_t nargs,
                                   Object *kwnames);
MAY_RAISE Object *socket_inet_aton(Object *self, Object *const *args, size_t nargs,
                                   Object *kwnames);
MAY_RAISE Object *socket_inet_ntoa(Object *self, Object *const *args, size_t nargs,
                                   Object *kwnames);

#endif /* GILPY_SOCKET_ADDR_H */
