/* object.c: the abstract object protocol (object.h): how any two values are
 * compared, added, hashed, printed, iterated and called, following CPython's
 * rules (reflected operands, NotImplemented, its error messages). Also the
 * allocation of objects, and the types of None, NotImplemented and Ellipsis. */
#include "object.h"

#include <stdio.h>
#include <string.h>

#include "errors.h"
#include "class.h"
#include "dict.h"
#include "attrcache.h"
#include "exceptions.h"
#include "int.h"
#include "iter.h"
#include "memory.h"
#include "slots.h"
#include "state.h"
#include "str.h"
#include "tuple.h"

#ifdef GILPY_DEBUG
bool (*obj_gil_check_hook)(void);
#endif

const char *const binary_op_symbol[BINOP_COUNT] = {
#define X(name, sym, dunder, rdunder, idunder) sym,
    BINARY_OP_LIST(X)
#undef X
};

const char *const compare_op_symbol[CMP_COUNT] = {"<", "<=", "==", "!=", ">", ">="};

/* The operator with its operands swapped: a < b is b > a. */
static const CompareOp swapped_compare[CMP_COUNT] = {CMP_GT, CMP_GE, CMP_EQ, CMP_NE, CMP_LT, CMP_LE};

/* ================================================================ allocation */

/* All tracked containers, for the cycle collector (runtime/gc.c). Runtime-wide
 * and protected by the GIL, like every refcount. gc_tracked_head is the list's
 * sentinel; an untracked object has next == NULL. */
GCHeader gc_tracked_head = {&gc_tracked_head, &gc_tracked_head, 0, 0};
size_t gc_allocations_since_collect;
size_t gc_collect_threshold = 700;
bool gc_collect_due;

void gc_track(Object *v) {
    GCHeader *gc = (GCHeader *)v - 1;
    if (gc->next != NULL) {
        return;
    }
    gc->next = &gc_tracked_head;
    gc->prev = gc_tracked_head.prev;
    gc_tracked_head.prev->next = gc;
    gc_tracked_head.prev = gc;
}

void gc_untrack(Object *v) {
    GCHeader *gc = (GCHeader *)v - 1;
    if (gc->next == NULL) {
        return;
    }
    gc->prev->next = gc->next;
    gc->next->prev = gc->prev;
    gc->next = gc->prev = NULL;
}

Object *obj_alloc(TypeObject *type, size_t size) {
    Object *v;
    if (type->flags & TYPE_FLAG_GC) {
        GCHeader *gc = mem_alloc(sizeof(GCHeader) + size);
        if (gc == NULL) {
            return NULL;
        }
        v = (Object *)(gc + 1);
        v->type = type;
        gc_track(v);
        /* Collection happens at the VM's next safe point, never here:
         * the caller may be half-way through building something. */
        if (++gc_allocations_since_collect > gc_collect_threshold) {
            gc_collect_due = true;
        }
    } else {
        v = mem_alloc(size);
        if (v == NULL) {
            return NULL;
        }
    }
    v->refcount = 1;
    v->type = type;
    if (type->flags & TYPE_FLAG_HEAPTYPE) {
        INCREF((Object *)type);
    }
    return v;
}

void obj_free(Object *v) {
    TypeObject *type = v->type;
    if (type->flags & TYPE_FLAG_GC) {
        gc_untrack(v);
        mem_free((GCHeader *)v - 1);
    } else {
        mem_free(v);
    }
    if (type->flags & TYPE_FLAG_HEAPTYPE) {
        DECREF((Object *)type);
    }
}

void obj_dealloc(Object *v) {
    TypeObject *type = v->type;
    if (type->dealloc != NULL) {
        type->dealloc(v);
    } else {
        obj_free(v);
    }
}

void (*obj_unraisable_hook)(Object *obj);

void obj_report_unraisable(Object *obj) {
    if (obj_unraisable_hook != NULL) {
        obj_unraisable_hook(obj);
    }
    err_clear();
}

/* ================================================================ repr and str */

Object *obj_default_repr(Object *v) {
    TypeObject *t = obj_type(v);
    if (t->module_name != NULL && !str_equal_cstr(t->module_name, "builtins")) {
        return str_from_format("<%U.%U object at %p>", t->module_name, t->qualname, (void *)v);
    }
    return str_from_format("<%s object at %p>", t->name, (void *)v);
}

