/* iter.c: generic iterators (over objects with only __getitem__, and
 * iter(callable, sentinel)), iter_to_list, and the small helpers shared by
 * the container types (containers.h): index conversion, argument-count
 * checks with CPython's wording, and the "[...]" repr guard. */
#include "iter.h"

#include <stdlib.h>

#include "containers.h"
#include "errors.h"
#include "exceptions.h"
#include "list.h"
#include "memory.h"
#include "tuple.h"

/* ============================================================ shared helpers */

int seq_index_value(Object *key, ssize_t *out) {
    if (is_small_int(key)) {
        *out = small_int_value(key);
        return 1;
    }
    Object *index;
    if (int_check(key)) {
        index = NEWREF(key);
    } else if (obj_type(key)->index != NULL) {
        index = obj_index(key);
        if (index == NULL) {
            return -1;
        }
    } else {
        return 0;
    }
    if (is_small_int(index)) {
        *out = small_int_value(index);
        DECREF(index);
        return 1;
    }
    ssize_t v;
    if (int_to_ssize(index, &v) < 0) {
        err_clear();
        err_format(&ExcIndexError, "cannot fit '%.200s' into an index-sized integer",
                   obj_type_name(key));
        DECREF(index);
        return -1;
    }
    DECREF(index);
    *out = v;
    return 1;
}

/* See containers.h: like seq_index_value, but huge values clamp. */
int seq_clamp_int(Object *v, ssize_t *out, const char *type_error) {
    if (is_small_int(v)) {
        *out = small_int_value(v);
        return 0;
    }
    Object *index;
    if (int_check(v)) {
        index = NEWREF(v);
    } else if (obj_type(v)->index != NULL) {
        index = obj_index(v);
        if (index == NULL) {
            return -1;
        }
    } else {
        err_set_string(&ExcTypeError, type_error);
        return -1;
    }
    if (is_small_int(index)) {
        *out = small_int_value(index);
    } else if (int_to_ssize(index, out) < 0) {
        err_clear();
        *out = int_sign(index) < 0 ? SSIZE_MIN_VALUE : SSIZE_MAX;
    }
    DECREF(index);
    return 0;
}

int seq_clamped_index(Object *v, ssize_t *out) {
    return seq_clamp_int(v, out, "slice indices must be integers or have an __index__ method");
}

/* See containers.h for the messages. */
int container_check_args(const char *fname, size_t nargs, size_t min, size_t max) {
    if (nargs >= min && nargs <= max) {
        return 0;
    }
    if (min == max && max == 0) {
        err_format(&ExcTypeError, "%s() takes no arguments (%zu given)", fname, nargs);
    } else if (min == max && max == 1) {
        err_format(&ExcTypeError, "%s() takes exactly one argument (%zu given)", fname, nargs);
    } else if (min == max) {
        err_format(&ExcTypeError, "%s expected %zu arguments, got %zu", fname, min, nargs);
    } else if (nargs < min) {
        err_format(&ExcTypeError, "%s expected at least %zu argument%s, got %zu", fname, min,
                   min == 1 ? "" : "s", nargs);
    } else {
        err_format(&ExcTypeError, "%s expected at most %zu argument%s, got %zu", fname, max,
                   max == 1 ? "" : "s", nargs);
    }
    return -1;
}

int container_no_keywords(const char *fname, Object *kwnames) {
    if (kwnames != NULL && tuple_size(kwnames) > 0) {
        err_format(&ExcTypeError, "%s() takes no keyword arguments", fname);
        return -1;
    }
    return 0;
}

Object *container_no_new(TypeObject *type, Object *const *args, size_t nargs, Object *kwnames) {
    return err_format(&ExcTypeError, "cannot create '%.200s' instances", type->name);
}

