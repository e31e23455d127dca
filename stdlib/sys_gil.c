/* sys_gil.c: the GIL's knobs in the sys module: setcheckinterval and
 * getcheckinterval (the instruction budget N of a turn), and
 * setswitchinterval and getswitchinterval (how long a waiter waits politely
 * before asking the holder to drop), as CPython has them. */
#include "args.h"
#include "errors.h"
#include "exceptions.h"
#include "float.h"
#include "int.h"
#include "module.h"
#include "threads.h"

static Object *sys_setcheckinterval(Object *self, Object *const *args, size_t nargs,
                                    Object *kwnames) {
    if (args_no_keywords("setcheckinterval", kwnames) < 0 ||
        args_count("setcheckinterval", nargs, 1, 1) < 0) {
        return NULL;
    }
    ssize_t n = obj_as_ssize(args[0]);
    if (n == -1 && err_occurred()) {
        return NULL;
    }
    if (n <= 0 || n > INT32_MAX) {
        return err_format(&ExcValueError, "check interval must be between 1 and %d", INT32_MAX);
    }
    threads_gil()->checkinterval = (int32_t)n;
    return none_ref();
}

static Object *sys_getcheckinterval(Object *self, Object *const *args, size_t nargs,
                                    Object *kwnames) {
    if (args_count("getcheckinterval", nargs, 0, 0) < 0) {
        return NULL;
    }
    return int_from_i64(threads_gil()->checkinterval);
}

static Object *sys_setswitchinterval(Object *self, Object *const *args, size_t nargs,
                                     Object *kwnames) {
    if (args_no_keywords("setswitchinterval", kwnames) < 0 ||
        args_count("setswitchinterval", nargs, 1, 1) < 0) {
        return NULL;
    }
    double seconds = obj_as_double(args[0]);
    if (seconds == -1.0 && err_occurred()) {
        return NULL;
    }
    if (seconds <= 0.0) {
        return err_format(&ExcValueError, "switch interval must be strictly positive");
    }
    uint64_t ns = (uint64_t)(seconds * 1e9);
    threads_gil()->switch_interval_ns = ns > 0 ? ns : 1000; /* CPython's resolution is 1 µs */
    return none_ref();
}

static Object *sys_getswitchinterval(Object *self, Object *const *args, size_t nargs,
                                     Object *kwnames) {
    if (args_count("getswitchinterval", nargs, 0, 0) < 0) {
        return NULL;
    }
    return float_new((double)threads_gil()->switch_interval_ns / 1e9);
}

static const MethodDef sys_gil_functions[] = {
    {"setcheckinterval", sys_setcheckinterval, 0,
     "Set how many instructions a thread runs before offering the GIL to a waiter."},
    {"getcheckinterval", sys_getcheckinterval, 0, "Return the GIL's instruction budget."},
    {"setswitchinterval", sys_setswitchinterval, 0,
     "Set how long (seconds) a thread waits for the GIL before asking the holder to drop it."},
    {"getswitchinterval", sys_getswitchinterval, 0, "Return the switch interval in seconds."},
    {NULL, NULL, 0, NULL},
};

int sys_add_gil_functions(Object *sys_module) {
    return module_add_functions(sys_module, sys_gil_functions);
}
