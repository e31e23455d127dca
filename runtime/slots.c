/* slots.c: the bridge between type slots (C function pointers) and special
 * methods (`__add__`, `__len__`, ...), in both directions:
 *   - a native type's slots appear in its dict as "slot wrappers", so that
 *     `list.__len__`, `object.__init__` and `super().__eq__(x)` work;
 *   - a class that defines `__add__` in Python gets a slot function that
 *     looks the method up and calls it (slot_binary_op and friends).
 * One table, slot_defs, drives both. */
#include "slots.h"

#include <stddef.h>
#include <string.h>

#include "dict.h"
#include "errors.h"
#include "exceptions.h"
#include "function.h"
#include "int.h"
#include "memory.h"
#include "str.h"
#include "tuple.h"

/* ================================================================ the table */

#define SLOT(field) offsetof(TypeObject, field)

const SlotDef slot_defs[] = {
    {"__repr__", SLOT(repr), SW_REPR, 0},
    {"__str__", SLOT(str), SW_STR, 0},
    {"__hash__", SLOT(hash), SW_HASH, 0},
    {"__lt__", SLOT(richcompare), SW_RICHCOMPARE, CMP_LT},
    {"__le__", SLOT(richcompare), SW_RICHCOMPARE, CMP_LE},
    {"__eq__", SLOT(richcompare), SW_RICHCOMPARE, CMP_EQ},
    {"__ne__", SLOT(richcompare), SW_RICHCOMPARE, CMP_NE},
    {"__gt__", SLOT(richcompare), SW_RICHCOMPARE, CMP_GT},
    {"__ge__", SLOT(richcompare), SW_RICHCOMPARE, CMP_GE},
    {"__bool__", SLOT(truth), SW_BOOL, 0},
#define X(name, sym, dunder, rdunder, idunder)                                                     \
    {dunder, SLOT(binary_op), SW_BINARY, name},                                                    \
        {rdunder, SLOT(binary_op), SW_BINARY_REFLECTED, name},                                     \
        {idunder, SLOT(inplace_op), SW_INPLACE, name},
    BINARY_OP_LIST(X)
#undef X
    {"__neg__", SLOT(unary_op), SW_UNARY, UNARY_NEG},
    {"__pos__", SLOT(unary_op), SW_UNARY, UNARY_POS},
    {"__invert__", SLOT(unary_op), SW_UNARY, UNARY_INVERT},
    {"__abs__", SLOT(unary_op), SW_UNARY, UNARY_ABS},
    {"__index__", SLOT(index), SW_INDEX, 0},
    {"__int__", SLOT(to_int), SW_INT, 0},
    {"__float__", SLOT(to_float), SW_FLOAT, 0},
    {"__len__", SLOT(len), SW_LEN, 0},
    {"__getitem__", SLOT(getitem), SW_GETITEM, 0},
    {"__setitem__", SLOT(setitem), SW_SETITEM, 0},
    {"__delitem__", SLOT(setitem), SW_DELITEM, 0},
    {"__contains__", SLOT(contains), SW_CONTAINS, 0},
    {"__iter__", SLOT(iter), SW_ITER, 0},
    {"__next__", SLOT(iternext), SW_NEXT, 0},
    {"__getattribute__", SLOT(getattr), SW_GETATTRIBUTE, 0},
    {"__getattr__", SLOT(getattr), SW_GETATTR_HOOK, 0},
    {"__setattr__", SLOT(setattr), SW_SETATTR, 0},
    {"__delattr__", SLOT(setattr), SW_DELATTR, 0},
    {"__get__", SLOT(descr_get), SW_DESCR_GET, 0},
    {"__set__", SLOT(descr_set), SW_DESCR_SET, 0},
    {"__delete__", SLOT(descr_set), SW_DESCR_DELETE, 0},
    {"__call__", SLOT(call), SW_CALL, 0},
    {"__format__", SLOT(format), SW_FORMAT, 0},
    {"__init__", SLOT(init), SW_INIT, 0},
    {"__new__", SLOT(new_instance), SW_NEW, 0},
    {NULL, 0, 0, 0},
};

/* The function pointer stored at a slot offset (all slots are function pointers). */
typedef void (*AnySlot)(void);

static AnySlot slot_get(const TypeObject *t, size_t offset) {
    AnySlot f;
    memcpy(&f, (const char *)t + offset, sizeof f);
    return f;
}

static void slot_put(TypeObject *t, size_t offset, AnySlot f) {
    memcpy((char *)t + offset, &f, sizeof f);
}

/* ================================================================ slot wrappers */

/* A native slot of `owner`, wrapped as a method in owner's dict. */
typedef struct SlotWrapperObject {
    Object base;
    const SlotDef *def;
    TypeObject *owner;
} SlotWrapperObject;

static Object *wrapper_result_int(int r) {
    if (r < 0) {
        return NULL;
    }
    return none_ref();
}

