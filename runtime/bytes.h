/* bytes.h: immutable byte strings. */
#ifndef GILPY_BYTES_H
#define GILPY_BYTES_H

#include "object.h"

typedef struct BytesObject {
    Object base;
    intptr_t hash; /* -1 until computed */
    size_t size;
    char data[]; /* NUL-terminated for convenience */
} BytesObject;

extern TypeObject BytesType, BytesIterType;

static inline bool bytes_check(const Object *v) {
    return !is_small_int(v) && (v->type == &BytesType || type_is_subtype(v->type, &BytesType));
}
static inline const char *bytes_data(const Object *v) {
    return ((const BytesObject *)v)->data;
}
static inline size_t bytes_size(const Object *v) {
    return ((const BytesObject *)v)->size;
}

MAY_RAISE Object *bytes_from_data(const char *s, size_t size);
MAY_RAISE Object *bytes_repr(Object *v); /* b'...' as CPython */

#endif /* GILPY_BYTES_H */
