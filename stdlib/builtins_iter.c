/* builtins_iter.c: the lazy iterator types of the builtins module, as in
 * CPython: enumerate, zip (with strict=), map, filter and reversed. Each is a
 * type whose constructor checks its arguments and whose iternext slot does
 * the work one item at a time. */
#include "builtins_iter.h"

#include "args.h"
#include "dict.h"
#include "errors.h"
#include "exceptions.h"
#include "int.h"
#include "memory.h"
#include "str.h"
#include "tuple.h"

static int visit_if(Object *v, VisitFunc visit, void *arg) {
    return v != NULL ? visit(v, arg) : 0;
}

/* A tuple holding iter(x) for each x in args[0..n) (new reference). */
static Object *iterators_of(Object *const *args, size_t n) {
    Object *iters = tuple_new(n);
    if (iters == NULL) {
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        Object *it = obj_iter(args[i]);
        if (it == NULL) {
            DECREF(iters);
            return NULL;
        }
        tuple_init_item(iters, i, it);
    }
    return iters;
}

/* obj_next without eating StopIteration semantics: NULL and no error at the end. */
static inline Object *next_item(Object *it) {
    TypeObject *t = obj_type(it);
    if (t->iternext != NULL) {
        return t->iternext(it);
    }
    return obj_next(it);
}

static Object *iter_self(Object *self) { return NEWREF(self); }

/* ================================================================ enumerate */

typedef struct EnumerateObject {
    Object base;
    Object *iter;
    Object *count; /* the next index: an int (a tagged small int almost always) */
} EnumerateObject;

static Object *enumerate_new(TypeObject *type, Object *const *args, size_t nargs,
                             Object *kwnames) {
    static const char *const kwlist[] = {"iterable", "start", NULL};
    Object *out[2];
    if (args_parse("enumerate", args, nargs, kwnames, kwlist, 1, out) < 0) {
        return NULL;
    }
    Object *start;
    if (out[1] == NULL) {
        start = small_int_make(0);
    } else {
        start = obj_index(out[1]);
        if (start == NULL) {
            return NULL;
        }
        if (!int_check_exact(start)) { /* a bool or int subclass counts as a plain int */
            Object *exact = obj_binary_op(start, small_int_make(0), BINOP_ADD);
            DECREF(start);
            if (exact == NULL) {
                return NULL;
            }
            start = exact;
        }
    }
    Object *it = obj_iter(out[0]);
    if (it == NULL) {
        DECREF(start);
        return NULL;
    }
    EnumerateObject *e = (EnumerateObject *)obj_alloc(type, type->basic_size);
    if (e == NULL) {
        DECREF(it);
        DECREF(start);
        return NULL;
    }
    e->iter = it;
    e->count = start;
    return (Object *)e;
}

static Object *enumerate_next(Object *self) {
    EnumerateObject *e = (EnumerateObject *)self;
    Object *item = next_item(e->iter);
    if (item == NULL) {
        return NULL;
    }
    Object *index = e->count, *next;
    if (is_small_int(index) && small_int_value(index) < SMALL_INT_MAX) {
        next = small_int_make(small_int_value(index) + 1);
    } else {
        next = obj_binary_op(index, small_int_make(1), BINOP_ADD);
        if (next == NULL) {
            DECREF(item);
            return NULL;
        }
    }
    e->count = next; /* the old count's reference moves into the tuple */
    Object *pair = tuple_new(2);
    if (pair == NULL) {
        DECREF(index);
        DECREF(item);
        return NULL;
    }
    tuple_init_item(pair, 0, index);
    tuple_init_item(pair, 1, item);
    return pair;
}

static void enumerate_dealloc(Object *self) {
    EnumerateObject *e = (EnumerateObject *)self;
    XDECREF(e->iter);
    XDECREF(e->count);
    obj_free(self);
}

static int enumerate_traverse(Object *self, VisitFunc visit, void *arg) {
    EnumerateObject *e = (EnumerateObject *)self;
    return visit_if(e->iter, visit, arg) || visit_if(e->count, visit, arg) ? -1 : 0;
}

TypeObject EnumerateType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "enumerate",
    .basic_size = sizeof(EnumerateObject),
    .flags = TYPE_FLAG_BASETYPE | TYPE_FLAG_GC,
    .dealloc = enumerate_dealloc,
    .traverse = enumerate_traverse,
    .iter = iter_self,
    .iternext = enumerate_next,
    .new_instance = enumerate_new,
    .doc = "Return an enumerate object.",
};

/* ================================================================ zip */

typedef struct ZipObject {
    Object base;
    Object *iters; /* tuple of iterators */
    bool strict;
} ZipObject;

static Object *zip_new(TypeObject *type, Object *const *args, size_t nargs, Object *kwnames) {
    bool strict = false;
    size_t nkw = kwnames == NULL ? 0 : tuple_size(kwnames);
    for (size_t i = 0; i < nkw; i++) {
        Object *key = tuple_get(kwnames, i);
        if (!str_equal_cstr(key, "strict")) {
            return err_format(&ExcTypeError, "'%U' is an invalid keyword argument for zip()", key);
        }
        int truth = obj_is_true(args[nargs + i]);
        if (truth < 0) {
            return NULL;
        }
        strict = truth != 0;
    }
    Object *iters = iterators_of(args, nargs);
    if (iters == NULL) {
        return NULL;
    }
    ZipObject *z = (ZipObject *)obj_alloc(type, type->basic_size);
    if (z == NULL) {
        DECREF(iters);
        return NULL;
    }
    z->iters = iters;
    z->strict = strict;
    return (Object *)z;
}

