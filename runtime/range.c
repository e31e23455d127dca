/* range.c: range objects (lazy arithmetic progressions, with C fast paths
 * when every value fits a small int, and big ints otherwise), their
 * iterators, and slice objects with CPython's index-adjustment rules. */
#include "range.h"

#include "containers.h"
#include "errors.h"
#include "exceptions.h"
#include "int.h"
#include "state.h"
#include "str.h"
#include "tuple.h"

/* ============================================================ int helpers */

static Object *int_add(Object *a, Object *b) {
    return int_binary_op(a, b, BINOP_ADD);
}
static Object *int_sub(Object *a, Object *b) {
    return int_binary_op(a, b, BINOP_SUB);
}
static Object *int_mul(Object *a, Object *b) {
    return int_binary_op(a, b, BINOP_MUL);
}

static bool all_small(Object *a, Object *b, Object *c) {
    return is_small_int(a) && is_small_int(b) && is_small_int(c);
}

/* The number of items of range(start, stop, step), as an int. Small ints
 * are within +-2**62, so differences fit an intptr_t. */
static Object *range_compute_length(Object *start, Object *stop, Object *step) {
    if (all_small(start, stop, step)) {
        intptr_t lo = small_int_value(start), hi = small_int_value(stop);
        intptr_t st = small_int_value(step);
        uintptr_t n = 0;
        if (st > 0 && lo < hi) {
            n = ((uintptr_t)hi - (uintptr_t)lo - 1) / (uintptr_t)st + 1;
        } else if (st < 0 && lo > hi) {
            n = ((uintptr_t)lo - (uintptr_t)hi - 1) / (0 - (uintptr_t)st) + 1;
        }
        return int_from_u64((uint64_t)n);
    }
    Object *lo = start, *hi = stop, *st = step;
    INCREF(lo);
    INCREF(hi);
    INCREF(st);
    if (int_sign(step) < 0) {
        Object *t = lo;
        lo = hi;
        hi = t;
        Object *neg = int_sub(small_int_make(0), step);
        DECREF(st);
        st = neg;
        if (st == NULL) {
            DECREF(lo);
            DECREF(hi);
            return NULL;
        }
    }
    Object *result = NULL;
    if (int_compare(lo, hi) >= 0) {
        result = small_int_make(0);
    } else {
        Object *diff = int_sub(hi, lo);
        Object *d1 = diff == NULL ? NULL : int_sub(diff, small_int_make(1));
        Object *q = d1 == NULL ? NULL : int_binary_op(d1, st, BINOP_FLOORDIV);
        result = q == NULL ? NULL : int_add(q, small_int_make(1));
        XDECREF(diff);
        XDECREF(d1);
        XDECREF(q);
    }
    DECREF(lo);
    DECREF(hi);
    DECREF(st);
    return result;
}

/* Convert a range() argument with __index__; new reference. */
static Object *range_index_arg(Object *v) {
    if (int_check_exact(v)) {
        return NEWREF(v);
    }
    return obj_index(v);
}

/* ============================================================ slice indices */

static const char slice_index_error[] =
    "slice indices must be integers or None or have an __index__ method";

/* A slice bound as an int (new reference), via __index__. */
static Object *slice_bound(Object *v) {
    if (int_check(v)) {
        return NEWREF(v);
    }
    if (obj_type(v)->index == NULL) {
        err_set_string(&ExcTypeError, slice_index_error);
        return NULL;
    }
    return obj_index(v);
}

/* Clamp one bound (new reference in *out): negative counts from the end,
 * then the result is kept within [lower, upper]. Steals v. */
static int slice_clamp_bound(Object *v, Object *length, Object *lower, Object *upper,
                             Object **out) {
    if (int_sign(v) < 0) {
        Object *t = int_add(v, length);
        DECREF(v);
        if (t == NULL) {
            return -1;
        }
        v = t;
        if (int_compare(v, lower) < 0) {
            DECREF(v);
            v = NEWREF(lower);
        }
    } else if (int_compare(v, upper) > 0) {
        DECREF(v);
        v = NEWREF(upper);
    }
    *out = v;
    return 0;
}

/* CPython's _PySlice_GetLongIndices: slice.indices() with exact int
 * arithmetic for any length (an int >= 0). New references in the outputs. */
