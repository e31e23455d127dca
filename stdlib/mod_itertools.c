/* mod_itertools.c: the _itertools module, a C accelerator for the combinatoric iterators
 * of lib/itertools.py (product, permutations, combinations, combinations_with_replacement),
 * whose inner loops are too slow in gilpy code. itertools.py checks the arguments, with
 * CPython's messages, and falls back to its generators when this module is missing. The
 * algorithms are those of CPython's Modules/itertoolsmodule.c. */
#include "args.h"
#include "errors.h"
#include "exceptions.h"
#include "memory.h"
#include "modules.h"
#include "tuple.h"

typedef enum { COMB_PRODUCT, COMB_PERMUTATIONS, COMB_COMBINATIONS, COMB_CWR } CombKind;

typedef struct CombObject {
    Object base;
    CombKind kind;
    Object *pool;      /* a tuple; for product, a tuple of tuples (one per position) */
    ssize_t n;         /* len(pool) (product: the number of pools) */
    ssize_t r;         /* the length of each result (product: n) */
    ssize_t *indices;  /* the current selection */
    ssize_t *cycles;   /* permutations only */
    bool first;        /* no result produced yet */
    bool stopped;      /* exhausted */
} CombObject;

extern TypeObject CombType;

/* The pool item that position i of the result takes. */
static inline Object *comb_item(CombObject *c, ssize_t i) {
    if (c->kind == COMB_PRODUCT) {
        return tuple_get(tuple_get(c->pool, (size_t)i), (size_t)c->indices[i]);
    }
    return tuple_get(c->pool, (size_t)c->indices[i]);
}

/* The current selection as a new tuple. */
static Object *comb_result(CombObject *c) {
    Object *t = tuple_new((size_t)c->r);
    if (t == NULL) {
        return NULL;
    }
    for (ssize_t i = 0; i < c->r; i++) {
        tuple_init_item(t, (size_t)i, NEWREF(comb_item(c, i)));
    }
    return t;
}

/* Make the iterator. pool: a tuple (borrowed; for product a tuple of tuples); r >= 0. */
static Object *comb_new(CombKind kind, Object *pool, ssize_t r) {
    CombObject *c = (CombObject *)obj_alloc(&CombType, sizeof(CombObject));
    if (c == NULL) {
        return NULL;
    }
    c->kind = kind;
    c->pool = NEWREF(pool);
    c->n = (ssize_t)tuple_size(pool);
    c->r = kind == COMB_PRODUCT ? c->n : r;
    c->first = true;
    /* The index array has room for max(n, r) entries (permutations uses n of them). */
    ssize_t size = c->n > c->r ? c->n : c->r;
    c->indices = mem_alloc((size_t)(size > 0 ? size : 1) * sizeof(ssize_t));
    if (kind == COMB_PERMUTATIONS) {
        c->cycles = mem_alloc((size_t)(c->r > 0 ? c->r : 1) * sizeof(ssize_t));
    }
    if (c->indices == NULL || (kind == COMB_PERMUTATIONS && c->cycles == NULL)) {
        DECREF((Object *)c);
        err_no_memory();
        return NULL;
    }
    switch (kind) {
    case COMB_PRODUCT:
    case COMB_CWR:
        for (ssize_t i = 0; i < size; i++) {
            c->indices[i] = 0;
        }
        break;
    case COMB_PERMUTATIONS:
    case COMB_COMBINATIONS:
        for (ssize_t i = 0; i < size; i++) {
            c->indices[i] = i;
        }
        if (kind == COMB_PERMUTATIONS) {
            for (ssize_t i = 0; i < c->r; i++) {
                c->cycles[i] = c->n - i;
            }
        }
        break;
    }
    return (Object *)c;
}

/* Is there no first result at all? */
static bool comb_empty(CombObject *c) {
    switch (c->kind) {
    case COMB_PRODUCT:
        for (ssize_t i = 0; i < c->n; i++) {
            if (tuple_size(tuple_get(c->pool, (size_t)i)) == 0) {
                return true;
            }
        }
        return false;
    case COMB_PERMUTATIONS:
    case COMB_COMBINATIONS:
        return c->r > c->n;
    case COMB_CWR:
        return c->n == 0 && c->r > 0;
    }
    return true;
}

/* Advance the selection to the next one; false when there is none. */
static bool comb_advance(CombObject *c) {
    ssize_t n = c->n, r = c->r, *ix = c->indices;
    switch (c->kind) {
    case COMB_PRODUCT:
        /* An odometer: the rightmost index that can move moves, those after it reset. */
        for (ssize_t i = n - 1; i >= 0; i--) {
            ix[i]++;
            if (ix[i] < (ssize_t)tuple_size(tuple_get(c->pool, (size_t)i))) {
                return true;
            }
            ix[i] = 0;
        }
        return false;
    case COMB_PERMUTATIONS:
        for (ssize_t i = r - 1; i >= 0; i--) {
            c->cycles[i]--;
            if (c->cycles[i] == 0) {
                /* Rotate indices[i:] left by one. */
                ssize_t first = ix[i];
                for (ssize_t j = i; j < n - 1; j++) {
                    ix[j] = ix[j + 1];
                }
                ix[n - 1] = first;
                c->cycles[i] = n - i;
            } else {
                ssize_t j = c->cycles[i];
                ssize_t tmp = ix[i];
                ix[i] = ix[n - j];
                ix[n - j] = tmp;
                return true;
            }
        }
        return false;
    case COMB_COMBINATIONS: {
        ssize_t i = r - 1;
        while (i >= 0 && ix[i] == i + n - r) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        ix[i]++;
        for (ssize_t j = i + 1; j < r; j++) {
            ix[j] = ix[j - 1] + 1;
        }
        return true;
    }
    case COMB_CWR: {
        ssize_t i = r - 1;
        while (i >= 0 && ix[i] == n - 1) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        ssize_t v = ix[i] + 1;
        for (ssize_t j = i; j < r; j++) {
            ix[j] = v;
        }
        return true;
    }
    }
    return false;
}

