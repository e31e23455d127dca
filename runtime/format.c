/* format.c: string formatting. The format-spec mini-language shared by
 * int/float/str __format__ (format_spec_parse_ex, format_spec_pad),
 * str.__format__, str.format / str.format_map, and printf-style `str % args`.
 * All parsing mirrors CPython 3.11 (Objects/stringlib/unicode_format.h,
 * Python/formatter_unicode.c, Objects/unicodeobject.c), messages included. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "errors.h"
#include "exceptions.h"
#include "bytes.h"
#include "float.h"
#include "int.h"
#include "memory.h"
#include "str_internal.h"
#include "tuple.h"

/* ================================================================ format specs */

static bool is_align(uint32_t c) {
    return c == '<' || c == '>' || c == '=' || c == '^';
}

/* Read a decimal number at s[*pos] (code points, ASCII digits only). Returns
 * the number of digits read, or -1 with "Too many decimal digits" on overflow. */
static int spec_integer(const char *s, size_t size, size_t *pos, ssize_t *out) {
    ssize_t v = 0;
    int n = 0;
    while (*pos < size && s[*pos] >= '0' && s[*pos] <= '9') {
        int d = s[*pos] - '0';
        if (v > (SSIZE_MAX - d) / 10) {
            err_set_string(&ExcValueError, "Too many decimal digits in format string");
            return -1;
        }
        v = v * 10 + d;
        (*pos)++;
        n++;
    }
    *out = v;
    return n;
}

/* "Cannot specify ',' with 's'." (the type may be unprintable). */
static int spec_bad_separator(char sep, uint32_t type) {
    if (type > 32 && type < 127) {
        err_format(&ExcValueError, "Cannot specify '%c' with '%c'.", sep, (int)type);
    } else {
        err_format(&ExcValueError, "Cannot specify '%c' with '\\x%x'.", sep, (unsigned)type);
    }
    return -1;
}

int format_spec_parse_ex(Object *spec, FormatSpec *out, const char *type_name, char default_type,
                         char default_align) {
    const char *s = str_utf8(spec);
    size_t size = str_size(spec);
    size_t pos = 0;
    out->fill = ' ';
    out->align = 0;
    out->sign = 0;
    out->alternate = false;
    out->zero_pad = false;
    out->width = -1;
    out->grouping = 0;
    out->precision = -1;
    out->type = default_type;
    out->no_neg_zero = false;
    out->type_cp = 0;
    bool fill_specified = false, align_specified = false;

    /* [[fill]align]: the fill may be any code point. */
    if (size > 0) {
        size_t p2 = 0;
        uint32_t first = utf8_next(s, &p2);
        if (p2 < size && is_align((unsigned char)s[p2])) {
            out->fill = first;
            out->align = s[p2];
            fill_specified = align_specified = true;
            pos = p2 + 1;
        } else if (is_align(first)) {
            out->align = (char)first;
            align_specified = true;
            pos = 1;
        }
    }
    if (pos < size && (s[pos] == '+' || s[pos] == '-' || s[pos] == ' ')) {
        out->sign = s[pos++];
    }
    if (pos < size && s[pos] == 'z') {
        out->no_neg_zero = true;
        pos++;
    }
    if (pos < size && s[pos] == '#') {
        out->alternate = true;
        pos++;
    }
    if (!fill_specified && pos < size && s[pos] == '0') {
        out->fill = '0';
        out->zero_pad = true;
        if (!align_specified && default_align == '>') {
            out->align = '=';
        }
        pos++;
    }
    int n = spec_integer(s, size, &pos, &out->width);
    if (n < 0) {
        return -1;
    }
    if (n == 0) {
        out->width = -1;
    }
    if (pos < size && s[pos] == ',') {
        out->grouping = ',';
        pos++;
    }
    if (pos < size && s[pos] == '_') {
        if (out->grouping != 0) {
            err_set_string(&ExcValueError, "Cannot specify both ',' and '_'.");
            return -1;
        }
        out->grouping = '_';
        pos++;
    }
    if (pos < size && s[pos] == ',' && out->grouping == '_') {
        err_set_string(&ExcValueError, "Cannot specify both ',' and '_'.");
        return -1;
    }
    if (pos < size && s[pos] == '.') {
        pos++;
        n = spec_integer(s, size, &pos, &out->precision);
        if (n < 0) {
            return -1;
        }
        if (n == 0) {
            err_set_string(&ExcValueError, "Format specifier missing precision");
            return -1;
        }
    }
    out->type_cp = (unsigned char)out->type;
    if (pos < size) {
        size_t p2 = pos;
        uint32_t cp = utf8_next(s, &p2);
        if (p2 < size) {
            err_format(&ExcValueError, "Invalid format specifier '%s' for object of type '%.200s'",
                       s, type_name);
            return -1;
        }
        out->type_cp = cp;
        out->type = cp < 0x80 ? (char)cp : 1;
    }
    if (out->grouping != 0) {
        switch (out->type) {
            case 'd':
            case 'e':
            case 'f':
            case 'g':
            case 'E':
            case 'G':
            case '%':
            case 'F':
            case '\0':
                break;
            case 'b':
            case 'o':
            case 'x':
            case 'X':
                if (out->grouping == '_') {
                    break;
                }
                return spec_bad_separator(out->grouping, out->type_cp);
            default:
                return spec_bad_separator(out->grouping, out->type_cp);
        }
    }
    return 0;
}

