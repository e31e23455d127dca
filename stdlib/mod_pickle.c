/* mod_pickle.c: the _pickle module, the C core under stdlib/lib/pickle.py. It turns values
 * into gilpy's own compact binary format and back (it does not read CPython's pickles), fast
 * enough for multiprocessing, which sends every task and result through it.
 *
 * THE FORMAT. A pickle is a header, then a program for a small stack machine:
 *
 *     0xB7 0x01 <varint: length of the program> <program ending with '.'>
 *
 * The length lets pickle.load() read exactly one pickle from a stream. Every instruction is
 * one opcode byte and inline operands; varints are unsigned LEB128 (7 bits a byte, low
 * first) and ints are zigzag-encoded varints. The loader keeps a value stack and a memo (a
 * list of objects already built, so that shared and recursive references come back as ONE
 * object):
 *
 *   N T F            push None / True / False
 *   i <zigzag>       push an int that fits 64 bits
 *   I <n> <s> <n B>  push a big int: n magnitude bytes, least significant first; s=1: negative
 *   f <8 bytes>      push a float (its IEEE bits, little-endian)
 *   u <n> <n B>      push a str (UTF-8)              b <n> <n B>  push a bytes
 *   )                push ()                         t <n>        pop n items, push a tuple
 *   ]                push []                         a <n>        pop n items, append them to
 *                                                                 the list below them
 *   }                push {}                         d <n>        pop n key/value pairs, store
 *                                                                 them in the mapping below
 *   S                push set()                      A <n>        pop n items, add them to the
 *                                                                 set below them
 *   z <n>            pop n items, push a frozenset
 *   m                memoize the top of the stack (it gets the next memo index)
 *   g <i>            push memo[i]                    0 <n>        pop and drop n items
 *   c                pop name and module (strs), push the global module.name (imports it)
 *   R                pop args (a tuple) and f, push f(*args)
 *   n                pop args and cls, push cls.__new__(cls, *args)
 *   B                pop state, apply it to the top (__setstate__, or update __dict__)
 *   .                stop: the result is the top of the stack
 *
 * Writing memoizes only objects that can be reached twice: an object whose refcount is 1 is
 * referenced by one container only, so it cannot come back (and the loader's memo stays
 * small). A list, dict or set is memoized before its items, so a list containing itself
 * works; a tuple can only meet itself through a mutable object, and then (as in CPython)
 * the inner copy wins: the outer one pops its items and fetches it from the memo.
 *
 * Loading is one loop over the program, never recursive, and every length is checked against
 * the bytes that remain before anything is allocated: corrupt or truncated data raises
 * UnpicklingError ("pickle data was truncated"), never crashes. tests/fuzz/fuzz_pickle.c
 * fuzzes it. */
#include <gmp.h>
#include <string.h>

#include "args.h"
#include "bytes.h"
#include "class.h"
#include "containers.h"
#include "dict.h"
#include "errors.h"
#include "exceptions.h"
#include "float.h"
#include "function.h"
#include "int.h"
#include "list.h"
#include "memory.h"
#include "mod_pickle.h"
#include "module.h"
#include "modules.h"
#include "range.h"
#include "set.h"
#include "state.h"
#include "str.h"
#include "tuple.h"
#include "vm.h"

#define PICKLE_MAGIC 0xB7
#define PICKLE_VERSION 1
#define PICKLE_HEADER_MAX 12 /* magic, version, and a varint of up to 10 bytes */
#define PICKLE_BATCH 1000    /* items per APPENDS/SETITEMS/ADDITEMS, as CPython batches */
#define PICKLE_HIGHEST_PROTOCOL 5
#define PICKLE_DEFAULT_PROTOCOL 4

enum {
    OP_NONE = 'N',
    OP_TRUE = 'T',
    OP_FALSE = 'F',
    OP_INT = 'i',
    OP_BIGINT = 'I',
    OP_FLOAT = 'f',
    OP_STR = 'u',
    OP_BYTES = 'b',
    OP_EMPTY_TUPLE = ')',
    OP_TUPLE = 't',
    OP_EMPTY_LIST = ']',
    OP_APPENDS = 'a',
    OP_EMPTY_DICT = '}',
    OP_SETITEMS = 'd',
    OP_EMPTY_SET = 'S',
    OP_ADDITEMS = 'A',
    OP_FROZENSET = 'z',
    OP_MEMOIZE = 'm',
    OP_GET = 'g',
    OP_POP = '0',
    OP_GLOBAL = 'c',
    OP_REDUCE = 'R',
    OP_NEWOBJ = 'n',
    OP_BUILD = 'B',
    OP_STOP = '.',
};

/* Interned attribute names, made once (interned strings are immortal, so this cache is a
 * pure function of constant data). */
static struct {
    Object *reduce_ex, *reduce, *getnewargs, *getstate, *setstate, *new_, *qualname, *name,
        *module, *append, *add, *items;
} names;

static int names_init(void) {
    if (names.items != NULL) {
        return 0;
    }
    Object **slots[] = {&names.reduce_ex, &names.reduce, &names.getnewargs, &names.getstate,
                        &names.setstate, &names.new_, &names.qualname, &names.name,
                        &names.module, &names.append, &names.add, &names.items};
    const char *texts[] = {"__reduce_ex__", "__reduce__", "__getnewargs__", "__getstate__",
                           "__setstate__", "__new__", "__qualname__", "__name__",
                           "__module__", "append", "add", "items"};
    for (size_t i = 0; i < sizeof slots / sizeof slots[0]; i++) {
        Object *s = str_intern_cstr(texts[i]);
        if (s == NULL) {
            return -1;
        }
        *slots[i] = s;
    }
    return 0;
}

/* type(v) defines `name` itself (not just inherits object's). Borrowed or NULL. */
static Object *custom_method(TypeObject *t, Object *name) {
    Object *f = type_lookup(t, name);
    if (f == NULL || f == type_lookup(&ObjectType, name)) {
        return NULL;
    }
    return f;
}

/* The first native (non-heap) type on t's base chain: the layout its instances have. */
static TypeObject *native_base_of(TypeObject *t) {
    while (t != NULL && (t->flags & TYPE_FLAG_HEAPTYPE)) {
        t = t->base_type;
    }
    return t;
}

/* The instance __dict__ of v (borrowed; NULL when it has none or it was never made). */
static Object *instance_dict(Object *v) {
    TypeObject *t = obj_type(v);
    if (is_small_int(v) || t->dict_offset == 0) {
        return NULL;
    }
    return *(Object **)((char *)v + t->dict_offset);
}

/* sys.modules[name] after importing it (name may be dotted). New reference or NULL. */
static Object *import_module(Object *name) {
    Interpreter *interp = ts_current()->interp;
    Object *m = NULL;
    if (interp == NULL || interp->modules == NULL) {
        err_format(&ExcImportError, "no interpreter to import %R", name);
        return NULL;
    }
    if (dict_lookup(interp->modules, name, &m) > 0 && module_check(m)) {
        return NEWREF(m);
    }
    Object *top = vm_import(name, NULL, NULL, 0);
    if (top == NULL) {
        return NULL;
    }
    DECREF(top);
    if (dict_lookup(interp->modules, name, &m) <= 0) {
        if (!err_occurred()) {
            err_format(&ExcModuleNotFoundError, "No module named %R", name);
        }
        return NULL;
    }
    return NEWREF(m);
}