static Object *comb_next(Object *self) {
    CombObject *c = (CombObject *)self;
    if (c->stopped) {
        return NULL;
    }
    if (c->first) {
        c->first = false;
        if (comb_empty(c)) {
            c->stopped = true;
            return NULL;
        }
    } else if (!comb_advance(c)) {
        c->stopped = true;
        return NULL;
    }
    return comb_result(c);
}

static Object *comb_iter(Object *self) { return NEWREF(self); }

static void comb_dealloc(Object *self) {
    CombObject *c = (CombObject *)self;
    CLEAR(c->pool);
    mem_free(c->indices);
    mem_free(c->cycles);
    obj_free(self);
}

static int comb_traverse(Object *self, VisitFunc visit, void *arg) {
    CombObject *c = (CombObject *)self;
    return c->pool != NULL ? visit(c->pool, arg) : 0;
}

TypeObject CombType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "_itertools.combinatoric_iterator",
    .basic_size = sizeof(CombObject),
    .flags = TYPE_FLAG_GC,
    .dealloc = comb_dealloc,
    .traverse = comb_traverse,
    .iter = comb_iter,
    .iternext = comb_next,
    .doc = "An iterator over a product, permutations or combinations of a pool.",
};

/* ================================================================ module functions */

/* Check that args are (tuple[, r]) as itertools.py passes them; the pool and r (0 when
 * absent). The public argument errors are raised by itertools.py before this. */
static int comb_args(const char *fname, Object *const *args, size_t nargs, size_t want,
                     ssize_t *r) {
    if (args_count(fname, nargs, want, want) < 0) {
        return -1;
    }
    if (!obj_is_instance_of(args[0], &TupleType)) {
        err_format(&ExcTypeError, "%s() expects a tuple", fname);
        return -1;
    }
    *r = 0;
    if (want == 2) {
        *r = obj_as_ssize(args[1]);
        if (*r == -1 && err_occurred() != NULL) {
            return -1;
        }
        if (*r < 0) {
            err_set_string(&ExcValueError, "r must be non-negative");
            return -1;
        }
    }
    return 0;
}

/* product(pools): pools is a tuple of tuples. */
static Object *itertools_product(Object *self, Object *const *args, size_t nargs,
                                 Object *kwnames) {
    ssize_t r;
    if (args_no_keywords("product", kwnames) < 0 || comb_args("product", args, nargs, 1, &r) < 0) {
        return NULL;
    }
    for (size_t i = 0; i < tuple_size(args[0]); i++) {
        if (!obj_is_instance_of(tuple_get(args[0], i), &TupleType)) {
            return err_format(&ExcTypeError, "product() expects a tuple of tuples");
        }
    }
    return comb_new(COMB_PRODUCT, args[0], 0);
}

static Object *itertools_permutations(Object *self, Object *const *args, size_t nargs,
                                      Object *kwnames) {
    ssize_t r;
    if (args_no_keywords("permutations", kwnames) < 0 ||
        comb_args("permutations", args, nargs, 2, &r) < 0) {
        return NULL;
    }
    return comb_new(COMB_PERMUTATIONS, args[0], r);
}

static Object *itertools_combinations(Object *self, Object *const *args, size_t nargs,
                                      Object *kwnames) {
    ssize_t r;
    if (args_no_keywords("combinations", kwnames) < 0 ||
        comb_args("combinations", args, nargs, 2, &r) < 0) {
        return NULL;
    }
    return comb_new(COMB_COMBINATIONS, args[0], r);
}

static Object *itertools_cwr(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    ssize_t r;
    if (args_no_keywords("combinations_with_replacement", kwnames) < 0 ||
        comb_args("combinations_with_replacement", args, nargs, 2, &r) < 0) {
        return NULL;
    }
    return comb_new(COMB_CWR, args[0], r);
}

static const MethodDef itertools_functions[] = {
    {"product", itertools_product, 0,
     "product(pools) -> iterator over the cartesian product of a tuple of tuples"},
    {"permutations", itertools_permutations, 0,
     "permutations(pool, r) -> iterator over the r-length permutations of a tuple"},
    {"combinations", itertools_combinations, 0,
     "combinations(pool, r) -> iterator over the r-length combinations of a tuple"},
    {"combinations_with_replacement", itertools_cwr, 0,
     "combinations_with_replacement(pool, r) -> the same, with repeated elements"},
    {NULL, NULL, 0, NULL},
};

Object *mod_itertools_init(void) {
    if (type_ready(&CombType) < 0) {
        return NULL;
    }
    Object *m = module_new("_itertools");
    if (m == NULL) {
        return NULL;
    }
    if (module_add_functions(m, itertools_functions) < 0) {
        DECREF(m);
        return NULL;
    }
    return m;
}
