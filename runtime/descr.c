/* descr.c: the descriptors classes are built with: staticmethod,
 * classmethod, property, and super (which walks the MRO past a class). */
#include <stddef.h>

#include "args.h"
#include "class.h"
#include "dict.h"
#include "errors.h"
#include "exceptions.h"
#include "function.h"
#include "slots.h"
#include "str.h"
#include "tuple.h"

int (*super_zero_arg_hook)(Object **type, Object **obj);

/* ================================================================ staticmethod / classmethod */

/* Both wrap one callable; they differ only in how they bind. */
typedef struct WrapperDescrObject {
    Object base;
    Object *callable;
    Object *dict;
} WrapperDescrObject;

static Object *wrap_callable(TypeObject *type, Object *callable) {
    WrapperDescrObject *w = (WrapperDescrObject *)obj_alloc(type, type->basic_size);
    if (w != NULL) {
        w->callable = NEWREF(callable);
    }
    return (Object *)w;
}

Object *staticmethod_new(Object *callable) { return wrap_callable(&StaticMethodType, callable); }
Object *classmethod_new(Object *callable) { return wrap_callable(&ClassMethodType, callable); }

static Object *wrapper_descr_construct(TypeObject *type, Object *const *args, size_t nargs,
                                       Object *kwnames) {
    const char *name = type == &StaticMethodType ? "staticmethod" : "classmethod";
    if (args_no_keywords(name, kwnames) < 0 || args_count(name, nargs, 1, 1) < 0) {
        return NULL;
    }
    return wrap_callable(type, args[0]);
}

static void wrapper_descr_dealloc(Object *self) {
    WrapperDescrObject *w = (WrapperDescrObject *)self;
    XDECREF(w->callable);
    XDECREF(w->dict);
    obj_free(self);
}

static int wrapper_descr_traverse(Object *self, VisitFunc visit, void *arg) {
    WrapperDescrObject *w = (WrapperDescrObject *)self;
    if (w->callable != NULL && visit(w->callable, arg) < 0) {
        return -1;
    }
    return w->dict != NULL ? visit(w->dict, arg) : 0;
}

static Object *staticmethod_get(Object *self, Object *instance, TypeObject *owner) {
    return NEWREF(((WrapperDescrObject *)self)->callable);
}

static Object *staticmethod_call(Object *self, Object *const *args, size_t nargs,
                                 Object *kwnames) {
    return obj_call(((WrapperDescrObject *)self)->callable, args, nargs, kwnames);
}

static Object *classmethod_get(Object *self, Object *instance, TypeObject *owner) {
    if (owner == NULL) {
        owner = obj_type(instance);
    }
    return method_new(((WrapperDescrObject *)self)->callable, (Object *)owner);
}

static Object *wrapper_descr_get_func(Object *self) {
    return NEWREF(((WrapperDescrObject *)self)->callable);
}

static Object *wrapper_descr_repr(Object *self) {
    return str_from_format("<%s(%R)>", obj_type_name(self), ((WrapperDescrObject *)self)->callable);
}

static const GetSetDef wrapper_descr_getsets[] = {
    {"__func__", wrapper_descr_get_func, NULL, NULL},
    {"__wrapped__", wrapper_descr_get_func, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

TypeObject StaticMethodType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "staticmethod",
    .basic_size = sizeof(WrapperDescrObject),
    .flags = TYPE_FLAG_BASETYPE | TYPE_FLAG_GC,
    .dealloc = wrapper_descr_dealloc,
    .traverse = wrapper_descr_traverse,
    .repr = wrapper_descr_repr,
    .descr_get = staticmethod_get,
    .call = staticmethod_call,
    .new_instance = wrapper_descr_construct,
    .getsets = wrapper_descr_getsets,
    .dict_offset = offsetof(WrapperDescrObject, dict),
};

TypeObject ClassMethodType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "classmethod",
    .basic_size = sizeof(WrapperDescrObject),
    .flags = TYPE_FLAG_BASETYPE | TYPE_FLAG_GC,
    .dealloc = wrapper_descr_dealloc,
    .traverse = wrapper_descr_traverse,
    .repr = wrapper_descr_repr,
    .descr_get = classmethod_get,
    .new_instance = wrapper_descr_construct,
    .getsets = wrapper_descr_getsets,
    .dict_offset = offsetof(WrapperDescrObject, dict),
};

