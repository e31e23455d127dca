/* mod_builtins.c: the `builtins` module: print, len, min/max, sum, sorted,
 * isinstance, ... with CPython 3.11's behaviour and error messages, plus the
 * built-in types and constants bound to their names. The lazy iterator types
 * (enumerate, zip, map, filter, reversed) live in builtins_iter.c. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "args.h"
#include "builtins_iter.h"
#include "bytes.h"
#include "class.h"
#include "code.h"
#include "compile.h"
#include "dict.h"
#include "errors.h"
#include "exceptions.h"
#include "float.h"
#include "function.h"
#include "int.h"
#include "iter.h"
#include "list.h"
#include "module.h"
#include "modules.h"
#include "range.h"
#include "set.h"
#include "state.h"
#include "slots.h"
#include "str.h"
#include "textio.h"
#include "tuple.h"
#include "vm.h"

/* ================================================================ helpers */

static size_t kw_count(Object *kwnames) { return kwnames == NULL ? 0 : tuple_size(kwnames); }

static bool is_type_object(Object *v) {
    return !is_small_int(v) && (v->type == &TypeType || type_is_subtype(v->type, &TypeType));
}

static bool is_exact_str(Object *v) { return !is_small_int(v) && v->type == &StrType; }

static Object *size_to_int(ssize_t n) { return int_from_i64((int64_t)n); }

/* sys.<name> (borrowed), or NULL with RuntimeError "lost sys.<name>". `name`
 * is "stdin", "stdout" or "stderr"; their interned strs are cached (a pure
 * function of constant data, shared safely under the GIL). */
static Object *sys_stream(const char *name) {
    static Object *cached_names[3];
    int which = name[3] == 'i' ? 0 : name[3] == 'o' ? 1 : 2;
    if (cached_names[which] == NULL) {
        cached_names[which] = str_intern_cstr(name); /* interned: lives forever */
        if (cached_names[which] == NULL) {
            return NULL;
        }
    }
    Interpreter *interp = ts_current()->interp;
    Object *v = interp != NULL && interp->sysdict != NULL
                    ? dict_get_str(interp->sysdict, cached_names[which])
                    : NULL;
    if (v == NULL) {
        err_format(&ExcRuntimeError, "lost sys.%s", name);
    }
    return v;
}

/* Call file.flush() (fast path for text files). 0 or -1. */
static int flush_file(Object *file) {
    if (textio_check(file)) {
        return textio_flush(file);
    }
    Object *r = obj_call_method(file, "flush", NULL, 0);
    if (r == NULL) {
        return -1;
    }
    DECREF(r);
    return 0;
}

/* ================================================================ print */

/* Write str(v) to `file`, with no temporary objects for str and small ints
 * when the file is one of ours. 0 or -1. */
static int print_value(Object *file, Object *v) {
    if (textio_check(file)) {
        if (is_exact_str(v)) {
            return textio_write_utf8(file, str_utf8(v), str_size(v));
        }
        if (is_small_int(v)) {
            char buf[32];
            int n = snprintf(buf, sizeof buf, "%jd", (intmax_t)small_int_value(v));
            return textio_write_utf8(file, buf, (size_t)n);
        }
    }
    Object *s = obj_str(v);
    if (s == NULL) {
        return -1;
    }
    int rc = textio_write_object(file, s);
    DECREF(s);
    return rc;
}

/* print(*objects, sep=' ', end='\n', file=None, flush=False) */
static Object *builtin_print(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    Object *sep = NULL, *end = NULL, *file = NULL, *flush = NULL;
    size_t nkw = kw_count(kwnames);
    for (size_t i = 0; i < nkw; i++) {
        Object *key = tuple_get(kwnames, i);
        Object *value = args[nargs + i];
        if (str_equal_cstr(key, "sep")) {
            sep = value;
        } else if (str_equal_cstr(key, "end")) {
            end = value;
        } else if (str_equal_cstr(key, "file")) {
            file = value;
        } else if (str_equal_cstr(key, "flush")) {
            flush = value;
        } else {
            return err_format(&ExcTypeError, "'%U' is an invalid keyword argument for print()",
                              key);
        }
    }
    if (file == NULL || file == None) {
        file = sys_stream("stdout");
        if (file == NULL) {
            return NULL;
        }
        if (file == None) {
            return none_ref(); /* sys.stdout = None: print does nothing */
        }
    }
    if (sep == None) {
        sep = NULL;
    } else if (sep != NULL && !str_check(sep)) {
        return err_format(&ExcTypeError, "sep must be None or a string, not %T", sep);
    }
    if (end == None) {
        end = NULL;
    } else if (end != NULL && !str_check(end)) {
        return err_format(&ExcTypeError, "end must be None or a string, not %T", end);
    }
    bool fast = textio_check(file);
    for (size_t i = 0; i < nargs; i++) {
        if (i > 0) {
            int rc;
            if (sep == NULL && fast) {
                rc = textio_write_utf8(file, " ", 1);
            } else if (sep == NULL) {
                Object *space = str_from_cstr(" ");
                rc = space == NULL ? -1 : textio_write_object(file, space);
                XDECREF(space);
            } else {
                rc = textio_write_object(file, sep);
            }
            if (rc < 0) {
                return NULL;
            }
        }
        if (print_value(file, args[i]) < 0) {
            return NULL;
        }
    }
    int rc;
    if (end == NULL && fast) {
        rc = textio_write_utf8(file, "\n", 1);
    } else if (end == NULL) {
        Object *nl = str_from_cstr("\n");
        rc = nl == NULL ? -1 : textio_write_object(file, nl);
        XDECREF(nl);
    } else {
        rc = textio_write_object(file, end);
    }
    if (rc < 0) {
        return NULL;
    }
    if (flush != NULL) {
        int truth = obj_is_true(flush);
        if (truth < 0 || (truth && flush_file(file) < 0)) {
            return NULL;
        }
    }
    return none_ref();
}

/* ================================================================ input */

/* input(prompt=''): write the prompt, read a line from sys.stdin without its newline. */
static Object *builtin_input(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_no_keywords("input", kwnames) < 0 || args_count("input", nargs, 0, 1) < 0) {
        return NULL;
    }
    Object *in = sys_stream("stdin"), *out = in != NULL ? sys_stream("stdout") : NULL;
    if (out == NULL) {
        return NULL;
    }
    Object *err = sys_stream("stderr");
    if (err == NULL) {
        return NULL;
    }
    if (err != None && flush_file(err) < 0) {
        err_clear();
    }
    if (nargs == 1 && print_value(out, args[0]) < 0) {
        return NULL;
    }
    if (out != None && flush_file(out) < 0) {
        return NULL;
    }
    Object *line;
    if (textio_check(in)) {
        line = textio_readline(in, -1);
    } else {
        line = obj_call_method(in, "readline", NULL, 0);
        if (line != NULL && !str_check(line)) {
            DECREF(line);
            return err_format(&ExcTypeError, "object.readline() returned non-string");
        }
    }
    if (line == NULL) {
        return NULL;
    }
    size_t size = str_size(line);
    if (size == 0) {
        DECREF(line);
        err_set_string(&ExcEOFError, "EOF when reading a line");
        return NULL;
    }
    if (str_utf8(line)[size - 1] == '\n') {
        Object *stripped = str_from_utf8(str_utf8(line), size - 1);
        DECREF(line);
        return stripped;
    }
    return line;
}

