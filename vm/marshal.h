/* marshal.h: code objects to bytes and back, and the import cache built on
 * it (__pycache__/<name>.gilpy-<version>.cache next to each imported module),
 * so that a module is parsed and compiled once, not at every start. */
#ifndef GILPY_MARSHAL_H
#define GILPY_MARSHAL_H

#include <stddef.h>

#include "code.h"
#include "str.h"

/* Append the serialized form of `code` (borrowed) and everything it holds
 * (constants: None, bools, Ellipsis, ints of any size, floats, str, bytes,
 * tuples, frozensets, nested code objects) to `out`. 0, or -1 with
 * ValueError for a constant of another type. */
MAY_RAISE int marshal_dump_code(CodeObject *code, StrBuilder *out);

/* Rebuild a code object from `size` bytes made by marshal_dump_code. Every
 * code object gets `filename` (borrowed) as co_filename. New reference, or
 * NULL with NO exception set when the data is truncated or malformed (the
 * caller then compiles the source instead). */
CodeObject *marshal_load_code(const char *data, size_t size, Object *filename);

/* compile_source(src, size, filename, COMPILE_FILE) for the module source
 * file `path`, through the cache: a cache whose header matches the source's
 * size and modification time and this very gilpy executable is loaded
 * instead of compiling; otherwise the fresh code is written to the cache
 * (atomically: a temporary file renamed into place), unless
 * PYTHONDONTWRITEBYTECODE is set or sys.dont_write_bytecode is true; an
 * unwritable directory just means no cache. New reference or NULL with the
 * compiler's exception. */
MAY_RAISE CodeObject *marshal_compile_cached(const char *path, const char *src, size_t size,
                                             Object *filename);

#endif /* GILPY_MARSHAL_H */