/* ================================================================ property */

typedef struct PropertyObject {
    Object base;
    Object *fget, *fset, *fdel; /* NULL when absent */
    Object *doc;
    Object *name; /* from __set_name__, for error messages */
} PropertyObject;

static Object *property_make(TypeObject *type, Object *fget, Object *fset, Object *fdel,
                             Object *doc, Object *name) {
    PropertyObject *p = (PropertyObject *)obj_alloc(type, type->basic_size);
    if (p == NULL) {
        return NULL;
    }
    p->fget = fget != NULL && fget != None ? NEWREF(fget) : NULL;
    p->fset = fset != NULL && fset != None ? NEWREF(fset) : NULL;
    p->fdel = fdel != NULL && fdel != None ? NEWREF(fdel) : NULL;
    if ((doc == NULL || doc == None) && p->fget != NULL) {
        Object *d;
        if (obj_lookup_attr(p->fget, slot_name("__doc__"), &d) > 0) {
            p->doc = d;
        }
        err_clear();
    } else if (doc != NULL) {
        p->doc = NEWREF(doc);
    }
    p->name = name != NULL ? NEWREF(name) : NULL;
    return (Object *)p;
}

static Object *property_construct(TypeObject *type, Object *const *args, size_t nargs,
                                  Object *kwnames) {
    static const char *const kwlist[] = {"fget", "fset", "fdel", "doc", NULL};
    Object *a[4];
    if (args_parse("property", args, nargs, kwnames, kwlist, 0, a) < 0) {
        return NULL;
    }
    return property_make(type, a[0], a[1], a[2], a[3], NULL);
}

static void property_dealloc(Object *self) {
    PropertyObject *p = (PropertyObject *)self;
    XDECREF(p->fget);
    XDECREF(p->fset);
    XDECREF(p->fdel);
    XDECREF(p->doc);
    XDECREF(p->name);
    obj_free(self);
}

static int property_traverse(Object *self, VisitFunc visit, void *arg) {
    PropertyObject *p = (PropertyObject *)self;
    Object *kids[] = {p->fget, p->fset, p->fdel, p->doc};
    for (size_t i = 0; i < 4; i++) {
        if (kids[i] != NULL && visit(kids[i], arg) < 0) {
            return -1;
        }
    }
    return 0;
}

/* "property 'x' of 'P' object has no setter" (the name, when known). */
static void property_error(PropertyObject *p, Object *instance, const char *what) {
    Object *name = p->name;
    if (name == NULL && p->fget != NULL) {
        Object *n;
        if (obj_lookup_attr(p->fget, slot_name("__name__"), &n) > 0) {
            err_format(&ExcAttributeError, "property %R of '%.100s' object has no %s", n,
                       obj_type_name(instance), what);
            DECREF(n);
            return;
        }
        err_clear();
    }
    if (name != NULL) {
        err_format(&ExcAttributeError, "property %R of '%.100s' object has no %s", name,
                   obj_type_name(instance), what);
    } else {
        err_format(&ExcAttributeError, "property of '%.100s' object has no %s",
                   obj_type_name(instance), what);
    }
}

static Object *property_get(Object *self, Object *instance, TypeObject *owner) {
    PropertyObject *p = (PropertyObject *)self;
    if (instance == NULL) {
        return NEWREF(self);
    }
    if (p->fget == NULL) {
        property_error(p, instance, "getter");
        return NULL;
    }
    return obj_call1(p->fget, instance);
}

static int property_set(Object *self, Object *instance, Object *value) {
    PropertyObject *p = (PropertyObject *)self;
    Object *fn = value != NULL ? p->fset : p->fdel;
    if (fn == NULL) {
        property_error(p, instance, value != NULL ? "setter" : "deleter");
        return -1;
    }
    Object *args[2] = {instance, value};
    Object *r = obj_call(fn, args, value != NULL ? 2 : 1, NULL);
    if (r == NULL) {
        return -1;
    }
    DECREF(r);
    return 0;
}

