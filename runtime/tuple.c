/* tuple.c: the tuple type (immutable arrays of references), its iterator,
 * and CPython's xxHash-based tuple hash so hash((1, 2)) matches CPython. */
#include "tuple.h"

#include <string.h>

#include "args.h"
#include "containers.h"
#include "errors.h"
#include "genericalias.h"
#include "exceptions.h"
#include "int.h"
#include "list.h"
#include "memory.h"
#include "range.h"
#include "state.h"
#include "str.h"

/* The shared empty tuple: created on first use and kept forever (a singleton). */
static Object *tuple_empty;

/* Freelists of dead exact tuples of 1..TUPLE_MAXSAVESIZE-1 items, as in
 * CPython: tuples are made and dropped constantly (arguments, dict items,
 * returns), and reusing their memory skips malloc/free. A parked tuple is
 * untracked by the collector; items[0] links the list. Only touched with the
 * GIL held, like every refcount. */
#define TUPLE_MAXSAVESIZE 20
#define TUPLE_MAXFREELIST 2000

static TupleObject *tuple_free_list[TUPLE_MAXSAVESIZE];
static int tuple_free_count[TUPLE_MAXSAVESIZE];

/* A tuple of `type` with n NULL slots, from the freelist when possible. */
static Object *tuple_alloc(TypeObject *type, size_t n) {
    if (type == &TupleType && n > 0 && n < TUPLE_MAXSAVESIZE && tuple_free_list[n] != NULL) {
        TupleObject *t = tuple_free_list[n];
        tuple_free_list[n] = (TupleObject *)t->items[0];
        tuple_free_count[n]--;
        memset(t->items, 0, n * sizeof(Object *));
        t->base.refcount = 1;
        gc_track((Object *)t);
        return (Object *)t;
    }
    if (n > (SIZE_MAX - sizeof(TupleObject)) / sizeof(Object *)) {
        err_no_memory();
        return NULL;
    }
    TupleObject *t = (TupleObject *)obj_alloc(type, sizeof(TupleObject) + n * sizeof(Object *));
    if (t != NULL) {
        t->size = n;
    }
    return (Object *)t;
}

Object *tuple_new(size_t n) {
    if (n == 0) {
        if (tuple_empty == NULL) {
            tuple_empty = tuple_alloc(&TupleType, 0);
            if (tuple_empty == NULL) {
                return NULL;
            }
        }
        return NEWREF(tuple_empty);
    }
    return tuple_alloc(&TupleType, n);
}

/* A tuple of the n (borrowed) variadic arguments. */
Object *tuple_pack(size_t n, ...) {
    Object *t = tuple_new(n);
    if (t == NULL) {
        return NULL;
    }
    va_list ap;
    va_start(ap, n);
    for (size_t i = 0; i < n; i++) {
        Object *item = va_arg(ap, Object *);
        tuple_init_item(t, i, NEWREF(item));
    }
    va_end(ap);
    return t;
}

Object *tuple_from_array(Object *const *items, size_t n) {
    Object *t = tuple_new(n);
    if (t == NULL) {
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        tuple_init_item(t, i, NEWREF(items[i]));
    }
    return t;
}

/* tuple(iterable): an exact tuple is returned as is; lists are copied
 * directly; anything else is collected through a list. New reference. */
Object *tuple_from_iterable(Object *iterable) {
    if (!is_small_int(iterable) && iterable->type == &TupleType) {
        return NEWREF(iterable);
    }
    if (list_check_exact(iterable)) {
        return list_as_tuple(iterable);
    }
    Object *list = list_from_iterable(iterable);
    if (list == NULL) {
        return NULL;
    }
    Object *t = list_as_tuple(list);
    DECREF(list);
    return t;
}

Object *tuple_slice(Object *t, size_t start, size_t stop) {
    size_t n = tuple_size(t);
    if (stop > n) {
        stop = n;
    }
    if (start >= stop) {
        return tuple_new(0);
    }
    if (start == 0 && stop == n && t->type == &TupleType) {
        return NEWREF(t);
    }
    return tuple_from_array(((TupleObject *)t)->items + start, stop - start);
}

