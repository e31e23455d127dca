/* class.c: classes made at run time by `class` statements (through
 * builtins.__build_class__) and by type(name, bases, dict): "heap types".
 * A class is an ordinary TypeObject whose slots point at generic functions
 * that look up and call its special methods (slots.c). */
#include "class.h"

#include <string.h>

#include "attrcache.h"
#include "dict.h"
#include "errors.h"
#include "exceptions.h"
#include "function.h"
#include "list.h"
#include "memory.h"
#include "bytes.h"
#include "int.h"
#include "slots.h"
#include "str.h"
#include "tuple.h"

Object *(*class_body_runner)(Object *func, Object *namespace);
Object *(*class_caller_globals)(void);

void type_inherit_slots(TypeObject *t, const TypeObject *b);

/* ================================================================ C3 linearisation */

/* Merge the MROs of the bases (plus the list of bases) as C3 prescribes:
 * repeatedly take the first head that appears in no other list's tail. */
static Object *compute_mro(TypeObject *t, Object *bases) {
    size_t nb = tuple_size(bases);
    size_t nseq = nb + 1;
    Object **seqs = mem_alloc_array(nseq, sizeof(Object *));
    size_t *heads = mem_alloc_array(nseq, sizeof(size_t));
    Object *result = list_new(0);
    if (seqs == NULL || heads == NULL || result == NULL) {
        goto fail;
    }
    for (size_t i = 0; i < nb; i++) {
        seqs[i] = ((TypeObject *)tuple_get(bases, i))->mro;
    }
    seqs[nb] = bases;
    if (list_append(result, (Object *)t) < 0) {
        goto fail;
    }
    for (;;) {
        Object *candidate = NULL;
        bool remaining = false;
        for (size_t i = 0; i < nseq && candidate == NULL; i++) {
            if (heads[i] >= tuple_size(seqs[i])) {
                continue;
            }
            remaining = true;
            Object *c = tuple_get(seqs[i], heads[i]);
            bool in_tail = false;
            for (size_t j = 0; j < nseq && !in_tail; j++) {
                for (size_t k = heads[j] + 1; k < tuple_size(seqs[j]); k++) {
                    if (tuple_get(seqs[j], k) == c) {
                        in_tail = true;
                        break;
                    }
                }
            }
            if (!in_tail) {
                candidate = c;
            }
        }
        if (!remaining) {
            break;
        }
        if (candidate == NULL) {
            StrBuilder sb;
            sb_init(&sb);
            sb_append_cstr(&sb, "Cannot create a consistent method resolution\norder (MRO) for bases");
            /* As CPython: the distinct heads still waiting to be merged. */
            bool first = true;
            for (size_t i = 0; i < nseq; i++) {
                if (heads[i] >= tuple_size(seqs[i])) {
                    continue;
                }
                Object *h = tuple_get(seqs[i], heads[i]);
                bool dup = false;
                for (size_t j = 0; j < i && !dup; j++) {
                    dup = heads[j] < tuple_size(seqs[j]) && tuple_get(seqs[j], heads[j]) == h;
                }
                if (dup) {
                    continue;
                }
                sb_append_cstr(&sb, first ? " " : ", ");
                sb_append_cstr(&sb, ((TypeObject *)h)->name);
                first = false;
            }
            Object *msg = sb_finish(&sb);
            if (msg != NULL) {
                err_set_object(&ExcTypeError, msg);
                DECREF(msg);
            }
            goto fail;
        }
        if (list_append(result, candidate) < 0) {
            goto fail;
        }
        for (size_t i = 0; i < nseq; i++) {
            if (heads[i] < tuple_size(seqs[i]) && tuple_get(seqs[i], heads[i]) == candidate) {
                heads[i]++;
            }
        }
    }
    mem_free(seqs);
    mem_free(heads);
    Object *mro = list_as_tuple(result);
    DECREF(result);
    return mro;
fail:
    mem_free(seqs);
    mem_free(heads);
    XDECREF(result);
    return NULL;
}