Object *obj_repr(Object *v) {
    TypeObject *t = obj_type(v);
    if (t->repr == NULL) {
        return obj_default_repr(v);
    }
    if (ts_enter_recursive(" while getting the repr of an object") < 0) {
        return NULL;
    }
    Object *r = t->repr(v);
    ts_leave_recursive();
    if (r != NULL && !str_check(r)) {
        err_format(&ExcTypeError, "__repr__ returned non-string (type %.200s)", obj_type_name(r));
        DECREF(r);
        return NULL;
    }
    return r;
}

Object *obj_str(Object *v) {
    TypeObject *t = obj_type(v);
    if (t == &StrType) {
        return NEWREF(v);
    }
    if (t->str == NULL) {
        return obj_repr(v);
    }
    if (ts_enter_recursive(" while getting the str of an object") < 0) {
        return NULL;
    }
    Object *r = t->str(v);
    ts_leave_recursive();
    if (r != NULL && !str_check(r)) {
        err_format(&ExcTypeError, "__str__ returned non-string (type %.200s)", obj_type_name(r));
        DECREF(r);
        return NULL;
    }
    return r;
}

/* ascii(v): repr with every non-ASCII code point escaped. */
Object *obj_ascii(Object *v) {
    Object *r = obj_repr(v);
    if (r == NULL || ((StrObject *)r)->ascii) {
        return r;
    }
    StrBuilder sb;
    sb_init(&sb);
    size_t n = str_length(r);
    for (size_t i = 0; i < n; i++) {
        uint32_t cp = str_codepoint_at(r, i);
        if (cp < 128) {
            sb_append_char(&sb, (char)cp);
        } else if (cp < 0x100) {
            sb_appendf(&sb, "\\x%02x", cp);
        } else if (cp < 0x10000) {
            sb_appendf(&sb, "\\u%04x", cp);
        } else {
            sb_appendf(&sb, "\\U%08x", cp);
        }
    }
    DECREF(r);
    return sb_finish(&sb);
}

/* ================================================================ hashing */

intptr_t obj_hash(Object *v) {
    if (is_small_int(v)) {
        return int_hash(v);
    }
    TypeObject *t = v->type;
    if (t->hash == NULL) {
        err_format(&ExcTypeError, "unhashable type: '%.200s'", t->name);
        return -1;
    }
    return t->hash(v);
}

/* Identity hash for objects without a value-based one (object.__hash__):
 * the address rotated so the alignment zeros do not cluster buckets. */
static intptr_t identity_hash(Object *v) {
    uintptr_t y = (uintptr_t)v;
    y = (y >> 4) | (y << (8 * sizeof(uintptr_t) - 4));
    intptr_t h = (intptr_t)y;
    return h == -1 ? -2 : h;
}

/* ================================================================ comparison */

static bool type_overrides_compare(TypeObject *sub, TypeObject *base) {
    return sub != base && sub->richcompare != NULL && type_is_subtype(sub, base) &&
           sub->richcompare != base->richcompare;
}

Object *obj_richcompare(Object *a, Object *b, CompareOp op) {
    if (is_small_int(a) && is_small_int(b)) {
        intptr_t x = small_int_value(a), y = small_int_value(b);
        bool r = false;
        switch (op) {
        case CMP_LT: r = x < y; break;
        case CMP_LE: r = x <= y; break;
        case CMP_EQ: r = x == y; break;
        case CMP_NE: r = x != y; break;
        case CMP_GT: r = x > y; break;
        case CMP_GE: r = x >= y; break;
        default: break;
        }
        return bool_from(r);
    }
    TypeObject *ta = obj_type(a), *tb = obj_type(b);
    if (ts_enter_recursive(" in comparison") < 0) {
        return NULL;
    }
    Object *r;
    bool tried_reflected = false;
    /* A subclass's reflected method gets the first chance, as in CPython. */
    if (ta != tb && type_overrides_compare(tb, ta)) {
        tried_reflected = true;
        r = tb->richcompare(b, a, swapped_compare[op]);
        if (r != NotImplemented) {
            goto done;
        }
        DECREF(r);
    }
    if (ta->richcompare != NULL) {
        r = ta->richcompare(a, b, op);
        if (r != NotImplemented) {
            goto done;
        }
        DECREF(r);
    }
    if (!tried_reflected && tb->richcompare != NULL) {
        r = tb->richcompare(b, a, swapped_compare[op]);
        if (r != NotImplemented) {
            goto done;
        }
        DECREF(r);
    }
    /* Neither side knows: == and != fall back to identity. */
    switch (op) {
    case CMP_EQ:
        r = bool_from(a == b);
        break;
    case CMP_NE:
        r = bool_from(a != b);
        break;
    default:
        r = err_format(&ExcTypeError, "'%s' not supported between instances of '%.100s' and '%.100s'",
                       compare_op_symbol[op], ta->name, tb->name);
        break;
    }
done:
    ts_leave_recursive();
    return r;
}

