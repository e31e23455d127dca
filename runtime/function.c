/* function.c: Python functions, cells (captured variables), bound methods,
 * and native functions and method descriptors. Calling a Python function is
 * the VM's job: it installs FunctionType.call at start-up, so runtime/ never
 * depends on vm/. */
#include "function.h"

#include <stddef.h>

#include "int.h"
#include "dict.h"
#include "errors.h"
#include "exceptions.h"
#include "memory.h"
#include "module.h"
#include "str.h"
#include "tuple.h"

/* ================================================================ functions */

Object *function_new(CodeObject *code, Object *globals, Object *qualname) {
    FunctionObject *f = (FunctionObject *)obj_alloc(&FunctionType, sizeof(FunctionObject));
    if (f == NULL) {
        return NULL;
    }
    f->code = (CodeObject *)NEWREF((Object *)code);
    f->globals = NEWREF(globals);
    f->name = NEWREF(code->name);
    f->qualname = NEWREF(qualname != NULL ? qualname : code->name);
    f->doc = NEWREF(code->docstring != NULL ? code->docstring : None);
    Object *module = dict_get_cstr(globals, "__name__");
    f->module = module != NULL ? NEWREF(module) : NULL;
    /* The builtins of a function are those of its globals' module. */
    Object *builtins = dict_get_cstr(globals, "__builtins__");
    if (builtins != NULL && module_check(builtins)) {
        builtins = module_dict(builtins);
    }
    f->builtins = builtins != NULL && dict_check(builtins) ? NEWREF(builtins) : NULL;
    return (Object *)f;
}

static void function_dealloc(Object *self) {
    FunctionObject *f = (FunctionObject *)self;
    DECREF((Object *)f->code);
    DECREF(f->globals);
    XDECREF(f->builtins);
    DECREF(f->name);
    DECREF(f->qualname);
    XDECREF(f->defaults);
    XDECREF(f->kwdefaults);
    XDECREF(f->closure);
    XDECREF(f->doc);
    XDECREF(f->module);
    XDECREF(f->dict);
    XDECREF(f->annotations);
    obj_free(self);
}

static int function_traverse(Object *self, VisitFunc visit, void *arg) {
    FunctionObject *f = (FunctionObject *)self;
    Object *children[] = {f->globals, f->defaults, f->kwdefaults, f->closure, f->dict,
                          f->annotations, f->module, f->doc};
    for (size_t i = 0; i < sizeof children / sizeof children[0]; i++) {
        if (children[i] != NULL && visit(children[i], arg) < 0) {
            return -1;
        }
    }
    return 0;
}

static int function_clear(Object *self) {
    FunctionObject *f = (FunctionObject *)self;
    CLEAR(f->defaults);
    CLEAR(f->kwdefaults);
    CLEAR(f->closure);
    CLEAR(f->dict);
    CLEAR(f->annotations);
    return 0;
}

static Object *function_repr(Object *self) {
    return str_from_format("<function %U at %p>", ((FunctionObject *)self)->qualname, (void *)self);
}

/* Looking a function up through an instance binds it: obj.f is a method. */
static Object *function_descr_get(Object *self, Object *instance, TypeObject *owner) {
    if (instance == NULL) {
        return NEWREF(self);
    }
    return method_new(self, instance);
}

#define FUNC(self) ((FunctionObject *)(self))

static Object *or_none(Object *v) { return NEWREF(v != NULL ? v : None); }

static Object *func_get_name(Object *self) { return NEWREF(FUNC(self)->name); }
static Object *func_get_qualname(Object *self) { return NEWREF(FUNC(self)->qualname); }
static Object *func_get_doc(Object *self) { return or_none(FUNC(self)->doc); }
static Object *func_get_module(Object *self) { return or_none(FUNC(self)->module); }
static Object *func_get_defaults(Object *self) { return or_none(FUNC(self)->defaults); }
static Object *func_get_kwdefaults(Object *self) { return or_none(FUNC(self)->kwdefaults); }
static Object *func_get_code(Object *self) { return NEWREF((Object *)FUNC(self)->code); }
static Object *func_get_globals(Object *self) { return NEWREF(FUNC(self)->globals); }
static Object *func_get_closure(Object *self) { return or_none(FUNC(self)->closure); }

static Object *func_get_dict(Object *self) {
    if (FUNC(self)->dict == NULL) {
        FUNC(self)->dict = dict_new();
    }
    return FUNC(self)->dict != NULL ? NEWREF(FUNC(self)->dict) : NULL;
}

static Object *func_get_annotations(Object *self) {
    if (FUNC(self)->annotations == NULL) {
        FUNC(self)->annotations = dict_new();
    }
    return FUNC(self)->annotations != NULL ? NEWREF(FUNC(self)->annotations) : NULL;
}