/* ================================================================ layout */

/* The nearest native (non-class) ancestor: it fixes the instance layout. */
TypeObject *class_native_base(TypeObject *t) {
    while (t->flags & TYPE_FLAG_HEAPTYPE) {
        t = t->base_type;
    }
    return t;
}

/* Types whose instances have a variable-size tail: no room for a __dict__
 * slot at a fixed offset, so their subclasses get no instance dict. */
static bool is_var_sized(TypeObject *t) {
    return t == &TupleType || t == &StrType || t == &IntType || t == &BytesType;
}

/* Pick the base whose native layout extends all the others' (CPython's best_base). */
static TypeObject *best_base(Object *bases) {
    TypeObject *winner = NULL, *best = NULL;
    for (size_t i = 0; i < tuple_size(bases); i++) {
        TypeObject *b = (TypeObject *)tuple_get(bases, i);
        TypeObject *solid = class_native_base(b);
        if (winner == NULL || type_is_subtype(solid, winner)) {
            winner = solid;
            best = b;
        } else if (!type_is_subtype(winner, solid)) {
            err_format(&ExcTypeError, "multiple bases have instance lay-out conflict");
            return NULL;
        }
    }
    return best;
}

/* ================================================================ instances */

static Object *instance_get_dict(Object *self) {
    TypeObject *t = obj_type(self);
    Object **slot = (Object **)((char *)self + t->dict_offset);
    if (*slot == NULL) {
        *slot = dict_new();
        if (*slot == NULL) {
            return NULL;
        }
    }
    return NEWREF(*slot);
}

static int instance_set_dict(Object *self, Object *value) {
    if (value == NULL || !dict_check(value)) {
        err_format(&ExcTypeError, "__dict__ must be set to a dictionary, not a '%.200s'",
                   value == NULL ? "NoneType" : obj_type_name(value));
        return -1;
    }
    TypeObject *t = obj_type(self);
    Object **slot = (Object **)((char *)self + t->dict_offset);
    Object *old = *slot;
    *slot = NEWREF(value);
    XDECREF(old);
    return 0;
}

static const GetSetDef instance_dict_getset[] = {
    {"__dict__", instance_get_dict, instance_set_dict, "dictionary for instance variables"},
    {NULL, NULL, NULL, NULL},
};

/* Run self.__del__() once, if the class has one. Returns true when the
 * finalizer resurrected the object (stored a new reference somewhere). */
bool class_finalize(Object *self) {
    GCHeader *gc = (GCHeader *)self - 1;
    if (gc->gc_flags & GC_FLAG_FINALIZED) {
        return false;
    }
    Object *key = slot_name("__del__");
    Object *del = key != NULL ? type_lookup(self->type, key) : NULL;
    if (del == NULL) {
        return false;
    }
    gc->gc_flags |= GC_FLAG_FINALIZED;
    intptr_t before = self->refcount;
    self->refcount++; /* keep it alive while __del__ runs */
    Object *saved = err_fetch();
    bool found;
    Object *r = slot_call_special(self, "__del__", NULL, 0, &found);
    if (r == NULL && err_occurred()) {
        obj_report_unraisable(del);
    }
    XDECREF(r);
    err_restore(saved);
    self->refcount--;
    return self->refcount > before;
}

/* Free an instance of a class: run __del__, drop the instance dict the class
 * added, then let the native base free the rest. */
static void heap_instance_dealloc(Object *self) {
    TypeObject *t = self->type;
    if (!(((GCHeader *)self - 1)->gc_flags & GC_FLAG_FINALIZED)) {
        self->refcount = 1; /* resurrect for the finalizer */
        bool resurrected = class_finalize(self);
        if (--self->refcount != 0 || resurrected) {
            return; /* __del__ kept a reference: the object lives on */
        }
    }
    TypeObject *native = class_native_base(t);
    if (t->dict_offset != 0 && t->dict_offset != native->dict_offset) {
        Object **slot = (Object **)((char *)self + t->dict_offset);
        CLEAR(*slot);
    }
    if (native->dealloc != NULL && native != &ObjectType) {
        native->dealloc(self);
    } else {
        obj_free(self);
    }
}