int obj_richcompare_bool(Object *a, Object *b, CompareOp op) {
    /* Identity implies equality for containers' purposes (CPython does the same). */
    if (a == b) {
        if (op == CMP_EQ) {
            return 1;
        }
        if (op == CMP_NE) {
            return 0;
        }
    }
    Object *r = obj_richcompare(a, b, op);
    if (r == NULL) {
        return -1;
    }
    int truth;
    if (r == True) {
        truth = 1;
    } else if (r == False) {
        truth = 0;
    } else {
        truth = obj_is_true(r);
    }
    DECREF(r);
    return truth;
}

/* ================================================================ truth */

int obj_is_true(Object *v) {
    if (v == True) {
        return 1;
    }
    if (v == False || v == None) {
        return 0;
    }
    if (is_small_int(v)) {
        return small_int_value(v) != 0;
    }
    TypeObject *t = v->type;
    if (t->truth != NULL) {
        return t->truth(v);
    }
    if (t->len != NULL) {
        ssize_t n = t->len(v);
        return n < 0 ? -1 : n > 0;
    }
    return 1;
}

/* ================================================================ arithmetic */

/* Try a's slot, then b's reflected slot (b first when b's type is a subclass
 * of a's that overrides it). Returns NotImplemented if neither applies. */
static Object *binary_dispatch(Object *a, Object *b, BinaryOp op) {
    TypeObject *ta = obj_type(a), *tb = obj_type(b);
    Object *(*slot_a)(Object *, Object *, BinaryOp) = ta->binary_op;
    Object *(*slot_b)(Object *, Object *, BinaryOp) = tb->binary_op;
    if (slot_b == slot_a) {
        slot_b = NULL;
    }
    Object *r;
    if (slot_a != NULL) {
        if (slot_b != NULL && type_is_subtype(tb, ta)) {
            r = slot_b(a, b, op);
            if (r != NotImplemented) {
                return r;
            }
            DECREF(r);
            slot_b = NULL;
        }
        r = slot_a(a, b, op);
        if (r != NotImplemented) {
            return r;
        }
        DECREF(r);
    }
    if (slot_b != NULL) {
        return slot_b(a, b, op);
    }
    return NEWREF(NotImplemented);
}

static Object *binary_type_error(Object *a, Object *b, BinaryOp op, bool inplace) {
    if (op == BINOP_POW) {
        return err_format(&ExcTypeError, "unsupported operand type(s) for %s: '%.100s' and '%.100s'",
                          inplace ? "**=" : "** or pow()", obj_type_name(a), obj_type_name(b));
    }
    return err_format(&ExcTypeError, "unsupported operand type(s) for %s%s: '%.100s' and '%.100s'",
                      binary_op_symbol[op], inplace ? "=" : "", obj_type_name(a),
                      obj_type_name(b));
}

Object *obj_binary_op(Object *a, Object *b, BinaryOp op) {
    Object *r = binary_dispatch(a, b, op);
    if (r == NotImplemented) {
        DECREF(r);
        return binary_type_error(a, b, op, false);
    }
    return r;
}