/* getattr along a dotted path ("A.B.c"). New reference or NULL with AttributeError. */
static Object *deep_getattr(Object *obj, Object *dotted) {
    const char *s = str_utf8(dotted);
    size_t size = str_size(dotted);
    Object *cur = NEWREF(obj);
    size_t start = 0;
    while (start <= size) {
        const char *dot = memchr(s + start, '.', size - start);
        size_t end = dot != NULL ? (size_t)(dot - s) : size;
        Object *part = str_from_utf8(s + start, end - start);
        if (part == NULL) {
            DECREF(cur);
            return NULL;
        }
        str_intern_in_place(&part);
        Object *next = obj_getattr(cur, part);
        DECREF(part);
        DECREF(cur);
        if (next == NULL) {
            return NULL;
        }
        cur = next;
        start = end + 1;
    }
    return cur;
}

/* ================================================================ the writer */

typedef struct MemoSlot {
    Object *key; /* a strong reference: the address cannot be reused while pickling */
    size_t id;
} MemoSlot;

typedef struct Pickler {
    char *buf; /* PICKLE_HEADER_MAX bytes reserved for the header, then the program */
    size_t len, cap;
    MemoSlot *memo; /* open addressing on the address; NULL until the first entry */
    size_t memo_mask, memo_used;
    TypeObject *error_type; /* PicklingError */
    Object *dispatch_table; /* dict or NULL (borrowed) */
    char inline_buf[256];
} Pickler;

static int save(Pickler *p, Object *obj);

static int pickler_grow(Pickler *p, size_t n) {
    size_t cap = p->cap * 2;
    if (cap < p->len + n) {
        cap = p->len + n;
    }
    char *nb;
    if (p->buf == p->inline_buf) {
        nb = mem_alloc(cap);
        if (nb != NULL) {
            memcpy(nb, p->buf, p->len);
        }
    } else {
        nb = mem_realloc(p->buf, cap);
    }
    if (nb == NULL) {
        return -1;
    }
    p->buf = nb;
    p->cap = cap;
    return 0;
}

static inline int write_bytes(Pickler *p, const void *data, size_t n) {
    if (p->len + n > p->cap && pickler_grow(p, n) < 0) {
        return -1;
    }
    memcpy(p->buf + p->len, data, n);
    p->len += n;
    return 0;
}

/* Write opcode `op` followed by the varint `n` (op 0: the varint alone). */
static inline int write_op_varint(Pickler *p, int op, uint64_t n) {
    if (p->len + 11 > p->cap && pickler_grow(p, 11) < 0) {
        return -1;
    }
    unsigned char *out = (unsigned char *)p->buf + p->len;
    size_t k = 0;
    if (op != 0) {
        out[k++] = (unsigned char)op;
    }
    while (n >= 0x80) {
        out[k++] = (unsigned char)(n | 0x80);
        n >>= 7;
    }
    out[k++] = (unsigned char)n;
    p->len += k;
    return 0;
}

static inline int write_op(Pickler *p, int op) {
    char c = (char)op;
    return write_bytes(p, &c, 1);
}

static inline size_t memo_hash(Object *key) {
    uintptr_t x = (uintptr_t)key >> 3;
    return (size_t)(x * (uintptr_t)0x9E3779B97F4A7C15u);
}

/* The memo index of obj, or SIZE_MAX when it is not memoized. */
static size_t memo_find(Pickler *p, Object *obj) {
    if (p->memo == NULL) {
        return SIZE_MAX;
    }
    size_t i = memo_hash(obj) & p->memo_mask;
    while (p->memo[i].key != NULL) {
        if (p->memo[i].key == obj) {
            return p->memo[i].id;
        }
        i = (i + 1) & p->memo_mask;
    }
    return SIZE_MAX;
}

/* Give obj the next memo index and write MEMOIZE. -1 on MemoryError. */
static int memoize(Pickler *p, Object *obj) {
    if (p->memo == NULL || (p->memo_used + 1) * 3 > (p->memo_mask + 1) * 2) {
        size_t new_size = p->memo == NULL ? 64 : (p->memo_mask + 1) * 2;
        MemoSlot *table = mem_alloc_array(new_size, sizeof(MemoSlot));
        if (table == NULL) {
            return -1;
        }
        if (p->memo != NULL) {
            for (size_t i = 0; i <= p->memo_mask; i++) {
                if (p->memo[i].key != NULL) {
                    size_t j = memo_hash(p->memo[i].key) & (new_size - 1);
                    while (table[j].key != NULL) {
                        j = (j + 1) & (new_size - 1);
                    }
                    table[j] = p->memo[i];
                }
            }
            mem_free(p->memo);
        }
        p->memo = table;
        p->memo_mask = new_size - 1;
    }
    size_t i = memo_hash(obj) & p->memo_mask;
    while (p->memo[i].key != NULL) {
        i = (i + 1) & p->memo_mask;
    }
    p->memo[i].key = NEWREF(obj);
    p->memo[i].id = p->memo_used++;
    return write_op(p, OP_MEMOIZE);
}

static void pickler_release(Pickler *p) {
    if (p->memo != NULL) {
        for (size_t i = 0; i <= p->memo_mask; i++) {
            XDECREF(p->memo[i].key);
        }
        mem_free(p->memo);
    }
    if (p->buf != p->inline_buf) {
        mem_free(p->buf);
    }
}

/* ---------------------------------------------------------------- scalars */

static int save_int64(Pickler *p, int64_t v) {
    uint64_t zigzag = ((uint64_t)v << 1) ^ (uint64_t)(v >> 63);
    return write_op_varint(p, OP_INT, zigzag);
}

static int save_bigint(Pickler *p, Object *obj) {
    IntScratch scratch;
    mpz_srcptr z = int_mpz_view(obj, &scratch);
    if (mpz_fits_slong_p(z) && sizeof(long) == 8) {
        return save_int64(p, (int64_t)mpz_get_si(z));
    }
    size_t nbytes = (mpz_sizeinbase(z, 2) + 7) / 8;
    if (write_op_varint(p, OP_BIGINT, nbytes) < 0) {
        return -1;
    }
    char sign = mpz_sgn(z) < 0 ? 1 : 0;
    if (write_bytes(p, &sign, 1) < 0) {
        return -1;
    }
    if (p->len + nbytes > p->cap && pickler_grow(p, nbytes) < 0) {
        return -1;
    }
    size_t count = 0;
    mpz_export(p->buf + p->len, &count, -1, 1, 0, 0, z);
    if (count < nbytes) {
        memset(p->buf + p->len + count, 0, nbytes - count);
    }
    p->len += nbytes;
    return 0;
}

static int save_float(Pickler *p, double d) {
    uint64_t bits;
    memcpy(&bits, &d, 8);
    unsigned char out[9];
    out[0] = OP_FLOAT;
    for (int i = 0; i < 8; i++) {
        out[1 + i] = (unsigned char)(bits >> (8 * i));
    }
    return write_bytes(p, out, 9);
}

static int save_data(Pickler *p, int op, const char *data, size_t size) {
    if (write_op_varint(p, op, size) < 0) {
        return -1;
    }
    return write_bytes(p, data, size);
}

/* ---------------------------------------------------------------- containers */

/* After the items of a tuple or frozenset were written: if saving them memoized obj (it is
 * reachable from its own items), drop the items and fetch that copy. 1 when done so. */
static int fetch_if_memoized(Pickler *p, Object *obj, size_t nitems) {
    size_t id = memo_find(p, obj);
    if (id == SIZE_MAX) {
        return 0;
    }
    if ((nitems > 0 && write_op_varint(p, OP_POP, nitems) < 0) ||
        write_op_varint(p, OP_GET, id) < 0) {
        return -1;
    }
    return 1;
}