/* ================================================================ simple one-argument functions */

static Object *builtin_len(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_no_keywords("len", kwnames) < 0 || args_count("len", nargs, 1, 1) < 0) {
        return NULL;
    }
    ssize_t n = obj_len(args[0]);
    return n < 0 ? NULL : size_to_int(n);
}

static Object *builtin_repr(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_no_keywords("repr", kwnames) < 0 || args_count("repr", nargs, 1, 1) < 0) {
        return NULL;
    }
    return obj_repr(args[0]);
}

static Object *builtin_ascii(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_no_keywords("ascii", kwnames) < 0 || args_count("ascii", nargs, 1, 1) < 0) {
        return NULL;
    }
    return obj_ascii(args[0]);
}

static Object *builtin_abs(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_no_keywords("abs", kwnames) < 0 || args_count("abs", nargs, 1, 1) < 0) {
        return NULL;
    }
    return obj_unary_op(args[0], UNARY_ABS);
}

static Object *builtin_callable(Object *self, Object *const *args, size_t nargs,
                                Object *kwnames) {
    if (args_no_keywords("callable", kwnames) < 0 || args_count("callable", nargs, 1, 1) < 0) {
        return NULL;
    }
    return bool_from(obj_is_callable(args[0]));
}

static Object *builtin_id(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_no_keywords("id", kwnames) < 0 || args_count("id", nargs, 1, 1) < 0) {
        return NULL;
    }
    return int_from_u64((uint64_t)(uintptr_t)args[0]);
}

static Object *builtin_hash(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_no_keywords("hash", kwnames) < 0 || args_count("hash", nargs, 1, 1) < 0) {
        return NULL;
    }
    intptr_t h = obj_hash(args[0]);
    return h == -1 ? NULL : int_from_i64((int64_t)h);
}

static Object *builtin_chr(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_no_keywords("chr", kwnames) < 0 || args_count("chr", nargs, 1, 1) < 0) {
        return NULL;
    }
    Object *index = obj_index(args[0]);
    if (index == NULL) {
        return NULL;
    }
    int64_t cp;
    int rc = int_to_i64(index, &cp);
    DECREF(index);
    if (rc < 0 || cp < INT32_MIN || cp > INT32_MAX) {
        err_clear();
        err_set_string(&ExcOverflowError, "Python int too large to convert to C int");
        return NULL;
    }
    if (cp < 0 || cp >= 0x110000) {
        err_set_string(&ExcValueError, "chr() arg not in range(0x110000)");
        return NULL;
    }
    return str_from_codepoint((uint32_t)cp);
}

static Object *builtin_ord(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_no_keywords("ord", kwnames) < 0 || args_count("ord", nargs, 1, 1) < 0) {
        return NULL;
    }
    Object *v = args[0];
    size_t n;
    if (str_check(v)) {
        n = str_length(v);
        if (n == 1) {
            return small_int_make((intptr_t)str_codepoint_at(v, 0));
        }
    } else if (bytes_check(v)) {
        n = bytes_size(v);
        if (n == 1) {
            return small_int_make((unsigned char)bytes_data(v)[0]);
        }
    } else {
        return err_format(&ExcTypeError, "ord() expected string of length 1, but %T found", v);
    }
    return err_format(&ExcTypeError, "ord() expected a character, but string of length %zu found",
                      n);
}

/* hex(), oct(), bin(): the int's digits with a 0x / 0o / 0b prefix. */
static Object *base_string(const char *fname, Object *const *args, size_t nargs, Object *kwnames,
                           int base) {
    if (args_no_keywords(fname, kwnames) < 0 || args_count(fname, nargs, 1, 1) < 0) {
        return NULL;
    }
    Object *i = obj_index(args[0]);
    if (i == NULL) {
        return NULL;
    }
    Object *r = int_to_base_string(i, base);
    DECREF(i);
    return r;
}

static Object *builtin_hex(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return base_string("hex", args, nargs, kwnames, 16);
}
static Object *builtin_oct(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return base_string("oct", args, nargs, kwnames, 8);
}
static Object *builtin_bin(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return base_string("bin", args, nargs, kwnames, 2);
}

/* format(value, format_spec='') */
static Object *builtin_format(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    static const char *const kwlist[] = {"value", "format_spec", NULL};
    Object *out[2];
    if (args_parse("format", args, nargs, kwnames, kwlist, 1, out) < 0) {
        return NULL;
    }
    if (out[1] == NULL) {
        Object *empty = str_from_cstr("");
        if (empty == NULL) {
            return NULL;
        }
        Object *r = obj_format(out[0], empty);
        DECREF(empty);
        return r;
    }
    if (!str_check(out[1])) {
        return err_format(&ExcTypeError, "format() argument 2 must be str, not %T", out[1]);
    }
    return obj_format(out[0], out[1]);
}

/* ================================================================ iteration helpers */

static Object *builtin_iter(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_no_keywords("iter", kwnames) < 0 || args_count("iter", nargs, 1, 2) < 0) {
        return NULL;
    }
    if (nargs == 1) {
        return obj_iter(args[0]);
    }
    if (!obj_is_callable(args[0])) {
        err_set_string(&ExcTypeError, "iter(v, w): v must be callable");
        return NULL;
    }
    return callable_iter_new(args[0], args[1]);
}

/* next(iterator[, default]) */
static Object *builtin_next(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_no_keywords("next", kwnames) < 0 || args_count("next", nargs, 1, 2) < 0) {
        return NULL;
    }
    Object *it = args[0];
    TypeObject *t = obj_type(it);
    if (t->iternext == NULL) {
        return err_format(&ExcTypeError, "'%T' object is not an iterator", it);
    }
    Object *item = t->iternext(it);
    if (item != NULL) {
        return item;
    }
    if (err_occurred()) {
        if (nargs < 2 || !err_matches(&ExcStopIteration)) {
            return NULL;
        }
        err_clear();
    }
    if (nargs == 2) {
        return NEWREF(args[1]);
    }
    err_set_none(&ExcStopIteration);
    return NULL;
}