Object *format_spec_unknown_code(const FormatSpec *spec, const char *type_name) {
    if (spec->type_cp > 32 && spec->type_cp < 127) {
        return err_format(&ExcValueError, "Unknown format code '%c' for object of type '%.200s'",
                          (int)spec->type_cp, type_name);
    }
    return err_format(&ExcValueError, "Unknown format code '\\x%x' for object of type '%.200s'",
                      (unsigned)spec->type_cp, type_name);
}

int format_spec_parse(Object *spec, FormatSpec *out) {
    return format_spec_parse_ex(spec, out, "object", 0, '>');
}

void format_spec_pad(StrBuilder *sb, const FormatSpec *spec, const char *body, size_t body_size,
                     size_t body_len, char default_align) {
    if (spec->width < 0 || (size_t)spec->width <= body_len) {
        sb_append(sb, body, body_size);
        return;
    }
    size_t pad = (size_t)spec->width - body_len;
    char align = spec->align != 0 ? spec->align : default_align;
    switch (align) {
        case '<':
            sb_append(sb, body, body_size);
            sb_append_repeat(sb, spec->fill, pad);
            break;
        case '^':
            sb_append_repeat(sb, spec->fill, pad / 2);
            sb_append(sb, body, body_size);
            sb_append_repeat(sb, spec->fill, pad - pad / 2);
            break;
        case '=': {
            size_t skip = 0;
            if (skip < body_size && (body[0] == '+' || body[0] == '-' || body[0] == ' ')) {
                skip++;
            }
            if (skip + 1 < body_size && body[skip] == '0' &&
                strchr("xXoObB", body[skip + 1]) != NULL && body[skip + 1] != '\0') {
                skip += 2;
            }
            sb_append(sb, body, skip);
            sb_append_repeat(sb, spec->fill, pad);
            sb_append(sb, body + skip, body_size - skip);
            break;
        }
        default:
            sb_append_repeat(sb, spec->fill, pad);
            sb_append(sb, body, body_size);
            break;
    }
}

Object *str_format_spec(Object *v, Object *spec) {
    if (str_size(spec) == 0) {
        /* CPython: an exact str is returned as is, a subclass goes through str(). */
        return v->type == &StrType ? NEWREF(v) : obj_str(v);
    }
    FormatSpec f;
    if (format_spec_parse_ex(spec, &f, obj_type_name(v), 's', '<') < 0) {
        return NULL;
    }
    if (f.type != 's') {
        return format_spec_unknown_code(&f, obj_type_name(v));
    }
    if (f.sign != 0) {
        err_set_string(&ExcValueError, f.sign == ' '
                                           ? "Space not allowed in string format specifier"
                                           : "Sign not allowed in string format specifier");
        return NULL;
    }
    if (f.no_neg_zero) {
        err_set_string(&ExcValueError,
                       "Negative zero coercion (z) not allowed in string format specifier");
        return NULL;
    }
    if (f.alternate) {
        err_set_string(&ExcValueError, "Alternate form (#) not allowed in string format specifier");
        return NULL;
    }
    if (f.align == '=') {
        err_set_string(&ExcValueError, "'=' alignment not allowed in string format specifier");
        return NULL;
    }
    size_t len = str_length(v);
    if (f.precision >= 0 && (size_t)f.precision < len) {
        len = (size_t)f.precision;
    }
    size_t bytes = str_offset_of(v, len);
    if (len == str_length(v) && (f.width < 0 || (size_t)f.width <= len)) {
        return str_exact(v);
    }
    StrBuilder sb;
    sb_init(&sb);
    format_spec_pad(&sb, &f, str_utf8(v), bytes, len, '<');
    return sb_finish(&sb);
}

/* ================================================================ str.format */

/* The arguments of one str.format call: positional args, then either keyword
 * arguments (names in kwnames, values after the positionals) or a mapping
 * (format_map). */
typedef struct FormatArgs {
    Object *const *args;
    size_t nargs;
    bool has_positional; /* false for format_map: "Format string contains positional fields" */
    Object *kwnames;     /* tuple or NULL */
    Object *mapping;     /* format_map's mapping, or NULL */
    int auto_state;      /* 0 init, 1 auto, 2 manual */
    size_t auto_number;
} FormatArgs;

static int format_build(StrBuilder *sb, const char *s, size_t size, FormatArgs *fa, int depth);

/* Parse a field-name integer; -1 when the text is not all digits (or empty). */
static ssize_t field_integer(const char *s, size_t n, bool *overflow) {
    *overflow = false;
    if (n == 0) {
        return -1;
    }
    ssize_t v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return -1;
        }
        int d = s[i] - '0';
        if (v > (SSIZE_MAX - d) / 10) {
            *overflow = true;
            err_set_string(&ExcValueError, "Too many decimal digits in format string");
            return -1;
        }
        v = v * 10 + d;
    }
    return v;
}

/* The keyword argument named `name` (borrowed), or NULL with KeyError. */
static Object *format_lookup_keyword(FormatArgs *fa, const char *name, size_t n) {
    Object *key = str_from_utf8(name, n);
    if (key == NULL) {
        return NULL;
    }
    Object *result = NULL;
    if (fa->mapping != NULL) {
        result = obj_getitem(fa->mapping, key);
    } else {
        size_t nk = fa->kwnames != NULL ? tuple_size(fa->kwnames) : 0;
        for (size_t i = 0; i < nk; i++) {
            Object *k = tuple_get(fa->kwnames, i);
            if (str_size(k) == n && memcmp(str_utf8(k), name, n) == 0) {
                result = NEWREF(fa->args[fa->nargs + i]);
                break;
            }
        }
        if (result == NULL) {
            err_set_object(&ExcKeyError, key);
        }
    }
    DECREF(key);
    return result;
}