Object *obj_inplace_op(Object *a, Object *b, BinaryOp op) {
    TypeObject *ta = obj_type(a);
    if (ta->inplace_op != NULL) {
        Object *r = ta->inplace_op(a, b, op);
        if (r != NotImplemented) {
            return r;
        }
        DECREF(r);
    }
    Object *r = binary_dispatch(a, b, op);
    if (r == NotImplemented) {
        DECREF(r);
        return binary_type_error(a, b, op, true);
    }
    return r;
}

Object *obj_unary_op(Object *a, UnaryOp op) {
    TypeObject *t = obj_type(a);
    if (t->unary_op != NULL) {
        Object *r = t->unary_op(a, op);
        if (r != NULL || err_occurred()) {
            return r;
        }
    }
    static const char *const names[] = {"unary -", "unary +", "unary ~", "abs()"};
    return err_format(&ExcTypeError, "bad operand type for %s: '%.200s'", names[op],
                      obj_type_name(a));
}

Object *obj_pow3(Object *base, Object *exp, Object *mod) {
    if (mod == None) {
        return obj_binary_op(base, exp, BINOP_POW);
    }
    TypeObject *t = obj_type(base);
    if (t->ternary_pow != NULL) {
        Object *r = t->ternary_pow(base, exp, mod);
        if (r != NotImplemented) {
            return r;
        }
        DECREF(r);
    }
    return err_format(&ExcTypeError,
                      "unsupported operand type(s) for ** or pow(): '%.100s', '%.100s', '%.100s'",
                      obj_type_name(base), obj_type_name(exp), obj_type_name(mod));
}

Object *obj_index(Object *v) {
    if (int_check(v)) {
        return NEWREF(v);
    }
    TypeObject *t = obj_type(v);
    if (t->index == NULL) {
        return err_format(&ExcTypeError, "'%.200s' object cannot be interpreted as an integer",
                          t->name);
    }
    Object *r = t->index(v);
    if (r != NULL && !int_check(r)) {
        err_format(&ExcTypeError, "__index__ returned non-int (type %.200s)", obj_type_name(r));
        DECREF(r);
        return NULL;
    }
    return r;
}

ssize_t obj_as_ssize(Object *v) {
    if (is_small_int(v)) {
        return (ssize_t)small_int_value(v);
    }
    Object *i = obj_index(v);
    if (i == NULL) {
        return -1;
    }
    ssize_t out;
    if (int_to_ssize(i, &out) < 0) {
        DECREF(i);
        if (err_matches(&ExcOverflowError)) {
            err_clear();
            err_format(&ExcOverflowError, "cannot fit '%.200s' into an index-sized integer",
                       obj_type_name(v));
        }
        return -1;
    }
    DECREF(i);
    return out;
}

/* ================================================================ containers */

ssize_t obj_len(Object *v) {
    TypeObject *t = obj_type(v);
    if (t->len == NULL) {
        err_format(&ExcTypeError, "object of type '%.200s' has no len()", t->name);
        return -1;
    }
    return t->len(v);
}

Object *obj_getitem(Object *v, Object *key) {
    TypeObject *t = obj_type(v);
    if (t->getitem == NULL) {
        if (t == &TypeType) {
            return err_format(&ExcTypeError, "type '%.200s' is not subscriptable",
                              ((TypeObject *)v)->name);
        }
        return err_format(&ExcTypeError, "'%.200s' object is not subscriptable", t->name);
    }
    return t->getitem(v, key);
}

int obj_setitem(Object *v, Object *key, Object *value) {
    TypeObject *t = obj_type(v);
    if (t->setitem == NULL) {
        err_format(&ExcTypeError, "'%.200s' object does not support item assignment", t->name);
        return -1;
    }
    return t->setitem(v, key, value);
}

int obj_delitem(Object *v, Object *key) {
    TypeObject *t = obj_type(v);
    if (t->setitem == NULL) {
        err_format(&ExcTypeError, "'%.200s' object doesn't support item deletion", t->name);
        return -1;
    }
    return t->setitem(v, key, NULL);
}

