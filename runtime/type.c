/* type.c: the type of types. type_ready() turns a static TypeObject into a
 * working Python class: it inherits empty slots from its base, builds the
 * attribute dict from the method and getset tables, and computes the MRO.
 * User-defined classes (class statements) are built on this in a later step. */
#include <string.h>

#include "attrcache.h"
#include "dict.h"
#include "errors.h"
#include "exceptions.h"
#include "function.h"
#include "list.h"
#include "object.h"
#include "str.h"
#include "tuple.h"
#include "class.h"
#include "slots.h"

bool type_is_subtype(const TypeObject *t, const TypeObject *base) {
    if (t == base) {
        return true;
    }
    if (t->mro != NULL) {
        size_t n = tuple_size(t->mro);
        for (size_t i = 0; i < n; i++) {
            if ((const TypeObject *)tuple_get(t->mro, i) == base) {
                return true;
            }
        }
        return false;
    }
    for (const TypeObject *b = t->base_type; b != NULL; b = b->base_type) {
        if (b == base) {
            return true;
        }
    }
    return base == &ObjectType;
}

/* ================================================================ getset descriptors */

/* A GetSetDef wrapped as a data descriptor in a type's dict. */
typedef struct GetSetDescrObject {
    Object base;
    const GetSetDef *def;
    TypeObject *owner;
} GetSetDescrObject;

static Object *getset_descr_get(Object *descr, Object *instance, TypeObject *owner) {
    GetSetDescrObject *d = (GetSetDescrObject *)descr;
    if (instance == NULL) {
        return NEWREF(descr);
    }
    return d->def->get(instance);
}

static int getset_descr_set(Object *descr, Object *instance, Object *value) {
    GetSetDescrObject *d = (GetSetDescrObject *)descr;
    if (d->def->set == NULL) {
        err_format(&ExcAttributeError, "attribute '%s' of '%.100s' objects is not writable",
                   d->def->name, d->owner->name);
        return -1;
    }
    return d->def->set(instance, value);
}

static Object *getset_descr_repr(Object *descr) {
    GetSetDescrObject *d = (GetSetDescrObject *)descr;
    return str_from_format("<attribute '%s' of '%s' objects>", d->def->name, d->owner->name);
}

TypeObject GetSetDescrType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "getset_descriptor",
    .basic_size = sizeof(GetSetDescrObject),
    .repr = getset_descr_repr,
    .descr_get = getset_descr_get,
    .descr_set = getset_descr_set,
};

Object *getset_descr_new(const GetSetDef *def, TypeObject *owner) {
    GetSetDescrObject *d = (GetSetDescrObject *)obj_alloc(&GetSetDescrType, sizeof(*d));
    if (d != NULL) {
        d->def = def;
        d->owner = owner;
    }
    return (Object *)d;
}

/* ================================================================ type_ready */

/* Copy every slot the type left empty from its base. hash and richcompare
 * are inherited together, so a type that defines == without a hash stays
 * unhashable, as in CPython. */
void type_inherit_slots(TypeObject *t, const TypeObject *b) {
#define INHERIT(slot)                                                                              \
    if (t->slot == NULL) {                                                                         \
        t->slot = b->slot;                                                                         \
    }
    if (t->basic_size == 0) {
        t->basic_size = b->basic_size;
    }
    if (t->dict_offset == 0) {
        t->dict_offset = b->dict_offset;
    }
    INHERIT(dealloc);
    INHERIT(traverse);
    INHERIT(clear);
    INHERIT(repr);
    INHERIT(str);
    if (t->hash == NULL && t->richcompare == NULL) {
        t->hash = b->hash;
        t->richcompare = b->richcompare;
    }
    INHERIT(truth);
    INHERIT(binary_op);
    INHERIT(inplace_op);
    INHERIT(unary_op);
    INHERIT(ternary_pow);
    INHERIT(index);
    INHERIT(to_int);
    INHERIT(to_float);
    INHERIT(len);
    INHERIT(getitem);
    INHERIT(setitem);
    INHERIT(contains);
    INHERIT(iter);
    INHERIT(iternext);
    INHERIT(getattr);
    INHERIT(setattr);
    INHERIT(descr_get);
    INHERIT(descr_set);
    INHERIT(call);
    INHERIT(new_instance);
    INHERIT(format);
    INHERIT(init);
#undef INHERIT
}