static int save_tuple(Pickler *p, Object *obj, bool may_share) {
    size_t n = tuple_size(obj);
    if (n == 0) {
        return write_op(p, OP_EMPTY_TUPLE);
    }
    for (size_t i = 0; i < n; i++) {
        if (save(p, tuple_get(obj, i)) < 0) {
            return -1;
        }
    }
    int done = may_share ? fetch_if_memoized(p, obj, n) : 0;
    if (done != 0) {
        return done < 0 ? -1 : 0;
    }
    if (write_op_varint(p, OP_TUPLE, n) < 0) {
        return -1;
    }
    return may_share ? memoize(p, obj) : 0;
}

/* Append the items of a list (by index, as it may change while user code runs). */
static int save_list_items(Pickler *p, Object *list) {
    size_t batch = 0;
    for (size_t i = 0; i < list_size(list); i++) {
        Object *item = NEWREF(list_get(list, i));
        int r = save(p, item);
        DECREF(item);
        if (r < 0) {
            return -1;
        }
        if (++batch == PICKLE_BATCH) {
            if (write_op_varint(p, OP_APPENDS, batch) < 0) {
                return -1;
            }
            batch = 0;
        }
    }
    return batch > 0 ? write_op_varint(p, OP_APPENDS, batch) : 0;
}

/* Store the items of a dict (as key/value pairs). */
static int save_dict_items(Pickler *p, Object *dict) {
    size_t size = dict_size(dict), pos = 0, batch = 0;
    Object *k, *v;
    while (dict_next(dict, &pos, &k, &v)) {
        INCREF(k);
        INCREF(v);
        int r = save(p, k) < 0 || save(p, v) < 0 ? -1 : 0;
        DECREF(k);
        DECREF(v);
        if (r < 0) {
            return -1;
        }
        if (dict_size(dict) != size) {
            err_set_string(&ExcRuntimeError, "dictionary changed size during iteration");
            return -1;
        }
        if (++batch == PICKLE_BATCH) {
            if (write_op_varint(p, OP_SETITEMS, batch) < 0) {
                return -1;
            }
            batch = 0;
        }
    }
    return batch > 0 ? write_op_varint(p, OP_SETITEMS, batch) : 0;
}

/* Write the items of a set or frozenset, with opcode `op` every `batch_size` items. */
static int save_set_items(Pickler *p, Object *set, int op, size_t batch_size, size_t *count) {
    size_t size = set_size(set), pos = 0, batch = 0;
    Object *k;
    *count = 0;
    while (set_next(set, &pos, &k)) {
        INCREF(k);
        int r = save(p, k);
        DECREF(k);
        if (r < 0) {
            return -1;
        }
        if (set_size(set) != size) {
            err_set_string(&ExcRuntimeError, "Set changed size during iteration");
            return -1;
        }
        (*count)++;
        if (++batch == batch_size) {
            if (write_op_varint(p, op, batch) < 0) {
                return -1;
            }
            batch = 0;
        }
    }
    return batch > 0 && op == OP_ADDITEMS ? write_op_varint(p, op, batch) : 0;
}

static int save_frozenset(Pickler *p, Object *obj, bool may_share) {
    size_t count;
    if (save_set_items(p, obj, OP_FROZENSET, SIZE_MAX, &count) < 0) {
        return -1;
    }
    int done = may_share ? fetch_if_memoized(p, obj, count) : 0;
    if (done != 0) {
        return done < 0 ? -1 : 0;
    }
    if (write_op_varint(p, OP_FROZENSET, count) < 0) {
        return -1;
    }
    return may_share ? memoize(p, obj) : 0;
}

/* Items from an iterator (the 4th/5th elements of a __reduce__ value): APPENDS, or
 * SETITEMS of (key, value) 2-tuples when `pairs`. */
static int save_iterator_items(Pickler *p, Object *iter, bool pairs) {
    size_t batch = 0;
    for (;;) {
        Object *item = obj_next(iter);
        if (item == NULL) {
            if (err_occurred()) {
                return -1;
            }
            break;
        }
        int r;
        if (pairs) {
            if (!tuple_check(item) || tuple_size(item) != 2) {
                DECREF(item);
                err_set_string(&ExcTypeError, "dict items iterator must return 2-tuples");
                return -1;
            }
            r = save(p, tuple_get(item, 0)) < 0 || save(p, tuple_get(item, 1)) < 0 ? -1 : 0;
        } else {
            r = save(p, item);
        }
        DECREF(item);
        if (r < 0) {
            return -1;
        }
        if (++batch == PICKLE_BATCH) {
            if (write_op_varint(p, pairs ? OP_SETITEMS : OP_APPENDS, batch) < 0) {
                return -1;
            }
            batch = 0;
        }
    }
    return batch > 0 ? write_op_varint(p, pairs ? OP_SETITEMS : OP_APPENDS, batch) : 0;
}

/* ---------------------------------------------------------------- globals */

/* Write obj as a reference to module.qualname, after checking (as CPython does) that importing
 * the module and looking the name up gives obj back. Borrows everything. */
static int save_global_named(Pickler *p, Object *obj, Object *module_name, Object *qualname) {
    /* A name with a <locals> part cannot be looked up at all. */
    const char *s = str_utf8(qualname);
    size_t size = str_size(qualname);
    for (size_t start = 0; start <= size;) {
        const char *dot = memchr(s + start, '.', size - start);
        size_t end = dot != NULL ? (size_t)(dot - s) : size;
        if (end - start == 8 && memcmp(s + start, "<locals>", 8) == 0) {
            err_format(&ExcAttributeError, "Can't pickle local object %R", qualname);
            return -1;
        }
        start = end + 1;
    }
    Object *module = import_module(module_name);
    if (module == NULL) {
        err_clear();
        err_format(p->error_type, "Can't pickle %R: import of module %R failed", obj,
                   module_name);
        return -1;
    }
    Object *found = deep_getattr(module, qualname);
    DECREF(module);
    if (found == NULL) {
        err_clear();
        err_format(p->error_type, "Can't pickle %R: attribute lookup %S on %S failed", obj,
                   qualname, module_name);
        return -1;
    }
    DECREF(found);
    if (found != obj) {
        err_format(p->error_type, "Can't pickle %R: it's not the same object as %S.%S", obj,
                   module_name, qualname);
        return -1;
    }
    if (save(p, module_name) < 0 || save(p, qualname) < 0 || write_op(p, OP_GLOBAL) < 0) {
        return -1;
    }
    return obj->refcount > 1 ? memoize(p, obj) : 0;
}

/* Write a class or function by its __module__ and __qualname__ (or `name`, when given). */
static int save_global(Pickler *p, Object *obj, Object *name) {
    Object *qualname = NULL, *module_name = NULL;
    if (name != NULL) {
        qualname = NEWREF(name);
    } else {
        if (obj_lookup_attr(obj, names.qualname, &qualname) < 0) {
            return -1;
        }
        if (qualname == NULL && (qualname = obj_getattr(obj, names.name)) == NULL) {
            return -1;
        }
    }
    if (!str_check(qualname)) {
        err_format(&ExcTypeError, "attribute name must be string, not '%.200s'",
                   obj_type_name(qualname));
        DECREF(qualname);
        return -1;
    }
    if (obj_lookup_attr(obj, names.module, &module_name) < 0) {
        DECREF(qualname);
        return -1;
    }
    if (module_name == NULL || !str_check(module_name)) {
        XDECREF(module_name);
        module_name = str_from_cstr("__main__");
        if (module_name == NULL) {
            DECREF(qualname);
            return -1;
        }
    }
    int r = save_global_named(p, obj, module_name, qualname);
    DECREF(qualname);
    DECREF(module_name);
    return r;
}

/* A native function: bound to a module (or nothing), it is a global of that module; bound
 * to another object (`[].append`), it is getattr(obj, name). */
