/* mod_socket.h: what socket_addr.c uses of mod_socket.c (the _socket module): raising the
 * socket errors and reading arguments the way CPython's _socket does, messages included. */
#ifndef GILPY_MOD_SOCKET_H
#define GILPY_MOD_SOCKET_H

#include <stdint.h>

#include "object.h"

/* Raise the OSError subclass for errno value `err`. Always -1. */
MAY_RAISE int socket_raise_errno(int err);

/* Raise socket.gaierror(code, message) for a getaddrinfo() failure `code`, or the OSError
 * of `saved_errno` when code is EAI_SYSTEM. Always -1. */
MAY_RAISE int socket_raise_gaierror(int code, int saved_errno);

/* An integer argument through __index__, into *out. 0, or -1 with TypeError/OverflowError. */
MAY_RAISE int socket_index_arg(Object *v, int64_t *out);

/* A C int argument, as CPython's "i" format converts it. 0, or -1. */
MAY_RAISE int socket_int_arg(Object *v, int *out);

/* An optional C int argument: `fallback` when v is NULL (absent). 0, or -1. */
MAY_RAISE int socket_optional_int(Object *v, int fallback, int *out);

/* Check that v is bytes (gilpy has no bytearray or memoryview). 0, or -1 with TypeError. */
MAY_RAISE int socket_bytes_arg(Object *v);

/* Check the argument count of a function CPython parses with PyArg_ParseTuple, with its
 * messages ("recv() takes at most 2 arguments (3 given)"). 0, or -1 with TypeError. */
MAY_RAISE int socket_tuple_count(const char *fname, size_t nargs, size_t min, size_t max);

/* The type name of v as CPython's argument errors spell it ("None" for None). */
const char *socket_arg_type_name(Object *v);

#endif /* GILPY_MOD_SOCKET_H */
