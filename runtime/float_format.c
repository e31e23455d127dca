/* float_format.c: floats to and from text: the shortest round-trip repr,
 * float(str) parsing, float.__format__, round(x, n), float.hex/fromhex.
 * glibc's printf and strtod are exact (correctly rounded), so the digit
 * generation below leans on them and only decides the layout. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "errors.h"
#include "exceptions.h"
#include "float.h"
#include "int.h"
#include "memory.h"
#include "str.h"

/* ================================================================ digits */

/* Decimal digits of x (finite, > 0) rounded to `precision` significant
 * digits: writes them (no dot, NUL-terminated) to digits (precision + 1
 * bytes), sets *exp10 so that x ~= d.ddd * 10**exp10. -1 on MemoryError. */
static int rounded_digits(double x, int precision, char *digits, int *exp10) {
    size_t size = (size_t)precision + 32;
    char small[64];
    char *buf = size <= sizeof small ? small : mem_alloc(size);
    if (buf == NULL) {
        return -1;
    }
    snprintf(buf, size, "%.*e", precision - 1, x);
    size_t n = 0;
    const char *p = buf;
    for (; *p != 'e'; p++) {
        if (*p != '.') {
            digits[n++] = *p;
        }
    }
    digits[n] = '\0';
    *exp10 = atoi(p + 1);
    if (buf != small) {
        mem_free(buf);
    }
    return 0;
}

/* Round the n-digit decimal string src (value s.sss * 10**exp10) to p < n
 * digits into out, adjusting *exp10 on carry. Returns false when the dropped
 * digits are exactly "50...0": src is itself rounded, so the true value may
 * lie on either side of that tie and only the exact digits can decide. */
static bool round_digit_string(const char *src, int n, int p, char *out, int *exp10) {
    int first = src[p];
    bool rest_zero = true;
    for (int i = p + 1; i < n; i++) {
        if (src[i] != '0') {
            rest_zero = false;
        }
    }
    if (first == '5' && rest_zero) {
        return false;
    }
    memcpy(out, src, (size_t)p);
    out[p] = '\0';
    if (first >= '5') {
        int i = p - 1;
        while (i >= 0 && out[i] == '9') {
            out[i--] = '0';
        }
        if (i >= 0) {
            out[i]++;
        } else {
            out[0] = '1'; /* 99..9 rounded up: 100..0 one decade higher */
            (*exp10)++;
        }
    }
    return true;
}

/* Does the decimal digits * 10**exp10 (d.ddd form) read back as x? */
static bool reads_back(const char *digits, int exp10, double x) {
    char buf[48];
    snprintf(buf, sizeof buf, "%c.%se%d", digits[0], digits + 1, exp10);
    return strtod(buf, NULL) == x;
}

/* The shortest digits that read back as x (finite, > 0), the nearest such
 * when several qualify (what CPython's repr uses). Returns the number of
 * digits; digits needs 18 bytes. A decimal of at most 15 digits always
 * survives the trip through a double, so if the 15-digit rounding reads back
 * as x, the shortest form is it without trailing zeros; otherwise try 16, and
 * 17 digits always work. The 15- and 16-digit roundings are derived from the
 * exact 17-digit one printf gives, so one printf call usually suffices. */
