/* int_format.c: ints to and from text: repr/str (with CPython 3.11's 4300-digit
 * limit), hex()/oct()/bin(), int(str, base) parsing, and the format-spec
 * mini-language for ints (plus the number layout float formatting shares). */
#include <string.h>

#include "errors.h"
#include "exceptions.h"
#include "float.h"
#include "int.h"
#include "memory.h"
#include "str.h"
#include "unicode_data.h"

#define LIMIT_TO_STR_MESSAGE                                                                       \
    "Exceeds the limit (4300 digits) for integer string conversion; "                             \
    "use sys.set_int_max_str_digits() to increase the limit"

/* ================================================================ int -> text */

/* Write the digits of u in `base` (lowercase, or uppercase when `upper`) to
 * out (at least 65 bytes) and return how many were written. */
static size_t u64_to_digits(uint64_t u, int base, bool upper, char *out) {
    const char *alphabet = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char tmp[64];
    size_t n = 0;
    do {
        tmp[n++] = alphabet[u % (uint64_t)base];
        u /= (uint64_t)base;
    } while (u != 0);
    for (size_t i = 0; i < n; i++) {
        out[i] = tmp[n - 1 - i];
    }
    out[n] = '\0';
    return n;
}

/* The digits of |v| in `base`, as a mem_alloc'ed NUL-terminated string;
 * *len receives its length. For base 10, enforces the 4300-digit limit.
 * NULL with an exception on failure. */
static char *int_abs_digits(Object *v, int base, bool upper, size_t *len) {
    intptr_t i;
    if (int_small_value(v, &i)) {
        char *buf = mem_alloc(66);
        if (buf == NULL) {
            return NULL;
        }
        uint64_t mag = i < 0 ? (uint64_t)0 - (uint64_t)i : (uint64_t)i;
        *len = u64_to_digits(mag, base, upper, buf);
        return buf;
    }
    IntScratch s;
    mpz_srcptr z = int_mpz_view(v, &s);
    size_t estimate = mpz_sizeinbase(z, base);
    if (base == 10 && estimate > INT_MAX_STR_DIGITS + 1) {
        err_set_string(&ExcValueError, LIMIT_TO_STR_MESSAGE);
        return NULL;
    }
    char *buf = mem_alloc(estimate + 2);
    if (buf == NULL) {
        return NULL;
    }
    mpz_t a;
    mpz_init(a);
    mpz_abs(a, z);
    mpz_get_str(buf, upper ? -base : base, a);
    mpz_clear(a);
    *len = strlen(buf);
    if (base == 10 && *len > INT_MAX_STR_DIGITS) {
        mem_free(buf);
        err_set_string(&ExcValueError, LIMIT_TO_STR_MESSAGE);
        return NULL;
    }
    return buf;
}

Object *int_to_decimal_string(Object *v) {
    intptr_t i;
    if (int_small_value(v, &i)) {
        /* The hot path (print(i), str(i)): no allocation but the str. */
        char buf[24];
        char *p = buf + sizeof buf;
        uint64_t mag = i < 0 ? (uint64_t)0 - (uint64_t)i : (uint64_t)i;
        do {
            *--p = (char)('0' + mag % 10);
            mag /= 10;
        } while (mag != 0);
        if (i < 0) {
            *--p = '-';
        }
        return str_from_utf8(p, (size_t)(buf + sizeof buf - p));
    }
    size_t len;
    char *digits = int_abs_digits(v, 10, false, &len);
    if (digits == NULL) {
        return NULL;
    }
    Object *r;
    if (int_sign(v) < 0) {
        StrBuilder sb;
        sb_init(&sb);
        sb_append_char(&sb, '-');
        sb_append(&sb, digits, len);
        r = sb_finish(&sb);
    } else {
        r = str_from_utf8(digits, len);
    }
    mem_free(digits);
    return r;
}

Object *int_to_base_string(Object *v, int base) {
    if (base == 10) {
        return int_to_decimal_string(v);
    }
    const char *prefix = base == 16 ? "0x" : base == 8 ? "0o" : base == 2 ? "0b" : "";
    size_t len;
    char *digits = int_abs_digits(v, base, false, &len);
    if (digits == NULL) {
        return NULL;
    }
    StrBuilder sb;
    sb_init(&sb);
    if (int_sign(v) < 0) {
        sb_append_char(&sb, '-');
    }
    sb_append_cstr(&sb, prefix);
    sb_append(&sb, digits, len);
    mem_free(digits);
    return sb_finish(&sb);
}

/* ================================================================ text -> int */

/* Python's whitespace among ASCII bytes (str.isspace()). */
static bool is_space(unsigned char c) {
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
}

static int digit_value(unsigned char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'z') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'Z') {
        return c - 'A' + 10;
    }
    return 99;
}