static int slice_long_indices(Object *slice, Object *length, Object **start_out, Object **stop_out,
                              Object **step_out) {
    SliceObject *s = (SliceObject *)slice;
    Object *step = s->step == None ? small_int_make(1) : slice_bound(s->step);
    if (step == NULL) {
        return -1;
    }
    if (int_is_zero(step)) {
        DECREF(step);
        err_set_string(&ExcValueError, "slice step cannot be zero");
        return -1;
    }
    bool negative = int_sign(step) < 0;
    Object *lower = negative ? small_int_make(-1) : small_int_make(0);
    Object *upper = negative ? int_add(length, lower) : NEWREF(length);
    if (upper == NULL) {
        DECREF(step);
        return -1;
    }
    Object *start = NULL, *stop = NULL;
    if (s->start == None) {
        start = NEWREF(negative ? upper : lower);
    } else {
        Object *v = slice_bound(s->start);
        if (v == NULL || slice_clamp_bound(v, length, lower, upper, &start) < 0) {
            goto fail;
        }
    }
    if (s->stop == None) {
        stop = NEWREF(negative ? lower : upper);
    } else {
        Object *v = slice_bound(s->stop);
        if (v == NULL || slice_clamp_bound(v, length, lower, upper, &stop) < 0) {
            goto fail;
        }
    }
    DECREF(upper);
    *start_out = start;
    *stop_out = stop;
    *step_out = step;
    return 0;
fail:
    XDECREF(start);
    DECREF(upper);
    DECREF(step);
    return -1;
}

/* ============================================================ range */

/* Steals start, stop and step (all ints, step nonzero). */
static Object *range_make(Object *start, Object *stop, Object *step) {
    Object *length = range_compute_length(start, stop, step);
    if (length == NULL) {
        goto fail;
    }
    RangeObject *r = (RangeObject *)obj_alloc(&RangeType, sizeof(RangeObject));
    if (r == NULL) {
        DECREF(length);
        goto fail;
    }
    r->start = start;
    r->stop = stop;
    r->step = step;
    r->length = length;
    return (Object *)r;
fail:
    DECREF(start);
    DECREF(stop);
    DECREF(step);
    return NULL;
}

/* range(start, stop[, step]) with arguments converted by __index__. */
Object *range_new(Object *start, Object *stop, Object *step) {
    Object *a = range_index_arg(start);
    Object *b = a == NULL ? NULL : range_index_arg(stop);
    Object *c = b == NULL ? NULL : range_index_arg(step == NULL ? small_int_make(1) : step);
    if (c == NULL) {
        XDECREF(a);
        XDECREF(b);
        return NULL;
    }
    if (int_is_zero(c)) {
        DECREF(a);
        DECREF(b);
        DECREF(c);
        err_set_string(&ExcValueError, "range() arg 3 must not be zero");
        return NULL;
    }
    return range_make(a, b, c);
}

static Object *range_new_instance(TypeObject *type, Object *const *args, size_t nargs,
                                  Object *kwnames) {
    if (container_no_keywords("range", kwnames) < 0 ||
        container_check_args("range", nargs, 1, 3) < 0) {
        return NULL;
    }
    if (nargs == 1) {
        Object *stop = range_index_arg(args[0]);
        if (stop == NULL) {
            return NULL;
        }
        return range_make(small_int_make(0), stop, small_int_make(1));
    }
    return range_new(args[0], args[1], nargs == 3 ? args[2] : NULL);
}

static void range_dealloc(Object *self) {
    RangeObject *r = (RangeObject *)self;
    DECREF(r->start);
    DECREF(r->stop);
    DECREF(r->step);
    DECREF(r->length);
    obj_free(self);
}

static Object *range_repr(Object *self) {
    RangeObject *r = (RangeObject *)self;
    if (is_small_int(r->step) && small_int_value(r->step) == 1) {
        return str_from_format("range(%R, %R)", r->start, r->stop);
    }
    return str_from_format("range(%R, %R, %R)", r->start, r->stop, r->step);
}

static ssize_t range_len(Object *self) {
    Object *length = ((RangeObject *)self)->length;
    if (is_small_int(length)) {
        return small_int_value(length);
    }
    err_set_string(&ExcOverflowError, "Python int too large to convert to C ssize_t");
    return -1;
}