/* Call the native slot described by def on `self` with Python-level arguments. */
static Object *wrapper_invoke(const SlotDef *def, TypeObject *owner, Object *self,
                              Object *const *args, size_t nargs, Object *kwnames) {
    size_t want = 0;
    switch (def->kind) {
    case SW_RICHCOMPARE: case SW_BINARY: case SW_BINARY_REFLECTED: case SW_INPLACE:
    case SW_GETITEM: case SW_DELITEM: case SW_CONTAINS: case SW_GETATTRIBUTE:
    case SW_GETATTR_HOOK: case SW_DELATTR: case SW_DESCR_DELETE: case SW_FORMAT:
        want = 1;
        break;
    case SW_SETITEM: case SW_SETATTR: case SW_DESCR_SET:
        want = 2;
        break;
    case SW_DESCR_GET:
        want = 2;
        break;
    case SW_CALL: case SW_INIT: case SW_NEW:
        want = (size_t)-1; /* any */
        break;
    default:
        want = 0;
        break;
    }
    if (want != (size_t)-1) {
        if (kwnames != NULL && tuple_size(kwnames) != 0) {
            return err_format(&ExcTypeError, "wrapper %s() takes no keyword arguments", def->name);
        }
        bool ok = nargs == want ||
                  (def->kind == SW_DESCR_GET && nargs == 1) ||
                  (def->kind == SW_BINARY && def->op == BINOP_POW && nargs == 2);
        if (!ok) {
            return err_format(&ExcTypeError, "expected %zu argument%s, got %zu", want,
                              want == 1 ? "" : "s", nargs);
        }
    }
    switch (def->kind) {
    case SW_REPR:
        return owner->repr != NULL ? owner->repr(self) : obj_default_repr(self);
    case SW_STR:
        return owner->str != NULL ? owner->str(self) : obj_repr(self);
    case SW_HASH: {
        intptr_t h = owner->hash(self);
        return h == -1 ? NULL : int_from_i64(h);
    }
    case SW_RICHCOMPARE:
        return owner->richcompare(self, args[0], (CompareOp)def->op);
    case SW_BOOL: {
        int r = owner->truth(self);
        return r < 0 ? NULL : bool_from(r);
    }
    case SW_BINARY:
        if (nargs == 2 && args[1] != None) {
            return owner->ternary_pow != NULL ? owner->ternary_pow(self, args[0], args[1])
                                              : NEWREF(NotImplemented);
        }
        return owner->binary_op(self, args[0], (BinaryOp)def->op);
    case SW_BINARY_REFLECTED:
        return owner->binary_op(args[0], self, (BinaryOp)def->op);
    case SW_INPLACE:
        return owner->inplace_op(self, args[0], (BinaryOp)def->op);
    case SW_UNARY: {
        Object *r = owner->unary_op(self, (UnaryOp)def->op);
        if (r == NULL && !err_occurred()) {
            return NEWREF(NotImplemented);
        }
        return r;
    }
    case SW_INDEX:
        return owner->index(self);
    case SW_INT:
        return owner->to_int(self);
    case SW_FLOAT:
        return owner->to_float(self);
    case SW_LEN: {
        ssize_t n = owner->len(self);
        return n < 0 ? NULL : int_from_i64(n);
    }
    case SW_GETITEM:
        return owner->getitem(self, args[0]);
    case SW_SETITEM:
        return wrapper_result_int(owner->setitem(self, args[0], args[1]));
    case SW_DELITEM:
        return wrapper_result_int(owner->setitem(self, args[0], NULL));
    case SW_CONTAINS: {
        int r = owner->contains(self, args[0]);
        return r < 0 ? NULL : bool_from(r);
    }
    case SW_ITER:
        return owner->iter(self);
    case SW_NEXT: {
        Object *r = owner->iternext(self);
        if (r == NULL && !err_occurred()) {
            err_set_none(&ExcStopIteration);
        }
        return r;
    }
    case SW_GETATTRIBUTE:
    case SW_GETATTR_HOOK:
        if (!str_check(args[0])) {
            return err_format(&ExcTypeError, "attribute name must be string, not '%.200s'",
                              obj_type_name(args[0]));
        }
        return owner->getattr != NULL ? owner->getattr(self, args[0])
                                      : obj_generic_getattr(self, args[0]);
    case SW_SETATTR:
    case SW_DELATTR: {
        if (!str_check(args[0])) {
            return err_format(&ExcTypeError, "attribute name must be string, not '%.200s'",
                              obj_type_name(args[0]));
        }
        Object *value = def->kind == SW_SETATTR ? args[1] : NULL;
        int r = owner->setattr != NULL ? owner->setattr(self, args[0], value)
                                       : obj_generic_setattr(self, args[0], value);
        return wrapper_result_int(r);
    }
    case SW_DESCR_GET: {
        Object *inst = args[0] == None ? NULL : args[0];
        TypeObject *type = nargs > 1 && args[1] != None ? (TypeObject *)args[1] : NULL;
        if (type == NULL && inst != NULL) {
            type = obj_type(inst);
        }
        return owner->descr_get(self, inst, type);
    }
    case SW_DESCR_SET:
        return wrapper_result_int(owner->descr_set(self, args[0], args[1]));
    case SW_DESCR_DELETE:
        return wrapper_result_int(owner->descr_set(self, args[0], NULL));
    case SW_CALL:
        return owner->call(self, args, nargs, kwnames);
    case SW_FORMAT:
        if (!str_check(args[0])) {
            return err_format(&ExcTypeError, "format() argument 1 must be str, not %.200s",
                              obj_type_name(args[0]));
        }
        if (owner->format != NULL) {
            return owner->format(self, args[0]);
        }
        if (str_size(args[0]) != 0) {
            return err_format(&ExcTypeError,
                              "unsupported format string passed to %.200s.__format__",
                              obj_type_name(self));
        }
        return obj_str(self);
    case SW_INIT:
        return wrapper_result_int(owner->init(self, args, nargs, kwnames));
    case SW_NEW:
        break; /* handled by the caller: __new__ has no self */
    }
    return err_format(&ExcSystemError, "bad slot wrapper");
}

