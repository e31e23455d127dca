/* list.c: the list type (a growable array of references), its iterators,
 * indexing, slicing and slice assignment. Sorting lives in listsort.c. */
#include "list.h"

#include <string.h>

#include "args.h"
#include "containers.h"
#include "errors.h"
#include "genericalias.h"
#include "exceptions.h"
#include "int.h"
#include "memory.h"
#include "range.h"
#include "state.h"
#include "str.h"
#include "tuple.h"

/* ============================================================ storage */

/* Make room for newsize items, with CPython's over-allocation pattern
 * (0, 4, 8, 16, 24, 32, 40, 52, 64, 76, ...) so append is amortised O(1).
 * Sets the size to newsize; the new slots are uninitialised. -1 on MemoryError. */
static int list_resize(ListObject *l, size_t newsize) {
    size_t allocated = l->capacity;
    if (allocated >= newsize && newsize >= (allocated >> 1) && l->items != NULL) {
        l->size = newsize;
        return 0;
    }
    size_t new_allocated = (newsize + (newsize >> 3) + 6) & ~(size_t)3;
    if (newsize > l->size && newsize - l->size > new_allocated - newsize) {
        new_allocated = (newsize + 3) & ~(size_t)3;
    }
    if (newsize == 0) {
        mem_free(l->items);
        l->items = NULL;
        l->capacity = 0;
        l->size = 0;
        return 0;
    }
    Object **items = mem_realloc_array(l->items, new_allocated, sizeof(Object *));
    if (items == NULL) {
        if (newsize <= allocated && l->items != NULL) {
            /* Shrinking never fails: keep the bigger block. */
            err_clear();
            l->size = newsize;
            return 0;
        }
        return -1;
    }
    l->items = items;
    l->capacity = new_allocated;
    l->size = newsize;
    return 0;
}

/* A new list of n NULL slots (see list.h); NULL + MemoryError on failure. */
Object *list_new(size_t n) {
    ListObject *l = (ListObject *)obj_alloc(&ListType, sizeof(ListObject));
    if (l == NULL) {
        return NULL;
    }
    if (n > 0) {
        l->items = mem_alloc_array(n, sizeof(Object *));
        if (l->items == NULL) {
            DECREF((Object *)l);
            return NULL;
        }
        l->capacity = n;
        l->size = n;
    }
    return (Object *)l;
}

/* Append item (borrowed: the list takes its own reference). Amortised O(1):
 * the fast path only stores; list_resize over-allocates when full. */
int list_append(Object *self, Object *item) {
    ListObject *l = (ListObject *)self;
    size_t n = l->size;
    if (n < l->capacity && l->items != NULL) {
        l->items[n] = NEWREF(item);
        l->size = n + 1;
        return 0;
    }
    if (list_resize(l, n + 1) < 0) {
        return -1;
    }
    l->items[n] = NEWREF(item);
    return 0;
}

/* Append n borrowed items (which must not alias the list's own storage). */
static int list_append_array(ListObject *l, Object *const *items, size_t n) {
    size_t old = l->size;
    if (n == 0) {
        return 0;
    }
    if (list_resize(l, old + n) < 0) {
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        l->items[old + i] = NEWREF(items[i]);
    }
    return 0;
}

/* self.extend(iterable): lists and tuples are copied directly (self.extend(self)
 * included), anything else is iterated. 0, or -1 with the iteration error. */
int list_extend(Object *self, Object *iterable) {
    ListObject *l = (ListObject *)self;
    /* Exact types only: a subclass may override __iter__ (CPython's rule too). */
    if (list_check_exact(iterable) || tuple_check_exact(iterable)) {
        bool is_list = list_check_exact(iterable);
        size_t n = is_list ? list_size(iterable) : tuple_size(iterable);
        if (iterable == self) {
            /* l.extend(l): the source grows while we copy; copy the old n first. */
            if (n == 0) {
                return 0;
            }
            if (list_resize(l, 2 * n) < 0) {
                return -1;
            }
            for (size_t i = 0; i < n; i++) {
                l->items[n + i] = NEWREF(l->items[i]);
            }
            return 0;
        }
        Object *const *src = is_list ? (Object *const *)((ListObject *)iterable)->items
                                     : (Object *const *)((TupleObject *)iterable)->items;
        return list_append_array(l, src, n);
    }
    Object *it = obj_iter(iterable);
    if (it == NULL) {
        return -1;
    }
    TypeObject *itype = obj_type(it);
    for (;;) {
        Object *item = itype->iternext != NULL ? itype->iternext(it) : obj_next(it);
        if (item == NULL) {
            break;
        }
        int r = list_append(self, item);
        DECREF(item);
        if (r < 0) {
            DECREF(it);
            return -1;
        }
    }
    DECREF(it);
    if (err_occurred() != NULL) {
        if (!err_matches(&ExcStopIteration)) {
            return -1;
        }
        err_clear();
    }
    return 0;
}

