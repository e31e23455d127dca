/* mod_collections.c: the _collections module: `deque`, the double-ended queue that
 * collections/__init__.py re-exports (CPython's Modules/_collectionsmodule.c). Items live in
 * a growable ring buffer, so both ends take O(1); maxlen bounds it from either side. */
#include <string.h>

#include "args.h"
#include "containers.h"
#include "errors.h"
#include "exceptions.h"
#include "int.h"
#include "list.h"
#include "memory.h"
#include "modules.h"
#include "state.h"
#include "str.h"
#include "tuple.h"

typedef struct DequeObject {
    Object base;
    Object **items;  /* ring buffer of `cap` slots; item i is items[(head + i) % cap] */
    size_t cap;
    size_t head;
    size_t size;
    ssize_t maxlen;  /* -1: unbounded */
    size_t state;    /* bumped by every mutation, so iterators notice changes */
} DequeObject;

extern TypeObject DequeType, DequeIterType, DequeRevIterType;

static inline bool deque_check(Object *v) { return obj_is_instance_of(v, &DequeType); }

/* Borrowed pointer to the slot of item i (0 <= i < size). */
static inline Object **deque_slot(DequeObject *d, size_t i) {
    return &d->items[(d->head + i) % d->cap];
}

/* The name shown in reprs: "deque" for deque itself, a subclass's own name. */
static const char *deque_short_name(Object *self) {
    TypeObject *t = obj_type(self);
    return t == &DequeType ? "deque" : t->name;
}

/* ================================================================ storage */

/* Make room for at least one more item, keeping the order. -1 on MemoryError. */
static int deque_grow(DequeObject *d) {
    if (d->size < d->cap) {
        return 0;
    }
    size_t new_cap = d->cap < 8 ? 8 : d->cap * 2;
    Object **items = mem_alloc(new_cap * sizeof(Object *));
    if (items == NULL) {
        err_no_memory();
        return -1;
    }
    for (size_t i = 0; i < d->size; i++) {
        items[i] = *deque_slot(d, i);
    }
    mem_free(d->items);
    d->items = items;
    d->cap = new_cap;
    d->head = 0;
    return 0;
}

/* Remove and return the last (or first) item: a new reference, NULL when empty (no error). */
static Object *deque_take_back(DequeObject *d) {
    if (d->size == 0) {
        return NULL;
    }
    d->size--;
    d->state++;
    return *deque_slot(d, d->size);
}

static Object *deque_take_front(DequeObject *d) {
    if (d->size == 0) {
        return NULL;
    }
    Object *item = d->items[d->head];
    d->head = (d->head + 1) % d->cap;
    d->size--;
    d->state++;
    return item;
}

/* Append item (steals the reference) at the right end; a full bounded deque drops its
 * leftmost item. -1 on MemoryError (item released). */
static int deque_put_back(DequeObject *d, Object *item) {
    if (d->maxlen == 0) {
        DECREF(item);
        return 0;
    }
    if (deque_grow(d) < 0) {
        DECREF(item);
        return -1;
    }
    *deque_slot(d, d->size) = item;
    d->size++;
    d->state++;
    if (d->maxlen > 0 && d->size > (size_t)d->maxlen) {
        DECREF(deque_take_front(d));
    }
    return 0;
}

/* Append item (steals) at the left end; a full bounded deque drops its rightmost item. */
static int deque_put_front(DequeObject *d, Object *item) {
    if (d->maxlen == 0) {
        DECREF(item);
        return 0;
    }
    if (deque_grow(d) < 0) {
        DECREF(item);
        return -1;
    }
    d->head = (d->head + d->cap - 1) % d->cap;
    d->items[d->head] = item;
    d->size++;
    d->state++;
    if (d->maxlen > 0 && d->size > (size_t)d->maxlen) {
        DECREF(deque_take_back(d));
    }
    return 0;
}

/* Drop every item. Items are released one at a time after being unlinked, so a __del__
 * that looks at the deque sees a consistent one. */
static void deque_clear_items(DequeObject *d) {
    Object *item;
    while ((item = deque_take_back(d)) != NULL) {
        DECREF(item);
    }
}