/* any() and all(): stop at the first item whose truth is `stop_on`. */
static Object *any_all(const char *fname, Object *const *args, size_t nargs, Object *kwnames,
                       bool stop_on) {
    if (args_no_keywords(fname, kwnames) < 0 || args_count(fname, nargs, 1, 1) < 0) {
        return NULL;
    }
    Object *it = obj_iter(args[0]);
    if (it == NULL) {
        return NULL;
    }
    Object *item;
    while ((item = obj_next(it)) != NULL) {
        int truth = obj_is_true(item);
        DECREF(item);
        if (truth < 0) {
            DECREF(it);
            return NULL;
        }
        if ((truth != 0) == stop_on) {
            DECREF(it);
            return bool_from(stop_on);
        }
    }
    DECREF(it);
    if (err_occurred()) {
        return NULL;
    }
    return bool_from(!stop_on);
}

static Object *builtin_any(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return any_all("any", args, nargs, kwnames, true);
}
static Object *builtin_all(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return any_all("all", args, nargs, kwnames, false);
}

/* ================================================================ min / max */

static Object *min_max(const char *fname, Object *const *args, size_t nargs, Object *kwnames,
                       CompareOp op) {
    Object *key = NULL, *dflt = NULL;
    size_t nkw = kw_count(kwnames);
    for (size_t i = 0; i < nkw; i++) {
        Object *name = tuple_get(kwnames, i);
        if (str_equal_cstr(name, "key")) {
            key = args[nargs + i];
        } else if (str_equal_cstr(name, "default")) {
            dflt = args[nargs + i];
        } else {
            return err_format(&ExcTypeError, "'%U' is an invalid keyword argument for %s()", name,
                              fname);
        }
    }
    if (nargs == 0) {
        return err_format(&ExcTypeError, "%s expected at least 1 argument, got 0", fname);
    }
    if (nargs > 1 && dflt != NULL) {
        return err_format(&ExcTypeError,
                          "Cannot specify a default for %s() with multiple positional arguments",
                          fname);
    }
    if (key == None) {
        key = NULL;
    }
    Object *it = NULL;
    if (nargs == 1) {
        it = obj_iter(args[0]);
        if (it == NULL) {
            return NULL;
        }
    }
    Object *best = NULL, *best_key = NULL;
    for (size_t i = 0;; i++) {
        Object *item;
        if (it != NULL) {
            item = obj_next(it);
            if (item == NULL) {
                if (err_occurred()) {
                    goto fail;
                }
                break;
            }
        } else {
            if (i == nargs) {
                break;
            }
            item = NEWREF(args[i]);
        }
        Object *k = item;
        if (key != NULL) {
            k = obj_call(key, &item, 1, NULL);
            if (k == NULL) {
                DECREF(item);
                goto fail;
            }
        } else {
            INCREF(k);
        }
        if (best == NULL) {
            best = item;
            best_key = k;
            continue;
        }
        int better = obj_richcompare_bool(k, best_key, op);
        if (better < 0) {
            DECREF(item);
            DECREF(k);
            goto fail;
        }
        if (better) {
            DECREF(best);
            DECREF(best_key);
            best = item;
            best_key = k;
        } else {
            DECREF(item);
            DECREF(k);
        }
    }
    XDECREF(it);
    if (best == NULL) {
        if (dflt != NULL) {
            return NEWREF(dflt);
        }
        return err_format(&ExcValueError, "%s() arg is an empty sequence", fname);
    }
    DECREF(best_key);
    return best;
fail:
    XDECREF(it);
    XDECREF(best);
    XDECREF(best_key);
    return NULL;
}

static Object *builtin_min(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return min_max("min", args, nargs, kwnames, CMP_LT);
}
static Object *builtin_max(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return min_max("max", args, nargs, kwnames, CMP_GT);
}

/* ================================================================ sum */

/* sum(iterable, /, start=0), with exact fast paths for small ints and floats:
 * the running total stays a C integer or double while the items allow it. */