static int save_native_function(Pickler *p, Object *obj);
/* A bound Python method: getattr(self, name). */
static int save_getattr_reduce(Pickler *p, Object *self, Object *name);

/* ---------------------------------------------------------------- reduce */

/* Write the value of a reduce: callable(*args), then items and state, as CPython's
 * save_reduce does. All borrowed; listitems/dictitems/state/setter may be NULL or None. */
static int save_reduce_parts(Pickler *p, Object *obj, Object *callable, Object *args,
                             Object *state, Object *listitems, Object *dictitems,
                             Object *setter, bool newobj) {
    if (save(p, callable) < 0 || save(p, args) < 0 ||
        write_op(p, newobj ? OP_NEWOBJ : OP_REDUCE) < 0) {
        return -1;
    }
    size_t id = obj != NULL ? memo_find(p, obj) : SIZE_MAX;
    if (id != SIZE_MAX) {
        /* obj was pickled while its arguments were: use that copy. */
        if (write_op_varint(p, OP_POP, 1) < 0 || write_op_varint(p, OP_GET, id) < 0) {
            return -1;
        }
    } else if (obj != NULL && (obj->refcount > 1 || (setter != NULL && setter != None))) {
        if (memoize(p, obj) < 0) {
            return -1;
        }
    }
    if (listitems != NULL && listitems != None) {
        int r = list_check(listitems) ? save_list_items(p, listitems)
                                      : save_iterator_items(p, listitems, false);
        if (r < 0) {
            return -1;
        }
    }
    if (dictitems != NULL && dictitems != None) {
        int r = dict_check(dictitems) ? save_dict_items(p, dictitems)
                                      : save_iterator_items(p, dictitems, true);
        if (r < 0) {
            return -1;
        }
    }
    if (state != NULL && state != None) {
        if (setter != NULL && setter != None) {
            /* setter(obj, state), then drop its result */
            if (save(p, setter) < 0 || write_op_varint(p, OP_GET, memo_find(p, obj)) < 0 ||
                save(p, state) < 0 || write_op_varint(p, OP_TUPLE, 2) < 0 ||
                write_op(p, OP_REDUCE) < 0 || write_op_varint(p, OP_POP, 1) < 0) {
                return -1;
            }
        } else if (save(p, state) < 0 || write_op(p, OP_BUILD) < 0) {
            return -1;
        }
    }
    return 0;
}

/* Check and write what __reduce__/__reduce_ex__ returned (borrowed). */
static int save_reduce_value(Pickler *p, Object *obj, Object *rv) {
    if (str_check(rv)) {
        return save_global(p, obj, rv);
    }
    if (!tuple_check(rv)) {
        err_format(p->error_type, "__reduce__ must return a string or tuple");
        return -1;
    }
    size_t n = tuple_size(rv);
    if (n < 2 || n > 6) {
        err_format(p->error_type, "tuple returned by __reduce__ must contain 2 through 6 elements");
        return -1;
    }
    Object *callable = tuple_get(rv, 0), *args = tuple_get(rv, 1);
    Object *state = n > 2 ? tuple_get(rv, 2) : NULL;
    Object *listitems = n > 3 ? tuple_get(rv, 3) : NULL;
    Object *dictitems = n > 4 ? tuple_get(rv, 4) : NULL;
    Object *setter = n > 5 ? tuple_get(rv, 5) : NULL;
    if (!obj_is_callable(callable)) {
        err_format(p->error_type, "first item of the tuple returned by __reduce__ must be callable");
        return -1;
    }
    if (!tuple_check(args)) {
        err_format(p->error_type, "second item of the tuple returned by __reduce__ must be a tuple");
        return -1;
    }
    if (listitems != NULL && listitems != None && obj_type(listitems)->iternext == NULL) {
        err_format(p->error_type,
                   "fourth element of the tuple returned by __reduce__ must be an iterator, not %s",
                   obj_type_name(listitems));
        return -1;
    }
    if (dictitems != NULL && dictitems != None && obj_type(dictitems)->iternext == NULL) {
        err_format(p->error_type,
                   "fifth element of the tuple returned by __reduce__ must be an iterator, not %s",
                   obj_type_name(dictitems));
        return -1;
    }
    if (setter != NULL && setter != None && !obj_is_callable(setter)) {
        err_format(p->error_type,
                   "sixth element of the tuple returned by __reduce__ must be a function, not %s",
                   obj_type_name(setter));
        return -1;
    }
    return save_reduce_parts(p, obj, callable, args, state, listitems, dictitems, setter, false);
}

/* Reduce with a freshly built (callable, args) where args is a new tuple (stolen). */
static int save_call(Pickler *p, Object *obj, Object *callable, Object *args, Object *state) {
    if (args == NULL) {
        return -1;
    }
    int r = save_reduce_parts(p, obj, callable, args, state, NULL, NULL, NULL, false);
    DECREF(args);
    return r;
}

static int save_getattr_reduce(Pickler *p, Object *self, Object *name) {
    Interpreter *interp = ts_current()->interp;
    Object *getattr_fn = interp != NULL && interp->builtins != NULL
                             ? dict_get_cstr(interp->builtins, "getattr")
                             : NULL;
    if (getattr_fn == NULL) {
        err_format(p->error_type, "builtins.getattr is missing");
        return -1;
    }
    return save_call(p, NULL, getattr_fn, tuple_pack(2, self, name), NULL);
}

static int save_native_function(Pickler *p, Object *obj) {
    NativeFunctionObject *f = (NativeFunctionObject *)obj;
    Object *name = str_intern_cstr(f->def->name);
    if (name == NULL) {
        return -1;
    }
    int r;
    if (f->self != NULL && !module_check(f->self)) {
        r = save_getattr_reduce(p, f->self, name);
    } else {
        Object *module_name = f->self != NULL ? dict_get_cstr(module_dict(f->self), "__name__")
                                              : NULL;
        if (module_name == NULL || !str_check(module_name)) {
            module_name = str_intern_cstr("builtins");
            if (module_name == NULL) {
                DECREF(name);
                return -1;
            }
        } else {
            INCREF(module_name);
        }
        r = save_global_named(p, obj, module_name, name);
        DECREF(module_name);
    }
    DECREF(name);
    return r;
}

/* The default reduction of an instance (what object.__reduce_ex__(2) and copyreg do):
 * cls.__new__(cls, *obj.__getnewargs__()), then the items of list and dict subclasses,
 * then the state (__getstate__() or the __dict__, when not empty). */
static int save_instance(Pickler *p, Object *obj, TypeObject *t) {
    TypeObject *native = native_base_of(t);
    if (native != &ObjectType && native != &ListType && native != &DictType &&
        native != &TupleType && native != &IntType && native != &FloatType &&
        native != &StrType && native != &BytesType && native != &SetType &&
        native != &FrozenSetType) {
        err_format(&ExcTypeError, "cannot pickle '%.200s' object", t->name);
        return -1;
    }
    Object *state = NULL;
    Object *getstate = custom_method(t, names.getstate);
    if (getstate != NULL) {
        state = obj_call_method(obj, "__getstate__", NULL, 0);
        if (state == NULL) {
            return -1;
        }
    } else {
        Object *d = instance_dict(obj);
        state = d != NULL && dict_size(d) > 0 ? NEWREF(d) : none_ref();
    }
    int r;
    if (native == &SetType || native == &FrozenSetType) {
        /* set.__reduce__: (cls, (list(self),), state) */
        Object *items = list_from_iterable(obj);
        Object *args = items != NULL ? tuple_pack(1, items) : NULL;
        XDECREF(items);
        r = save_call(p, obj, (Object *)t, args, state);
        DECREF(state);
        return r;
    }
    Object *args;
    if (custom_method(t, names.getnewargs) != NULL) {
        args = obj_call_method(obj, "__getnewargs__", NULL, 0);
        if (args != NULL && !tuple_check(args)) {
            err_format(&ExcTypeError, "__getnewargs__ should return a tuple, not '%.200s'",
                       obj_type_name(args));
            CLEAR(args);
        }
    } else if (native == &StrType) {
        Object *value = str_from_utf8(str_utf8(obj), str_size(obj));
        args = value != NULL ? tuple_pack(1, value) : NULL;
        XDECREF(value);
    } else if (native == &BytesType) {
        Object *value = bytes_from_data(bytes_data(obj), bytes_size(obj));
        args = value != NULL ? tuple_pack(1, value) : NULL;
        XDECREF(value);
    } else {
        args = tuple_new(0);
    }
    if (args == NULL) {
        DECREF(state);
        return -1;
    }
    r = save_reduce_parts(p, obj, (Object *)t, args, state, native == &ListType ? obj : NULL,
                          native == &DictType ? obj : NULL, NULL, true);
    DECREF(args);
    DECREF(state);
    return r;
}