Object *list_from_iterable(Object *iterable) {
    Object *l = list_new(0);
    if (l == NULL) {
        return NULL;
    }
    if (list_extend(l, iterable) < 0) {
        DECREF(l);
        return NULL;
    }
    return l;
}

Object *list_as_tuple(Object *self) {
    ListObject *l = (ListObject *)self;
    return tuple_from_array(l->items, l->size);
}

/* A new list of items [start, stop), both clamped to the size. */
Object *list_slice(Object *self, size_t start, size_t stop) {
    ListObject *l = (ListObject *)self;
    if (stop > l->size) {
        stop = l->size;
    }
    if (start > stop) {
        start = stop;
    }
    Object *r = list_new(0);
    if (r == NULL) {
        return NULL;
    }
    if (list_append_array((ListObject *)r, l->items + start, stop - start) < 0) {
        DECREF(r);
        return NULL;
    }
    return r;
}

/* list.insert semantics: negative `where` counts from the end, then clamps. */
int list_insert(Object *self, ssize_t where, Object *item) {
    ListObject *l = (ListObject *)self;
    ssize_t n = (ssize_t)l->size;
    if (where < 0) {
        where += n;
        if (where < 0) {
            where = 0;
        }
    }
    if (where > n) {
        where = n;
    }
    if (list_resize(l, (size_t)n + 1) < 0) {
        return -1;
    }
    memmove(&l->items[where + 1], &l->items[where], (size_t)(n - where) * sizeof(Object *));
    l->items[where] = NEWREF(item);
    return 0;
}

void list_reverse(Object *self) {
    ListObject *l = (ListObject *)self;
    if (l->size < 2) {
        return;
    }
    for (size_t i = 0, j = l->size - 1; i < j; i++, j--) {
        Object *t = l->items[i];
        l->items[i] = l->items[j];
        l->items[j] = t;
    }
}

/* Drop every item; the list may be re-entered by the DECREFs, so detach first. */
static void list_clear_items(ListObject *l) {
    Object **items = l->items;
    size_t n = l->size;
    l->items = NULL;
    l->size = 0;
    l->capacity = 0;
    if (items != NULL) {
        while (n-- > 0) {
            XDECREF(items[n]);
        }
        mem_free(items);
    }
}

/* ============================================================ slots */

static void list_dealloc(Object *self) {
    if (dealloc_defer(self)) {
        return;
    }
    list_clear_items((ListObject *)self);
    obj_free(self);
    dealloc_done();
}

/* The collector's clear slot: drop every item to break a cycle. */
static int list_clear_slot(Object *self) {
    list_clear_items((ListObject *)self);
    return 0;
}

static int list_traverse(Object *self, VisitFunc visit, void *arg) {
    ListObject *l = (ListObject *)self;
    for (size_t i = 0; i < l->size; i++) {
        if (l->items[i] != NULL) {
            int r = visit(l->items[i], arg);
            if (r != 0) {
                return r;
            }
        }
    }
    return 0;
}

/* "[1, 2]"; a list reached again through its own items prints "[...]". */
static Object *list_repr(Object *self) {
    ListObject *l = (ListObject *)self;
    if (l->size == 0) {
        return str_from_cstr("[]");
    }
    int entered = repr_enter(self);
    if (entered != 0) {
        return entered > 0 ? str_from_cstr("[...]") : NULL;
    }
    StrBuilder sb;
    sb_init(&sb);
    sb_append_char(&sb, '[');
    if (ts_enter_recursive(" while getting the repr of an object") < 0) {
        goto fail;
    }
    /* The list may change while items print: re-read the size each time. */
    for (size_t i = 0; i < l->size; i++) {
        if (i > 0) {
            sb_append(&sb, ", ", 2);
        }
        Object *item = NEWREF(l->items[i]);
        int r = sb_append_repr(&sb, item);
        DECREF(item);
        if (r < 0) {
            ts_leave_recursive();
            goto fail;
        }
    }
    ts_leave_recursive();
    sb_append_char(&sb, ']');
    repr_leave(self);
    return sb_finish(&sb);
fail:
    repr_leave(self);
    sb_discard(&sb);
    return NULL;
}

static bool size_compare(size_t a, size_t b, CompareOp op) {
    switch (op) {
        case CMP_LT:
            return a < b;
        case CMP_LE:
            return a <= b;
        case CMP_EQ:
            return a == b;
        case CMP_NE:
            return a != b;
        case CMP_GT:
            return a > b;
        default:
            return a >= b;
    }
}

