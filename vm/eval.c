/* eval.c: the bytecode interpreter. One function, eval_frame, runs frames of
 * Python code; a call from Python to Python pushes a frame and stays in the
 * same C loop (no C recursion), as CPython 3.11 does. Also the eval breaker
 * (signals now, the GIL later) and generator objects. */
#include "eval.h"

#include <signal.h>
#include <string.h>

#include "attrcache.h"
#include "call.h"
#include "dict.h"
#include "errors.h"
#include "exceptions.h"
#include "float.h"
#include "function.h"
#include "import.h"
#include "interp.h"
#include "int.h"
#include "list.h"
#include "memory.h"
#include "module.h"
#include "opcode.h"
#include "range.h"
#include "set.h"
#include "slots.h"
#include "str.h"
#include "traceback.h"
#include "threads.h"
#include "gc.h"
#include "tuple.h"

/* ================================================================ eval breaker */

/* The only mutable global of the VM, set by the SIGINT handler and read by
 * the main thread's eval breaker. A lock-free atomic rather than a volatile
 * sig_atomic_t: it is safe in a signal handler too, and other threads read it
 * without a data race. */
static atomic_int eval_sigint_pending;

static void eval_sigint_handler(int signo) {
    (void)signo;
    atomic_store(&eval_sigint_pending, 1);
}

void eval_install_signal_handlers(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = eval_sigint_handler;
    sigemptyset(&sa.sa_mask);
    /* No SA_RESTART: a blocking call in the main thread returns EINTR, so
     * Ctrl-C interrupts sleep, lock waits and join. */
    sigaction(SIGINT, &sa, NULL);
}

bool eval_take_sigint(void) {
    return atomic_exchange(&eval_sigint_pending, 0) != 0;
}

void eval_request_sigint(void) { atomic_store(&eval_sigint_pending, 1); }

bool eval_sigint_waiting(void) { return atomic_load(&eval_sigint_pending) != 0; }

/* Other signals (the signal module) set eval_signals_pending from their C
 * handler; the main thread's breaker then calls eval_signal_hook, which runs
 * the Python-level handlers. */
atomic_int eval_signals_pending;
int (*eval_signal_hook)(void);

/* The eval breaker: every few hundred instructions, and whenever another
 * thread asks for the GIL, the loop comes here. `used` instructions ran
 * since the last visit. Returns how many to run before the next visit, or -1
 * with KeyboardInterrupt set. */
int32_t eval_handle_breaker(ThreadState *ts, int32_t used) {
    VMThread *vt = vm_thread(ts);
    if (vt->is_main && eval_take_sigint()) {
        err_set_none(&ExcKeyboardInterrupt);
        return -1;
    }
    if (vt->is_main && eval_signal_hook != NULL && atomic_exchange(&eval_signals_pending, 0)) {
        if (eval_signal_hook() < 0) {
            return -1;
        }
    }
    if (gc_collect_due) {
        gc_maybe_collect();
    }
    int32_t next = threads_tick(ts, used);
    vt->eval_budget = next;
    return next;
}

/* ================================================================ helpers */

/* The inline caches, one entry per instruction of a code object
 * (code->vm_cache), allocated on first use.
 *
 * LOAD_GLOBAL: valid while both dicts keep their version. The entry holds
 * strong references to the two dicts, so a dict freed and reallocated at the
 * same address can never be mistaken for the cached one.
 *
 * LOAD_ATTR / STORE_ATTR / LOAD_METHOD (the attr_* fields; globals and
 * builtins stay NULL): up to ATTR_CACHE_WAYS types per instruction (a call
 * site such as `task.run()` often sees several classes), each way valid
 * while the owner's type has the way's version tag and type_cache_epoch is
 * attr_epoch (runtime/attrcache.h), that is, while no class anywhere
 * changed. What a valid way promises for its type:
 *   LOAD_ATTR   the type's lookup is the generic one and descr (borrowed,
 *               NULL if none) is what the type's MRO holds for the name: not
 *               a data descriptor, so the instance dict is tried first.
 *   STORE_ATTR  the type's setattr is the generic one, instances have a dict,
 *               and the MRO holds no data descriptor for the name.
 *   LOAD_METHOD descr is a function (or native method) found in the type, to
 *               be called with the object prepended unless the instance dict
 *               shadows it.
 * hint is where the name sat in the last instance dict (a hint only). */
#define ATTR_CACHE_WAYS 4

typedef struct AttrCacheWay {
    uint32_t tag; /* 0: empty */
    uint32_t hint;
    Object *descr; /* borrowed: owned by a type dict while the way is valid */
} AttrCacheWay;

typedef struct GlobalCacheEntry {
    Object *globals; /* strong (or NULL): the dicts the entry was filled from */
    Object *builtins;
    union {
        struct {
            uint64_t globals_version;
            uint64_t builtins_version;
            Object *value; /* borrowed: still owned by one of the dicts while versions match */
        };
        struct {
            uint64_t attr_epoch;
            uint32_t attr_next; /* the way the next fill replaces */
            AttrCacheWay attr_ways[ATTR_CACHE_WAYS];
        };
    };
} GlobalCacheEntry;

typedef struct GlobalCache {
    size_t count;
    GlobalCacheEntry entries[];
} GlobalCache;

static inline uint64_t eval_dict_version(Object *d) { return ((DictObject *)d)->version; }

static void eval_global_cache_free(void *p) {
    GlobalCache *cache = p;
    for (size_t i = 0; i < cache->count; i++) {
        XDECREF(cache->entries[i].globals);
        XDECREF(cache->entries[i].builtins);
    }
    mem_free(cache);
}

/* The code object's cache, allocated (zeroed) on first use; NULL if out of
 * memory (the error is cleared: caching is optional). */
static GlobalCache *eval_cache_of(CodeObject *code) {
    GlobalCache *cache = code->vm_cache;
    if (cache == NULL) {
        cache = mem_alloc(sizeof(GlobalCache) + code->ncode * sizeof(GlobalCacheEntry));
        if (cache == NULL) {
            err_clear();
            return NULL;
        }
        cache->count = code->ncode;
        code->vm_cache = cache;
        code->vm_cache_free = eval_global_cache_free;
    }
    return cache;
}

/* Fill the cache entry of instruction `index` (failures are ignored). */
static void eval_global_cache_fill(CodeObject *code, size_t index, Object *globals,
                                   Object *builtins, Object *value) {
    GlobalCache *cache = eval_cache_of(code);
    if (cache == NULL) {
        return;
    }
    GlobalCacheEntry *e = &cache->entries[index];
    Object *old_globals = e->globals, *old_builtins = e->builtins;
    e->globals = NEWREF(globals);
    e->builtins = NEWREF(builtins);
    e->globals_version = eval_dict_version(globals);
    e->builtins_version = eval_dict_version(builtins);
    e->value = value;
    XDECREF(old_globals);
    XDECREF(old_builtins);
}

/* The attribute cache way of instruction `index` that is valid for type t
 * (see above), or NULL. */
static inline AttrCacheWay *eval_attr_cache_hit(CodeObject *code, size_t index, TypeObject *t) {
    GlobalCache *cache = code->vm_cache;
    if (cache == NULL) {
        return NULL;
    }
    GlobalCacheEntry *e = &cache->entries[index];
    uint32_t tag = t->version;
    if (e->attr_epoch != type_cache_epoch || tag == 0) {
        return NULL;
    }
    for (size_t i = 0; i < ATTR_CACHE_WAYS; i++) {
        if (e->attr_ways[i].tag == tag) {
            return &e->attr_ways[i];
        }
    }
    return NULL;
}

/* Record in the attribute cache of instruction `index` that type t's state
 * is as the comment above says, with `descr` (borrowed) the MRO's value for
 * the name. Call only once the promise has been checked. */
static void eval_attr_cache_fill(CodeObject *code, size_t index, TypeObject *t, Object *descr) {
    uint32_t tag = type_version_tag(t);
    GlobalCache *cache = tag != 0 ? eval_cache_of(code) : NULL;
    if (cache == NULL) {
        return;
    }
    GlobalCacheEntry *e = &cache->entries[index];
    if (e->attr_epoch != type_cache_epoch) {
        /* Some class changed since: every way is stale. */
        memset(e->attr_ways, 0, sizeof e->attr_ways);
        e->attr_epoch = type_cache_epoch;
        e->attr_next = 0;
    }
    AttrCacheWay *w = NULL;
    for (size_t i = 0; i < ATTR_CACHE_WAYS; i++) {
        if (e->attr_ways[i].tag == tag) {
            w = &e->attr_ways[i];
        }
    }
    if (w == NULL) {
        w = &e->attr_ways[e->attr_next];
        e->attr_next = (e->attr_next + 1) % ATTR_CACHE_WAYS;
        w->hint = 0;
    }
    w->tag = tag;
    w->descr = descr;
}

static void eval_unbound_local(CodeObject *code, size_t index) {
    err_format(&ExcUnboundLocalError,
               "cannot access local variable '%U' where it is not associated with a value",
               tuple_get(code->varnames, index));
}

/* Name of cell `index` (cellvars first, then freevars). */
static Object *eval_cell_name(CodeObject *code, size_t index) {
    size_t ncell = tuple_size(code->cellvars);
    return index < ncell ? tuple_get(code->cellvars, index)
                         : tuple_get(code->freevars, index - ncell);
}

static void eval_unbound_deref(CodeObject *code, size_t index) {
    Object *name = eval_cell_name(code, index);
    if (index < tuple_size(code->cellvars)) {
        err_format(&ExcUnboundLocalError,
                   "cannot access local variable '%U' where it is not associated with a value",
                   name);
    } else {
        err_format(&ExcNameError,
                   "cannot access free variable '%U' where it is not associated with a value in "
                   "enclosing scope",
                   name);
    }
}

/* Set attribute `attr` of the pending exception when it is unset (None). */
static void eval_set_exc_attr(const char *attr, Object *value) {
    Object *exc = err_occurred();
    Object *key = str_intern_cstr(attr);
    Object *old = NULL;
    if (exc == NULL || key == NULL) {
        XDECREF(key);
        return;
    }
    Object *saved = err_fetch();
    int r = obj_lookup_attr(saved, key, &old);
    if (r >= 0 && (old == NULL || old == None)) {
        if (obj_setattr(saved, key, value) < 0) {
            err_clear();
        }
    }
    err_clear();
    XDECREF(old);
    DECREF(key);
    err_restore(saved);
}

/* NameError carries the missing name (for "Did you mean" suggestions). */
static void eval_name_error(Object *name) {
    err_format(&ExcNameError, "name '%U' is not defined", name);
    eval_set_exc_attr("name", name);
}

/* AttributeError carries the name and the object (suggestions), as in CPython. */
static void eval_attribute_error_context(Object *owner, Object *name) {
    if (err_matches(&ExcAttributeError)) {
        eval_set_exc_attr("name", name);
        eval_set_exc_attr("obj", owner);
    }
}

/* Look name up in a namespace that may not be a dict. 1 found (*out new
 * ref), 0 absent, -1 error. */
static int eval_mapping_lookup(Object *ns, Object *name, Object **out) {
    if (dict_check(ns)) {
        Object *v;
        int r = dict_lookup(ns, name, &v);
        if (r > 0) {
            *out = NEWREF(v);
        }
        return r;
    }
    Object *v = obj_getitem(ns, name);
    if (v == NULL) {
        if (err_matches(&ExcKeyError)) {
            err_clear();
            return 0;
        }
        return -1;
    }
    *out = v;
    return 1;
}

static int eval_mapping_store(Object *ns, Object *name, Object *v) {
    return dict_check(ns) ? dict_set(ns, name, v) : obj_setitem(ns, name, v);
}