/* Resolve a field name ("0", "name", "", "0[1].attr") to its object (new ref). */
static Object *format_get_field(FormatArgs *fa, const char *s, size_t n) {
    size_t first_end = 0;
    while (first_end < n && s[first_end] != '.' && s[first_end] != '[') {
        first_end++;
    }
    bool overflow;
    ssize_t index = field_integer(s, first_end, &overflow);
    if (overflow) {
        return NULL;
    }
    bool empty = first_end == 0;
    bool numeric = empty || index != -1;
    if (numeric) {
        if (fa->auto_state == 0) {
            fa->auto_state = empty ? 1 : 2;
        }
        if (fa->auto_state == 2 && empty) {
            err_set_string(&ExcValueError, "cannot switch from manual field specification to "
                                           "automatic field numbering");
            return NULL;
        }
        if (fa->auto_state == 1 && !empty) {
            err_set_string(&ExcValueError, "cannot switch from automatic field numbering to "
                                           "manual field specification");
            return NULL;
        }
        if (empty) {
            index = (ssize_t)fa->auto_number++;
        }
    }
    Object *obj;
    if (index == -1) {
        obj = format_lookup_keyword(fa, s, first_end);
    } else {
        if (!fa->has_positional) {
            err_set_string(&ExcValueError, "Format string contains positional fields");
            return NULL;
        }
        if ((size_t)index >= fa->nargs) {
            return err_format(&ExcIndexError,
                              "Replacement index %zd out of range for positional args tuple",
                              index);
        }
        obj = NEWREF(fa->args[index]);
    }
    if (obj == NULL) {
        return NULL;
    }
    /* The rest: ".attr" and "[key]" parts. */
    size_t pos = first_end;
    while (pos < n) {
        char c = s[pos++];
        const char *name = s + pos;
        size_t len = 0;
        bool attribute = c == '.';
        if (c == '.') {
            while (pos < n && s[pos] != '.' && s[pos] != '[') {
                pos++;
                len++;
            }
        } else if (c == '[') {
            while (pos < n && s[pos] != ']') {
                pos++;
                len++;
            }
            if (pos >= n) {
                DECREF(obj);
                err_set_string(&ExcValueError, "Missing ']' in format string");
                return NULL;
            }
            pos++; /* the ']' */
        } else {
            DECREF(obj);
            err_set_string(&ExcValueError,
                           "Only '.' or '[' may follow ']' in format field specifier");
            return NULL;
        }
        if (len == 0) {
            DECREF(obj);
            err_set_string(&ExcValueError, "Empty attribute in format string");
            return NULL;
        }
        Object *key;
        ssize_t idx = attribute ? -1 : field_integer(name, len, &overflow);
        if (overflow) {
            DECREF(obj);
            return NULL;
        }
        if (idx >= 0) {
            key = int_from_i64(idx);
        } else {
            key = str_from_utf8(name, len);
        }
        if (key == NULL) {
            DECREF(obj);
            return NULL;
        }
        Object *next = attribute ? obj_getattr(obj, key) : obj_getitem(obj, key);
        DECREF(key);
        DECREF(obj);
        if (next == NULL) {
            return NULL;
        }
        obj = next;
    }
    return obj;
}

/* Format one replacement field (its text between the braces, parsed as
 * CPython's parse_field) into sb. `*pos` is just after the '{'. */