/* Lexicographic comparison. The lists may be mutated by __eq__ calls, so
 * bounds are re-checked on every step and items are held while compared. */
static Object *list_richcompare(Object *a, Object *b, CompareOp op) {
    if (!list_check(a) || !list_check(b)) {
        return NEWREF(NotImplemented);
    }
    ListObject *v = (ListObject *)a, *w = (ListObject *)b;
    if (v->size != w->size && (op == CMP_EQ || op == CMP_NE)) {
        return bool_from(op == CMP_NE);
    }
    size_t i;
    for (i = 0; i < v->size && i < w->size; i++) {
        Object *x = v->items[i], *y = w->items[i];
        if (x == y) {
            continue;
        }
        INCREF(x);
        INCREF(y);
        int k = obj_richcompare_bool(x, y, CMP_EQ);
        DECREF(x);
        DECREF(y);
        if (k < 0) {
            return NULL;
        }
        if (!k) {
            break;
        }
    }
    if (i >= v->size || i >= w->size) {
        return bool_from(size_compare(v->size, w->size, op));
    }
    if (op == CMP_EQ) {
        return bool_from(false);
    }
    if (op == CMP_NE) {
        return bool_from(true);
    }
    Object *x = NEWREF(v->items[i]), *y = NEWREF(w->items[i]);
    Object *r = obj_richcompare(x, y, op);
    DECREF(x);
    DECREF(y);
    return r;
}

static ssize_t list_len(Object *self) {
    return (ssize_t)((ListObject *)self)->size;
}

static int list_contains(Object *self, Object *item) {
    ListObject *l = (ListObject *)self;
    for (size_t i = 0; i < l->size; i++) {
        Object *x = NEWREF(l->items[i]);
        int k = obj_richcompare_bool(x, item, CMP_EQ);
        DECREF(x);
        if (k != 0) {
            return k;
        }
    }
    return 0;
}

static Object *list_item_at(ListObject *l, ssize_t i) {
    if (i < 0) {
        i += (ssize_t)l->size;
    }
    if (i < 0 || (size_t)i >= l->size) {
        err_set_string(&ExcIndexError, "list index out of range");
        return NULL;
    }
    return NEWREF(l->items[i]);
}

/* l[i] (negative i counts from the end) or l[slice] (a new list). */
static Object *list_getitem(Object *self, Object *key) {
    ListObject *l = (ListObject *)self;
    if (is_small_int(key)) {
        return list_item_at(l, small_int_value(key));
    }
    if (slice_check(key)) {
        ssize_t start, stop, step;
        ssize_t n = slice_adjust(key, (ssize_t)l->size, &start, &stop, &step);
        if (n < 0) {
            return NULL;
        }
        if (step == 1) {
            return list_slice(self, (size_t)start, (size_t)stop);
        }
        Object *r = list_new((size_t)n);
        if (r == NULL) {
            return NULL;
        }
        for (ssize_t k = 0, j = start; k < n; k++, j += step) {
            list_init_item(r, (size_t)k, NEWREF(l->items[j]));
        }
        return r;
    }
    ssize_t i;
    int ok = seq_index_value(key, &i);
    if (ok < 0) {
        return NULL;
    }
    if (ok == 0) {
        return err_format(&ExcTypeError, "list indices must be integers or slices, not %.200s",
                          obj_type_name(key));
    }
    return list_item_at(l, i);
}

/* An array view of an iterable for slice assignment: lists and tuples are
 * used in place (after a copy if it is the target list itself), others are
 * collected into a list. *holder receives a new reference to keep alive. */
static int list_fast_items(Object *self, Object *v, const char *msg, Object ***items, size_t *n,
                           Object **holder) {
    if (v == self || !(list_check_exact(v) || tuple_check_exact(v))) {
        TypeObject *t = obj_type(v);
        if (v != self && t->iter == NULL && t->getitem == NULL) {
            err_set_string(&ExcTypeError, msg);
            return -1;
        }
        v = v == self ? list_slice(v, 0, list_size(v)) : list_from_iterable(v);
        if (v == NULL) {
            return -1;
        }
    } else {
        INCREF(v);
    }
    *holder = v;
    if (list_check_exact(v)) {
        *items = ((ListObject *)v)->items;
        *n = ((ListObject *)v)->size;
    } else {
        *items = ((TupleObject *)v)->items;
        *n = ((TupleObject *)v)->size;
    }
    return 0;
}