static Object *builtin_sum(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    size_t nkw = kw_count(kwnames);
    if (nargs == 0) {
        return err_format(&ExcTypeError, "sum() takes at least 1 positional argument (0 given)");
    }
    if (nargs + nkw > 2) {
        return err_format(&ExcTypeError, "sum() takes at most 2 arguments (%zu given)",
                          nargs + nkw);
    }
    Object *start = nargs >= 2 ? args[1] : NULL;
    for (size_t i = 0; i < nkw; i++) {
        Object *name = tuple_get(kwnames, i);
        if (!str_equal_cstr(name, "start")) {
            return err_format(&ExcTypeError, "'%U' is an invalid keyword argument for sum()", name);
        }
        if (start != NULL) {
            return err_format(&ExcTypeError,
                              "argument for sum() given by name ('start') and position (2)");
        }
        start = args[nargs + i];
    }
    if (start == NULL) {
        start = small_int_make(0);
    } else if (str_check(start)) {
        return err_format(&ExcTypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    } else if (bytes_check(start)) {
        return err_format(&ExcTypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
    }
    Object *it = obj_iter(args[0]);
    if (it == NULL) {
        return NULL;
    }
    enum { SUM_INT, SUM_FLOAT, SUM_GENERIC } mode;
    intptr_t i_acc = 0;
    double f_acc = 0.0;
    Object *acc = NULL;
    if (is_small_int(start)) {
        mode = SUM_INT;
        i_acc = small_int_value(start);
    } else if (start->type == &FloatType) {
        mode = SUM_FLOAT;
        f_acc = float_value(start);
    } else {
        mode = SUM_GENERIC;
        acc = NEWREF(start);
    }
    Object *item;
    while ((item = obj_next(it)) != NULL) {
        if (mode == SUM_INT) {
            if (is_small_int(item) || obj_type(item) == &BoolType) {
                intptr_t v = is_small_int(item) ? small_int_value(item)
                                                : ((BoolObject *)item)->value;
                i_acc += v; /* both fit in 62 bits: no C overflow */
                DECREF(item);
                if (!small_int_fits(i_acc)) {
                    acc = int_from_i64((int64_t)i_acc);
                    if (acc == NULL) {
                        goto fail;
                    }
                    mode = SUM_GENERIC;
                }
                continue;
            }
            if (item->type == &FloatType) {
                f_acc = (double)i_acc;
                mode = SUM_FLOAT;
            } else {
                acc = small_int_make(i_acc);
                mode = SUM_GENERIC;
            }
        }
        if (mode == SUM_FLOAT) {
            if (!is_small_int(item) && item->type == &FloatType) {
                f_acc += float_value(item);
                DECREF(item);
                continue;
            }
            if (is_small_int(item)) {
                f_acc += (double)small_int_value(item);
                continue;
            }
            acc = float_new(f_acc);
            if (acc == NULL) {
                DECREF(item);
                goto fail;
            }
            mode = SUM_GENERIC;
        }
        Object *next = obj_binary_op(acc, item, BINOP_ADD);
        DECREF(item);
        DECREF(acc);
        acc = next;
        if (acc == NULL) {
            goto fail;
        }
    }
    DECREF(it);
    if (err_occurred()) {
        XDECREF(acc);
        return NULL;
    }
    if (mode == SUM_INT) {
        return small_int_make(i_acc);
    }
    if (mode == SUM_FLOAT) {
        return float_new(f_acc);
    }
    return acc;
fail:
    DECREF(it);
    if (mode == SUM_GENERIC) {
        XDECREF(acc);
    }
    return NULL;
}

/* ================================================================ numbers: round, divmod, pow */

/* An int, bool or int subclass as an exact int (new reference). */
static Object *exact_int(Object *x) {
    if (int_check_exact(x)) {
        return NEWREF(x);
    }
    if (obj_type(x) == &BoolType) {
        return small_int_make(((BoolObject *)x)->value);
    }
    return obj_binary_op(x, small_int_make(0), BINOP_ADD);
}

/* round(int, ndigits) for ndigits < 0: round half to even at 10**-ndigits. */
static Object *round_int(Object *x, Object *ndigits) {
    if (int_sign(ndigits) >= 0) {
        return exact_int(x);
    }
    Object *neg = obj_unary_op(ndigits, UNARY_NEG);
    if (neg == NULL) {
        return NULL;
    }
    Object *pow10 = obj_binary_op(small_int_make(10), neg, BINOP_POW);
    DECREF(neg);
    if (pow10 == NULL) {
        return NULL;
    }
    Object *q = obj_binary_op(x, pow10, BINOP_FLOORDIV);
    Object *r = q != NULL ? obj_binary_op(x, pow10, BINOP_MOD) : NULL;
    Object *twice = r != NULL ? obj_binary_op(r, small_int_make(2), BINOP_MUL) : NULL;
    Object *result = NULL;
    if (twice != NULL) {
        int cmp = int_compare(twice, pow10);
        bool odd = false;
        if (cmp == 0) {
            Object *bit = obj_binary_op(q, small_int_make(1), BINOP_AND);
            if (bit == NULL) {
                goto done;
            }
            odd = !int_is_zero(bit);
            DECREF(bit);
        }
        Object *qq = q;
        INCREF(qq);
        if (cmp > 0 || odd) {
            DECREF(qq);
            qq = obj_binary_op(q, small_int_make(1), BINOP_ADD);
        }
        if (qq != NULL) {
            result = obj_binary_op(qq, pow10, BINOP_MUL);
            DECREF(qq);
        }
    }
done:
    XDECREF(q);
    XDECREF(r);
    XDECREF(twice);
    DECREF(pow10);
    return result;
}

/* round(number, ndigits=None) */
static Object *builtin_round(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    static const char *const kwlist[] = {"number", "ndigits", NULL};
    Object *out[2];
    if (args_parse("round", args, nargs, kwnames, kwlist, 1, out) < 0) {
        return NULL;
    }
    Object *x = out[0], *nd = out[1] == None ? NULL : out[1];
    if (float_check(x) || int_check(x)) {
        Object *ndigits = NULL;
        if (nd != NULL) {
            ndigits = obj_index(nd);
            if (ndigits == NULL) {
                return NULL;
            }
        }
        Object *r;
        if (float_check(x)) {
            r = float_round(float_value(x), ndigits);
        } else if (ndigits == NULL) {
            r = exact_int(x);
        } else {
            r = round_int(x, ndigits);
        }
        XDECREF(ndigits);
        return r;
    }
    Object *name = str_intern_cstr("__round__");
    if (name == NULL) {
        return NULL;
    }
    Object *method = type_lookup(obj_type(x), name);
    DECREF(name);
    if (method == NULL) {
        return err_format(&ExcTypeError, "type %s doesn't define __round__ method",
                          obj_type_name(x));
    }
    return obj_call_method(x, "__round__", &nd, nd == NULL ? 0 : 1);
}

static bool is_number(Object *v) { return int_check(v) || float_check(v); }

/* divmod(a, b) = (a // b, a % b), or a.__divmod__(b) / b.__rdivmod__(a). */
static Object *builtin_divmod(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_no_keywords("divmod", kwnames) < 0 || args_count("divmod", nargs, 2, 2) < 0) {
        return NULL;
    }
    Object *a = args[0], *b = args[1];
    if (is_number(a) && is_number(b)) {
        if ((float_check(a) || float_check(b))) {
            double db = float_check(b) ? float_value(b) : int_to_double(b);
            if (db == 0.0 && !err_occurred()) {
                err_set_string(&ExcZeroDivisionError, "float divmod()");
                return NULL;
            }
            if (err_occurred()) {
                return NULL;
            }
        }
        Object *q = obj_binary_op(a, b, BINOP_FLOORDIV);
        if (q == NULL) {
            return NULL;
        }
        Object *r = obj_binary_op(a, b, BINOP_MOD);
        if (r == NULL) {
            DECREF(q);
            return NULL;
        }
        Object *pair = tuple_pack(2, q, r);
        DECREF(q);
        DECREF(r);
        return pair;
    }
    const char *names[2] = {"__divmod__", "__rdivmod__"};
    Object *operands[2][2] = {{a, b}, {b, a}};
    for (int i = 0; i < 2; i++) {
        if (i == 1 && obj_type(a) == obj_type(b)) {
            break;
        }
        Object *name = str_intern_cstr(names[i]);
        if (name == NULL) {
            return NULL;
        }
        Object *method = type_lookup(obj_type(operands[i][0]), name);
        DECREF(name);
        if (method == NULL) {
            continue;
        }
        Object *r = obj_call_method(operands[i][0], names[i], &operands[i][1], 1);
        if (r != NotImplemented) {
            return r;
        }
        DECREF(r);
    }
    return err_format(&ExcTypeError, "unsupported operand type(s) for divmod(): '%T' and '%T'", a,
                      b);
}

/* pow(base, exp, mod=None) */
static Object *builtin_pow(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    static const char *const kwlist[] = {"base", "exp", "mod", NULL};
    Object *out[3];
    if (args_parse("pow", args, nargs, kwnames, kwlist, 2, out) < 0) {
        return NULL;
    }
    if (out[2] == NULL || out[2] == None) {
        return obj_binary_op(out[0], out[1], BINOP_POW);
    }
    return obj_pow3(out[0], out[1], out[2]);
}

/* ================================================================ sorted */

/* sorted(iterable, /, *, key=None, reverse=False) */
static Object *builtin_sorted(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (nargs != 1) {
        return err_format(&ExcTypeError, "sorted expected 1 argument, got %zu", nargs);
    }
    Object *key = NULL;
    bool reverse = false;
    size_t nkw = kw_count(kwnames);
    for (size_t i = 0; i < nkw; i++) {
        Object *name = tuple_get(kwnames, i);
        Object *value = args[nargs + i];
        if (str_equal_cstr(name, "key")) {
            key = value == None ? NULL : value;
        } else if (str_equal_cstr(name, "reverse")) {
            int truth = obj_is_true(value);
            if (truth < 0) {
                return NULL;
            }
            reverse = truth != 0;
        } else {
            return err_format(&ExcTypeError, "'%U' is an invalid keyword argument for sort()",
                              name);
        }
    }
    Object *list = list_new(0);
    if (list == NULL) {
        return NULL;
    }
    if (list_extend(list, args[0]) < 0 || list_sort(list, key, reverse) < 0) {
        DECREF(list);
        return NULL;
    }
    return list;
}

/* ================================================================ isinstance / issubclass */

/* 1 if type `t` matches `cls` (a type or a nested tuple of types), 0 if not,
 * -1 with TypeError `msg` when cls is neither. */
static int class_matches(TypeObject *t, Object *cls, const char *msg, Object *instance) {
    if (is_type_object(cls) && obj_type(cls) != &TypeType &&
        !(instance != NULL && obj_type(instance) == (TypeObject *)cls)) {
        /* A metaclass may decide: __instancecheck__ / __subclasscheck__. */
        bool found;
        Object *arg = instance != NULL ? instance : (Object *)t;
        Object *r = slot_call_special(cls, instance != NULL ? "__instancecheck__"
                                                           : "__subclasscheck__",
                                      &arg, 1, &found);
        if (found || r != NULL) {
            if (r == NULL) {
                return -1;
            }
            int truth = obj_is_true(r);
            DECREF(r);
            return truth;
        }
        if (err_occurred()) {
            return -1;
        }
    }
    if (is_type_object(cls)) {
        if (instance != NULL) {
            return obj_is_instance_of(instance, (TypeObject *)cls);
        }
        return type_is_subtype(t, (TypeObject *)cls);
    }
    if (tuple_check(cls)) {
        if (ts_enter_recursive(" in __instancecheck__") < 0) {
            return -1;
        }
        size_t n = tuple_size(cls);
        int r = 0;
        for (size_t i = 0; i < n && r == 0; i++) {
            r = class_matches(t, tuple_get(cls, i), msg, instance);
        }
        ts_leave_recursive();
        return r;
    }
    err_set_string(&ExcTypeError, msg);
    return -1;
}

static Object *builtin_isinstance(Object *self, Object *const *args, size_t nargs,
                                  Object *kwnames) {
    if (args_no_keywords("isinstance", kwnames) < 0 || args_count("isinstance", nargs, 2, 2) < 0) {
        return NULL;
    }
    int r = class_matches(obj_type(args[0]), args[1],
                          "isinstance() arg 2 must be a type, a tuple of types, or a union",
                          args[0]);
    return r < 0 ? NULL : bool_from(r);
}

static Object *builtin_issubclass(Object *self, Object *const *args, size_t nargs,
                                  Object *kwnames) {
    if (args_no_keywords("issubclass", kwnames) < 0 || args_count("issubclass", nargs, 2, 2) < 0) {
        return NULL;
    }
    if (!is_type_object(args[0])) {
        err_set_string(&ExcTypeError, "issubclass() arg 1 must be a class");
        return NULL;
    }
    int r = class_matches((TypeObject *)args[0], args[1],
                          "issubclass() arg 2 must be a class, a tuple of classes, or a union",
                          NULL);
    return r < 0 ? NULL : bool_from(r);
}

/* ================================================================ attributes */

static int check_attr_name(Object *name) {
    if (!str_check(name)) {
        err_format(&ExcTypeError, "attribute name must be string, not '%T'", name);
        return -1;
    }
    return 0;
}

static Object *builtin_getattr(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_no_keywords("getattr", kwnames) < 0 || args_count("getattr", nargs, 2, 3) < 0 ||
        check_attr_name(args[1]) < 0) {
        return NULL;
    }
    if (nargs == 3) {
        Object *v;
        int found = obj_lookup_attr(args[0], args[1], &v);
        if (found < 0) {
            return NULL;
        }
        return found ? v : NEWREF(args[2]);
    }
    return obj_getattr(args[0], args[1]);
}

