/* function.h: Python functions, cells, bound methods, and native functions. */
#ifndef GILPY_FUNCTION_H
#define GILPY_FUNCTION_H

#include "code.h"
#include "object.h"

typedef struct FunctionObject {
    Object base;
    CodeObject *code;
    Object *globals;    /* dict */
    Object *builtins;   /* dict */
    Object *name;       /* str */
    Object *qualname;   /* str */
    Object *defaults;   /* tuple or NULL */
    Object *kwdefaults; /* dict or NULL */
    Object *closure;    /* tuple of cells or NULL */
    Object *doc;        /* str or None */
    Object *module;     /* __module__ (str) or NULL */
    Object *dict;       /* __dict__ or NULL */
    Object *annotations; /* dict or NULL */
} FunctionObject;

typedef struct CellObject {
    Object base;
    Object *ref; /* NULL: empty */
} CellObject;

typedef struct MethodObject { /* a bound method: function + self */
    Object base;
    Object *func;
    Object *self;
} MethodObject;

/* A native function or method: a MethodDef bound to `self` (the module, or
 * the receiver, or NULL for an unbound method descriptor in a type dict). */
typedef struct NativeFunctionObject {
    Object base;
    const MethodDef *def;
    Object *self;
    TypeObject *owner; /* the type for method descriptors, else NULL */
} NativeFunctionObject;

/* FunctionType: Python functions ("function"). MethodType: bound methods.
 * NativeFunctionType: a native function bound to its module or receiver
 * ("builtin_function_or_method"). MethodDescrType: an unbound native method
 * in a type's dict ("method_descriptor"); calling it takes the receiver as
 * the first argument. For LOAD_METHOD, a type-dict entry that is a Python
 * function or a MethodDescrType whose def->flags is 0 is a "plain method":
 * call it with the receiver prepended instead of creating a bound method. */
extern TypeObject FunctionType, CellType, MethodType, NativeFunctionType, MethodDescrType;
extern TypeObject GetSetDescrType; /* computed attributes (GetSetDef) in type dicts */

static inline bool function_check(const Object *v) { return !is_small_int(v) && v->type == &FunctionType; }

/* globals: borrowed. The VM installs FunctionType.call (runtime knows no VM). */
MAY_RAISE Object *function_new(CodeObject *code, Object *globals, Object *qualname);
MAY_RAISE Object *cell_new(Object *value /* may be NULL */);
MAY_RAISE Object *method_new(Object *func, Object *self);
MAY_RAISE Object *native_function_new(const MethodDef *def, Object *self);
/* An unbound native method descriptor for type dicts (binds on attribute access). */
MAY_RAISE Object *method_descr_new(const MethodDef *def, TypeObject *owner);

#endif /* GILPY_FUNCTION_H */