/* a[low:high] = v (v NULL: delete), CPython's list_ass_slice. */
static int list_assign_slice(ListObject *l, ssize_t low, ssize_t high, Object *v) {
    Object **src = NULL;
    size_t n = 0;
    Object *holder = NULL;
    if (v != NULL &&
        list_fast_items((Object *)l, v, "can only assign an iterable", &src, &n, &holder) < 0) {
        return -1;
    }
    ssize_t size = (ssize_t)l->size;
    if (low < 0) {
        low = 0;
    } else if (low > size) {
        low = size;
    }
    if (high < low) {
        high = low;
    } else if (high > size) {
        high = size;
    }
    size_t norig = (size_t)(high - low);
    Object **recycle = NULL;
    if (norig > 0) {
        recycle = mem_alloc_array(norig, sizeof(Object *));
        if (recycle == NULL) {
            XDECREF(holder);
            return -1;
        }
        memcpy(recycle, &l->items[low], norig * sizeof(Object *));
    }
    size_t tail = (size_t)(size - high);
    if (n < norig) {
        memmove(&l->items[(size_t)low + n], &l->items[high], tail * sizeof(Object *));
        list_resize(l, (size_t)size - (norig - n)); /* shrinking cannot fail */
    } else if (n > norig) {
        if (list_resize(l, (size_t)size + (n - norig)) < 0) {
            mem_free(recycle);
            XDECREF(holder);
            return -1;
        }
        memmove(&l->items[(size_t)low + n], &l->items[high], tail * sizeof(Object *));
    }
    for (size_t k = 0; k < n; k++) {
        l->items[(size_t)low + k] = NEWREF(src[k]);
    }
    for (size_t k = norig; k-- > 0;) {
        DECREF(recycle[k]);
    }
    mem_free(recycle);
    XDECREF(holder);
    return 0;
}

/* Assignment or deletion through an extended slice (step != 1). */
static int list_assign_extended(ListObject *l, ssize_t start, ssize_t step, ssize_t count,
                                Object *v) {
    if (v == NULL) {
        if (count <= 0) {
            return 0;
        }
        if (step < 0) {
            ssize_t stop = start + 1;
            start = stop + step * (count - 1) - 1;
            step = -step;
        }
        Object **garbage = mem_alloc_array((size_t)count, sizeof(Object *));
        if (garbage == NULL) {
            return -1;
        }
        size_t cur = (size_t)start, dst = (size_t)start, k = 0;
        for (size_t i = (size_t)start; i < l->size; i++) {
            if (k < (size_t)count && i == cur) {
                garbage[k++] = l->items[i];
                cur += (size_t)step;
            } else {
                l->items[dst++] = l->items[i];
            }
        }
        list_resize(l, l->size - (size_t)count);
        for (size_t i = 0; i < (size_t)count; i++) {
            DECREF(garbage[i]);
        }
        mem_free(garbage);
        return 0;
    }
    Object **src;
    size_t n;
    Object *holder;
    if (list_fast_items((Object *)l, v, "must assign iterable to extended slice", &src, &n,
                        &holder) < 0) {
        return -1;
    }
    if ((ssize_t)n != count) {
        DECREF(holder);
        err_format(&ExcValueError,
                   "attempt to assign sequence of size %zd to extended slice of size %zd",
                   (ssize_t)n, count);
        return -1;
    }
    if (count == 0) {
        DECREF(holder);
        return 0;
    }
    Object **garbage = mem_alloc_array(n, sizeof(Object *));
    if (garbage == NULL) {
        DECREF(holder);
        return -1;
    }
    ssize_t cur = start;
    for (size_t i = 0; i < n; i++, cur += step) {
        garbage[i] = l->items[cur];
        l->items[cur] = NEWREF(src[i]);
    }
    for (size_t i = 0; i < n; i++) {
        DECREF(garbage[i]);
    }
    mem_free(garbage);
    DECREF(holder);
    return 0;
}

/* l[key] = value, or del l[key] when value is NULL. */
static int list_setitem(Object *self, Object *key, Object *value) {
    ListObject *l = (ListObject *)self;
    ssize_t i;
    int ok;
    if (is_small_int(key)) {
        i = small_int_value(key);
        ok = 1;
    } else if (slice_check(key)) {
        ssize_t start, stop, step;
        ssize_t n = slice_adjust(key, (ssize_t)l->size, &start, &stop, &step);
        if (n < 0) {
            return -1;
        }
        if (step == 1) {
            return list_assign_slice(l, start, stop, value);
        }
        return list_assign_extended(l, start, step, n, value);
    } else {
        ok = seq_index_value(key, &i);
        if (ok < 0) {
            return -1;
        }
        if (ok == 0) {
            err_format(&ExcTypeError, "list indices must be integers or slices, not %.200s",
                       obj_type_name(key));
            return -1;
        }
    }
    if (i < 0) {
        i += (ssize_t)l->size;
    }
    if (i < 0 || (size_t)i >= l->size) {
        err_set_string(&ExcIndexError, "list assignment index out of range");
        return -1;
    }
    Object *old = l->items[i];
    if (value == NULL) {
        memmove(&l->items[i], &l->items[i + 1], (l->size - (size_t)i - 1) * sizeof(Object *));
        list_resize(l, l->size - 1);
    } else {
        l->items[i] = NEWREF(value);
    }
    DECREF(old);
    return 0;
}