/* Remove item i (0 <= i < size), returning it (new reference). */
static Object *deque_remove_at(DequeObject *d, size_t i) {
    Object *item = *deque_slot(d, i);
    for (size_t j = i; j + 1 < d->size; j++) {
        *deque_slot(d, j) = *deque_slot(d, j + 1);
    }
    d->size--;
    d->state++;
    return item;
}

/* Extend at the right (or left) end from an iterable. 0, or -1 with an exception. */
static int deque_extend_from(DequeObject *d, Object *iterable, bool left) {
    if (iterable == (Object *)d) {
        /* d.extend(d): iterate over a snapshot. */
        Object *copy = list_from_iterable(iterable);
        if (copy == NULL) {
            return -1;
        }
        int r = deque_extend_from(d, copy, left);
        DECREF(copy);
        return r;
    }
    Object *it = obj_iter(iterable);
    if (it == NULL) {
        return -1;
    }
    Object *item;
    while ((item = obj_next(it)) != NULL) {
        if ((left ? deque_put_front(d, item) : deque_put_back(d, item)) < 0) {
            DECREF(it);
            return -1;
        }
    }
    DECREF(it);
    return err_occurred() != NULL ? -1 : 0;
}

/* ================================================================ construction */

/* deque(iterable=(), maxlen=None): parse the arguments into d (emptied first). */
static int deque_init(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    static const char *const kwlist[] = {"iterable", "maxlen", NULL};
    Object *out[2];
    if (args_parse("deque", args, nargs, kwnames, kwlist, 0, out) < 0) {
        return -1;
    }
    DequeObject *d = (DequeObject *)self;
    ssize_t maxlen = -1;
    if (out[1] != NULL && out[1] != None) {
        if (!obj_is_instance_of(out[1], &IntType)) {
            err_set_string(&ExcTypeError, "an integer is required");
            return -1;
        }
        maxlen = obj_as_ssize(out[1]);
        if (maxlen == -1 && err_occurred() != NULL) {
            return -1;
        }
        if (maxlen < 0) {
            err_set_string(&ExcValueError, "maxlen must be non-negative");
            return -1;
        }
    }
    d->maxlen = maxlen;
    deque_clear_items(d);
    if (out[0] != NULL) {
        return deque_extend_from(d, out[0], false);
    }
    return 0;
}

static Object *deque_new_instance(TypeObject *type, Object *const *args, size_t nargs,
                                  Object *kwnames) {
    Object *self = obj_alloc(type, type->basic_size);
    if (self == NULL) {
        return NULL;
    }
    ((DequeObject *)self)->maxlen = -1;
    if (type != &DequeType) {
        return self; /* a subclass: the class machinery runs __init__ */
    }
    if (deque_init(self, args, nargs, kwnames) < 0) {
        DECREF(self);
        return NULL;
    }
    return self;
}

/* A new empty deque of d's type with d's maxlen (new reference). */
static DequeObject *deque_empty_like(DequeObject *d) {
    DequeObject *r = (DequeObject *)obj_alloc(&DequeType, DequeType.basic_size);
    if (r != NULL) {
        r->maxlen = d->maxlen;
    }
    return r;
}

/* A shallow copy with the same maxlen (new reference). A subclass is copied as CPython
 * does it, by calling type(d)(d) or type(d)(d, maxlen). */
static Object *deque_copy_of(DequeObject *d) {
    TypeObject *type = obj_type((Object *)d);
    if (type != &DequeType) {
        Object *args[2] = {(Object *)d, small_int_make(d->maxlen)};
        Object *r = obj_call((Object *)type, args, d->maxlen < 0 ? 1 : 2, NULL);
        if (r != NULL && !deque_check(r)) {
            err_format(&ExcTypeError, "%.200s() must return a deque, not %.200s", type->name,
                       obj_type_name(r));
            DECREF(r);
            return NULL;
        }
        return r;
    }
    DequeObject *r = deque_empty_like(d);
    if (r == NULL) {
        return NULL;
    }
    for (size_t i = 0; i < d->size; i++) {
        if (deque_put_back(r, NEWREF(*deque_slot(d, i))) < 0) {
            DECREF((Object *)r);
            return NULL;
        }
    }
    return (Object *)r;
}

