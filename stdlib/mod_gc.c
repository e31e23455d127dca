/* mod_gc.c: the gc module, the Python face of the cycle collector (runtime/gc.c). */
#include "args.h"
#include "errors.h"
#include "gc.h"
#include "int.h"
#include "module.h"

static Object *gc_collect_fn(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_no_keywords("collect", kwnames) < 0 || args_count("collect", nargs, 0, 1) < 0) {
        return NULL;
    }
    ssize_t found = gc_collect();
    if (found < 0) {
        return NULL;
    }
    return int_from_i64(found);
}

static Object *gc_enable_fn(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_count("enable", nargs, 0, 0) < 0) {
        return NULL;
    }
    gc_set_enabled(true);
    return none_ref();
}

static Object *gc_disable_fn(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_count("disable", nargs, 0, 0) < 0) {
        return NULL;
    }
    gc_set_enabled(false);
    return none_ref();
}

static Object *gc_isenabled_fn(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_count("isenabled", nargs, 0, 0) < 0) {
        return NULL;
    }
    return bool_from(gc_is_enabled());
}

static const MethodDef gc_functions[] = {
    {"collect", gc_collect_fn, 0,
     "Run a full collection; return the number of unreachable objects found."},
    {"enable", gc_enable_fn, 0, "Enable automatic garbage collection."},
    {"disable", gc_disable_fn, 0, "Disable automatic garbage collection."},
    {"isenabled", gc_isenabled_fn, 0, "Returns true if automatic garbage collection is enabled."},
    {NULL, NULL, 0, NULL},
};

Object *mod_gc_init(void) {
    Object *m = module_new("gc");
    if (m == NULL || module_add_functions(m, gc_functions) < 0) {
        XDECREF(m);
        return NULL;
    }
    return m;
}