/* Repeat a list n times into a new list (n <= 0 gives []). */
static Object *list_repeat(ListObject *l, ssize_t n) {
    Object *r = list_new(0);
    if (r == NULL || n <= 0 || l->size == 0) {
        return r;
    }
    if ((size_t)n > SIZE_MAX / sizeof(Object *) / l->size) {
        DECREF(r);
        err_no_memory();
        return NULL;
    }
    size_t total = l->size * (size_t)n, k = 0, size = l->size;
    if (list_resize((ListObject *)r, total) < 0) {
        DECREF(r);
        return NULL;
    }
    for (ssize_t rep = 0; rep < n; rep++) {
        for (size_t i = 0; i < size; i++) {
            ((ListObject *)r)->items[k++] = NEWREF(l->items[i]);
        }
    }
    return r;
}

/* The count operand of `seq * count`: 1 with *n set; 0 when count is not
 * an int (no error); -1 on error (OverflowError for huge ints). */
static int repeat_count(Object *count, ssize_t *n) {
    int ok = seq_index_value(count, n);
    if (ok < 0 && err_matches(&ExcIndexError)) {
        err_clear();
        err_format(&ExcOverflowError, "cannot fit '%.200s' into an index-sized integer",
                   obj_type_name(count));
    }
    return ok;
}

/* list + list and list * n / n * list. A foreign right operand of + or *
 * first gets its own chance (its __radd__/__rmul__), as CPython. */