/* Small-int arithmetic without allocation; NULL (no error) when the result
 * does not fit or the operator needs the generic path. */
static inline Object *eval_small_int_binop(Object *l, Object *r, unsigned op) {
    intptr_t a = small_int_value(l), b = small_int_value(r), res;
    switch (op) {
    case BINOP_ADD:
        res = a + b; /* cannot overflow: both are 63-bit */
        break;
    case BINOP_SUB:
        res = a - b;
        break;
    case BINOP_MUL:
        if (__builtin_mul_overflow(a, b, &res)) {
            return NULL;
        }
        break;
    case BINOP_FLOORDIV:
        if (b == 0) {
            return NULL;
        }
        res = a / b;
        if ((a % b != 0) && ((a < 0) != (b < 0))) {
            res--;
        }
        break;
    case BINOP_MOD:
        if (b == 0) {
            return NULL;
        }
        res = a % b;
        if (res != 0 && ((res < 0) != (b < 0))) {
            res += b;
        }
        break;
    case BINOP_AND:
        return small_int_make(a & b);
    case BINOP_OR:
        return small_int_make(a | b);
    case BINOP_XOR:
        return small_int_make(a ^ b);
    case BINOP_RSHIFT:
        if (b < 0) {
            return NULL;
        }
        return small_int_make(b >= 63 ? (a < 0 ? -1 : 0) : a >> b);
    case BINOP_LSHIFT:
        if (b < 0 || b >= 62) {
            return NULL;
        }
        res = (intptr_t)((uintptr_t)a << b);
        if ((res >> b) != a) {
            return NULL;
        }
        break;
    default:
        return NULL;
    }
    if (!small_int_fits(res)) {
        return NULL;
    }
    return small_int_make(res);
}