static int shortest_digits(double x, char *digits, int *exp10) {
    int n;
    if (x < 2.2250738585072014e-308) {
        /* Subnormals carry fewer bits, so even short decimals may not
         * survive: search from one digit up for them. */
        char buf[40];
        int precision = 1;
        for (; precision < 17; precision++) {
            snprintf(buf, sizeof buf, "%.*e", precision - 1, x);
            if (strtod(buf, NULL) == x) {
                break;
            }
        }
        (void)rounded_digits(x, precision, digits, exp10); /* <= 17 digits: no allocation */
        n = (int)strlen(digits);
    } else {
        char all[24];
        int all_exp;
        (void)rounded_digits(x, 17, all, &all_exp);
        n = 17;
        memcpy(digits, all, 18);
        *exp10 = all_exp;
        for (int p = 15; p <= 16; p++) {
            char candidate[24];
            int cexp = all_exp;
            if (!round_digit_string(all, 17, p, candidate, &cexp)) {
                (void)rounded_digits(x, p, candidate, &cexp);
            }
            bool ok = reads_back(candidate, cexp, x);
            if (!ok && p == 16 && frexp(x, &(int){0}) == 0.5) {
                /* A power of two has a rounding interval twice as wide above
                 * it as below, so the next decimal up may read back although
                 * the nearest (below) does not. */
                int i = p - 1;
                while (i >= 0 && candidate[i] == '9') {
                    candidate[i--] = '0';
                }
                if (i >= 0) {
                    candidate[i]++;
                    ok = reads_back(candidate, cexp, x);
                }
            }
            if (ok) {
                memcpy(digits, candidate, (size_t)p + 1);
                *exp10 = cexp;
                n = p;
                break;
            }
        }
    }
    while (n > 1 && digits[n - 1] == '0') {
        n--;
    }
    digits[n] = '\0';
    return n;
}

/* Lay out digits (n of them, value d.ddd * 10**exp10) into out:
 * scientific ("1.5e+16") or fixed ("0.0015", "123.0").
 * force_dot: always show the point ('#'); add_dot_0: append ".0" to
 * integral fixed results. Returns the length. out must be large enough
 * (n + |exp10| + 16). */
static size_t layout_digits(const char *digits, int n, int exp10, bool scientific, bool force_dot,
                            bool add_dot_0, char e_char, char *out) {
    size_t k = 0;
    if (scientific) {
        out[k++] = digits[0];
        if (n > 1 || force_dot) {
            out[k++] = '.';
        }
        for (int i = 1; i < n; i++) {
            out[k++] = digits[i];
        }
        k += (size_t)sprintf(out + k, "%c%c%02d", e_char, exp10 < 0 ? '-' : '+',
                             exp10 < 0 ? -exp10 : exp10);
        return k;
    }
    int decpt = exp10 + 1;
    if (decpt <= 0) {
        out[k++] = '0';
        out[k++] = '.';
        for (int i = 0; i < -decpt; i++) {
            out[k++] = '0';
        }
        for (int i = 0; i < n; i++) {
            out[k++] = digits[i];
        }
    } else if (decpt >= n) {
        for (int i = 0; i < n; i++) {
            out[k++] = digits[i];
        }
        for (int i = n; i < decpt; i++) {
            out[k++] = '0';
        }
        if (add_dot_0) {
            out[k++] = '.';
            out[k++] = '0';
        } else if (force_dot) {
            out[k++] = '.';
        }
    } else {
        for (int i = 0; i < n; i++) {
            if (i == decpt) {
                out[k++] = '.';
            }
            out[k++] = digits[i];
        }
    }
    out[k] = '\0';
    return k;
}

size_t float_repr_buf(double d, char *buf) {
    if (isnan(d)) {
        strcpy(buf, "nan");
        return 3;
    }
    if (isinf(d)) {
        strcpy(buf, d > 0 ? "inf" : "-inf");
        return d > 0 ? 3 : 4;
    }
    size_t k = 0;
    if (signbit(d)) {
        buf[k++] = '-';
        d = -d;
    }
    if (d == 0.0) {
        strcpy(buf + k, "0.0");
        return k + 3;
    }
    char digits[24];
    int exp10;
    int n = shortest_digits(d, digits, &exp10);
    /* CPython's float_repr_style 'short': scientific below 1e-4 and from 1e16 */
    bool scientific = exp10 < -4 || exp10 >= 16;
    return k + layout_digits(digits, n, exp10, scientific, false, true, 'e', buf + k);
}

/* ================================================================ text -> float */

static bool is_space(unsigned char c) {
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
}

static bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

/* Case-insensitive match of [p, end) against the lowercase word. */
static bool matches_word(const unsigned char *p, const unsigned char *end, const char *word) {
    size_t n = strlen(word);
    if ((size_t)(end - p) != n) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        if ((p[i] | 0x20) != (unsigned char)word[i]) {
            return false;
        }
    }
    return true;
}

/* Copy a run of digits with single underscores between digits into out;
 * returns the number of digits, or -1 for a misplaced underscore. */
static long copy_digit_run(const unsigned char **pp, const unsigned char *end, char *out,
                           size_t *k) {
    const unsigned char *p = *pp;
    long n = 0;
    while (p < end) {
        if (is_digit(*p)) {
            out[(*k)++] = (char)*p++;
            n++;
        } else if (*p == '_' && n > 0 && p + 1 < end && is_digit(p[1])) {
            p++;
        } else {
            break;
        }
    }
    if (p < end && *p == '_') {
        return -1;
    }
    *pp = p;
    return n;
}

/* Parse [s, s+len) as a Python float literal (after stripping). Returns 0 and
 * sets *out, or -1 when the text is not a float (no exception set). */
static int parse_float_text(const char *s, size_t len, double *out) {
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
    if (matches_word(p, end, "inf") || matches_word(p, end, "infinity")) {
        *out = negative ? -HUGE_VAL : HUGE_VAL;
        return 0;
    }
    if (matches_word(p, end, "nan")) {
        *out = negative ? -NAN : NAN;
        return 0;
    }
    char small[128];
    size_t cap = (size_t)(end - p) + 2;
    char *clean = cap <= sizeof small ? small : mem_alloc(cap);
    if (clean == NULL) {
        return -1;
    }
    size_t k = 0;
    int result = -1;
    long int_digits = copy_digit_run(&p, end, clean, &k);
    long frac_digits = 0;
    if (int_digits < 0) {
        goto done;
    }
    if (p < end && *p == '.') {
        clean[k++] = *p++;
        frac_digits = copy_digit_run(&p, end, clean, &k);
        if (frac_digits < 0) {
            goto done;
        }
    }
    if (int_digits + frac_digits == 0) {
        goto done;
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
        clean[k++] = 'e';
        p++;
        if (p < end && (*p == '+' || *p == '-')) {
            clean[k++] = (char)*p++;
        }
        if (copy_digit_run(&p, end, clean, &k) <= 0) {
            goto done;
        }
    }
    if (p != end) {
        goto done;
    }
    clean[k] = '\0';
    double v = strtod(clean, NULL); /* overflow gives inf, as CPython */
    *out = negative ? -v : v;
    result = 0;
done:
    if (clean != small) {
        mem_free(clean);
    }
    return result;
}

Object *float_parse(const char *s, size_t len, Object *orig) {
    double v;
    if (parse_float_text(s, len, &v) == 0) {
        return float_new(v);
    }
    if (orig != NULL && str_check(orig)) {
        /* Unicode digits and spaces count, as in CPython: retry on an ASCII copy. */
        size_t n;
        char *ascii = int_transform_unicode(s, len, &n);
        if (ascii == NULL) {
            return NULL;
        }
        int status = (n != len || memcmp(ascii, s, len) != 0) ? parse_float_text(ascii, n, &v) : -1;
        mem_free(ascii);
        if (status == 0) {
            return float_new(v);
        }
    }
    Object *text = orig != NULL ? NEWREF(orig) : str_decode_utf8(s, len);
    if (text == NULL) {
        return NULL;
    }
    err_format(&ExcValueError, "could not convert string to float: %R", text);
    DECREF(text);
    return NULL;
}

Object *float_from_string(const char *s, size_t len) { return float_parse(s, len, NULL); }

/* ================================================================ float.__format__ */