int obj_contains(Object *container, Object *item) {
    TypeObject *t = obj_type(container);
    if (t->contains != NULL) {
        return t->contains(container, item);
    }
    if (t->iter == NULL && t->getitem == NULL) {
        err_format(&ExcTypeError, "argument of type '%.200s' is not iterable", t->name);
        return -1;
    }
    Object *it = obj_iter(container);
    if (it == NULL) {
        return -1;
    }
    int found = 0;
    Object *x;
    while ((x = obj_next(it)) != NULL) {
        found = obj_richcompare_bool(x, item, CMP_EQ);
        DECREF(x);
        if (found != 0) {
            break;
        }
    }
    DECREF(it);
    if (found == 0 && err_occurred()) {
        return -1;
    }
    return found;
}

Object *obj_iter(Object *v) {
    TypeObject *t = obj_type(v);
    if (t->iter != NULL) {
        Object *it = t->iter(v);
        if (it != NULL && obj_type(it)->iternext == NULL) {
            err_format(&ExcTypeError, "iter() returned non-iterator of type '%.200s'",
                       obj_type_name(it));
            DECREF(it);
            return NULL;
        }
        return it;
    }
    if (t->getitem != NULL) {
        return seq_iter_new(v);
    }
    return err_format(&ExcTypeError, "'%.200s' object is not iterable", t->name);
}

Object *obj_next(Object *iter) {
    TypeObject *t = obj_type(iter);
    if (t->iternext == NULL) {
        return err_format(&ExcTypeError, "'%.200s' object is not an iterator", t->name);
    }
    Object *r = t->iternext(iter);
    if (r == NULL && err_matches(&ExcStopIteration)) {
        err_clear();
    }
    return r;
}

/* ================================================================ attributes */

/* type_lookup's cache (CPython's type method cache): a direct-mapped table from
 * (version tag, interned name) to the answer, found or not (attrcache.h says when an
 * entry stays right). Only interned names are cached: they live forever, so a pointer
 * in the table can never be a freed str's address reused by another. */
#define TYPE_CACHE_BITS 12

typedef struct TypeCacheEntry {
    uint64_t epoch;
    uint32_t tag;
    Object *name;  /* interned str */
    Object *value; /* borrowed, or NULL when the MRO has no such attribute */
} TypeCacheEntry;

uint64_t type_cache_epoch = 1;
static uint32_t type_next_tag = 1;
static TypeCacheEntry type_cache[1 << TYPE_CACHE_BITS];

void type_modified(TypeObject *type) {
    (void)type;
    type_cache_epoch++;
}

uint32_t type_version_tag(TypeObject *type) {
    if (type->version == 0 && type_next_tag != 0) {
        type->version = type_next_tag++;
    }
    return type->version;
}

/* The uncached lookup along the MRO: borrowed value or NULL (never raises). */
static Object *type_lookup_mro(TypeObject *type, Object *name) {
    Object *mro = type->mro;
    if (mro == NULL) {
        return type->dict != NULL ? dict_get_str(type->dict, name) : NULL;
    }
    size_t n = tuple_size(mro);
    for (size_t i = 0; i < n; i++) {
        TypeObject *t = (TypeObject *)tuple_get(mro, i);
        if (t->dict != NULL) {
            Object *v = dict_get_str(t->dict, name);
            if (v != NULL) {
                return v;
            }
        }
    }
    return NULL;
}

Object *type_lookup(TypeObject *type, Object *name) {
    if (is_small_int(name) || name->type != &StrType || !((StrObject *)name)->interned) {
        return type_lookup_mro(type, name);
    }
    uint32_t tag = type_version_tag(type);
    size_t h = (((uintptr_t)name >> 4) ^ ((uintptr_t)tag * 0x9E3779B1u)) &
               ((1u << TYPE_CACHE_BITS) - 1);
    TypeCacheEntry *e = &type_cache[h];
    if (e->tag == tag && e->name == name && e->epoch == type_cache_epoch && tag != 0) {
        return e->value;
    }
    Object *v = type_lookup_mro(type, name);
    if (tag != 0) {
        e->tag = tag;
        e->name = name;
        e->epoch = type_cache_epoch;
        e->value = v;
    }
    return v;
}

static Object **instance_dict_slot(Object *v, TypeObject *t) {
    if (t->dict_offset == 0) {
        return NULL;
    }
    return (Object **)((char *)v + t->dict_offset);
}

/* The generic lookup; when `suppress`, a missing attribute returns NULL with
 * no exception (building an AttributeError only to discard it is what makes
 * hasattr() and getattr(x, n, default) slow). */