static int format_field(StrBuilder *sb, const char *s, size_t size, size_t *pos, FormatArgs *fa,
                        int depth) {
    size_t start = *pos;
    size_t i = *pos;
    char c = 0;
    while (i < size) {
        c = s[i++];
        if (c == '{') {
            err_set_string(&ExcValueError, "unexpected '{' in field name");
            return -1;
        }
        if (c == '[') {
            while (i < size && s[i] != ']') {
                i++;
            }
            c = 0;
            continue;
        }
        if (c == '}' || c == ':' || c == '!') {
            break;
        }
        c = 0;
    }
    if (c == 0) {
        err_set_string(&ExcValueError, "expected '}' before end of string");
        return -1;
    }
    size_t name_end = i - 1;
    uint32_t conversion = 0;
    size_t spec_start = 0, spec_end = 0;
    bool spec_expand = false;
    if (c == '!' || c == ':') {
        bool done = false;
        if (c == '!') {
            if (i >= size) {
                err_set_string(&ExcValueError, "end of string while looking for conversion "
                                               "specifier");
                return -1;
            }
            conversion = utf8_next(s, &i);
            if (i < size) {
                char d = s[i++];
                if (d == '}') {
                    done = true;
                } else if (d != ':') {
                    err_set_string(&ExcValueError, "expected ':' after conversion specifier");
                    return -1;
                }
            }
        }
        if (!done) {
            spec_start = i;
            int count = 1;
            bool closed = false;
            while (i < size) {
                char d = s[i++];
                if (d == '{') {
                    spec_expand = true;
                    count++;
                } else if (d == '}') {
                    if (--count == 0) {
                        spec_end = i - 1;
                        closed = true;
                        break;
                    }
                }
            }
            if (!closed) {
                err_set_string(&ExcValueError, "unmatched '{' in format spec");
                return -1;
            }
        }
    }
    *pos = i;

    Object *obj = format_get_field(fa, s + start, name_end - start);
    if (obj == NULL) {
        return -1;
    }
    if (conversion != 0) {
        Object *conv;
        switch (conversion) {
            case 'r':
                conv = obj_repr(obj);
                break;
            case 's':
                conv = obj_str(obj);
                break;
            case 'a':
                conv = obj_ascii(obj);
                break;
            default:
                DECREF(obj);
                if (conversion > 32 && conversion < 127) {
                    err_format(&ExcValueError, "Unknown conversion specifier %c", (int)conversion);
                } else {
                    err_format(&ExcValueError, "Unknown conversion specifier \\x%x",
                               (unsigned)conversion);
                }
                return -1;
        }
        DECREF(obj);
        if (conv == NULL) {
            return -1;
        }
        obj = conv;
    }
    /* Fast paths: str and int with an empty spec. */
    if (spec_end == spec_start) {
        if (!is_small_int(obj) && obj->type == &StrType) {
            sb_append_str(sb, obj);
            DECREF(obj);
            return 0;
        }
        if (is_small_int(obj)) {
            sb_appendf(sb, "%zd", (ssize_t)small_int_value(obj));
            return 0;
        }
    }
    Object *spec;
    if (spec_expand) {
        if (depth <= 1) {
            DECREF(obj);
            err_set_string(&ExcValueError, "Max string recursion exceeded");
            return -1;
        }
        StrBuilder inner;
        sb_init(&inner);
        if (format_build(&inner, s + spec_start, spec_end - spec_start, fa, depth - 1) < 0) {
            sb_discard(&inner);
            DECREF(obj);
            return -1;
        }
        spec = sb_finish(&inner);
    } else {
        spec = str_from_utf8(s + spec_start, spec_end - spec_start);
    }
    if (spec == NULL) {
        DECREF(obj);
        return -1;
    }
    Object *text = obj_format(obj, spec);
    DECREF(spec);
    DECREF(obj);
    if (text == NULL) {
        return -1;
    }
    sb_append_str(sb, text);
    DECREF(text);
    return 0;
}

/* Expand format string s[0..size) into sb (CPython's MarkupIterator loop). */
static int format_build(StrBuilder *sb, const char *s, size_t size, FormatArgs *fa, int depth) {
    size_t pos = 0;
    while (pos < size) {
        size_t start = pos;
        char c = 0;
        while (pos < size) {
            c = s[pos++];
            if (c == '{' || c == '}') {
                break;
            }
            c = 0;
        }
        bool at_end = pos >= size;
        size_t len = pos - start;
        if (c == '}' && (at_end || s[pos] != '}')) {
            err_set_string(&ExcValueError, "Single '}' encountered in format string");
            return -1;
        }
        if (at_end && c == '{') {
            err_set_string(&ExcValueError, "Single '{' encountered in format string");
            return -1;
        }
        bool markup = c != 0;
        if (!at_end && markup) {
            if (s[pos] == c) {
                pos++; /* escaped {{ or }}: keep one */
                markup = false;
            } else {
                len--;
            }
        }
        sb_append(sb, s + start, len);
        if (markup && format_field(sb, s, size, &pos, fa, depth) < 0) {
            return -1;
        }
    }
    return sb->failed ? -1 : 0;
}

Object *str_format_method(Object *fmt, Object *const *args, size_t nargs, Object *kwnames) {
    FormatArgs fa = {args, nargs, true, kwnames, NULL, 0, 0};
    StrBuilder sb;
    sb_init(&sb);
    if (format_build(&sb, str_utf8(fmt), str_size(fmt), &fa, 2) < 0) {
        sb_discard(&sb);
        return NULL;
    }
    return sb_finish(&sb);
}

/* str.format_map(mapping). */
Object *str_format_map(Object *fmt, Object *mapping) {
    FormatArgs fa = {NULL, 0, false, NULL, mapping, 0, 0};
    StrBuilder sb;
    sb_init(&sb);
    if (format_build(&sb, str_utf8(fmt), str_size(fmt), &fa, 2) < 0) {
        sb_discard(&sb);
        return NULL;
    }
    return sb_finish(&sb);
}

/* ================================================================ fmt % args */

enum { F_LJUST = 1, F_SIGN = 2, F_BLANK = 4, F_ALT = 8, F_ZERO = 16 };

typedef struct PercentState {
    Object *args;
    ssize_t arglen; /* -1: a single non-tuple argument */
    ssize_t argidx;
    Object *dict; /* the mapping for %(key)s, or NULL */
} PercentState;

/* The next argument (borrowed), or NULL with "not enough arguments". */
static Object *percent_next_arg(PercentState *st) {
    if (st->argidx < st->arglen) {
        ssize_t i = st->argidx++;
        return st->arglen < 0 ? st->args : tuple_get(st->args, (size_t)i);
    }
    err_set_string(&ExcTypeError, "not enough arguments for format string");
    return NULL;
}

/* True when v supports the number protocol (PyNumber_Check). */
static bool percent_is_number(Object *v) {
    TypeObject *t = obj_type(v);
    return t->index != NULL || t->to_int != NULL || t->to_float != NULL || int_check(v) ||
           float_check(v);
}