static int heap_instance_traverse(Object *self, VisitFunc visit, void *arg) {
    TypeObject *t = self->type;
    TypeObject *native = class_native_base(t);
    if (visit((Object *)t, arg) < 0) {
        return -1;
    }
    if (t->dict_offset != 0 && t->dict_offset != native->dict_offset) {
        Object *d = *(Object **)((char *)self + t->dict_offset);
        if (d != NULL && visit(d, arg) < 0) {
            return -1;
        }
    }
    return native->traverse != NULL ? native->traverse(self, visit, arg) : 0;
}

static int heap_instance_clear(Object *self) {
    TypeObject *t = self->type;
    TypeObject *native = class_native_base(t);
    if (t->dict_offset != 0 && t->dict_offset != native->dict_offset) {
        Object **slot = (Object **)((char *)self + t->dict_offset);
        CLEAR(*slot);
    }
    return native->clear != NULL ? native->clear(self) : 0;
}

/* Calling a class: __new__ makes the instance, __init__ initialises it. */
static Object *heap_type_construct(TypeObject *cls, Object *const *args, size_t nargs,
                                   Object *kwnames) {
    Object *key = slot_name("__new__");
    Object *new_attr = key != NULL ? type_lookup(cls, key) : NULL;
    Object *obj;
    TypeObject *owner;
    const SlotDef *def;
    if (new_attr == NULL || (slot_is_native_wrapper(new_attr, &owner, &def) && def->kind == SW_NEW)) {
        TypeObject *native = new_attr == NULL ? class_native_base(cls) : owner;
        obj = slot_native_new(native, cls, args, nargs, kwnames);
    } else {
        /* A Python __new__ (implicitly a staticmethod): call it with cls first. */
        TypeObject *at = obj_type(new_attr);
        Object *fn = at->descr_get != NULL ? at->descr_get(new_attr, NULL, cls) : NEWREF(new_attr);
        if (fn == NULL) {
            return NULL;
        }
        size_t total = nargs + (kwnames != NULL ? tuple_size(kwnames) : 0);
        Object **buf = mem_alloc_array(total + 1, sizeof(Object *));
        if (buf == NULL) {
            DECREF(fn);
            return NULL;
        }
        buf[0] = (Object *)cls;
        memcpy(buf + 1, args, total * sizeof(Object *));
        obj = obj_call(fn, buf, nargs + 1, kwnames);
        mem_free(buf);
        DECREF(fn);
    }
    if (obj == NULL || !obj_is_instance_of(obj, cls)) {
        return obj;
    }
    TypeObject *t = obj_type(obj);
    if (t->init != NULL && t->init(obj, args, nargs, kwnames) < 0) {
        DECREF(obj);
        return NULL;
    }
    return obj;
}

/* ================================================================ creating a class */

static void heap_type_dealloc(Object *self) {
    TypeObject *t = (TypeObject *)self;
    XDECREF(t->subclasses);
    XDECREF(t->dict);
    XDECREF(t->mro);
    XDECREF(t->bases);
    XDECREF(t->name_obj);
    XDECREF(t->qualname);
    XDECREF(t->module_name);
    XDECREF((Object *)t->base_type);
    obj_free(self);
}

