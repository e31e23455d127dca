/* containers.h: private helpers shared by the container types (list, tuple,
 * dict, set, range): hashing keys, converting indices, and the guard that
 * prints "[...]" for a container that contains itself. Implemented in iter.c. */
#ifndef GILPY_CONTAINERS_H
#define GILPY_CONTAINERS_H

#include <limits.h>

#include "int.h"
#include "object.h"
#include "str.h"

#define SSIZE_MIN_VALUE (-SSIZE_MAX - 1)

/* CPython's modulus for numeric hashes: 2**61 - 1. */
#define CONTAINER_HASH_MODULUS (((intptr_t)1 << 61) - 1)

/* hash(key) with fast paths for small ints and str (whose hash is cached in
 * the object). -1 with an exception when the key is unhashable. */
static inline intptr_t container_hash(Object *key) {
    if (is_small_int(key)) {
        intptr_t x = small_int_value(key);
        if (x > -CONTAINER_HASH_MODULUS && x < CONTAINER_HASH_MODULUS) {
            return x == -1 ? -2 : x;
        }
        return int_hash(key);
    }
    if (key->type == &StrType) {
        intptr_t h = ((StrObject *)key)->hash;
        return h != -1 ? h : str_hash(key);
    }
    return obj_hash(key);
}

/* True when a and b are both exact strs with equal contents (never raises). */
static inline bool container_str_eq(Object *a, Object *b) {
    return !is_small_int(a) && !is_small_int(b) && a->type == &StrType && b->type == &StrType &&
           str_size(a) == str_size(b) && str_equal(a, b);
}

/* Convert a sequence index (int, bool, or an object with __index__).
 * Returns 1 with *out set, 0 when key is not index-like (no error set), or -1
 * with IndexError "cannot fit 'int' into an index-sized integer" (or the
 * error __index__ raised). */
MAY_RAISE int seq_index_value(Object *key, ssize_t *out);

/* Convert a slice bound that must be an int (via __index__), clamping huge
 * values to the ssize_t range like CPython's _PyEval_SliceIndex. Returns 0,
 * or -1 with TypeError(type_error) when v is not an int. */
MAY_RAISE int seq_clamp_int(Object *v, ssize_t *out, const char *type_error);
/* seq_clamp_int for the start/stop of list.index/tuple.index. */
MAY_RAISE int seq_clamped_index(Object *v, ssize_t *out);

/* Check a method's positional argument count with CPython's wording
 * ("list.clear() takes no arguments (1 given)", "f() takes exactly one
 * argument (0 given)", "pop expected at most 1 argument, got 2"). */
MAY_RAISE int container_check_args(const char *fname, size_t nargs, size_t min, size_t max);
/* "f() takes no keyword arguments" when kwnames is non-empty. */
MAY_RAISE int container_no_keywords(const char *fname, Object *kwnames);

/* The "[...]" guard (CPython's Py_ReprEnter/Py_ReprLeave): 0 when v was not
 * being printed by this thread (and now is), 1 when it already was, -1 on
 * MemoryError. Pair every 0 with repr_leave(v). */
MAY_RAISE int repr_enter(Object *v);
void repr_leave(Object *v);

/* The "trashcan" (CPython's Py_TRASHCAN): deallocating a deeply nested
 * structure (x = [x] a million times) would recurse once per level and
 * overflow the C stack. A container's dealloc starts with
 *     if (dealloc_defer(self)) { return; }
 * and ends with dealloc_done(); past a nesting depth the object is parked
 * and freed later by the outermost dealloc, iteratively. */
bool dealloc_defer(Object *v);
void dealloc_done(void);

/* The new_instance slot of types Python code cannot instantiate (iterators,
 * views): TypeError "cannot create 'list_iterator' instances". */
MAY_RAISE Object *container_no_new(TypeObject *type, Object *const *args, size_t nargs,
                                   Object *kwnames);

/* For sequence `*` and `+` with an operand of a foreign type: give that
 * operand's type a chance (its __rmul__/__radd__). Returns its result (maybe
 * NotImplemented, new reference) or NULL with an error. */
MAY_RAISE Object *seq_try_other_operand(Object *a, Object *b, BinaryOp op);

#endif /* GILPY_CONTAINERS_H */