/* ------------------------------------------------------------ type slots */

static void tuple_dealloc(Object *self) {
    if (dealloc_defer(self)) {
        return;
    }
    TupleObject *t = (TupleObject *)self;
    for (size_t i = t->size; i-- > 0;) {
        XDECREF(t->items[i]);
    }
    size_t n = t->size;
    if (self->type == &TupleType && n > 0 && n < TUPLE_MAXSAVESIZE &&
        tuple_free_count[n] < TUPLE_MAXFREELIST) {
        gc_untrack(self);
        t->items[0] = (Object *)tuple_free_list[n];
        tuple_free_list[n] = t;
        tuple_free_count[n]++;
    } else {
        obj_free(self);
    }
    dealloc_done();
}

static int tuple_traverse(Object *self, VisitFunc visit, void *arg) {
    TupleObject *t = (TupleObject *)self;
    for (size_t i = 0; i < t->size; i++) {
        if (t->items[i] != NULL) {
            int r = visit(t->items[i], arg);
            if (r != 0) {
                return r;
            }
        }
    }
    return 0;
}

/* "(1, 2)", "(1,)", "()"; a tuple reached again through its own items
 * prints as "(...)". */
static Object *tuple_repr(Object *self) {
    TupleObject *t = (TupleObject *)self;
    if (t->size == 0) {
        return str_from_cstr("()");
    }
    int entered = repr_enter(self);
    if (entered != 0) {
        return entered > 0 ? str_from_cstr("(...)") : NULL;
    }
    StrBuilder sb;
    sb_init(&sb);
    sb_append_char(&sb, '(');
    if (ts_enter_recursive(" while getting the repr of an object") < 0) {
        goto fail;
    }
    for (size_t i = 0; i < t->size; i++) {
        if (i > 0) {
            sb_append(&sb, ", ", 2);
        }
        if (sb_append_repr(&sb, t->items[i]) < 0) {
            ts_leave_recursive();
            goto fail;
        }
    }
    ts_leave_recursive();
    if (t->size == 1) {
        sb_append_char(&sb, ',');
    }
    sb_append_char(&sb, ')');
    repr_leave(self);
    return sb_finish(&sb);
fail:
    repr_leave(self);
    sb_discard(&sb);
    return NULL;
}

/* CPython 3.8+'s tuple hash (an xxHash variant over the items' hashes). */
#define XXPRIME_1   ((uint64_t)11400714785074694791ULL)
#define XXPRIME_2   ((uint64_t)14029467366897019727ULL)
#define XXPRIME_5   ((uint64_t)2870177450012600261ULL)
#define XXROTATE(x) (((x) << 31) | ((x) >> 33))

static intptr_t tuple_hash(Object *self) {
    TupleObject *t = (TupleObject *)self;
    uint64_t acc = XXPRIME_5;
    for (size_t i = 0; i < t->size; i++) {
        intptr_t h = container_hash(t->items[i]);
        if (h == -1) {
            return -1;
        }
        acc += (uint64_t)h * XXPRIME_2;
        acc = XXROTATE(acc);
        acc *= XXPRIME_1;
    }
    acc += (uint64_t)t->size ^ (XXPRIME_5 ^ 3527539UL);
    if (acc == (uint64_t)-1) {
        return 1546275796;
    }
    return (intptr_t)acc;
}

/* Lexicographic comparison, shared in spirit with list_richcompare: find the
 * first differing item (== with the identity shortcut), then compare sizes or
 * that pair. */