/* Raise ValueError "invalid literal for int() with base B: 'text'" (repr of
 * orig, or of s, cut to 200 characters as CPython's %.200R). */
static Object *invalid_literal(const char *s, size_t len, int base, Object *orig) {
    Object *text = orig != NULL ? NEWREF(orig) : str_decode_utf8(s, len);
    if (text == NULL) {
        return NULL;
    }
    Object *repr = obj_repr(text);
    DECREF(text);
    if (repr == NULL) {
        return NULL;
    }
    const char *r = str_utf8(repr);
    size_t size = str_size(repr);
    size_t cut = 0;
    size_t chars = 0;
    while (cut < size && chars < 200) {
        cut++;
        while (cut < size && ((unsigned char)r[cut] & 0xC0) == 0x80) {
            cut++;
        }
        chars++;
    }
    StrBuilder sb;
    sb_init(&sb);
    sb_appendf(&sb, "invalid literal for int() with base %d: ", base);
    sb_append(&sb, r, cut);
    sb_append_char(&sb, '\0');
    DECREF(repr);
    if (!sb.failed) {
        err_set_string(&ExcValueError, sb.data);
    }
    sb_discard(&sb);
    return NULL;
}

/* The value 0-9 of a Unicode decimal digit: Unicode lays every run of
 * decimal digits out contiguously from its zero, in blocks of ten. */
static int unicode_digit_value(uint32_t cp) {
    int count = 0;
    while (cp > 0 && (unicode_props(cp - 1) & UNI_DECIMAL) != 0 && count < 1000) {
        cp--;
        count++;
    }
    return count % 10;
}

char *int_transform_unicode(const char *s, size_t len, size_t *out_len) {
    char *out = mem_alloc(len + 1);
    if (out == NULL) {
        return NULL;
    }
    const unsigned char *p = (const unsigned char *)s;
    const unsigned char *end = p + len;
    size_t k = 0;
    while (p < end) {
        uint32_t cp = *p;
        int extra = cp < 0x80 ? 0 : cp >= 0xF0 ? 3 : cp >= 0xE0 ? 2 : cp >= 0xC0 ? 1 : 0;
        if (extra > 0) {
            cp &= 0x3Fu >> extra;
        }
        p++;
        for (int i = 0; i < extra && p < end; i++, p++) {
            cp = (cp << 6) | (*p & 0x3Fu);
        }
        if (cp < 0x80) {
            out[k++] = (char)cp;
        } else {
            unsigned props = unicode_props(cp);
            if (props & UNI_SPACE) {
                out[k++] = ' ';
            } else if (props & UNI_DECIMAL) {
                out[k++] = (char)('0' + unicode_digit_value(cp));
            } else {
                out[k++] = '?'; /* never valid in a number */
            }
        }
    }
    out[k] = '\0';
    *out_len = k;
    return out;
}

/* Whether s has a byte outside ASCII. */
static bool has_non_ascii(const char *s, size_t len) {
    for (size_t i = 0; i < len; i++) {
        if ((unsigned char)s[i] >= 0x80) {
            return true;
        }
    }
    return false;
}

static Object *int_parse_ascii(const char *s, size_t len, int base, Object *orig);

Object *int_parse(const char *s, size_t len, int base, Object *orig) {
    if (orig != NULL && str_check(orig) && has_non_ascii(s, len)) {
        /* Unicode digits and spaces count, as in CPython: parse an ASCII copy
         * (errors still show the original text). */
        size_t n;
        char *ascii = int_transform_unicode(s, len, &n);
        if (ascii == NULL) {
            return NULL;
        }
        Object *r = int_parse_ascii(ascii, n, base, orig);
        mem_free(ascii);
        return r;
    }
    return int_parse_ascii(s, len, base, orig);
}