static void deque_dealloc(Object *self) {
    if (dealloc_defer(self)) {
        return;
    }
    DequeObject *d = (DequeObject *)self;
    deque_clear_items(d);
    mem_free(d->items);
    d->items = NULL;
    obj_free(self);
    dealloc_done();
}

static int deque_traverse(Object *self, VisitFunc visit, void *arg) {
    DequeObject *d = (DequeObject *)self;
    for (size_t i = 0; i < d->size; i++) {
        int r = visit(*deque_slot(d, i), arg);
        if (r != 0) {
            return r;
        }
    }
    return 0;
}

static int deque_clear_slot(Object *self) {
    deque_clear_items((DequeObject *)self);
    return 0;
}

/* ================================================================ methods */

static Object *deque_append(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (container_no_keywords("deque.append", kwnames) < 0 ||
        container_check_args("deque.append", nargs, 1, 1) < 0) {
        return NULL;
    }
    if (deque_put_back((DequeObject *)self, NEWREF(args[0])) < 0) {
        return NULL;
    }
    return none_ref();
}

static Object *deque_appendleft(Object *self, Object *const *args, size_t nargs,
                                Object *kwnames) {
    if (container_no_keywords("deque.appendleft", kwnames) < 0 ||
        container_check_args("deque.appendleft", nargs, 1, 1) < 0) {
        return NULL;
    }
    if (deque_put_front((DequeObject *)self, NEWREF(args[0])) < 0) {
        return NULL;
    }
    return none_ref();
}

static Object *deque_pop(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (container_no_keywords("deque.pop", kwnames) < 0 ||
        container_check_args("deque.pop", nargs, 0, 0) < 0) {
        return NULL;
    }
    Object *item = deque_take_back((DequeObject *)self);
    if (item == NULL) {
        err_set_string(&ExcIndexError, "pop from an empty deque");
    }
    return item;
}

static Object *deque_popleft(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (container_no_keywords("deque.popleft", kwnames) < 0 ||
        container_check_args("deque.popleft", nargs, 0, 0) < 0) {
        return NULL;
    }
    Object *item = deque_take_front((DequeObject *)self);
    if (item == NULL) {
        err_set_string(&ExcIndexError, "pop from an empty deque");
    }
    return item;
}

static Object *deque_extend(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (container_no_keywords("deque.extend", kwnames) < 0 ||
        container_check_args("deque.extend", nargs, 1, 1) < 0) {
        return NULL;
    }
    if (deque_extend_from((DequeObject *)self, args[0], false) < 0) {
        return NULL;
    }
    return none_ref();
}

static Object *deque_extendleft(Object *self, Object *const *args, size_t nargs,
                                Object *kwnames) {
    if (container_no_keywords("deque.extendleft", kwnames) < 0 ||
        container_check_args("deque.extendleft", nargs, 1, 1) < 0) {
        return NULL;
    }
    if (deque_extend_from((DequeObject *)self, args[0], true) < 0) {
        return NULL;
    }
    return none_ref();
}

/* Rotate n steps to the right (left when n < 0) by moving items between the ends. */
static void deque_rotate_by(DequeObject *d, ssize_t n) {
    if (d->size <= 1) {
        return;
    }
    ssize_t len = (ssize_t)d->size;
    n %= len;
    if (n < 0) {
        n += len;
    }
    /* Take the shorter way round. */
    if (n > len / 2) {
        n -= len;
    }
    /* The ring is full-size aware: moving an item from one end to the other keeps size. */
    for (; n > 0; n--) {
        size_t last = (d->head + d->size - 1) % d->cap;
        Object *item = d->items[last];
        d->head = (d->head + d->cap - 1) % d->cap;
        d->items[d->head] = item;
    }
    for (; n < 0; n++) {
        Object *item = d->items[d->head];
        d->head = (d->head + 1) % d->cap;
        d->items[(d->head + d->size - 1) % d->cap] = item;
    }
    d->state++;
}

static Object *deque_rotate(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (container_no_keywords("deque.rotate", kwnames) < 0) {
        return NULL;
    }
    if (nargs > 1) {
        return err_format(&ExcTypeError, "deque.rotate expected at most 1 argument, got %zu",
                          nargs);
    }
    ssize_t n = 1;
    if (nargs == 1) {
        n = obj_as_ssize(args[0]);
        if (n == -1 && err_occurred() != NULL) {
            return NULL;
        }
    }
    deque_rotate_by((DequeObject *)self, n);
    return none_ref();
}