/* BaseException.__reduce__: (type(self), self.args[, self.__dict__]). */
static int save_exception(Pickler *p, Object *obj, TypeObject *t) {
    Object *args = ((ExceptionObject *)obj)->args;
    Object *d = instance_dict(obj);
    Object *state = d != NULL && dict_size(d) > 0 ? d : NULL;
    if (args == NULL) {
        return save_call(p, obj, (Object *)t, tuple_new(0), state);
    }
    return save_reduce_parts(p, obj, (Object *)t, args, state, NULL, NULL, NULL, false);
}

/* Everything that is not a core type: classes, functions, reducible objects, instances. */
static int save_other(Pickler *p, Object *obj, TypeObject *t) {
    if (type_is_subtype(t, &TypeType)) {
        TypeObject *cls = (TypeObject *)obj;
        if (cls == &NoneType || cls == &EllipsisType || cls == &NotImplementedType) {
            Object *instance = cls == &NoneType ? None : cls == &EllipsisType ? Ellipsis
                                                                              : NotImplemented;
            return save_call(p, obj, (Object *)&TypeType, tuple_pack(1, instance), NULL);
        }
        return save_global(p, obj, NULL);
    }
    if (t == &FunctionType) {
        return save_global(p, obj, NULL);
    }
    if (t == &NativeFunctionType) {
        return save_native_function(p, obj);
    }
    if (t == &MethodType) {
        Object *name = obj_getattr(((MethodObject *)obj)->func, names.name);
        if (name == NULL) {
            return -1;
        }
        int r = save_getattr_reduce(p, ((MethodObject *)obj)->self, name);
        DECREF(name);
        return r;
    }
    if (obj == Ellipsis || obj == NotImplemented) {
        Object *module_name = str_intern_cstr("builtins");
        Object *name = str_intern_cstr(obj == Ellipsis ? "Ellipsis" : "NotImplemented");
        int r = module_name != NULL && name != NULL ? save_global_named(p, obj, module_name, name)
                                                    : -1;
        XDECREF(module_name);
        XDECREF(name);
        return r;
    }
    if (t == &RangeType) {
        RangeObject *r = (RangeObject *)obj;
        return save_call(p, obj, (Object *)&RangeType, tuple_pack(3, r->start, r->stop, r->step),
                         NULL);
    }
    if (t == &SliceType) {
        SliceObject *s = (SliceObject *)obj;
        return save_call(p, obj, (Object *)&SliceType, tuple_pack(3, s->start, s->stop, s->step),
                         NULL);
    }
    if (p->dispatch_table != NULL) {
        Object *reducer;
        int found = dict_lookup(p->dispatch_table, (Object *)t, &reducer);
        if (found < 0) {
            return -1;
        }
        if (found > 0) {
            Object *rv = obj_call1(reducer, obj);
            if (rv == NULL) {
                return -1;
            }
            int r = save_reduce_value(p, obj, rv);
            DECREF(rv);
            return r;
        }
    }
    Object *rv = NULL;
    if (custom_method(t, names.reduce_ex) != NULL) {
        Object *proto = small_int_make(PICKLE_DEFAULT_PROTOCOL);
        rv = obj_call_method(obj, "__reduce_ex__", &proto, 1);
    } else if (custom_method(t, names.reduce) != NULL) {
        rv = obj_call_method(obj, "__reduce__", NULL, 0);
    } else if (t->flags & TYPE_FLAG_EXCEPTION) {
        return save_exception(p, obj, t);
    } else {
        return save_instance(p, obj, t);
    }
    if (rv == NULL) {
        return -1;
    }
    int r = save_reduce_value(p, obj, rv);
    DECREF(rv);
    return r;
}

/* Write obj (borrowed). The hot path: scalars and exact core types first. */
static int save(Pickler *p, Object *obj) {
    if (is_small_int(obj)) {
        return save_int64(p, small_int_value(obj));
    }
    TypeObject *t = obj->type;
    if (obj == None) {
        return write_op(p, OP_NONE);
    }
    if (t == &BoolType) {
        return write_op(p, obj == True ? OP_TRUE : OP_FALSE);
    }
    if (t == &FloatType) {
        return save_float(p, float_value(obj));
    }
    bool may_share = obj->refcount > 1;
    if (may_share && p->memo != NULL) {
        size_t id = memo_find(p, obj);
        if (id != SIZE_MAX) {
            return write_op_varint(p, OP_GET, id);
        }
    }
    if (t == &StrType) {
        if (save_data(p, OP_STR, str_utf8(obj), str_size(obj)) < 0) {
            return -1;
        }
        return may_share ? memoize(p, obj) : 0;
    }
    if (t == &BytesType) {
        if (save_data(p, OP_BYTES, bytes_data(obj), bytes_size(obj)) < 0) {
            return -1;
        }
        return may_share ? memoize(p, obj) : 0;
    }
    if (t == &IntType) {
        return save_bigint(p, obj);
    }
    if (ts_enter_recursive(" while pickling an object") < 0) {
        return -1;
    }
    int r;
    if (t == &TupleType) {
        r = save_tuple(p, obj, may_share);
    } else if (t == &ListType) {
        r = write_op(p, OP_EMPTY_LIST);
        if (r == 0 && may_share) {
            r = memoize(p, obj);
        }
        if (r == 0) {
            r = save_list_items(p, obj);
        }
    } else if (t == &DictType) {
        r = write_op(p, OP_EMPTY_DICT);
        if (r == 0 && may_share) {
            r = memoize(p, obj);
        }
        if (r == 0) {
            r = save_dict_items(p, obj);
        }
    } else if (t == &SetType) {
        size_t count;
        r = write_op(p, OP_EMPTY_SET);
        if (r == 0 && may_share) {
            r = memoize(p, obj);
        }
        if (r == 0) {
            r = save_set_items(p, obj, OP_ADDITEMS, PICKLE_BATCH, &count);
        }
    } else if (t == &FrozenSetType) {
        r = save_frozenset(p, obj, may_share);
    } else {
        r = save_other(p, obj, t);
    }
    ts_leave_recursive();
    return r;
}