static Object *tuple_richcompare(Object *a, Object *b, CompareOp op) {
    if (!tuple_check(a) || !tuple_check(b)) {
        return NEWREF(NotImplemented);
    }
    TupleObject *v = (TupleObject *)a, *w = (TupleObject *)b;
    size_t i;
    for (i = 0; i < v->size && i < w->size; i++) {
        int k = obj_richcompare_bool(v->items[i], w->items[i], CMP_EQ);
        if (k < 0) {
            return NULL;
        }
        if (!k) {
            break;
        }
    }
    if (i >= v->size || i >= w->size) {
        bool r;
        switch (op) {
            case CMP_LT:
                r = v->size < w->size;
                break;
            case CMP_LE:
                r = v->size <= w->size;
                break;
            case CMP_EQ:
                r = v->size == w->size;
                break;
            case CMP_NE:
                r = v->size != w->size;
                break;
            case CMP_GT:
                r = v->size > w->size;
                break;
            default:
                r = v->size >= w->size;
                break;
        }
        return bool_from(r);
    }
    if (op == CMP_EQ) {
        return bool_from(false);
    }
    if (op == CMP_NE) {
        return bool_from(true);
    }
    return obj_richcompare(v->items[i], w->items[i], op);
}

static ssize_t tuple_len(Object *self) {
    return (ssize_t)((TupleObject *)self)->size;
}

static int tuple_contains(Object *self, Object *item) {
    TupleObject *t = (TupleObject *)self;
    for (size_t i = 0; i < t->size; i++) {
        int k = obj_richcompare_bool(t->items[i], item, CMP_EQ);
        if (k != 0) {
            return k;
        }
    }
    return 0;
}

static Object *tuple_item_at(TupleObject *t, ssize_t i) {
    if (i < 0) {
        i += (ssize_t)t->size;
    }
    if (i < 0 || (size_t)i >= t->size) {
        err_set_string(&ExcIndexError, "tuple index out of range");
        return NULL;
    }
    return NEWREF(t->items[i]);
}

/* t[i] or t[slice]. */
static Object *tuple_getitem(Object *self, Object *key) {
    TupleObject *t = (TupleObject *)self;
    if (is_small_int(key)) {
        return tuple_item_at(t, small_int_value(key));
    }
    if (slice_check(key)) {
        ssize_t start, stop, step;
        ssize_t n = slice_adjust(key, (ssize_t)t->size, &start, &stop, &step);
        if (n < 0) {
            return NULL;
        }
        if (step == 1) {
            return tuple_slice(self, (size_t)start, (size_t)stop);
        }
        Object *r = tuple_new((size_t)n);
        if (r == NULL) {
            return NULL;
        }
        for (ssize_t k = 0, j = start; k < n; k++, j += step) {
            tuple_init_item(r, (size_t)k, NEWREF(t->items[j]));
        }
        return r;
    }
    ssize_t i;
    int ok = seq_index_value(key, &i);
    if (ok < 0) {
        return NULL;
    }
    if (ok == 0) {
        return err_format(&ExcTypeError, "tuple indices must be integers or slices, not %.200s",
                          obj_type_name(key));
    }
    return tuple_item_at(t, i);
}