static Object *deque_clear_method(Object *self, Object *const *args, size_t nargs,
                                  Object *kwnames) {
    if (container_no_keywords("deque.clear", kwnames) < 0 ||
        container_check_args("deque.clear", nargs, 0, 0) < 0) {
        return NULL;
    }
    deque_clear_items((DequeObject *)self);
    return none_ref();
}

/* Compare item i with value; checks the deque was not changed by the comparison.
 * 1 equal, 0 not, -1 with an exception. */
static int deque_item_equals(DequeObject *d, size_t i, Object *value) {
    size_t state = d->state;
    Object *item = NEWREF(*deque_slot(d, i));
    int eq = obj_richcompare_bool(item, value, CMP_EQ);
    DECREF(item);
    if (eq >= 0 && d->state != state) {
        err_set_string(&ExcRuntimeError, "deque mutated during iteration");
        return -1;
    }
    return eq;
}

static Object *deque_count(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (container_no_keywords("deque.count", kwnames) < 0 ||
        container_check_args("deque.count", nargs, 1, 1) < 0) {
        return NULL;
    }
    DequeObject *d = (DequeObject *)self;
    ssize_t count = 0;
    for (size_t i = 0; i < d->size; i++) {
        int eq = deque_item_equals(d, i, args[0]);
        if (eq < 0) {
            return NULL;
        }
        count += eq;
    }
    return small_int_make(count);
}

/* The index of the first item equal to value in [start, stop), -1 when none, -2 on error. */
static ssize_t deque_find(DequeObject *d, Object *value, ssize_t start, ssize_t stop) {
    for (ssize_t i = start; i < stop && (size_t)i < d->size; i++) {
        int eq = deque_item_equals(d, (size_t)i, value);
        if (eq < 0) {
            return -2;
        }
        if (eq) {
            return i;
        }
    }
    return -1;
}

static Object *deque_index(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (container_no_keywords("deque.index", kwnames) < 0 ||
        container_check_args("index", nargs, 1, 3) < 0) {
        return NULL;
    }
    DequeObject *d = (DequeObject *)self;
    ssize_t len = (ssize_t)d->size;
    ssize_t start = 0, stop = len;
    if ((nargs > 1 && seq_clamped_index(args[1], &start) < 0) ||
        (nargs > 2 && seq_clamped_index(args[2], &stop) < 0)) {
        return NULL;
    }
    /* Negative bounds count from the end, as for list.index. */
    if (start < 0) {
        start = start + len < 0 ? 0 : start + len;
    }
    if (stop < 0) {
        stop = stop + len < 0 ? 0 : stop + len;
    }
    ssize_t i = deque_find(d, args[0], start, stop);
    if (i == -2) {
        return NULL;
    }
    if (i == -1) {
        return err_format(&ExcValueError, "%R is not in deque", args[0]);
    }
    return small_int_make(i);
}

static Object *deque_insert(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (container_no_keywords("deque.insert", kwnames) < 0) {
        return NULL;
    }
    if (nargs != 2) {
        return err_format(&ExcTypeError, "insert() takes exactly 2 arguments (%zu given)", nargs);
    }
    DequeObject *d = (DequeObject *)self;
    ssize_t index = obj_as_ssize(args[0]);
    if (index == -1 && err_occurred() != NULL) {
        return NULL;
    }
    if (d->maxlen >= 0 && d->size >= (size_t)d->maxlen) {
        return err_format(&ExcIndexError, "deque already at its maximum size");
    }
    ssize_t len = (ssize_t)d->size;
    if (index < 0) {
        index = index + len < 0 ? 0 : index + len;
    }
    if (index > len) {
        index = len;
    }
    /* Append, then walk the new item left to its place. */
    if (deque_put_back(d, NEWREF(args[1])) < 0) {
        return NULL;
    }
    for (ssize_t j = len; j > index; j--) {
        Object *tmp = *deque_slot(d, (size_t)j);
        *deque_slot(d, (size_t)j) = *deque_slot(d, (size_t)j - 1);
        *deque_slot(d, (size_t)j - 1) = tmp;
    }
    return none_ref();
}