static inline bool eval_compare_ints(intptr_t a, intptr_t b, unsigned op) {
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

static inline bool eval_compare_doubles(double a, double b, unsigned op) {
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

/* float (op) float for + - * /, NULL (no error) when not handled. */
static inline Object *eval_float_binop(Object *l, Object *r, unsigned op) {
    double a = float_value(l), b = float_value(r);
    switch (op) {
    case BINOP_ADD:
        return float_new(a + b);
    case BINOP_SUB:
        return float_new(a - b);
    case BINOP_MUL:
        return float_new(a * b);
    case BINOP_TRUEDIV:
        if (b == 0.0) {
            return NULL;
        }
        return float_new(a / b);
    default:
        return NULL;
    }
}

/* next(it) through the type slot. NULL without an error: exhausted. */
static inline Object *eval_iternext(Object *it) {
    TypeObject *t = obj_type(it);
    Object *v;
    if (t->iternext != NULL) {
        v = t->iternext(it);
        if (v == NULL && err_occurred() != NULL && err_matches(&ExcStopIteration)) {
            err_clear();
        }
        return v;
    }
    return obj_next(it);
}

/* Is v iterable at all (for "not iterable" messages)? */
static bool eval_is_iterable(Object *v) {
    TypeObject *t = obj_type(v);
    return t->iter != NULL || t->getitem != NULL;
}

/* UNPACK_SEQUENCE: store n items of seq into dest[n-1] ... dest[0] so that
 * the first item ends up on top (dest[n-1]). 0 or -1. */
static int eval_unpack_sequence(Object *seq, size_t n, Object **dest) {
    Object *const *items = NULL;
    size_t size = 0;
    if (!is_small_int(seq) && seq->type == &TupleType) {
        items = ((TupleObject *)seq)->items;
        size = tuple_size(seq);
    } else if (!is_small_int(seq) && seq->type == &ListType) {
        items = ((ListObject *)seq)->items;
        size = list_size(seq);
    }
    if (items != NULL) {
        if (size != n) {
            if (size < n) {
                err_format(&ExcValueError, "not enough values to unpack (expected %zu, got %zu)",
                           n, size);
            } else {
                err_format(&ExcValueError, "too many values to unpack (expected %zu)", n);
            }
            return -1;
        }
        for (size_t i = 0; i < n; i++) {
            dest[n - 1 - i] = NEWREF(items[i]);
        }
        return 0;
    }
    if (!eval_is_iterable(seq)) {
        err_format(&ExcTypeError, "cannot unpack non-iterable %s object", obj_type_name(seq));
        return -1;
    }
    Object *it = obj_iter(seq);
    if (it == NULL) {
        return -1;
    }
    size_t got = 0;
    for (; got < n; got++) {
        Object *v = eval_iternext(it);
        if (v == NULL) {
            if (err_occurred() == NULL) {
                err_format(&ExcValueError, "not enough values to unpack (expected %zu, got %zu)",
                           n, got);
            }
            goto fail;
        }
        dest[n - 1 - got] = v;
    }
    Object *extra = eval_iternext(it);
    if (extra != NULL) {
        DECREF(extra);
        err_format(&ExcValueError, "too many values to unpack (expected %zu)", n);
        goto fail;
    }
    if (err_occurred() != NULL) {
        goto fail;
    }
    DECREF(it);
    return 0;
fail:
    for (size_t i = 0; i < got; i++) {
        CLEAR(dest[n - 1 - i]);
    }
    DECREF(it);
    return -1;
}

/* UNPACK_EX: before items, a list of the middle, after items. dest receives
 * before + 1 + after values, the first item at the highest index. */
static int eval_unpack_ex(Object *seq, size_t before, size_t after, Object **dest) {
    if (!eval_is_iterable(seq)) {
        err_format(&ExcTypeError, "cannot unpack non-iterable %s object", obj_type_name(seq));
        return -1;
    }
    Object *list = list_from_iterable(seq);
    if (list == NULL) {
        return -1;
    }
    size_t size = list_size(list);
    if (size < before + after) {
        err_format(&ExcValueError, "not enough values to unpack (expected at least %zu, got %zu)",
                   before + after, size);
        DECREF(list);
        return -1;
    }
    size_t total = before + 1 + after, k = total;
    for (size_t i = 0; i < before; i++) {
        dest[--k] = NEWREF(list_get(list, i));
    }
    Object *middle = list_new(size - before - after);
    if (middle == NULL) {
        for (size_t i = k; i < total; i++) {
            CLEAR(dest[i]);
        }
        DECREF(list);
        return -1;
    }
    for (size_t i = before; i < size - after; i++) {
        list_init_item(middle, i - before, NEWREF(list_get(list, i)));
    }
    dest[--k] = middle;
    for (size_t i = size - after; i < size; i++) {
        dest[--k] = NEWREF(list_get(list, i));
    }
    DECREF(list);
    return 0;
}

/* `raise exc from cause` (RAISE_VARARGS 1 and 2): instantiate classes, check
 * types, set __cause__, make it the pending exception. Always -1. */
static int eval_do_raise(Object *exc, Object *cause) {
    Object *value = NULL;
    if (!is_small_int(exc) && obj_type(exc) == &TypeType && type_is_exception((TypeObject *)exc)) {
        value = obj_call0(exc);
        if (value == NULL) {
            return -1;
        }
        if (!exception_check(value)) {
            err_format(&ExcTypeError,
                       "calling %R should have returned an instance of BaseException, not %s",
                       exc, obj_type_name(value));
            DECREF(value);
            return -1;
        }
    } else if (exception_check(exc)) {
        value = NEWREF(exc);
    } else {
        err_set_string(&ExcTypeError, "exceptions must derive from BaseException");
        return -1;
    }
    if (cause != NULL) {
        Object *fixed;
        if (cause == None) {
            fixed = NULL;
        } else if (!is_small_int(cause) && obj_type(cause) == &TypeType &&
                   type_is_exception((TypeObject *)cause)) {
            fixed = obj_call0(cause);
            if (fixed == NULL) {
                DECREF(value);
                return -1;
            }
        } else if (exception_check(cause)) {
            fixed = NEWREF(cause);
        } else {
            err_set_string(&ExcTypeError, "exception causes must derive from BaseException");
            DECREF(value);
            return -1;
        }
        ExceptionObject *e = (ExceptionObject *)value;
        Object *old = e->cause;
        e->cause = fixed;
        e->suppress_context = true;
        XDECREF(old);
    }
    err_set_exception(value);
    DECREF(value);
    return -1;
}

/* CHECK_EXC_MATCH's validation of the `except` clause's expression. */
static int eval_check_except_type(Object *t) {
    if (tuple_check(t)) {
        for (size_t i = 0; i < tuple_size(t); i++) {
            if (eval_check_except_type(tuple_get(t, i)) < 0) {
                return -1;
            }
        }
        return 0;
    }
    if (!is_small_int(t) && obj_type(t) == &TypeType && type_is_exception((TypeObject *)t)) {
        return 0;
    }
    if (!is_small_int(t) && type_is_subtype(obj_type(t), &TypeType) &&
        type_is_exception((TypeObject *)t)) {
        return 0;
    }
    err_set_string(&ExcTypeError,
                   "catching classes that do not inherit from BaseException is not allowed");
    return -1;
}

static bool eval_exc_matches(Object *exc, Object *t) {
    if (tuple_check(t)) {
        for (size_t i = 0; i < tuple_size(t); i++) {
            if (eval_exc_matches(exc, tuple_get(t, i))) {
                return true;
            }
        }
        return false;
    }
    return obj_is_instance_of(exc, (TypeObject *)t);
}

/* LOAD_METHOD's test: the unbound function/descriptor to call with obj
 * prepended (borrowed), or NULL when a plain getattr is needed. */
static Object *eval_lookup_method(Object *obj, Object *name) {
    TypeObject *t = obj_type(obj);
    if (t->getattr != NULL && t->getattr != obj_generic_getattr) {
        return NULL;
    }
    Object *descr = type_lookup(t, name);
    if (descr == NULL || is_small_int(descr)) {
        return NULL;
    }
    if (descr->type == &MethodDescrType) {
        if (((NativeFunctionObject *)descr)->def->flags & (METHOD_STATIC | METHOD_CLASS)) {
            return NULL;
        }
    } else if (descr->type != &FunctionType) {
        return NULL;
    }
    if (t->dict_offset != 0) {
        Object *d = *(Object **)((char *)obj + t->dict_offset);
        if (d != NULL && dict_get_str(d, name) != NULL) {
            return NULL;
        }
    }
    return descr;
}

/* Special-method lookup on the type, bound to obj (BEFORE_WITH). */
static Object *eval_special_bound(Object *obj, const char *name) {
    Object *key = slot_name(name); /* memoized: no hashing per `with` */
    if (key == NULL) {
        return NULL;
    }
    Object *descr = type_lookup(obj_type(obj), key);
    if (descr == NULL) {
        return NULL;
    }
    TypeObject *dt = obj_type(descr);
    if (dt->descr_get != NULL) {
        return dt->descr_get(descr, obj, obj_type(obj));
    }
    return NEWREF(descr);
}

/* DICT_MERGE: merge mapping into d, duplicate keys are an error naming func. */
static int eval_dict_merge(Object *func, Object *d, Object *mapping) {
    Object *keys = NULL;
    if (!dict_check(mapping)) {
        if (vm_lookup_attr_cstr(mapping, "keys", &keys) < 0) {
            return -1;
        }
        if (keys == NULL) {
            Object *fs = call_function_str(func);
            if (fs != NULL) {
                err_format(&ExcTypeError, "%U argument after ** must be a mapping, not %s", fs,
                           obj_type_name(mapping));
                DECREF(fs);
            }
            return -1;
        }
        DECREF(keys);
    }
    Object *klist = dict_check(mapping) ? dict_keys_list(mapping)
                                        : obj_call_method(mapping, "keys", NULL, 0);
    if (klist == NULL) {
        return -1;
    }
    Object *it = obj_iter(klist);
    DECREF(klist);
    if (it == NULL) {
        return -1;
    }
    Object *k;
    while ((k = eval_iternext(it)) != NULL) {
        Object *existing;
        int r = dict_lookup(d, k, &existing);
        if (r != 0) {
            if (r > 0) {
                Object *fs = call_function_str(func);
                if (fs != NULL) {
                    if (str_check(k)) {
                        err_format(&ExcTypeError, "%U got multiple values for keyword argument '%U'",
                                   fs, k);
                    } else {
                        err_set_string(&ExcTypeError, "keywords must be strings");
                    }
                    DECREF(fs);
                }
            }
            DECREF(k);
            DECREF(it);
            return -1;
        }
        Object *v = obj_getitem(mapping, k);
        if (v == NULL || dict_set(d, k, v) < 0) {
            XDECREF(v);
            DECREF(k);
            DECREF(it);
            return -1;
        }
        DECREF(v);
        DECREF(k);
    }
    DECREF(it);
    return err_occurred() != NULL ? -1 : 0;
}

/* PRINT_EXPR: sys.displayhook(v), or print repr(v) and set builtins._ */
static int eval_print_expr(ThreadState *ts, Object *v) {
    Object *hook = dict_get_cstr(ts->interp->sysdict, "displayhook");
    if (hook != NULL) {
        Object *r = obj_call1(hook, v);
        XDECREF(r);
        return r == NULL ? -1 : 0;
    }
    if (v == None) {
        return 0;
    }
    Object *out = dict_get_cstr(ts->interp->sysdict, "stdout");
    Object *repr = obj_repr(v);
    if (repr == NULL || out == NULL) {
        XDECREF(repr);
        return repr == NULL ? -1 : 0;
    }
    Object *nl = str_from_cstr("\n");
    Object *line = nl != NULL ? str_concat(repr, nl) : NULL;
    XDECREF(nl);
    DECREF(repr);
    if (line == NULL) {
        return -1;
    }
    Object *r = obj_call_method(out, "write", &line, 1);
    DECREF(line);
    if (r == NULL) {
        return -1;
    }
    DECREF(r);
    return dict_set_cstr(ts->interp->builtins, "_", v);
}

static Object *eval_make_function(Frame *frame, Object **sp_top, uint32_t flags,
                                  Object ***sp_new) {
    Object **p = sp_top;
    CodeObject *code = (CodeObject *)*--p;
    Object *closure = (flags & 8) ? *--p : NULL;
    Object *annotations = (flags & 4) ? *--p : NULL;
    Object *kwdefaults = (flags & 2) ? *--p : NULL;
    Object *defaults = (flags & 1) ? *--p : NULL;
    *sp_new = p;
    FunctionObject *f = (FunctionObject *)function_new(code, frame->globals, code->qualname);
    DECREF((Object *)code);
    if (f == NULL) {
        XDECREF(closure);
        XDECREF(annotations);
        XDECREF(kwdefaults);
        XDECREF(defaults);
        return NULL;
    }
    if (f->builtins == NULL) {
        f->builtins = NEWREF(frame->builtins);
    }
    f->closure = closure;
    f->annotations = annotations;
    f->kwdefaults = kwdefaults;
    f->defaults = defaults;
    return (Object *)f;
}

/* BUILD_STRING: concatenate n strs. */
static Object *eval_build_string(Object **items, size_t n) {
    StrBuilder sb;
    sb_init(&sb);
    for (size_t i = 0; i < n; i++) {
        sb_append_str(&sb, items[i]);
    }
    return sb_finish(&sb);
}

/* FORMAT_VALUE. Steals value and spec (spec may be NULL). */
static Object *eval_format_value(Object *value, Object *spec, unsigned conversion) {
    Object *conv = NULL;
    switch (conversion) {
    case 1:
        conv = obj_str(value);
        break;
    case 2:
        conv = obj_repr(value);
        break;
    case 3:
        conv = obj_ascii(value);
        break;
    default:
        conv = NEWREF(value);
        break;
    }
    DECREF(value);
    if (conv == NULL) {
        XDECREF(spec);
        return NULL;
    }
    if (spec == NULL && !is_small_int(conv) && conv->type == &StrType) {
        return conv;
    }
    Object *res;
    if (spec == NULL) {
        Object *empty = str_from_cstr("");
        res = empty != NULL ? obj_format(conv, empty) : NULL;
        XDECREF(empty);
    } else {
        res = obj_format(conv, spec);
        DECREF(spec);
    }
    DECREF(conv);
    return res;
}

/* Look up the exception table: the innermost entry covering lasti. */
static const ExceptionTableEntry *eval_find_handler(const CodeObject *code, uint32_t lasti) {
    for (size_t i = 0; i < code->nexception_table; i++) {
        const ExceptionTableEntry *e = &code->exception_table[i];
        if (e->start <= lasti && lasti < e->end) {
            return e;
        }
    }
    return NULL;
}

/* A call CPython makes through tp_call (no vectorcall): a user-defined class,
 * or an instance of one (its __call__). */
static inline bool eval_is_tp_call(Object *c) {
    TypeObject *t = obj_type(c);
    if (t->flags & TYPE_FLAG_HEAPTYPE) {
        return true;
    }
    return t == &TypeType && (((TypeObject *)c)->flags & TYPE_FLAG_HEAPTYPE) != 0;
}

static void eval_recursion_error(void) {
    err_set_string(&ExcRecursionError, "maximum recursion depth exceeded");
}

/* ================================================================ the loop */

/* Dispatch: computed goto with gcc/clang, a switch elsewhere (or when built
 * with -DEVAL_COMPUTED_GOTO=0). */
#ifndef EVAL_COMPUTED_GOTO
#if defined(__GNUC__) || defined(__clang__)
#define EVAL_COMPUTED_GOTO 1
#else
#define EVAL_COMPUTED_GOTO 0
#endif
#endif

/* Build with -DGILPY_EVAL_TRACE to print every instruction and the stack
 * depth to stderr as it runs (for debugging the compiler or the VM). */
#ifdef GILPY_EVAL_TRACE
#include <stdio.h>
#define EVAL_TRACE()                                                                               \
    fprintf(stderr, "%s:%u %s %u (depth %ld)\n", str_utf8(code->name),                          \
            (unsigned)(ip - first_instr - 1), opcode_names[word & 0xff], (unsigned)oparg,          \
            (long)(sp - frame_stack_base(frame)))
#else
#define EVAL_TRACE() ((void)0)
#endif

/* Every instruction ends with DISPATCH, which counts it: `tick` is a local
 * (a register), so the cost is one decrement and one branch, which the CPU
 * fuses into one operation. (`== 0` rather than `<= 0`: tick is never below
 * 1 when an instruction starts, and with `<=` the compiler added a `test`
 * to every dispatch: 6.2% more machine instructions than a loop without
 * the tick, against 3.6% now, counted by cachegrind.) When it runs
 * out, the eval breaker (GIL budget, Ctrl-C, the cycle collector) runs
 * between two instructions, which is where a thread switch may happen:
 * anywhere, even in the middle of `counter += 1`. */
#if EVAL_COMPUTED_GOTO
#define TARGET(op) TARGET_##op:
#define DISPATCH_NOW()                                                                             \
    do {                                                                                           \
        word = *ip++;                                                                              \
        oparg = word >> 8;                                                                         \
        EVAL_TRACE();                                                                              \
        goto *dispatch_table[word & 0xff];                                                         \
    } while (0)
#else
#define TARGET(op) case OP_##op:
#define DISPATCH_NOW() goto dispatch
#endif
#ifndef GILPY_NO_EVAL_TICK
#define DISPATCH()                                                                                 \
    do {                                                                                           \
        if (--tick == 0) {                                                                         \
            goto eval_breaker;                                                                     \
        }                                                                                          \
        DISPATCH_NOW();                                                                            \
    } while (0)
#else
/* meson -Deval_tick=false: no counting, for measuring its cost only (no
 * preemptive switches, no Ctrl-C in loops). */
#define DISPATCH() DISPATCH_NOW()
#endif

#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define INSTR_INDEX() ((uint32_t)(ip - first_instr))
/* Save ip and sp in the frame (before anything that may look at them). */
#define SAVE_FRAME()                                                                               \
    do {                                                                                           \
        frame->next_instr = INSTR_INDEX();                                                         \
        frame->stack_pointer = sp;                                                                 \
    } while (0)
/* Load the frame's code, ip and sp into the loop's locals. */
#define LOAD_FRAME()                                                                               \
    do {                                                                                           \
        code = frame->code;                                                                        \
        first_instr = code->code;                                                                  \
        ip = first_instr + frame->next_instr;                                                      \
        sp = frame->stack_pointer;                                                                 \
        fast = frame->localsplus;                                                                  \
        consts = ((TupleObject *)code->consts)->items;                                             \
        names = ((TupleObject *)code->names)->items;                                               \
    } while (0)
#define JUMP_TO(target) (ip = first_instr + (target))
/* The numeric fast paths BINARY_OP and INPLACE_OP share (ints and floats
 * are immutable, so `x += y` is `x + y` for them). Two small ints compute in
 * registers and need no DECREF (a result that overflows the tag falls
 * through to the generic path); two floats skip the slot lookup and jump to
 * `done` with `res` set. Uses the handler's l, r and res. */
#define NUMBER_FAST_PATH(done)                                                                     \
    do {                                                                                           \
        if (((uintptr_t)l & (uintptr_t)r & 1) != 0) {                                             \
            res = eval_small_int_binop(l, r, oparg);                                               \
            if (res != NULL) {                                                                     \
                sp--;                                                                              \
                sp[-1] = res;                                                                      \
                DISPATCH();                                                                        \
            }                                                                                      \
        } else if (!is_small_int(l) && !is_small_int(r) && l->type == &FloatType &&               \
                   r->type == &FloatType) {                                                        \
            res = eval_float_binop(l, r, oparg);                                                   \
            if (res != NULL) {                                                                     \
                goto done;                                                                         \
            }                                                                                      \
        }                                                                                          \
    } while (0)

Object *eval_frame(ThreadState *ts, Frame *frame, bool throwflag) {
#if EVAL_COMPUTED_GOTO
    static void *const dispatch_table[256] = {
#define OP(name, kind, effect, jump_effect, doc) [OP_##name] = &&TARGET_##name,
#include "opcodes.h"
#undef OP
    };
#endif
    VMThread *vt = vm_thread(ts);
    CodeObject *code;
    const Instruction *first_instr;
    const Instruction *ip;
    Object **sp;
    Object **fast;
    Object *const *consts;
    Object *const *names;
    Instruction word;
    uint32_t oparg;
    /* Instructions left before the next visit to the eval breaker. */
    int32_t tick = vt->eval_budget > 0 ? vt->eval_budget : 1;
    int32_t tick_chunk = tick;
    /* RERAISE with a saved lasti: the instruction the frame reports (for the
     * next handler's lasti) differs from the one that raised. */
    intptr_t lasti_override = -1;

    /* Link the entry frame in front of the thread's frames. */
    frame->is_entry = true;
    frame->previous = ts->frame;
    ts->frame = frame;
    char stack_probe;
    if (++ts->recursion_depth > ts->interp->recursion_limit ||
        (ts->c_stack_limit != 0 && (uintptr_t)&stack_probe < ts->c_stack_limit)) {
        eval_recursion_error();
        ts->recursion_depth--;
        ts->frame = frame->previous;
        frame_clear_and_pop(ts, frame);
        return NULL;
    }
    LOAD_FRAME();
    if (throwflag) {
        goto error;
    }

#if EVAL_COMPUTED_GOTO
    DISPATCH_NOW();
#else
    goto dispatch;
#endif

#ifndef GILPY_NO_EVAL_TICK
    /* The eval breaker's slow path, between two instructions. */
eval_breaker:
    SAVE_FRAME();
    tick = eval_handle_breaker(ts, tick_chunk);
    if (tick < 0) {
        tick = 1;
        goto error;
    }
    tick_chunk = tick;
    DISPATCH_NOW();
#else
    (void)tick_chunk;
#endif

#if !EVAL_COMPUTED_GOTO
dispatch:
    word = *ip++;
    oparg = word >> 8;
    EVAL_TRACE();
    switch ((Opcode)(word & 0xff)) {
#endif

    TARGET(NOP) { DISPATCH(); }

    TARGET(POP_TOP) {
        Object *v = POP();
        DECREF(v);
        DISPATCH();
    }

    TARGET(COPY) {
        Object *v = sp[-(ptrdiff_t)oparg];
        PUSH(NEWREF(v));
        DISPATCH();
    }

    TARGET(SWAP) {
        Object *v = sp[-1];
        sp[-1] = sp[-(ptrdiff_t)oparg];
        sp[-(ptrdiff_t)oparg] = v;
        DISPATCH();
    }

    TARGET(LOAD_CONST) {
        Object *v = consts[oparg];
        PUSH(NEWREF(v));
        DISPATCH();
    }

    TARGET(LOAD_FAST) {
        Object *v = fast[oparg];
        if (v == NULL) {
            eval_unbound_local(code, oparg);
            goto error;
        }
        PUSH(NEWREF(v));
        DISPATCH();
    }

    TARGET(STORE_FAST) {
        Object *old = fast[oparg];
        fast[oparg] = POP();
        XDECREF(old);
        DISPATCH();
    }

    TARGET(DELETE_FAST) {
        Object *old = fast[oparg];
        if (old == NULL) {
            eval_unbound_local(code, oparg);
            goto error;
        }
        fast[oparg] = NULL;
        DECREF(old);
        DISPATCH();
    }

    TARGET(LOAD_DEREF) {
        CellObject *cell = (CellObject *)fast[code->nlocals + oparg];
        Object *v = cell->ref;
        if (v == NULL) {
            eval_unbound_deref(code, oparg);
            goto error;
        }
        PUSH(NEWREF(v));
        DISPATCH();
    }

    TARGET(STORE_DEREF) {
        CellObject *cell = (CellObject *)fast[code->nlocals + oparg];
        Object *old = cell->ref;
        cell->ref = POP();
        XDECREF(old);
        DISPATCH();
    }

    TARGET(DELETE_DEREF) {
        CellObject *cell = (CellObject *)fast[code->nlocals + oparg];
        if (cell->ref == NULL) {
            eval_unbound_deref(code, oparg);
            goto error;
        }
        CLEAR(cell->ref);
        DISPATCH();
    }

    TARGET(LOAD_CLOSURE) {
        PUSH(NEWREF(fast[code->nlocals + oparg]));
        DISPATCH();
    }

    TARGET(LOAD_CLASSDEREF) {
        Object *name = eval_cell_name(code, oparg);
        Object *v = NULL;
        if (frame->locals != NULL) {
            int r = eval_mapping_lookup(frame->locals, name, &v);
            if (r < 0) {
                goto error;
            }
        }
        if (v == NULL) {
            CellObject *cell = (CellObject *)fast[code->nlocals + oparg];
            if (cell->ref == NULL) {
                eval_unbound_deref(code, oparg);
                goto error;
            }
            v = NEWREF(cell->ref);
        }
        PUSH(v);
        DISPATCH();
    }

    TARGET(LOAD_GLOBAL) {
        GlobalCache *cache = code->vm_cache;
        Object *globals = frame->globals, *builtins = frame->builtins;
        if (cache != NULL) {
            GlobalCacheEntry *e = &cache->entries[INSTR_INDEX() - 1];
            if (e->globals == globals && e->builtins == builtins &&
                e->globals_version == eval_dict_version(globals) &&
                e->builtins_version == eval_dict_version(builtins)) {
                PUSH(NEWREF(e->value));
                DISPATCH();
            }
        }
        Object *name = names[oparg];
        Object *v = dict_get_str(globals, name);
        if (v == NULL) {
            v = dict_get_str(builtins, name);
            if (v == NULL) {
                eval_name_error(name);
                goto error;
            }
        }
        eval_global_cache_fill(code, INSTR_INDEX() - 1, globals, builtins, v);
        PUSH(NEWREF(v));
        DISPATCH();
    }

    TARGET(STORE_GLOBAL) {
        Object *v = POP();
        int r = dict_set(frame->globals, names[oparg], v);
        DECREF(v);
        if (r < 0) {
            goto error;
        }
        DISPATCH();
    }

    TARGET(DELETE_GLOBAL) {
        if (dict_del(frame->globals, names[oparg]) < 0) {
            if (err_matches(&ExcKeyError)) {
                err_clear();
                eval_name_error(names[oparg]);
            }
            goto error;
        }
        DISPATCH();
    }

    TARGET(LOAD_NAME) {
        Object *name = names[oparg];
        Object *v = NULL;
        if (frame->locals == NULL) {
            err_format(&ExcSystemError, "no locals when loading %R", name);
            goto error;
        }
        int r;
        if (!is_small_int(frame->locals) && frame->locals->type == &DictType) {
            v = dict_get_str(frame->locals, name);
            r = v != NULL;
            XINCREF(v);
        } else {
            r = eval_mapping_lookup(frame->locals, name, &v);
        }
        if (r < 0) {
            goto error;
        }
        if (r == 0) {
            v = dict_get_str(frame->globals, name);
            if (v == NULL) {
                v = dict_get_str(frame->builtins, name);
            }
            if (v == NULL) {
                eval_name_error(name);
                goto error;
            }
            INCREF(v);
        }
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_NAME) {
        Object *v = POP();
        if (frame->locals == NULL) {
            err_format(&ExcSystemError, "no locals found when storing %R", names[oparg]);
            DECREF(v);
            goto error;
        }
        int r = eval_mapping_store(frame->locals, names[oparg], v);
        DECREF(v);
        if (r < 0) {
            goto error;
        }
        DISPATCH();
    }

    TARGET(DELETE_NAME) {
        Object *name = names[oparg];
        if (frame->locals == NULL) {
            err_format(&ExcSystemError, "no locals when deleting %R", name);
            goto error;
        }
        int r = dict_check(frame->locals) ? dict_del(frame->locals, name)
                                          : obj_delitem(frame->locals, name);
        if (r < 0) {
            if (err_matches(&ExcKeyError)) {
                err_clear();
                eval_name_error(name);
            }
            goto error;
        }
        DISPATCH();
    }

    TARGET(LOAD_ATTR) {
        Object *owner = TOP();
        Object *name = names[oparg];
        Object *v;
        TypeObject *t = obj_type(owner);
        AttrCacheWay *w = eval_attr_cache_hit(code, INSTR_INDEX() - 1, t);
        if (w != NULL) {
            /* Generic lookup, no data descriptor: the instance dict, then the
             * type's attribute (obj_generic_getattr's order). */
            if (t->dict_offset != 0) {
                Object *d = *(Object **)((char *)owner + t->dict_offset);
                if (d != NULL && (v = dict_get_str_hint(d, name, &w->hint)) != NULL) {
                    sp[-1] = NEWREF(v);
                    DECREF(owner);
                    DISPATCH();
                }
            }
            Object *descr = w->descr;
            if (descr != NULL) {
                TypeObject *dt = obj_type(descr);
                if (dt->descr_get == NULL) {
                    v = NEWREF(descr);
                } else {
                    INCREF(descr); /* the getter may change the class */
                    v = dt->descr_get(descr, owner, t);
                    DECREF(descr);
                }
                goto load_attr_done;
            }
        }
        if (t == &ModuleType && (v = dict_get_str(module_dict(owner), name)) != NULL) {
            /* `math.pi`: module_getattr's first step. */
            sp[-1] = NEWREF(v);
            DECREF(owner);
            DISPATCH();
        }
        v = obj_getattr(owner, name);
        if (v != NULL && (t->getattr == NULL || t->getattr == obj_generic_getattr)) {
            Object *descr = type_lookup(t, name);
            if (descr == NULL || obj_type(descr)->descr_set == NULL) {
                eval_attr_cache_fill(code, INSTR_INDEX() - 1, t, descr);
            }
        }
    load_attr_done:
        if (v == NULL) {
            eval_attribute_error_context(owner, name);
        }
        DECREF(owner);
        if (v == NULL) {
            sp--;
            goto error;
        }
        sp[-1] = v;
        DISPATCH();
    }

    TARGET(STORE_ATTR) {
        Object *owner = sp[-1];
        Object *v = sp[-2];
        Object *name = names[oparg];
        TypeObject *t = obj_type(owner);
        AttrCacheWay *w = eval_attr_cache_hit(code, INSTR_INDEX() - 1, t);
        int r;
        sp -= 2;
        if (w != NULL) {
            /* Generic setattr, no data descriptor: store in the instance
             * dict (obj_generic_setattr without its type lookup), replacing
             * in place when the name is already there. */
            Object **slot = (Object **)((char *)owner + t->dict_offset);
            if (*slot != NULL && dict_replace_str_hint(*slot, name, v, &w->hint)) {
                r = 0;
            } else if (*slot == NULL && (*slot = dict_new()) == NULL) {
                r = -1;
            } else {
                r = dict_set(*slot, name, v);
            }
            DECREF(v);
            DECREF(owner);
            if (r < 0) {
                goto error;
            }
            DISPATCH();
        }
        r = obj_setattr(owner, name, v);
        if (r == 0 && t->dict_offset != 0 &&
            (t->setattr == NULL || t->setattr == obj_generic_setattr)) {
            Object *descr = type_lookup(t, name);
            if (descr == NULL || obj_type(descr)->descr_set == NULL) {
                eval_attr_cache_fill(code, INSTR_INDEX() - 1, t, descr);
            }
        }
        DECREF(v);
        DECREF(owner);
        if (r < 0) {
            goto error;
        }
        DISPATCH();
    }

    TARGET(DELETE_ATTR) {
        Object *owner = POP();
        int r = obj_setattr(owner, names[oparg], NULL);
        DECREF(owner);
        if (r < 0) {
            goto error;
        }
        DISPATCH();
    }

    TARGET(LOAD_METHOD) {
        Object *obj = TOP();
        Object *name = names[oparg];
        TypeObject *t = obj_type(obj);
        Object *meth;
        AttrCacheWay *w = eval_attr_cache_hit(code, INSTR_INDEX() - 1, t);
        if (w != NULL) {
            meth = w->descr;
            if (t->dict_offset != 0) {
                Object *d = *(Object **)((char *)obj + t->dict_offset);
                if (d != NULL && dict_get_str(d, name) != NULL) {
                    meth = NULL; /* shadowed by the instance */
                }
            }
        } else {
            meth = eval_lookup_method(obj, name);
            if (meth != NULL) {
                eval_attr_cache_fill(code, INSTR_INDEX() - 1, t, meth);
            }
        }
        if (meth != NULL) {
            sp[-1] = NEWREF(meth);
            PUSH(obj);
            DISPATCH();
        }
        Object *v;
        if (t == &ModuleType && (v = dict_get_str(module_dict(obj), name)) != NULL) {
            /* `math.sqrt(x)`: module_getattr's first step. */
            sp[-1] = NULL;
            PUSH(NEWREF(v));
            DECREF(obj);
            DISPATCH();
        }
        v = obj_getattr(obj, name);
        if (v == NULL) {
            eval_attribute_error_context(obj, name);
        }
        DECREF(obj);
        if (v == NULL) {
            sp--;
            goto error;
        }
        sp[-1] = NULL;
        PUSH(v);
        DISPATCH();
    }

    TARGET(BINARY_SUBSCR) {
        Object *key = sp[-1], *container = sp[-2], *res;
        if (is_small_int(key) && !is_small_int(container)) {
            intptr_t i = small_int_value(key);
            if (container->type == &ListType) {
                size_t n = list_size(container);
                if (i < 0) {
                    i += (intptr_t)n;
                }
                if (i >= 0 && (size_t)i < n) {
                    res = NEWREF(list_get(container, (size_t)i));
                    sp--;
                    sp[-1] = res;
                    DECREF(container);
                    DISPATCH();
                }
            } else if (container->type == &TupleType) {
                size_t n = tuple_size(container);
                if (i < 0) {
                    i += (intptr_t)n;
                }
                if (i >= 0 && (size_t)i < n) {
                    res = NEWREF(tuple_get(container, (size_t)i));
                    sp--;
                    sp[-1] = res;
                    DECREF(container);
                    DISPATCH();
                }
            }
        }
        res = obj_getitem(container, key);
        DECREF(key);
        DECREF(container);
        sp -= 2;
        if (res == NULL) {
            goto error;
        }
        PUSH(res);
        DISPATCH();
    }

    TARGET(STORE_SUBSCR) {
        Object *key = sp[-1], *container = sp[-2], *v = sp[-3];
        sp -= 3;
        if (is_small_int(key) && !is_small_int(container) && container->type == &ListType) {
            intptr_t i = small_int_value(key);
            size_t n = list_size(container);
            if (i < 0) {
                i += (intptr_t)n;
            }
            if (i >= 0 && (size_t)i < n) {
                Object **slot = &((ListObject *)container)->items[i];
                Object *old = *slot;
                *slot = v;
                DECREF(old);
                DECREF(container);
                DISPATCH();
            }
        }
        int r = obj_setitem(container, key, v);
        DECREF(v);
        DECREF(key);
        DECREF(container);
        if (r < 0) {
            goto error;
        }
        DISPATCH();
    }

    TARGET(DELETE_SUBSCR) {
        Object *key = POP();
        Object *container = POP();
        int r = obj_delitem(container, key);
        DECREF(key);
        DECREF(container);
        if (r < 0) {
            goto error;
        }
        DISPATCH();
    }

    TARGET(BUILD_SLICE) {
        Object *step = oparg == 3 ? POP() : NULL;
        Object *stop = POP();
        Object *start = POP();
        Object *s = slice_new(start, stop, step);
        DECREF(start);
        DECREF(stop);
        XDECREF(step);
        if (s == NULL) {
            goto error;
        }
        PUSH(s);
        DISPATCH();
    }

    TARGET(BINARY_OP) {
        Object *r = sp[-1], *l = sp[-2], *res;
        NUMBER_FAST_PATH(binary_done);
        res = obj_binary_op(l, r, (BinaryOp)oparg);
    binary_done:
        DECREF(r);
        DECREF(l);
        sp -= 2;
        if (res == NULL) {
            goto error;
        }
        PUSH(res);
        DISPATCH();
    }

    TARGET(INPLACE_OP) {
        Object *r = sp[-1], *l = sp[-2], *res;
        NUMBER_FAST_PATH(inplace_done);
        if (oparg == BINOP_ADD && !is_small_int(l) && !is_small_int(r) && l->type == &StrType &&
            r->type == &StrType && l != r && l->refcount == 2 &&
            instr_opcode(*ip) == OP_STORE_FAST && fast[instr_arg(*ip)] == l) {
            /* `s += t` on a local: drop the local's reference (the next
             * instruction stores the result back) so that str's inplace_op,
             * holding the only reference, can append in place, as CPython's
             * BINARY_OP_INPLACE_ADD_UNICODE does. Both are strs: cannot fail
             * but for MemoryError. */
            fast[instr_arg(*ip)] = NULL;
            DECREF(l);
            res = obj_inplace_op(l, r, (BinaryOp)oparg);
            goto inplace_done;
        }
        res = obj_inplace_op(l, r, (BinaryOp)oparg);
    inplace_done:
        DECREF(r);
        DECREF(l);
        sp -= 2;
        if (res == NULL) {
            goto error;
        }
        PUSH(res);
        DISPATCH();
    }

    TARGET(UNARY_NEGATIVE) {
        Object *v = TOP(), *res;
        if (is_small_int(v) && small_int_value(v) != SMALL_INT_MIN) {
            sp[-1] = small_int_make(-small_int_value(v));
            DISPATCH();
        }
        res = obj_unary_op(v, UNARY_NEG);
        DECREF(v);
        if (res == NULL) {
            sp--;
            goto error;
        }
        sp[-1] = res;
        DISPATCH();
    }

    TARGET(UNARY_POSITIVE) {
        Object *v = TOP();
        if (is_small_int(v)) {
            DISPATCH();
        }
        Object *res = obj_unary_op(v, UNARY_POS);
        DECREF(v);
        if (res == NULL) {
            sp--;
            goto error;
        }
        sp[-1] = res;
        DISPATCH();
    }

    TARGET(UNARY_INVERT) {
        Object *v = TOP();
        if (is_small_int(v)) {
            sp[-1] = small_int_make(~small_int_value(v));
            DISPATCH();
        }
        Object *res = obj_unary_op(v, UNARY_INVERT);
        DECREF(v);
        if (res == NULL) {
            sp--;
            goto error;
        }
        sp[-1] = res;
        DISPATCH();
    }

    TARGET(UNARY_NOT) {
        Object *v = TOP();
        int t = obj_is_true(v);
        DECREF(v);
        if (t < 0) {
            sp--;
            goto error;
        }
        sp[-1] = bool_from(!t);
        DISPATCH();
    }

    TARGET(COMPARE_OP) {
        Object *r = sp[-1], *l = sp[-2], *res;
        if (((uintptr_t)l & (uintptr_t)r & 1) != 0) {
            sp--;
            sp[-1] = bool_from(eval_compare_ints(small_int_value(l), small_int_value(r), oparg));
            DISPATCH();
        }
        if (!is_small_int(l) && !is_small_int(r) && l->type == &FloatType &&
            r->type == &FloatType) {
            res = bool_from(eval_compare_doubles(float_value(l), float_value(r), oparg));
        } else {
            res = obj_richcompare(l, r, (CompareOp)oparg);
        }
        DECREF(r);
        DECREF(l);
        sp -= 2;
        if (res == NULL) {
            goto error;
        }
        PUSH(res);
        DISPATCH();
    }

    TARGET(IS_OP) {
        Object *r = POP();
        Object *l = TOP();
        bool same = (l == r) ^ (oparg != 0);
        DECREF(r);
        DECREF(l);
        sp[-1] = bool_from(same);
        DISPATCH();
    }

    TARGET(CONTAINS_OP) {
        Object *container = POP();
        Object *item = TOP();
        int r = obj_contains(container, item);
        DECREF(container);
        DECREF(item);
        if (r < 0) {
            sp--;
            goto error;
        }
        sp[-1] = bool_from((r != 0) ^ (oparg != 0));
        DISPATCH();
    }

    TARGET(BUILD_TUPLE) {
        Object *t = tuple_new(oparg);
        if (t == NULL) {
            goto error;
        }
        sp -= oparg;
        for (uint32_t i = 0; i < oparg; i++) {
            tuple_init_item(t, i, sp[i]);
        }
        PUSH(t);
        DISPATCH();
    }

    TARGET(BUILD_LIST) {
        Object *l = list_new(oparg);
        if (l == NULL) {
            goto error;
        }
        sp -= oparg;
        for (uint32_t i = 0; i < oparg; i++) {
            list_init_item(l, i, sp[i]);
        }
        PUSH(l);
        DISPATCH();
    }

    TARGET(BUILD_SET) {
        Object *s = set_new(NULL);
        int failed = s == NULL;
        sp -= oparg;
        for (uint32_t i = 0; i < oparg; i++) {
            if (!failed && set_add(s, sp[i]) < 0) {
                failed = 1;
            }
            DECREF(sp[i]);
        }
        if (failed) {
            XDECREF(s);
            goto error;
        }
        PUSH(s);
        DISPATCH();
    }

    TARGET(BUILD_MAP) {
        Object *d = dict_new();
        int failed = d == NULL;
        sp -= 2 * oparg;
        for (uint32_t i = 0; i < oparg; i++) {
            if (!failed && dict_set(d, sp[2 * i], sp[2 * i + 1]) < 0) {
                failed = 1;
            }
            DECREF(sp[2 * i]);
            DECREF(sp[2 * i + 1]);
        }
        if (failed) {
            XDECREF(d);
            goto error;
        }
        PUSH(d);
        DISPATCH();
    }

    TARGET(BUILD_CONST_KEY_MAP) {
        Object *keys = POP();
        Object *d = dict_new();
        int failed = d == NULL;
        sp -= oparg;
        for (uint32_t i = 0; i < oparg; i++) {
            if (!failed && dict_set(d, tuple_get(keys, i), sp[i]) < 0) {
                failed = 1;
            }
            DECREF(sp[i]);
        }
        DECREF(keys);
        if (failed) {
            XDECREF(d);
            goto error;
        }
        PUSH(d);
        DISPATCH();
    }

    TARGET(BUILD_STRING) {
        sp -= oparg;
        Object *s = eval_build_string(sp, oparg);
        for (uint32_t i = 0; i < oparg; i++) {
            DECREF(sp[i]);
        }
        if (s == NULL) {
            goto error;
        }
        PUSH(s);
        DISPATCH();
    }

    TARGET(LIST_APPEND) {
        Object *v = POP();
        int r = list_append(sp[-(ptrdiff_t)oparg], v);
        DECREF(v);
        if (r < 0) {
            goto error;
        }
        DISPATCH();
    }

    TARGET(SET_ADD) {
        Object *v = POP();
        int r = set_add(sp[-(ptrdiff_t)oparg], v);
        DECREF(v);
        if (r < 0) {
            goto error;
        }
        DISPATCH();
    }

    TARGET(MAP_ADD) {
        Object *v = POP();
        Object *k = POP();
        int r = dict_set(sp[-(ptrdiff_t)oparg], k, v);
        DECREF(k);
        DECREF(v);
        if (r < 0) {
            goto error;
        }
        DISPATCH();
    }

    TARGET(LIST_EXTEND) {
        Object *it = POP();
        if (!eval_is_iterable(it)) {
            err_format(&ExcTypeError, "Value after * must be an iterable, not %s",
                       obj_type_name(it));
            DECREF(it);
            goto error;
        }
        int r = list_extend(sp[-(ptrdiff_t)oparg], it);
        DECREF(it);
        if (r < 0) {
            goto error;
        }
        DISPATCH();
    }

    TARGET(SET_UPDATE) {
        Object *it = POP();
        int r = set_update(sp[-(ptrdiff_t)oparg], it);
        DECREF(it);
        if (r < 0) {
            goto error;
        }
        DISPATCH();
    }

    TARGET(DICT_UPDATE) {
        Object *m = POP();
        int r;
        Object *keys = NULL;
        if (!dict_check(m)) {
            if (vm_lookup_attr_cstr(m, "keys", &keys) < 0) {
                DECREF(m);
                goto error;
            }
            if (keys == NULL) {
                err_format(&ExcTypeError, "'%s' object is not a mapping", obj_type_name(m));
                DECREF(m);
                goto error;
            }
            DECREF(keys);
        }
        r = dict_merge(sp[-(ptrdiff_t)oparg], m, true);
        DECREF(m);
        if (r < 0) {
            goto error;
        }
        DISPATCH();
    }

    TARGET(DICT_MERGE) {
        Object *m = POP();
        int r = eval_dict_merge(sp[-(ptrdiff_t)oparg - 2], sp[-(ptrdiff_t)oparg], m);
        DECREF(m);
        if (r < 0) {
            goto error;
        }
        DISPATCH();
    }

    TARGET(LIST_TO_TUPLE) {
        Object *l = TOP();
        Object *t = list_as_tuple(l);
        DECREF(l);
        if (t == NULL) {
            sp--;
            goto error;
        }
        sp[-1] = t;
        DISPATCH();
    }

    TARGET(FORMAT_VALUE) {
        Object *spec = (oparg & 4) ? POP() : NULL;
        Object *value = POP();
        Object *res = eval_format_value(value, spec, oparg & 3);
        if (res == NULL) {
            goto error;
        }
        PUSH(res);
        DISPATCH();
    }

    TARGET(UNPACK_SEQUENCE) {
        Object *seq = POP();
        int r = eval_unpack_sequence(seq, oparg, sp);
        DECREF(seq);
        if (r < 0) {
            goto error;
        }
        sp += oparg;
        DISPATCH();
    }

    TARGET(UNPACK_EX) {
        Object *seq = POP();
        size_t before = oparg & 0xff, after = oparg >> 8;
        int r = eval_unpack_ex(seq, before, after, sp);
        DECREF(seq);
        if (r < 0) {
            goto error;
        }
        sp += before + 1 + after;
        DISPATCH();
    }

    TARGET(JUMP_FORWARD) {
        JUMP_TO(oparg);
        DISPATCH();
    }

    TARGET(JUMP_BACKWARD) {
        JUMP_TO(oparg);
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_FALSE) {
        Object *v = POP();
        if (v == False || v == None) {
            JUMP_TO(oparg);
        } else if (v != True) {
            int t;
            if (is_small_int(v)) {
                t = small_int_value(v) != 0;
            } else {
                t = obj_is_true(v);
                DECREF(v);
                if (t < 0) {
                    goto error;
                }
            }
            if (!t) {
                JUMP_TO(oparg);
            }
        }
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_TRUE) {
        Object *v = POP();
        if (v == True) {
            JUMP_TO(oparg);
        } else if (v != False && v != None) {
            int t;
            if (is_small_int(v)) {
                t = small_int_value(v) != 0;
            } else {
                t = obj_is_true(v);
                DECREF(v);
                if (t < 0) {
                    goto error;
                }
            }
            if (t) {
                JUMP_TO(oparg);
            }
        }
        DISPATCH();
    }

    TARGET(JUMP_IF_FALSE_OR_POP) {
        Object *v = TOP();
        int t = obj_is_true(v);
        if (t < 0) {
            goto error;
        }
        if (!t) {
            JUMP_TO(oparg);
        } else {
            sp--;
            DECREF(v);
        }
        DISPATCH();
    }

    TARGET(JUMP_IF_TRUE_OR_POP) {
        Object *v = TOP();
        int t = obj_is_true(v);
        if (t < 0) {
            goto error;
        }
        if (t) {
            JUMP_TO(oparg);
        } else {
            sp--;
            DECREF(v);
        }
        DISPATCH();
    }

    TARGET(GET_ITER) {
        Object *v = TOP();
        Object *it = obj_iter(v);
        DECREF(v);
        if (it == NULL) {
            sp--;
            goto error;
        }
        sp[-1] = it;
        DISPATCH();
    }

    TARGET(FOR_ITER) {
        Object *it = TOP();
        Object *next;
        TypeObject *t = obj_type(it);
        if (t == &RangeIterType) {
            /* range(): values are small ints, nothing to allocate. */
            RangeIterObject *r = (RangeIterObject *)it;
            if (r->remaining > 0) {
                intptr_t v = r->next;
                r->next += r->step;
                r->remaining--;
                PUSH(small_int_make(v));
                DISPATCH();
            }
            sp--;
            DECREF(it);
            JUMP_TO(oparg);
            DISPATCH();
        }
        if (t == &ListIterType) {
            ListIterObject *li = (ListIterObject *)it;
            ListObject *l = (ListObject *)li->list;
            if (l != NULL && li->index < l->size) {
                PUSH(NEWREF(l->items[li->index++]));
                DISPATCH();
            }
            CLEAR(li->list);
            sp--;
            DECREF(it);
            JUMP_TO(oparg);
            DISPATCH();
        }
        if (t->iternext != NULL) {
            next = t->iternext(it);
        } else {
            next = obj_next(it);
        }
        if (next != NULL) {
            PUSH(next);
            DISPATCH();
        }
        if (err_occurred() != NULL) {
            if (!err_matches(&ExcStopIteration)) {
                goto error;
            }
            err_clear();
        }
        sp--;
        DECREF(it);
        JUMP_TO(oparg);
        DISPATCH();
    }

    /* ---- calls: all four forms meet at do_call with:
     *   call_base     lowest stack slot that the call consumes,
     *   call_args     first argument (on the stack unless call_flat),
     *   call_nargs    positional count, call_kwnames (owned tuple or NULL),
     *   call_callable the object to call (borrowed from the stack or owned via
     *                 call_owned), call_flat (owned tuple holding the args for
     *                 CALL_FUNCTION_EX, else NULL). */
    {
        Object **call_base;
        Object **call_args;
        size_t call_nargs;
        Object *call_kwnames;
        Object *call_callable;
        Object *call_owned;
        Object *call_flat;

        TARGET(CALL) {
            call_kwnames = NULL;
            call_nargs = oparg;
            call_args = sp - oparg;
            call_base = call_args - 1;
            call_callable = *call_base;
            goto prepare_call;
        }

        TARGET(CALL_KW) {
            call_kwnames = POP();
            call_nargs = oparg - tuple_size(call_kwnames);
            call_args = sp - oparg;
            call_base = call_args - 1;
            call_callable = *call_base;
            goto prepare_call;
        }

        TARGET(CALL_METHOD) {
            call_kwnames = NULL;
            call_nargs = oparg;
            goto method_call;
        }

        TARGET(CALL_METHOD_KW) {
            call_kwnames = POP();
            call_nargs = oparg - tuple_size(call_kwnames);
        method_call:
            call_base = sp - oparg - 2;
            if (call_base[0] != NULL) {
                call_callable = call_base[0];
                call_args = call_base + 1;
                call_nargs++;
            } else {
                call_callable = call_base[1];
                call_args = call_base + 2;
                if (!is_small_int(call_callable) && call_callable->type == &MethodType) {
                    /* [NULL, bound method, args] -> [func, self, args]. */
                    MethodObject *m = (MethodObject *)call_callable;
                    call_base[0] = NEWREF(m->func);
                    call_base[1] = NEWREF(m->self);
                    call_callable = call_base[0];
                    DECREF((Object *)m);
                    call_args--;
                    call_nargs++;
                }
            }
            call_owned = NULL;
            call_flat = NULL;
            goto do_call;
        }

        TARGET(CALL_FUNCTION_EX) {
            Object *kwargs = (oparg & 1) ? POP() : NULL;
            Object *args = POP();
            call_base = sp - 1;
            call_callable = *call_base;
            int r = call_flatten_ex(call_callable, args, kwargs, &call_flat, &call_nargs,
                                    &call_kwnames);
            DECREF(args);
            XDECREF(kwargs);
            if (r < 0) {
                goto error;
            }
            call_args = ((TupleObject *)call_flat)->items;
            call_owned = NULL;
            goto do_call;
        }

    prepare_call:
        call_owned = NULL;
        call_flat = NULL;
        /* A bound method called through CALL: put self in the callable's
         * slot so the arguments stay contiguous (no copy). */
        if (!is_small_int(call_callable) && call_callable->type == &MethodType) {
            MethodObject *m = (MethodObject *)call_callable;
            call_owned = NEWREF(m->func);
            *call_base = NEWREF(m->self);
            DECREF(call_callable);
            call_callable = call_owned;
            call_args--;
            call_nargs++;
        }

    do_call:
        SAVE_FRAME();
        if (!is_small_int(call_callable) && call_callable->type == &FunctionType) {
            FunctionObject *fn = (FunctionObject *)call_callable;
            CodeObject *co = fn->code;
            if (ts->recursion_depth >= ts->interp->recursion_limit) {
                eval_recursion_error();
                goto call_failed;
            }
            Frame *nf = frame_push(ts, co, fn, fn->globals,
                                   fn->builtins != NULL ? fn->builtins : frame->builtins, NULL);
            if (nf == NULL) {
                goto call_failed;
            }
            if (call_kwnames == NULL && call_flat == NULL && call_nargs == (size_t)co->argcount &&
                (co->flags & (CODE_FLAG_VARARGS | CODE_FLAG_VARKEYWORDS)) == 0 &&
                co->kwonlyargcount == 0) {
                /* The common case: move the arguments into the new frame. */
                for (size_t i = 0; i < call_nargs; i++) {
                    nf->localsplus[i] = call_args[i];
                    call_args[i] = NULL;
                }
            } else if (call_bind_args(nf, fn, call_args, call_nargs, call_kwnames) < 0) {
                frame_clear_and_pop(ts, nf);
                goto call_failed;
            }
            if (nf->stack_base != (uint32_t)co->nlocals && frame_init_cells(nf) < 0) {
                frame_clear_and_pop(ts, nf);
                goto call_failed;
            }
            while (sp > call_base) {
                Object *v = *--sp;
                XDECREF(v);
            }
            XDECREF(call_kwnames);
            XDECREF(call_owned);
            XDECREF(call_flat);
            frame->stack_pointer = sp;
            nf->previous = frame;
            ts->frame = nf;
            frame = nf;
            ts->recursion_depth++;
            LOAD_FRAME();
            DISPATCH();
        }
        {
            Object *res;
            /* Calling a class or an object with __call__ counts one level of
             * recursion, as CPython 3.11's _PyObject_MakeTpCall does. */
            bool counted = eval_is_tp_call(call_callable);
            if (counted && ++ts->recursion_depth > ts->interp->recursion_limit) {
                ts->recursion_depth--;
                err_set_string(&ExcRecursionError,
                               "maximum recursion depth exceeded while calling a Python object");
                goto call_failed;
            }
            CallFunc cf = obj_type(call_callable)->call;
            if (cf != NULL) {
                res = cf(call_callable, call_args, call_nargs, call_kwnames);
            } else {
                res = obj_call(call_callable, call_args, call_nargs, call_kwnames);
            }
            if (counted) {
                ts->recursion_depth--;
            }
            while (sp > call_base) {
                Object *v = *--sp;
                XDECREF(v);
            }
            XDECREF(call_kwnames);
            XDECREF(call_owned);
            XDECREF(call_flat);
            if (res == NULL) {
                goto error;
            }
            PUSH(res);
            DISPATCH();
        }
    call_failed:
        while (sp > call_base) {
            Object *v = *--sp;
            XDECREF(v);
        }
        XDECREF(call_kwnames);
        XDECREF(call_owned);
        XDECREF(call_flat);
        goto error;
    }

    TARGET(MAKE_FUNCTION) {
        Object **new_sp;
        Object *f = eval_make_function(frame, sp, oparg, &new_sp);
        sp = new_sp;
        if (f == NULL) {
            goto error;
        }
        PUSH(f);
        DISPATCH();
    }

    TARGET(RETURN_VALUE) {
        Object *retval = POP();
        frame->stack_pointer = sp;
        ts->recursion_depth--;
        Frame *prev = frame->previous;
        if (frame->is_entry) {
            ts->frame = prev;
            frame_clear_and_pop(ts, frame);
            return retval;
        }
        frame_clear_and_pop(ts, frame);
        frame = prev;
        ts->frame = frame;
        LOAD_FRAME();
        PUSH(retval);
        DISPATCH();
    }

    TARGET(IMPORT_NAME) {
        Object *fromlist = POP();
        Object *level = POP();
        SAVE_FRAME();
        int lvl = is_small_int(level) ? (int)small_int_value(level) : 0;
        Object *m = import_name(names[oparg], frame->globals, fromlist, lvl);
        DECREF(fromlist);
        DECREF(level);
        if (m == NULL) {
            goto error;
        }
        PUSH(m);
        DISPATCH();
    }

    TARGET(IMPORT_FROM) {
        Object *v = import_from(TOP(), names[oparg]);
        if (v == NULL) {
            goto error;
        }
        PUSH(v);
        DISPATCH();
    }

    TARGET(IMPORT_STAR) {
        Object *m = POP();
        if (frame->locals == NULL) {
            err_set_string(&ExcSystemError, "no locals found during 'import *'");
            DECREF(m);
            goto error;
        }
        int r = import_star(m, frame->locals);
        DECREF(m);
        if (r < 0) {
            goto error;
        }
        DISPATCH();
    }

    TARGET(RAISE_VARARGS) {
        Object *cause = NULL, *exc = NULL;
        if (oparg == 2) {
            cause = POP();
        }
        if (oparg >= 1) {
            exc = POP();
        }
        if (exc == NULL) {
            Object *handled = ts->handled_exception;
            if (handled == NULL || handled == None) {
                err_set_string(&ExcRuntimeError, "No active exception to reraise");
                goto error;
            }
            err_restore(NEWREF(handled));
            goto exception_unwind;
        }
        eval_do_raise(exc, cause);
        DECREF(exc);
        XDECREF(cause);
        goto error;
    }

    TARGET(RERAISE) {
        /* The lasti below the exception (left for the unwinder to pop) says
         * which instruction the traceback should point at. */
        if (oparg != 0) {
            Object *lasti = sp[-(ptrdiff_t)oparg - 1];
            if (is_small_int(lasti)) {
                lasti_override = small_int_value(lasti);
            }
        }
        Object *exc = POP();
        err_restore(exc);
        goto exception_unwind;
    }

    TARGET(PUSH_EXC_INFO) {
        Object *exc = TOP();
        Object *prev = ts->handled_exception;
        sp[-1] = prev != NULL ? prev : NEWREF(None);
        PUSH(exc);
        ts->handled_exception = NEWREF(exc);
        DISPATCH();
    }

    TARGET(POP_EXCEPT) {
        Object *prev = POP();
        Object *old = ts->handled_exception;
        if (prev == None) {
            DECREF(prev);
            prev = NULL;
        }
        ts->handled_exception = prev;
        XDECREF(old);
        DISPATCH();
    }

    TARGET(CHECK_EXC_MATCH) {
        Object *t = TOP();
        if (eval_check_except_type(t) < 0) {
            goto error;
        }
        bool match = eval_exc_matches(SECOND(), t);
        DECREF(t);
        sp[-1] = bool_from(match);
        DISPATCH();
    }

    TARGET(LOAD_ASSERTION_ERROR) {
        PUSH(NEWREF((Object *)&ExcAssertionError));
        DISPATCH();
    }

    TARGET(BEFORE_WITH) {
        Object *mgr = TOP();
        Object *enter = eval_special_bound(mgr, "__enter__");
        Object *exit = enter != NULL ? eval_special_bound(mgr, "__exit__") : NULL;
        if (exit == NULL) {
            if (err_occurred() == NULL) {
                err_format(&ExcTypeError,
                           "'%s' object does not support the context manager protocol%s",
                           obj_type_name(mgr), enter != NULL ? " (missed __exit__ method)" : "");
            }
            XDECREF(enter);
            goto error;
        }
        sp[-1] = exit;
        DECREF(mgr);
        SAVE_FRAME(); /* a blocking __enter__ (a lock) shows this line in reports */
        Object *res = obj_call0(enter);
        DECREF(enter);
        if (res == NULL) {
            goto error;
        }
        PUSH(res);
        DISPATCH();
    }

    TARGET(WITH_EXCEPT_START) {
        Object *exc = sp[-1];
        Object *exit = sp[-4];
        Object *tb = exception_check(exc) ? ((ExceptionObject *)exc)->traceback : NULL;
        Object *args[3] = {(Object *)obj_type(exc), exc, tb != NULL ? tb : None};
        Object *res = obj_call(exit, args, 3, NULL);
        if (res == NULL) {
            goto error;
        }
        PUSH(res);
        DISPATCH();
    }

    TARGET(LOAD_BUILD_CLASS) {
        Object *bc = dict_get_cstr(frame->builtins, "__build_class__");
        if (bc == NULL) {
            err_set_string(&ExcNameError, "__build_class__ not found");
            goto error;
        }
        PUSH(NEWREF(bc));
        DISPATCH();
    }

    TARGET(SETUP_ANNOTATIONS) {
        if (frame->locals == NULL) {
            err_set_string(&ExcSystemError, "no locals found when setting up annotations");
            goto error;
        }
        Object *key = str_intern_cstr("__annotations__");
        Object *v = NULL;
        int r = key != NULL ? eval_mapping_lookup(frame->locals, key, &v) : -1;
        if (r < 0) {
            XDECREF(key);
            goto error;
        }
        if (r == 0) {
            Object *d = dict_new();
            r = d != NULL ? eval_mapping_store(frame->locals, key, d) : -1;
            XDECREF(d);
        } else {
            DECREF(v);
        }
        DECREF(key);
        if (r < 0) {
            goto error;
        }
        DISPATCH();
    }

    TARGET(RETURN_GENERATOR) {
        GeneratorObject *gen =
            (GeneratorObject *)obj_alloc(&GeneratorType, sizeof(GeneratorObject));
        if (gen == NULL) {
            goto error;
        }
        FunctionObject *fn = frame->func;
        gen->name = NEWREF(fn != NULL ? fn->name : code->name);
        gen->qualname = NEWREF(fn != NULL ? fn->qualname : code->qualname);
        SAVE_FRAME();
        Frame *prev = frame->previous;
        bool entry = frame->is_entry;
        Frame *gf = frame_move_to_heap(ts, frame);
        if (gf == NULL) {
            DECREF((Object *)gen);
            goto error;
        }
        gf->generator = (Object *)gen;
        gen->frame = gf;
        ts->recursion_depth--;
        ts->frame = prev;
        if (entry) {
            return (Object *)gen;
        }
        frame = prev;
        LOAD_FRAME();
        PUSH((Object *)gen);
        DISPATCH();
    }

    TARGET(YIELD_VALUE) {
        Object *v = POP();
        SAVE_FRAME();
        ts->recursion_depth--;
        ts->frame = frame->previous;
        frame->previous = NULL;
        return v;
    }

    TARGET(GET_YIELD_FROM_ITER) {
        Object *v = TOP();
        if (generator_check(v)) {
            DISPATCH();
        }
        Object *it = obj_iter(v);
        DECREF(v);
        if (it == NULL) {
            sp--;
            goto error;
        }
        sp[-1] = it;
        DISPATCH();
    }

    TARGET(SEND) {
        Object *value = sp[-1];
        Object *receiver = sp[-2];
        Object *res;
        bool finished = false;
        SAVE_FRAME();
        if (generator_check(receiver)) {
            res = generator_resume(receiver, value, false, &finished);
        } else if (value == None) {
            res = eval_iternext(receiver);
            if (res == NULL && err_occurred() == NULL) {
                finished = true;
                res = NEWREF(None);
            }
        } else {
            res = obj_call_method(receiver, "send", &value, 1);
            if (res == NULL && err_matches(&ExcStopIteration)) {
                Object *exc = err_fetch();
                Object *rv = ((ExceptionObject *)exc)->extra;
                res = NEWREF(rv != NULL ? rv : None);
                DECREF(exc);
                finished = true;
            }
        }
        DECREF(value);
        if (res == NULL) {
            sp--;
            goto error;
        }
        if (finished) {
            sp -= 2;
            DECREF(receiver);
            PUSH(res);
            JUMP_TO(oparg);
        } else {
            sp[-1] = res;
        }
        DISPATCH();
    }

    TARGET(PRINT_EXPR) {
        Object *v = POP();
        SAVE_FRAME();
        int r = eval_print_expr(ts, v);
        DECREF(v);
        if (r < 0) {
            goto error;
        }
        DISPATCH();
    }

#if !EVAL_COMPUTED_GOTO
    default:
        break;
    }
    err_format(&ExcSystemError, "unknown opcode %u", (unsigned)(word & 0xff));
    goto error;
#endif

    /* ---- the one error path: record the frame in the traceback, then
     * look for a handler in this frame's exception table, else pop the frame
     * and continue unwinding in its caller. */
error:
    {
        uint32_t lasti = ip > first_instr ? INSTR_INDEX() - 1 : 0;
        traceback_here(code, lasti, frame->globals);
    }
exception_unwind:
    for (;;) {
        uint32_t lasti = ip > first_instr ? INSTR_INDEX() - 1 : 0;
        const ExceptionTableEntry *h = eval_find_handler(code, lasti);
        if (h != NULL) {
            Object **target = frame_stack_base(frame) + h->depth;
            while (sp > target) {
                Object *v = *--sp;
                XDECREF(v);
            }
            if (h->push_lasti) {
                PUSH(small_int_make(lasti_override >= 0 ? lasti_override : (intptr_t)lasti));
            }
            lasti_override = -1;
            Object *exc = err_fetch();
            PUSH(exc);
            JUMP_TO(h->handler);
            DISPATCH();
        }
        /* No handler: this frame is done. */
        lasti_override = -1;
        frame->stack_pointer = sp;
        ts->recursion_depth--;
        Frame *prev = frame->previous;
        if (frame->is_entry) {
            ts->frame = prev;
            frame_clear_and_pop(ts, frame);
            return NULL;
        }
        frame_clear_and_pop(ts, frame);
        frame = prev;
        ts->frame = frame;
        LOAD_FRAME();
        {
            uint32_t caller_lasti = ip > first_instr ? INSTR_INDEX() - 1 : 0;
            traceback_here(code, caller_lasti, frame->globals);
        }
    }
}

#undef TARGET
#undef DISPATCH
#undef PUSH
#undef POP
#undef TOP
#undef SECOND
#undef INSTR_INDEX
#undef SAVE_FRAME
#undef LOAD_FRAME
#undef DISPATCH_NOW
#undef NUMBER_FAST_PATH
#undef JUMP_TO
#undef EVAL_TRACE

/* ================================================================ generators */

static Object *gen_close_impl(Object *self);


/* Run the generator's frame until it yields, returns or raises. `push` (new
 * reference, may be NULL) is pushed first: the value sent in. With
 * `throwing`, the pending exception is raised at the suspension point. */
static Object *gen_run(GeneratorObject *gen, Object *push, bool throwing, bool *finished) {
    ThreadState *ts = ts_current();
    Frame *f = gen->frame;
    if (push != NULL) {
        *f->stack_pointer++ = push;
    }
    gen->started = true;
    gen->running = true;
    /* The generator's own handled exception replaces the caller's while it
     * runs (CPython keeps a stack of them; one level is enough here). */
    Object *outer = ts->handled_exception;
    if (gen->handled != NULL) {
        ts->handled_exception = gen->handled;
        gen->handled = NULL;
    } else {
        XINCREF(outer);
    }
    Object *res = eval_frame(ts, f, throwing);
    gen->running = false;
    if (ts->handled_exception != outer) {
        Object *inner = ts->handled_exception;
        ts->handled_exception = outer;
        if (f->code != NULL) {
            gen->handled = inner;
        } else {
            XDECREF(inner);
        }
    } else {
        XDECREF(outer);
    }
    if (f->code != NULL) {
        return res; /* yielded */
    }
    /* Returned or raised: the frame was cleared. */
    mem_free(f);
    gen->frame = NULL;
    if (res != NULL) {
        *finished = true;
        return res;
    }
    if (err_matches(&ExcStopIteration)) {
        Object *cause = err_fetch();
        err_set_string(&ExcRuntimeError, "generator raised StopIteration");
        Object *exc = err_occurred();
        if (exc != NULL) {
            ExceptionObject *e = (ExceptionObject *)exc;
            XDECREF(e->cause);
            e->cause = NEWREF(cause);
            e->suppress_context = true;
            if (e->context == NULL) {
                e->context = NEWREF(cause);
            }
        }
        DECREF(cause);
    }
    return NULL;
}

/* The sub-iterator a suspended generator delegates to with `yield from`
 * (borrowed), or NULL. Suspended after YIELD_VALUE; delegating iff the next
 * instruction is a JUMP_BACKWARD to a SEND (the compiler's layout). */
static Object *gen_delegate(GeneratorObject *gen, uint32_t *send_index) {
    Frame *f = gen->frame;
    if (f == NULL || !gen->started || f->next_instr >= f->code->ncode) {
        return NULL;
    }
    Instruction next = f->code->code[f->next_instr];
    if (instr_opcode(next) != OP_JUMP_BACKWARD) {
        return NULL;
    }
    uint32_t target = instr_arg(next);
    if (target >= f->code->ncode || instr_opcode(f->code->code[target]) != OP_SEND) {
        return NULL;
    }
    *send_index = target;
    return f->stack_pointer[-1];
}

Object *generator_resume(Object *self, Object *value, bool throwing, bool *finished) {
    GeneratorObject *gen = (GeneratorObject *)self;
    *finished = false;
    if (gen->running) {
        if (throwing) {
            err_clear();
        }
        err_set_string(&ExcValueError, "generator already executing");
        return NULL;
    }
    if (gen->frame == NULL) {
        if (throwing) {
            return NULL; /* the exception being thrown propagates */
        }
        *finished = true;
        return NEWREF(None);
    }
    if (!gen->started && !throwing && value != NULL && value != None) {
        err_set_string(&ExcTypeError, "can't send non-None value to a just-started generator");
        return NULL;
    }
    uint32_t send_index;
    Object *sub = throwing ? gen_delegate(gen, &send_index) : NULL;
    if (sub != NULL) {
        /* throw() while delegating: throw into the sub-iterator first. */
        Object *exc = err_fetch();
        Object *res = NULL;
        bool sub_finished = false;
        if (obj_is_instance_of(exc, &ExcGeneratorExit)) {
            Object *r = generator_check(sub) ? gen_close_impl(sub)
                                             : obj_call_method(sub, "close", NULL, 0);
            if (r == NULL && err_matches(&ExcAttributeError)) {
                err_clear();
            } else if (r == NULL) {
                DECREF(exc);
                goto throw_here;
            }
            XDECREF(r);
            err_restore(exc);
            goto throw_here;
        }
        gen->running = true;
        if (generator_check(sub)) {
            err_restore(exc);
            res = generator_resume(sub, NULL, true, &sub_finished);
        } else {
            Object *meth = NULL;
            if (vm_lookup_attr_cstr(sub, "throw", &meth) < 0 || meth == NULL) {
                gen->running = false;
                if (meth == NULL && err_occurred() == NULL) {
                    err_restore(exc);
                } else {
                    DECREF(exc);
                }
                goto throw_here;
            }
            res = obj_call1(meth, exc);
            DECREF(meth);
            DECREF(exc);
            if (res == NULL && err_matches(&ExcStopIteration)) {
                Object *stop = err_fetch();
                Object *rv = ((ExceptionObject *)stop)->extra;
                res = NEWREF(rv != NULL ? rv : None);
                DECREF(stop);
                sub_finished = true;
            }
        }
        gen->running = false;
        if (res == NULL) {
            goto throw_here;
        }
        if (!sub_finished) {
            return res; /* the sub-iterator yielded: we stay suspended */
        }
        /* The sub-iterator finished: continue after the SEND with its value. */
        Frame *f = gen->frame;
        Object *old = *--f->stack_pointer;
        DECREF(old);
        f->next_instr = instr_arg(f->code->code[send_index]);
        return gen_run(gen, res, false, finished);
    }
throw_here:
    if (throwing) {
        return gen_run(gen, NULL, true, finished);
    }
    return gen_run(gen, gen->started ? NEWREF(value != NULL ? value : None) : NULL, false,
                   finished);
}

/* Raise StopIteration(value) for a generator that returned value. */
static Object *gen_stop(Object *value) {
    if (value == None) {
        DECREF(value);
        err_set_none(&ExcStopIteration);
        return NULL;
    }
    Object *args = tuple_pack(1, value);
    DECREF(value);
    if (args == NULL) {
        return NULL;
    }
    Object *exc = exception_new(&ExcStopIteration, args);
    DECREF(args);
    if (exc != NULL) {
        err_set_exception(exc);
        DECREF(exc);
    }
    return NULL;
}

static Object *gen_iternext(Object *self) {
    bool finished;
    Object *v = generator_resume(self, NULL, false, &finished);
    if (v != NULL && finished) {
        if (v != None) {
            return gen_stop(v); /* StopIteration(value), as CPython's gen_iternext */
        }
        DECREF(v);
        return NULL;
    }
    return v;
}

static Object *gen_send(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (nargs != 1 || kwnames != NULL) {
        return err_format(&ExcTypeError, "generator.send() takes exactly one argument (%zu given)",
                          nargs);
    }
    bool finished;
    Object *v = generator_resume(self, args[0], false, &finished);
    if (v != NULL && finished) {
        return gen_stop(v);
    }
    return v;
}

static Object *gen_throw(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (nargs < 1 || nargs > 3) {
        return err_format(&ExcTypeError, "throw expected at least 1 argument, got %zu", nargs);
    }
    Object *typ = args[0];
    Object *val = nargs > 1 ? args[1] : None;
    Object *exc;
    if (!is_small_int(typ) && obj_type(typ) == &TypeType && type_is_exception((TypeObject *)typ)) {
        if (val != None && exception_check(val) && obj_is_instance_of(val, (TypeObject *)typ)) {
            exc = NEWREF(val);
        } else if (val == None) {
            exc = obj_call0(typ);
        } else {
            exc = obj_call1(typ, val);
        }
        if (exc == NULL) {
            return NULL;
        }
    } else if (exception_check(typ)) {
        if (val != None) {
            return err_format(&ExcTypeError, "instance exception may not have a separate value");
        }
        exc = NEWREF(typ);
    } else {
        return err_format(&ExcTypeError,
                          "exceptions must be classes or instances deriving from BaseException, "
                          "not %s",
                          obj_type_name(typ));
    }
    err_restore(exc);
    bool finished;
    Object *v = generator_resume(self, NULL, true, &finished);
    if (v != NULL && finished) {
        return gen_stop(v);
    }
    return v;
}

/* close(): throw GeneratorExit in; fine if it finishes or re-raises it. */
static Object *gen_close_impl(Object *self) {
    GeneratorObject *gen = (GeneratorObject *)self;
    if (gen->frame == NULL || !gen->started) {
        if (gen->frame != NULL) {
            frame_clear(gen->frame);
            mem_free(gen->frame);
            gen->frame = NULL;
        }
        return none_ref();
    }
    err_set_none(&ExcGeneratorExit);
    bool finished;
    Object *v = generator_resume(self, NULL, true, &finished);
    if (v != NULL) {
        DECREF(v);
        if (!finished) {
            err_set_string(&ExcRuntimeError, "generator ignored GeneratorExit");
            return NULL;
        }
        return none_ref();
    }
    if (err_matches(&ExcGeneratorExit) || err_matches(&ExcStopIteration)) {
        err_clear();
        return none_ref();
    }
    return NULL;
}

static Object *gen_close(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return gen_close_impl(self);
}

static void gen_dealloc(Object *self) {
    GeneratorObject *gen = (GeneratorObject *)self;
    if (gen->frame != NULL && gen->started) {
        /* Run pending finally blocks, as CPython's finaliser does. */
        self->refcount++;
        Object *saved = err_fetch();
        Object *r = gen_close_impl(self);
        if (r == NULL) {
            err_clear();
        } else {
            DECREF(r);
        }
        err_restore(saved);
        self->refcount--;
    }
    if (gen->frame != NULL) {
        frame_clear(gen->frame);
        mem_free(gen->frame);
    }
    XDECREF(gen->name);
    XDECREF(gen->qualname);
    XDECREF(gen->handled);
    obj_free(self);
}

/* The cycle collector sees a suspended generator's references: its frame's
 * function, locals and value stack (a generator can refer to itself). */
static int gen_traverse(Object *self, VisitFunc visit, void *arg) {
    GeneratorObject *gen = (GeneratorObject *)self;
    Frame *f = gen->frame;
    /* A running generator's saved stack pointer is stale (the loop keeps it
     * in a register): leave its stack alone. Not visiting is conservative:
     * those references then count as external, so nothing is freed early. */
    if (f != NULL && !gen->running) {
        for (Object **p = f->localsplus; p < f->stack_pointer; p++) {
            if (*p != NULL && visit(*p, arg) < 0) {
                return -1;
            }
        }
        if (f->func != NULL && visit((Object *)f->func, arg) < 0) {
            return -1;
        }
        if (f->locals != NULL && visit(f->locals, arg) < 0) {
            return -1;
        }
    }
    return gen->handled != NULL ? visit(gen->handled, arg) : 0;
}

/* Break a cycle through a suspended generator: drop its frame (its pending
 * finally blocks do not run, unlike CPython, which finalizes it first). */
static int gen_clear(Object *self) {
    GeneratorObject *gen = (GeneratorObject *)self;
    if (gen->running || gen->frame == NULL) {
        return 0;
    }
    Frame *f = gen->frame;
    gen->frame = NULL;
    frame_clear(f);
    mem_free(f);
    CLEAR(gen->handled);
    return 0;
}

static Object *gen_iter(Object *self) { return NEWREF(self); }

static Object *gen_repr(Object *self) {
    return str_from_format("<generator object %U at %p>", ((GeneratorObject *)self)->qualname,
                           (void *)self);
}

static Object *gen_get_name(Object *self) { return NEWREF(((GeneratorObject *)self)->name); }
static Object *gen_get_qualname(Object *self) {
    return NEWREF(((GeneratorObject *)self)->qualname);
}
static Object *gen_get_running(Object *self) {
    return bool_from(((GeneratorObject *)self)->running);
}

static const MethodDef gen_methods[] = {
    {"send", gen_send, 0, "send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise StopIteration."},
    {"throw", gen_throw, 0, "throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in generator, return next yielded value or raise\nStopIteration."},
    {"close", gen_close, 0, "close() -> raise GeneratorExit inside generator."},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef gen_getsets[] = {
    {"__name__", gen_get_name, NULL, NULL},
    {"__qualname__", gen_get_qualname, NULL, NULL},
    {"gi_running", gen_get_running, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

TypeObject GeneratorType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "generator",
    .basic_size = sizeof(GeneratorObject),
    .flags = TYPE_FLAG_GC,
    .dealloc = gen_dealloc,
    .traverse = gen_traverse,
    .clear = gen_clear,
    .repr = gen_repr,
    .iter = gen_iter,
    .iternext = gen_iternext,
    .methods = gen_methods,
    .getsets = gen_getsets,
};
