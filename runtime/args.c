/* args.c: argument checking for native functions, worded as CPython words it
 * (so that `len()` and `"".split(1, 2, 3)` fail with the familiar messages). */
#include "args.h"

#include <string.h>

#include "errors.h"
#include "exceptions.h"
#include "str.h"
#include "tuple.h"

int args_no_keywords(const char *fname, Object *kwnames) {
    if (kwnames != NULL && tuple_size(kwnames) != 0) {
        err_format(&ExcTypeError, "%s() takes no keyword arguments", fname);
        return -1;
    }
    return 0;
}

int args_count(const char *fname, size_t nargs, size_t min, size_t max) {
    if (nargs >= min && nargs <= max) {
        return 0;
    }
    if (max == 0) {
        err_format(&ExcTypeError, "%s() takes no arguments (%zu given)", fname, nargs);
    } else if (min == 1 && max == 1) {
        err_format(&ExcTypeError, "%s() takes exactly one argument (%zu given)", fname, nargs);
    } else if (nargs < min) {
        err_format(&ExcTypeError, "%s expected %s%zu argument%s, got %zu", fname,
                   min == max ? "" : "at least ", min, min == 1 ? "" : "s", nargs);
    } else {
        err_format(&ExcTypeError, "%s expected %s%zu argument%s, got %zu", fname,
                   min == max ? "" : "at most ", max, max == 1 ? "" : "s", nargs);
    }
    return -1;
}

/* The parameter's name without its '$' keyword-only marker. */
static const char *param_name(const char *spec) { return spec[0] == '$' ? spec + 1 : spec; }

int args_parse(const char *fname, Object *const *args, size_t nargs, Object *kwnames,
               const char *const *kwlist, size_t required, Object **out) {
    size_t nparams = 0, npositional = 0;
    while (kwlist[nparams] != NULL) {
        if (kwlist[nparams][0] != '$') {
            npositional++;
        }
        out[nparams] = NULL;
        nparams++;
    }
    if (nargs > npositional) {
        err_format(&ExcTypeError, "%s() takes %s %zu argument%s (%zu given)", fname,
                   required == npositional ? "exactly" : "at most", npositional,
                   npositional == 1 ? "" : "s", nargs);
        return -1;
    }
    for (size_t i = 0; i < nargs; i++) {
        out[i] = args[i];
    }
    size_t nkw = kwnames != NULL ? tuple_size(kwnames) : 0;
    for (size_t k = 0; k < nkw; k++) {
        Object *key = tuple_get(kwnames, k);
        size_t i = 0;
        for (; i < nparams; i++) {
            if (str_equal_cstr(key, param_name(kwlist[i]))) {
                break;
            }
        }
        if (i == nparams) {
            err_format(&ExcTypeError, "'%U' is an invalid keyword argument for %s()", key, fname);
            return -1;
        }
        if (out[i] != NULL) {
            err_format(&ExcTypeError, "argument for %s() given by name ('%s') and position (%zu)",
                       fname, param_name(kwlist[i]), i + 1);
            return -1;
        }
        out[i] = args[nargs + k];
    }
    for (size_t i = 0; i < required && i < nparams; i++) {
        if (out[i] == NULL) {
            if (kwlist[i][0] == '$') {
                err_format(&ExcTypeError, "%s() missing required keyword-only argument '%s'", fname,
                           param_name(kwlist[i]));
            } else {
                err_format(&ExcTypeError, "%s() missing required argument '%s' (pos %zu)", fname,
                           param_name(kwlist[i]), i + 1);
            }
            return -1;
        }
    }
    return 0;
}

/* Argument Clinic's count checks: see args.h for the wording. */
int args_clinic_count(const char *fname, size_t nargs, Object *kwnames, size_t minpos,
                        size_t maxpos, size_t maxargs) {
    size_t nkw = kwnames != NULL ? tuple_size(kwnames) : 0;
    if (nargs + nkw > maxargs) {
        err_format(&ExcTypeError, "%s() takes at most %zu %sargument%s (%zu given)", fname, maxargs,
                   nargs == 0 ? "keyword " : "", maxargs == 1 ? "" : "s", nargs + nkw);
        return -1;
    }
    if (nargs > maxpos) {
        err_format(&ExcTypeError, "%s() takes %s %zu positional argument%s (%zu given)", fname,
                   minpos < maxpos ? "at most" : "exactly", maxpos, maxpos == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}