static Object *deque_remove(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (container_no_keywords("deque.remove", kwnames) < 0 ||
        container_check_args("deque.remove", nargs, 1, 1) < 0) {
        return NULL;
    }
    DequeObject *d = (DequeObject *)self;
    ssize_t i = deque_find(d, args[0], 0, (ssize_t)d->size);
    if (i == -2) {
        return NULL;
    }
    if (i == -1) {
        return err_format(&ExcValueError, "%R is not in deque", args[0]);
    }
    DECREF(deque_remove_at(d, (size_t)i));
    return none_ref();
}

static Object *deque_reverse(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (container_no_keywords("deque.reverse", kwnames) < 0 ||
        container_check_args("deque.reverse", nargs, 0, 0) < 0) {
        return NULL;
    }
    DequeObject *d = (DequeObject *)self;
    for (size_t i = 0, j = d->size; i + 1 < j; i++, j--) {
        Object *tmp = *deque_slot(d, i);
        *deque_slot(d, i) = *deque_slot(d, j - 1);
        *deque_slot(d, j - 1) = tmp;
    }
    d->state++;
    return none_ref();
}

static Object *deque_copy_method(Object *self, Object *const *args, size_t nargs,
                                 Object *kwnames) {
    if (container_no_keywords("deque.copy", kwnames) < 0 ||
        container_check_args("deque.copy", nargs, 0, 0) < 0) {
        return NULL;
    }
    return deque_copy_of((DequeObject *)self);
}

static Object *deque_reversed_method(Object *self, Object *const *args, size_t nargs,
                                     Object *kwnames);
static Object *deque_get_maxlen(Object *self);

/* d.__reduce__() -> (type(d), (list(d), maxlen)): how copy and pickle rebuild a deque. */
static Object *deque_reduce(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (container_check_args("deque.__reduce__", nargs, 0, 0) < 0) {
        return NULL;
    }
    Object *items = list_from_iterable(self);
    if (items == NULL) {
        return NULL;
    }
    Object *maxlen = deque_get_maxlen(self);
    Object *ctor_args = tuple_pack(2, items, maxlen);
    DECREF(items);
    DECREF(maxlen);
    if (ctor_args == NULL) {
        return NULL;
    }
    Object *r = tuple_pack(2, (Object *)obj_type(self), ctor_args);
    DECREF(ctor_args);
    return r;
}

/* ================================================================ slots */

static Object *deque_repr(Object *self) {
    DequeObject *d = (DequeObject *)self;
    const char *name = deque_short_name(self);
    int entered = repr_enter(self);
    if (entered != 0) {
        return entered > 0 ? str_from_cstr("[...]") : NULL;
    }
    /* Format a list snapshot, as CPython does. */
    Object *items = list_from_iterable(self);
    Object *r = NULL;
    if (items != NULL) {
        if (d->maxlen >= 0) {
            r = str_from_format("%s(%R, maxlen=%zd)", name, items, d->maxlen);
        } else {
            r = str_from_format("%s(%R)", name, items);
        }
        DECREF(items);
    }
    repr_leave(self);
    return r;
}

static ssize_t deque_len(Object *self) { return (ssize_t)((DequeObject *)self)->size; }

/* The index of key in d: 0 with *out set, or -1 with TypeError/IndexError. */
static int deque_index_of(DequeObject *d, Object *key, size_t *out) {
    ssize_t i;
    int r = seq_index_value(key, &i);
    if (r < 0) {
        return -1;
    }
    if (r == 0) {
        err_format(&ExcTypeError, "sequence index must be integer, not '%.200s'",
                   obj_type_name(key));
        return -1;
    }
    if (i < 0) {
        i += (ssize_t)d->size;
    }
    if (i < 0 || (size_t)i >= d->size) {
        err_set_string(&ExcIndexError, "deque index out of range");
        return -1;
    }
    *out = (size_t)i;
    return 0;
}

static Object *deque_getitem(Object *self, Object *key) {
    DequeObject *d = (DequeObject *)self;
    size_t i;
    if (deque_index_of(d, key, &i) < 0) {
        return NULL;
    }
    return NEWREF(*deque_slot(d, i));
}