/* Format |x| (x finite) per type/precision into a new malloc'ed string.
 * type: 'e' 'f' 'g' (lowercase; upper handled by the caller), 'r' (repr-like,
 * the empty type without precision), 'G' is never passed. `empty_type` marks
 * the spec with no type letter (like 'g', but ".0" added and scientific from
 * exp >= precision - 1). */
static char *format_abs(double x, char type, int precision, bool alt, bool empty_type) {
    if (type == 'f') {
        size_t size = (size_t)precision + 330;
        char *buf = mem_alloc(size);
        if (buf != NULL) {
            snprintf(buf, size, alt ? "%#.*f" : "%.*f", precision, x);
        }
        return buf;
    }
    if (type == 'e') {
        size_t size = (size_t)precision + 32;
        char *buf = mem_alloc(size);
        if (buf != NULL) {
            snprintf(buf, size, alt ? "%#.*e" : "%.*e", precision, x);
        }
        return buf;
    }
    /* 'g' and 'r': decide the layout from the digits ourselves */
    int n, exp10;
    char *digits = mem_alloc((size_t)precision + 32);
    if (digits == NULL) {
        return NULL;
    }
    bool scientific;
    if (x == 0.0) {
        int p = type == 'r' ? 1 : precision;
        memset(digits, '0', (size_t)p);
        digits[p] = '\0';
        n = p;
        exp10 = 0;
    } else if (type == 'r') {
        n = shortest_digits(x, digits, &exp10);
    } else {
        if (rounded_digits(x, precision, digits, &exp10) < 0) {
            mem_free(digits);
            return NULL;
        }
        n = precision;
    }
    if (type == 'r') {
        scientific = exp10 < -4 || exp10 >= 16;
    } else if (empty_type) {
        scientific = exp10 < -4 || exp10 >= precision - 1;
    } else {
        scientific = exp10 < -4 || exp10 >= precision;
    }
    if (!alt || type == 'r') {
        while (n > 1 && digits[n - 1] == '0') {
            n--; /* 'g' drops trailing zeros unless '#' */
        }
    }
    char *out = mem_alloc((size_t)n + (size_t)(exp10 < 0 ? -exp10 : exp10) + 32);
    if (out != NULL) {
        layout_digits(digits, n, exp10, scientific, alt, empty_type || type == 'r', 'e', out);
    }
    mem_free(digits);
    return out;
}