static int add_methods(TypeObject *t) {
    for (const MethodDef *m = t->methods; m != NULL && m->name != NULL; m++) {
        Object *descr = method_descr_new(m, t);
        if (descr == NULL || dict_set_cstr(t->dict, m->name, descr) < 0) {
            XDECREF(descr);
            return -1;
        }
        DECREF(descr);
    }
    for (const GetSetDef *g = t->getsets; g != NULL && g->name != NULL; g++) {
        Object *descr = getset_descr_new(g, t);
        if (descr == NULL || dict_set_cstr(t->dict, g->name, descr) < 0) {
            XDECREF(descr);
            return -1;
        }
        DECREF(descr);
    }
    return 0;
}

int type_ready(TypeObject *t) {
    if (t->flags & TYPE_FLAG_READY) {
        return 0;
    }
    if (t->base_type == NULL && t != &ObjectType) {
        t->base_type = &ObjectType;
    }
    TypeObject *b = t->base_type;
    if (b != NULL) {
        if (type_ready(b) < 0) {
            return -1;
        }
        type_inherit_slots(t, b);
        if (b->flags & TYPE_FLAG_EXCEPTION) {
            t->flags |= TYPE_FLAG_EXCEPTION;
        }
        if (type_add_subclass(b, t) < 0) {
            return -1;
        }
    }
    t->flags |= TYPE_FLAG_READY;
    if (t->name_obj == NULL) {
        /* A dotted name ("sys.version_info") means module "sys", name
         * "version_info", as CPython reads tp_name. */
        const char *dot = strrchr(t->name, '.');
        t->name_obj = str_intern_cstr(dot != NULL ? dot + 1 : t->name);
        if (t->name_obj == NULL) {
            return -1;
        }
        if (dot != NULL && t->module_name == NULL) {
            t->module_name = str_from_utf8(t->name, (size_t)(dot - t->name));
            if (t->module_name == NULL) {
                return -1;
            }
        }
    }
    if (t->qualname == NULL) {
        t->qualname = NEWREF(t->name_obj);
    }
    if (t->dict == NULL) {
        t->dict = dict_new();
        if (t->dict == NULL || add_methods(t) < 0 || slot_add_wrappers(t) < 0) {
            return -1;
        }
        if (t->doc != NULL) {
            Object *doc = str_from_cstr(t->doc);
            if (doc == NULL || dict_set_cstr(t->dict, "__doc__", doc) < 0) {
                XDECREF(doc);
                return -1;
            }
            DECREF(doc);
        }
    }
    if (t->bases == NULL) {
        t->bases = b != NULL ? tuple_pack(1, (Object *)b) : tuple_new(0);
        if (t->bases == NULL) {
            return -1;
        }
    }
    if (t->mro == NULL) {
        /* Single inheritance: the type, then its base's MRO. */
        size_t nbase = b != NULL ? tuple_size(b->mro) : 0;
        Object *mro = tuple_new(nbase + 1);
        if (mro == NULL) {
            return -1;
        }
        tuple_init_item(mro, 0, NEWREF((Object *)t));
        for (size_t i = 0; i < nbase; i++) {
            tuple_init_item(mro, i + 1, NEWREF(tuple_get(b->mro, i)));
        }
        t->mro = mro;
    }
    type_modified(t); /* lookups made while the dict was being filled are stale */
    return 0;
}

/* ================================================================ the type type */

static Object *type_repr(Object *self) {
    TypeObject *t = (TypeObject *)self;
    if (t->module_name != NULL && !str_equal_cstr(t->module_name, "builtins")) {
        return str_from_format("<class '%U.%U'>", t->module_name, t->qualname);
    }
    return str_from_format("<class '%s'>", t->name);
}

/* Calling a type constructs an instance; type(x) returns x's type. A class
 * (heap type) constructs through __new__ then __init__ (class.c). */
