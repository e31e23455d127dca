/* tuple.h: Python tuple, an immutable array of references. */
#ifndef GILPY_TUPLE_H
#define GILPY_TUPLE_H

#include "object.h"

typedef struct TupleObject {
    Object base;
    size_t size;
    Object *items[];
} TupleObject;

extern TypeObject TupleType, TupleIterType;

/* iter(tuple): the VM may special-case it in FOR_ITER. `tuple` is NULL once
 * the iterator is exhausted. */
typedef struct TupleIterObject {
    Object base;
    Object *tuple;
    size_t index;
} TupleIterObject;

/* Exactly a tuple (not a subclass, which may override __iter__ and friends). */
static inline bool tuple_check_exact(const Object *v) {
    return !is_small_int(v) && v->type == &TupleType;
}
static inline bool tuple_check(const Object *v) {
    return !is_small_int(v) && (v->type == &TupleType || type_is_subtype(v->type, &TupleType));
}
static inline size_t tuple_size(const Object *v) { return ((const TupleObject *)v)->size; }
static inline Object *tuple_get(const Object *v, size_t i) { return ((const TupleObject *)v)->items[i]; }
/* Steals item; only for filling a fresh tuple from tuple_new. */
static inline void tuple_init_item(Object *v, size_t i, Object *item) {
    ((TupleObject *)v)->items[i] = item;
}

/* A tuple of n NULL slots to fill with tuple_init_item (tuple_new(0) is shared). */
MAY_RAISE Object *tuple_new(size_t n);
MAY_RAISE Object *tuple_pack(size_t n, ...); /* borrows the n items */
MAY_RAISE Object *tuple_from_array(Object *const *items, size_t n); /* borrows */
MAY_RAISE Object *tuple_from_iterable(Object *iterable);
MAY_RAISE Object *tuple_slice(Object *t, size_t start, size_t stop);

#endif /* GILPY_TUPLE_H */