/* The digits of an int for %d %x %o (sign and prefix stripped into *neg). */
static Object *percent_int_digits(Object *iv, char conv, bool *neg) {
    Object *text;
    if (conv == 'x' || conv == 'X') {
        text = int_to_base_string(iv, 16);
    } else if (conv == 'o') {
        text = int_to_base_string(iv, 8);
    } else {
        text = int_to_decimal_string(iv);
    }
    if (text == NULL) {
        return NULL;
    }
    const char *s = str_utf8(text);
    size_t n = str_size(text);
    *neg = n > 0 && s[0] == '-';
    size_t skip = *neg ? 1 : 0;
    if (conv != 'd' && conv != 'i' && conv != 'u') {
        skip += 2; /* "0x" / "0o" */
    }
    Object *digits = str_from_utf8_known(s + skip, n - skip, n - skip, true);
    DECREF(text);
    return digits;
}

/* Format one integer conversion into sb (sign, prefix, precision, width). */
static int percent_format_int(StrBuilder *sb, Object *v, char conv, int flags, ssize_t width,
                              ssize_t prec) {
    Object *iv;
    if (obj_type(v) == &BoolType) {
        iv = small_int_make(((BoolObject *)v)->value);
    } else if (int_check(v)) {
        iv = NEWREF(v);
    } else if (!percent_is_number(v)) {
        err_format(&ExcTypeError, "%%%c format: %s is required, not %.200s", conv,
                   (conv == 'x' || conv == 'X' || conv == 'o') ? "an integer" : "a real number",
                   obj_type_name(v));
        return -1;
    } else if (conv == 'x' || conv == 'X' || conv == 'o') {
        iv = obj_index(v);
    } else if (float_check(v)) {
        iv = int_from_double(float_value(v));
    } else if (obj_type(v)->to_int != NULL) {
        iv = obj_type(v)->to_int(v);
    } else {
        iv = obj_index(v);
    }
    if (iv == NULL) {
        if (err_matches(&ExcTypeError)) {
            err_clear();
            err_format(&ExcTypeError, "%%%c format: %s is required, not %.200s", conv,
                       (conv == 'x' || conv == 'X' || conv == 'o') ? "an integer" : "a real number",
                       obj_type_name(v));
        }
        return -1;
    }
    bool neg;
    Object *digits = percent_int_digits(iv, conv, &neg);
    DECREF(iv);
    if (digits == NULL) {
        return -1;
    }
    char prefix[4];
    size_t plen = 0;
    if (neg) {
        prefix[plen++] = '-';
    } else if (flags & F_SIGN) {
        prefix[plen++] = '+';
    } else if (flags & F_BLANK) {
        prefix[plen++] = ' ';
    }
    if ((flags & F_ALT) && (conv == 'x' || conv == 'X' || conv == 'o')) {
        prefix[plen++] = '0';
        prefix[plen++] = conv;
    }
    size_t ndig = str_size(digits);
    size_t zeros = prec > 0 && (size_t)prec > ndig ? (size_t)prec - ndig : 0;
    size_t total = plen + zeros + ndig;
    size_t pad = width > 0 && (size_t)width > total ? (size_t)width - total : 0;
    if (pad > 0 && !(flags & F_LJUST) && !(flags & F_ZERO)) {
        sb_append_repeat(sb, ' ', pad);
    }
    sb_append(sb, prefix, plen);
    if (pad > 0 && !(flags & F_LJUST) && (flags & F_ZERO)) {
        sb_append_repeat(sb, '0', pad);
    }
    sb_append_repeat(sb, '0', zeros);
    char *p = sb_reserve(sb, ndig);
    if (p != NULL) {
        memcpy(p, str_utf8(digits), ndig);
        if (conv == 'X') {
            for (size_t i = 0; i < ndig; i++) {
                if (p[i] >= 'a' && p[i] <= 'f') {
                    p[i] = (char)(p[i] - 'a' + 'A');
                }
            }
        }
        sb_commit(sb, ndig);
    }
    if (pad > 0 && (flags & F_LJUST)) {
        sb_append_repeat(sb, ' ', pad);
    }
    DECREF(digits);
    return 0;
}