Object *seq_try_other_operand(Object *a, Object *b, BinaryOp op) {
    TypeObject *tb = obj_type(b);
    if (tb != obj_type(a) && tb->binary_op != NULL && (tb->flags & TYPE_FLAG_HEAPTYPE)) {
        return tb->binary_op(a, b, op);
    }
    return NEWREF(NotImplemented);
}

/* The repr guard: a per-thread stack of the containers whose repr is being
 * built (CPython keeps the same thing in its thread state). It only ever
 * holds borrowed pointers to objects that are alive while on the stack. */
static _Thread_local Object **repr_stack;
static _Thread_local size_t repr_depth, repr_capacity;

/* Push v unless it is already being printed by this thread. */
int repr_enter(Object *v) {
    for (size_t i = 0; i < repr_depth; i++) {
        if (repr_stack[i] == v) {
            return 1;
        }
    }
    if (repr_depth == repr_capacity) {
        size_t cap = repr_capacity == 0 ? 16 : repr_capacity * 2;
        Object **p = mem_realloc_array(repr_stack, cap, sizeof(Object *));
        if (p == NULL) {
            return -1;
        }
        repr_stack = p;
        repr_capacity = cap;
    }
    repr_stack[repr_depth++] = v;
    return 0;
}

void repr_leave(Object *v) {
    /* Normally v is on top; search anyway so an unbalanced leave is harmless. */
    for (size_t i = repr_depth; i-- > 0;) {
        if (repr_stack[i] == v) {
            for (size_t j = i + 1; j < repr_depth; j++) {
                repr_stack[j - 1] = repr_stack[j];
            }
            repr_depth--;
            return;
        }
    }
}

/* The trashcan: a per-thread stack of containers whose dealloc was put off
 * because the C stack was already deep in nested deallocs. */
#define DEALLOC_MAX_DEPTH 50

static _Thread_local int dealloc_depth;
static _Thread_local bool dealloc_draining;
static _Thread_local Object **dealloc_stack;
static _Thread_local size_t dealloc_count, dealloc_capacity;

/* A thread that ends frees its repr and dealloc stacks (vm/threads.c calls
 * this on the way out; the memory holds no references by then). */
void iter_thread_cleanup(void) {
    mem_free(repr_stack);
    repr_stack = NULL;
    repr_depth = repr_capacity = 0;
    free(dealloc_stack);
    dealloc_stack = NULL;
    dealloc_count = dealloc_capacity = 0;
}


/* True when v was parked for later (the caller returns at once). */
bool dealloc_defer(Object *v) {
    /* Only native types are parked: a class's dealloc does more than ours. */
    if (dealloc_depth < DEALLOC_MAX_DEPTH || (v->type->flags & TYPE_FLAG_HEAPTYPE)) {
        dealloc_depth++;
        return false;
    }
    if (dealloc_count == dealloc_capacity) {
        size_t cap = dealloc_capacity == 0 ? 64 : dealloc_capacity * 2;
        /* Plain realloc: a dealloc must never raise MemoryError. */
        Object **p = realloc(dealloc_stack, cap * sizeof(Object *));
        if (p == NULL) {
            /* No memory to park it: recurse after all (rare; deep anyway). */
            dealloc_depth++;
            return false;
        }
        dealloc_stack = p;
        dealloc_capacity = cap;
    }
    /* Parked objects have refcount 0: the collector must not see them. */
    if (v->type->flags & TYPE_FLAG_GC) {
        gc_untrack(v);
    }
    dealloc_stack[dealloc_count++] = v;
    return true;
}

void dealloc_done(void) {
    if (--dealloc_depth > 0 || dealloc_draining) {
        return;
    }
    dealloc_draining = true;
    while (dealloc_count > 0) {
        Object *v = dealloc_stack[--dealloc_count];
        v->type->dealloc(v);
    }
    dealloc_draining = false;
}

/* ============================================================ sequence iterator */

typedef struct SeqIterObject {
    Object base;
    Object *seq; /* NULL once exhausted */
    ssize_t index;
} SeqIterObject;

