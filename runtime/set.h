/* set.h: set and frozenset. The hash table mirrors CPython's setobject.c
 * (linear probing + perturbation, same growth policy) so that iteration order,
 * and so printed output, matches CPython for the same insertions. */
#ifndef GILPY_SET_H
#define GILPY_SET_H

#include "object.h"

extern TypeObject SetType, FrozenSetType;

static inline bool set_check(const Object *v) {
    return !is_small_int(v) && (v->type == &SetType || v->type == &FrozenSetType ||
                                type_is_subtype(v->type, &SetType) ||
                                type_is_subtype(v->type, &FrozenSetType));
}

MAY_RAISE Object *set_new(Object *iterable /* may be NULL */);
MAY_RAISE Object *frozenset_new(Object *iterable /* may be NULL */);
MAY_RAISE int set_add(Object *set, Object *key);
MAY_RAISE int set_contains(Object *set, Object *key); /* 1, 0, -1 */
MAY_RAISE int set_discard(Object *set, Object *key);  /* 1 found, 0 not, -1 error */
MAY_RAISE int set_update(Object *set, Object *iterable);
size_t set_size(Object *set);
bool set_next(Object *set, size_t *pos, Object **key); /* borrowed */

#endif /* GILPY_SET_H */
