/* args.h: argument checking for native functions, with CPython's messages. */
#ifndef GILPY_ARGS_H
#define GILPY_ARGS_H

#include "object.h"

/* Fail with "f() takes no keyword arguments" if kwnames is non-empty. */
MAY_RAISE int args_no_keywords(const char *fname, Object *kwnames);
/* Check min <= nargs <= max with CPython's wording:
 * "f() takes exactly one argument (2 given)", "f expected at most 2 arguments, got 3". */
MAY_RAISE int args_count(const char *fname, size_t nargs, size_t min, size_t max);

/* Bind positional and keyword arguments to the parameter names in kwlist
 * (NULL-terminated; names starting with '$' are keyword-only, and the '$' is
 * not part of the name). The first `required` are required. out[i] receives a
 * borrowed reference or NULL when not given. Errors as CPython:
 * "f() missing required argument 'x' (pos 1)", "f() got an unexpected keyword
 * argument 'y'", "f() takes at most 2 arguments (3 given)". */
MAY_RAISE int args_parse(const char *fname, Object *const *args, size_t nargs, Object *kwnames,
                         const char *const *kwlist, size_t required, Object **out);

/* Argument Clinic's count checks, for functions with keyword parameters:
 * "stat() takes exactly 1 positional argument (3 given)" when too many are
 * positional, "remove() takes at most 2 arguments (3 given)" when there are
 * more than all parameters (maxargs counts keyword-only ones too). */
MAY_RAISE int args_clinic_count(const char *fname, size_t nargs, Object *kwnames, size_t minpos,
                                size_t maxpos, size_t maxargs);

#endif /* GILPY_ARGS_H */