/* strict=True and iterator i ran out first (or i == 0 and another did not). */
static Object *zip_length_mismatch(ZipObject *z, size_t i) {
    if (i > 0) {
        return err_format(&ExcValueError, "zip() argument %zu is shorter than argument%s%zu",
                          i + 1, i == 1 ? " " : "s 1-", i);
    }
    size_t n = tuple_size(z->iters);
    for (size_t j = 1; j < n; j++) {
        Object *item = next_item(tuple_get(z->iters, j));
        if (item != NULL) {
            DECREF(item);
            return err_format(&ExcValueError, "zip() argument %zu is longer than argument%s%zu",
                              j + 1, j == 1 ? " " : "s 1-", j);
        }
        if (err_occurred()) {
            return NULL;
        }
    }
    return NULL;
}

static Object *zip_next(Object *self) {
    ZipObject *z = (ZipObject *)self;
    size_t n = tuple_size(z->iters);
    if (n == 0) {
        return NULL;
    }
    Object *result = tuple_new(n);
    if (result == NULL) {
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        Object *item = next_item(tuple_get(z->iters, i));
        if (item == NULL) {
            for (size_t j = i; j < n; j++) {
                tuple_init_item(result, j, NULL);
            }
            DECREF(result);
            if (z->strict && !err_occurred()) {
                return zip_length_mismatch(z, i);
            }
            return NULL;
        }
        tuple_init_item(result, i, item);
    }
    return result;
}

static void zip_dealloc(Object *self) {
    XDECREF(((ZipObject *)self)->iters);
    obj_free(self);
}

static int zip_traverse(Object *self, VisitFunc visit, void *arg) {
    return visit_if(((ZipObject *)self)->iters, visit, arg);
}

TypeObject ZipType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "zip",
    .basic_size = sizeof(ZipObject),
    .flags = TYPE_FLAG_BASETYPE | TYPE_FLAG_GC,
    .dealloc = zip_dealloc,
    .traverse = zip_traverse,
    .iter = iter_self,
    .iternext = zip_next,
    .new_instance = zip_new,
    .doc = "zip(*iterables, strict=False) --> Yield tuples until an input is exhausted.",
};

/* ================================================================ map */

typedef struct MapObject {
    Object base;
    Object *func;
    Object *iters; /* tuple of iterators */
} MapObject;

static Object *map_new(TypeObject *type, Object *const *args, size_t nargs, Object *kwnames) {
    if (type == &MapType && args_no_keywords("map", kwnames) < 0) {
        return NULL;
    }
    if (nargs < 2) {
        err_set_string(&ExcTypeError, "map() must have at least two arguments.");
        return NULL;
    }
    Object *iters = iterators_of(args + 1, nargs - 1);
    if (iters == NULL) {
        return NULL;
    }
    MapObject *m = (MapObject *)obj_alloc(type, type->basic_size);
    if (m == NULL) {
        DECREF(iters);
        return NULL;
    }
    m->func = NEWREF(args[0]);
    m->iters = iters;
    return (Object *)m;
}

static Object *map_next(Object *self) {
    MapObject *m = (MapObject *)self;
    size_t n = tuple_size(m->iters);
    Object *small[8];
    Object **items = small;
    if (n > 8) {
        items = mem_alloc_array(n, sizeof(Object *));
        if (items == NULL) {
            return NULL;
        }
    }
    Object *result = NULL;
    size_t got = 0;
    while (got < n && (items[got] = next_item(tuple_get(m->iters, got))) != NULL) {
        got++;
    }
    if (got == n) {
        result = obj_call(m->func, items, n, NULL);
    }
    for (size_t i = 0; i < got; i++) {
        DECREF(items[i]);
    }
    if (items != small) {
        mem_free(items);
    }
    return result;
}

static void map_dealloc(Object *self) {
    MapObject *m = (MapObject *)self;
    XDECREF(m->func);
    XDECREF(m->iters);
    obj_free(self);
}

static int map_traverse(Object *self, VisitFunc visit, void *arg) {
    MapObject *m = (MapObject *)self;
    return visit_if(m->func, visit, arg) || visit_if(m->iters, visit, arg) ? -1 : 0;
}

TypeObject MapType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "map",
    .basic_size = sizeof(MapObject),
    .flags = TYPE_FLAG_BASETYPE | TYPE_FLAG_GC,
    .dealloc = map_dealloc,
    .traverse = map_traverse,
    .iter = iter_self,
    .iternext = map_next,
    .new_instance = map_new,
    .doc = "map(func, *iterables) --> map object",
};

/* ================================================================ filter */

typedef struct FilterObject {
    Object base;
    Object *func; /* None: keep the true items */
    Object *iter;
} FilterObject;