/* Setters: replace a field, type-checked as CPython does. */
static int set_str_field(Object **field, Object *value, const char *what) {
    if (value == NULL || !str_check(value)) {
        err_format(&ExcTypeError, "__%s__ must be set to a string object", what);
        return -1;
    }
    INCREF(value);
    DECREF(*field);
    *field = value;
    return 0;
}

static int func_set_name(Object *self, Object *v) { return set_str_field(&FUNC(self)->name, v, "name"); }
static int func_set_qualname(Object *self, Object *v) {
    return set_str_field(&FUNC(self)->qualname, v, "qualname");
}

static int set_any_field(Object **field, Object *value) {
    Object *old = *field;
    *field = value != NULL ? NEWREF(value) : NULL;
    XDECREF(old);
    return 0;
}

static int func_set_doc(Object *self, Object *v) { return set_any_field(&FUNC(self)->doc, v); }
static int func_set_module(Object *self, Object *v) { return set_any_field(&FUNC(self)->module, v); }

static int func_set_defaults(Object *self, Object *v) {
    if (v == None) {
        v = NULL;
    }
    if (v != NULL && !tuple_check(v)) {
        err_format(&ExcTypeError, "__defaults__ must be set to a tuple object");
        return -1;
    }
    return set_any_field(&FUNC(self)->defaults, v);
}

static int func_set_kwdefaults(Object *self, Object *v) {
    if (v == None) {
        v = NULL;
    }
    if (v != NULL && !dict_check(v)) {
        err_format(&ExcTypeError, "__kwdefaults__ must be set to a dict object");
        return -1;
    }
    return set_any_field(&FUNC(self)->kwdefaults, v);
}

static int func_set_annotations(Object *self, Object *v) {
    if (v == None) {
        v = NULL;
    }
    if (v != NULL && !dict_check(v)) {
        err_format(&ExcTypeError, "__annotations__ must be set to a dict object");
        return -1;
    }
    return set_any_field(&FUNC(self)->annotations, v);
}

static const GetSetDef function_getsets[] = {
    {"__name__", func_get_name, func_set_name, NULL},
    {"__qualname__", func_get_qualname, func_set_qualname, NULL},
    {"__doc__", func_get_doc, func_set_doc, NULL},
    {"__module__", func_get_module, func_set_module, NULL},
    {"__defaults__", func_get_defaults, func_set_defaults, NULL},
    {"__kwdefaults__", func_get_kwdefaults, func_set_kwdefaults, NULL},
    {"__code__", func_get_code, NULL, NULL},
    {"__globals__", func_get_globals, NULL, NULL},
    {"__closure__", func_get_closure, NULL, NULL},
    {"__dict__", func_get_dict, NULL, NULL},
    {"__annotations__", func_get_annotations, func_set_annotations, NULL},
    {NULL, NULL, NULL, NULL},
};

TypeObject FunctionType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "function",
    .basic_size = sizeof(FunctionObject),
    .flags = TYPE_FLAG_GC,
    .dealloc = function_dealloc,
    .traverse = function_traverse,
    .clear = function_clear,
    .repr = function_repr,
    .descr_get = function_descr_get,
    .getsets = function_getsets,
    .dict_offset = offsetof(FunctionObject, dict),
    /* .call is installed by the VM (vm_create). */
};

/* ================================================================ cells */

Object *cell_new(Object *value) {
    CellObject *c = (CellObject *)obj_alloc(&CellType, sizeof(CellObject));
    if (c != NULL && value != NULL) {
        c->ref = NEWREF(value);
    }
    return (Object *)c;
}

static void cell_dealloc(Object *self) {
    XDECREF(((CellObject *)self)->ref);
    obj_free(self);
}

static int cell_traverse(Object *self, VisitFunc visit, void *arg) {
    Object *ref = ((CellObject *)self)->ref;
    return ref != NULL ? visit(ref, arg) : 0;
}

static int cell_clear(Object *self) {
    CLEAR(((CellObject *)self)->ref);
    return 0;
}

static Object *cell_repr(Object *self) {
    Object *ref = ((CellObject *)self)->ref;
    if (ref == NULL) {
        return str_from_format("<cell at %p: empty>", (void *)self);
    }
    return str_from_format("<cell at %p: %s object at %p>", (void *)self, obj_type_name(ref),
                           (void *)ref);
}

static Object *cell_get_contents(Object *self) {
    Object *ref = ((CellObject *)self)->ref;
    if (ref == NULL) {
        return err_format(&ExcValueError, "Cell is empty");
    }
    return NEWREF(ref);
}

static int cell_set_contents(Object *self, Object *value) {
    return set_any_field(&((CellObject *)self)->ref, value);
}

static const GetSetDef cell_getsets[] = {
    {"cell_contents", cell_get_contents, cell_set_contents, NULL},
    {NULL, NULL, NULL, NULL},
};

