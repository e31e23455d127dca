/* call.c: calling Python functions: binding arguments to parameters (CPython
 * 3.11's rules and messages, from Python/ceval.c initialize_locals), the
 * vectorcall entry point installed as FunctionType.call, and f(*a, **k). */
#include "call.h"

#include <stdio.h>

#include "dict.h"
#include "errors.h"
#include "eval.h"
#include "exceptions.h"
#include "interp.h"
#include "list.h"
#include "memory.h"
#include "str.h"
#include "tuple.h"

/* "'a'", "'a' and 'b'", "'a', 'b', and 'c'" for the missing names. */
static void call_format_missing(FunctionObject *func, const char *kind, Object **names,
                                size_t n) {
    StrBuilder sb;
    sb_init(&sb);
    for (size_t i = 0; i < n; i++) {
        if (i > 0) {
            if (n == 2) {
                sb_append_cstr(&sb, " and ");
            } else if (i == n - 1) {
                sb_append_cstr(&sb, ", and ");
            } else {
                sb_append_cstr(&sb, ", ");
            }
        }
        sb_append_char(&sb, '\'');
        sb_append_str(&sb, names[i]);
        sb_append_char(&sb, '\'');
    }
    Object *list = sb_finish(&sb);
    if (list == NULL) {
        return;
    }
    err_format(&ExcTypeError, "%U() missing %zu required %s argument%s: %U", func->qualname, n,
               kind, n == 1 ? "" : "s", list);
    DECREF(list);
}

/* Missing positional (positional == true: slots [0, argcount - defcount))
 * or keyword-only arguments. */
static void call_missing_arguments(FunctionObject *func, Object **locals, bool positional,
                                   size_t defcount) {
    CodeObject *co = func->code;
    size_t start, end;
    if (positional) {
        start = 0;
        end = (size_t)co->argcount - defcount;
    } else {
        start = (size_t)co->argcount;
        end = start + (size_t)co->kwonlyargcount;
    }
    Object *small[32];
    Object **names = small;
    size_t n = 0;
    if (end - start > 32) {
        names = mem_alloc_array(end - start, sizeof(Object *));
        if (names == NULL) {
            return;
        }
    }
    for (size_t i = start; i < end; i++) {
        if (locals[i] == NULL) {
            names[n++] = tuple_get(co->varnames, i);
        }
    }
    call_format_missing(func, positional ? "positional" : "keyword-only", names, n);
    if (names != small) {
        mem_free(names);
    }
}

static void call_too_many_positional(FunctionObject *func, Object **locals, size_t given) {
    CodeObject *co = func->code;
    size_t argcount = (size_t)co->argcount;
    size_t kwonly_given = 0;
    for (size_t i = argcount; i < argcount + (size_t)co->kwonlyargcount; i++) {
        if (locals[i] != NULL) {
            kwonly_given++;
        }
    }
    size_t defcount = func->defaults != NULL ? tuple_size(func->defaults) : 0;
    char sig[64];
    bool plural;
    if (defcount > 0) {
        plural = true;
        snprintf(sig, sizeof sig, "from %zu to %zu", argcount - defcount, argcount);
    } else {
        plural = argcount != 1;
        snprintf(sig, sizeof sig, "%zu", argcount);
    }
    char kwsig[96] = "";
    if (kwonly_given > 0) {
        snprintf(kwsig, sizeof kwsig, " positional argument%s (and %zu keyword-only argument%s)",
                 given != 1 ? "s" : "", kwonly_given, kwonly_given != 1 ? "s" : "");
    }
    err_format(&ExcTypeError, "%U() takes %s positional argument%s but %zu%s %s given",
               func->qualname, sig, plural ? "s" : "", given, kwsig,
               given == 1 && kwonly_given == 0 ? "was" : "were");
}

/* A keyword matched no parameter: report positional-only names passed by
 * keyword, if any. 1 when that error was set, 0 otherwise. */
static int call_posonly_as_keyword(FunctionObject *func, Object *kwnames) {
    CodeObject *co = func->code;
    StrBuilder sb;
    sb_init(&sb);
    size_t conflicts = 0;
    for (int k = 0; k < co->posonlyargcount; k++) {
        Object *posname = tuple_get(co->varnames, (size_t)k);
        for (size_t j = 0; j < tuple_size(kwnames); j++) {
            Object *kw = tuple_get(kwnames, j);
            if (kw == posname || (str_check(kw) && str_equal(kw, posname))) {
                if (conflicts++ > 0) {
                    sb_append_cstr(&sb, ", ");
                }
                sb_append_str(&sb, posname);
            }
        }
    }
    if (conflicts == 0) {
        sb_discard(&sb);
        return 0;
    }
    Object *joined = sb_finish(&sb);
    if (joined != NULL) {
        err_format(&ExcTypeError,
                   "%U() got some positional-only arguments passed as keyword arguments: '%U'",
                   func->qualname, joined);
        DECREF(joined);
    }
    return 1;
}