Object *pickle_dumps_value(Object *obj, TypeObject *error_type, Object *dispatch_table) {
    if (names_init() < 0) {
        return NULL;
    }
    Pickler p;
    p.buf = p.inline_buf;
    p.len = PICKLE_HEADER_MAX;
    p.cap = sizeof p.inline_buf;
    p.memo = NULL;
    p.memo_mask = 0;
    p.memo_used = 0;
    p.error_type = error_type != NULL ? error_type : &ExcValueError;
    p.dispatch_table = dispatch_table != NULL && dict_check(dispatch_table) ? dispatch_table
                                                                             : NULL;
    Object *result = NULL;
    if (save(&p, obj) == 0 && write_op(&p, OP_STOP) == 0) {
        /* The header goes right before the program, in the space reserved for it. */
        uint64_t n = p.len - PICKLE_HEADER_MAX;
        unsigned char varint[10];
        size_t k = 0;
        while (n >= 0x80) {
            varint[k++] = (unsigned char)(n | 0x80);
            n >>= 7;
        }
        varint[k++] = (unsigned char)n;
        size_t start = PICKLE_HEADER_MAX - 2 - k;
        p.buf[start] = (char)PICKLE_MAGIC;
        p.buf[start + 1] = PICKLE_VERSION;
        memcpy(p.buf + start + 2, varint, k);
        result = bytes_from_data(p.buf + start, p.len - start);
    }
    pickler_release(&p);
    return result;
}

/* ================================================================ the loader */

typedef struct Unpickler {
    const unsigned char *pos, *end;
    Object **stack; /* owned references */
    size_t sp, stack_cap;
    Object **memo; /* owned references */
    size_t memo_len, memo_cap;
    TypeObject *error_type; /* UnpicklingError */
    Object *find_class;     /* callable or NULL (borrowed) */
    Object *new_cls, *new_fn; /* NEWOBJ cache: cls.__new__ of the last class (owned) */
    Object *inline_stack[32];
} Unpickler;

static Object *load_error(Unpickler *u, const char *msg) {
    err_set_string(u->error_type, msg);
    return NULL;
}

static Object *truncated(Unpickler *u) { return load_error(u, "pickle data was truncated"); }

static int read_varint(Unpickler *u, uint64_t *out) {
    uint64_t v = 0;
    for (unsigned shift = 0; shift < 64; shift += 7) {
        if (u->pos >= u->end) {
            truncated(u);
            return -1;
        }
        unsigned char c = *u->pos++;
        v |= (uint64_t)(c & 0x7F) << shift;
        if (!(c & 0x80)) {
            *out = v;
            return 0;
        }
    }
    load_error(u, "invalid varint in pickle data");
    return -1;
}

/* A length operand that must not exceed `limit` (the bytes or stack items left). */
static int read_count(Unpickler *u, size_t limit, size_t *out, bool stack) {
    uint64_t v;
    if (read_varint(u, &v) < 0) {
        return -1;
    }
    if (v > limit) {
        if (stack) {
            load_error(u, "unpickling stack underflow");
        } else {
            truncated(u);
        }
        return -1;
    }
    *out = (size_t)v;
    return 0;
}

/* Push v (stolen; NULL means an error is pending: returns -1). */
static int push(Unpickler *u, Object *v) {
    if (v == NULL) {
        return -1;
    }
    if (u->sp == u->stack_cap) {
        size_t cap = u->stack_cap * 2;
        Object **ns;
        if (u->stack == u->inline_stack) {
            ns = mem_alloc_array(cap, sizeof(Object *));
            if (ns != NULL) {
                memcpy(ns, u->stack, u->sp * sizeof(Object *));
            }
        } else {
            ns = mem_realloc_array(u->stack, cap, sizeof(Object *));
        }
        if (ns == NULL) {
            DECREF(v);
            return -1;
        }
        u->stack = ns;
        u->stack_cap = cap;
    }
    u->stack[u->sp++] = v;
    return 0;
}

/* Drop the top n items. */
static void pop_n(Unpickler *u, size_t n) {
    while (n-- > 0) {
        DECREF(u->stack[--u->sp]);
    }
}

static int memo_put(Unpickler *u, Object *v) {
    if (u->memo_len == u->memo_cap) {
        size_t cap = u->memo_cap == 0 ? 32 : u->memo_cap * 2;
        Object **nm = mem_realloc_array(u->memo, cap, sizeof(Object *));
        if (nm == NULL) {
            return -1;
        }
        u->memo = nm;
        u->memo_cap = cap;
    }
    u->memo[u->memo_len++] = NEWREF(v);
    return 0;
}

/* The global module.name: find_class(module, name) or an import and a lookup. */
static Object *find_global(Unpickler *u, Object *module_name, Object *name) {
    if (u->find_class != NULL) {
        Object *args[2] = {module_name, name};
        return obj_call(u->find_class, args, 2, NULL);
    }
    Object *module = import_module(module_name);
    if (module == NULL) {
        return NULL;
    }
    Object *v = deep_getattr(module, name);
    if (v == NULL && err_matches(&ExcAttributeError)) {
        err_clear();
        err_format(&ExcAttributeError, "Can't get attribute %R on %R", name, module);
    }
    DECREF(module);
    return v;
}

/* cls.__new__(cls, *args), caching the __new__ of the last class seen. */
static Object *load_newobj(Unpickler *u, Object *cls, Object *args) {
    if (!type_is_subtype(obj_type(cls), &TypeType)) {
        return load_error(u, "NEWOBJ class argument isn't a type object");
    }
    if (cls != u->new_cls) {
        Object *fn = obj_getattr(cls, names.new_);
        if (fn == NULL) {
            return NULL;
        }
        XDECREF(u->new_fn);
        XDECREF(u->new_cls);
        u->new_fn = fn;
        u->new_cls = NEWREF(cls);
    }
    size_t n = tuple_size(args);
    Object *small[8];
    Object **argv = n + 1 <= 8 ? small : mem_alloc_array(n + 1, sizeof(Object *));
    if (argv == NULL) {
        return NULL;
    }
    argv[0] = cls;
    for (size_t i = 0; i < n; i++) {
        argv[i + 1] = tuple_get(args, i);
    }
    Object *r = obj_call(u->new_fn, argv, n + 1, NULL);
    if (argv != small) {
        mem_free(argv);
    }
    return r;
}

/* BUILD: apply state to inst (both borrowed): inst.__setstate__(state), or update its
 * __dict__ (and set the attributes of a (dict, slots) pair's second half). */
static int load_build(Unpickler *u, Object *inst, Object *state) {
    /* CPython looks __setstate__ up on the instance; gilpy looks at its class only, which
     * avoids making (and dropping) an AttributeError for every instance without one. */
    if (custom_method(obj_type(inst), names.setstate) != NULL) {
        Object *r = obj_call_method(inst, "__setstate__", &state, 1);
        if (r == NULL) {
            return -1;
        }
        DECREF(r);
        return 0;
    }
    Object *slotstate = NULL;
    if (tuple_check(state) && tuple_size(state) == 2) {
        slotstate = tuple_get(state, 1);
        state = tuple_get(state, 0);
    }
    if (state != None) {
        if (!dict_check(state)) {
            load_error(u, "state is not a dictionary");
            return -1;
        }
        if (type_is_subtype(obj_type(inst), &TypeType)) {
            /* A class's __dict__ is read-only in CPython (a mappingproxy). */
            err_set_string(&ExcTypeError, "'mappingproxy' object does not support item assignment");
            return -1;
        }
        Object *d = instance_dict(inst);
        if (d == NULL) {
            d = obj_getattr_cstr(inst, "__dict__");
            if (d == NULL) {
                return -1;
            }
            DECREF(d); /* the instance keeps it */
        }
        if (!dict_check(d)) {
            load_error(u, "__dict__ is not a dictionary");
            return -1;
        }
        size_t pos = 0;
        Object *k, *v;
        while (dict_next(state, &pos, &k, &v)) {
            if (str_check(k) && obj_type(k) == &StrType && !((StrObject *)k)->interned) {
                Object *key = NEWREF(k);
                str_intern_in_place(&key);
                int r = dict_set(d, key, v);
                DECREF(key);
                if (r < 0) {
                    return -1;
                }
            } else if (dict_set(d, k, v) < 0) {
                return -1;
            }
        }
    }
    if (slotstate != NULL && slotstate != None) {
        if (!dict_check(slotstate)) {
            load_error(u, "slot state is not a dictionary");
            return -1;
        }
        size_t pos = 0;
        Object *k, *v;
        while (dict_next(slotstate, &pos, &k, &v)) {
            if (obj_setattr(inst, k, v) < 0) {
                return -1;
            }
        }
    }
    return 0;
}