TypeObject CellType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "cell",
    .basic_size = sizeof(CellObject),
    .flags = TYPE_FLAG_GC,
    .dealloc = cell_dealloc,
    .traverse = cell_traverse,
    .clear = cell_clear,
    .repr = cell_repr,
    .getsets = cell_getsets,
};

/* ================================================================ bound methods */

Object *method_new(Object *func, Object *self) {
    MethodObject *m = (MethodObject *)obj_alloc(&MethodType, sizeof(MethodObject));
    if (m != NULL) {
        m->func = NEWREF(func);
        m->self = NEWREF(self);
    }
    return (Object *)m;
}

static void method_dealloc(Object *self) {
    MethodObject *m = (MethodObject *)self;
    DECREF(m->func);
    DECREF(m->self);
    obj_free(self);
}

static int method_traverse(Object *self, VisitFunc visit, void *arg) {
    MethodObject *m = (MethodObject *)self;
    if (visit(m->func, arg) < 0) {
        return -1;
    }
    return visit(m->self, arg);
}

/* Call func(self, *args): self goes in front of the arguments. Small calls
 * use a stack buffer so a method call allocates nothing. */
static Object *method_call(Object *callable, Object *const *args, size_t nargs, Object *kwnames) {
    MethodObject *m = (MethodObject *)callable;
    size_t total = nargs + (kwnames != NULL ? tuple_size(kwnames) : 0);
    Object *small[16];
    Object **buf = small;
    if (total + 1 > sizeof small / sizeof small[0]) {
        buf = mem_alloc_array(total + 1, sizeof(Object *));
        if (buf == NULL) {
            return NULL;
        }
    }
    buf[0] = m->self;
    for (size_t i = 0; i < total; i++) {
        buf[i + 1] = args[i];
    }
    Object *r = obj_call(m->func, buf, nargs + 1, kwnames);
    if (buf != small) {
        mem_free(buf);
    }
    return r;
}

static Object *method_repr(Object *self) {
    MethodObject *m = (MethodObject *)self;
    Object *name = obj_getattr_cstr(m->func, "__qualname__");
    if (name == NULL) {
        return NULL;
    }
    Object *r = str_from_format("<bound method %S of %R>", name, m->self);
    DECREF(name);
    return r;
}

static Object *method_richcompare(Object *a, Object *b, CompareOp op) {
    if ((op != CMP_EQ && op != CMP_NE) || obj_type(b) != &MethodType) {
        return NEWREF(NotImplemented);
    }
    MethodObject *x = (MethodObject *)a, *y = (MethodObject *)b;
    bool eq = x->func == y->func && x->self == y->self;
    return bool_from(op == CMP_EQ ? eq : !eq);
}

static intptr_t method_hash(Object *self) {
    MethodObject *m = (MethodObject *)self;
    intptr_t h = obj_hash(m->func);
    if (h == -1) {
        return -1;
    }
    h ^= (intptr_t)((uintptr_t)m->self >> 4);
    return h == -1 ? -2 : h;
}

/* Attributes not found on the method come from the function (m.__name__). */
static Object *method_getattr(Object *self, Object *name) {
    MethodObject *m = (MethodObject *)self;
    if (str_equal_cstr(name, "__self__")) {
        return NEWREF(m->self);
    }
    if (str_equal_cstr(name, "__func__")) {
        return NEWREF(m->func);
    }
    Object *r = obj_generic_getattr(self, name);
    if (r == NULL && err_matches(&ExcAttributeError)) {
        err_clear();
        return obj_getattr(m->func, name);
    }
    return r;
}

TypeObject MethodType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "method",
    .basic_size = sizeof(MethodObject),
    .flags = TYPE_FLAG_GC,
    .dealloc = method_dealloc,
    .traverse = method_traverse,
    .repr = method_repr,
    .richcompare = method_richcompare,
    .hash = method_hash,
    .call = method_call,
    .getattr = method_getattr,
};

/* ================================================================ native functions */

Object *native_function_new(const MethodDef *def, Object *self) {
    NativeFunctionObject *f =
        (NativeFunctionObject *)obj_alloc(&NativeFunctionType, sizeof(NativeFunctionObject));
    if (f != NULL) {
        f->def = def;
        f->self = self != NULL ? NEWREF(self) : NULL;
    }
    return (Object *)f;
}

Object *method_descr_new(const MethodDef *def, TypeObject *owner) {
    NativeFunctionObject *f =
        (NativeFunctionObject *)obj_alloc(&MethodDescrType, sizeof(NativeFunctionObject));
    if (f != NULL) {
        f->def = def;
        f->owner = owner;
    }
    return (Object *)f;
}