static Object *type_call(Object *callable, Object *const *args, size_t nargs, Object *kwnames) {
    TypeObject *t = (TypeObject *)callable;
    size_t nkw = kwnames != NULL ? tuple_size(kwnames) : 0;
    if (t == &TypeType) {
        if (nargs == 1 && nkw == 0) {
            return NEWREF((Object *)obj_type(args[0]));
        }
        if (nargs != 3) {
            return err_format(&ExcTypeError, "type() takes 1 or 3 arguments");
        }
    }
    if (t->new_instance == NULL) {
        return err_format(&ExcTypeError, "cannot create '%.200s' instances", t->name);
    }
    return t->new_instance(t, args, nargs, kwnames);
}

/* type.__new__(metatype, name, bases, dict, **kwds): make a class. */
static Object *type_new_instance(TypeObject *metatype, Object *const *args, size_t nargs,
                                 Object *kwnames) {
    if (nargs == 1 && (kwnames == NULL || tuple_size(kwnames) == 0)) {
        return NEWREF((Object *)obj_type(args[0]));
    }
    if (nargs != 3) {
        return err_format(&ExcTypeError, "type.__new__() takes exactly 3 arguments (%zu given)",
                          nargs);
    }
    return class_new(metatype, args[0], args[1], args[2], args + 3, kwnames);
}

static Object *type_getattr(Object *self, Object *name) {
    TypeObject *t = (TypeObject *)self;
    TypeObject *metatype = obj_type(self); /* type, or a metaclass */
    /* Data descriptors of the metatype (__name__, __mro__...) come first. */
    Object *meta = type_lookup(metatype, name);
    if (meta != NULL && obj_type(meta)->descr_set != NULL) {
        return obj_type(meta)->descr_get(meta, self, metatype);
    }
    Object *attr = type_lookup(t, name);
    if (attr != NULL) {
        TypeObject *at = obj_type(attr);
        if (at->descr_get != NULL) {
            return at->descr_get(attr, NULL, t);
        }
        return NEWREF(attr);
    }
    if (meta != NULL) {
        TypeObject *mt = obj_type(meta);
        if (mt->descr_get != NULL) {
            return mt->descr_get(meta, self, metatype);
        }
        return NEWREF(meta);
    }
    return err_format(&ExcAttributeError, "type object '%.100s' has no attribute '%U'", t->name,
                      name);
}

/* Recompute the special-method slots of heap type t and of every heap
 * subclass (their lookups may now find a different method). 0 or -1. */
static int type_update_slots(TypeObject *t) {
    if (slot_fixup_heap_type(t) < 0) {
        return -1;
    }
    Object *subs = t->subclasses;
    for (size_t i = 0; subs != NULL && i < list_size(subs); i++) {
        TypeObject *sub = (TypeObject *)list_get(subs, i);
        if ((sub->flags & TYPE_FLAG_HEAPTYPE) && type_update_slots(sub) < 0) {
            return -1;
        }
    }
    return 0;
}

static int type_setattr(Object *self, Object *name, Object *value) {
    TypeObject *t = (TypeObject *)self;
    if (!(t->flags & TYPE_FLAG_HEAPTYPE)) {
        err_format(&ExcTypeError,
                   "cannot set '%U' attribute of immutable type '%.100s'", name, t->name);
        return -1;
    }
    /* Invalidate the attribute caches (attrcache.h) before and after the change: the
     * old value's destructor may run code that looks attributes up meanwhile. */
    type_modified(t);
    int r = value == NULL ? dict_del(t->dict, name) : dict_set(t->dict, name, value);
    type_modified(t);
    if (r < 0) {
        return -1;
    }
    if (value != NULL && str_check(value) && str_equal_cstr(name, "__module__")) {
        Object *old = t->module_name; /* repr(C) reads the cached name */
        t->module_name = NEWREF(value);
        XDECREF(old);
    }
    /* `C.__repr__ = f` after the class statement: recompute the slots of C and
     * of its subclasses so that repr(C()) sees it (as CPython's update_slot). */
    const char *s = str_utf8(name);
    size_t n = strlen(s);
    if (n > 4 && s[0] == '_' && s[1] == '_' && s[n - 1] == '_' && s[n - 2] == '_') {
        return type_update_slots(t);
    }
    return 0;
}