/* Call __set_name__(owner, name) on every attribute that has one. */
static int call_set_names(TypeObject *t) {
    size_t pos = 0;
    Object *k, *v;
    Object *items = list_new(0);
    if (items == NULL) {
        return -1;
    }
    while (dict_next(t->dict, &pos, &k, &v)) {
        Object *pair = tuple_pack(2, k, v);
        if (pair == NULL || list_append(items, pair) < 0) {
            XDECREF(pair);
            DECREF(items);
            return -1;
        }
        DECREF(pair);
    }
    for (size_t i = 0; i < list_size(items); i++) {
        Object *pair = list_get(items, i);
        bool found;
        Object *args[2] = {(Object *)t, tuple_get(pair, 0)};
        Object *r = slot_call_special(tuple_get(pair, 1), "__set_name__", args, 2, &found);
        if (r == NULL && err_occurred()) {
            DECREF(items);
            return -1;
        }
        XDECREF(r);
    }
    DECREF(items);
    return 0;
}

/* super(t, t).__init_subclass__(**kwargs) */
static int call_init_subclass(TypeObject *t, Object *const *kwvalues, Object *kwnames) {
    Object *key = str_intern_cstr("__init_subclass__");
    if (key == NULL) {
        return -1;
    }
    Object *attr = NULL;
    for (size_t i = 1; i < tuple_size(t->mro) && attr == NULL; i++) {
        TypeObject *b = (TypeObject *)tuple_get(t->mro, i);
        attr = dict_get_str(b->dict, key);
    }
    DECREF(key);
    if (attr == NULL) {
        return 0;
    }
    TypeObject *at = obj_type(attr);
    Object *bound = at->descr_get != NULL ? at->descr_get(attr, NULL, t) : NEWREF(attr);
    if (bound == NULL) {
        return -1;
    }
    Object *r = obj_call(bound, kwvalues, 0, kwnames);
    DECREF(bound);
    if (r == NULL) {
        return -1;
    }
    DECREF(r);
    return 0;
}