static Object *filter_new(TypeObject *type, Object *const *args, size_t nargs, Object *kwnames) {
    if (type == &FilterType && args_no_keywords("filter", kwnames) < 0) {
        return NULL;
    }
    if (args_count("filter", nargs, 2, 2) < 0) {
        return NULL;
    }
    Object *it = obj_iter(args[1]);
    if (it == NULL) {
        return NULL;
    }
    FilterObject *f = (FilterObject *)obj_alloc(type, type->basic_size);
    if (f == NULL) {
        DECREF(it);
        return NULL;
    }
    f->func = NEWREF(args[0]);
    f->iter = it;
    return (Object *)f;
}

static Object *filter_next(Object *self) {
    FilterObject *f = (FilterObject *)self;
    bool identity = f->func == None || f->func == (Object *)&BoolType;
    for (;;) {
        Object *item = next_item(f->iter);
        if (item == NULL) {
            return NULL;
        }
        int keep;
        if (identity) {
            keep = obj_is_true(item);
        } else {
            Object *r = obj_call(f->func, &item, 1, NULL);
            if (r == NULL) {
                DECREF(item);
                return NULL;
            }
            keep = obj_is_true(r);
            DECREF(r);
        }
        if (keep > 0) {
            return item;
        }
        DECREF(item);
        if (keep < 0) {
            return NULL;
        }
    }
}

static void filter_dealloc(Object *self) {
    FilterObject *f = (FilterObject *)self;
    XDECREF(f->func);
    XDECREF(f->iter);
    obj_free(self);
}

static int filter_traverse(Object *self, VisitFunc visit, void *arg) {
    FilterObject *f = (FilterObject *)self;
    return visit_if(f->func, visit, arg) || visit_if(f->iter, visit, arg) ? -1 : 0;
}

TypeObject FilterType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "filter",
    .basic_size = sizeof(FilterObject),
    .flags = TYPE_FLAG_BASETYPE | TYPE_FLAG_GC,
    .dealloc = filter_dealloc,
    .traverse = filter_traverse,
    .iter = iter_self,
    .iternext = filter_next,
    .new_instance = filter_new,
    .doc = "filter(function or None, iterable) --> filter object",
};

/* ================================================================ reversed */

typedef struct ReversedObject {
    Object base;
    Object *seq;   /* NULL once exhausted */
    ssize_t index; /* next index to fetch, counting down */
} ReversedObject;

static Object *reversed_new(TypeObject *type, Object *const *args, size_t nargs,
                            Object *kwnames) {
    if (type == &ReversedType && args_no_keywords("reversed", kwnames) < 0) {
        return NULL;
    }
    if (args_count("reversed", nargs, 1, 1) < 0) {
        return NULL;
    }
    Object *seq = args[0];
    TypeObject *t = obj_type(seq);
    Object *name = str_intern_cstr("__reversed__");
    if (name == NULL) {
        return NULL;
    }
    Object *method = type_lookup(t, name);
    DECREF(name);
    if (method != NULL && method != None) {
        return obj_call_method(seq, "__reversed__", NULL, 0);
    }
    if (method == None || t->getitem == NULL || t->len == NULL || dict_check(seq)) {
        return err_format(&ExcTypeError, "'%T' object is not reversible", seq);
    }
    ssize_t n = obj_len(seq);
    if (n < 0) {
        return NULL;
    }
    ReversedObject *r = (ReversedObject *)obj_alloc(type, type->basic_size);
    if (r == NULL) {
        return NULL;
    }
    r->seq = NEWREF(seq);
    r->index = n - 1;
    return (Object *)r;
}

static Object *reversed_next(Object *self) {
    ReversedObject *r = (ReversedObject *)self;
    if (r->seq == NULL) {
        return NULL;
    }
    if (r->index >= 0) {
        Object *item = obj_getitem(r->seq, small_int_make(r->index));
        if (item != NULL) {
            r->index--;
            return item;
        }
        if (!err_matches(&ExcIndexError) && !err_matches(&ExcStopIteration)) {
            return NULL;
        }
        err_clear();
    }
    CLEAR(r->seq);
    return NULL;
}

static void reversed_dealloc(Object *self) {
    XDECREF(((ReversedObject *)self)->seq);
    obj_free(self);
}

static int reversed_traverse(Object *self, VisitFunc visit, void *arg) {
    return visit_if(((ReversedObject *)self)->seq, visit, arg);
}

TypeObject ReversedType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "reversed",
    .basic_size = sizeof(ReversedObject),
    .flags = TYPE_FLAG_BASETYPE | TYPE_FLAG_GC,
    .dealloc = reversed_dealloc,
    .traverse = reversed_traverse,
    .iter = iter_self,
    .iternext = reversed_next,
    .new_instance = reversed_new,
    .doc = "Return a reverse iterator over the values of the given sequence.",
};

int builtins_iter_ready(void) {
    TypeObject *types[] = {&EnumerateType, &ZipType, &MapType, &FilterType, &ReversedType};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        if (type_ready(types[i]) < 0) {
            return -1;
        }
    }
    return 0;
}