/* p.setter(f) etc. return a copy of the property with one accessor replaced. */
static Object *property_copy_with(Object *self, int which, Object *const *args, size_t nargs) {
    PropertyObject *p = (PropertyObject *)self;
    static const char *const names[] = {"getter", "setter", "deleter"};
    if (args_count(names[which], nargs, 1, 1) < 0) {
        return NULL;
    }
    Object *fget = which == 0 ? args[0] : p->fget;
    Object *fset = which == 1 ? args[0] : p->fset;
    Object *fdel = which == 2 ? args[0] : p->fdel;
    Object *doc = which == 0 ? NULL : p->doc;
    return property_make(obj_type(self), fget, fset, fdel, doc, p->name);
}

static Object *property_getter(Object *self, Object *const *args, size_t nargs, Object *kw) {
    return property_copy_with(self, 0, args, nargs);
}
static Object *property_setter(Object *self, Object *const *args, size_t nargs, Object *kw) {
    return property_copy_with(self, 1, args, nargs);
}
static Object *property_deleter(Object *self, Object *const *args, size_t nargs, Object *kw) {
    return property_copy_with(self, 2, args, nargs);
}

static Object *property_set_name(Object *self, Object *const *args, size_t nargs, Object *kw) {
    if (args_count("__set_name__", nargs, 2, 2) < 0) {
        return NULL;
    }
    PropertyObject *p = (PropertyObject *)self;
    XDECREF(p->name);
    p->name = NEWREF(args[1]);
    return none_ref();
}

static const MethodDef property_methods[] = {
    {"getter", property_getter, 0, "Descriptor to obtain a copy of the property with a different getter."},
    {"setter", property_setter, 0, "Descriptor to obtain a copy of the property with a different setter."},
    {"deleter", property_deleter, 0, "Descriptor to obtain a copy of the property with a different deleter."},
    {"__set_name__", property_set_name, 0, "Method to set name of a property."},
    {NULL, NULL, 0, NULL},
};

static Object *or_none(Object *v) { return NEWREF(v != NULL ? v : None); }
static Object *property_get_fget(Object *self) { return or_none(((PropertyObject *)self)->fget); }
static Object *property_get_fset(Object *self) { return or_none(((PropertyObject *)self)->fset); }
static Object *property_get_fdel(Object *self) { return or_none(((PropertyObject *)self)->fdel); }
static Object *property_get_doc(Object *self) { return or_none(((PropertyObject *)self)->doc); }