/* Add the top n items to the container below them (list.append/extend, set.add...). */
static int load_add_items(Unpickler *u, int op, size_t n) {
    size_t per = op == OP_SETITEMS ? 2 : 1;
    if (u->sp < n * per + 1) {
        load_error(u, "unpickling stack underflow");
        return -1;
    }
    Object *target = u->stack[u->sp - n * per - 1];
    Object **items = u->stack + u->sp - n * per;
    int r = 0;
    TypeObject *t = obj_type(target);
    for (size_t i = 0; i < n && r == 0; i++) {
        if (op == OP_APPENDS) {
            if (t == &ListType) {
                r = list_append(target, items[i]);
            } else {
                Object *res = obj_call_method(target, "append", &items[i], 1);
                r = res != NULL ? 0 : -1;
                XDECREF(res);
            }
        } else if (op == OP_SETITEMS) {
            r = t == &DictType ? dict_set(target, items[2 * i], items[2 * i + 1])
                               : obj_setitem(target, items[2 * i], items[2 * i + 1]);
        } else if (t == &SetType) {
            r = set_add(target, items[i]);
        } else {
            Object *res = obj_call_method(target, "add", &items[i], 1);
            r = res != NULL ? 0 : -1;
            XDECREF(res);
        }
    }
    pop_n(u, n * per);
    return r;
}

/* Run the program; returns the result (new reference) or NULL. */
static Object *load_run(Unpickler *u) {
    for (;;) {
        if (u->pos >= u->end) {
            return truncated(u);
        }
        int op = *u->pos++;
        size_t n;
        switch (op) {
        case OP_NONE:
            if (push(u, none_ref()) < 0) {
                return NULL;
            }
            break;
        case OP_TRUE:
        case OP_FALSE:
            if (push(u, bool_from(op == OP_TRUE)) < 0) {
                return NULL;
            }
            break;
        case OP_INT: {
            uint64_t z;
            if (read_varint(u, &z) < 0) {
                return NULL;
            }
            int64_t v = (int64_t)(z >> 1) ^ -(int64_t)(z & 1);
            Object *obj = small_int_fits((intptr_t)v) && (int64_t)(intptr_t)v == v
                              ? small_int_make((intptr_t)v)
                              : int_from_i64(v);
            if (push(u, obj) < 0) {
                return NULL;
            }
            break;
        }
        case OP_BIGINT: {
            if (read_count(u, (size_t)(u->end - u->pos), &n, false) < 0) {
                return NULL;
            }
            if ((size_t)(u->end - u->pos) < n + 1) {
                return truncated(u);
            }
            int negative = *u->pos++;
            mpz_t z;
            mpz_init(z);
            mpz_import(z, n, -1, 1, 0, 0, u->pos);
            u->pos += n;
            if (negative) {
                mpz_neg(z, z);
            }
            if (push(u, int_from_mpz_steal(z)) < 0) {
                return NULL;
            }
            break;
        }
        case OP_FLOAT: {
            if (u->end - u->pos < 8) {
                return truncated(u);
            }
            uint64_t bits = 0;
            for (int i = 0; i < 8; i++) {
                bits |= (uint64_t)u->pos[i] << (8 * i);
            }
            u->pos += 8;
            double d;
            memcpy(&d, &bits, 8);
            if (push(u, float_new(d)) < 0) {
                return NULL;
            }
            break;
        }
        case OP_STR:
        case OP_BYTES: {
            if (read_count(u, (size_t)(u->end - u->pos), &n, false) < 0) {
                return NULL;
            }
            const char *data = (const char *)u->pos;
            u->pos += n;
            if (push(u, op == OP_STR ? str_decode_utf8(data, n) : bytes_from_data(data, n)) < 0) {
                return NULL;
            }
            break;
        }
        case OP_EMPTY_TUPLE:
            if (push(u, tuple_new(0)) < 0) {
                return NULL;
            }
            break;
        case OP_TUPLE:
        case OP_FROZENSET: {
            if (read_count(u, u->sp, &n, true) < 0) {
                return NULL;
            }
            Object *t = tuple_new(n);
            if (t == NULL) {
                return NULL;
            }
            for (size_t i = 0; i < n; i++) {
                tuple_init_item(t, i, u->stack[u->sp - n + i]);
            }
            u->sp -= n;
            if (op == OP_FROZENSET) {
                Object *fs = frozenset_new(t);
                DECREF(t);
                t = fs;
            }
            if (push(u, t) < 0) {
                return NULL;
            }
            break;
        }
        case OP_EMPTY_LIST:
            if (push(u, list_new(0)) < 0) {
                return NULL;
            }
            break;
        case OP_EMPTY_DICT:
            if (push(u, dict_new()) < 0) {
                return NULL;
            }
            break;
        case OP_EMPTY_SET:
            if (push(u, set_new(NULL)) < 0) {
                return NULL;
            }
            break;
        case OP_APPENDS:
        case OP_SETITEMS:
        case OP_ADDITEMS:
            if (read_count(u, u->sp, &n, true) < 0 || load_add_items(u, op, n) < 0) {
                return NULL;
            }
            break;
        case OP_MEMOIZE:
            if (u->sp == 0) {
                return load_error(u, "unpickling stack underflow");
            }
            if (memo_put(u, u->stack[u->sp - 1]) < 0) {
                return NULL;
            }
            break;
        case OP_GET: {
            uint64_t id;
            if (read_varint(u, &id) < 0) {
                return NULL;
            }
            if (id >= u->memo_len) {
                err_format(u->error_type, "Memo value not found at index %llu",
                           (unsigned long long)id);
                return NULL;
            }
            if (push(u, NEWREF(u->memo[id])) < 0) {
                return NULL;
            }
            break;
        }
        case OP_POP:
            if (read_count(u, u->sp, &n, true) < 0) {
                return NULL;
            }
            pop_n(u, n);
            break;
        case OP_GLOBAL:
        case OP_REDUCE:
        case OP_NEWOBJ:
        case OP_BUILD: {
            if (u->sp < 2) {
                return load_error(u, "unpickling stack underflow");
            }
            Object *a = u->stack[u->sp - 2], *b = u->stack[u->sp - 1];
            Object *r = NULL;
            if (op == OP_GLOBAL) {
                if (!str_check(a) || !str_check(b)) {
                    return load_error(u, "global name and module must be strings");
                }
                r = find_global(u, a, b);
            } else if (op == OP_BUILD) {
                if (load_build(u, a, b) < 0) {
                    return NULL;
                }
                pop_n(u, 1);
                break;
            } else if (!tuple_check(b)) {
                return load_error(u, "arguments of a call must be a tuple");
            } else if (op == OP_REDUCE) {
                r = obj_call(a, ((TupleObject *)b)->items, tuple_size(b), NULL);
            } else {
                r = load_newobj(u, a, b);
            }
            if (r == NULL) {
                return NULL;
            }
            pop_n(u, 2);
            if (push(u, r) < 0) {
                return NULL;
            }
            break;
        }
        case OP_STOP:
            if (u->sp == 0) {
                return load_error(u, "unpickling stack underflow");
            }
            return NEWREF(u->stack[u->sp - 1]);
        default:
            if (op >= 0x20 && op < 0x7F) {
                return err_format(u->error_type, "invalid load key, '%c'.", op);
            }
            return err_format(u->error_type, "invalid load key, '\\x%02x'.", op);
        }
    }
}