static Object *builtin_setattr(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_no_keywords("setattr", kwnames) < 0 || args_count("setattr", nargs, 3, 3) < 0 ||
        check_attr_name(args[1]) < 0 || obj_setattr(args[0], args[1], args[2]) < 0) {
        return NULL;
    }
    return none_ref();
}

static Object *builtin_delattr(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_no_keywords("delattr", kwnames) < 0 || args_count("delattr", nargs, 2, 2) < 0 ||
        check_attr_name(args[1]) < 0 || obj_setattr(args[0], args[1], NULL) < 0) {
        return NULL;
    }
    return none_ref();
}

static Object *builtin_hasattr(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_no_keywords("hasattr", kwnames) < 0 || args_count("hasattr", nargs, 2, 2) < 0 ||
        check_attr_name(args[1]) < 0) {
        return NULL;
    }
    Object *v;
    int found = obj_lookup_attr(args[0], args[1], &v);
    if (found < 0) {
        return NULL;
    }
    XDECREF(v);
    return bool_from(found);
}

/* ================================================================ namespaces: globals, locals, vars, dir */

static Object *builtin_globals(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_no_keywords("globals", kwnames) < 0 || args_count("globals", nargs, 0, 0) < 0) {
        return NULL;
    }
    Object *g = vm_current_globals();
    if (g == NULL) {
        err_set_string(&ExcSystemError, "globals(): no current frame");
        return NULL;
    }
    return NEWREF(g);
}

static Object *builtin_locals(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_no_keywords("locals", kwnames) < 0 || args_count("locals", nargs, 0, 0) < 0) {
        return NULL;
    }
    Object *l = vm_current_locals();
    if (l == NULL && !err_occurred()) {
        err_set_string(&ExcSystemError, "locals(): no current frame");
    }
    return l;
}

/* ================================================================ exec, eval, compile */

/* The text of a source argument: a str (its UTF-8) or bytes. Returns false
 * (no error set) for anything else. */
static bool builtin_source_text(Object *src, const char **text, size_t *len) {
    if (str_check(src)) {
        *text = str_utf8(src);
        *len = strlen(*text);
        return true;
    }
    if (bytes_check(src)) {
        *text = bytes_data(src);
        *len = bytes_size(src);
        return true;
    }
    return false;
}

/* Compile `src` (str or bytes) in `mode`, named `filename` (a str). eval
 * skips leading blanks, as CPython does. New reference or NULL. */
static Object *builtin_compile_text(Object *src, Object *filename, CompileMode mode) {
    const char *text;
    size_t len;
    if (!builtin_source_text(src, &text, &len)) {
        return err_format(&ExcSystemError, "bad source");
    }
    if (memchr(text, '\0', len) != NULL) {
        return err_format(&ExcValueError, "source code string cannot contain null bytes");
    }
    if (mode == COMPILE_EVAL) {
        while (len > 0 && (*text == ' ' || *text == '\t')) {
            text++;
            len--;
        }
    }
    return (Object *)compile_source(text, len, filename, mode);
}

