/* interp.h: the VM's private per-interpreter state (interp->vm). */
#ifndef GILPY_INTERP_H
#define GILPY_INTERP_H

#include "deadlock.h"
#include "gil.h"
#include "module.h"
#include "object.h"
#include "state.h"

typedef struct VMInterp {
    const NativeModuleDef *native_modules; /* the module table given to vm_create */
    Object *sources; /* dict: filename -> source str (tracebacks of run code) */
    Object *initializing; /* dict: names of modules whose body is running -> True */
    Gil gil;              /* THE global interpreter lock (vm/gil.c) */
    ThreadState *main_thread; /* the thread that created the interpreter */
    int nthreads;         /* threads started by _thread still running (guarded by the GIL) */
    _Atomic bool finalizing; /* tear-down began: other threads must not run Python any more */
    bool gil_stats;       /* -X gilstats */
    ThreadState *forked_away; /* in a fork child: states of threads that did not survive */
    DeadlockWatch deadlock;   /* is every thread waiting for another? (vm/deadlock.c) */
} VMInterp;

static inline VMInterp *vm_interp(Interpreter *interp) { return (VMInterp *)interp->vm; }

/* obj_lookup_attr with a C-string name: 1 found (*out new ref), 0 absent
 * (*out NULL, no error), -1 error. */
MAY_RAISE int vm_lookup_attr_cstr(Object *v, const char *name, Object **out);

/* Lowest safe C stack address for the calling thread (ts->c_stack_limit),
 * leaving 256 KiB of the stack rlimit for native code below the deepest
 * eval loop; 0 when unknown. Call it near the base of the thread's stack. */
uintptr_t interp_stack_limit(void);

/* Find a native module by name in the table. NULL if absent. */
const NativeModuleDef *interp_find_native(Interpreter *interp, const char *name);

#endif /* GILPY_INTERP_H */