static void native_function_dealloc(Object *self) {
    XDECREF(((NativeFunctionObject *)self)->self);
    obj_free(self);
}

static Object *native_function_call(Object *callable, Object *const *args, size_t nargs,
                                    Object *kwnames) {
    NativeFunctionObject *f = (NativeFunctionObject *)callable;
    return f->def->func(f->self, args, nargs, kwnames);
}

static Object *native_function_repr(Object *self) {
    NativeFunctionObject *f = (NativeFunctionObject *)self;
    if (f->self == NULL || module_check(f->self)) {
        return str_from_format("<built-in function %s>", f->def->name);
    }
    if (obj_type(f->self) == &TypeType) {
        return str_from_format("<built-in method %s of type object at %p>", f->def->name,
                               (void *)f->self);
    }
    return str_from_format("<built-in method %s of %s object at %p>", f->def->name,
                           obj_type_name(f->self), (void *)f->self);
}

static Object *native_get_name(Object *self) {
    return str_from_cstr(((NativeFunctionObject *)self)->def->name);
}

static Object *native_get_doc(Object *self) {
    const char *doc = ((NativeFunctionObject *)self)->def->doc;
    return doc != NULL ? str_from_cstr(doc) : none_ref();
}

static Object *native_get_self(Object *self) {
    return or_none(((NativeFunctionObject *)self)->self);
}

static Object *native_get_qualname(Object *self) {
    NativeFunctionObject *f = (NativeFunctionObject *)self;
    if (f->self == NULL || module_check(f->self)) {
        return str_from_cstr(f->def->name);
    }
    const char *owner = obj_type(f->self) == &TypeType ? ((TypeObject *)f->self)->name
                                                        : obj_type_name(f->self);
    return str_from_format("%s.%s", owner, f->def->name);
}

static const GetSetDef native_function_getsets[] = {
    {"__name__", native_get_name, NULL, NULL},
    {"__qualname__", native_get_qualname, NULL, NULL},
    {"__doc__", native_get_doc, NULL, NULL},
    {"__self__", native_get_self, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

TypeObject NativeFunctionType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "builtin_function_or_method",
    .basic_size = sizeof(NativeFunctionObject),
    .dealloc = native_function_dealloc,
    .repr = native_function_repr,
    .call = native_function_call,
    .getsets = native_function_getsets,
};

/* Calling an unbound descriptor: str.upper("x") is "x".upper(). */
static Object *method_descr_call(Object *callable, Object *const *args, size_t nargs,
                                 Object *kwnames) {
    NativeFunctionObject *f = (NativeFunctionObject *)callable;
    if (f->def->flags & METHOD_STATIC) {
        return f->def->func(NULL, args, nargs, kwnames);
    }
    if (f->def->flags & METHOD_CLASS) {
        return f->def->func((Object *)f->owner, args, nargs, kwnames);
    }
    if (nargs == 0) {
        return err_format(&ExcTypeError, "unbound method %s.%s() needs an argument",
                          f->owner->name, f->def->name);
    }
    if (!obj_is_instance_of(args[0], f->owner)) {
        return err_format(&ExcTypeError,
                          "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                          f->def->name, f->owner->name, obj_type_name(args[0]));
    }
    return f->def->func(args[0], args + 1, nargs - 1, kwnames);
}

/* Binding: instance.method -> a bound native method; classmethods bind to the class. */
static Object *method_descr_get(Object *self, Object *instance, TypeObject *owner) {
    NativeFunctionObject *f = (NativeFunctionObject *)self;
    if (f->def->flags & METHOD_STATIC) {
        return native_function_new(f->def, NULL);
    }
    if (f->def->flags & METHOD_CLASS) {
        return native_function_new(f->def, (Object *)(owner != NULL ? owner : f->owner));
    }
    if (instance == NULL) {
        return NEWREF(self);
    }
    return native_function_new(f->def, instance);
}

static Object *method_descr_repr(Object *self) {
    NativeFunctionObject *f = (NativeFunctionObject *)self;
    return str_from_format("<method '%s' of '%s' objects>", f->def->name, f->owner->name);
}

static Object *method_descr_get_qualname(Object *self) {
    NativeFunctionObject *f = (NativeFunctionObject *)self;
    return str_from_format("%s.%s", f->owner->name, f->def->name);
}

static const GetSetDef method_descr_getsets[] = {
    {"__name__", native_get_name, NULL, NULL},
    {"__qualname__", method_descr_get_qualname, NULL, NULL},
    {"__doc__", native_get_doc, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

TypeObject MethodDescrType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "method_descriptor",
    .basic_size = sizeof(NativeFunctionObject),
    .dealloc = native_function_dealloc,
    .repr = method_descr_repr,
    .call = method_descr_call,
    .descr_get = method_descr_get,
    .getsets = method_descr_getsets,
};