/* tuple + tuple and tuple * n (either order). */
static Object *tuple_binary_op(Object *a, Object *b, BinaryOp op) {
    if (op == BINOP_ADD) {
        if (!tuple_check(a)) {
            return NEWREF(NotImplemented);
        }
        if (!tuple_check(b)) {
            Object *r = seq_try_other_operand(a, b, op);
            if (r != NULL && r == NotImplemented) {
                DECREF(r);
                return err_format(&ExcTypeError,
                                  "can only concatenate tuple (not \"%.200s\") to tuple",
                                  obj_type_name(b));
            }
            return r;
        }
        TupleObject *v = (TupleObject *)a, *w = (TupleObject *)b;
        if (w->size == 0 && a->type == &TupleType) {
            return NEWREF(a);
        }
        if (v->size == 0 && b->type == &TupleType) {
            return NEWREF(b);
        }
        Object *r = tuple_new(v->size + w->size);
        if (r == NULL) {
            return NULL;
        }
        for (size_t i = 0; i < v->size; i++) {
            tuple_init_item(r, i, NEWREF(v->items[i]));
        }
        for (size_t i = 0; i < w->size; i++) {
            tuple_init_item(r, v->size + i, NEWREF(w->items[i]));
        }
        return r;
    }
    if (op == BINOP_MUL) {
        Object *seq = tuple_check(a) ? a : b;
        Object *count = seq == a ? b : a;
        ssize_t n;
        int ok = seq_index_value(count, &n);
        if (ok < 0) {
            if (err_matches(&ExcIndexError)) {
                err_clear();
                return err_format(&ExcOverflowError,
                                  "cannot fit '%.200s' into an index-sized integer",
                                  obj_type_name(count));
            }
            return NULL;
        }
        if (ok == 0) {
            if (seq == a) {
                Object *r = seq_try_other_operand(a, b, op);
                if (r == NULL || r != NotImplemented) {
                    return r;
                }
                DECREF(r);
            }
            return err_format(&ExcTypeError, "can't multiply sequence by non-int of type '%.200s'",
                              obj_type_name(count));
        }
        TupleObject *t = (TupleObject *)seq;
        if (n <= 0 || t->size == 0) {
            return tuple_new(0);
        }
        if (n == 1 && seq->type == &TupleType) {
            return NEWREF(seq);
        }
        if ((size_t)n > SIZE_MAX / sizeof(Object *) / t->size) {
            err_no_memory();
            return NULL;
        }
        Object *r = tuple_new(t->size * (size_t)n);
        if (r == NULL) {
            return NULL;
        }
        size_t k = 0;
        for (ssize_t rep = 0; rep < n; rep++) {
            for (size_t i = 0; i < t->size; i++) {
                tuple_init_item(r, k++, NEWREF(t->items[i]));
            }
        }
        return r;
    }
    return NEWREF(NotImplemented);
}

/* ------------------------------------------------------------ iterator */

static Object *tuple_iter(Object *self) {
    TupleIterObject *it = (TupleIterObject *)obj_alloc(&TupleIterType, sizeof(TupleIterObject));
    if (it == NULL) {
        return NULL;
    }
    it->tuple = NEWREF(self);
    it->index = 0;
    return (Object *)it;
}

static Object *tuple_iter_next(Object *self) {
    TupleIterObject *it = (TupleIterObject *)self;
    if (it->tuple == NULL) {
        return NULL;
    }
    TupleObject *t = (TupleObject *)it->tuple;
    if (it->index < t->size) {
        return NEWREF(t->items[it->index++]);
    }
    CLEAR(it->tuple);
    return NULL;
}

static void tuple_iter_dealloc(Object *self) {
    XDECREF(((TupleIterObject *)self)->tuple);
    obj_free(self);
}

static int tuple_iter_traverse(Object *self, VisitFunc visit, void *arg) {
    Object *t = ((TupleIterObject *)self)->tuple;
    return t != NULL ? visit(t, arg) : 0;
}

static Object *iter_self(Object *self) {
    return NEWREF(self);
}

static Object *tuple_iter_length_hint(Object *self, Object *const *args, size_t nargs,
                                      Object *kwnames) {
    TupleIterObject *it = (TupleIterObject *)self;
    size_t n = it->tuple == NULL ? 0 : tuple_size(it->tuple) - it->index;
    return small_int_make((intptr_t)n);
}

