/* strbuilder.c: StrBuilder, the growable UTF-8 buffer every part of gilpy uses
 * to build strings, and str_from_format (printf plus %R %S %T %U), on which
 * err_format is built. */
#include <stdio.h>
#include <string.h>

#include "errors.h"
#include "memory.h"
#include "str_internal.h"

/* ================================================================ the builder */

void sb_init(StrBuilder *sb) {
    sb->data = NULL;
    sb->size = 0;
    sb->capacity = 0;
    sb->failed = false;
}

/* Grow so that n more bytes (plus a NUL) fit. Capacity doubles, so appending
 * in a loop costs amortised O(1) per byte. Returns false after a failure. */
static bool sb_grow(StrBuilder *sb, size_t n) {
    if (sb->failed) {
        return false;
    }
    size_t need = sb->size + n + 1;
    if (need < sb->size) {
        sb->failed = true;
        err_no_memory();
        return false;
    }
    size_t cap = sb->capacity < 64 ? 64 : sb->capacity;
    while (cap < need) {
        cap *= 2;
    }
    char *p = mem_realloc(sb->data, cap);
    if (p == NULL) {
        sb->failed = true;
        return false;
    }
    sb->data = p;
    sb->capacity = cap;
    return true;
}

char *sb_reserve(StrBuilder *sb, size_t n) {
    if (sb->size + n + 1 > sb->capacity && !sb_grow(sb, n)) {
        return NULL;
    }
    return sb->data + sb->size;
}

void sb_append(StrBuilder *sb, const char *s, size_t n) {
    if (sb->size + n + 1 > sb->capacity && !sb_grow(sb, n)) {
        return;
    }
    memcpy(sb->data + sb->size, s, n);
    sb->size += n;
}

void sb_append_cstr(StrBuilder *sb, const char *s) {
    sb_append(sb, s, strlen(s));
}

void sb_append_char(StrBuilder *sb, char c) {
    if (sb->size + 2 > sb->capacity && !sb_grow(sb, 1)) {
        return;
    }
    sb->data[sb->size++] = c;
}

void sb_append_codepoint(StrBuilder *sb, uint32_t cp) {
    if (cp < 0x80) {
        sb_append_char(sb, (char)cp);
        return;
    }
    char buf[4];
    sb_append(sb, buf, utf8_encode(cp, buf));
}

void sb_append_repeat(StrBuilder *sb, uint32_t cp, size_t n) {
    char buf[4];
    size_t k = utf8_encode(cp, buf);
    char *p = sb_reserve(sb, n * k);
    if (p == NULL) {
        return;
    }
    if (k == 1) {
        memset(p, buf[0], n);
    } else {
        for (size_t i = 0; i < n; i++) {
            memcpy(p + i * k, buf, k);
        }
    }
    sb_commit(sb, n * k);
}

void sb_append_str(StrBuilder *sb, Object *str) {
    sb_append(sb, str_utf8(str), str_size(str));
}

/* Append a printf-formatted text (vsnprintf straight into the buffer). */
static void sb_vappendf(StrBuilder *sb, const char *fmt, va_list ap) {
    va_list ap2;
    va_copy(ap2, ap);
    char small[128];
    int n = vsnprintf(small, sizeof small, fmt, ap2);
    va_end(ap2);
    if (n < 0) {
        return;
    }
    if ((size_t)n < sizeof small) {
        sb_append(sb, small, (size_t)n);
        return;
    }
    char *p = sb_reserve(sb, (size_t)n);
    if (p == NULL) {
        return;
    }
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    sb_commit(sb, (size_t)n);
}

void sb_appendf(StrBuilder *sb, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    sb_vappendf(sb, fmt, ap);
    va_end(ap);
}

int sb_append_repr(StrBuilder *sb, Object *v) {
    if (!is_small_int(v) && v->type == &StrType) {
        str_repr_into(sb, v, false);
        return sb->failed ? -1 : 0;
    }
    Object *r = obj_repr(v);
    if (r == NULL) {
        return -1;
    }
    sb_append_str(sb, r);
    DECREF(r);
    return sb->failed ? -1 : 0;
}

int sb_append_strof(StrBuilder *sb, Object *v) {
    if (!is_small_int(v) && v->type == &StrType) {
        sb_append_str(sb, v);
        return sb->failed ? -1 : 0;
    }
    Object *r = obj_str(v);
    if (r == NULL) {
        return -1;
    }
    sb_append_str(sb, r);
    DECREF(r);
    return sb->failed ? -1 : 0;
}