/* Shared by exec and eval: resolve globals/locals as CPython does (both
 * omitted: the caller's; globals only: locals = globals), add __builtins__
 * to globals, compile a string in `mode`, and run it. New reference. */
static Object *builtin_exec_or_eval(const char *fname, Object *const *args, size_t nargs,
                                    Object *kwnames, CompileMode mode) {
    if (args_no_keywords(fname, kwnames) < 0 || args_count(fname, nargs, 1, 3) < 0) {
        return NULL;
    }
    Object *src = args[0];
    Object *globals = nargs > 1 && args[1] != None ? args[1] : NULL;
    Object *locals = nargs > 2 && args[2] != None ? args[2] : NULL;
    /* The checks and their order are CPython's (eval: locals first). */
    bool bad_locals = locals != NULL && obj_type(locals)->getitem == NULL;
    if (mode == COMPILE_EVAL && bad_locals) {
        return err_format(&ExcTypeError, "locals must be a mapping");
    }
    if (globals != NULL && !dict_check(globals)) {
        if (mode == COMPILE_EVAL) {
            return err_format(&ExcTypeError, obj_type(globals)->getitem != NULL ?
                              "globals must be a real dict; try eval(expr, {}, mapping)" :
                              "globals must be a dict");
        }
        return err_format(&ExcTypeError, "exec() globals must be a dict, not %s",
                          obj_type_name(globals));
    }
    if (bad_locals) {
        return err_format(&ExcTypeError, "locals must be a mapping or None, not %s",
                          obj_type_name(locals));
    }
    Object *own_locals = NULL;
    if (globals == NULL) {
        globals = vm_current_globals();
        if (globals == NULL) {
            return err_format(&ExcSystemError, "%s(): no current frame", fname);
        }
        if (locals == NULL) {
            own_locals = vm_current_locals();
            if (own_locals == NULL) {
                return NULL;
            }
            locals = own_locals;
        }
    } else if (locals == NULL) {
        locals = globals;
    }
    if (dict_get_cstr(globals, "__builtins__") == NULL) {
        Object *b = vm_current_builtins();
        if (b != NULL && dict_set_cstr(globals, "__builtins__", b) < 0) {
            XDECREF(own_locals);
            return NULL;
        }
    }
    Object *code;
    if (code_check(src)) {
        code = NEWREF(src);
    } else if (str_check(src) || bytes_check(src)) {
        Object *filename = str_from_cstr("<string>");
        code = filename != NULL ? builtin_compile_text(src, filename, mode) : NULL;
        XDECREF(filename);
    } else {
        XDECREF(own_locals);
        return err_format(&ExcTypeError, "%s() arg 1 must be a string, bytes or code object",
                          fname);
    }
    if (code == NULL) {
        XDECREF(own_locals);
        return NULL;
    }
    Object *r = vm_eval_code((CodeObject *)code, globals, locals);
    DECREF(code);
    XDECREF(own_locals);
    if (r != NULL && mode != COMPILE_EVAL) {
        DECREF(r); /* exec returns None whatever the code returns */
        r = none_ref();
    }
    return r;
}

/* eval(source, globals=None, locals=None, /): the value of an expression. */
static Object *builtin_eval(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return builtin_exec_or_eval("eval", args, nargs, kwnames, COMPILE_EVAL);
}

/* exec(source, globals=None, locals=None, /): run statements; returns None. */
static Object *builtin_exec(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return builtin_exec_or_eval("exec", args, nargs, kwnames, COMPILE_FILE);
}

/* compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1):
 * a code object for exec/eval. flags, dont_inherit and optimize are
 * accepted and ignored (no AST objects, no __future__ flags). */
static Object *builtin_compile(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    static const char *const kwlist[] = {"source", "filename", "mode", "flags", "dont_inherit",
                                         "optimize", "$_feature_version", NULL};
    Object *out[7];
    if (args_parse("compile", args, nargs, kwnames, kwlist, 3, out) < 0) {
        return NULL;
    }
    Object *src = out[0], *filename = out[1], *mode = out[2];
    if (!str_check(mode)) {
        return err_format(&ExcTypeError, "compile() argument 'mode' must be str, not %s",
                          obj_type_name(mode));
    }
    CompileMode m;
    if (str_equal_cstr(mode, "exec")) {
        m = COMPILE_FILE;
    } else if (str_equal_cstr(mode, "eval")) {
        m = COMPILE_EVAL;
    } else if (str_equal_cstr(mode, "single")) {
        m = COMPILE_SINGLE;
    } else {
        return err_format(&ExcValueError, "compile() mode must be 'exec', 'eval' or 'single'");
    }
    if (!str_check(filename)) {
        return err_format(&ExcTypeError, "compile() argument 'filename' must be str, not %s",
                          obj_type_name(filename));
    }
    if (!str_check(src) && !bytes_check(src)) {
        return err_format(&ExcTypeError, "compile() arg 1 must be a string, bytes or AST object");
    }
    return builtin_compile_text(src, filename, m);
}

/* obj.__dict__, or NULL with no error when it has none. */
static Object *instance_dict(Object *v) {
    if (module_check(v)) {
        return NEWREF(module_dict(v));
    }
    if (is_type_object(v)) {
        return NEWREF(((TypeObject *)v)->dict);
    }
    Object *name = str_intern_cstr("__dict__");
    if (name == NULL) {
        return NULL;
    }
    Object *d = NULL;
    int rc = obj_lookup_attr(v, name, &d);
    DECREF(name);
    return rc < 0 ? NULL : d;
}

static Object *builtin_vars(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_no_keywords("vars", kwnames) < 0 || args_count("vars", nargs, 0, 1) < 0) {
        return NULL;
    }
    if (nargs == 0) {
        return builtin_locals(self, args, 0, NULL);
    }
    Object *d = instance_dict(args[0]);
    if (d == NULL && !err_occurred()) {
        err_set_string(&ExcTypeError, "vars() argument must have __dict__ attribute");
    }
    return d;
}

/* Add the keys of dict `d` to the set-like dict `names`. */
static int add_keys(Object *names, Object *d) {
    if (d == NULL || !dict_check(d)) {
        return 0;
    }
    size_t pos = 0;
    Object *k, *v;
    while (dict_next(d, &pos, &k, &v)) {
        if (dict_set(names, k, None) < 0) {
            return -1;
        }
    }
    return 0;
}

/* The default dir(obj): instance attributes plus those of its class and bases
 * (for a class: its own and its bases'; for a module: its namespace). */
