/* module.c: module objects. A module is its namespace dict plus a name;
 * attribute access reads and writes that dict. */
#include "module.h"

#include <stddef.h>

#include "dict.h"
#include "errors.h"
#include "exceptions.h"
#include "function.h"
#include "int.h"
#include "str.h"

Object *module_new(const char *name) {
    ModuleObject *m = (ModuleObject *)obj_alloc(&ModuleType, sizeof(ModuleObject));
    if (m == NULL) {
        return NULL;
    }
    m->dict = dict_new();
    Object *name_obj = str_intern_cstr(name);
    if (m->dict == NULL || name_obj == NULL || dict_set_cstr(m->dict, "__name__", name_obj) < 0 ||
        dict_set_cstr(m->dict, "__doc__", None) < 0) {
        XDECREF(name_obj);
        DECREF((Object *)m);
        return NULL;
    }
    DECREF(name_obj);
    return (Object *)m;
}

int module_add_functions(Object *module, const MethodDef *defs) {
    for (const MethodDef *d = defs; d->name != NULL; d++) {
        Object *f = native_function_new(d, module);
        if (f == NULL || dict_set_cstr(module_dict(module), d->name, f) < 0) {
            XDECREF(f);
            return -1;
        }
        DECREF(f);
    }
    return 0;
}

int module_add_object(Object *module, const char *name, Object *value) {
    return dict_set_cstr(module_dict(module), name, value);
}

int module_add_int(Object *module, const char *name, int64_t value) {
    Object *v = int_from_i64(value);
    if (v == NULL) {
        return -1;
    }
    int r = module_add_object(module, name, v);
    DECREF(v);
    return r;
}

static void module_dealloc(Object *self) {
    XDECREF(((ModuleObject *)self)->dict);
    obj_free(self);
}

static int module_traverse(Object *self, VisitFunc visit, void *arg) {
    Object *d = ((ModuleObject *)self)->dict;
    return d != NULL ? visit(d, arg) : 0;
}

/* Modules keep their dict (a cycle through it is broken at the dict). */
static Object *module_repr(Object *self) {
    Object *d = module_dict(self);
    Object *name = dict_get_cstr(d, "__name__");
    Object *file = dict_get_cstr(d, "__file__");
    if (name == NULL || !str_check(name)) {
        return str_from_format("<module '?'>");
    }
    if (file != NULL && str_check(file)) {
        return str_from_format("<module '%U' from '%U'>", name, file);
    }
    return str_from_format("<module '%U' (built-in)>", name);
}

static Object *module_getattr(Object *self, Object *name) {
    Object *v = dict_get_str(module_dict(self), name);
    if (v != NULL) {
        return NEWREF(v);
    }
    Object *r = obj_generic_getattr(self, name);
    if (r == NULL && err_matches(&ExcAttributeError)) {
        err_clear();
        /* PEP 562: a module-level __getattr__(name) supplies missing names. */
        Object *hook = dict_get_cstr(module_dict(self), "__getattr__");
        if (hook != NULL) {
            return obj_call1(hook, name);
        }
        Object *modname = dict_get_cstr(module_dict(self), "__name__");
        if (modname != NULL && str_check(modname)) {
            return err_format(&ExcAttributeError, "module '%U' has no attribute '%U'", modname,
                              name);
        }
        return err_format(&ExcAttributeError, "module has no attribute '%U'", name);
    }
    return r;
}

static int module_setattr(Object *self, Object *name, Object *value) {
    if (value == NULL) {
        if (dict_get_str(module_dict(self), name) == NULL) {
            Object *modname = dict_get_cstr(module_dict(self), "__name__");
            err_format(&ExcAttributeError, "module '%S' has no attribute '%U'",
                       modname != NULL ? modname : None, name);
            return -1;
        }
        return dict_del(module_dict(self), name);
    }
    return dict_set(module_dict(self), name, value);
}

static Object *module_get_dict(Object *self) { return NEWREF(module_dict(self)); }

static const GetSetDef module_getsets[] = {
    {"__dict__", module_get_dict, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

TypeObject ModuleType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "module",
    .basic_size = sizeof(ModuleObject),
    .flags = TYPE_FLAG_GC | TYPE_FLAG_BASETYPE,
    .dealloc = module_dealloc,
    .traverse = module_traverse,
    .repr = module_repr,
    .getattr = module_getattr,
    .setattr = module_setattr,
    .getsets = module_getsets,
};