/* Format one float conversion (%e %f %g and capitals). */
static int percent_format_float(StrBuilder *sb, Object *v, char conv, int flags, ssize_t width,
                                ssize_t prec) {
    double d;
    if (float_check(v)) {
        d = float_value(v);
    } else if (int_check(v)) {
        d = int_to_double(v);
        if (d == -1.0 && err_occurred()) {
            return -1;
        }
    } else if (!percent_is_number(v)) {
        err_format(&ExcTypeError, "must be real number, not %.200s", obj_type_name(v));
        return -1;
    } else {
        d = obj_as_double(v);
        if (d == -1.0 && err_occurred()) {
            return -1;
        }
    }
    if (prec < 0) {
        prec = 6;
    }
    char body[64];
    char *text = body;
    char *heap = NULL;
    size_t n;
    bool upper = conv == 'E' || conv == 'F' || conv == 'G';
    bool neg = signbit(d) != 0;
    if (isnan(d) || isinf(d)) {
        strcpy(body, isnan(d) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"));
        n = 3;
        neg = neg && !isnan(d);
    } else {
        char cfmt[8];
        snprintf(cfmt, sizeof cfmt, "%%%s.*%c", (flags & F_ALT) ? "#" : "", conv);
        int len = snprintf(body, sizeof body, cfmt, (int)prec, fabs(d));
        if (len < 0) {
            len = 0;
        }
        if ((size_t)len >= sizeof body) {
            heap = mem_alloc((size_t)len + 1);
            if (heap == NULL) {
                return -1;
            }
            snprintf(heap, (size_t)len + 1, cfmt, (int)prec, fabs(d));
            text = heap;
        }
        n = (size_t)len;
    }
    char sign = neg ? '-' : (flags & F_SIGN) ? '+' : (flags & F_BLANK) ? ' ' : 0;
    size_t total = n + (sign != 0);
    size_t pad = width > 0 && (size_t)width > total ? (size_t)width - total : 0;
    bool finite = isfinite(d);
    if (pad > 0 && !(flags & F_LJUST) && !((flags & F_ZERO) && finite)) {
        sb_append_repeat(sb, ' ', pad);
    }
    if (sign != 0) {
        sb_append_char(sb, sign);
    }
    if (pad > 0 && !(flags & F_LJUST) && (flags & F_ZERO) && finite) {
        sb_append_repeat(sb, '0', pad);
    }
    sb_append(sb, text, n);
    if (pad > 0 && (flags & F_LJUST)) {
        sb_append_repeat(sb, ' ', pad);
    }
    mem_free(heap);
    return 0;
}

/* Append a string conversion result with precision and width. */
static void percent_append_text(StrBuilder *sb, Object *text, int flags, ssize_t width,
                                ssize_t prec) {
    size_t len = str_length(text);
    if (prec >= 0 && (size_t)prec < len) {
        len = (size_t)prec;
    }
    size_t pad = width > 0 && (size_t)width > len ? (size_t)width - len : 0;
    if (pad > 0 && !(flags & F_LJUST)) {
        sb_append_repeat(sb, ' ', pad);
    }
    sb_append(sb, str_utf8(text), str_offset_of(text, len));
    if (pad > 0 && (flags & F_LJUST)) {
        sb_append_repeat(sb, ' ', pad);
    }
}

/* Read the '*' or digits of a width/precision. Returns -1 on error. */
static int percent_number(const char *s, size_t size, size_t *pos, PercentState *st, ssize_t *out,
                          const char *too_big) {
    if (*pos < size && s[*pos] == '*') {
        (*pos)++;
        Object *v = percent_next_arg(st);
        if (v == NULL) {
            return -1;
        }
        if (!int_check(v)) {
            err_set_string(&ExcTypeError, "* wants int");
            return -1;
        }
        return int_to_ssize(v, out) < 0 ? -1 : 1;
    }
    ssize_t v = -1;
    while (*pos < size && s[*pos] >= '0' && s[*pos] <= '9') {
        int d = s[*pos] - '0';
        if (v < 0) {
            v = 0;
        }
        if (v > (SSIZE_MAX - d) / 10) {
            err_set_string(&ExcValueError, too_big);
            return -1;
        }
        v = v * 10 + d;
        (*pos)++;
    }
    *out = v;
    return 0;
}

Object *str_percent_format(Object *fmt, Object *args) {
    const char *s = str_utf8(fmt);
    size_t size = str_size(fmt);
    PercentState st;
    st.args = args;
    if (tuple_check(args)) {
        st.arglen = (ssize_t)tuple_size(args);
        st.argidx = 0;
    } else {
        st.arglen = -1;
        st.argidx = -2;
    }
    st.dict = NULL;
    if (obj_type(args)->getitem != NULL && !tuple_check(args) && !str_check(args)) {
        st.dict = args;
    }
    StrBuilder sb;
    sb_init(&sb);
    size_t pos = 0;
    Object *keyed = NULL; /* the value fetched by %(key) */
    while (pos < size) {
        const char *pct = memchr(s + pos, '%', size - pos);
        if (pct == NULL) {
            sb_append(&sb, s + pos, size - pos);
            break;
        }
        sb_append(&sb, s + pos, (size_t)(pct - (s + pos)));
        pos = (size_t)(pct - s) + 1;
        if (pos < size && s[pos] == '%') {
            sb_append_char(&sb, '%');
            pos++;
            continue;
        }
        bool use_key = false;
        if (pos < size && s[pos] == '(') {
            if (st.dict == NULL) {
                err_set_string(&ExcTypeError, "format requires a mapping");
                goto fail;
            }
            pos++;
            size_t key_start = pos;
            int depth = 1;
            while (pos < size && depth > 0) {
                if (s[pos] == ')') {
                    depth--;
                } else if (s[pos] == '(') {
                    depth++;
                }
                pos++;
            }
            if (depth > 0) {
                err_set_string(&ExcValueError, "incomplete format key");
                goto fail;
            }
            Object *key = str_from_utf8(s + key_start, pos - 1 - key_start);
            if (key == NULL) {
                goto fail;
            }
            keyed = obj_getitem(st.dict, key);
            DECREF(key);
            if (keyed == NULL) {
                goto fail;
            }
            use_key = true;
            st.args = keyed;
            st.arglen = -1;
            st.argidx = -2;
        }
        int flags = 0;
        while (pos < size) {
            char c = s[pos];
            if (c == '-') {
                flags |= F_LJUST;
            } else if (c == '+') {
                flags |= F_SIGN;
            } else if (c == ' ') {
                flags |= F_BLANK;
            } else if (c == '#') {
                flags |= F_ALT;
            } else if (c == '0') {
                flags |= F_ZERO;
            } else {
                break;
            }
            pos++;
        }
        ssize_t width = -1, prec = -1;
        int r = percent_number(s, size, &pos, &st, &width, "width too big");
        if (r < 0) {
            goto fail;
        }
        if (r == 1 && width < 0) {
            flags |= F_LJUST;
            width = -width;
        }
        if (pos < size && s[pos] == '.') {
            pos++;
            r = percent_number(s, size, &pos, &st, &prec, "precision too big");
            if (r < 0) {
                goto fail;
            }
            if (prec < 0) {
                prec = 0;
            }
        }
        if (pos < size && (s[pos] == 'h' || s[pos] == 'l' || s[pos] == 'L')) {
            pos++;
        }
        if (pos >= size) {
            err_set_string(&ExcValueError, "incomplete format");
            goto fail;
        }
        size_t conv_pos = pos;
        uint32_t conv = utf8_next(s, &pos);
        Object *v = percent_next_arg(&st);
        if (v == NULL) {
            goto fail;
        }
        switch (conv) {
            case 's':
            case 'r':
            case 'a': {
                Object *text;
                if (conv == 's' && !is_small_int(v) && v->type == &StrType) {
                    text = NEWREF(v);
                } else {
                    text = conv == 's' ? obj_str(v) : conv == 'r' ? obj_repr(v) : obj_ascii(v);
                }
                if (text == NULL) {
                    goto fail;
                }
                percent_append_text(&sb, text, flags, width, prec);
                DECREF(text);
                break;
            }
            case 'd':
            case 'i':
            case 'u':
            case 'x':
            case 'X':
            case 'o':
                if (percent_format_int(&sb, v, conv == 'i' || conv == 'u' ? 'd' : (char)conv, flags,
                                       width, prec) < 0) {
                    goto fail;
                }
                break;
            case 'e':
            case 'E':
            case 'f':
            case 'F':
            case 'g':
            case 'G':
                if (percent_format_float(&sb, v, (char)conv, flags, width, prec) < 0) {
                    goto fail;
                }
                break;
            case 'c': {
                uint32_t cp;
                if (str_check(v)) {
                    if (str_length(v) != 1) {
                        err_set_string(&ExcTypeError, "%c requires int or char");
                        goto fail;
                    }
                    cp = str_codepoint_at(v, 0);
                } else if (int_check(v)) {
                    int64_t x;
                    if (int_to_i64(v, &x) < 0) {
                        err_clear();
                        x = -1;
                    }
                    if (x < 0 || x > 0x10FFFF) {
                        err_set_string(&ExcOverflowError, "%c arg not in range(0x110000)");
                        goto fail;
                    }
                    cp = (uint32_t)x;
                } else {
                    err_set_string(&ExcTypeError, "%c requires int or char");
                    goto fail;
                }
                char buf[4];
                size_t k = utf8_encode(cp, buf);
                Object *text = str_from_utf8_known(buf, k, 1, cp < 0x80);
                if (text == NULL) {
                    goto fail;
                }
                percent_append_text(&sb, text, flags, width, -1);
                DECREF(text);
                break;
            }
            default: {
                size_t index = str_length(fmt) == size ? conv_pos : 0;
                if (str_length(fmt) != size) {
                    bool ascii;
                    index = utf8_count(s, conv_pos, &ascii);
                }
                err_format(&ExcValueError, "unsupported format character '%c' (0x%x) at index %zu",
                           conv >= 32 && conv <= 126 ? (int)conv : '?', (unsigned)conv, index);
                goto fail;
            }
        }
        if (use_key) {
            /* As CPython: the keyed value is dropped and NOT replaced by the
             * original arguments, so "%(a)s %s" runs out of arguments. */
            CLEAR(keyed);
            st.args = NULL;
        }
    }
    if (st.argidx < st.arglen && st.dict == NULL) {
        err_set_string(&ExcTypeError, "not all arguments converted during string formatting");
        sb_discard(&sb);
        return NULL;
    }
    return sb_finish(&sb);
fail:
    XDECREF(keyed);
    sb_discard(&sb);
    return NULL;
}

/* ================================================================ bytes % args */

/* Append `n` bytes of text with %-style width/precision/left-justify. */
static void bytes_percent_text(StrBuilder *sb, const char *text, size_t n, int flags, ssize_t width,
                               ssize_t prec) {
    if (prec >= 0 && (size_t)prec < n) {
        n = (size_t)prec;
    }
    size_t pad = width > 0 && (size_t)width > n ? (size_t)width - n : 0;
    if (pad > 0 && !(flags & F_LJUST)) {
        sb_append_repeat(sb, ' ', pad);
    }
    sb_append(sb, text, n);
    if (pad > 0 && (flags & F_LJUST)) {
        sb_append_repeat(sb, ' ', pad);
    }
}

Object *bytes_percent_format(Object *fmt, Object *args) {
    const char *s = bytes_data(fmt);
    size_t size = bytes_size(fmt);
    PercentState st;
    st.args = args;
    if (tuple_check(args)) {
        st.arglen = (ssize_t)tuple_size(args);
        st.argidx = 0;
    } else {
        st.arglen = -1;
        st.argidx = -2;
    }
    st.dict = NULL;
    if (obj_type(args)->getitem != NULL && !tuple_check(args) && !bytes_check(args) &&
        !str_check(args)) {
        st.dict = args;
    }
    StrBuilder sb; /* used as a byte buffer */
    sb_init(&sb);
    size_t pos = 0;
    Object *keyed = NULL;
    while (pos < size) {
        const char *pct = memchr(s + pos, '%', size - pos);
        if (pct == NULL) {
            sb_append(&sb, s + pos, size - pos);
            break;
        }
        sb_append(&sb, s + pos, (size_t)(pct - (s + pos)));
        pos = (size_t)(pct - s) + 1;
        if (pos < size && s[pos] == '%') {
            sb_append_char(&sb, '%');
            pos++;
            continue;
        }
        bool use_key = false;
        if (pos < size && s[pos] == '(') {
            if (st.dict == NULL) {
                err_set_string(&ExcTypeError, "format requires a mapping");
                goto fail;
            }
            pos++;
            size_t key_start = pos;
            int depth = 1;
            while (pos < size && depth > 0) {
                depth += s[pos] == '(' ? 1 : s[pos] == ')' ? -1 : 0;
                pos++;
            }
            if (depth > 0) {
                err_set_string(&ExcValueError, "incomplete format key");
                goto fail;
            }
            Object *key = bytes_from_data(s + key_start, pos - 1 - key_start);
            if (key == NULL) {
                goto fail;
            }
            keyed = obj_getitem(st.dict, key);
            DECREF(key);
            if (keyed == NULL) {
                goto fail;
            }
            use_key = true;
            st.args = keyed;
            st.arglen = -1;
            st.argidx = -2;
        }
        int flags = 0;
        while (pos < size && strchr("-+ #0", s[pos]) != NULL && s[pos] != '\0') {
            flags |= s[pos] == '-'   ? F_LJUST
                     : s[pos] == '+' ? F_SIGN
                     : s[pos] == ' ' ? F_BLANK
                     : s[pos] == '#' ? F_ALT
                                     : F_ZERO;
            pos++;
        }
        ssize_t width = -1, prec = -1;
        int r = percent_number(s, size, &pos, &st, &width, "width too big");
        if (r < 0) {
            goto fail;
        }
        if (r == 1 && width < 0) {
            flags |= F_LJUST;
            width = -width;
        }
        if (pos < size && s[pos] == '.') {
            pos++;
            if (percent_number(s, size, &pos, &st, &prec, "precision too big") < 0) {
                goto fail;
            }
            if (prec < 0) {
                prec = 0;
            }
        }
        if (pos < size && (s[pos] == 'h' || s[pos] == 'l' || s[pos] == 'L')) {
            pos++;
        }
        if (pos >= size) {
            err_set_string(&ExcValueError, "incomplete format");
            goto fail;
        }
        unsigned char conv = (unsigned char)s[pos++];
        Object *v = percent_next_arg(&st);
        if (v == NULL) {
            goto fail;
        }
        switch (conv) {
            case 's':
            case 'b':
                if (!bytes_check(v)) {
                    err_format(&ExcTypeError,
                               "%%b requires a bytes-like object, or an object that implements "
                               "__bytes__, not '%.200s'",
                               obj_type_name(v));
                    goto fail;
                }
                bytes_percent_text(&sb, bytes_data(v), bytes_size(v), flags, width, prec);
                break;
            case 'r':
            case 'a': {
                Object *text = obj_ascii(v);
                if (text == NULL) {
                    goto fail;
                }
                bytes_percent_text(&sb, str_utf8(text), str_size(text), flags, width, prec);
                DECREF(text);
                break;
            }
            case 'c': {
                char c;
                if (bytes_check(v) && bytes_size(v) == 1) {
                    c = bytes_data(v)[0];
                } else if (int_check(v)) {
                    int64_t x;
                    if (int_to_i64(v, &x) < 0) {
                        err_clear();
                        x = -1;
                    }
                    if (x < 0 || x > 255) {
                        err_set_string(&ExcOverflowError, "%c arg not in range(256)");
                        goto fail;
                    }
                    c = (char)x;
                } else {
                    err_set_string(&ExcTypeError,
                                   "%c requires an integer in range(256) or a single byte");
                    goto fail;
                }
                bytes_percent_text(&sb, &c, 1, flags, width, -1);
                break;
            }
            case 'd':
            case 'i':
            case 'u':
            case 'x':
            case 'X':
            case 'o':
            case 'e':
            case 'E':
            case 'f':
            case 'F':
            case 'g':
            case 'G': {
                /* Numbers format exactly as in str % args (ASCII output). */
                StrBuilder text;
                sb_init(&text);
                int status;
                if (strchr("diuxXo", conv) != NULL) {
                    status =
                        percent_format_int(&text, v, conv == 'i' || conv == 'u' ? 'd' : (char)conv,
                                           flags, width, prec);
                } else {
                    status = percent_format_float(&text, v, (char)conv, flags, width, prec);
                }
                if (status < 0) {
                    sb_discard(&text);
                    goto fail;
                }
                sb_append(&sb, text.data != NULL ? text.data : "", text.size);
                sb_discard(&text);
                break;
            }
            default:
                err_format(&ExcValueError, "unsupported format character '%c' (0x%x) at index %zu",
                           conv >= 32 && conv <= 126 ? (int)conv : '?', (unsigned)conv, pos - 1);
                goto fail;
        }
        if (use_key) {
            CLEAR(keyed);
            st.args = NULL;
        }
    }
    if (st.argidx < st.arglen && st.dict == NULL) {
        err_set_string(&ExcTypeError, "not all arguments converted during bytes formatting");
        sb_discard(&sb);
        return NULL;
    }
    if (sb.failed) {
        sb_discard(&sb);
        return NULL;
    }
    Object *result = bytes_from_data(sb.data != NULL ? sb.data : "", sb.size);
    sb_discard(&sb);
    return result;
fail:
    XDECREF(keyed);
    sb_discard(&sb);
    return NULL;
}
