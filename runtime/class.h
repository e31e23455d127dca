/* class.h: classes created at run time (class statements, type(n, b, d))
 * and the descriptors classes use: staticmethod, classmethod, property, super. */
#ifndef GILPY_CLASS_H
#define GILPY_CLASS_H

#include "object.h"

/* Create a class: metatype `meta`, name (str), bases (tuple), namespace
 * (dict, copied). kwvalues/kwnames go to __init_subclass__. New reference. */
MAY_RAISE Object *class_new(TypeObject *meta, Object *name, Object *bases, Object *ns,
                            Object *const *kwvalues, Object *kwnames);
void class_type_dealloc(Object *self);

/* builtins.__build_class__, registered by the builtins module. */
extern const MethodDef class_build_class_def;

/* Installed by the VM: run a class body function with `namespace` as its
 * locals; returns the body's return value (the __class__ cell, or None). */
extern Object *(*class_body_runner)(Object *func, Object *namespace);

/* Installed by the VM: find the arguments of a zero-argument super() call
 * (the __class__ cell's class and the first argument of the calling frame).
 * Returns 0 and new references, or -1 with RuntimeError set. */
extern int (*super_zero_arg_hook)(Object **type, Object **obj);

/* Installed by the VM: the globals dict of the running Python frame
 * (borrowed, NULL when none); type(name, bases, dict) sets __module__ from
 * its __name__ as CPython does. */
extern Object *(*class_caller_globals)(void);

/* The nearest native (non-class) ancestor of t: it fixes the instance layout. */
TypeObject *class_native_base(TypeObject *t);

/* Run an instance's __del__ once (dealloc and the cycle collector call it).
 * True if the finalizer resurrected the object. */
bool class_finalize(Object *self);

/* Record `sub` in base.__subclasses__() (type.c). */
MAY_RAISE int type_add_subclass(TypeObject *base, TypeObject *sub);

extern TypeObject StaticMethodType, ClassMethodType, PropertyType, SuperType;

MAY_RAISE Object *staticmethod_new(Object *callable);
MAY_RAISE Object *classmethod_new(Object *callable);

/* A GetSetDef as a descriptor object (type.c). */
MAY_RAISE Object *getset_descr_new(const GetSetDef *def, TypeObject *owner);

#endif /* GILPY_CLASS_H */