/* type.__init__(cls, name, bases, dict) or type.__init__(cls, obj): the
 * class is already built by then; only the argument count is checked. */
static int type_init(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (nargs != 1 && nargs != 3) {
        err_format(&ExcTypeError, "type.__init__() takes 1 or 3 arguments");
        return -1;
    }
    return 0;
}

/* C[key] on a class calls its __class_getitem__ (list[int], a generic alias). */
static Object *type_getitem(Object *self, Object *key) {
    TypeObject *t = (TypeObject *)self;
    Object *name = str_intern_cstr("__class_getitem__");
    if (name == NULL) {
        return NULL;
    }
    Object *attr = type_lookup(t, name);
    DECREF(name);
    if (attr == NULL) {
        return err_format(&ExcTypeError, "type '%.200s' is not subscriptable", t->name);
    }
    TypeObject *at = obj_type(attr);
    Object *bound = at->descr_get != NULL ? at->descr_get(attr, NULL, t) : NEWREF(attr);
    if (bound == NULL) {
        return NULL;
    }
    Object *r = obj_call1(bound, key);
    DECREF(bound);
    return r;
}

static Object *type_get_name(Object *self) { return NEWREF(((TypeObject *)self)->name_obj); }
static Object *type_get_qualname(Object *self) { return NEWREF(((TypeObject *)self)->qualname); }
static Object *type_get_mro(Object *self) { return NEWREF(((TypeObject *)self)->mro); }
static Object *type_get_bases(Object *self) { return NEWREF(((TypeObject *)self)->bases); }
static Object *type_get_dict(Object *self) { return dict_copy(((TypeObject *)self)->dict); }

static Object *type_get_base(Object *self) {
    TypeObject *b = ((TypeObject *)self)->base_type;
    return NEWREF(b != NULL ? (Object *)b : None);
}

static Object *type_get_module(Object *self) {
    TypeObject *t = (TypeObject *)self;
    if (t->module_name != NULL) {
        return NEWREF(t->module_name);
    }
    return str_intern_cstr("builtins");
}

static Object *type_get_doc(Object *self) {
    Object *doc = dict_get_cstr(((TypeObject *)self)->dict, "__doc__");
    return NEWREF(doc != NULL ? doc : None);
}

static const GetSetDef type_getsets[] = {
    {"__name__", type_get_name, NULL, NULL},
    {"__qualname__", type_get_qualname, NULL, NULL},
    {"__mro__", type_get_mro, NULL, NULL},
    {"__bases__", type_get_bases, NULL, NULL},
    {"__base__", type_get_base, NULL, NULL},
    {"__dict__", type_get_dict, NULL, NULL},
    {"__module__", type_get_module, NULL, NULL},
    {"__doc__", type_get_doc, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static Object *type_mro_method(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return list_from_iterable(((TypeObject *)self)->mro);
}

int type_add_subclass(TypeObject *base, TypeObject *sub) {
    if (base->subclasses == NULL && (base->subclasses = list_new(0)) == NULL) {
        return -1;
    }
    return list_append(base->subclasses, (Object *)sub);
}

static Object *type_subclasses_method(Object *self, Object *const *args, size_t nargs,
                                      Object *kwnames) {
    Object *subs = ((TypeObject *)self)->subclasses;
    return subs != NULL ? list_from_iterable(subs) : list_new(0);
}

static const MethodDef type_methods[] = {
    {"mro", type_mro_method, 0, "Return a type's method resolution order."},
    {"__subclasses__", type_subclasses_method, 0, "Return a list of immediate subclasses."},
    {NULL, NULL, 0, NULL},
};

TypeObject TypeType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "type",
    .basic_size = sizeof(TypeObject),
    .flags = TYPE_FLAG_BASETYPE,
    .dealloc = class_type_dealloc,
    .repr = type_repr,
    .call = type_call,
    .getattr = type_getattr,
    .setattr = type_setattr,
    .getitem = type_getitem,
    .init = type_init,
    .new_instance = type_new_instance,
    .getsets = type_getsets,
    .methods = type_methods,
    .doc = "type(object) -> the object's type",
};