static int deque_setitem(Object *self, Object *key, Object *value) {
    DequeObject *d = (DequeObject *)self;
    size_t i;
    if (deque_index_of(d, key, &i) < 0) {
        return -1;
    }
    if (value == NULL) {
        DECREF(deque_remove_at(d, i));
        return 0;
    }
    Object **slot = deque_slot(d, i);
    Object *old = *slot;
    *slot = NEWREF(value);
    DECREF(old);
    return 0;
}

static int deque_contains(Object *self, Object *value) {
    DequeObject *d = (DequeObject *)self;
    for (size_t i = 0; i < d->size; i++) {
        int eq = deque_item_equals(d, i, value);
        if (eq != 0) {
            return eq;
        }
    }
    return 0;
}

/* Lexicographic comparison of two deques, like lists. */
static Object *deque_richcompare(Object *a, Object *b, CompareOp op) {
    if (!deque_check(a) || !deque_check(b)) {
        return NEWREF(NotImplemented);
    }
    DequeObject *x = (DequeObject *)a, *y = (DequeObject *)b;
    if ((op == CMP_EQ || op == CMP_NE) && x->size != y->size) {
        return NEWREF(op == CMP_NE ? True : False);
    }
    /* Find the first index where the items differ. */
    size_t i = 0;
    for (; i < x->size && i < y->size; i++) {
        Object *vx = NEWREF(*deque_slot(x, i));
        Object *vy = NEWREF(*deque_slot(y, i));
        int eq = obj_richcompare_bool(vx, vy, CMP_EQ);
        if (eq == 0) {
            Object *r;
            if (op == CMP_EQ) {
                r = NEWREF(False);
            } else if (op == CMP_NE) {
                r = NEWREF(True);
            } else {
                r = obj_richcompare(vx, vy, op);
            }
            DECREF(vx);
            DECREF(vy);
            return r;
        }
        DECREF(vx);
        DECREF(vy);
        if (eq < 0) {
            return NULL;
        }
    }
    /* One is a prefix of the other: compare the sizes. */
    size_t sx = x->size, sy = y->size;
    bool result = false;
    switch (op) {
    case CMP_LT: result = sx < sy; break;
    case CMP_LE: result = sx <= sy; break;
    case CMP_EQ: result = sx == sy; break;
    case CMP_NE: result = sx != sy; break;
    case CMP_GT: result = sx > sy; break;
    case CMP_GE: result = sx >= sy; break;
    default: break;
    }
    return NEWREF(result ? True : False);
}

/* In-place d *= n: repeat the current contents n times (bounded by maxlen). */
static int deque_repeat_inplace(DequeObject *d, Object *count) {
    ssize_t n = obj_as_ssize(count);
    if (n == -1 && err_occurred() != NULL) {
        return -1;
    }
    if (n <= 0) {
        deque_clear_items(d);
        return 0;
    }
    Object *copy = list_from_iterable((Object *)d);
    if (copy == NULL) {
        return -1;
    }
    for (ssize_t k = 1; k < n; k++) {
        if (deque_extend_from(d, copy, false) < 0) {
            DECREF(copy);
            return -1;
        }
    }
    DECREF(copy);
    return 0;
}

/* d * n as a new deque (a copy, then repeated in place, as CPython does). */
static Object *deque_repeat(DequeObject *d, Object *count) {
    Object *r = deque_copy_of(d);
    if (r != NULL && deque_repeat_inplace((DequeObject *)r, count) < 0) {
        DECREF(r);
        return NULL;
    }
    return r;
}

static Object *deque_binary_op(Object *a, Object *b, BinaryOp op) {
    if (op == BINOP_ADD && deque_check(a)) {
        if (!deque_check(b)) {
            Object *r = seq_try_other_operand(a, b, op);
            if (r != NotImplemented) {
                return r;
            }
            DECREF(r);
            return err_format(&ExcTypeError, "can only concatenate deque (not \"%.200s\") to deque",
                              obj_type_name(b));
        }
        Object *r = deque_copy_of((DequeObject *)a);
        if (r != NULL && deque_extend_from((DequeObject *)r, b, false) < 0) {
            DECREF(r);
            return NULL;
        }
        return r;
    }
    if (op == BINOP_MUL) {
        Object *seq = deque_check(a) ? a : b;
        Object *count = seq == a ? b : a;
        if (deque_check(count) || obj_type(count)->index == NULL) {
            if (seq == a) {
                Object *r = seq_try_other_operand(a, b, op);
                if (r != NotImplemented) {
                    return r;
                }
                DECREF(r);
            }
            return err_format(&ExcTypeError, "can't multiply sequence by non-int of type "
                              "'%.200s'", obj_type_name(count));
        }
        return deque_repeat((DequeObject *)seq, count);
    }
    return NEWREF(NotImplemented);
}