static Object *generic_getattr(Object *v, Object *name, bool suppress);

Object *obj_generic_getattr(Object *v, Object *name) { return generic_getattr(v, name, false); }

static Object *generic_getattr(Object *v, Object *name, bool suppress) {
    TypeObject *t = obj_type(v);
    Object *descr = type_lookup(t, name);
    if (descr != NULL) {
        TypeObject *dt = obj_type(descr);
        if (dt->descr_get != NULL && dt->descr_set != NULL) {
            return dt->descr_get(descr, v, t); /* data descriptor wins */
        }
    }
    if (!is_small_int(v)) {
        Object **slot = instance_dict_slot(v, t);
        if (slot != NULL && *slot != NULL) {
            Object *value = dict_get_str(*slot, name);
            if (value != NULL) {
                return NEWREF(value);
            }
        }
    }
    if (descr != NULL) {
        TypeObject *dt = obj_type(descr);
        if (dt->descr_get != NULL) {
            return dt->descr_get(descr, v, t);
        }
        return NEWREF(descr);
    }
    if (suppress) {
        return NULL;
    }
    return err_format(&ExcAttributeError, "'%.100s' object has no attribute '%U'", t->name, name);
}

int obj_generic_setattr(Object *v, Object *name, Object *value) {
    TypeObject *t = obj_type(v);
    Object *descr = type_lookup(t, name);
    if (descr != NULL && obj_type(descr)->descr_set != NULL) {
        return obj_type(descr)->descr_set(descr, v, value);
    }
    Object **slot = is_small_int(v) ? NULL : instance_dict_slot(v, t);
    if (slot == NULL) {
        err_format(&ExcAttributeError, "'%.100s' object has no attribute '%U'", t->name, name);
        return -1;
    }
    if (value == NULL) {
        if (*slot == NULL || dict_get_str(*slot, name) == NULL) {
            err_format(&ExcAttributeError, "'%.100s' object has no attribute '%U'", t->name, name);
            return -1;
        }
        return dict_del(*slot, name);
    }
    if (*slot == NULL) {
        *slot = dict_new();
        if (*slot == NULL) {
            return -1;
        }
    }
    return dict_set(*slot, name, value);
}

Object *obj_getattr(Object *v, Object *name) {
    TypeObject *t = obj_type(v);
    if (t->getattr != NULL) {
        return t->getattr(v, name);
    }
    return obj_generic_getattr(v, name);
}

Object *obj_getattr_cstr(Object *v, const char *name) {
    Object *n = str_intern_cstr(name);
    if (n == NULL) {
        return NULL;
    }
    Object *r = obj_getattr(v, n);
    DECREF(n);
    return r;
}

int obj_lookup_attr(Object *v, Object *name, Object **out) {
    if (obj_type(v)->getattr == NULL) {
        *out = generic_getattr(v, name, true);
        if (*out != NULL) {
            return 1;
        }
        return err_occurred() ? -1 : 0;
    }
    *out = obj_getattr(v, name);
    if (*out != NULL) {
        return 1;
    }
    if (err_matches(&ExcAttributeError)) {
        err_clear();
        return 0;
    }
    return -1;
}

int obj_setattr(Object *v, Object *name, Object *value) {
    TypeObject *t = obj_type(v);
    if (t->setattr != NULL) {
        return t->setattr(v, name, value);
    }
    return obj_generic_setattr(v, name, value);
}

/* ================================================================ calls */

Object *obj_call(Object *callable, Object *const *args, size_t nargs, Object *kwnames) {
    TypeObject *t = obj_type(callable);
    if (t->call == NULL) {
        return err_format(&ExcTypeError, "'%.200s' object is not callable", t->name);
    }
    return t->call(callable, args, nargs, kwnames);
}

Object *obj_call0(Object *callable) { return obj_call(callable, NULL, 0, NULL); }

Object *obj_call1(Object *callable, Object *arg) { return obj_call(callable, &arg, 1, NULL); }

Object *obj_call_method(Object *self, const char *name, Object *const *args, size_t nargs) {
    Object *m = obj_getattr_cstr(self, name);
    if (m == NULL) {
        return NULL;
    }
    Object *r = obj_call(m, args, nargs, NULL);
    DECREF(m);
    return r;
}