int call_bind_args(Frame *f, FunctionObject *func, Object *const *args, size_t nargs,
                   Object *kwnames) {
    CodeObject *co = func->code;
    Object **locals = f->localsplus;
    size_t argcount = (size_t)co->argcount;
    size_t total_args = argcount + (size_t)co->kwonlyargcount;
    Object *kwdict = NULL;

    if (co->flags & CODE_FLAG_VARKEYWORDS) {
        kwdict = dict_new();
        if (kwdict == NULL) {
            return -1;
        }
        size_t slot = total_args + ((co->flags & CODE_FLAG_VARARGS) ? 1 : 0);
        locals[slot] = kwdict;
    }
    size_t n = nargs < argcount ? nargs : argcount;
    for (size_t i = 0; i < n; i++) {
        locals[i] = NEWREF(args[i]);
    }
    if (co->flags & CODE_FLAG_VARARGS) {
        Object *rest = nargs > n ? tuple_from_array(args + n, nargs - n) : tuple_new(0);
        if (rest == NULL) {
            return -1;
        }
        locals[total_args] = rest;
    }

    if (kwnames != NULL) {
        size_t nkw = tuple_size(kwnames);
        Object *const *varnames = ((TupleObject *)co->varnames)->items;
        for (size_t k = 0; k < nkw; k++) {
            Object *keyword = tuple_get(kwnames, k);
            Object *value = args[nargs + k];
            if (!str_check(keyword)) {
                err_set_string(&ExcTypeError, "keywords must be strings");
                return -1;
            }
            size_t j;
            for (j = (size_t)co->posonlyargcount; j < total_args; j++) {
                if (varnames[j] == keyword) {
                    goto kw_found;
                }
            }
            for (j = (size_t)co->posonlyargcount; j < total_args; j++) {
                if (str_equal(varnames[j], keyword)) {
                    goto kw_found;
                }
            }
            if (kwdict == NULL) {
                if (co->posonlyargcount > 0 && call_posonly_as_keyword(func, kwnames)) {
                    return -1;
                }
                err_format(&ExcTypeError, "%U() got an unexpected keyword argument '%U'",
                           func->qualname, keyword);
                return -1;
            }
            if (dict_set(kwdict, keyword, value) < 0) {
                return -1;
            }
            continue;
        kw_found:
            if (locals[j] != NULL) {
                err_format(&ExcTypeError, "%U() got multiple values for argument '%U'",
                           func->qualname, keyword);
                return -1;
            }
            locals[j] = NEWREF(value);
        }
    }

    if (nargs > argcount && !(co->flags & CODE_FLAG_VARARGS)) {
        call_too_many_positional(func, locals, nargs);
        return -1;
    }

    if (nargs < argcount) {
        size_t defcount = func->defaults != NULL ? tuple_size(func->defaults) : 0;
        size_t m = argcount - defcount;
        size_t missing = 0;
        for (size_t i = nargs; i < m; i++) {
            if (locals[i] == NULL) {
                missing++;
            }
        }
        if (missing > 0) {
            call_missing_arguments(func, locals, true, defcount);
            return -1;
        }
        size_t i = n > m ? n - m : 0;
        for (; i < defcount; i++) {
            if (locals[m + i] == NULL) {
                locals[m + i] = NEWREF(tuple_get(func->defaults, i));
            }
        }
    }

    if (co->kwonlyargcount > 0) {
        size_t missing = 0;
        for (size_t i = argcount; i < total_args; i++) {
            if (locals[i] != NULL) {
                continue;
            }
            if (func->kwdefaults != NULL) {
                Object *def;
                int r = dict_lookup(func->kwdefaults, tuple_get(co->varnames, i), &def);
                if (r < 0) {
                    return -1;
                }
                if (r > 0) {
                    locals[i] = NEWREF(def);
                    continue;
                }
            }
            missing++;
        }
        if (missing > 0) {
            call_missing_arguments(func, locals, false, 0);
            return -1;
        }
    }
    return 0;
}