/* Calling the unbound wrapper: list.__len__(x) checks x is a list. */
static Object *slot_wrapper_call(Object *callable, Object *const *args, size_t nargs,
                                 Object *kwnames) {
    SlotWrapperObject *w = (SlotWrapperObject *)callable;
    if (w->def->kind == SW_NEW) {
        if (nargs == 0) {
            return err_format(&ExcTypeError, "%s.__new__(): not enough arguments",
                              w->owner->name);
        }
        if (is_small_int(args[0]) || !obj_is_instance_of(args[0], &TypeType)) {
            return err_format(&ExcTypeError, "%s.__new__(X): X is not a type object (%s)",
                              w->owner->name, obj_type_name(args[0]));
        }
        TypeObject *cls = (TypeObject *)args[0];
        if (!type_is_subtype(cls, w->owner)) {
            return err_format(&ExcTypeError, "%s.__new__(%s): %s is not a subtype of %s",
                              w->owner->name, cls->name, cls->name, w->owner->name);
        }
        return slot_native_new(w->owner, cls, args + 1, nargs - 1, kwnames);
    }
    if (nargs == 0) {
        return err_format(&ExcTypeError, "descriptor '%s' of '%s' object needs an argument",
                          w->def->name, w->owner->name);
    }
    if (!obj_is_instance_of(args[0], w->owner)) {
        return err_format(&ExcTypeError,
                          "descriptor '%s' requires a '%s' object but received a '%s'",
                          w->def->name, w->owner->name, obj_type_name(args[0]));
    }
    return wrapper_invoke(w->def, w->owner, args[0], args + 1, nargs - 1, kwnames);
}

static Object *slot_wrapper_descr_get(Object *self, Object *instance, TypeObject *owner) {
    SlotWrapperObject *w = (SlotWrapperObject *)self;
    if (instance == NULL || w->def->kind == SW_NEW) {
        return NEWREF(self);
    }
    return method_new(self, instance);
}

static Object *slot_wrapper_repr(Object *self) {
    SlotWrapperObject *w = (SlotWrapperObject *)self;
    if (w->def->kind == SW_NEW) {
        return str_from_format("<built-in method __new__ of type object at %p>", (void *)w->owner);
    }
    return str_from_format("<slot wrapper '%s' of '%s' objects>", w->def->name, w->owner->name);
}

static Object *slot_wrapper_get_name(Object *self) {
    return str_from_cstr(((SlotWrapperObject *)self)->def->name);
}

static Object *slot_wrapper_get_qualname(Object *self) {
    SlotWrapperObject *w = (SlotWrapperObject *)self;
    return str_from_format("%s.%s", w->owner->name, w->def->name);
}