static Object *default_dir(Object *v) {
    Object *names = dict_new();
    if (names == NULL) {
        return NULL;
    }
    int rc = 0;
    TypeObject *t = NULL;
    if (module_check(v)) {
        rc = add_keys(names, module_dict(v));
    } else {
        t = is_type_object(v) ? (TypeObject *)v : obj_type(v);
        if (!is_type_object(v)) {
            Object *d = instance_dict(v);
            if (d == NULL && err_occurred()) {
                err_clear();
            }
            rc = add_keys(names, d);
            XDECREF(d);
        }
        size_t n = t->mro != NULL ? tuple_size(t->mro) : 0;
        for (size_t i = 0; i < n && rc == 0; i++) {
            rc = add_keys(names, ((TypeObject *)tuple_get(t->mro, i))->dict);
        }
    }
    Object *list = rc == 0 ? dict_keys_list(names) : NULL;
    DECREF(names);
    return list;
}

static Object *builtin_dir(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_no_keywords("dir", kwnames) < 0 || args_count("dir", nargs, 0, 1) < 0) {
        return NULL;
    }
    Object *list;
    if (nargs == 0) {
        Object *locals = vm_current_locals();
        if (locals == NULL) {
            return NULL;
        }
        list = dict_check(locals) ? dict_keys_list(locals) : list_from_iterable(locals);
        DECREF(locals);
    } else {
        Object *name = str_intern_cstr("__dir__");
        if (name == NULL) {
            return NULL;
        }
        Object *method = is_type_object(args[0]) || module_check(args[0])
                             ? NULL
                             : type_lookup(obj_type(args[0]), name);
        DECREF(name);
        if (method != NULL) {
            Object *r = obj_call_method(args[0], "__dir__", NULL, 0);
            if (r == NULL) {
                return NULL;
            }
            list = list_from_iterable(r);
            DECREF(r);
        } else {
            list = default_dir(args[0]);
        }
    }
    if (list == NULL) {
        return NULL;
    }
    if (list_sort(list, NULL, false) < 0) {
        DECREF(list);
        return NULL;
    }
    return list;
}

/* ================================================================ exit, open, import, classes */

/* exit(code=None) / quit(code=None): raise SystemExit(code). */
static Object *builtin_exit(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    static const char *const kwlist[] = {"code", NULL};
    Object *out[1];
    if (args_parse("__call__", args, nargs, kwnames, kwlist, 0, out) < 0) {
        return NULL;
    }
    Object *exc_args = tuple_pack(1, out[0] == NULL ? None : out[0]);
    if (exc_args == NULL) {
        return NULL;
    }
    Object *exc = exception_new(&ExcSystemExit, exc_args);
    DECREF(exc_args);
    if (exc != NULL) {
        err_set_exception(exc);
        DECREF(exc);
    }
    return NULL;
}

/* open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None):
 * a text (UTF-8) or binary ('b') file over a real descriptor; modes r/w/a/x
 * with '+' for update. buffering, newline, closefd and opener are ignored. */
static Object *builtin_open(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    static const char *const kwlist[] = {"file",    "mode",    "buffering", "encoding",
                                         "errors",  "newline", "closefd",   "opener", NULL};
    Object *out[8];
    if (args_parse("open", args, nargs, kwnames, kwlist, 1, out) < 0) {
        return NULL;
    }
    Object *file = out[0];
    if (!str_check(file)) {
        return err_format(&ExcNotImplementedError, "open() of a %T is not supported yet", file);
    }
    const char *mode = "r";
    if (out[1] != NULL) {
        if (!str_check(out[1])) {
            return err_format(&ExcTypeError, "open() argument 'mode' must be str, not %T", out[1]);
        }
        mode = str_utf8(out[1]);
    }
    if (out[3] != NULL && out[3] != None) {
        if (!str_check(out[3])) {
            return err_format(&ExcTypeError, "open() argument 'encoding' must be str or None, not %T",
                              out[3]);
        }
        const char *enc = str_utf8(out[3]);
        if (strcasecmp(enc, "utf-8") != 0 && strcasecmp(enc, "utf8") != 0 &&
            strcasecmp(enc, "ascii") != 0) {
            return err_format(&ExcNotImplementedError, "open() encoding '%s' is not supported yet",
                              enc);
        }
    }
    /* Mode letters and their checks, in CPython's order (_io.open). */
    char kind = 0;
    int kinds = 0;
    bool text = false, binary = false, plus = false;
    for (const char *m = mode; *m != '\0'; m++) {
        if (strchr("axrwb+t", *m) == NULL || strchr(m + 1, *m) != NULL) {
            return err_format(&ExcValueError, "invalid mode: '%s'", mode);
        }
        if (strchr("rwax", *m) != NULL) {
            kind = *m;
            kinds++;
        }
        text |= *m == 't';
        binary |= *m == 'b';
        plus |= *m == '+';
    }
    if (text && binary) {
        return err_format(&ExcValueError, "can't have text and binary mode at once");
    }
    if (kinds > 1) {
        return err_format(&ExcValueError,
                          "must have exactly one of create/read/write/append mode");
    }
    if (kinds == 0) { /* CPython: FileIO's message */
        return err_format(&ExcValueError, "Must have exactly one of create/read/write/append "
                                          "mode and at most one plus");
    }
    if (binary && out[3] != NULL && out[3] != None) {
        return err_format(&ExcValueError, "binary mode doesn't take an encoding argument");
    }
    if (binary && out[4] != NULL && out[4] != None) {
        return err_format(&ExcValueError, "binary mode doesn't take an errors argument");
    }
    if (binary && out[5] != NULL && out[5] != None) {
        return err_format(&ExcValueError, "binary mode doesn't take a newline argument");
    }
    int access = plus ? O_RDWR : kind == 'r' ? O_RDONLY : O_WRONLY;
    int flags = kind == 'r'   ? 0
                : kind == 'w' ? O_CREAT | O_TRUNC
                : kind == 'a' ? O_CREAT | O_APPEND
                              : O_CREAT | O_EXCL;
    int fd = open(str_utf8(file), access | flags | O_CLOEXEC, 0666);
    struct stat st;
    if (fd >= 0 && fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        close(fd);
        fd = -1;
        errno = EISDIR; /* reading a directory: CPython checks this too */
    }
    if (fd < 0) {
        return err_from_errno(file);
    }
    if (kind == 'a') {
        (void)lseek(fd, 0, SEEK_END); /* so that tell() starts at the end, as CPython */
    }
    char display[4] = {kind, '\0', '\0', '\0'};
    size_t n = 1;
    if (binary) {
        display[n++] = 'b';
    }
    if (plus) {
        display[n++] = '+';
    }
    return textio_open_file(fd, file, display);
}