static Object *list_binary_op(Object *a, Object *b, BinaryOp op) {
    if (op == BINOP_ADD) {
        if (!list_check(a)) {
            return NEWREF(NotImplemented);
        }
        if (!list_check(b)) {
            Object *r = seq_try_other_operand(a, b, op);
            if (r != NULL && r == NotImplemented) {
                DECREF(r);
                return err_format(&ExcTypeError,
                                  "can only concatenate list (not \"%.200s\") to list",
                                  obj_type_name(b));
            }
            return r;
        }
        ListObject *v = (ListObject *)a, *w = (ListObject *)b;
        Object *r = list_new(0);
        if (r == NULL) {
            return NULL;
        }
        if (list_resize((ListObject *)r, v->size + w->size) < 0) {
            DECREF(r);
            return NULL;
        }
        for (size_t i = 0; i < v->size; i++) {
            ((ListObject *)r)->items[i] = NEWREF(v->items[i]);
        }
        for (size_t i = 0; i < w->size; i++) {
            ((ListObject *)r)->items[v->size + i] = NEWREF(w->items[i]);
        }
        return r;
    }
    if (op == BINOP_MUL) {
        Object *seq = list_check(a) ? a : b;
        Object *count = seq == a ? b : a;
        ssize_t n;
        int ok = repeat_count(count, &n);
        if (ok < 0) {
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
        return list_repeat((ListObject *)seq, n);
    }
    return NEWREF(NotImplemented);
}

/* l += iterable (extend), l *= n (repeat in place). */
static Object *list_inplace_op(Object *a, Object *b, BinaryOp op) {
    if (!list_check(a)) {
        return NEWREF(NotImplemented);
    }
    if (op == BINOP_ADD) {
        if (list_extend(a, b) < 0) {
            return NULL;
        }
        return NEWREF(a);
    }
    if (op == BINOP_MUL) {
        ssize_t n;
        int ok = repeat_count(b, &n);
        if (ok < 0) {
            return NULL;
        }
        if (ok == 0) {
            Object *r = seq_try_other_operand(a, b, op);
            if (r == NULL || r != NotImplemented) {
                return r;
            }
            DECREF(r);
            return err_format(&ExcTypeError, "can't multiply sequence by non-int of type '%.200s'",
                              obj_type_name(b));
        }
        ListObject *l = (ListObject *)a;
        if (n <= 0 || l->size == 0) {
            list_clear_items(l);
            return NEWREF(a);
        }
        size_t size = l->size;
        if ((size_t)n > SIZE_MAX / sizeof(Object *) / size) {
            err_no_memory();
            return NULL;
        }
        if (list_resize(l, size * (size_t)n) < 0) {
            return NULL;
        }
        for (size_t k = size; k < size * (size_t)n; k++) {
            l->items[k] = NEWREF(l->items[k - size]);
        }
        return NEWREF(a);
    }
    return NEWREF(NotImplemented);
}

/* ============================================================ iterators */

static Object *list_iter(Object *self) {
    ListIterObject *it = (ListIterObject *)obj_alloc(&ListIterType, sizeof(ListIterObject));
    if (it == NULL) {
        return NULL;
    }
    it->list = NEWREF(self);
    it->index = 0;
    return (Object *)it;
}

static Object *list_iter_next(Object *self) {
    ListIterObject *it = (ListIterObject *)self;
    ListObject *l = (ListObject *)it->list;
    if (l == NULL) {
        return NULL;
    }
    if (it->index < l->size) {
        return NEWREF(l->items[it->index++]);
    }
    CLEAR(it->list);
    return NULL;
}

static void list_iter_dealloc(Object *self) {
    XDECREF(((ListIterObject *)self)->list);
    obj_free(self);
}

static int list_iter_traverse(Object *self, VisitFunc visit, void *arg) {
    Object *l = ((ListIterObject *)self)->list;
    return l != NULL ? visit(l, arg) : 0;
}

static Object *iter_return_self(Object *self) {
    return NEWREF(self);
}

static Object *list_iter_length_hint(Object *self, Object *const *args, size_t nargs,
                                     Object *kwnames) {
    ListIterObject *it = (ListIterObject *)self;
    size_t n = 0;
    if (it->list != NULL && it->index < list_size(it->list)) {
        n = list_size(it->list) - it->index;
    }
    return small_int_make((intptr_t)n);
}

static const MethodDef list_iter_methods[] = {
    {"__length_hint__", list_iter_length_hint, 0,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

TypeObject ListIterType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "list_iterator",
    .basic_size = sizeof(ListIterObject),
    .flags = TYPE_FLAG_GC,
    .dealloc = list_iter_dealloc,
    .traverse = list_iter_traverse,
    .new_instance = container_no_new,
    .iter = iter_return_self,
    .iternext = list_iter_next,
    .methods = list_iter_methods,
};

/* reversed(list): `index` counts down; it is the next index + 1 (0: done). */
static Object *list_reversed_new(Object *self) {
    ListIterObject *it = (ListIterObject *)obj_alloc(&ListRevIterType, sizeof(ListIterObject));
    if (it == NULL) {
        return NULL;
    }
    it->list = NEWREF(self);
    it->index = list_size(self);
    return (Object *)it;
}

static Object *list_reviter_next(Object *self) {
    ListIterObject *it = (ListIterObject *)self;
    ListObject *l = (ListObject *)it->list;
    if (l == NULL) {
        return NULL;
    }
    if (it->index > 0 && it->index <= l->size) {
        return NEWREF(l->items[--it->index]);
    }
    CLEAR(it->list);
    return NULL;
}

static Object *list_reviter_length_hint(Object *self, Object *const *args, size_t nargs,
                                        Object *kwnames) {
    ListIterObject *it = (ListIterObject *)self;
    size_t n = 0;
    if (it->list != NULL && it->index <= list_size(it->list)) {
        n = it->index;
    }
    return small_int_make((intptr_t)n);
}

static const MethodDef list_reviter_methods[] = {
    {"__length_hint__", list_reviter_length_hint, 0,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

TypeObject ListRevIterType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "list_reverseiterator",
    .basic_size = sizeof(ListIterObject),
    .flags = TYPE_FLAG_GC,
    .dealloc = list_iter_dealloc,
    .traverse = list_iter_traverse,
    .new_instance = container_no_new,
    .iter = iter_return_self,
    .iternext = list_reviter_next,
    .methods = list_reviter_methods,
};

/* ============================================================ methods */

/* An index argument of insert/pop: any int (via __index__); OverflowError
 * when it does not fit a ssize_t, as CPython. */
static int index_argument(Object *v, ssize_t *out) {
    if (is_small_int(v)) {
        *out = small_int_value(v);
        return 0;
    }
    Object *i = obj_index(v);
    if (i == NULL) {
        return -1;
    }
    int r = int_to_ssize(i, out);
    DECREF(i);
    return r;
}

static Object *list_append_method(Object *self, Object *const *args, size_t nargs,
                                  Object *kwnames) {
    if (container_no_keywords("list.append", kwnames) < 0 ||
        container_check_args("list.append", nargs, 1, 1) < 0) {
        return NULL;
    }
    if (list_append(self, args[0]) < 0) {
        return NULL;
    }
    return none_ref();
}

static Object *list_extend_method(Object *self, Object *const *args, size_t nargs,
                                  Object *kwnames) {
    if (container_no_keywords("list.extend", kwnames) < 0 ||
        container_check_args("list.extend", nargs, 1, 1) < 0) {
        return NULL;
    }
    if (list_extend(self, args[0]) < 0) {
        return NULL;
    }
    return none_ref();
}

static Object *list_insert_method(Object *self, Object *const *args, size_t nargs,
                                  Object *kwnames) {
    if (container_no_keywords("list.insert", kwnames) < 0) {
        return NULL;
    }
    if (nargs != 2) {
        return err_format(&ExcTypeError, "insert expected 2 arguments, got %zu", nargs);
    }
    ssize_t where;
    if (index_argument(args[0], &where) < 0) {
        return NULL;
    }
    if (list_insert(self, where, args[1]) < 0) {
        return NULL;
    }
    return none_ref();
}

static Object *list_pop_method(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (container_no_keywords("list.pop", kwnames) < 0 ||
        container_check_args("pop", nargs, 0, 1) < 0) {
        return NULL;
    }
    ListObject *l = (ListObject *)self;
    ssize_t i = -1;
    if (nargs == 1 && index_argument(args[0], &i) < 0) {
        return NULL;
    }
    if (l->size == 0) {
        err_set_string(&ExcIndexError, "pop from empty list");
        return NULL;
    }
    if (i < 0) {
        i += (ssize_t)l->size;
    }
    if (i < 0 || (size_t)i >= l->size) {
        err_set_string(&ExcIndexError, "pop index out of range");
        return NULL;
    }
    Object *item = l->items[i];
    memmove(&l->items[i], &l->items[i + 1], (l->size - (size_t)i - 1) * sizeof(Object *));
    list_resize(l, l->size - 1);
    return item;
}

static Object *list_remove_method(Object *self, Object *const *args, size_t nargs,
                                  Object *kwnames) {
    if (container_no_keywords("list.remove", kwnames) < 0 ||
        container_check_args("list.remove", nargs, 1, 1) < 0) {
        return NULL;
    }
    ListObject *l = (ListObject *)self;
    for (size_t i = 0; i < l->size; i++) {
        Object *x = NEWREF(l->items[i]);
        int k = obj_richcompare_bool(x, args[0], CMP_EQ);
        DECREF(x);
        if (k < 0) {
            return NULL;
        }
        if (k > 0) {
            if (list_assign_slice(l, (ssize_t)i, (ssize_t)i + 1, NULL) < 0) {
                return NULL;
            }
            return none_ref();
        }
    }
    err_set_string(&ExcValueError, "list.remove(x): x not in list");
    return NULL;
}

static Object *list_clear_method(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (container_no_keywords("list.clear", kwnames) < 0 ||
        container_check_args("list.clear", nargs, 0, 0) < 0) {
        return NULL;
    }
    list_clear_items((ListObject *)self);
    return none_ref();
}

static Object *list_copy_method(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (container_no_keywords("list.copy", kwnames) < 0 ||
        container_check_args("list.copy", nargs, 0, 0) < 0) {
        return NULL;
    }
    return list_slice(self, 0, list_size(self));
}

static Object *list_reverse_method(Object *self, Object *const *args, size_t nargs,
                                   Object *kwnames) {
    if (container_no_keywords("list.reverse", kwnames) < 0 ||
        container_check_args("list.reverse", nargs, 0, 0) < 0) {
        return NULL;
    }
    list_reverse(self);
    return none_ref();
}

static Object *list_count_method(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (container_no_keywords("list.count", kwnames) < 0 ||
        container_check_args("list.count", nargs, 1, 1) < 0) {
        return NULL;
    }
    ListObject *l = (ListObject *)self;
    intptr_t count = 0;
    for (size_t i = 0; i < l->size; i++) {
        Object *x = NEWREF(l->items[i]);
        int k = obj_richcompare_bool(x, args[0], CMP_EQ);
        DECREF(x);
        if (k < 0) {
            return NULL;
        }
        count += k;
    }
    return small_int_make(count);
}

/* list.index(value, start=0, stop=sys.maxsize) */
static Object *list_index_method(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (container_no_keywords("list.index", kwnames) < 0 ||
        container_check_args("index", nargs, 1, 3) < 0) {
        return NULL;
    }
    ListObject *l = (ListObject *)self;
    ssize_t size = (ssize_t)l->size, start = 0, stop = SSIZE_MAX;
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
    for (ssize_t i = start; i < stop && i < (ssize_t)l->size; i++) {
        Object *x = NEWREF(l->items[i]);
        int k = obj_richcompare_bool(x, args[0], CMP_EQ);
        DECREF(x);
        if (k < 0) {
            return NULL;
        }
        if (k) {
            return small_int_make(i);
        }
    }
    return err_format(&ExcValueError, "%R is not in list", args[0]);
}

/* list.sort(*, key=None, reverse=False) */
static Object *list_sort_method(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    static const char *const kwlist[] = {"$key", "$reverse", NULL};
    Object *out[2] = {NULL, NULL};
    if (nargs > 0) {
        return err_format(&ExcTypeError, "sort() takes no positional arguments");
    }
    if (args_parse("sort", args, nargs, kwnames, kwlist, 0, out) < 0) {
        return NULL;
    }
    Object *key = out[0] == None ? NULL : out[0];
    bool reverse = false;
    if (out[1] != NULL) {
        if (!int_check(out[1])) {
            return err_format(&ExcTypeError, "'%.200s' object cannot be interpreted as an integer",
                              obj_type_name(out[1]));
        }
        int truth = obj_is_true(out[1]);
        if (truth < 0) {
            return NULL;
        }
        reverse = truth != 0;
    }
    if (list_sort(self, key, reverse) < 0) {
        return NULL;
    }
    return none_ref();
}

/* list.__init__(iterable=()), the init slot: empties the list, then fills it
 * from the iterable (subclass instances are built empty, then initialised). */
static int list_init(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (container_no_keywords("list", kwnames) < 0) {
        return -1;
    }
    if (nargs > 1) {
        err_format(&ExcTypeError, "list expected at most 1 argument, got %zu", nargs);
        return -1;
    }
    list_clear_items((ListObject *)self);
    if (nargs == 1 && list_extend(self, args[0]) < 0) {
        return -1;
    }
    return 0;
}

static Object *list_reversed_method(Object *self, Object *const *args, size_t nargs,
                                    Object *kwnames) {
    if (container_check_args("list.__reversed__", nargs, 0, 0) < 0) {
        return NULL;
    }
    return list_reversed_new(self);
}

static const MethodDef list_methods[] = {
    {"append", list_append_method, 0, "Append object to the end of the list."},
    {"extend", list_extend_method, 0, "Extend list by appending elements from the iterable."},
    {"insert", list_insert_method, 0, "Insert object before index."},
    {"pop", list_pop_method, 0, "Remove and return item at index (default last)."},
    {"remove", list_remove_method, 0, "Remove first occurrence of value."},
    {"clear", list_clear_method, 0, "Remove all items from list."},
    {"copy", list_copy_method, 0, "Return a shallow copy of the list."},
    {"reverse", list_reverse_method, 0, "Reverse *IN PLACE*."},
    {"count", list_count_method, 0, "Return number of occurrences of value."},
    {"index", list_index_method, 0, "Return first index of value."},
    {"sort", list_sort_method, 0, "Sort the list in ascending order and return None."},
    {"__reversed__", list_reversed_method, 0, "Return a reverse iterator over the list."},
    {"__class_getitem__", generic_alias_class_getitem, METHOD_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

/* list() / list(iterable). A subclass instance starts empty: the init slot
 * (list.__init__ unless overridden) fills it, as in CPython. */
static Object *list_new_instance(TypeObject *type, Object *const *args, size_t nargs,
                                 Object *kwnames) {
    if (type != &ListType) {
        return obj_alloc(type, type->basic_size);
    }
    if (container_no_keywords("list", kwnames) < 0) {
        return NULL;
    }
    if (nargs > 1) {
        return err_format(&ExcTypeError, "list expected at most 1 argument, got %zu", nargs);
    }
    if (nargs == 0) {
        return list_new(0);
    }
    return list_from_iterable(args[0]);
}

TypeObject ListType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "list",
    .basic_size = sizeof(ListObject),
    .flags = TYPE_FLAG_BASETYPE | TYPE_FLAG_GC,
    .dealloc = list_dealloc,
    .traverse = list_traverse,
    .clear = list_clear_slot,
    .repr = list_repr,
    .richcompare = list_richcompare,
    .binary_op = list_binary_op,
    .inplace_op = list_inplace_op,
    .len = list_len,
    .getitem = list_getitem,
    .setitem = list_setitem,
    .contains = list_contains,
    .iter = list_iter,
    .new_instance = list_new_instance,
    .init = list_init,
    .methods = list_methods,
    .doc = "Built-in mutable sequence.",
};