static int range_truth(Object *self) {
    return !int_is_zero(((RangeObject *)self)->length);
}

/* start + i * step for an int i (new reference). */
static Object *range_item(RangeObject *r, Object *i) {
    if (all_small(r->start, r->step, i)) {
        intptr_t k = small_int_value(i), st = small_int_value(r->step);
        if (k >= -INT32_MAX && k <= INT32_MAX && st >= -INT32_MAX && st <= INT32_MAX) {
            /* |k*st| < 2**62 and |start| <= 2**62: no intptr_t overflow. */
            return int_from_i64((int64_t)(small_int_value(r->start) + k * st));
        }
    }
    Object *off = int_mul(i, r->step);
    if (off == NULL) {
        return NULL;
    }
    Object *v = int_add(r->start, off);
    DECREF(off);
    return v;
}

/* r[i] for an int i, negative indices counting from the end. */
static Object *range_item_checked(RangeObject *r, Object *i) {
    Object *idx = NEWREF(i);
    if (int_sign(idx) < 0) {
        Object *t = int_add(idx, r->length);
        DECREF(idx);
        if (t == NULL) {
            return NULL;
        }
        idx = t;
    }
    if (int_sign(idx) < 0 || int_compare(idx, r->length) >= 0) {
        DECREF(idx);
        err_set_string(&ExcIndexError, "range object index out of range");
        return NULL;
    }
    Object *v = range_item(r, idx);
    DECREF(idx);
    return v;
}

/* r[i] (an int) or r[slice] (a new range), exact for big ints too. */
static Object *range_getitem(Object *self, Object *key) {
    RangeObject *r = (RangeObject *)self;
    if (slice_check(key)) {
        Object *sstart, *sstop, *sstep;
        if (slice_long_indices(key, r->length, &sstart, &sstop, &sstep) < 0) {
            return NULL;
        }
        Object *nstart = range_item(r, sstart);
        Object *nstop = nstart == NULL ? NULL : range_item(r, sstop);
        Object *nstep = nstop == NULL ? NULL : int_mul(r->step, sstep);
        DECREF(sstart);
        DECREF(sstop);
        DECREF(sstep);
        if (nstep == NULL) {
            XDECREF(nstart);
            XDECREF(nstop);
            return NULL;
        }
        return range_make(nstart, nstop, nstep);
    }
    if (is_small_int(key) || int_check(key)) {
        return range_item_checked(r, key);
    }
    if (obj_type(key)->index != NULL) {
        Object *i = obj_index(key);
        if (i == NULL) {
            return NULL;
        }
        Object *v = range_item_checked(r, i);
        DECREF(i);
        return v;
    }
    return err_format(&ExcTypeError, "range indices must be integers or slices, not %.200s",
                      obj_type_name(key));
}

/* Is the int v one of r's values? (Exact arithmetic, no iteration.) */
static int range_contains_int(RangeObject *r, Object *v) {
    if (all_small(r->start, r->stop, r->step) && is_small_int(v)) {
        intptr_t x = small_int_value(v), lo = small_int_value(r->start);
        intptr_t hi = small_int_value(r->stop), st = small_int_value(r->step);
        if (st > 0 ? (x < lo || x >= hi) : (x > lo || x <= hi)) {
            return 0;
        }
        uintptr_t dist = st > 0 ? (uintptr_t)x - (uintptr_t)lo : (uintptr_t)lo - (uintptr_t)x;
        uintptr_t mag = st > 0 ? (uintptr_t)st : 0 - (uintptr_t)st;
        return dist % mag == 0;
    }
    if (int_sign(r->step) > 0) {
        if (int_compare(v, r->start) < 0 || int_compare(v, r->stop) >= 0) {
            return 0;
        }
    } else if (int_compare(v, r->start) > 0 || int_compare(v, r->stop) <= 0) {
        return 0;
    }
    Object *diff = int_sub(v, r->start);
    if (diff == NULL) {
        return -1;
    }
    Object *rem = int_binary_op(diff, r->step, BINOP_MOD);
    DECREF(diff);
    if (rem == NULL) {
        return -1;
    }
    int result = int_is_zero(rem);
    DECREF(rem);
    return result;
}