Object *class_new(TypeObject *meta, Object *name, Object *bases, Object *ns,
                  Object *const *kwvalues, Object *kwnames) {
    if (!str_check(name) || !tuple_check(bases) || !dict_check(ns)) {
        return err_format(&ExcTypeError, "type.__new__() argument types must be (str, tuple, dict)");
    }
    Object *own_bases = NULL;
    if (tuple_size(bases) == 0) {
        own_bases = tuple_pack(1, (Object *)&ObjectType);
        if (own_bases == NULL) {
            return NULL;
        }
        bases = own_bases;
    }
    for (size_t i = 0; i < tuple_size(bases); i++) {
        Object *b = tuple_get(bases, i);
        if (is_small_int(b) || !obj_is_instance_of(b, &TypeType)) {
            XDECREF(own_bases);
            return err_format(&ExcTypeError, "bases must be types");
        }
        if (!(((TypeObject *)b)->flags & TYPE_FLAG_BASETYPE)) {
            XDECREF(own_bases);
            return err_format(&ExcTypeError, "type '%.100s' is not an acceptable base type",
                              ((TypeObject *)b)->name);
        }
        for (size_t j = 0; j < i; j++) {
            if (tuple_get(bases, j) == b) {
                XDECREF(own_bases);
                return err_format(&ExcTypeError, "duplicate base class %.100s",
                                  ((TypeObject *)b)->name);
            }
        }
    }
    TypeObject *base = best_base(bases);
    if (base == NULL) {
        XDECREF(own_bases);
        return NULL;
    }
    TypeObject *t = (TypeObject *)obj_alloc(meta, meta->basic_size);
    if (t == NULL) {
        XDECREF(own_bases);
        return NULL;
    }
    t->name_obj = NEWREF(name);
    str_intern_in_place(&t->name_obj);
    t->name = str_utf8(t->name_obj);
    t->flags = TYPE_FLAG_HEAPTYPE | TYPE_FLAG_BASETYPE | TYPE_FLAG_GC | TYPE_FLAG_READY |
               (base->flags & TYPE_FLAG_EXCEPTION);
    t->base_type = (TypeObject *)NEWREF((Object *)base);
    t->bases = NEWREF(bases);
    XDECREF(own_bases);
    t->dealloc = NULL;
    t->dict = dict_copy(ns);
    if (t->dict == NULL) {
        goto fail;
    }
    Object *qualname_key = str_intern_cstr("__qualname__");
    if (qualname_key == NULL) {
        goto fail;
    }
    Object *qualname = dict_get_str(t->dict, qualname_key);
    if (qualname != NULL && !str_check(qualname)) {
        DECREF(qualname_key);
        err_format(&ExcTypeError, "type __qualname__ must be a str, not %s",
                   obj_type_name(qualname));
        goto fail;
    }
    t->qualname = NEWREF(qualname != NULL ? qualname : name);
    if (qualname != NULL && dict_del(t->dict, qualname_key) < 0) {
        DECREF(qualname_key);
        goto fail;
    }
    DECREF(qualname_key);
    Object *module = dict_get_cstr(t->dict, "__module__");
    if (module == NULL && class_caller_globals != NULL) {
        /* type("C", (), {}): the module is the caller's __name__ */
        Object *globals = class_caller_globals();
        Object *modname = globals != NULL ? dict_get_cstr(globals, "__name__") : NULL;
        if (modname != NULL) {
            if (dict_set_cstr(t->dict, "__module__", modname) < 0) {
                goto fail;
            }
            module = modname;
        }
    }
    if (module != NULL && str_check(module)) {
        t->module_name = NEWREF(module);
    }
    if (dict_get_cstr(t->dict, "__doc__") == NULL && dict_set_cstr(t->dict, "__doc__", None) < 0) {
        goto fail;
    }
    /* Defining __eq__ without __hash__ makes instances unhashable. */
    if (dict_get_cstr(t->dict, "__eq__") != NULL && dict_get_cstr(t->dict, "__hash__") == NULL &&
        dict_set_cstr(t->dict, "__hash__", None) < 0) {
        goto fail;
    }
    /* __new__, __init_subclass__ and __class_getitem__ are implicitly static/class methods. */
    Object *new_fn = dict_get_cstr(t->dict, "__new__");
    if (new_fn != NULL && obj_type(new_fn) == &FunctionType) {
        Object *sm = staticmethod_new(new_fn);
        if (sm == NULL || dict_set_cstr(t->dict, "__new__", sm) < 0) {
            XDECREF(sm);
            goto fail;
        }
        DECREF(sm);
    }
    static const char *const implicit_classmethods[] = {"__init_subclass__", "__class_getitem__"};
    for (size_t i = 0; i < 2; i++) {
        Object *fn = dict_get_cstr(t->dict, implicit_classmethods[i]);
        if (fn != NULL && obj_type(fn) == &FunctionType) {
            Object *cm = classmethod_new(fn);
            if (cm == NULL || dict_set_cstr(t->dict, implicit_classmethods[i], cm) < 0) {
                XDECREF(cm);
                goto fail;
            }
            DECREF(cm);
        }
    }

    t->mro = compute_mro(t, bases);
    if (t->mro == NULL) {
        goto fail;
    }
    type_inherit_slots(t, base);
    TypeObject *native = class_native_base(base);
    if (t->dict_offset == 0 && !is_var_sized(native)) {
        t->dict_offset = t->basic_size;
        t->basic_size += sizeof(Object *);
        for (const GetSetDef *g = instance_dict_getset; g->name != NULL; g++) {
            Object *d = getset_descr_new(g, t);
            if (d == NULL || dict_set_cstr(t->dict, g->name, d) < 0) {
                XDECREF(d);
                goto fail;
            }
            DECREF(d);
        }
    }
    t->dealloc = heap_instance_dealloc;
    t->traverse = heap_instance_traverse;
    t->clear = heap_instance_clear;
    if (slot_fixup_heap_type(t) < 0) {
        goto fail;
    }
    t->new_instance = heap_type_construct;
    type_modified(t); /* lookups made while the dict was being filled are stale */
    for (size_t i = 0; i < tuple_size(bases); i++) {
        if (type_add_subclass((TypeObject *)tuple_get(bases, i), t) < 0) {
            goto fail;
        }
    }
    if (call_set_names(t) < 0 || call_init_subclass(t, kwvalues, kwnames) < 0) {
        goto fail;
    }
    return (Object *)t;
fail:
    DECREF((Object *)t);
    return NULL;
}