/* int_parse for text whose digits are ASCII ('?' marks anything else). */
static Object *int_parse_ascii(const char *s, size_t len, int base, Object *orig) {
    const unsigned char *p = (const unsigned char *)s;
    const unsigned char *end = p + len;
    while (p < end && is_space(*p)) {
        p++;
    }
    while (end > p && is_space(end[-1])) {
        end--;
    }
    bool negative = false;
    if (p < end && (*p == '+' || *p == '-')) {
        negative = *p == '-';
        p++;
    }
    int given_base = base;
    bool prefixed = false;
    if (end - p >= 2 && p[0] == '0') {
        int c = p[1] | 0x20; /* lowercase */
        int prefix_base = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
        if (prefix_base != 0 && (base == 0 || base == prefix_base)) {
            base = prefix_base;
            prefixed = true;
            p += 2;
        }
    }
    bool base0_decimal = base == 0;
    if (base == 0) {
        base = 10;
    }

    /* Collect the digits, checking underscore placement: one at a time,
     * between digits, or right after a base prefix. */
    char small_buf[64];
    char *digits = (size_t)(end - p) < sizeof small_buf ? small_buf : mem_alloc((size_t)(end - p) + 1);
    if (digits == NULL) {
        return NULL;
    }
    size_t n = 0;
    bool last_underscore = false;
    bool ok = true;
    for (; p < end; p++) {
        if (*p == '_') {
            if (last_underscore || (n == 0 && !prefixed)) {
                ok = false;
                break;
            }
            last_underscore = true;
            continue;
        }
        if (digit_value(*p) >= base) {
            ok = false;
            break;
        }
        digits[n++] = (char)*p;
        last_underscore = false;
    }
    digits[n] = '\0';
    if (n == 0 || last_underscore) {
        ok = false;
    }
    if (ok && base0_decimal && digits[0] == '0') {
        /* "010" is not a valid literal in base 0: only zeros may follow a 0 */
        for (size_t i = 1; i < n; i++) {
            if (digits[i] != '0') {
                ok = false;
                break;
            }
        }
    }
    Object *result = NULL;
    if (!ok) {
        invalid_literal(s, len, given_base, orig);
    } else if ((base & (base - 1)) != 0 && n > INT_MAX_STR_DIGITS) {
        err_format(&ExcValueError,
                   "Exceeds the limit (4300 digits) for integer string conversion: value has %zu "
                   "digits; use sys.set_int_max_str_digits() to increase the limit",
                   n);
    } else if (n <= 12) {
        /* 36**12 < 2**63: accumulate in a machine word. */
        int64_t value = 0;
        for (size_t i = 0; i < n; i++) {
            value = value * base + digit_value((unsigned char)digits[i]);
        }
        result = int_from_i64(negative ? -value : value);
    } else {
        mpz_t z;
        mpz_init(z);
        mpz_set_str(z, digits, base);
        if (negative) {
            mpz_neg(z, z);
        }
        result = int_from_mpz_steal(z);
    }
    if (digits != small_buf) {
        mem_free(digits);
    }
    return result;
}

Object *int_from_string(const char *s, size_t len, int base) {
    return int_parse(s, len, base, NULL);
}

/* ================================================================ layout */

static void append_fill(StrBuilder *sb, uint32_t fill, ssize_t count) {
    for (ssize_t i = 0; i < count; i++) {
        if (fill < 0x80) {
            sb_append_char(sb, (char)fill);
        } else {
            sb_append_codepoint(sb, fill);
        }
    }
}

/* Code points in a UTF-8 string. */
static size_t utf8_length(const char *s) {
    size_t n = 0;
    for (; *s != '\0'; s++) {
        if (((unsigned char)*s & 0xC0) != 0x80) {
            n++;
        }
    }
    return n;
}

void int_format_layout(struct StrBuilder *sb, const struct FormatSpec *spec, char sign,
                       const char *prefix, const char *digits, size_t ndigits, const char *rest,
                       int group) {
    uint32_t fill = spec->fill == 0 ? ' ' : spec->fill;
    char align = spec->align;
    if (spec->zero_pad) {
        /* '0' before the width: zero fill, sign-aware unless aligned explicitly */
        if (fill == ' ') {
            fill = '0';
        }
        if (align == 0) {
            align = '=';
        }
    }
    if (align == 0) {
        align = '>';
    }
    char separator = group > 0 ? spec->grouping : 0;
    ssize_t width = spec->width;
    ssize_t lead = (sign != 0 ? 1 : 0) + (ssize_t)strlen(prefix);
    ssize_t rest_len = (ssize_t)utf8_length(rest);

    /* Zero padding after the sign is part of the digits, so it gets grouped. */
    ssize_t min_digits = 0;
    if (fill == '0' && align == '=' && width > 0) {
        min_digits = width - lead - rest_len;
    }
    ssize_t total_digits = (ssize_t)ndigits;
    if (separator != 0) {
        while (total_digits + (total_digits > 0 ? (total_digits - 1) / group : 0) < min_digits) {
            total_digits++;
        }
    } else if (total_digits < min_digits) {
        total_digits = min_digits;
    }
    ssize_t grouped_len =
        total_digits + (separator != 0 && total_digits > 0 ? (total_digits - 1) / group : 0);
    ssize_t body = lead + grouped_len + rest_len;
    ssize_t pad = width > body ? width - body : 0;

    ssize_t left = 0, right = 0;
    if (align == '<') {
        right = pad;
    } else if (align == '^') {
        left = pad / 2;
        right = pad - left;
    } else if (align == '>') {
        left = pad;
    }
    append_fill(sb, fill, left);
    if (sign != 0) {
        sb_append_char(sb, sign);
    }
    sb_append_cstr(sb, prefix);
    if (align == '=') {
        append_fill(sb, fill, pad);
    }
    /* digits, with leading zeros up to total_digits, grouped from the right */
    for (ssize_t i = 0; i < total_digits; i++) {
        ssize_t from_right = total_digits - i; /* digits left including this one */
        if (separator != 0 && i > 0 && from_right % group == 0) {
            sb_append_char(sb, separator);
        }
        ssize_t k = i - (total_digits - (ssize_t)ndigits);
        sb_append_char(sb, k < 0 ? '0' : digits[k]);
    }
    sb_append_cstr(sb, rest);
    append_fill(sb, fill, right);
}