static Object *deque_inplace_op(Object *a, Object *b, BinaryOp op) {
    DequeObject *d = (DequeObject *)a;
    if (op == BINOP_ADD && deque_check(a)) {
        if (deque_extend_from(d, b, false) < 0) {
            return NULL;
        }
        return NEWREF(a);
    }
    if (op == BINOP_MUL && deque_check(a) && obj_type(b)->index != NULL) {
        if (deque_repeat_inplace(d, b) < 0) {
            return NULL;
        }
        return NEWREF(a);
    }
    return deque_binary_op(a, b, op);
}

static Object *deque_get_maxlen(Object *self) {
    DequeObject *d = (DequeObject *)self;
    if (d->maxlen < 0) {
        return none_ref();
    }
    return small_int_make(d->maxlen);
}

/* ================================================================ iterators */

typedef struct DequeIterObject {
    Object base;
    DequeObject *deque; /* NULL once exhausted */
    size_t index;       /* items already produced */
    size_t state;       /* the deque's state when the iterator was made */
} DequeIterObject;

static Object *deque_iter_make(Object *self, TypeObject *type) {
    DequeIterObject *it = (DequeIterObject *)obj_alloc(type, sizeof(DequeIterObject));
    if (it == NULL) {
        return NULL;
    }
    it->deque = (DequeObject *)NEWREF(self);
    it->state = ((DequeObject *)self)->state;
    return (Object *)it;
}

static Object *deque_iter(Object *self) { return deque_iter_make(self, &DequeIterType); }

static Object *deque_reversed_method(Object *self, Object *const *args, size_t nargs,
                                     Object *kwnames) {
    if (container_check_args("deque.__reversed__", nargs, 0, 0) < 0) {
        return NULL;
    }
    return deque_iter_make(self, &DequeRevIterType);
}

/* The next item of a forward or reverse iterator; NULL at the end (no error) or with
 * RuntimeError when the deque changed since the iterator was made. */
static Object *deque_iter_step(Object *self, bool reverse) {
    DequeIterObject *it = (DequeIterObject *)self;
    DequeObject *d = it->deque;
    if (d == NULL) {
        return NULL;
    }
    if (d->state != it->state) {
        err_set_string(&ExcRuntimeError, "deque mutated during iteration");
        return NULL;
    }
    if (it->index >= d->size) {
        it->deque = NULL;
        DECREF((Object *)d);
        return NULL;
    }
    size_t i = reverse ? d->size - 1 - it->index : it->index;
    it->index++;
    return NEWREF(*deque_slot(d, i));
}

static Object *deque_iter_next(Object *self) { return deque_iter_step(self, false); }
static Object *deque_reviter_next(Object *self) { return deque_iter_step(self, true); }

static Object *deque_iter_self(Object *self) { return NEWREF(self); }

static void deque_iter_dealloc(Object *self) {
    CLEAR(((DequeIterObject *)self)->deque);
    obj_free(self);
}

static int deque_iter_traverse(Object *self, VisitFunc visit, void *arg) {
    DequeIterObject *it = (DequeIterObject *)self;
    return it->deque != NULL ? visit((Object *)it->deque, arg) : 0;
}

static Object *deque_iter_length_hint(Object *self, Object *const *args, size_t nargs,
                                      Object *kwnames) {
    DequeIterObject *it = (DequeIterObject *)self;
    if (it->deque == NULL || it->index >= it->deque->size) {
        return small_int_make(0);
    }
    return small_int_make((ssize_t)(it->deque->size - it->index));
}