static const MethodDef tuple_iter_methods[] = {
    {"__length_hint__", tuple_iter_length_hint, 0,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

TypeObject TupleIterType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "tuple_iterator",
    .basic_size = sizeof(TupleIterObject),
    .flags = TYPE_FLAG_GC,
    .dealloc = tuple_iter_dealloc,
    .traverse = tuple_iter_traverse,
    .new_instance = container_no_new,
    .iter = iter_self,
    .iternext = tuple_iter_next,
    .methods = tuple_iter_methods,
};

/* ------------------------------------------------------------ methods */

static Object *tuple_count_method(Object *self, Object *const *args, size_t nargs,
                                  Object *kwnames) {
    if (container_no_keywords("tuple.count", kwnames) < 0 ||
        container_check_args("tuple.count", nargs, 1, 1) < 0) {
        return NULL;
    }
    TupleObject *t = (TupleObject *)self;
    intptr_t count = 0;
    for (size_t i = 0; i < t->size; i++) {
        int k = obj_richcompare_bool(t->items[i], args[0], CMP_EQ);
        if (k < 0) {
            return NULL;
        }
        count += k;
    }
    return small_int_make(count);
}

/* tuple.index(value, start=0, stop=sys.maxsize) */
static Object *tuple_index_method(Object *self, Object *const *args, size_t nargs,
                                  Object *kwnames) {
    if (container_no_keywords("tuple.index", kwnames) < 0 ||
        container_check_args("index", nargs, 1, 3) < 0) {
        return NULL;
    }
    TupleObject *t = (TupleObject *)self;
    ssize_t size = (ssize_t)t->size, start = 0, stop = size;
    if (nargs >= 2 && seq_clamped_index(args[1], &start) < 0) {
        return NULL;
    }
    if (nargs >= 3 && seq_clamped_index(args[2], &stop) < 0) {
        return NULL;
    }
    if (start < 0) {
        start += size;
        if (start < 0) {
            start = 0;
        }
    }
    if (stop < 0) {
        stop += size;
    }
    for (ssize_t i = start; i < stop && i < (ssize_t)t->size; i++) {
        int k = obj_richcompare_bool(t->items[i], args[0], CMP_EQ);
        if (k < 0) {
            return NULL;
        }
        if (k) {
            return small_int_make(i);
        }
    }
    err_set_string(&ExcValueError, "tuple.index(x): x not in tuple");
    return NULL;
}

static Object *tuple_getnewargs(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    Object *copy = tuple_from_array(((TupleObject *)self)->items, tuple_size(self));
    if (copy == NULL) {
        return NULL;
    }
    Object *r = tuple_pack(1, copy);
    DECREF(copy);
    return r;
}

static const MethodDef tuple_methods[] = {
    {"count", tuple_count_method, 0, "Return number of occurrences of value."},
    {"index", tuple_index_method, 0, "Return first index of value."},
    {"__getnewargs__", tuple_getnewargs, 0, NULL},
    {"__class_getitem__", generic_alias_class_getitem, METHOD_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

/* tuple() / tuple(iterable); for a subclass, a new instance of it. */
static Object *tuple_new_instance(TypeObject *type, Object *const *args, size_t nargs,
                                  Object *kwnames) {
    if ((type == &TupleType || type->init == NULL || type->init == obj_init_default) &&
        container_no_keywords("tuple", kwnames) < 0) {
        return NULL;
    }
    if (nargs > 1) {
        return err_format(&ExcTypeError, "tuple expected at most 1 argument, got %zu", nargs);
    }
    Object *base = nargs == 0 ? tuple_new(0) : tuple_from_iterable(args[0]);
    if (base == NULL || type == &TupleType) {
        return base;
    }
    size_t n = tuple_size(base);
    Object *r = tuple_alloc(type, n);
    if (r != NULL) {
        for (size_t i = 0; i < n; i++) {
            tuple_init_item(r, i, NEWREF(tuple_get(base, i)));
        }
    }
    DECREF(base);
    return r;
}

TypeObject TupleType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "tuple",
    .basic_size = sizeof(TupleObject),
    .flags = TYPE_FLAG_BASETYPE | TYPE_FLAG_GC,
    .dealloc = tuple_dealloc,
    .traverse = tuple_traverse,
    .repr = tuple_repr,
    .hash = tuple_hash,
    .richcompare = tuple_richcompare,
    .binary_op = tuple_binary_op,
    .len = tuple_len,
    .getitem = tuple_getitem,
    .contains = tuple_contains,
    .iter = tuple_iter,
    .new_instance = tuple_new_instance,
    .methods = tuple_methods,
    .doc = "Built-in immutable sequence.",
};