static bool range_int_fast(Object *v) {
    return is_small_int(v) || v->type == &IntType || v->type == &BoolType;
}

/* Search by iteration (for non-int values like 1.0): index or count. */
static ssize_t range_iter_search(Object *self, Object *value, bool count) {
    Object *it = obj_iter(self);
    if (it == NULL) {
        return -1;
    }
    ssize_t n = 0, i = 0;
    Object *item;
    while ((item = obj_next(it)) != NULL) {
        int eq = obj_richcompare_bool(item, value, CMP_EQ);
        DECREF(item);
        if (eq < 0) {
            DECREF(it);
            return -1;
        }
        if (eq > 0) {
            if (!count) {
                DECREF(it);
                return i;
            }
            n++;
        }
        i++;
    }
    DECREF(it);
    if (err_occurred() != NULL) {
        return -1;
    }
    if (!count) {
        err_set_string(&ExcValueError, "sequence.index(x): x not in sequence");
        return -1;
    }
    return n;
}

static int range_contains(Object *self, Object *value) {
    if (range_int_fast(value)) {
        return range_contains_int((RangeObject *)self, value);
    }
    ssize_t n = range_iter_search(self, value, true);
    return n < 0 ? -1 : n > 0;
}

/* Ranges are equal when they produce the same sequence. */
static bool range_equal(RangeObject *a, RangeObject *b) {
    if (a == b) {
        return true;
    }
    if (int_compare(a->length, b->length) != 0) {
        return false;
    }
    if (int_is_zero(a->length)) {
        return true;
    }
    if (int_compare(a->start, b->start) != 0) {
        return false;
    }
    if (is_small_int(a->length) && small_int_value(a->length) == 1) {
        return true;
    }
    return int_compare(a->step, b->step) == 0;
}

static Object *range_richcompare(Object *a, Object *b, CompareOp op) {
    if (is_small_int(a) || is_small_int(b) || a->type != &RangeType || b->type != &RangeType ||
        (op != CMP_EQ && op != CMP_NE)) {
        return NEWREF(NotImplemented);
    }
    bool eq = range_equal((RangeObject *)a, (RangeObject *)b);
    return bool_from(op == CMP_EQ ? eq : !eq);
}

/* hash((len, start, step)) with None for the parts that do not matter. */
static intptr_t range_hash(Object *self) {
    RangeObject *r = (RangeObject *)self;
    Object *t;
    if (int_is_zero(r->length)) {
        t = tuple_pack(3, r->length, None, None);
    } else if (is_small_int(r->length) && small_int_value(r->length) == 1) {
        t = tuple_pack(3, r->length, r->start, None);
    } else {
        t = tuple_pack(3, r->length, r->start, r->step);
    }
    if (t == NULL) {
        return -1;
    }
    intptr_t h = obj_hash(t);
    DECREF(t);
    return h;
}

/* ------------------------------------------------------------ iterators */

typedef struct LongRangeIterObject {
    Object base;
    Object *start, *step, *length, *index;
} LongRangeIterObject;

/* An iterator from `first` by `step` for `length` items (all ints, borrowed). */
static Object *range_iter_make(Object *first, Object *step, Object *length) {
    Object *last = NULL;
    if (all_small(first, step, length)) {
        /* The iterator also computes first + length*step at the end: make
         * sure that stays a small int too. */
        Object *span = int_mul(length, step);
        last = span == NULL ? NULL : int_add(first, span);
        XDECREF(span);
        if (last == NULL) {
            return NULL;
        }
    }
    if (last != NULL && is_small_int(last)) {
        RangeIterObject *it = (RangeIterObject *)obj_alloc(&RangeIterType, sizeof(RangeIterObject));
        if (it == NULL) {
            return NULL;
        }
        it->next = small_int_value(first);
        it->step = small_int_value(step);
        it->remaining = (size_t)small_int_value(length);
        return (Object *)it;
    }
    XDECREF(last);
    LongRangeIterObject *it =
        (LongRangeIterObject *)obj_alloc(&LongRangeIterType, sizeof(LongRangeIterObject));
    if (it == NULL) {
        return NULL;
    }
    it->start = NEWREF(first);
    it->step = NEWREF(step);
    it->length = NEWREF(length);
    it->index = small_int_make(0);
    return (Object *)it;
}

