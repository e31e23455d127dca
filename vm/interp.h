/* interp.h: the VM's private per-interpreter state (interp->vm). */
#ifndef GILPY_INTERP_H
#define GILPY_INTERP_H

#include "module.h"
#include "object.h"
#include "state.h"

typedef struct VMInterp {
    const NativeModuleDef *native_modules; /* the module table given to vm_create */
    Object *sources; /* dict: filename -> source str (tracebacks of run code) */
    Object *initializing; /* dict: names of modules whose body is running -> True */
} VMInterp;

static inline VMInterp *vm_interp(Interpreter *interp) { return (VMInterp *)interp->vm; }

/* Find a native module by name in the table. NULL if absent. */
const NativeModuleDef *interp_find_native(Interpreter *interp, const char *name);

#endif /* GILPY_INTERP_H */
