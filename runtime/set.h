/* set.h: set and frozenset. The hash table mirrors CPython's setobject.c
 * (linear probing + perturbation, same growth policy) so that iteration order,
 * and so printed output, matches CPython for the same insertions. */
#ifndef GILPY_SET_H
#define GILPY_SET_H

#include "object.h"

extern TypeObject SetType, FrozenSetType, SetIterType;

#define SET_MINSIZE 8

/* One slot of the table: unused (key NULL, hash 0), dummy (a deleted key:
 * key is set.c's private dummy object, hash -1), or active. */
typedef struct SetEntry {
    Object *key;
    intptr_t hash;
} SetEntry;

typedef struct SetObject {
    Object base;
    size_t fill;     /* active + dummy slots */
    size_t used;     /* active slots */
    size_t mask;     /* table size - 1 (a power of 2 minus 1) */
    SetEntry *table; /* smalltable or a heap block */
    intptr_t hash;   /* frozenset: cached hash, or -1 */
    size_t finger;   /* where set.pop() searches next */
    SetEntry smalltable[SET_MINSIZE];
} SetObject;

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
/* The bodies of the methods of the same names (used by dict views too). */
MAY_RAISE int set_difference_update(Object *set, Object *other);
MAY_RAISE int set_symmetric_difference_update(Object *set, Object *other);
MAY_RAISE Object *set_intersection(Object *set, Object *other); /* new set */

#endif /* GILPY_SET_H */