static const GetSetDef slot_wrapper_getsets[] = {
    {"__name__", slot_wrapper_get_name, NULL, NULL},
    {"__qualname__", slot_wrapper_get_qualname, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

TypeObject SlotWrapperType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "wrapper_descriptor",
    .basic_size = sizeof(SlotWrapperObject),
    .repr = slot_wrapper_repr,
    .call = slot_wrapper_call,
    .descr_get = slot_wrapper_descr_get,
    .getsets = slot_wrapper_getsets,
};

static Object *slot_wrapper_new(const SlotDef *def, TypeObject *owner) {
    SlotWrapperObject *w = (SlotWrapperObject *)obj_alloc(&SlotWrapperType, sizeof(*w));
    if (w != NULL) {
        w->def = def;
        w->owner = owner;
    }
    return (Object *)w;
}

bool slot_is_native_wrapper(Object *v, TypeObject **owner, const SlotDef **def) {
    if (is_small_int(v) || v->type != &SlotWrapperType) {
        return false;
    }
    SlotWrapperObject *w = (SlotWrapperObject *)v;
    if (owner != NULL) {
        *owner = w->owner;
    }
    if (def != NULL) {
        *def = w->def;
    }
    return true;
}

/* Does t define this slot itself (rather than inherit it from its base)? */
static bool defines_slot(const TypeObject *t, const SlotDef *d) {
    AnySlot mine = slot_get(t, d->offset);
    if (mine == NULL) {
        return false;
    }
    if (d->kind == SW_GETATTR_HOOK) {
        return false; /* __getattr__ is a Python-level hook only */
    }
    const TypeObject *b = t->base_type;
    return b == NULL || slot_get(b, d->offset) != mine;
}

/* object itself exposes these even though its slots are NULL (the generic
 * behaviour), so that `object.__setattr__(self, n, v)` works in __setattr__. */
static bool root_always_exposes(const TypeObject *t, const SlotDef *d) {
    return t->base_type == NULL &&
           (d->kind == SW_GETATTRIBUTE || d->kind == SW_SETATTR || d->kind == SW_DELATTR ||
            d->kind == SW_STR || d->kind == SW_FORMAT);
}

int slot_add_wrappers(TypeObject *t) {
    for (const SlotDef *d = slot_defs; d->name != NULL; d++) {
        if (d->kind == SW_INPLACE || (!defines_slot(t, d) && !root_always_exposes(t, d))) {
            continue; /* native in-place forms are not exposed, as in CPython */
        }
        if (d->kind == SW_NEW && t->base_type != NULL &&
            t->new_instance == t->base_type->new_instance) {
            continue;
        }
        if (dict_get_cstr(t->dict, d->name) != NULL) {
            continue; /* an explicit method of the same name wins */
        }
        Object *w = slot_wrapper_new(d, t);
        if (w == NULL || dict_set_cstr(t->dict, d->name, w) < 0) {
            XDECREF(w);
            return -1;
        }
        DECREF(w);
    }
    /* A type with == but no hash is unhashable: __hash__ = None, as CPython. */
    if (t->hash == NULL && dict_get_cstr(t->dict, "__hash__") == NULL) {
        if (dict_set_cstr(t->dict, "__hash__", None) < 0) {
            return -1;
        }
    }
    return 0;
}

/* ================================================================ calling special methods */

/* Look `name` up on type(self) and call it with self prepended. Sets
 * *found = false (and returns NULL without error) when it is absent. */
/* The interned str for a special method's name, which must be a string
 * constant; borrowed (interned strs live forever). A small memo keyed by the
 * constant's address, a pure function of immutable data, saves hashing the
 * C string on every operator call. NULL with MemoryError. */
Object *slot_name(const char *name) {
    static struct {
        const char *cname;
        Object *str;
    } memo[128];
    size_t h = ((uintptr_t)name >> 3) & 127;
    if (memo[h].cname == name) {
        return memo[h].str;
    }
    Object *s = str_intern_cstr(name);
    if (s == NULL) {
        return NULL;
    }
    DECREF(s); /* the interned-string table keeps it */
    memo[h].cname = name;
    memo[h].str = s;
    return s;
}

/* Call fn (the value found in a type for a special method) on self: a plain
 * function is called with self prepended, without making a bound method;
 * anything else is bound through its descriptor first. kwnames as in
 * CallFunc (its values follow args). New reference or NULL. */
static Object *slot_call_bound(Object *fn, Object *self, TypeObject *t, Object *const *args,
                               size_t nargs, Object *kwnames) {
    if (obj_type(fn) == &FunctionType) {
        size_t total = nargs + (kwnames != NULL ? tuple_size(kwnames) : 0);
        Object *small[8];
        Object **buf = total < 8 ? small : mem_alloc_array(total + 1, sizeof(Object *));
        if (buf == NULL) {
            return NULL;
        }
        buf[0] = self;
        for (size_t i = 0; i < total; i++) {
            buf[i + 1] = args[i];
        }
        Object *r = obj_call(fn, buf, nargs + 1, kwnames);
        if (buf != small) {
            mem_free(buf);
        }
        return r;
    }
    Object *bound = obj_type(fn)->descr_get != NULL ? obj_type(fn)->descr_get(fn, self, t)
                                                    : NEWREF(fn);
    if (bound == NULL) {
        return NULL;
    }
    Object *r = obj_call(bound, args, nargs, kwnames);
    DECREF(bound);
    return r;
}

Object *slot_call_special(Object *self, const char *name, Object *const *args, size_t nargs,
                          bool *found) {
    if (found != NULL) {
        *found = false;
    }
    TypeObject *t = obj_type(self);
    Object *key = slot_name(name);
    if (key == NULL) {
        return NULL;
    }
    Object *attr = type_lookup(t, key);
    if (attr == NULL || attr == None) {
        if (found != NULL) {
            *found = false;
        }
        return NULL;
    }
    if (found != NULL) {
        *found = true;
    }
    Object *small[8];
    if (obj_type(attr) == &FunctionType && nargs < 7) {
        small[0] = self;
        for (size_t i = 0; i < nargs; i++) {
            small[i + 1] = args[i];
        }
        return obj_call(attr, small, nargs + 1, NULL);
    }
    TypeObject *at = obj_type(attr);
    Object *bound = at->descr_get != NULL ? at->descr_get(attr, self, t) : NEWREF(attr);
    if (bound == NULL) {
        return NULL;
    }
    Object *r = obj_call(bound, args, nargs, NULL);
    DECREF(bound);
    return r;
}

static Object *call_or_notimpl(Object *self, const char *name, Object *const *args, size_t nargs) {
    bool found;
    Object *r = slot_call_special(self, name, args, nargs, &found);
    if (!found && !err_occurred()) {
        return NEWREF(NotImplemented);
    }
    return r;
}

static Object *heap_repr(Object *self) {
    bool found;
    Object *r = slot_call_special(self, "__repr__", NULL, 0, &found);
    return found || err_occurred() ? r : obj_default_repr(self);
}

static Object *heap_str(Object *self) {
    bool found;
    Object *r = slot_call_special(self, "__str__", NULL, 0, &found);
    return found || err_occurred() ? r : obj_repr(self);
}

static intptr_t heap_hash(Object *self) {
    bool found;
    Object *r = slot_call_special(self, "__hash__", NULL, 0, &found);
    if (r == NULL) {
        if (!found && !err_occurred()) {
            err_format(&ExcTypeError, "unhashable type: '%.200s'", obj_type_name(self));
        }
        return -1;
    }
    if (!int_check(r)) {
        DECREF(r);
        err_format(&ExcTypeError, "__hash__ method should return an integer");
        return -1;
    }
    /* A result that fits in a machine word is the hash (-1 becomes -2);
     * a larger one is reduced as CPython reduces ints. */
    int64_t v;
    intptr_t h;
    if (int_to_i64(r, &v) == 0) {
        h = v == -1 ? -2 : (intptr_t)v;
    } else {
        err_clear();
        h = int_hash(r);
    }
    DECREF(r);
    return h;
}

static const char *const compare_dunders[CMP_COUNT] = {"__lt__", "__le__", "__eq__",
                                                      "__ne__", "__gt__", "__ge__"};

static Object *heap_richcompare(Object *a, Object *b, CompareOp op) {
    bool found;
    Object *r = slot_call_special(a, compare_dunders[op], &b, 1, &found);
    if (!found && !err_occurred()) {
        if (op == CMP_NE) {
            /* Default __ne__ inverts __eq__ unless it is NotImplemented. */
            Object *eq = slot_call_special(a, "__eq__", &b, 1, &found);
            if (!found && !err_occurred()) {
                return NEWREF(NotImplemented);
            }
            if (eq == NULL || eq == NotImplemented) {
                return eq;
            }
            int t = obj_is_true(eq);
            DECREF(eq);
            return t < 0 ? NULL : bool_from(!t);
        }
        return NEWREF(NotImplemented);
    }
    return r;
}

static int heap_truth(Object *self) {
    bool found;
    Object *r = slot_call_special(self, "__bool__", NULL, 0, &found);
    if (!found) {
        if (err_occurred()) {
            return -1;
        }
        r = slot_call_special(self, "__len__", NULL, 0, &found);
        if (!found) {
            return err_occurred() ? -1 : 1;
        }
        if (r == NULL) {
            return -1;
        }
        ssize_t n = obj_as_ssize(r);
        DECREF(r);
        return n < 0 ? -1 : n > 0;
    }
    if (r == NULL) {
        return -1;
    }
    if (!is_small_int(r) && r->type == &BoolType) {
        int t = r == True;
        DECREF(r);
        return t;
    }
    err_format(&ExcTypeError, "__bool__ should return bool, returned %.200s", obj_type_name(r));
    DECREF(r);
    return -1;
}

static const char *const binop_dunders[BINOP_COUNT][3] = {
#define X(name, sym, dunder, rdunder, idunder) {dunder, rdunder, idunder},
    BINARY_OP_LIST(X)
#undef X
};

/* Is `name` defined differently on sub than on base? (Then sub's reflected
 * method gets the first try, as CPython's method_is_overloaded.) */
static bool overrides(TypeObject *sub, TypeObject *base, const char *name) {
    Object *key = slot_name(name);
    if (key == NULL) {
        err_clear();
        return false;
    }
    Object *a = type_lookup(sub, key), *b = type_lookup(base, key);
    return a != NULL && a != b;
}

/* Both operands get their turn here because two different classes share
 * this one slot function (see obj_binary_op, which only calls it once). */
static Object *heap_binary_op(Object *a, Object *b, BinaryOp op) {
    TypeObject *ta = obj_type(a), *tb = obj_type(b);
    const char *fwd = binop_dunders[op][0], *rev = binop_dunders[op][1];
    bool a_heap = ta->binary_op == heap_binary_op;
    bool b_heap = tb->binary_op == heap_binary_op && ta != tb;
    Object *r;
    if (a_heap) {
        if (b_heap && type_is_subtype(tb, ta) && overrides(tb, ta, rev)) {
            r = call_or_notimpl(b, rev, &a, 1);
            if (r != NotImplemented) {
                return r;
            }
            DECREF(r);
            b_heap = false;
        }
        r = call_or_notimpl(a, fwd, &b, 1);
        if (r != NotImplemented || ta == tb) {
            return r;
        }
        DECREF(r);
    }
    if (b_heap || (!a_heap && tb->binary_op == heap_binary_op)) {
        return call_or_notimpl(b, rev, &a, 1);
    }
    return NEWREF(NotImplemented);
}

static Object *heap_inplace_op(Object *a, Object *b, BinaryOp op) {
    return call_or_notimpl(a, binop_dunders[op][2], &b, 1);
}

static Object *heap_ternary_pow(Object *base, Object *exp, Object *mod) {
    Object *args[2] = {exp, mod};
    return call_or_notimpl(base, "__pow__", args, 2);
}

static Object *heap_unary_op(Object *a, UnaryOp op) {
    static const char *const names[] = {"__neg__", "__pos__", "__invert__", "__abs__"};
    bool found;
    Object *r = slot_call_special(a, names[op], NULL, 0, &found);
    return r; /* NULL without error when absent: the protocol reports it */
}

static Object *convert_result(Object *self, const char *name, TypeObject *want) {
    bool found;
    Object *r = slot_call_special(self, name, NULL, 0, &found);
    if (r != NULL && !obj_is_instance_of(r, want)) {
        err_format(&ExcTypeError, "%s returned non-%s (type %.200s)", name, want->name,
                   obj_type_name(r));
        DECREF(r);
        return NULL;
    }
    if (!found && !err_occurred()) {
        err_format(&ExcTypeError, "'%.200s' object cannot be interpreted as an integer",
                   obj_type_name(self));
    }
    return r;
}

static Object *heap_index(Object *self) { return convert_result(self, "__index__", &IntType); }
static Object *heap_to_int(Object *self) { return convert_result(self, "__int__", &IntType); }

extern TypeObject FloatType;
static Object *heap_to_float(Object *self) { return convert_result(self, "__float__", &FloatType); }

static ssize_t heap_len(Object *self) {
    bool found;
    Object *r = slot_call_special(self, "__len__", NULL, 0, &found);
    if (r == NULL) {
        if (!found && !err_occurred()) {
            err_format(&ExcTypeError, "object of type '%.200s' has no len()",
                       obj_type_name(self));
        }
        return -1;
    }
    if (!int_check(r)) {
        err_format(&ExcTypeError, "'%.200s' object cannot be interpreted as an integer",
                   obj_type_name(r));
        DECREF(r);
        return -1;
    }
    ssize_t n = obj_as_ssize(r);
    DECREF(r);
    if (n < 0 && !err_occurred()) {
        err_format(&ExcValueError, "__len__() should return >= 0");
    }
    return n;
}

static Object *heap_getitem(Object *self, Object *key) {
    bool found;
    Object *r = slot_call_special(self, "__getitem__", &key, 1, &found);
    if (!found && !err_occurred()) {
        return err_format(&ExcTypeError, "'%.200s' object is not subscriptable",
                          obj_type_name(self));
    }
    return r;
}

static int heap_setitem(Object *self, Object *key, Object *value) {
    bool found;
    Object *args[2] = {key, value};
    Object *r = value != NULL ? slot_call_special(self, "__setitem__", args, 2, &found)
                              : slot_call_special(self, "__delitem__", args, 1, &found);
    if (!found && !err_occurred()) {
        if (value != NULL) {
            err_format(&ExcTypeError, "'%.200s' object does not support item assignment",
                       obj_type_name(self));
        } else {
            err_format(&ExcTypeError, "'%.200s' object doesn't support item deletion",
                       obj_type_name(self));
        }
        return -1;
    }
    if (r == NULL) {
        return -1;
    }
    DECREF(r);
    return 0;
}

static int heap_contains(Object *self, Object *item) {
    bool found;
    Object *r = slot_call_special(self, "__contains__", &item, 1, &found);
    if (!found) {
        if (err_occurred()) {
            return -1;
        }
        Object *key = str_intern_cstr("__contains__");
        Object *attr = key != NULL ? type_lookup(obj_type(self), key) : NULL;
        XDECREF(key);
        if (attr == None) { /* `__contains__ = None` blocks the fallback, as CPython */
            err_format(&ExcTypeError, "'%.200s' object is not a container",
                       obj_type_name(self));
            return -1;
        }
        /* No __contains__: iterate, as the protocol does for any iterable. */
        Object *it = obj_iter(self);
        if (it == NULL) {
            return -1;
        }
        int hit = 0;
        Object *x;
        while ((x = obj_next(it)) != NULL) {
            hit = obj_richcompare_bool(x, item, CMP_EQ);
            DECREF(x);
            if (hit != 0) {
                break;
            }
        }
        DECREF(it);
        return hit == 0 && err_occurred() ? -1 : hit;
    }
    if (r == NULL) {
        return -1;
    }
    int t = obj_is_true(r);
    DECREF(r);
    return t;
}

static Object *heap_iter(Object *self) {
    bool found;
    Object *r = slot_call_special(self, "__iter__", NULL, 0, &found);
    if (!found && !err_occurred()) {
        return err_format(&ExcTypeError, "'%.200s' object is not iterable", obj_type_name(self));
    }
    return r;
}

static Object *heap_iternext(Object *self) {
    bool found;
    Object *r = slot_call_special(self, "__next__", NULL, 0, &found);
    if (!found && !err_occurred()) {
        return err_format(&ExcTypeError, "'%.200s' object is not an iterator",
                          obj_type_name(self));
    }
    return r;
}

/* __getattribute__, then __getattr__ when that raises AttributeError. */
static Object *heap_getattr(Object *self, Object *name) {
    TypeObject *t = obj_type(self);
    Object *key = slot_name("__getattribute__");
    Object *ga = key != NULL ? type_lookup(t, key) : NULL;
    Object *r;
    if (ga == NULL || slot_is_native_wrapper(ga, NULL, NULL)) {
        TypeObject *owner = NULL;
        if (ga != NULL) {
            slot_is_native_wrapper(ga, &owner, NULL);
        }
        r = owner != NULL && owner->getattr != NULL && owner->getattr != heap_getattr
                ? owner->getattr(self, name)
                : obj_generic_getattr(self, name);
    } else {
        bool found;
        r = slot_call_special(self, "__getattribute__", &name, 1, &found);
    }
    if (r == NULL && err_matches(&ExcAttributeError)) {
        bool found;
        Object *saved = err_fetch();
        Object *r2 = slot_call_special(self, "__getattr__", &name, 1, &found);
        if (!found && !err_occurred()) {
            err_restore(saved);
            return NULL;
        }
        XDECREF(saved);
        return r2;
    }
    return r;
}

static int heap_setattr(Object *self, Object *name, Object *value) {
    bool found;
    Object *args[2] = {name, value};
    Object *r = value != NULL ? slot_call_special(self, "__setattr__", args, 2, &found)
                              : slot_call_special(self, "__delattr__", args, 1, &found);
    if (!found && !err_occurred()) {
        return obj_generic_setattr(self, name, value);
    }
    if (r == NULL) {
        return -1;
    }
    DECREF(r);
    return 0;
}

static Object *heap_descr_get(Object *self, Object *instance, TypeObject *owner) {
    Object *args[2] = {instance != NULL ? instance : None, owner != NULL ? (Object *)owner : None};
    bool found;
    Object *r = slot_call_special(self, "__get__", args, 2, &found);
    if (!found && !err_occurred()) {
        return NEWREF(self);
    }
    return r;
}

static int heap_descr_set(Object *self, Object *instance, Object *value) {
    bool found;
    Object *args[2] = {instance, value};
    Object *r = value != NULL ? slot_call_special(self, "__set__", args, 2, &found)
                              : slot_call_special(self, "__delete__", args, 1, &found);
    if (!found && !err_occurred()) {
        err_format(&ExcAttributeError, value != NULL ? "__set__" : "__delete__");
        return -1;
    }
    if (r == NULL) {
        return -1;
    }
    DECREF(r);
    return 0;
}

static Object *heap_call(Object *callable, Object *const *args, size_t nargs, Object *kwnames) {
    TypeObject *t = obj_type(callable);
    Object *key = slot_name("__call__");
    Object *attr = key != NULL ? type_lookup(t, key) : NULL;
    if (attr == NULL) {
        return err_format(&ExcTypeError, "'%.200s' object is not callable", t->name);
    }
    return slot_call_bound(attr, callable, t, args, nargs, kwnames);
}

static Object *heap_format(Object *self, Object *spec) {
    bool found;
    Object *r = slot_call_special(self, "__format__", &spec, 1, &found);
    if (r != NULL && !str_check(r)) {
        err_format(&ExcTypeError, "__format__ must return a str, not %.200s", obj_type_name(r));
        DECREF(r);
        return NULL;
    }
    return r;
}

static int heap_init(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    TypeObject *t = obj_type(self);
    Object *key = slot_name("__init__");
    Object *attr = key != NULL ? type_lookup(t, key) : NULL;
    if (attr == NULL) {
        return key == NULL ? -1 : 0;
    }
    Object *r = slot_call_bound(attr, self, t, args, nargs, kwnames);
    if (r == NULL) {
        return -1;
    }
    if (r != None) {
        err_format(&ExcTypeError, "__init__() should return None, not '%.200s'", obj_type_name(r));
        DECREF(r);
        return -1;
    }
    DECREF(r);
    return 0;
}

/* ================================================================ assigning slots */

/* The slot function a class gets for each kind of special method. */
static AnySlot heap_slot_for(const SlotDef *d) {
    switch (d->kind) {
    case SW_REPR: return (AnySlot)heap_repr;
    case SW_STR: return (AnySlot)heap_str;
    case SW_HASH: return (AnySlot)heap_hash;
    case SW_RICHCOMPARE: return (AnySlot)heap_richcompare;
    case SW_BOOL: return (AnySlot)heap_truth;
    case SW_BINARY: case SW_BINARY_REFLECTED: return (AnySlot)heap_binary_op;
    case SW_INPLACE: return (AnySlot)heap_inplace_op;
    case SW_UNARY: return (AnySlot)heap_unary_op;
    case SW_INDEX: return (AnySlot)heap_index;
    case SW_INT: return (AnySlot)heap_to_int;
    case SW_FLOAT: return (AnySlot)heap_to_float;
    case SW_LEN: return (AnySlot)heap_len;
    case SW_GETITEM: return (AnySlot)heap_getitem;
    case SW_SETITEM: case SW_DELITEM: return (AnySlot)heap_setitem;
    case SW_CONTAINS: return (AnySlot)heap_contains;
    case SW_ITER: return (AnySlot)heap_iter;
    case SW_NEXT: return (AnySlot)heap_iternext;
    case SW_GETATTRIBUTE: case SW_GETATTR_HOOK: return (AnySlot)heap_getattr;
    case SW_SETATTR: case SW_DELATTR: return (AnySlot)heap_setattr;
    case SW_DESCR_GET: return (AnySlot)heap_descr_get;
    case SW_DESCR_SET: case SW_DESCR_DELETE: return (AnySlot)heap_descr_set;
    case SW_CALL: return (AnySlot)heap_call;
    case SW_FORMAT: return (AnySlot)heap_format;
    case SW_INIT: return (AnySlot)heap_init;
    case SW_NEW: return NULL; /* class.c handles construction */
    }
    return NULL;
}

int slot_fixup_heap_type(TypeObject *t) {
    /* Walk the slots; a slot is native when every special method that maps
     * to it resolves to a wrapper of one native type's slot, else it is the
     * generic dispatcher. Entries sharing a slot are adjacent or grouped by
     * offset, so decide per offset. */
    for (const SlotDef *d = slot_defs; d->name != NULL; d++) {
        if (d->kind == SW_NEW) {
            continue;
        }
        bool seen_before = false;
        for (const SlotDef *e = slot_defs; e != d; e++) {
            if (e->offset == d->offset) {
                seen_before = true;
                break;
            }
        }
        if (seen_before) {
            continue;
        }
        AnySlot native = NULL;
        bool any_found = false, all_native = true, have_native = false;
        for (const SlotDef *e = d; e->name != NULL; e++) {
            if (e->offset != d->offset) {
                continue;
            }
            Object *key = str_intern_cstr(e->name);
            if (key == NULL) {
                return -1;
            }
            Object *attr = type_lookup(t, key);
            DECREF(key);
            if (attr == NULL) {
                continue;
            }
            any_found = true;
            TypeObject *owner;
            const SlotDef *wdef;
            if (attr == None && e->kind == SW_HASH) {
                all_native = false;
                native = NULL;
                break;
            }
            if (slot_is_native_wrapper(attr, &owner, &wdef) && wdef->offset == e->offset) {
                /* f may be NULL: object's generic getattr/setattr/str. */
                AnySlot f = slot_get(owner, e->offset);
                if (!have_native || native == f) {
                    native = f;
                    have_native = true;
                    continue;
                }
            }
            all_native = false;
        }
        AnySlot chosen;
        if (!any_found) {
            chosen = NULL;
        } else if (all_native && have_native) {
            chosen = native;
        } else {
            chosen = heap_slot_for(d);
        }
        if (d->kind == SW_HASH && any_found && !all_native) {
            Object *key = str_intern_cstr("__hash__");
            Object *attr = key != NULL ? type_lookup(t, key) : NULL;
            XDECREF(key);
            chosen = attr == None ? NULL : (AnySlot)heap_hash;
        }
        slot_put(t, d->offset, chosen);
    }
    /* ternary pow follows __pow__ */
    Object *key = str_intern_cstr("__pow__");
    Object *attr = key != NULL ? type_lookup(t, key) : NULL;
    XDECREF(key);
    if (attr != NULL && !slot_is_native_wrapper(attr, NULL, NULL)) {
        t->ternary_pow = heap_ternary_pow;
    } else if (t->base_type != NULL) {
        t->ternary_pow = t->base_type->ternary_pow;
    }
    /* Keep a native base's index/conversion slots when not overridden. */
    return 0;
}

/* Construct an instance of cls with the native constructor of `native`. */
Object *slot_native_new(TypeObject *native, TypeObject *cls, Object *const *args, size_t nargs,
                        Object *kwnames) {
    if (native == &ObjectType) {
        /* object.__new__ ignores arguments only when __init__ is overridden. */
        size_t nkw = kwnames != NULL ? tuple_size(kwnames) : 0;
        if (nargs + nkw != 0 && cls->init == obj_init_default) {
            return err_format(&ExcTypeError, "%.200s() takes no arguments", cls->name);
        }
        return obj_alloc(cls, cls->basic_size);
    }
    if (native->new_instance == NULL) {
        return err_format(&ExcTypeError, "cannot create '%.200s' instances", cls->name);
    }
    /* For subclasses, list/dict/set make an empty instance and leave the
     * filling to __init__; immutable types (int, str, tuple...) use the args. */
    return native->new_instance(cls, args, nargs, kwnames);
}