Object *float_format(Object *v, Object *spec_str) {
    if (str_size(spec_str) == 0) {
        return obj_str(v);
    }
    FormatSpec spec;
    if (format_spec_parse_ex(spec_str, &spec, obj_type_name(v), 0, '>') < 0) {
        return NULL;
    }
    char type = spec.type;
    int group = int_format_check_grouping(&spec, type);
    if (group < 0) {
        return NULL;
    }
    bool upper = false;
    bool percent = false;
    bool empty_type = false;
    if (spec.precision > 2147483647) {
        err_set_string(&ExcValueError, "precision too big");
        return NULL;
    }
    int precision = spec.precision < 0 ? 6 : (int)spec.precision;
    char kind;
    switch (type) {
    case 'E': case 'F': case 'G':
        upper = true;
        kind = (char)(type + ('a' - 'A'));
        break;
    case 'e': case 'f': case 'g':
        kind = type;
        break;
    case 'n':
        kind = 'g';
        break;
    case '%':
        kind = 'f';
        percent = true;
        break;
    case 0:
        empty_type = true;
        kind = spec.precision < 0 ? 'r' : 'g';
        break;
    default:
        return format_spec_unknown_code(&spec, obj_type_name(v));
    }
    if (kind == 'g' && precision == 0) {
        precision = 1;
    }
    double x = float_value(v);
    if (percent) {
        x *= 100.0;
    }
    char sign = 0;
    if (signbit(x) && !isnan(x)) {
        sign = '-';
    } else if (spec.sign == '+' || spec.sign == ' ') {
        sign = spec.sign;
    }
    char *body;
    if (!isfinite(x)) {
        body = mem_alloc(8);
        if (body != NULL) {
            strcpy(body, isnan(x) ? "nan" : "inf");
        }
        group = 0; /* CPython pads "inf" with plain zeros */
    } else {
        body = format_abs(fabs(x), kind, precision, spec.alternate, empty_type);
    }
    if (body == NULL) {
        return NULL; /* MemoryError set by mem_alloc */
    }
    if (upper) {
        for (char *q = body; *q != '\0'; q++) {
            if (*q >= 'a' && *q <= 'z') {
                *q = (char)(*q - ('a' - 'A'));
            }
        }
    }
    if (spec.no_neg_zero && sign == '-' && isfinite(x)) {
        /* 'z': a result that rounded to zero loses its minus sign */
        bool zero = true;
        for (const char *q = body; *q != '\0' && *q != 'e' && *q != 'E'; q++) {
            if (*q != '0' && *q != '.') {
                zero = false;
                break;
            }
        }
        if (zero) {
            sign = spec.sign == '+' || spec.sign == ' ' ? spec.sign : 0;
        }
    }
    size_t ndigits = 0;
    while (body[ndigits] >= '0' && body[ndigits] <= '9') {
        ndigits++;
    }
    StrBuilder rest;
    sb_init(&rest);
    sb_append_cstr(&rest, body + ndigits);
    if (percent) {
        sb_append_char(&rest, '%');
    }
    sb_append_char(&rest, '\0');
    StrBuilder sb;
    sb_init(&sb);
    if (!rest.failed) {
        body[ndigits] = '\0';
        int_format_layout(&sb, &spec, sign, "", body, ndigits, rest.data, group);
    }
    sb_discard(&rest);
    mem_free(body);
    return sb_finish(&sb);
}

/* ================================================================ round */

/* Round x to a multiple of 10**k (k >= 1), halves to even, exactly. */
static Object *round_to_power_of_ten(double x, long k) {
    double ax = fabs(x);
    double ip = floor(ax);
    double frac = ax - ip; /* exact */
    mpz_t i, p, q, r, half;
    mpz_inits(i, p, q, r, half, NULL);
    mpz_set_d(i, ip);
    mpz_ui_pow_ui(p, 10, (unsigned long)k);
    mpz_tdiv_qr(q, r, i, p);
    mpz_tdiv_q_2exp(half, p, 1); /* 10**k is even */
    int c = mpz_cmp(r, half);
    if (c > 0 || (c == 0 && (frac > 0.0 || mpz_odd_p(q)))) {
        mpz_add_ui(q, q, 1);
    }
    mpz_mul(q, q, p);
    double d = int_mpz_scaled_to_double(q, 0);
    mpz_clears(i, p, q, r, half, NULL);
    if (isinf(d)) {
        err_set_string(&ExcOverflowError, "rounded value too large to represent");
        return NULL;
    }
    return float_new(copysign(d, x));
}

Object *float_round(double x, Object *ndigits) {
    if (ndigits == NULL || ndigits == None) {
        /* round(x): nearest int, halves to even */
        double rounded = round(x);
        if (fabs(x - rounded) == 0.5) {
            rounded = 2.0 * round(x / 2.0);
        }
        return int_from_double(rounded);
    }
    Object *nd = obj_index(ndigits);
    if (nd == NULL) {
        return NULL;
    }
    /* Clamp like PyNumber_AsSsize_t(o, NULL): only the sign of huge values matters. */
    long n;
    int64_t n64;
    if (int_to_i64(nd, &n64) < 0) {
        err_clear();
        n = int_sign(nd) < 0 ? -100000 : 100000;
    } else {
        n = n64 > 100000 ? 100000 : n64 < -100000 ? -100000 : (long)n64;
    }
    DECREF(nd);
    if (!isfinite(x) || x == 0.0) {
        return float_new(x);
    }
    /* Beyond these every double is already rounded (or rounds to zero). */
    if (n > 323) {
        return float_new(x);
    }
    if (n < -308) {
        return float_new(0.0 * x);
    }
    if (n < 0) {
        return round_to_power_of_ten(x, -n);
    }
    /* printf rounds the exact binary value half-to-even; strtod reads back. */
    char buf[700];
    snprintf(buf, sizeof buf, "%.*f", (int)n, x);
    double r = strtod(buf, NULL);
    if (isinf(r)) {
        err_set_string(&ExcOverflowError, "rounded value too large to represent");
        return NULL;
    }
    return float_new(r);
}