bool obj_is_callable(Object *v) { return obj_type(v)->call != NULL; }

Object *obj_format(Object *v, Object *spec) {
    TypeObject *t = obj_type(v);
    if (t->format != NULL) {
        return t->format(v, spec);
    }
    if (spec != NULL && str_size(spec) != 0) {
        return err_format(&ExcTypeError, "unsupported format string passed to %.200s.__format__",
                          t->name);
    }
    return obj_str(v);
}

/* ================================================================ object */

static Object *object_new_instance(TypeObject *type, Object *const *args, size_t nargs,
                                   Object *kwnames) {
    if (nargs != 0 || (kwnames != NULL && tuple_size(kwnames) != 0)) {
        if (type == &ObjectType) {
            return err_format(&ExcTypeError, "object() takes no arguments");
        }
        return err_format(&ExcTypeError, "%.200s() takes no arguments", type->name);
    }
    return obj_alloc(type, type->basic_size);
}

/* Does constructing t go through object.__new__ (as opposed to str.__new__,
 * a Python __new__, ...)? Decides whether object.__init__ may ignore args. */
static bool type_new_is_object_new(TypeObject *t) {
    Object *key = slot_name("__new__");
    Object *attr = key != NULL ? type_lookup(t, key) : NULL;
    TypeObject *owner;
    const SlotDef *def;
    if (attr == NULL) {
        return true;
    }
    return slot_is_native_wrapper(attr, &owner, &def) && owner == &ObjectType;
}

/* object.__eq__ is identity; object.__ne__ inverts whatever __eq__ says. */
static Object *object_richcompare(Object *a, Object *b, CompareOp op) {
    if (op == CMP_EQ) {
        return a == b ? bool_from(true) : NEWREF(NotImplemented);
    }
    if (op == CMP_NE) {
        TypeObject *t = obj_type(a);
        if (t->richcompare == NULL) {
            return NEWREF(NotImplemented);
        }
        Object *eq = t->richcompare(a, b, CMP_EQ);
        if (eq == NULL || eq == NotImplemented) {
            return eq;
        }
        int truth = obj_is_true(eq);
        DECREF(eq);
        return truth < 0 ? NULL : bool_from(!truth);
    }
    return NEWREF(NotImplemented);
}

/* object.__init__: accepts no arguments beyond the instance. */
int obj_init_default(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    size_t nkw = kwnames != NULL ? tuple_size(kwnames) : 0;
    if (nargs + nkw == 0) {
        return 0;
    }
    TypeObject *t = obj_type(self);
    if (t->init != obj_init_default) {
        err_format(&ExcTypeError,
                   "object.__init__() takes exactly one argument (the instance to initialize)");
    } else if (type_new_is_object_new(t)) {
        err_format(&ExcTypeError,
                   "%.200s.__init__() takes exactly one argument (the instance to initialize)",
                   t->name);
    } else {
        return 0; /* a native __new__ (str, int, tuple...) already used the arguments */
    }
    return -1;
}

static Object *object_get_class(Object *self) { return NEWREF((Object *)obj_type(self)); }

/* obj.__class__ = Other: allowed between classes whose instances have the
 * same memory layout, as CPython allows. */
static int object_set_class(Object *self, Object *value) {
    if (value == NULL) {
        err_set_string(&ExcTypeError, "can't delete __class__ attribute");
        return -1;
    }
    if (is_small_int(value) || !obj_is_instance_of(value, &TypeType)) {
        err_format(&ExcTypeError, "__class__ must be set to a class, not '%.200s' object",
                   obj_type_name(value));
        return -1;
    }
    TypeObject *old = obj_type(self), *new_type = (TypeObject *)value;
    if (is_small_int(self) || !(old->flags & TYPE_FLAG_HEAPTYPE) ||
        !(new_type->flags & TYPE_FLAG_HEAPTYPE)) {
        err_set_string(&ExcTypeError,
                       "__class__ assignment only supported for mutable types or ModuleType "
                       "subclasses");
        return -1;
    }
    if (class_native_base(old) != class_native_base(new_type) || old->basic_size != new_type->basic_size ||
        old->dict_offset != new_type->dict_offset) {
        err_format(&ExcTypeError, "__class__ assignment: '%s' object layout differs from '%s'",
                   new_type->name, old->name);
        return -1;
    }
    INCREF(value);
    self->type = new_type;
    DECREF((Object *)old);
    return 0;
}