Object *sb_finish(StrBuilder *sb) {
    if (sb->failed) {
        sb_discard(sb);
        return NULL;
    }
    bool ascii;
    size_t length = utf8_count(sb->data, sb->size, &ascii);
    Object *r = str_from_utf8_known(sb->data != NULL ? sb->data : "", sb->size, length, ascii);
    sb_discard(sb);
    return r;
}

void sb_discard(StrBuilder *sb) {
    mem_free(sb->data);
    sb_init(sb);
}

/* ================================================================ str_from_format */

/* Append UTF-8 text that may be invalid (C strings from the OS, file names):
 * invalid bytes become U+FFFD. At most max_cp code points (SIZE_MAX: all). */
static void sb_append_lenient(StrBuilder *sb, const char *s, size_t n, size_t max_cp) {
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, count = 0;
    while (i < n && count < max_cp) {
        unsigned c = p[i];
        size_t len = c < 0x80                  ? 1
                     : (c >= 0xC2 && c < 0xE0) ? 2
                     : (c >= 0xE0 && c < 0xF0) ? 3
                     : (c >= 0xF0 && c < 0xF5) ? 4
                                               : 0;
        bool ok = len != 0 && i + len <= n;
        for (size_t k = 1; ok && k < len; k++) {
            ok = (p[i + k] & 0xC0) == 0x80;
        }
        if (ok) {
            sb_append(sb, s + i, len);
            i += len;
        } else {
            sb_append_codepoint(sb, 0xFFFD);
            i++;
        }
        count++;
    }
}

/* Append the first max_cp code points of a str object. */
static void sb_append_str_prefix(StrBuilder *sb, Object *str, size_t max_cp) {
    if (max_cp >= str_length(str)) {
        sb_append_str(sb, str);
    } else {
        sb_append(sb, str_utf8(str), str_offset_of(str, max_cp));
    }
}

/* Append `obj` converted by conv ('R' repr, 'S' str, 'T' type name, 'U' a
 * str, 'A' ascii). Returns -1 when the conversion raised. */
static int format_append_object(StrBuilder *sb, char conv, Object *obj, size_t max_cp, int width,
                                bool left) {
    Object *text;
    if (obj == NULL) {
        sb_append_cstr(sb, "<NULL>");
        return 0;
    }
    if (conv == 'T') {
        text = str_from_cstr(obj_type_name(obj));
    } else if (conv == 'U') {
        text = NEWREF(obj);
    } else if (conv == 'R') {
        text = obj_repr(obj);
    } else if (conv == 'A') {
        text = obj_ascii(obj);
    } else {
        text = obj_str(obj);
    }
    if (text == NULL) {
        return -1;
    }
    size_t len = str_length(text) < max_cp ? str_length(text) : max_cp;
    if (!left && width > 0 && (size_t)width > len) {
        sb_append_repeat(sb, ' ', (size_t)width - len);
    }
    sb_append_str_prefix(sb, text, max_cp);
    if (left && width > 0 && (size_t)width > len) {
        sb_append_repeat(sb, ' ', (size_t)width - len);
    }
    DECREF(text);
    return 0;
}