Object *seq_iter_new(Object *seq) {
    SeqIterObject *it = (SeqIterObject *)obj_alloc(&SeqIterType, sizeof(SeqIterObject));
    if (it == NULL) {
        return NULL;
    }
    it->seq = NEWREF(seq);
    it->index = 0;
    return (Object *)it;
}

/* seq[index]; IndexError or StopIteration end the iteration (cleanly). */
static Object *seq_iter_next(Object *self) {
    SeqIterObject *it = (SeqIterObject *)self;
    if (it->seq == NULL) {
        return NULL;
    }
    Object *item = obj_getitem(it->seq, small_int_make(it->index));
    if (item != NULL) {
        it->index++;
        return item;
    }
    if (err_matches(&ExcIndexError) || err_matches(&ExcStopIteration)) {
        err_clear();
        CLEAR(it->seq);
    }
    return NULL;
}

static void seq_iter_dealloc(Object *self) {
    XDECREF(((SeqIterObject *)self)->seq);
    obj_free(self);
}

static int seq_iter_traverse(Object *self, VisitFunc visit, void *arg) {
    Object *s = ((SeqIterObject *)self)->seq;
    return s != NULL ? visit(s, arg) : 0;
}

static Object *iter_self(Object *self) {
    return NEWREF(self);
}

TypeObject SeqIterType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "iterator",
    .basic_size = sizeof(SeqIterObject),
    .flags = TYPE_FLAG_GC,
    .dealloc = seq_iter_dealloc,
    .traverse = seq_iter_traverse,
    .new_instance = container_no_new,
    .iter = iter_self,
    .iternext = seq_iter_next,
};

/* ============================================================ callable iterator */

typedef struct CallableIterObject {
    Object base;
    Object *callable; /* both NULL once exhausted */
    Object *sentinel;
} CallableIterObject;

Object *callable_iter_new(Object *callable, Object *sentinel) {
    CallableIterObject *it =
        (CallableIterObject *)obj_alloc(&CallableIterType, sizeof(CallableIterObject));
    if (it == NULL) {
        return NULL;
    }
    it->callable = NEWREF(callable);
    it->sentinel = NEWREF(sentinel);
    return (Object *)it;
}

/* callable(); the sentinel value or StopIteration ends the iteration. */
static Object *callable_iter_next(Object *self) {
    CallableIterObject *it = (CallableIterObject *)self;
    if (it->callable == NULL) {
        return NULL;
    }
    Object *r = obj_call0(it->callable);
    if (r == NULL) {
        if (err_matches(&ExcStopIteration)) {
            err_clear();
            CLEAR(it->callable);
            CLEAR(it->sentinel);
        }
        return NULL;
    }
    int eq = obj_richcompare_bool(it->sentinel, r, CMP_EQ);
    if (eq == 0) {
        return r;
    }
    DECREF(r);
    if (eq > 0) {
        CLEAR(it->callable);
        CLEAR(it->sentinel);
    }
    return NULL;
}

static void callable_iter_dealloc(Object *self) {
    CallableIterObject *it = (CallableIterObject *)self;
    XDECREF(it->callable);
    XDECREF(it->sentinel);
    obj_free(self);
}

static int callable_iter_traverse(Object *self, VisitFunc visit, void *arg) {
    CallableIterObject *it = (CallableIterObject *)self;
    int r = 0;
    if (it->callable != NULL) {
        r = visit(it->callable, arg);
    }
    if (r == 0 && it->sentinel != NULL) {
        r = visit(it->sentinel, arg);
    }
    return r;
}

TypeObject CallableIterType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "callable_iterator",
    .basic_size = sizeof(CallableIterObject),
    .flags = TYPE_FLAG_GC,
    .dealloc = callable_iter_dealloc,
    .traverse = callable_iter_traverse,
    .new_instance = container_no_new,
    .iter = iter_self,
    .iternext = callable_iter_next,
};