static const GetSetDef object_getsets[] = {
    {"__class__", object_get_class, object_set_class, "the object's class"},
    {NULL, NULL, NULL, NULL},
};

/* object.__init_subclass__ (a classmethod): does nothing, takes no keywords. */
static Object *object_init_subclass(Object *cls, Object *const *args, size_t nargs,
                                    Object *kwnames) {
    if (nargs != 0 || (kwnames != NULL && tuple_size(kwnames) != 0)) {
        return err_format(&ExcTypeError, "%.200s.__init_subclass__() takes no keyword arguments",
                          ((TypeObject *)cls)->name);
    }
    return none_ref();
}

static Object *object_dir(Object *self, Object *const *args, size_t nargs, Object *kwnames);

static const MethodDef object_methods[] = {
    {"__init_subclass__", object_init_subclass, METHOD_CLASS,
     "This method is called when a class is subclassed."},
    {"__dir__", object_dir, 0, "Default dir() implementation."},
    {NULL, NULL, 0, NULL},
};

/* object.__dir__: the instance dict's keys plus every attribute of the class
 * and its bases (unsorted; dir() sorts). */
static Object *object_dir(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    Object *names = dict_new();
    if (names == NULL) {
        return NULL;
    }
    TypeObject *t = obj_type(self);
    if (!is_small_int(self) && t->dict_offset != 0) {
        Object *d = *(Object **)((char *)self + t->dict_offset);
        if (d != NULL && dict_merge(names, d, true) < 0) {
            DECREF(names);
            return NULL;
        }
    }
    for (size_t i = 0; t->mro != NULL && i < tuple_size(t->mro); i++) {
        TypeObject *b = (TypeObject *)tuple_get(t->mro, i);
        if (b->dict != NULL && dict_merge(names, b->dict, true) < 0) {
            DECREF(names);
            return NULL;
        }
    }
    Object *keys = dict_keys_list(names);
    DECREF(names);
    return keys;
}

TypeObject ObjectType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "object",
    .basic_size = sizeof(Object),
    .flags = TYPE_FLAG_BASETYPE,
    .repr = obj_default_repr,
    .hash = identity_hash,
    .richcompare = object_richcompare,
    .new_instance = object_new_instance,
    .init = obj_init_default,
    .getsets = object_getsets,
    .methods = object_methods,
    .doc = "The base class of the class hierarchy.\n\nWhen called, it accepts no arguments and returns a new featureless\ninstance that has no instance attributes and cannot be given any.\n",
};

/* ================================================================ singletons */

static Object *none_repr(Object *v) { return str_intern_cstr("None"); }
static int none_truth(Object *v) { return 0; }
static Object *none_new(TypeObject *t, Object *const *args, size_t nargs, Object *kwnames) {
    if (nargs != 0 || (kwnames != NULL && tuple_size(kwnames) != 0)) {
        return err_format(&ExcTypeError, "NoneType takes no arguments");
    }
    return none_ref();
}

TypeObject NoneType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "NoneType",
    .basic_size = sizeof(Object),
    .repr = none_repr,
    .truth = none_truth,
    .hash = identity_hash,
    .richcompare = object_richcompare,
    .new_instance = none_new,
};
Object NoneObject = OBJECT_HEADER_INIT(&NoneType);

static Object *notimplemented_repr(Object *v) { return str_intern_cstr("NotImplemented"); }
TypeObject NotImplementedType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "NotImplementedType",
    .basic_size = sizeof(Object),
    .repr = notimplemented_repr,
};
Object NotImplementedObject = OBJECT_HEADER_INIT(&NotImplementedType);

static Object *ellipsis_repr(Object *v) { return str_intern_cstr("Ellipsis"); }
TypeObject EllipsisType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "ellipsis",
    .basic_size = sizeof(Object),
    .repr = ellipsis_repr,
};
Object EllipsisObject = OBJECT_HEADER_INIT(&EllipsisType);