Object *pickle_loads_data(const char *data, size_t size, TypeObject *error_type,
                          Object *find_class) {
    if (names_init() < 0) {
        return NULL;
    }
    Unpickler u;
    u.error_type = error_type != NULL ? error_type : &ExcValueError;
    u.pos = (const unsigned char *)data;
    u.end = u.pos + size;
    if (size == 0) {
        err_set_string(&ExcEOFError, "Ran out of input");
        return NULL;
    }
    if (u.pos[0] != PICKLE_MAGIC) {
        int c = u.pos[0];
        if (c >= 0x20 && c < 0x7F) {
            return err_format(u.error_type, "invalid load key, '%c'.", c);
        }
        return err_format(u.error_type, "invalid load key, '\\x%02x'.", c);
    }
    if (size < 2) {
        return truncated(&u);
    }
    if (u.pos[1] != PICKLE_VERSION) {
        return err_format(u.error_type, "unsupported pickle protocol: %d", u.pos[1]);
    }
    u.pos += 2;
    uint64_t length;
    if (read_varint(&u, &length) < 0) {
        return NULL;
    }
    if (length > (uint64_t)(u.end - u.pos)) {
        return truncated(&u);
    }
    u.end = u.pos + length;
    u.stack = u.inline_stack;
    u.sp = 0;
    u.stack_cap = sizeof u.inline_stack / sizeof u.inline_stack[0];
    u.memo = NULL;
    u.memo_len = u.memo_cap = 0;
    u.find_class = find_class != NULL && find_class != None ? find_class : NULL;
    u.new_cls = u.new_fn = NULL;
    Object *result = load_run(&u);
    pop_n(&u, u.sp);
    if (u.stack != u.inline_stack) {
        mem_free(u.stack);
    }
    for (size_t i = 0; i < u.memo_len; i++) {
        DECREF(u.memo[i]);
    }
    mem_free(u.memo);
    XDECREF(u.new_cls);
    XDECREF(u.new_fn);
    return result;
}

/* ================================================================ the module */

/* The exception class `name` of the _pickle module `self` (borrowed; ValueError if gone). */
static TypeObject *module_error(Object *self, const char *name) {
    Object *cls = self != NULL && module_check(self) ? dict_get_cstr(module_dict(self), name)
                                                     : NULL;
    if (cls == NULL || !type_is_subtype(obj_type(cls), &TypeType)) {
        return &ExcValueError;
    }
    return (TypeObject *)cls;
}

/* protocol: None or an int <= 5 (ignored: gilpy has one format). */
static int check_protocol(Object *protocol) {
    if (protocol == NULL || protocol == None) {
        return 0;
    }
    if (!int_check(protocol)) {
        err_format(&ExcTypeError, "'%.200s' object cannot be interpreted as an integer",
                   obj_type_name(protocol));
        return -1;
    }
    if (int_compare(protocol, small_int_make(PICKLE_HIGHEST_PROTOCOL)) > 0) {
        err_format(&ExcValueError, "pickle protocol must be <= %d", PICKLE_HIGHEST_PROTOCOL);
        return -1;
    }
    return 0;
}

/* dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None, dispatch_table=None) */
static Object *pickle_dumps(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    static const char *const kwlist[] = {"obj", "protocol", "$fix_imports", "$buffer_callback",
                                         "$dispatch_table", NULL};
    Object *a[5] = {NULL, NULL, NULL, NULL, NULL};
    if (args_parse("dumps", args, nargs, kwnames, kwlist, 1, a) < 0 || check_protocol(a[1]) < 0) {
        return NULL;
    }
    Object *table = a[4] != NULL && a[4] != None ? a[4] : NULL;
    if (table == NULL && self != NULL && module_check(self)) {
        /* copyreg.dispatch_table, which pickle.py hands over as _pickle._dispatch_table */
        table = dict_get_cstr(module_dict(self), "_dispatch_table");
    }
    if (table != NULL && (!dict_check(table) || dict_size(table) == 0)) {
        table = NULL;
    }
    return pickle_dumps_value(a[0], module_error(self, "PicklingError"), table);
}

/* loads(data, /, *, fix_imports=True, encoding='ASCII', errors='strict', buffers=(),
 *       find_class=None) */
static Object *pickle_loads(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    static const char *const kwlist[] = {"data", "$fix_imports", "$encoding", "$errors",
                                         "$buffers", "$find_class", NULL};
    Object *a[6] = {NULL, NULL, NULL, NULL, NULL, NULL};
    if (args_parse("loads", args, nargs, kwnames, kwlist, 1, a) < 0) {
        return NULL;
    }
    if (!bytes_check(a[0])) {
        return err_format(&ExcTypeError, "a bytes-like object is required, not '%.200s'",
                          obj_type_name(a[0]));
    }
    return pickle_loads_data(bytes_data(a[0]), bytes_size(a[0]),
                             module_error(self, "UnpicklingError"), a[5]);
}

/* class `name`(base) in module _pickle, with a docstring. New reference. */
static Object *make_error_class(const char *name, Object *base, const char *doc) {
    Object *name_obj = str_from_cstr(name);
    Object *bases = tuple_pack(1, base);
    Object *ns = dict_new();
    Object *module = str_from_cstr("_pickle");
    Object *doc_obj = str_from_cstr(doc);
    Object *cls = NULL;
    if (name_obj != NULL && bases != NULL && ns != NULL && module != NULL && doc_obj != NULL &&
        dict_set_cstr(ns, "__module__", module) == 0 && dict_set_cstr(ns, "__doc__", doc_obj) == 0) {
        cls = class_new(&TypeType, name_obj, bases, ns, NULL, NULL);
    }
    XDECREF(name_obj);
    XDECREF(bases);
    XDECREF(ns);
    XDECREF(module);
    XDECREF(doc_obj);
    return cls;
}

static const MethodDef pickle_functions[] = {
    {"dumps", pickle_dumps, 0,
     "Return the pickled representation of the object as a bytes object."},
    {"loads", pickle_loads, 0,
     "Read and return an object from the given pickle data."},
    {NULL, NULL, 0, NULL},
};

Object *mod_pickle_init(void) {
    if (names_init() < 0) {
        return NULL;
    }
    Object *m = module_new("_pickle");
    if (m == NULL) {
        return NULL;
    }
    Object *base = make_error_class("PickleError", (Object *)&ExcException, "");
    Object *pickling = base != NULL ? make_error_class("PicklingError", base, "") : NULL;
    Object *unpickling = base != NULL ? make_error_class("UnpicklingError", base, "") : NULL;
    int ok = base != NULL && pickling != NULL && unpickling != NULL &&
             module_add_object(m, "PickleError", base) == 0 &&
             module_add_object(m, "PicklingError", pickling) == 0 &&
             module_add_object(m, "UnpicklingError", unpickling) == 0 &&
             module_add_functions(m, pickle_functions) == 0 &&
             module_add_int(m, "HIGHEST_PROTOCOL", PICKLE_HIGHEST_PROTOCOL) == 0 &&
             module_add_int(m, "DEFAULT_PROTOCOL", PICKLE_DEFAULT_PROTOCOL) == 0;
    XDECREF(base);
    XDECREF(pickling);
    XDECREF(unpickling);
    if (!ok) {
        DECREF(m);
        return NULL;
    }
    return m;
}