static const GetSetDef property_getsets[] = {
    {"fget", property_get_fget, NULL, NULL},
    {"fset", property_get_fset, NULL, NULL},
    {"fdel", property_get_fdel, NULL, NULL},
    {"__doc__", property_get_doc, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

TypeObject PropertyType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "property",
    .basic_size = sizeof(PropertyObject),
    .flags = TYPE_FLAG_BASETYPE | TYPE_FLAG_GC,
    .dealloc = property_dealloc,
    .traverse = property_traverse,
    .descr_get = property_get,
    .descr_set = property_set,
    .new_instance = property_construct,
    .methods = property_methods,
    .getsets = property_getsets,
};

/* ================================================================ super */

typedef struct SuperObject {
    Object base;
    TypeObject *type;     /* the class super() was called in */
    Object *obj;          /* the instance (or class) bound to, or NULL */
    TypeObject *obj_type; /* whose MRO to search */
} SuperObject;

static Object *super_construct(TypeObject *type, Object *const *args, size_t nargs,
                               Object *kwnames) {
    if (args_no_keywords("super", kwnames) < 0 || args_count("super", nargs, 0, 2) < 0) {
        return NULL;
    }
    Object *t = NULL, *obj = NULL;
    if (nargs == 0) {
        if (super_zero_arg_hook == NULL) {
            return err_format(&ExcRuntimeError, "super(): no arguments");
        }
        if (super_zero_arg_hook(&t, &obj) < 0) {
            return NULL;
        }
    } else {
        t = NEWREF(args[0]);
        obj = nargs > 1 && args[1] != None ? NEWREF(args[1]) : NULL;
    }
    if (is_small_int(t) || !obj_is_instance_of(t, &TypeType)) {
        err_format(&ExcTypeError, "super() argument 1 must be a type, not %.200s",
                   obj_type_name(t));
        goto fail;
    }
    TypeObject *ot = NULL;
    if (obj != NULL) {
        if (!is_small_int(obj) && obj_is_instance_of(obj, &TypeType) &&
            type_is_subtype((TypeObject *)obj, (TypeObject *)t)) {
            ot = (TypeObject *)obj;
        } else if (obj_is_instance_of(obj, (TypeObject *)t)) {
            ot = obj_type(obj);
        } else {
            err_format(&ExcTypeError,
                       "super(type, obj): obj must be an instance or subtype of type");
            goto fail;
        }
    }
    SuperObject *s = (SuperObject *)obj_alloc(type, type->basic_size);
    if (s == NULL) {
        goto fail;
    }
    s->type = (TypeObject *)t;
    s->obj = obj;
    s->obj_type = ot;
    if (ot != NULL) {
        INCREF((Object *)ot);
    }
    return (Object *)s;
fail:
    XDECREF(t);
    XDECREF(obj);
    return NULL;
}

static void super_dealloc(Object *self) {
    SuperObject *s = (SuperObject *)self;
    DECREF((Object *)s->type);
    XDECREF(s->obj);
    XDECREF((Object *)s->obj_type);
    obj_free(self);
}

static int super_traverse(Object *self, VisitFunc visit, void *arg) {
    SuperObject *s = (SuperObject *)self;
    if (visit((Object *)s->type, arg) < 0) {
        return -1;
    }
    return s->obj != NULL ? visit(s->obj, arg) : 0;
}

/* Look name up in the MRO of obj_type, starting after `type`. */
static Object *super_getattr(Object *self, Object *name) {
    SuperObject *s = (SuperObject *)self;
    if (s->obj_type != NULL && !str_equal_cstr(name, "__class__")) {
        Object *mro = s->obj_type->mro;
        size_t n = tuple_size(mro), i = 0;
        while (i < n && tuple_get(mro, i) != (Object *)s->type) {
            i++;
        }
        for (i++; i < n; i++) {
            TypeObject *t = (TypeObject *)tuple_get(mro, i);
            Object *attr = dict_get_str(t->dict, name);
            if (attr != NULL) {
                TypeObject *at = obj_type(attr);
                if (at->descr_get == NULL) {
                    return NEWREF(attr);
                }
                Object *inst = s->obj == (Object *)s->obj_type ? NULL : s->obj;
                return at->descr_get(attr, inst, s->obj_type);
            }
        }
    }
    return obj_generic_getattr(self, name);
}

static Object *super_repr(Object *self) {
    SuperObject *s = (SuperObject *)self;
    if (s->obj_type != NULL) {
        return str_from_format("<super: <class '%s'>, <%s object>>", s->type->name,
                               s->obj_type->name);
    }
    return str_from_format("<super: <class '%s'>, NULL>", s->type->name);
}

static Object *super_get_thisclass(Object *self) {
    return NEWREF((Object *)((SuperObject *)self)->type);
}
static Object *super_get_self(Object *self) { return or_none(((SuperObject *)self)->obj); }
static Object *super_get_self_class(Object *self) {
    return or_none((Object *)((SuperObject *)self)->obj_type);
}

static const GetSetDef super_getsets[] = {
    {"__thisclass__", super_get_thisclass, NULL, NULL},
    {"__self__", super_get_self, NULL, NULL},
    {"__self_class__", super_get_self_class, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

TypeObject SuperType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "super",
    .basic_size = sizeof(SuperObject),
    .flags = TYPE_FLAG_BASETYPE | TYPE_FLAG_GC,
    .dealloc = super_dealloc,
    .traverse = super_traverse,
    .repr = super_repr,
    .getattr = super_getattr,
    .new_instance = super_construct,
    .getsets = super_getsets,
};
