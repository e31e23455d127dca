/* call.h: calling Python functions: binding arguments to parameters with
 * CPython's rules and error messages, and the vectorcall entry point that the
 * VM installs as FunctionType.call. */
#ifndef GILPY_CALL_H
#define GILPY_CALL_H

#include "frame.h"
#include "function.h"
#include "object.h"

/* Bind args[0..nargs) and the keyword values args[nargs..nargs+len(kwnames))
 * (all borrowed) to the parameters of func in the fresh frame f: positional-
 * only, defaults, keyword-only with kwdefaults, *args, **kwargs. 0, or -1
 * with CPython's TypeError ("f() missing 1 required positional argument:
 * 'x'", ...); the frame's slots filled so far are left for frame_clear. */
MAY_RAISE int call_bind_args(Frame *f, FunctionObject *func, Object *const *args, size_t nargs,
                             Object *kwnames);

/* FunctionType.call: push a frame, bind, run it in a nested eval loop. */
MAY_RAISE Object *call_python_function(Object *callable, Object *const *args, size_t nargs,
                                       Object *kwnames);

/* CPython's _PyObject_FunctionStr: "__main__.f()", "C.m()" with its module,
 * "print()" for builtins. New reference (never NULL for valid input unless
 * out of memory). */
MAY_RAISE Object *call_function_str(Object *func);

/* Flatten f(*args, **kwargs) for a vectorcall: *out_flat receives a new tuple
 * holding the positional values then the keyword values, *out_nargs the
 * positional count, *out_kwnames a new tuple of names or NULL. `args` is any
 * iterable, `kwargs` any mapping or NULL. -1 with CPython's TypeError
 * ("f() argument after * must be an iterable, not int"). */
MAY_RAISE int call_flatten_ex(Object *func, Object *args, Object *kwargs, Object **out_flat,
                              size_t *out_nargs, Object **out_kwnames);

#endif /* GILPY_CALL_H */