static Object *range_iter(Object *self) {
    RangeObject *r = (RangeObject *)self;
    return range_iter_make(r->start, r->step, r->length);
}

/* reversed(range): an iterator from the last item by -step. */
static Object *range_reversed(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (container_check_args("range.__reversed__", nargs, 0, 0) < 0) {
        return NULL;
    }
    RangeObject *r = (RangeObject *)self;
    if (int_is_zero(r->length)) {
        return range_iter_make(r->start, r->step, r->length);
    }
    Object *lastidx = int_sub(r->length, small_int_make(1));
    Object *last = lastidx == NULL ? NULL : range_item(r, lastidx);
    Object *negstep = last == NULL ? NULL : int_sub(small_int_make(0), r->step);
    Object *it = negstep == NULL ? NULL : range_iter_make(last, negstep, r->length);
    XDECREF(lastidx);
    XDECREF(last);
    XDECREF(negstep);
    return it;
}

static Object *range_iter_next(Object *self) {
    RangeIterObject *it = (RangeIterObject *)self;
    if (it->remaining == 0) {
        return NULL;
    }
    intptr_t v = it->next;
    it->next += it->step;
    it->remaining--;
    return small_int_make(v);
}

static Object *iter_self(Object *self) {
    return NEWREF(self);
}

static Object *range_iter_length_hint(Object *self, Object *const *args, size_t nargs,
                                      Object *kwnames) {
    return small_int_make((intptr_t)((RangeIterObject *)self)->remaining);
}

