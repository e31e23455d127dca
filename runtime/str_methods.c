/* str_methods.c: the methods of str (split, join, strip, find, upper, ...),
 * with CPython 3.11's argument handling and error messages. Case mappings and
 * character classes come from unicode_data.c, generated from CPython's own
 * tables (full Unicode, not the C library's locale), so results match. */
#include <string.h>

#include "dict.h"
#include "errors.h"
#include "exceptions.h"
#include "int.h"
#include "list.h"
#include "memory.h"
#include "str_internal.h"
#include "tuple.h"
#include "unicode_data.h"

/* ================================================================ argument checks */

/* METH_NOARGS: "str.upper() takes no arguments (1 given)". */
static int check_noargs(const char *name, size_t nargs, Object *kwnames) {
    if (kwnames != NULL && tuple_size(kwnames) > 0) {
        err_format(&ExcTypeError, "str.%s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs != 0) {
        err_format(&ExcTypeError, "str.%s() takes no arguments (%zu given)", name, nargs);
        return -1;
    }
    return 0;
}

/* METH_O: "str.join() takes exactly one argument (0 given)". */
static int check_onearg(const char *name, size_t nargs, Object *kwnames) {
    if (kwnames != NULL && tuple_size(kwnames) > 0) {
        err_format(&ExcTypeError, "str.%s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs != 1) {
        err_format(&ExcTypeError, "str.%s() takes exactly one argument (%zu given)", name, nargs);
        return -1;
    }
    return 0;
}

/* Positional-only Argument Clinic functions: "center expected at least 1 argument, got 0". */
static int check_positional(const char *name, size_t nargs, Object *kwnames, size_t min,
                            size_t max) {
    if (kwnames != NULL && tuple_size(kwnames) > 0) {
        err_format(&ExcTypeError, "str.%s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs < min) {
        err_format(&ExcTypeError, "%s expected %s %zu argument%s, got %zu", name,
                   min == max ? "exactly" : "at least", min, min == 1 ? "" : "s", nargs);
        return -1;
    }
    if (nargs > max) {
        err_format(&ExcTypeError, "%s expected %s %zu argument%s, got %zu", name,
                   min == max ? "exactly" : "at most", max, max == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

/* Old-style PyArg_ParseTuple("O|OO:find"): "find() takes at least 1 argument (0 given)". */
static int check_oldstyle(const char *name, size_t nargs, Object *kwnames, size_t min, size_t max) {
    if (kwnames != NULL && tuple_size(kwnames) > 0) {
        err_format(&ExcTypeError, "str.%s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs < min) {
        err_format(&ExcTypeError, "%s() takes at least %zu argument%s (%zu given)", name, min,
                   min == 1 ? "" : "s", nargs);
        return -1;
    }
    if (nargs > max) {
        err_format(&ExcTypeError, "%s() takes at most %zu argument%s (%zu given)", name, max,
                   max == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

/* Clinic functions with keywords and no required parameter (split, encode...):
 * binds into out[0..nnames) (borrowed, NULL when absent). */
static int parse_keywords(const char *name, Object *const *args, size_t nargs, Object *kwnames,
                          const char *const *names, size_t nnames, Object **out) {
    size_t nkw = kwnames != NULL ? tuple_size(kwnames) : 0;
    for (size_t i = 0; i < nnames; i++) {
        out[i] = NULL;
    }
    if (nargs + nkw > nnames) {
        err_format(&ExcTypeError, "%s() takes at most %zu argument%s (%zu given)", name, nnames,
                   nnames == 1 ? "" : "s", nargs + nkw);
        return -1;
    }
    for (size_t i = 0; i < nargs; i++) {
        out[i] = args[i];
    }
    for (size_t k = 0; k < nkw; k++) {
        Object *key = tuple_get(kwnames, k);
        size_t j = 0;
        while (j < nnames && !str_equal_cstr(key, names[j])) {
            j++;
        }
        if (j == nnames) {
            err_format(&ExcTypeError, "'%U' is an invalid keyword argument for %s()", key, name);
            return -1;
        }
        if (out[j] != NULL) {
            err_format(&ExcTypeError, "argument for %s() given by name ('%s') and position (%zu)",
                       name, names[j], j + 1);
            return -1;
        }
        out[j] = args[nargs + k];
    }
    return 0;
}

/* A "must be str, not int" check. */
static int need_str(Object *v) {
    if (!str_check(v)) {
        err_format(&ExcTypeError, "must be str, not %.200s", obj_type_name(v));
        return -1;
    }
    return 0;
}

/* An integer argument through __index__ (width, tabsize, count...). */
static int arg_ssize(Object *v, ssize_t *out) {
    if (is_small_int(v)) {
        *out = small_int_value(v);
        return 0;
    }
    ssize_t r = obj_as_ssize(v);
    if (r == -1 && err_occurred()) {
        return -1;
    }
    *out = r;
    return 0;
}

/* A slice index for find/count/startswith: None keeps the default, huge ints
 * clamp (as CPython's _PyEval_SliceIndex). */
static int slice_index(Object *v, ssize_t *out) {
    if (v == NULL || v == None) {
        return 0;
    }
    if (is_small_int(v)) {
        *out = small_int_value(v);
        return 0;
    }
    if (!int_check(v) && obj_type(v)->index == NULL) {
        err_set_string(&ExcTypeError,
                       "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    Object *iv = obj_index(v);
    if (iv == NULL) {
        return -1;
    }
    if (int_to_ssize(iv, out) < 0) {
        err_clear();
        *out = int_sign(iv) > 0 ? SSIZE_MAX : -SSIZE_MAX - 1;
    }
    DECREF(iv);
    return 0;
}

int str_parse_range(Object *start_obj, Object *end_obj, size_t length, ssize_t *start,
                    ssize_t *end) {
    ssize_t len = (ssize_t)length;
    *start = 0;
    *end = SSIZE_MAX;
    if (slice_index(start_obj, start) < 0 || slice_index(end_obj, end) < 0) {
        return -1;
    }
    if (*end > len) {
        *end = len;
    } else if (*end < 0) {
        *end += len;
        if (*end < 0) {
            *end = 0;
        }
    }
    if (*start < 0) {
        *start += len;
        if (*start < 0) {
            *start = 0;
        }
    }
    return 0;
}

/* ================================================================ helpers */

/* Code point index of byte offset `off` in s. */
static size_t cp_index(Object *s, size_t off) {
    return str_index_of_offset(s, off);
}

/* A new str from bytes s[b0..b1) of `self` (must start/end on code points). */
static Object *str_slice_bytes(Object *self, size_t b0, size_t b1) {
    if (b0 == 0 && b1 == str_size(self) && self->type == &StrType) {
        return NEWREF(self);
    }
    const char *d = str_utf8(self);
    if (((StrObject *)self)->ascii) {
        return str_from_utf8_known(d + b0, b1 - b0, b1 - b0, true);
    }
    return str_from_utf8(d + b0, b1 - b0);
}

/* Last occurrence of needle in hay[0..n), or NULL. */
static const char *mem_rfind(const char *hay, size_t n, const char *needle, size_t m) {
    if (m > n) {
        return NULL;
    }
    if (m == 0) {
        return hay + n;
    }
    for (const char *p = hay + (n - m);; p--) {
        if (*p == needle[0] && memcmp(p, needle, m) == 0) {
            return p;
        }
        if (p == hay) {
            return NULL;
        }
    }
}

/* Append s to list (new list items are stolen). Returns -1 on error. */
static int list_push(Object *list, Object *item) {
    if (item == NULL) {
        return -1;
    }
    int r = list_append(list, item);
    DECREF(item);
    return r;
}

static void list_reverse_in_place(Object *list) {
    ListObject *l = (ListObject *)list;
    for (size_t i = 0, j = l->size; i + 1 < j; i++, j--) {
        Object *t = l->items[i];
        l->items[i] = l->items[j - 1];
        l->items[j - 1] = t;
    }
}

/* Decode a str into a freshly allocated array of code points. */
static uint32_t *str_to_codepoints(Object *s, size_t *n) {
    size_t len = str_length(s);
    uint32_t *cps = mem_alloc_array(len + 1, sizeof(uint32_t));
    if (cps == NULL) {
        return NULL;
    }
    const char *d = str_utf8(s);
    size_t pos = 0;
    for (size_t i = 0; i < len; i++) {
        cps[i] = utf8_next(d, &pos);
    }
    *n = len;
    return cps;
}

static inline unsigned props_of(uint32_t cp) {
    return unicode_props(cp);
}

/* ================================================================ split / join */

/* Whitespace split (sep=None) from the left or right. */
static Object *split_whitespace(Object *self, ssize_t maxsplit, bool right) {
    Object *list = list_new(0);
    if (list == NULL) {
        return NULL;
    }
    const char *d = str_utf8(self);
    size_t n = str_size(self);
    bool ascii = ((StrObject *)self)->ascii;
    if (!right) {
        size_t i = 0;
        while (true) {
            /* skip whitespace */
            while (i < n) {
                size_t p = i;
                uint32_t c = ascii ? (unsigned char)d[p++] : utf8_next(d, &p);
                if (!uni_is_space(c)) {
                    break;
                }
                i = p;
            }
            if (i >= n) {
                break;
            }
            if (maxsplit == 0) {
                /* the rest, with trailing whitespace stripped? No: kept as is. */
                size_t end = n;
                if (list_push(list, str_slice_bytes(self, i, end)) < 0) {
                    goto fail;
                }
                break;
            }
            size_t j = i;
            while (j < n) {
                size_t p = j;
                uint32_t c = ascii ? (unsigned char)d[p++] : utf8_next(d, &p);
                if (uni_is_space(c)) {
                    break;
                }
                j = p;
            }
            if (list_push(list, str_slice_bytes(self, i, j)) < 0) {
                goto fail;
            }
            if (maxsplit > 0) {
                maxsplit--;
            }
            i = j;
        }
        return list;
    }
    /* From the right: walk backwards over code point starts. */
    size_t j = n;
    while (true) {
        while (j > 0) {
            size_t p = j - 1;
            while (p > 0 && ((unsigned char)d[p] & 0xC0) == 0x80) {
                p--;
            }
            size_t q = p;
            if (!uni_is_space(utf8_next(d, &q))) {
                break;
            }
            j = p;
        }
        if (j == 0) {
            break;
        }
        if (maxsplit == 0) {
            if (list_push(list, str_slice_bytes(self, 0, j)) < 0) {
                goto fail;
            }
            break;
        }
        size_t i = j;
        while (i > 0) {
            size_t p = i - 1;
            while (p > 0 && ((unsigned char)d[p] & 0xC0) == 0x80) {
                p--;
            }
            size_t q = p;
            if (uni_is_space(utf8_next(d, &q))) {
                break;
            }
            i = p;
        }
        if (list_push(list, str_slice_bytes(self, i, j)) < 0) {
            goto fail;
        }
        if (maxsplit > 0) {
            maxsplit--;
        }
        j = i;
    }
    list_reverse_in_place(list);
    return list;
fail:
    DECREF(list);
    return NULL;
}

/* Split on a non-empty separator (bytes) from the left or right. Shared with
 * bytes through `make` (builds an item from a byte range). */
static Object *split_sep(Object *self, const char *sep, size_t m, ssize_t maxsplit, bool right) {
    Object *list = list_new(0);
    if (list == NULL) {
        return NULL;
    }
    const char *d = str_utf8(self);
    size_t n = str_size(self);
    if (!right) {
        size_t i = 0;
        while (maxsplit != 0) {
            const char *p = memmem(d + i, n - i, sep, m);
            if (p == NULL) {
                break;
            }
            size_t k = (size_t)(p - d);
            if (list_push(list, str_slice_bytes(self, i, k)) < 0) {
                goto fail;
            }
            i = k + m;
            if (maxsplit > 0) {
                maxsplit--;
            }
        }
        if (list_push(list, str_slice_bytes(self, i, n)) < 0) {
            goto fail;
        }
        return list;
    }
    size_t j = n;
    while (maxsplit != 0) {
        const char *p = mem_rfind(d, j, sep, m);
        if (p == NULL) {
            break;
        }
        size_t k = (size_t)(p - d);
        if (list_push(list, str_slice_bytes(self, k + m, j)) < 0) {
            goto fail;
        }
        j = k;
        if (maxsplit > 0) {
            maxsplit--;
        }
    }
    if (list_push(list, str_slice_bytes(self, 0, j)) < 0) {
        goto fail;
    }
    list_reverse_in_place(list);
    return list;
fail:
    DECREF(list);
    return NULL;
}

static Object *do_split(const char *name, Object *self, Object *const *args, size_t nargs,
                        Object *kwnames, bool right) {
    static const char *const names[] = {"sep", "maxsplit"};
    Object *a[2];
    if (parse_keywords(name, args, nargs, kwnames, names, 2, a) < 0) {
        return NULL;
    }
    ssize_t maxsplit = -1;
    if (a[1] != NULL && arg_ssize(a[1], &maxsplit) < 0) {
        return NULL;
    }
    if (maxsplit < 0) {
        maxsplit = -1;
    }
    if (a[0] == NULL || a[0] == None) {
        return split_whitespace(self, maxsplit, right);
    }
    if (!str_check(a[0])) {
        return err_format(&ExcTypeError, "must be str or None, not %.200s", obj_type_name(a[0]));
    }
    if (str_size(a[0]) == 0) {
        err_set_string(&ExcValueError, "empty separator");
        return NULL;
    }
    return split_sep(self, str_utf8(a[0]), str_size(a[0]), maxsplit, right);
}

static Object *str_split_method(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return do_split("split", self, args, nargs, kwnames, false);
}

static Object *str_rsplit_method(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return do_split("rsplit", self, args, nargs, kwnames, true);
}

Object *str_join(Object *sep, Object *iterable) {
    Object *seq;
    if (list_check(iterable) || tuple_check(iterable)) {
        seq = NEWREF(iterable);
    } else {
        Object *it = obj_iter(iterable);
        if (it == NULL) {
            if (err_matches(&ExcTypeError)) {
                err_clear();
                err_set_string(&ExcTypeError, "can only join an iterable");
            }
            return NULL;
        }
        DECREF(it);
        seq = list_from_iterable(iterable);
        if (seq == NULL) {
            return NULL;
        }
    }
    bool is_list = list_check(seq);
    size_t n = is_list ? list_size(seq) : tuple_size(seq);
    Object *const *items = is_list ? (Object *const *)((ListObject *)seq)->items
                                   : (Object *const *)((TupleObject *)seq)->items;
    if (n == 0) {
        DECREF(seq);
        return str_empty();
    }
    if (n == 1 && !is_small_int(items[0]) && items[0]->type == &StrType) {
        Object *r = NEWREF(items[0]);
        DECREF(seq);
        return r;
    }
    size_t size = 0, length = 0;
    bool ascii = ((StrObject *)sep)->ascii;
    size_t sep_size = str_size(sep);
    for (size_t i = 0; i < n; i++) {
        Object *item = items[i];
        if (!str_check(item)) {
            err_format(&ExcTypeError, "sequence item %zu: expected str instance, %.80s found", i,
                       obj_type_name(item));
            DECREF(seq);
            return NULL;
        }
        StrObject *s = (StrObject *)item;
        size += s->size;
        length += s->length;
        ascii = ascii && s->ascii;
    }
    size += sep_size * (n - 1);
    length += str_length(sep) * (n - 1);
    Object *r = str_alloc(size, length, ascii);
    if (r == NULL) {
        DECREF(seq);
        return NULL;
    }
    char *p = ((StrObject *)r)->data;
    const char *sd = str_utf8(sep);
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && sep_size > 0) {
            memcpy(p, sd, sep_size);
            p += sep_size;
        }
        StrObject *s = (StrObject *)items[i];
        memcpy(p, s->data, s->size);
        p += s->size;
    }
    DECREF(seq);
    return r;
}

static Object *str_join_method(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (check_onearg("join", nargs, kwnames) < 0) {
        return NULL;
    }
    return str_join(self, args[0]);
}

/* ================================================================ strip */

static bool strip_in_set(const uint32_t *set, size_t n, uint32_t c) {
    for (size_t i = 0; i < n; i++) {
        if (set[i] == c) {
            return true;
        }
    }
    return false;
}

/* 0: both ends, 1: left, 2: right. */
static Object *do_strip(const char *name, Object *self, Object *const *args, size_t nargs,
                        Object *kwnames, int which) {
    if (check_positional(name, nargs, kwnames, 0, 1) < 0) {
        return NULL;
    }
    Object *chars = nargs > 0 ? args[0] : None;
    if (chars != None && !str_check(chars)) {
        return err_format(&ExcTypeError, "%s arg must be None or str", name);
    }
    const char *d = str_utf8(self);
    size_t n = str_size(self);
    size_t i = 0, j = n;
    uint32_t *set = NULL;
    size_t nset = 0;
    bool table[128] = {false};
    bool ascii_set = true;
    if (chars != None) {
        ascii_set = ((StrObject *)chars)->ascii;
        if (ascii_set) {
            for (size_t k = 0; k < str_size(chars); k++) {
                table[(unsigned char)str_utf8(chars)[k]] = true;
            }
        } else {
            set = str_to_codepoints(chars, &nset);
            if (set == NULL) {
                return NULL;
            }
        }
    }
#define STRIP_MATCH(c)                         \
    (chars == None ? uni_is_space(c)           \
     : ascii_set   ? ((c) < 128 && table[(c)]) \
                   : strip_in_set(set, nset, (c)))
    if (which != 2) {
        while (i < n) {
            size_t p = i;
            uint32_t c = utf8_next(d, &p);
            if (!STRIP_MATCH(c)) {
                break;
            }
            i = p;
        }
    }
    if (which != 1) {
        while (j > i) {
            size_t p = j - 1;
            while (p > i && ((unsigned char)d[p] & 0xC0) == 0x80) {
                p--;
            }
            size_t q = p;
            uint32_t c = utf8_next(d, &q);
            if (!STRIP_MATCH(c)) {
                break;
            }
            j = p;
        }
    }
#undef STRIP_MATCH
    mem_free(set);
    return str_slice_bytes(self, i, j);
}

static Object *str_strip_method(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return do_strip("strip", self, args, nargs, kwnames, 0);
}

static Object *str_lstrip_method(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return do_strip("lstrip", self, args, nargs, kwnames, 1);
}

static Object *str_rstrip_method(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return do_strip("rstrip", self, args, nargs, kwnames, 2);
}

/* ================================================================ replace */

static Object *str_replace_method(Object *self, Object *const *args, size_t nargs,
                                  Object *kwnames) {
    if (check_positional("replace", nargs, kwnames, 2, 3) < 0) {
        return NULL;
    }
    for (int k = 0; k < 2; k++) {
        if (!str_check(args[k])) {
            return err_format(&ExcTypeError, "replace() argument %d must be str, not %.200s", k + 1,
                              obj_type_name(args[k]));
        }
    }
    ssize_t count = -1;
    if (nargs > 2 && arg_ssize(args[2], &count) < 0) {
        return NULL;
    }
    Object *old = args[0], *new = args[1];
    const char *d = str_utf8(self);
    size_t n = str_size(self);
    size_t m = str_size(old);
    StrBuilder sb;
    sb_init(&sb);
    if (m == 0) {
        /* Insert `new` before every character (and at the end). */
        size_t len = str_length(self);
        if (count < 0 || (size_t)count > len + 1) {
            count = (ssize_t)len + 1;
        }
        if (count == 0) {
            return str_exact(self);
        }
        size_t pos = 0;
        for (ssize_t k = 0; k < count; k++) {
            sb_append_str(&sb, new);
            if (pos < n) {
                size_t p = pos;
                utf8_next(d, &p);
                sb_append(&sb, d + pos, p - pos);
                pos = p;
            }
        }
        sb_append(&sb, d + pos, n - pos);
        return sb_finish(&sb);
    }
    const char *first = count == 0 ? NULL : memmem(d, n, str_utf8(old), m);
    if (first == NULL) {
        return str_exact(self);
    }
    size_t i = 0;
    const char *p = first;
    while (p != NULL && count != 0) {
        size_t k = (size_t)(p - d);
        sb_append(&sb, d + i, k - i);
        sb_append_str(&sb, new);
        i = k + m;
        if (count > 0) {
            count--;
        }
        p = count != 0 ? memmem(d + i, n - i, str_utf8(old), m) : NULL;
    }
    sb_append(&sb, d + i, n - i);
    return sb_finish(&sb);
}

/* ================================================================ find family */

/* Parse (sub[, start[, end]]) and search. Returns the code point index or -1
 * (not found) or -2 (error). */
static ssize_t do_find(const char *name, Object *self, Object *const *args, size_t nargs,
                       Object *kwnames, bool right) {
    if (check_oldstyle(name, nargs, kwnames, 1, 3) < 0 || need_str(args[0]) < 0) {
        return -2;
    }
    ssize_t start, end;
    if (str_parse_range(nargs > 1 ? args[1] : NULL, nargs > 2 ? args[2] : NULL, str_length(self),
                        &start, &end) < 0) {
        return -2;
    }
    Object *sub = args[0];
    if (end - start < (ssize_t)str_length(sub)) {
        return -1;
    }
    size_t b0 = str_offset_of(self, (size_t)start);
    size_t b1 = str_offset_of(self, (size_t)end);
    const char *d = str_utf8(self);
    const char *p;
    if (right) {
        p = mem_rfind(d + b0, b1 - b0, str_utf8(sub), str_size(sub));
    } else {
        p = str_size(sub) == 0 ? d + b0 : memmem(d + b0, b1 - b0, str_utf8(sub), str_size(sub));
    }
    if (p == NULL) {
        return -1;
    }
    return (ssize_t)start + (ssize_t)(((StrObject *)self)->ascii
                                          ? (size_t)(p - (d + b0))
                                          : cp_index(self, (size_t)(p - d)) - (size_t)start);
}

static Object *find_result(ssize_t r, bool raise) {
    if (r == -2) {
        return NULL;
    }
    if (r == -1 && raise) {
        err_set_string(&ExcValueError, "substring not found");
        return NULL;
    }
    return int_from_i64(r);
}

static Object *str_find_method(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return find_result(do_find("find", self, args, nargs, kwnames, false), false);
}

static Object *str_rfind_method(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return find_result(do_find("rfind", self, args, nargs, kwnames, true), false);
}

static Object *str_index_method(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return find_result(do_find("index", self, args, nargs, kwnames, false), true);
}

static Object *str_rindex_method(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return find_result(do_find("rindex", self, args, nargs, kwnames, true), true);
}

static Object *str_count_method(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (check_oldstyle("count", nargs, kwnames, 1, 3) < 0 || need_str(args[0]) < 0) {
        return NULL;
    }
    ssize_t start, end;
    if (str_parse_range(nargs > 1 ? args[1] : NULL, nargs > 2 ? args[2] : NULL, str_length(self),
                        &start, &end) < 0) {
        return NULL;
    }
    Object *sub = args[0];
    if (end - start < (ssize_t)str_length(sub)) {
        return small_int_make(0);
    }
    if (str_size(sub) == 0) {
        return int_from_i64(end - start + 1);
    }
    size_t b0 = str_offset_of(self, (size_t)start);
    size_t b1 = str_offset_of(self, (size_t)end);
    const char *d = str_utf8(self);
    size_t m = str_size(sub);
    int64_t count = 0;
    const char *p = d + b0, *stop = d + b1;
    while ((p = memmem(p, (size_t)(stop - p), str_utf8(sub), m)) != NULL) {
        count++;
        p += m;
    }
    return int_from_i64(count);
}

/* startswith / endswith: one candidate. 1 match, 0 not. */
static int tail_match(Object *self, Object *sub, ssize_t start, ssize_t end, bool at_end) {
    ssize_t sublen = (ssize_t)str_length(sub);
    if (end - sublen < start) {
        return 0;
    }
    if (sublen == 0) {
        return 1;
    }
    size_t b0 = str_offset_of(self, (size_t)(at_end ? end - sublen : start));
    size_t m = str_size(sub);
    if (b0 + m > str_size(self)) {
        return 0;
    }
    return memcmp(str_utf8(self) + b0, str_utf8(sub), m) == 0 &&
           (at_end ? b0 + m == str_offset_of(self, (size_t)end) : true);
}

static Object *do_startswith(const char *name, Object *self, Object *const *args, size_t nargs,
                             Object *kwnames, bool at_end) {
    if (check_oldstyle(name, nargs, kwnames, 1, 3) < 0) {
        return NULL;
    }
    ssize_t start, end;
    if (str_parse_range(nargs > 1 ? args[1] : NULL, nargs > 2 ? args[2] : NULL, str_length(self),
                        &start, &end) < 0) {
        return NULL;
    }
    Object *arg = args[0];
    if (tuple_check(arg)) {
        for (size_t i = 0; i < tuple_size(arg); i++) {
            Object *sub = tuple_get(arg, i);
            if (!str_check(sub)) {
                return err_format(&ExcTypeError, "tuple for %s must only contain str, not %.200s",
                                  name, obj_type_name(sub));
            }
            if (tail_match(self, sub, start, end, at_end)) {
                return bool_from(true);
            }
        }
        return bool_from(false);
    }
    if (!str_check(arg)) {
        return err_format(&ExcTypeError, "%s first arg must be str or a tuple of str, not %.200s",
                          name, obj_type_name(arg));
    }
    return bool_from(tail_match(self, arg, start, end, at_end));
}

static Object *str_startswith_method(Object *self, Object *const *args, size_t nargs,
                                     Object *kwnames) {
    return do_startswith("startswith", self, args, nargs, kwnames, false);
}

static Object *str_endswith_method(Object *self, Object *const *args, size_t nargs,
                                   Object *kwnames) {
    return do_startswith("endswith", self, args, nargs, kwnames, true);
}

/* ================================================================ case mapping */

/* Lowercase of cps[i] with the Greek final-sigma rule (CPython's lower_ucs4). */
static int lower_at(const uint32_t *cps, size_t n, size_t i, uint32_t out[3]) {
    uint32_t c = cps[i];
    if (c == 0x3A3) {
        ssize_t j = (ssize_t)i - 1;
        while (j >= 0 && (props_of(cps[j]) & UNI_CASE_IGNORABLE)) {
            j--;
        }
        bool final = j >= 0 && (props_of(cps[j]) & UNI_CASED);
        if (final && i + 1 < n) {
            size_t k = i + 1;
            while (k < n && (props_of(cps[k]) & UNI_CASE_IGNORABLE)) {
                k++;
            }
            final = k == n || !(props_of(cps[k]) & UNI_CASED);
        }
        out[0] = final ? 0x3C2 : 0x3C3;
        return 1;
    }
    return unicode_to_lower(c, out);
}

enum { CASE_LOWER, CASE_UPPER, CASE_TITLE, CASE_CAPITALIZE, CASE_SWAPCASE, CASE_FOLD };

/* ASCII fast path of every case operation: byte in, byte out. */
static Object *case_ascii(Object *self, int mode) {
    size_t n = str_size(self);
    const char *d = str_utf8(self);
    Object *r = str_alloc(n, n, true);
    if (r == NULL) {
        return NULL;
    }
    char *o = ((StrObject *)r)->data;
    bool prev_cased = false;
    for (size_t i = 0; i < n; i++) {
        char c = d[i];
        bool lower = c >= 'a' && c <= 'z', upper = c >= 'A' && c <= 'Z';
        bool to_upper;
        switch (mode) {
            case CASE_UPPER:
                to_upper = true;
                break;
            case CASE_TITLE:
                to_upper = !prev_cased;
                break;
            case CASE_CAPITALIZE:
                to_upper = i == 0;
                break;
            case CASE_SWAPCASE:
                to_upper = lower;
                break;
            default:
                to_upper = false;
                break;
        }
        if (to_upper && lower) {
            c = (char)(c - 32);
        } else if (!to_upper && upper) {
            c = (char)(c + 32);
        }
        o[i] = c;
        prev_cased = lower || upper;
    }
    return r;
}

static Object *case_convert(Object *self, int mode) {
    if (((StrObject *)self)->ascii) {
        return case_ascii(self, mode);
    }
    size_t n;
    uint32_t *cps = str_to_codepoints(self, &n);
    if (cps == NULL) {
        return NULL;
    }
    StrBuilder sb;
    sb_init(&sb);
    bool prev_cased = false;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = cps[i], out[3];
        int k;
        unsigned p = props_of(c);
        switch (mode) {
            case CASE_LOWER:
                k = lower_at(cps, n, i, out);
                break;
            case CASE_UPPER:
                k = unicode_to_upper(c, out);
                break;
            case CASE_FOLD:
                k = unicode_to_fold(c, out);
                break;
            case CASE_TITLE:
                k = prev_cased ? lower_at(cps, n, i, out) : unicode_to_title(c, out);
                prev_cased = (p & UNI_CASED) != 0;
                break;
            case CASE_CAPITALIZE:
                k = i == 0 ? unicode_to_title(c, out) : lower_at(cps, n, i, out);
                break;
            default: /* CASE_SWAPCASE */
                if (p & UNI_UPPER) {
                    k = lower_at(cps, n, i, out);
                } else if (p & UNI_LOWER) {
                    k = unicode_to_upper(c, out);
                } else {
                    out[0] = c;
                    k = 1;
                }
                break;
        }
        for (int j = 0; j < k; j++) {
            sb_append_codepoint(&sb, out[j]);
        }
    }
    mem_free(cps);
    return sb_finish(&sb);
}

#define CASE_METHOD(fn, pyname, mode)                                                     \
    static Object *fn(Object *self, Object *const *args, size_t nargs, Object *kwnames) { \
        if (check_noargs(pyname, nargs, kwnames) < 0) {                                   \
            return NULL;                                                                  \
        }                                                                                 \
        return case_convert(self, mode);                                                  \
    }
CASE_METHOD(str_lower_method, "lower", CASE_LOWER)
CASE_METHOD(str_upper_method, "upper", CASE_UPPER)
CASE_METHOD(str_title_method, "title", CASE_TITLE)
CASE_METHOD(str_capitalize_method, "capitalize", CASE_CAPITALIZE)
CASE_METHOD(str_swapcase_method, "swapcase", CASE_SWAPCASE)
CASE_METHOD(str_casefold_method, "casefold", CASE_FOLD)
#undef CASE_METHOD

/* ================================================================ predicates */

/* True when every code point has one of `mask`'s properties (and s is non-empty). */
static bool all_have(Object *self, unsigned mask) {
    const char *d = str_utf8(self);
    size_t n = str_size(self);
    if (n == 0) {
        return false;
    }
    size_t pos = 0;
    while (pos < n) {
        if (!(props_of(utf8_next(d, &pos)) & mask)) {
            return false;
        }
    }
    return true;
}

#define PREDICATE_METHOD(fn, pyname, mask)                                                \
    static Object *fn(Object *self, Object *const *args, size_t nargs, Object *kwnames) { \
        if (check_noargs(pyname, nargs, kwnames) < 0) {                                   \
            return NULL;                                                                  \
        }                                                                                 \
        return bool_from(all_have(self, mask));                                           \
    }
PREDICATE_METHOD(str_isalpha_method, "isalpha", UNI_ALPHA)
PREDICATE_METHOD(str_isdecimal_method, "isdecimal", UNI_DECIMAL)
PREDICATE_METHOD(str_isdigit_method, "isdigit", UNI_DIGIT)
PREDICATE_METHOD(str_isnumeric_method, "isnumeric", UNI_NUMERIC)
PREDICATE_METHOD(str_isspace_method, "isspace", UNI_SPACE)
PREDICATE_METHOD(str_isalnum_method, "isalnum", UNI_ALPHA | UNI_DECIMAL | UNI_DIGIT | UNI_NUMERIC)
#undef PREDICATE_METHOD

static Object *str_isprintable_method(Object *self, Object *const *args, size_t nargs,
                                      Object *kwnames) {
    if (check_noargs("isprintable", nargs, kwnames) < 0) {
        return NULL;
    }
    return bool_from(str_size(self) == 0 || all_have(self, UNI_PRINTABLE));
}

static Object *str_isascii_method(Object *self, Object *const *args, size_t nargs,
                                  Object *kwnames) {
    if (check_noargs("isascii", nargs, kwnames) < 0) {
        return NULL;
    }
    return bool_from(((StrObject *)self)->ascii);
}

/* isupper/islower: all cased characters have the case, and there is one. */
static bool cased_check(Object *self, unsigned want, unsigned reject) {
    const char *d = str_utf8(self);
    size_t n = str_size(self), pos = 0;
    bool cased = false;
    while (pos < n) {
        unsigned p = props_of(utf8_next(d, &pos));
        if (p & reject) {
            return false;
        }
        if (p & want) {
            cased = true;
        }
    }
    return cased;
}

static Object *str_isupper_method(Object *self, Object *const *args, size_t nargs,
                                  Object *kwnames) {
    if (check_noargs("isupper", nargs, kwnames) < 0) {
        return NULL;
    }
    return bool_from(cased_check(self, UNI_UPPER, UNI_LOWER | UNI_TITLE));
}

static Object *str_islower_method(Object *self, Object *const *args, size_t nargs,
                                  Object *kwnames) {
    if (check_noargs("islower", nargs, kwnames) < 0) {
        return NULL;
    }
    return bool_from(cased_check(self, UNI_LOWER, UNI_UPPER | UNI_TITLE));
}

static Object *str_istitle_method(Object *self, Object *const *args, size_t nargs,
                                  Object *kwnames) {
    if (check_noargs("istitle", nargs, kwnames) < 0) {
        return NULL;
    }
    const char *d = str_utf8(self);
    size_t n = str_size(self), pos = 0;
    bool cased = false, prev_cased = false;
    while (pos < n) {
        unsigned p = props_of(utf8_next(d, &pos));
        if (p & (UNI_UPPER | UNI_TITLE)) {
            if (prev_cased) {
                return bool_from(false);
            }
            prev_cased = cased = true;
        } else if (p & UNI_LOWER) {
            if (!prev_cased) {
                return bool_from(false);
            }
            prev_cased = cased = true;
        } else {
            prev_cased = false;
        }
    }
    return bool_from(cased);
}

static Object *str_isidentifier_method(Object *self, Object *const *args, size_t nargs,
                                       Object *kwnames) {
    if (check_noargs("isidentifier", nargs, kwnames) < 0) {
        return NULL;
    }
    const char *d = str_utf8(self);
    size_t n = str_size(self), pos = 0;
    if (n == 0 || !(props_of(utf8_next(d, &pos)) & UNI_XID_START)) {
        return bool_from(false);
    }
    while (pos < n) {
        if (!(props_of(utf8_next(d, &pos)) & UNI_XID_CONTINUE)) {
            return bool_from(false);
        }
    }
    return bool_from(true);
}

/* ================================================================ padding */

/* The fill character argument of ljust/rjust/center. */
static int fill_char(Object *v, uint32_t *out) {
    if (!str_check(v)) {
        err_format(&ExcTypeError, "The fill character must be a unicode character, not %.200s",
                   obj_type_name(v));
        return -1;
    }
    if (str_length(v) != 1) {
        err_set_string(&ExcTypeError, "The fill character must be exactly one character long");
        return -1;
    }
    *out = str_codepoint_at(v, 0);
    return 0;
}

static Object *pad(Object *self, size_t left, size_t right, uint32_t fill) {
    StrBuilder sb;
    sb_init(&sb);
    sb_append_repeat(&sb, fill, left);
    sb_append_str(&sb, self);
    sb_append_repeat(&sb, fill, right);
    return sb_finish(&sb);
}

/* 0 ljust, 1 rjust, 2 center. */
static Object *do_just(const char *name, Object *self, Object *const *args, size_t nargs,
                       Object *kwnames, int which) {
    if (check_positional(name, nargs, kwnames, 1, 2) < 0) {
        return NULL;
    }
    ssize_t width;
    uint32_t fill = ' ';
    if (arg_ssize(args[0], &width) < 0 || (nargs > 1 && fill_char(args[1], &fill) < 0)) {
        return NULL;
    }
    ssize_t len = (ssize_t)str_length(self);
    if (width <= len) {
        return str_exact(self);
    }
    size_t marg = (size_t)(width - len);
    if (which == 0) {
        return pad(self, 0, marg, fill);
    }
    if (which == 1) {
        return pad(self, marg, 0, fill);
    }
    size_t left = marg / 2 + (marg & (size_t)width & 1);
    return pad(self, left, marg - left, fill);
}

static Object *str_ljust_method(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return do_just("ljust", self, args, nargs, kwnames, 0);
}

static Object *str_rjust_method(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return do_just("rjust", self, args, nargs, kwnames, 1);
}

static Object *str_center_method(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return do_just("center", self, args, nargs, kwnames, 2);
}

static Object *str_zfill_method(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (check_onearg("zfill", nargs, kwnames) < 0) {
        return NULL;
    }
    ssize_t width;
    if (arg_ssize(args[0], &width) < 0) {
        return NULL;
    }
    ssize_t len = (ssize_t)str_length(self);
    if (width <= len) {
        return str_exact(self);
    }
    size_t fill = (size_t)(width - len);
    Object *r = pad(self, fill, 0, '0');
    if (r == NULL) {
        return NULL;
    }
    char *d = ((StrObject *)r)->data;
    if (d[fill] == '+' || d[fill] == '-') {
        d[0] = d[fill];
        d[fill] = '0';
    }
    return r;
}

/* ================================================================ partition, lines, tabs */

static Object *do_partition(const char *name, Object *self, Object *const *args, size_t nargs,
                            Object *kwnames, bool right) {
    if (check_onearg(name, nargs, kwnames) < 0 || need_str(args[0]) < 0) {
        return NULL;
    }
    Object *sep = args[0];
    size_t m = str_size(sep);
    if (m == 0) {
        err_set_string(&ExcValueError, "empty separator");
        return NULL;
    }
    const char *d = str_utf8(self);
    size_t n = str_size(self);
    const char *p = right ? mem_rfind(d, n, str_utf8(sep), m) : memmem(d, n, str_utf8(sep), m);
    Object *parts[3];
    if (p == NULL) {
        Object *empty = str_empty();
        Object *whole = str_exact(self);
        if (empty == NULL || whole == NULL) {
            XDECREF(empty);
            XDECREF(whole);
            return NULL;
        }
        parts[0] = right ? NEWREF(empty) : whole;
        parts[1] = NEWREF(empty);
        parts[2] = right ? whole : NEWREF(empty);
        DECREF(empty);
    } else {
        size_t k = (size_t)(p - d);
        parts[0] = str_slice_bytes(self, 0, k);
        parts[1] = str_exact(sep);
        parts[2] = str_slice_bytes(self, k + m, n);
    }
    Object *t = NULL;
    if (parts[0] != NULL && parts[1] != NULL && parts[2] != NULL) {
        t = tuple_pack(3, parts[0], parts[1], parts[2]);
    }
    for (int i = 0; i < 3; i++) {
        XDECREF(parts[i]);
    }
    return t;
}

static Object *str_partition_method(Object *self, Object *const *args, size_t nargs,
                                    Object *kwnames) {
    return do_partition("partition", self, args, nargs, kwnames, false);
}

static Object *str_rpartition_method(Object *self, Object *const *args, size_t nargs,
                                     Object *kwnames) {
    return do_partition("rpartition", self, args, nargs, kwnames, true);
}

static Object *str_splitlines_method(Object *self, Object *const *args, size_t nargs,
                                     Object *kwnames) {
    static const char *const names[] = {"keepends"};
    Object *a[1];
    if (parse_keywords("splitlines", args, nargs, kwnames, names, 1, a) < 0) {
        return NULL;
    }
    ssize_t keepends = 0;
    if (a[0] != NULL && arg_ssize(a[0], &keepends) < 0) {
        return NULL;
    }
    Object *list = list_new(0);
    if (list == NULL) {
        return NULL;
    }
    const char *d = str_utf8(self);
    size_t n = str_size(self), i = 0;
    while (i < n) {
        size_t j = i, eol = n, next = n;
        while (j < n) {
            size_t p = j;
            uint32_t c = utf8_next(d, &p);
            if (uni_is_linebreak(c)) {
                eol = j;
                next = p;
                if (c == '\r' && p < n && d[p] == '\n') {
                    next = p + 1;
                }
                break;
            }
            j = p;
        }
        if (list_push(list, str_slice_bytes(self, i, keepends ? next : eol)) < 0) {
            DECREF(list);
            return NULL;
        }
        i = next;
    }
    return list;
}

static Object *str_expandtabs_method(Object *self, Object *const *args, size_t nargs,
                                     Object *kwnames) {
    static const char *const names[] = {"tabsize"};
    Object *a[1];
    if (parse_keywords("expandtabs", args, nargs, kwnames, names, 1, a) < 0) {
        return NULL;
    }
    ssize_t tabsize = 8;
    if (a[0] != NULL && arg_ssize(a[0], &tabsize) < 0) {
        return NULL;
    }
    const char *d = str_utf8(self);
    size_t n = str_size(self);
    if (memchr(d, '\t', n) == NULL) {
        return str_exact(self);
    }
    StrBuilder sb;
    sb_init(&sb);
    size_t col = 0, pos = 0;
    while (pos < n) {
        size_t start = pos;
        uint32_t c = utf8_next(d, &pos);
        if (c == '\t') {
            if (tabsize > 0) {
                size_t incr = (size_t)tabsize - col % (size_t)tabsize;
                sb_append_repeat(&sb, ' ', incr);
                col += incr;
            }
        } else {
            sb_append(&sb, d + start, pos - start);
            col = (c == '\n' || c == '\r') ? 0 : col + 1;
        }
    }
    return sb_finish(&sb);
}

/* ================================================================ small methods */

static Object *str_format_method_wrapper(Object *self, Object *const *args, size_t nargs,
                                         Object *kwnames) {
    return str_format_method(self, args, nargs, kwnames);
}

static Object *str_format_map_method(Object *self, Object *const *args, size_t nargs,
                                     Object *kwnames) {
    if (check_onearg("format_map", nargs, kwnames) < 0) {
        return NULL;
    }
    return str_format_map(self, args[0]);
}

static Object *str_dunder_format_method(Object *self, Object *const *args, size_t nargs,
                                        Object *kwnames) {
    if (check_onearg("__format__", nargs, kwnames) < 0) {
        return NULL;
    }
    if (!str_check(args[0])) {
        return err_format(&ExcTypeError, "__format__() argument must be str, not %.200s",
                          obj_type_name(args[0]));
    }
    return str_format_spec(self, args[0]);
}

static Object *str_encode_method(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    static const char *const names[] = {"encoding", "errors"};
    Object *a[2];
    if (parse_keywords("encode", args, nargs, kwnames, names, 2, a) < 0) {
        return NULL;
    }
    for (int k = 0; k < 2; k++) {
        if (a[k] != NULL && !str_check(a[k])) {
            return err_format(&ExcTypeError, "encode() argument '%s' must be str, not %.200s",
                              names[k], obj_type_name(a[k]));
        }
    }
    return str_encode(self, a[0] != NULL ? str_utf8(a[0]) : "utf-8",
                      a[1] != NULL ? str_utf8(a[1]) : "strict");
}

static Object *do_remove_affix(const char *name, Object *self, Object *const *args, size_t nargs,
                               Object *kwnames, bool suffix) {
    if (check_onearg(name, nargs, kwnames) < 0) {
        return NULL;
    }
    Object *affix = args[0];
    if (!str_check(affix)) {
        return err_format(&ExcTypeError, "%s() argument must be str, not %.200s", name,
                          obj_type_name(affix));
    }
    size_t n = str_size(self), m = str_size(affix);
    const char *d = str_utf8(self);
    if (m > 0 && m <= n) {
        if (!suffix && memcmp(d, str_utf8(affix), m) == 0) {
            return str_slice_bytes(self, m, n);
        }
        if (suffix && memcmp(d + n - m, str_utf8(affix), m) == 0) {
            return str_slice_bytes(self, 0, n - m);
        }
    }
    return str_exact(self);
}

static Object *str_removeprefix_method(Object *self, Object *const *args, size_t nargs,
                                       Object *kwnames) {
    return do_remove_affix("removeprefix", self, args, nargs, kwnames, false);
}

static Object *str_removesuffix_method(Object *self, Object *const *args, size_t nargs,
                                       Object *kwnames) {
    return do_remove_affix("removesuffix", self, args, nargs, kwnames, true);
}

/* ================================================================ maketrans / translate */

static int maketrans_set(Object *d, uint32_t key, Object *value) {
    Object *k = int_from_i64(key);
    if (k == NULL) {
        return -1;
    }
    int r = dict_set(d, k, value);
    DECREF(k);
    return r;
}

/* str.maketrans(x[, y[, z]]) (a static method: self is NULL). */
static Object *str_maketrans_method(Object *self, Object *const *args, size_t nargs,
                                    Object *kwnames) {
    if (check_positional("maketrans", nargs, kwnames, 1, 3) < 0) {
        return NULL;
    }
    Object *result = dict_new();
    if (result == NULL) {
        return NULL;
    }
    if (nargs == 1) {
        Object *x = args[0];
        if (!dict_check(x)) {
            err_set_string(&ExcTypeError,
                           "if you give only one argument to maketrans it must be a dict");
            goto fail;
        }
        size_t pos = 0;
        Object *k, *v;
        while (dict_next(x, &pos, &k, &v)) {
            if (str_check(k)) {
                if (str_length(k) != 1) {
                    err_set_string(&ExcValueError,
                                   "string keys in translate table must be of length 1");
                    goto fail;
                }
                if (maketrans_set(result, str_codepoint_at(k, 0), v) < 0) {
                    goto fail;
                }
            } else if (int_check(k)) {
                if (dict_set(result, k, v) < 0) {
                    goto fail;
                }
            } else {
                err_set_string(&ExcTypeError,
                               "keys in translate table must be strings or integers");
                goto fail;
            }
        }
        return result;
    }
    for (size_t i = 0; i < nargs; i++) {
        if (!str_check(args[i])) {
            err_format(&ExcTypeError, "maketrans() argument %zu must be str, not %.200s", i + 1,
                       obj_type_name(args[i]));
            goto fail;
        }
    }
    if (str_length(args[0]) != str_length(args[1])) {
        err_set_string(&ExcValueError, "the first two maketrans arguments must have equal length");
        goto fail;
    }
    size_t px = 0, py = 0;
    for (size_t i = 0; i < str_length(args[0]); i++) {
        uint32_t a = utf8_next(str_utf8(args[0]), &px);
        uint32_t b = utf8_next(str_utf8(args[1]), &py);
        Object *bv = int_from_i64(b);
        if (bv == NULL || maketrans_set(result, a, bv) < 0) {
            XDECREF(bv);
            goto fail;
        }
        DECREF(bv);
    }
    if (nargs == 3) {
        size_t pz = 0;
        for (size_t i = 0; i < str_length(args[2]); i++) {
            if (maketrans_set(result, utf8_next(str_utf8(args[2]), &pz), None) < 0) {
                goto fail;
            }
        }
    }
    return result;
fail:
    DECREF(result);
    return NULL;
}

/* Look up code point c in the translate table: *out is a new reference to the
 * mapped value, or NULL when the table has no entry (LookupError). */
static int translate_lookup(Object *table, uint32_t c, Object **out) {
    Object *key = small_int_make((intptr_t)c);
    Object *v = obj_getitem(table, key);
    if (v == NULL) {
        if (err_matches(&ExcLookupError)) {
            err_clear();
            *out = NULL;
            return 0;
        }
        return -1;
    }
    *out = v;
    return 0;
}

static Object *str_translate_method(Object *self, Object *const *args, size_t nargs,
                                    Object *kwnames) {
    if (check_onearg("translate", nargs, kwnames) < 0) {
        return NULL;
    }
    Object *table = args[0];
    /* Results for ASCII characters are cached for the call, as CPython does. */
    Object *cache[128];
    bool cached[128] = {false};
    StrBuilder sb;
    sb_init(&sb);
    const char *d = str_utf8(self);
    size_t n = str_size(self), pos = 0;
    int status = 0;
    while (pos < n && status == 0) {
        uint32_t c = utf8_next(d, &pos);
        Object *v;
        if (c < 128 && cached[c]) {
            v = cache[c];
            XINCREF(v);
        } else {
            if (translate_lookup(table, c, &v) < 0) {
                status = -1;
                break;
            }
            if (c < 128) {
                cached[c] = true;
                cache[c] = v;
                XINCREF(v);
            }
        }
        if (v == NULL) {
            sb_append_codepoint(&sb, c);
        } else if (v == None) {
            /* deleted */
        } else if (int_check(v)) {
            int64_t x;
            if (int_to_i64(v, &x) < 0) {
                err_clear();
                x = -1;
            }
            if (x < 0 || x > 0x10FFFF) {
                err_set_string(&ExcValueError, "character mapping must be in range(0x110000)");
                status = -1;
            } else {
                sb_append_codepoint(&sb, (uint32_t)x);
            }
        } else if (str_check(v)) {
            sb_append_str(&sb, v);
        } else {
            err_set_string(&ExcTypeError, "character mapping must return integer, None or str");
            status = -1;
        }
        XDECREF(v);
    }
    for (int i = 0; i < 128; i++) {
        if (cached[i]) {
            XDECREF(cache[i]);
        }
    }
    if (status < 0) {
        sb_discard(&sb);
        return NULL;
    }
    return sb_finish(&sb);
}

/* ================================================================ the table */

const MethodDef str_methods_table[] = {
    {"split", str_split_method, 0,
     "Return a list of the substrings in the string, using sep as "
     "the separator string."},
    {"rsplit", str_rsplit_method, 0,
     "Return a list of the substrings in the string, splitting "
     "from the right."},
    {"join", str_join_method, 0, "Concatenate any number of strings."},
    {"strip", str_strip_method, 0,
     "Return a copy of the string with leading and trailing "
     "whitespace removed."},
    {"lstrip", str_lstrip_method, 0,
     "Return a copy of the string with leading whitespace "
     "removed."},
    {"rstrip", str_rstrip_method, 0,
     "Return a copy of the string with trailing whitespace "
     "removed."},
    {"replace", str_replace_method, 0,
     "Return a copy with all occurrences of substring old "
     "replaced by new."},
    {"find", str_find_method, 0, "Return the lowest index in S where substring sub is found."},
    {"rfind", str_rfind_method, 0, "Return the highest index in S where substring sub is found."},
    {"index", str_index_method, 0, "Like find() but raise ValueError when not found."},
    {"rindex", str_rindex_method, 0, "Like rfind() but raise ValueError when not found."},
    {"count", str_count_method, 0, "Return the number of non-overlapping occurrences of sub."},
    {"startswith", str_startswith_method, 0, "Return True if S starts with the specified prefix."},
    {"endswith", str_endswith_method, 0, "Return True if S ends with the specified suffix."},
    {"lower", str_lower_method, 0, "Return a copy of the string converted to lowercase."},
    {"upper", str_upper_method, 0, "Return a copy of the string converted to uppercase."},
    {"title", str_title_method, 0,
     "Return a version of the string where each word is "
     "titlecased."},
    {"capitalize", str_capitalize_method, 0, "Return a capitalized version of the string."},
    {"swapcase", str_swapcase_method, 0,
     "Convert uppercase characters to lowercase and "
     "lowercase characters to uppercase."},
    {"casefold", str_casefold_method, 0,
     "Return a version of the string suitable for caseless "
     "comparisons."},
    {"isalpha", str_isalpha_method, 0, "Return True if the string is an alphabetic string."},
    {"isalnum", str_isalnum_method, 0, "Return True if the string is an alpha-numeric string."},
    {"isdecimal", str_isdecimal_method, 0, "Return True if the string is a decimal string."},
    {"isdigit", str_isdigit_method, 0, "Return True if the string is a digit string."},
    {"isnumeric", str_isnumeric_method, 0, "Return True if the string is a numeric string."},
    {"isspace", str_isspace_method, 0, "Return True if the string is a whitespace string."},
    {"isupper", str_isupper_method, 0, "Return True if the string is an uppercase string."},
    {"islower", str_islower_method, 0, "Return True if the string is a lowercase string."},
    {"istitle", str_istitle_method, 0, "Return True if the string is a title-cased string."},
    {"isidentifier", str_isidentifier_method, 0,
     "Return True if the string is a valid Python "
     "identifier."},
    {"isprintable", str_isprintable_method, 0, "Return True if the string is printable."},
    {"isascii", str_isascii_method, 0, "Return True if all characters in the string are ASCII."},
    {"zfill", str_zfill_method, 0, "Pad a numeric string with zeros on the left."},
    {"ljust", str_ljust_method, 0, "Return a left-justified string of length width."},
    {"rjust", str_rjust_method, 0, "Return a right-justified string of length width."},
    {"center", str_center_method, 0, "Return a centered string of length width."},
    {"partition", str_partition_method, 0,
     "Partition the string into three parts using the "
     "given separator."},
    {"rpartition", str_rpartition_method, 0,
     "Partition the string into three parts, searching "
     "from the end."},
    {"splitlines", str_splitlines_method, 0, "Return a list of the lines in the string."},
    {"expandtabs", str_expandtabs_method, 0,
     "Return a copy where all tab characters are "
     "expanded using spaces."},
    {"format", str_format_method_wrapper, 0, "Return a formatted version of S."},
    {"format_map", str_format_map_method, 0,
     "Return a formatted version of S, using "
     "substitutions from mapping."},
    {"__format__", str_dunder_format_method, 0, "Return a formatted version of the string."},
    {"encode", str_encode_method, 0,
     "Encode the string using the codec registered for "
     "encoding."},
    {"removeprefix", str_removeprefix_method, 0,
     "Return a str with the given prefix string "
     "removed if present."},
    {"removesuffix", str_removesuffix_method, 0,
     "Return a str with the given suffix string "
     "removed if present."},
    {"maketrans", str_maketrans_method, METHOD_STATIC,
     "Return a translation table usable for "
     "str.translate()."},
    {"translate", str_translate_method, 0,
     "Replace each character in the string using the "
     "given translation table."},
    {NULL, NULL, 0, NULL},
};