/* ================================================================ hex */

Object *float_hex(double x) {
    char buf[64];
    if (!isfinite(x)) {
        float_repr_buf(x, buf);
        return str_from_cstr(buf);
    }
    if (x == 0.0) {
        return str_from_cstr(signbit(x) ? "-0x0.0p+0" : "0x0.0p+0");
    }
    int e;
    double m = frexp(fabs(x), &e);
    int shift = 1 - ((-1021) - e > 0 ? (-1021) - e : 0);
    m = ldexp(m, shift);
    e -= shift;
    const char *hexdigits = "0123456789abcdef";
    char s[32];
    int si = 0;
    s[si++] = hexdigits[(int)m];
    m -= (int)m;
    s[si++] = '.';
    for (int i = 0; i < (53 - 1) / 4; i++) {
        m *= 16.0;
        s[si++] = hexdigits[(int)m];
        m -= (int)m;
    }
    s[si] = '\0';
    snprintf(buf, sizeof buf, "%s0x%sp%c%d", x < 0 ? "-" : "", s, e < 0 ? '-' : '+',
             e < 0 ? -e : e);
    return str_from_cstr(buf);
}

static int hex_value(unsigned char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    c |= 0x20;
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    return -1;
}

Object *float_fromhex(const char *s, size_t len) {
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
    if (matches_word(p, end, "inf") || matches_word(p, end, "infinity")) {
        return float_new(negative ? -HUGE_VAL : HUGE_VAL);
    }
    if (matches_word(p, end, "nan")) {
        return float_new(negative ? -NAN : NAN);
    }
    if (end - p >= 2 && p[0] == '0' && (p[1] | 0x20) == 'x') {
        p += 2;
    }
    mpz_t m;
    mpz_init(m);
    long ndigits = 0, frac_digits = 0;
    bool seen_dot = false;
    for (; p < end; p++) {
        if (*p == '.' && !seen_dot) {
            seen_dot = true;
            continue;
        }
        int h = hex_value(*p);
        if (h < 0) {
            break;
        }
        mpz_mul_2exp(m, m, 4);
        mpz_add_ui(m, m, (unsigned long)h);
        ndigits++;
        if (seen_dot) {
            frac_digits++;
        }
    }
    long exp2 = 0;
    bool ok = ndigits > 0;
    if (ok && p < end && (*p | 0x20) == 'p') {
        p++;
        bool eneg = false;
        if (p < end && (*p == '+' || *p == '-')) {
            eneg = *p == '-';
            p++;
        }
        if (p >= end || !is_digit(*p)) {
            ok = false;
        }
        for (; p < end && is_digit(*p); p++) {
            if (exp2 < 100000000) {
                exp2 = exp2 * 10 + (*p - '0');
            }
        }
        if (eneg) {
            exp2 = -exp2;
        }
    }
    if (!ok || p != end) {
        mpz_clear(m);
        err_set_string(&ExcValueError, "invalid hexadecimal floating-point string");
        return NULL;
    }
    double d = int_mpz_scaled_to_double(m, exp2 - 4 * frac_digits);
    mpz_clear(m);
    if (isinf(d)) {
        err_set_string(&ExcOverflowError, "hexadecimal value too large to represent as a float");
        return NULL;
    }
    return float_new(negative ? -d : d);
}