Object *call_python_function(Object *callable, Object *const *args, size_t nargs,
                             Object *kwnames) {
    ThreadState *ts = ts_current();
    FunctionObject *fn = (FunctionObject *)callable;
    CodeObject *co = fn->code;
    Object *builtins = fn->builtins != NULL ? fn->builtins : ts->interp->builtins;
    Frame *f = frame_push(ts, co, fn, fn->globals, builtins, NULL);
    if (f == NULL) {
        return NULL;
    }
    if (kwnames == NULL && nargs == (size_t)co->argcount &&
        (co->flags & (CODE_FLAG_VARARGS | CODE_FLAG_VARKEYWORDS)) == 0 &&
        co->kwonlyargcount == 0) {
        for (size_t i = 0; i < nargs; i++) {
            f->localsplus[i] = NEWREF(args[i]);
        }
    } else if (call_bind_args(f, fn, args, nargs, kwnames) < 0) {
        frame_clear_and_pop(ts, f);
        return NULL;
    }
    if (f->stack_base != (uint32_t)co->nlocals && frame_init_cells(f) < 0) {
        frame_clear_and_pop(ts, f);
        return NULL;
    }
    return eval_frame(ts, f, false);
}

Object *call_function_str(Object *func) {
    if (!is_small_int(func) && func->type == &MethodType) {
        return call_function_str(((MethodObject *)func)->func);
    }
    Object *qualname = NULL, *module = NULL;
    if (vm_lookup_attr_cstr(func, "__qualname__", &qualname) < 0) {
        return NULL;
    }
    if (qualname == NULL) {
        return obj_str(func);
    }
    if (vm_lookup_attr_cstr(func, "__module__", &module) < 0) {
        DECREF(qualname);
        return NULL;
    }
    Object *res;
    if (module != NULL && module != None && str_check(module) &&
        !str_equal_cstr(module, "builtins")) {
        res = str_from_format("%U.%U()", module, qualname);
    } else {
        res = str_from_format("%S()", qualname);
    }
    XDECREF(module);
    DECREF(qualname);
    return res;
}

/* The TypeError for f(*x) / f(**x) with a bad x. */
static int call_ex_error(Object *func, const char *what, const char *need, Object *bad) {
    Object *fs = call_function_str(func);
    if (fs != NULL) {
        err_format(&ExcTypeError, "%U argument after %s must be %s, not %s", fs, what, need,
                   obj_type_name(bad));
        DECREF(fs);
    }
    return -1;
}

int call_flatten_ex(Object *func, Object *args, Object *kwargs, Object **out_flat,
                    size_t *out_nargs, Object **out_kwnames) {
    Object *pos;
    if (tuple_check_exact(args)) {
        pos = NEWREF(args);
    } else {
        TypeObject *t = obj_type(args);
        if (t->iter == NULL && t->getitem == NULL) {
            return call_ex_error(func, "*", "an iterable", args);
        }
        pos = tuple_from_iterable(args);
        if (pos == NULL) {
            return -1;
        }
    }
    size_t npos = tuple_size(pos);
    if (kwargs == NULL || (dict_check(kwargs) && dict_size(kwargs) == 0)) {
        *out_flat = pos;
        *out_nargs = npos;
        *out_kwnames = NULL;
        return 0;
    }
    Object *kw = kwargs;
    if (!dict_check(kwargs)) {
        Object *keys = NULL;
        if (vm_lookup_attr_cstr(kwargs, "keys", &keys) < 0) {
            DECREF(pos);
            return -1;
        }
        if (keys == NULL) {
            DECREF(pos);
            return call_ex_error(func, "**", "a mapping", kwargs);
        }
        DECREF(keys);
        kw = dict_new();
        if (kw == NULL || dict_merge(kw, kwargs, true) < 0) {
            XDECREF(kw);
            DECREF(pos);
            return -1;
        }
    } else {
        INCREF(kw);
    }
    size_t nkw = dict_size(kw);
    Object *flat = tuple_new(npos + nkw);
    Object *names = tuple_new(nkw);
    if (flat == NULL || names == NULL) {
        XDECREF(flat);
        XDECREF(names);
        DECREF(kw);
        DECREF(pos);
        return -1;
    }
    for (size_t i = 0; i < npos; i++) {
        tuple_init_item(flat, i, NEWREF(tuple_get(pos, i)));
    }
    size_t p = 0, i = 0;
    Object *k, *v;
    while (dict_next(kw, &p, &k, &v)) {
        if (!str_check(k)) {
            /* Fill the rest so the tuples are valid before dropping them. */
            for (size_t j = i; j < nkw; j++) {
                tuple_init_item(names, j, none_ref());
                tuple_init_item(flat, npos + j, none_ref());
            }
            DECREF(flat);
            DECREF(names);
            DECREF(kw);
            DECREF(pos);
            err_set_string(&ExcTypeError, "keywords must be strings");
            return -1;
        }
        tuple_init_item(names, i, NEWREF(k));
        tuple_init_item(flat, npos + i, NEWREF(v));
        i++;
    }
    DECREF(kw);
    DECREF(pos);
    *out_flat = flat;
    *out_nargs = npos;
    *out_kwnames = names;
    return 0;
}