static const MethodDef deque_iter_methods[] = {
    {"__length_hint__", deque_iter_length_hint, 0, "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

TypeObject DequeIterType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "_collections._deque_iterator",
    .basic_size = sizeof(DequeIterObject),
    .flags = TYPE_FLAG_GC,
    .dealloc = deque_iter_dealloc,
    .traverse = deque_iter_traverse,
    .iter = deque_iter_self,
    .iternext = deque_iter_next,
    .methods = deque_iter_methods,
};

TypeObject DequeRevIterType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "_collections._deque_reverse_iterator",
    .basic_size = sizeof(DequeIterObject),
    .flags = TYPE_FLAG_GC,
    .dealloc = deque_iter_dealloc,
    .traverse = deque_iter_traverse,
    .iter = deque_iter_self,
    .iternext = deque_reviter_next,
    .methods = deque_iter_methods,
};

/* ================================================================ the type */

static const MethodDef deque_methods[] = {
    {"append", deque_append, 0, "Add an element to the right side of the deque."},
    {"appendleft", deque_appendleft, 0, "Add an element to the left side of the deque."},
    {"pop", deque_pop, 0, "Remove and return the rightmost element."},
    {"popleft", deque_popleft, 0, "Remove and return the leftmost element."},
    {"extend", deque_extend, 0, "Extend the right side of the deque with elements from the iterable"},
    {"extendleft", deque_extendleft, 0, "Extend the left side of the deque with elements from the iterable"},
    {"rotate", deque_rotate, 0, "Rotate the deque n steps to the right (default n=1).  If n is negative, rotates left."},
    {"clear", deque_clear_method, 0, "Remove all elements from the deque."},
    {"count", deque_count, 0, "D.count(value) -- return number of occurrences of value"},
    {"index", deque_index, 0, "D.index(value, [start, [stop]]) -- return first index of value."},
    {"insert", deque_insert, 0, "D.insert(index, object) -- insert object before index"},
    {"remove", deque_remove, 0, "D.remove(value) -- remove first occurrence of value."},
    {"reverse", deque_reverse, 0, "D.reverse() -- reverse *IN PLACE*"},
    {"copy", deque_copy_method, 0, "Return a shallow copy of a deque."},
    {"__copy__", deque_copy_method, 0, "Return a shallow copy of a deque."},
    {"__reduce__", deque_reduce, 0, "Return state information for pickling."},
    {"__reversed__", deque_reversed_method, 0, "D.__reversed__() -- return a reverse iterator over the deque"},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef deque_getsets[] = {
    {"maxlen", deque_get_maxlen, NULL, "maximum size of a deque or None if unbounded"},
    {NULL, NULL, NULL, NULL},
};

TypeObject DequeType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "collections.deque",
    .basic_size = sizeof(DequeObject),
    .flags = TYPE_FLAG_BASETYPE | TYPE_FLAG_GC,
    .dealloc = deque_dealloc,
    .traverse = deque_traverse,
    .clear = deque_clear_slot,
    .repr = deque_repr,
    .richcompare = deque_richcompare,
    .binary_op = deque_binary_op,
    .inplace_op = deque_inplace_op,
    .len = deque_len,
    .getitem = deque_getitem,
    .setitem = deque_setitem,
    .contains = deque_contains,
    .iter = deque_iter,
    .new_instance = deque_new_instance,
    .init = deque_init,
    .methods = deque_methods,
    .getsets = deque_getsets,
    .doc = "A list-like sequence optimized for data accesses near its endpoints.",
};

/* ================================================================ the module */

Object *mod_collections_init(void) {
    if (!(DequeType.flags & TYPE_FLAG_READY)) {
        /* __name__ is "deque" and __module__ "collections", while error messages say
         * 'collections.deque' as CPython's do. */
        DequeType.name_obj = str_intern_cstr("deque");
        DequeType.module_name = str_intern_cstr("collections");
        if (DequeType.name_obj == NULL || DequeType.module_name == NULL) {
            return NULL;
        }
    }
    if (type_ready(&DequeType) < 0 || type_ready(&DequeIterType) < 0 ||
        type_ready(&DequeRevIterType) < 0) {
        return NULL;
    }
    Object *m = module_new("_collections");
    if (m == NULL) {
        return NULL;
    }
    if (module_add_object(m, "deque", (Object *)&DequeType) < 0) {
        DECREF(m);
        return NULL;
    }
    return m;
}