/* A metaclass of a class is a subclass of type: the type object's dealloc. */
void class_type_dealloc(Object *self) {
    if (((TypeObject *)self)->flags & TYPE_FLAG_HEAPTYPE) {
        heap_type_dealloc(self);
    }
}

/* ================================================================ __build_class__ */

/* __build_class__(func, name, *bases, metaclass=type, **kwds): run the
 * class body `func` in a fresh namespace, then create the class. */
static Object *build_class(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (nargs < 2) {
        return err_format(&ExcTypeError, "__build_class__: not enough arguments");
    }
    Object *func = args[0], *name = args[1];
    if (obj_type(func) != &FunctionType) {
        return err_format(&ExcTypeError, "__build_class__: func must be a function");
    }
    if (!str_check(name)) {
        return err_format(&ExcTypeError, "__build_class__: name is not a string");
    }
    if (class_body_runner == NULL) {
        return err_format(&ExcSystemError, "__build_class__: no VM");
    }
    Object *bases = tuple_from_array(args + 2, nargs - 2);
    if (bases == NULL) {
        return NULL;
    }
    /* Split off metaclass=; keep the other keywords for __init_subclass__. */
    Object *meta = NULL;
    size_t nkw = kwnames != NULL ? tuple_size(kwnames) : 0;
    Object *kwvals[16];
    Object *kwlist = list_new(0);
    size_t nkept = 0;
    if (kwlist == NULL) {
        DECREF(bases);
        return NULL;
    }
    for (size_t i = 0; i < nkw; i++) {
        Object *k = tuple_get(kwnames, i);
        if (str_equal_cstr(k, "metaclass")) {
            meta = args[nargs + i];
        } else if (nkept < 16) {
            kwvals[nkept++] = args[nargs + i];
            list_append(kwlist, k);
        }
    }
    Object *kept_names = nkept != 0 ? list_as_tuple(kwlist) : NULL;
    DECREF(kwlist);
    if (meta == NULL) {
        meta = (Object *)&TypeType;
        /* The most derived metaclass among the bases wins. */
        for (size_t i = 0; i < tuple_size(bases); i++) {
            TypeObject *bt = obj_type(tuple_get(bases, i));
            if (type_is_subtype(bt, (TypeObject *)meta)) {
                meta = (Object *)bt;
            }
        }
    }
    Object *ns = dict_new();
    Object *cls = NULL;
    if (ns == NULL) {
        goto done;
    }
    Object *cell = class_body_runner(func, ns);
    if (cell == NULL) {
        goto done;
    }
    Object *margs[3] = {name, bases, ns};
    Object *call_args[3 + 16];
    memcpy(call_args, margs, sizeof margs);
    memcpy(call_args + 3, kwvals, nkept * sizeof(Object *));
    if (meta == (Object *)&TypeType) {
        cls = class_new(&TypeType, name, bases, ns, kwvals, kept_names);
    } else {
        cls = obj_call(meta, call_args, 3, kept_names);
    }
    if (cls != NULL && obj_type(cell) == &CellType) {
        CellObject *c = (CellObject *)cell;
        XDECREF(c->ref);
        c->ref = NEWREF(cls);
    }
    DECREF(cell);
done:
    XDECREF(ns);
    XDECREF(kept_names);
    DECREF(bases);
    return cls;
}

const MethodDef class_build_class_def = {
    "__build_class__", build_class, 0,
    "__build_class__(func, name, /, *bases, [metaclass], **kwds) -> class"};