static const MethodDef range_iter_methods[] = {
    {"__length_hint__", range_iter_length_hint, 0,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

TypeObject RangeIterType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "range_iterator",
    .basic_size = sizeof(RangeIterObject),
    .dealloc = obj_free,
    .new_instance = container_no_new,
    .iter = iter_self,
    .iternext = range_iter_next,
    .methods = range_iter_methods,
};

/* start + index*step with big ints, for ranges past the small-int range. */
static Object *longrange_iter_next(Object *self) {
    LongRangeIterObject *it = (LongRangeIterObject *)self;
    if (int_compare(it->index, it->length) >= 0) {
        return NULL;
    }
    Object *off = int_mul(it->index, it->step);
    Object *v = off == NULL ? NULL : int_add(it->start, off);
    XDECREF(off);
    if (v == NULL) {
        return NULL;
    }
    Object *next = int_add(it->index, small_int_make(1));
    if (next == NULL) {
        DECREF(v);
        return NULL;
    }
    DECREF(it->index);
    it->index = next;
    return v;
}

static void longrange_iter_dealloc(Object *self) {
    LongRangeIterObject *it = (LongRangeIterObject *)self;
    DECREF(it->start);
    DECREF(it->step);
    DECREF(it->length);
    DECREF(it->index);
    obj_free(self);
}

static Object *longrange_iter_length_hint(Object *self, Object *const *args, size_t nargs,
                                          Object *kwnames) {
    LongRangeIterObject *it = (LongRangeIterObject *)self;
    return int_sub(it->length, it->index);
}

static const MethodDef longrange_iter_methods[] = {
    {"__length_hint__", longrange_iter_length_hint, 0,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

TypeObject LongRangeIterType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "longrange_iterator",
    .basic_size = sizeof(LongRangeIterObject),
    .dealloc = longrange_iter_dealloc,
    .new_instance = container_no_new,
    .iter = iter_self,
    .iternext = longrange_iter_next,
    .methods = longrange_iter_methods,
};

/* ------------------------------------------------------------ methods */

static Object *range_count_method(Object *self, Object *const *args, size_t nargs,
                                  Object *kwnames) {
    if (container_no_keywords("range.count", kwnames) < 0 ||
        container_check_args("range.count", nargs, 1, 1) < 0) {
        return NULL;
    }
    if (range_int_fast(args[0])) {
        int r = range_contains_int((RangeObject *)self, args[0]);
        return r < 0 ? NULL : small_int_make(r);
    }
    ssize_t n = range_iter_search(self, args[0], true);
    return n < 0 ? NULL : small_int_make(n);
}

static Object *range_index_method(Object *self, Object *const *args, size_t nargs,
                                  Object *kwnames) {
    if (container_no_keywords("range.index", kwnames) < 0 ||
        container_check_args("range.index", nargs, 1, 1) < 0) {
        return NULL;
    }
    RangeObject *r = (RangeObject *)self;
    Object *v = args[0];
    if (range_int_fast(v)) {
        int c = range_contains_int(r, v);
        if (c < 0) {
            return NULL;
        }
        if (c == 0) {
            return err_format(&ExcValueError, "%R is not in range", v);
        }
        Object *diff = int_sub(v, r->start);
        if (diff == NULL) {
            return NULL;
        }
        Object *idx = int_binary_op(diff, r->step, BINOP_FLOORDIV);
        DECREF(diff);
        return idx;
    }
    ssize_t i = range_iter_search(self, v, false);
    return i < 0 ? NULL : small_int_make(i);
}

static Object *range_get_start(Object *self) {
    return NEWREF(((RangeObject *)self)->start);
}
static Object *range_get_stop(Object *self) {
    return NEWREF(((RangeObject *)self)->stop);
}
static Object *range_get_step(Object *self) {
    return NEWREF(((RangeObject *)self)->step);
}

static const GetSetDef range_getsets[] = {
    {"start", range_get_start, NULL, NULL},
    {"stop", range_get_stop, NULL, NULL},
    {"step", range_get_step, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static const MethodDef range_methods[] = {
    {"count", range_count_method, 0,
     "rangeobject.count(value) -> integer -- return number of occurrences of value"},
    {"index", range_index_method, 0,
     "rangeobject.index(value) -> integer -- return index of value."},
    {"__reversed__", range_reversed, 0, "Return a reverse iterator."},
    {NULL, NULL, 0, NULL},
};

TypeObject RangeType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "range",
    .basic_size = sizeof(RangeObject),
    .dealloc = range_dealloc,
    .repr = range_repr,
    .hash = range_hash,
    .richcompare = range_richcompare,
    .truth = range_truth,
    .len = range_len,
    .getitem = range_getitem,
    .contains = range_contains,
    .iter = range_iter,
    .new_instance = range_new_instance,
    .methods = range_methods,
    .getsets = range_getsets,
    .doc = "range(stop) -> range object\nrange(start, stop[, step]) -> range object",
};

/* ============================================================ slice */

Object *slice_new(Object *start, Object *stop, Object *step) {
    SliceObject *s = (SliceObject *)obj_alloc(&SliceType, sizeof(SliceObject));
    if (s == NULL) {
        return NULL;
    }
    s->start = NEWREF(start != NULL ? start : None);
    s->stop = NEWREF(stop != NULL ? stop : None);
    s->step = NEWREF(step != NULL ? step : None);
    return (Object *)s;
}

/* CPython's PySlice_Unpack followed by PySlice_AdjustIndices. */
ssize_t slice_adjust(Object *slice, ssize_t length, ssize_t *start, ssize_t *stop, ssize_t *step) {
    SliceObject *s = (SliceObject *)slice;
    if (s->step == None) {
        *step = 1;
    } else {
        if (seq_clamp_int(s->step, step, slice_index_error) < 0) {
            return -1;
        }
        if (*step == 0) {
            err_set_string(&ExcValueError, "slice step cannot be zero");
            return -1;
        }
        if (*step < -SSIZE_MAX) {
            *step = -SSIZE_MAX;
        }
    }
    if (s->start == None) {
        *start = *step < 0 ? SSIZE_MAX : 0;
    } else if (seq_clamp_int(s->start, start, slice_index_error) < 0) {
        return -1;
    }
    if (s->stop == None) {
        *stop = *step < 0 ? SSIZE_MIN_VALUE : SSIZE_MAX;
    } else if (seq_clamp_int(s->stop, stop, slice_index_error) < 0) {
        return -1;
    }
    ssize_t st = *step;
    if (*start < 0) {
        *start += length;
        if (*start < 0) {
            *start = st < 0 ? -1 : 0;
        }
    } else if (*start >= length) {
        *start = st < 0 ? length - 1 : length;
    }
    if (*stop < 0) {
        *stop += length;
        if (*stop < 0) {
            *stop = st < 0 ? -1 : 0;
        }
    } else if (*stop >= length) {
        *stop = st < 0 ? length - 1 : length;
    }
    if (st < 0) {
        if (*stop < *start) {
            return (*start - *stop - 1) / (-st) + 1;
        }
    } else if (*start < *stop) {
        return (*stop - *start - 1) / st + 1;
    }
    return 0;
}

static void slice_dealloc(Object *self) {
    SliceObject *s = (SliceObject *)self;
    DECREF(s->start);
    DECREF(s->stop);
    DECREF(s->step);
    obj_free(self);
}

static int slice_traverse(Object *self, VisitFunc visit, void *arg) {
    SliceObject *s = (SliceObject *)self;
    int r = visit(s->start, arg);
    if (r == 0) {
        r = visit(s->stop, arg);
    }
    if (r == 0) {
        r = visit(s->step, arg);
    }
    return r;
}

static Object *slice_repr(Object *self) {
    SliceObject *s = (SliceObject *)self;
    return str_from_format("slice(%R, %R, %R)", s->start, s->stop, s->step);
}

/* Slices compare like the tuples (start, stop, step). */
static Object *slice_richcompare(Object *a, Object *b, CompareOp op) {
    if (!slice_check(a) || !slice_check(b)) {
        return NEWREF(NotImplemented);
    }
    if (a == b && (op == CMP_EQ || op == CMP_NE)) {
        return bool_from(op == CMP_EQ);
    }
    SliceObject *x = (SliceObject *)a, *y = (SliceObject *)b;
    Object *t1 = tuple_pack(3, x->start, x->stop, x->step);
    Object *t2 = t1 == NULL ? NULL : tuple_pack(3, y->start, y->stop, y->step);
    Object *r = t2 == NULL ? NULL : obj_richcompare(t1, t2, op);
    XDECREF(t1);
    XDECREF(t2);
    return r;
}

/* slice.indices(length) -> (start, stop, step) */
static Object *slice_indices(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (container_no_keywords("slice.indices", kwnames) < 0 ||
        container_check_args("slice.indices", nargs, 1, 1) < 0) {
        return NULL;
    }
    Object *length = obj_index(args[0]);
    if (length == NULL) {
        return NULL;
    }
    if (int_sign(length) < 0) {
        DECREF(length);
        err_set_string(&ExcValueError, "length should not be negative");
        return NULL;
    }
    Object *start, *stop, *step;
    int r = slice_long_indices(self, length, &start, &stop, &step);
    DECREF(length);
    if (r < 0) {
        return NULL;
    }
    Object *t = tuple_pack(3, start, stop, step);
    DECREF(start);
    DECREF(stop);
    DECREF(step);
    return t;
}

static Object *slice_new_instance(TypeObject *type, Object *const *args, size_t nargs,
                                  Object *kwnames) {
    if (container_no_keywords("slice", kwnames) < 0 ||
        container_check_args("slice", nargs, 1, 3) < 0) {
        return NULL;
    }
    if (nargs == 1) {
        return slice_new(NULL, args[0], NULL);
    }
    return slice_new(args[0], args[1], nargs == 3 ? args[2] : NULL);
}

static Object *slice_get_start(Object *self) {
    return NEWREF(((SliceObject *)self)->start);
}
static Object *slice_get_stop(Object *self) {
    return NEWREF(((SliceObject *)self)->stop);
}
static Object *slice_get_step(Object *self) {
    return NEWREF(((SliceObject *)self)->step);
}

static const GetSetDef slice_getsets[] = {
    {"start", slice_get_start, NULL, NULL},
    {"stop", slice_get_stop, NULL, NULL},
    {"step", slice_get_step, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static const MethodDef slice_methods[] = {
    {"indices", slice_indices, 0, "S.indices(len) -> (start, stop, stride)"},
    {NULL, NULL, 0, NULL},
};

TypeObject SliceType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "slice",
    .basic_size = sizeof(SliceObject),
    .flags = TYPE_FLAG_GC,
    .dealloc = slice_dealloc,
    .traverse = slice_traverse,
    .repr = slice_repr,
    .richcompare = slice_richcompare,
    .new_instance = slice_new_instance,
    .methods = slice_methods,
    .getsets = slice_getsets,
    .doc = "slice(stop)\nslice(start, stop[, step])",
};