Object *str_from_vformat(const char *fmt, va_list ap_in) {
    StrBuilder sb;
    sb_init(&sb);
    va_list ap;
    va_copy(ap, ap_in);
    const char *p = fmt;
    while (*p != '\0') {
        const char *lit = p;
        while (*p != '\0' && *p != '%') {
            p++;
        }
        if (p > lit) {
            sb_append_lenient(&sb, lit, (size_t)(p - lit), SIZE_MAX);
        }
        if (*p == '\0') {
            break;
        }
        const char *spec_start = p++; /* skip '%' */
        if (*p == '%') {
            sb_append_char(&sb, '%');
            p++;
            continue;
        }
        bool left = false;
        while (*p == '-' || *p == '+' || *p == ' ' || *p == '#' || *p == '0') {
            left |= *p == '-';
            p++;
        }
        int width = -1;
        if (*p == '*') {
            width = va_arg(ap, int);
            p++;
        } else {
            while (*p >= '0' && *p <= '9') {
                width = (width < 0 ? 0 : width) * 10 + (*p++ - '0');
            }
        }
        int precision = -1;
        if (*p == '.') {
            p++;
            precision = 0;
            if (*p == '*') {
                precision = va_arg(ap, int);
                p++;
            } else {
                while (*p >= '0' && *p <= '9') {
                    precision = precision * 10 + (*p++ - '0');
                }
            }
        }
        int longs = 0;
        char size_mod = 0;
        while (*p == 'l' || *p == 'z' || *p == 't' || *p == 'j' || *p == 'h') {
            if (*p == 'l') {
                longs++;
            } else {
                size_mod = *p;
            }
            p++;
        }
        char conv = *p;
        if (conv == '\0') {
            break;
        }
        p++;
        size_t max_cp = precision >= 0 ? (size_t)precision : SIZE_MAX;
        /* The sub-format handed to snprintf: "%" flags width precision + C length. */
        char sub[32];
        size_t sublen = (size_t)(p - spec_start);
        if (sublen >= sizeof sub) {
            sublen = sizeof sub - 1;
        }
        switch (conv) {
            case 'R':
            case 'S':
            case 'T':
            case 'U':
            case 'A': {
                Object *obj = va_arg(ap, Object *);
                if (format_append_object(&sb, conv, obj, max_cp, width, left) < 0) {
                    va_end(ap);
                    sb_discard(&sb);
                    return NULL;
                }
                break;
            }
            case 's': {
                const char *s = va_arg(ap, const char *);
                if (s == NULL) {
                    s = "(null)";
                }
                size_t before = sb.size;
                sb_append_lenient(&sb, s, strlen(s), max_cp);
                if (width > 0) {
                    bool ascii;
                    size_t n = utf8_count(sb.data + before, sb.size - before, &ascii);
                    if ((size_t)width > n) {
                        size_t pad = (size_t)width - n;
                        if (left) {
                            sb_append_repeat(&sb, ' ', pad);
                        } else if (sb_reserve(&sb, pad) != NULL) {
                            memmove(sb.data + before + pad, sb.data + before, sb.size - before);
                            memset(sb.data + before, ' ', pad);
                            sb_commit(&sb, pad);
                        }
                    }
                }
                break;
            }
            case 'c': {
                int c = va_arg(ap, int);
                sb_append_codepoint(&sb, (uint32_t)c);
                break;
            }
            case 'd':
            case 'i':
            case 'u':
            case 'x':
            case 'X':
            case 'o':
                memcpy(sub, spec_start, sublen);
                sub[sublen] = '\0';
                if (size_mod == 'z' || size_mod == 't' || size_mod == 'j' || longs > 0) {
                    /* All of these are 64-bit on the platforms gilpy supports; read
                     * the right C type and print through a normalised "ll" format. */
                    long long v;
                    if (size_mod == 'z') {
                        v = conv == 'd' || conv == 'i' ? (long long)va_arg(ap, ssize_t)
                                                       : (long long)va_arg(ap, size_t);
                    } else if (size_mod == 't') {
                        v = (long long)va_arg(ap, ptrdiff_t);
                    } else if (size_mod == 'j') {
                        v = (long long)va_arg(ap, intmax_t);
                    } else if (longs == 1) {
                        v = conv == 'd' || conv == 'i' ? (long long)va_arg(ap, long)
                                                       : (long long)va_arg(ap, unsigned long);
                    } else {
                        v = va_arg(ap, long long);
                    }
                    /* Rebuild the spec with "ll" as length modifier. */
                    char spec[40];
                    size_t k = 0;
                    for (const char *q = spec_start; q < p - 1 && k < 30; q++) {
                        if (*q != 'l' && *q != 'z' && *q != 't' && *q != 'j' && *q != 'h') {
                            spec[k++] = *q;
                        }
                    }
                    spec[k++] = 'l';
                    spec[k++] = 'l';
                    spec[k++] = conv;
                    spec[k] = '\0';
                    sb_appendf(&sb, spec, v);
                } else {
                    int v = va_arg(ap, int);
                    sb_appendf(&sb, sub, v);
                }
                break;
            case 'p': {
                void *ptr = va_arg(ap, void *);
                sb_appendf(&sb, "%p", ptr);
                break;
            }
            case 'f':
            case 'F':
            case 'e':
            case 'E':
            case 'g':
            case 'G': {
                memcpy(sub, spec_start, sublen);
                sub[sublen] = '\0';
                double d = va_arg(ap, double);
                sb_appendf(&sb, sub, d);
                break;
            }
            default:
                /* Unknown conversion: copy it literally (as CPython does). */
                sb_append(&sb, spec_start, (size_t)(p - spec_start));
                break;
        }
    }
    va_end(ap);
    return sb_finish(&sb);
}

Object *str_from_format(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    Object *r = str_from_vformat(fmt, ap);
    va_end(ap);
    return r;
}