/* __import__(name, globals=None, locals=None, fromlist=(), level=0) */
static Object *builtin_import(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    static const char *const kwlist[] = {"name", "globals", "locals", "fromlist", "level", NULL};
    Object *out[5];
    if (args_parse("__import__", args, nargs, kwnames, kwlist, 1, out) < 0) {
        return NULL;
    }
    if (!str_check(out[0])) {
        return err_format(&ExcTypeError, "__import__() argument 1 must be str, not %T", out[0]);
    }
    int level = 0;
    if (out[4] != NULL) {
        ssize_t l = obj_as_ssize(out[4]);
        if (l == -1 && err_occurred()) {
            return NULL;
        }
        level = (int)l;
    }
    Object *globals = out[1] != NULL && dict_check(out[1]) ? out[1] : NULL;
    Object *fromlist = out[3] != NULL && out[3] != None ? out[3] : NULL;
    return vm_import(out[0], globals, fromlist, level);
}

/* ================================================================ the module */

static const MethodDef builtin_functions[] = {
    {"print", builtin_print, 0, "Prints the values to a stream, or to sys.stdout by default."},
    {"input", builtin_input, 0, "Read a string from standard input."},
    {"len", builtin_len, 0, "Return the number of items in a container."},
    {"repr", builtin_repr, 0, "Return the canonical string representation of the object."},
    {"ascii", builtin_ascii, 0, "Return an ASCII-only representation of an object."},
    {"abs", builtin_abs, 0, "Return the absolute value of the argument."},
    {"callable", builtin_callable, 0, "Return whether the object is callable."},
    {"id", builtin_id, 0, "Return the identity of an object."},
    {"hash", builtin_hash, 0, "Return the hash value for the given object."},
    {"chr", builtin_chr, 0, "Return a Unicode string of one character with ordinal i."},
    {"ord", builtin_ord, 0, "Return the Unicode code point for a one-character string."},
    {"hex", builtin_hex, 0, "Return the hexadecimal representation of an integer."},
    {"oct", builtin_oct, 0, "Return the octal representation of an integer."},
    {"bin", builtin_bin, 0, "Return the binary representation of an integer."},
    {"format", builtin_format, 0, "Return value.__format__(format_spec)."},
    {"iter", builtin_iter, 0, "Get an iterator from an object."},
    {"next", builtin_next, 0, "Return the next item from the iterator."},
    {"any", builtin_any, 0, "Return True if bool(x) is True for any x in the iterable."},
    {"all", builtin_all, 0, "Return True if bool(x) is True for all values x in the iterable."},
    {"min", builtin_min, 0, "Return the smallest item."},
    {"max", builtin_max, 0, "Return the largest item."},
    {"sum", builtin_sum, 0, "Return the sum of a 'start' value (default: 0) plus an iterable of numbers."},
    {"round", builtin_round, 0, "Round a number to a given precision in decimal digits."},
    {"divmod", builtin_divmod, 0, "Return the tuple (x//y, x%y)."},
    {"pow", builtin_pow, 0, "Equivalent to base**exp with 2 arguments or base**exp % mod with 3."},
    {"sorted", builtin_sorted, 0, "Return a new list containing all items from the iterable in ascending order."},
    {"isinstance", builtin_isinstance, 0, "Return whether an object is an instance of a class."},
    {"issubclass", builtin_issubclass, 0, "Return whether 'cls' is derived from another class."},
    {"getattr", builtin_getattr, 0, "Get a named attribute from an object."},
    {"setattr", builtin_setattr, 0, "Sets the named attribute on the given object to the specified value."},
    {"delattr", builtin_delattr, 0, "Deletes the named attribute from the given object."},
    {"hasattr", builtin_hasattr, 0, "Return whether the object has an attribute with the given name."},
    {"eval", builtin_eval, 0, "Evaluate the given source in the context of globals and locals."},
    {"exec", builtin_exec, 0, "Execute the given source in the context of globals and locals."},
    {"compile", builtin_compile, 0, "Compile source into a code object that can be executed by exec() or eval()."},
    {"globals", builtin_globals, 0, "Return the dictionary containing the current scope's global variables."},
    {"locals", builtin_locals, 0, "Return a dictionary containing the current scope's local variables."},
    {"vars", builtin_vars, 0, "Show vars."},
    {"dir", builtin_dir, 0, "Show attributes of an object."},
    {"exit", builtin_exit, 0, "Exit the interpreter by raising SystemExit."},
    {"quit", builtin_exit, 0, "Exit the interpreter by raising SystemExit."},
    {"open", builtin_open, 0, "Open file and return a stream."},
    {"__import__", builtin_import, 0, "Import a module."},
    {NULL, NULL, 0, NULL},
};

Object *mod_builtins_init(void) {
    if (builtins_iter_ready() < 0 || type_ready(&TextIOType) < 0 ||
        type_ready(&StaticMethodType) < 0 || type_ready(&ClassMethodType) < 0 ||
        type_ready(&PropertyType) < 0 || type_ready(&SuperType) < 0) {
        return NULL;
    }
    Object *m = module_new("builtins");
    if (m == NULL) {
        return NULL;
    }
    if (module_add_functions(m, builtin_functions) < 0) {
        DECREF(m);
        return NULL;
    }
    /* __build_class__ lives with the class machinery (runtime/class.c). */
    Object *build_class = native_function_new(&class_build_class_def, m);
    int rc = build_class != NULL ? module_add_object(m, "__build_class__", build_class) : -1;
    XDECREF(build_class);
    if (rc < 0) {
        DECREF(m);
        return NULL;
    }
    Object *d = module_dict(m);
    static const struct {
        const char *name;
        Object *value;
    } objects[] = {
        {"None", None},
        {"True", True},
        {"False", False},
        {"Ellipsis", Ellipsis},
        {"NotImplemented", NotImplemented},
        {"__debug__", True},
        {"object", (Object *)&ObjectType},
        {"type", (Object *)&TypeType},
        {"int", (Object *)&IntType},
        {"bool", (Object *)&BoolType},
        {"float", (Object *)&FloatType},
        {"str", (Object *)&StrType},
        {"bytes", (Object *)&BytesType},
        {"list", (Object *)&ListType},
        {"tuple", (Object *)&TupleType},
        {"dict", (Object *)&DictType},
        {"set", (Object *)&SetType},
        {"frozenset", (Object *)&FrozenSetType},
        {"range", (Object *)&RangeType},
        {"slice", (Object *)&SliceType},
        {"enumerate", (Object *)&EnumerateType},
        {"zip", (Object *)&ZipType},
        {"map", (Object *)&MapType},
        {"filter", (Object *)&FilterType},
        {"reversed", (Object *)&ReversedType},
        {"staticmethod", (Object *)&StaticMethodType},
        {"classmethod", (Object *)&ClassMethodType},
        {"property", (Object *)&PropertyType},
        {"super", (Object *)&SuperType},
    };
    for (size_t i = 0; i < sizeof objects / sizeof objects[0]; i++) {
        if (dict_set_cstr(d, objects[i].name, objects[i].value) < 0) {
            DECREF(m);
            return NULL;
        }
    }
    if (exceptions_add_to_dict(d) < 0) {
        DECREF(m);
        return NULL;
    }
    return m;
}