/* ================================================================ int.__format__ */

int int_format_check_grouping(const struct FormatSpec *spec, char type) {
    if (spec->grouping == 0) {
        return 0;
    }
    switch (type) {
    case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
        return 3;
    case 'b': case 'o': case 'x': case 'X':
        if (spec->grouping == '_') {
            return 4; /* every four digits in bin/oct/hex */
        }
        break;
    default:
        break;
    }
    if (type > ' ' && type < 0x7f) {
        err_format(&ExcValueError, "Cannot specify '%c' with '%c'.", spec->grouping, type);
    } else {
        err_format(&ExcValueError, "Cannot specify '%c' with '\\x%x'.", spec->grouping,
                   (unsigned)(unsigned char)type);
    }
    return -1;
}

Object *int_format(Object *v, Object *spec_str) {
    if (str_size(spec_str) == 0) {
        return obj_str(v);
    }
    FormatSpec spec;
    if (format_spec_parse_ex(spec_str, &spec, obj_type_name(v), 'd', '>') < 0) {
        return NULL;
    }
    char type = spec.type;
    int group = int_format_check_grouping(&spec, type);
    if (group < 0) {
        return NULL;
    }
    switch (type) {
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
        double d = int_to_double(v);
        if (d == -1.0 && err_occurred()) {
            return NULL;
        }
        Object *f = float_new(d);
        if (f == NULL) {
            return NULL;
        }
        Object *r = float_format(f, spec_str);
        DECREF(f);
        return r;
    }
    case 0: case 'd': case 'n': case 'b': case 'o': case 'x': case 'X': case 'c':
        break;
    default:
        return format_spec_unknown_code(&spec, obj_type_name(v));
    }
    if (spec.precision != -1) {
        err_set_string(&ExcValueError, "Precision not allowed in integer format specifier");
        return NULL;
    }
    if (spec.no_neg_zero) {
        err_set_string(&ExcValueError,
                       "Negative zero coercion (z) not allowed in integer format specifier");
        return NULL;
    }
    if (type == 'c') {
        if (spec.sign != 0) {
            err_set_string(&ExcValueError, "Sign not allowed with integer format specifier 'c'");
            return NULL;
        }
        if (spec.alternate) {
            err_set_string(&ExcValueError,
                           "Alternate form (#) not allowed with integer format specifier 'c'");
            return NULL;
        }
        int64_t cp;
        if (int_to_i64(v, &cp) < 0) {
            return NULL; /* "Python int too large to convert to C long", as CPython */
        }
        if (cp < 0 || cp > 0x10ffff) {
            err_set_string(&ExcOverflowError, "%c arg not in range(0x110000)");
            return NULL;
        }
        if (cp == 0) {
            /* U+0000 cannot travel in the NUL-terminated `rest`: pass it as a digit */
            StrBuilder sb;
            sb_init(&sb);
            int_format_layout(&sb, &spec, 0, "", "\0", 1, "", 0);
            return sb_finish(&sb);
        }
        StrBuilder sb, ch;
        sb_init(&sb);
        sb_init(&ch);
        sb_append_codepoint(&ch, (uint32_t)cp);
        sb_append_char(&ch, '\0');
        if (!ch.failed) {
            int_format_layout(&sb, &spec, 0, "", "", 0, ch.data, 0);
        }
        sb_discard(&ch);
        return sb_finish(&sb);
    }
    int base = 10;
    const char *prefix = "";
    switch (type) {
    case 'b':
        base = 2;
        prefix = "0b";
        break;
    case 'o':
        base = 8;
        prefix = "0o";
        break;
    case 'x':
        base = 16;
        prefix = "0x";
        break;
    case 'X':
        base = 16;
        prefix = "0X";
        break;
    default:
        break;
    }
    if (!spec.alternate) {
        prefix = "";
    }
    size_t ndigits;
    char *digits = int_abs_digits(v, base, type == 'X', &ndigits);
    if (digits == NULL) {
        return NULL;
    }
    char sign = 0;
    if (int_sign(v) < 0) {
        sign = '-';
    } else if (spec.sign == '+' || spec.sign == ' ') {
        sign = spec.sign;
    }
    StrBuilder sb;
    sb_init(&sb);
    int_format_layout(&sb, &spec, sign, prefix, digits, ndigits, "", group);
    mem_free(digits);
    return sb_finish(&sb);
}
