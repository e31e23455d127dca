/* bytes.c: the immutable bytes type (repr, indexing, slicing, operators,
 * constructor and the common methods) and the text codecs str.encode and
 * bytes.decode use: UTF-8, ASCII and Latin-1 with CPython's error handlers
 * and UnicodeEncodeError/UnicodeDecodeError messages. */
#include <stdio.h>
#include <string.h>

#include "errors.h"
#include "exceptions.h"
#include "int.h"
#include "list.h"
#include "memory.h"
#include "range.h"
#include "str_internal.h"
#include "bytes.h"
#include "tuple.h"

/* ================================================================ codecs */

typedef enum { CODEC_UTF8, CODEC_ASCII, CODEC_LATIN1 } Codec;
static const char *const codec_names[] = {"utf-8", "ascii", "latin-1"};

/* Resolve an encoding name as CPython's codec registry normalises it
 * ("UTF8", "utf_8", "Latin-1", "iso-8859-1", ...). -1 + LookupError if unknown. */
static int codec_lookup(const char *name, Codec *out) {
    char norm[32];
    size_t n = 0;
    for (const char *p = name; *p != '\0'; p++) {
        if (n + 1 >= sizeof norm) {
            n = 0;
            break;
        }
        char c = *p;
        if (c >= 'A' && c <= 'Z') {
            c = (char)(c - 'A' + 'a');
        }
        if (c == '-' || c == ' ') {
            c = '_';
        }
        norm[n++] = c;
    }
    norm[n] = '\0';
    static const char *const utf8[] = {"utf_8", "utf8", "u8", "utf", "cp65001", NULL};
    static const char *const ascii[] = {"ascii", "us_ascii", "646", "us", "ansi_x3.4_1968", NULL};
    static const char *const latin1[] = {"latin_1",   "latin1", "latin", "l1",         "iso_8859_1",
                                         "iso8859_1", "8859",   "cp819", "iso_ir_100", NULL};
    const char *const *lists[] = {utf8, ascii, latin1};
    for (int k = 0; k < 3; k++) {
        for (const char *const *q = lists[k]; *q != NULL; q++) {
            if (n > 0 && strcmp(norm, *q) == 0) {
                *out = (Codec)k;
                return 0;
            }
        }
    }
    err_format(&ExcLookupError, "unknown encoding: %s", name);
    return -1;
}

typedef enum { ERR_STRICT, ERR_IGNORE, ERR_REPLACE, ERR_BACKSLASH, ERR_SURROGATEESCAPE } ErrMode;

/* The error handler; CPython only looks it up when an error happens. */
static int errors_lookup(const char *errors, ErrMode *out) {
    static const char *const names[] = {"strict", "ignore", "replace", "backslashreplace",
                                        "surrogateescape"};
    if (errors == NULL) {
        *out = ERR_STRICT;
        return 0;
    }
    for (int k = 0; k < 5; k++) {
        if (strcmp(errors, names[k]) == 0) {
            *out = (ErrMode)k;
            return 0;
        }
    }
    err_format(&ExcLookupError, "unknown error handler name '%s'", errors);
    return -1;
}

/* Raise exc_type(encoding, object, start, end, reason): the exception keeps
 * these as attributes and builds CPython's message from them. */
static void unicode_error(TypeObject *exc_type, Codec codec, Object *object, size_t start,
                          size_t end, const char *reason) {
    Object *args[5] = {str_from_cstr(codec_names[codec]), object, int_from_u64(start),
                       int_from_u64(end), str_from_cstr(reason)};
    if (args[0] != NULL && args[2] != NULL && args[3] != NULL && args[4] != NULL) {
        Object *exc = obj_call((Object *)exc_type, args, 5, NULL);
        if (exc != NULL) {
            err_set_exception(exc);
            DECREF(exc);
        }
    }
    XDECREF(args[0]);
    XDECREF(args[2]);
    XDECREF(args[3]);
    XDECREF(args[4]);
}

/* Raise UnicodeEncodeError for characters [start, end) (code point positions). */
static void encode_error(Codec codec, Object *s, size_t start, size_t end, const char *reason) {
    unicode_error(&ExcUnicodeEncodeError, codec, s, start, end, reason);
}

Object *str_encode(Object *v, const char *encoding, const char *errors) {
    Codec codec;
    if (codec_lookup(encoding, &codec) < 0) {
        return NULL;
    }
    const char *d = str_utf8(v);
    size_t n = str_size(v);
    StrObject *s = (StrObject *)v;
    /* Fast paths: ASCII text is the same in every codec; UTF-8 without
     * surrogates is our storage format. */
    if (s->ascii) {
        return bytes_from_data(d, n);
    }
    bool has_surrogate = false;
    for (size_t i = 0; i + 1 < n; i++) {
        if ((unsigned char)d[i] == 0xED && (unsigned char)d[i + 1] >= 0xA0) {
            has_surrogate = true;
            break;
        }
    }
    if (codec == CODEC_UTF8 && !has_surrogate) {
        return bytes_from_data(d, n);
    }
    uint32_t limit = codec == CODEC_ASCII ? 0x80 : codec == CODEC_LATIN1 ? 0x100 : 0x110000;
    const char *reason = codec == CODEC_ASCII    ? "ordinal not in range(128)"
                         : codec == CODEC_LATIN1 ? "ordinal not in range(256)"
                                                 : "surrogates not allowed";
    StrBuilder sb; /* used as a byte buffer */
    sb_init(&sb);
    size_t pos = 0, index = 0;
    ErrMode mode = ERR_STRICT;
    bool mode_known = false;
    while (pos < n) {
        size_t start = pos;
        uint32_t c = utf8_next(d, &pos);
        bool bad = c >= limit || (c >= 0xD800 && c <= 0xDFFF && codec == CODEC_UTF8);
        if (!bad) {
            if (codec == CODEC_UTF8) {
                sb_append(&sb, d + start, pos - start);
            } else {
                sb_append_char(&sb, (char)c);
            }
            index++;
            continue;
        }
        if (!mode_known) {
            if (errors_lookup(errors, &mode) < 0) {
                sb_discard(&sb);
                return NULL;
            }
            mode_known = true;
        }
        switch (mode) {
            case ERR_IGNORE:
                break;
            case ERR_REPLACE:
                sb_append_char(&sb, '?');
                break;
            case ERR_BACKSLASH:
                if (c <= 0xFF) {
                    sb_appendf(&sb, "\\x%02x", c);
                } else if (c <= 0xFFFF) {
                    sb_appendf(&sb, "\\u%04x", c);
                } else {
                    sb_appendf(&sb, "\\U%08x", c);
                }
                break;
            case ERR_SURROGATEESCAPE:
                if (c >= 0xDC80 && c <= 0xDCFF) {
                    sb_append_char(&sb, (char)(c - 0xDC00));
                    break;
                }
                /* fall through */
            default: {
                /* strict: report the whole run of unencodable characters. */
                size_t end = index + 1, p = pos;
                while (p < n) {
                    size_t q = p;
                    uint32_t c2 = utf8_next(d, &q);
                    if (!(c2 >= limit || (c2 >= 0xD800 && c2 <= 0xDFFF && codec == CODEC_UTF8))) {
                        break;
                    }
                    p = q;
                    end++;
                }
                sb_discard(&sb);
                encode_error(codec, v, index, end, reason);
                return NULL;
            }
        }
        index++;
    }
    if (sb.failed) {
        sb_discard(&sb);
        return NULL;
    }
    Object *r = bytes_from_data(sb.data != NULL ? sb.data : "", sb.size);
    sb_discard(&sb);
    return r;
}

/* Raise UnicodeDecodeError for bytes [start, end) of s[0..size). */
static void decode_error(Codec codec, const char *s, size_t size, size_t start, size_t end,
                         const char *reason) {
    Object *object = bytes_from_data(s, size);
    if (object != NULL) {
        unicode_error(&ExcUnicodeDecodeError, codec, object, start, end, reason);
        DECREF(object);
    }
}

/* Check one UTF-8 sequence at s[i]. Returns its length when valid, or 0 and
 * sets *bad_end (end of the maximal invalid prefix) and *reason. */
static size_t utf8_check(const unsigned char *s, size_t n, size_t i, size_t *bad_end,
                         const char **reason) {
    unsigned c = s[i];
    size_t len;
    unsigned lo = 0x80, hi = 0xBF; /* allowed range of the second byte */
    if (c < 0x80) {
        return 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0) {
            lo = 0xA0;
        } else if (c == 0xED) {
            hi = 0x9F;
        }
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0) {
            lo = 0x90;
        } else if (c == 0xF4) {
            hi = 0x8F;
        }
    } else {
        *bad_end = i + 1;
        *reason = "invalid start byte";
        return 0;
    }
    for (size_t k = 1; k < len; k++) {
        if (i + k >= n) {
            *bad_end = n;
            *reason = "unexpected end of data";
            return 0;
        }
        unsigned b = s[i + k];
        unsigned l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xBF;
        if (b < l || b > h) {
            *bad_end = i + k;
            *reason = "invalid continuation byte";
            return 0;
        }
    }
    return len;
}

Object *str_decode(const char *s, size_t size, const char *encoding, const char *errors) {
    Codec codec = CODEC_UTF8;
    if (encoding != NULL && codec_lookup(encoding, &codec) < 0) {
        return NULL;
    }
    const unsigned char *u = (const unsigned char *)s;
    /* Fast path: pure ASCII decodes the same in every codec. */
    bool ascii;
    utf8_count(s, size, &ascii);
    if (ascii) {
        return str_from_utf8_known(s, size, size, true);
    }
    StrBuilder sb;
    sb_init(&sb);
    if (codec == CODEC_LATIN1) {
        for (size_t i = 0; i < size; i++) {
            sb_append_codepoint(&sb, u[i]);
        }
        return sb_finish(&sb);
    }
    ErrMode mode = ERR_STRICT;
    bool mode_known = false;
    size_t i = 0;
    while (i < size) {
        size_t bad_end = i + 1;
        const char *reason = "ordinal not in range(128)";
        size_t len = codec == CODEC_ASCII ? (u[i] < 0x80 ? 1 : 0)
                                          : utf8_check(u, size, i, &bad_end, &reason);
        if (len > 0) {
            /* Copy the whole valid run at once. */
            size_t j = i + len;
            while (j < size && u[j] < 0x80) {
                j++;
            }
            sb_append(&sb, s + i, j - i);
            i = j;
            continue;
        }
        if (!mode_known) {
            if (errors_lookup(errors, &mode) < 0) {
                sb_discard(&sb);
                return NULL;
            }
            mode_known = true;
        }
        switch (mode) {
            case ERR_IGNORE:
                break;
            case ERR_REPLACE:
                sb_append_codepoint(&sb, 0xFFFD);
                break;
            case ERR_BACKSLASH:
                for (size_t k = i; k < bad_end; k++) {
                    sb_appendf(&sb, "\\x%02x", u[k]);
                }
                break;
            case ERR_SURROGATEESCAPE:
                for (size_t k = i; k < bad_end; k++) {
                    sb_append_codepoint(&sb, 0xDC00 + u[k]);
                }
                break;
            default:
                sb_discard(&sb);
                decode_error(codec, s, size, i, bad_end, reason);
                return NULL;
        }
        i = bad_end;
    }
    return sb_finish(&sb);
}

/* ================================================================ allocation */

static Object *bytes_empty_singleton;

Object *bytes_alloc(size_t size) {
    if (size > SIZE_MAX - sizeof(BytesObject) - 1) {
        err_no_memory();
        return NULL;
    }
    BytesObject *b = (BytesObject *)obj_alloc(&BytesType, sizeof(BytesObject) + size + 1);
    if (b == NULL) {
        return NULL;
    }
    b->hash = -1;
    b->size = size;
    b->data[size] = '\0';
    return (Object *)b;
}

Object *bytes_from_data(const char *s, size_t size) {
    if (size == 0) {
        if (bytes_empty_singleton == NULL) {
            bytes_empty_singleton = bytes_alloc(0);
            if (bytes_empty_singleton == NULL) {
                return NULL;
            }
        }
        return NEWREF(bytes_empty_singleton);
    }
    Object *r = bytes_alloc(size);
    if (r != NULL) {
        memcpy(((BytesObject *)r)->data, s, size);
    }
    return r;
}

/* Finish a StrBuilder used as a byte buffer into a bytes object. */
static Object *bytes_from_builder(StrBuilder *sb) {
    if (sb->failed) {
        sb_discard(sb);
        return NULL;
    }
    Object *r = bytes_from_data(sb->data != NULL ? sb->data : "", sb->size);
    sb_discard(sb);
    return r;
}

/* ================================================================ repr, hash, compare */

Object *bytes_repr(Object *v) {
    const char *d = bytes_data(v);
    size_t n = bytes_size(v);
    bool has_single = memchr(d, '\'', n) != NULL, has_double = memchr(d, '"', n) != NULL;
    char quote = has_single && !has_double ? '"' : '\'';
    StrBuilder sb;
    sb_init(&sb);
    sb_append_char(&sb, 'b');
    sb_append_char(&sb, quote);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)d[i];
        if (c == (unsigned char)quote || c == '\\') {
            sb_append_char(&sb, '\\');
            sb_append_char(&sb, (char)c);
        } else if (c == '\t') {
            sb_append(&sb, "\\t", 2);
        } else if (c == '\n') {
            sb_append(&sb, "\\n", 2);
        } else if (c == '\r') {
            sb_append(&sb, "\\r", 2);
        } else if (c < 0x20 || c >= 0x7F) {
            sb_appendf(&sb, "\\x%02x", c);
        } else {
            sb_append_char(&sb, (char)c);
        }
    }
    sb_append_char(&sb, quote);
    return sb_finish(&sb);
}

static intptr_t bytes_hash(Object *v) {
    BytesObject *b = (BytesObject *)v;
    if (b->hash == -1) {
        intptr_t h = (intptr_t)str_hash_bytes(b->data, b->size);
        b->hash = h == -1 ? -2 : h;
    }
    return b->hash;
}

static Object *bytes_richcompare(Object *a, Object *b, CompareOp op) {
    if (!bytes_check(a) || !bytes_check(b)) {
        return NEWREF(NotImplemented);
    }
    size_t na = bytes_size(a), nb = bytes_size(b);
    int c;
    if ((op == CMP_EQ || op == CMP_NE) && na != nb) {
        c = 1;
    } else {
        c = memcmp(bytes_data(a), bytes_data(b), na < nb ? na : nb);
        if (c == 0) {
            c = na < nb ? -1 : na > nb ? 1 : 0;
        }
    }
    bool r;
    switch (op) {
        case CMP_EQ:
            r = c == 0;
            break;
        case CMP_NE:
            r = c != 0;
            break;
        case CMP_LT:
            r = c < 0;
            break;
        case CMP_LE:
            r = c <= 0;
            break;
        case CMP_GT:
            r = c > 0;
            break;
        default:
            r = c >= 0;
            break;
    }
    return bool_from(r);
}

/* ================================================================ sequence protocol */

static ssize_t bytes_len(Object *self) {
    return (ssize_t)bytes_size(self);
}

static Object *bytes_getitem(Object *self, Object *key) {
    ssize_t len = (ssize_t)bytes_size(self);
    const unsigned char *d = (const unsigned char *)bytes_data(self);
    if (slice_check(key)) {
        ssize_t start, stop, step;
        ssize_t n = slice_adjust(key, len, &start, &stop, &step);
        if (n < 0) {
            return NULL;
        }
        if (step == 1) {
            if (n == len && self->type == &BytesType) {
                return NEWREF(self);
            }
            return bytes_from_data((const char *)d + start, (size_t)n);
        }
        Object *r = bytes_alloc((size_t)n);
        if (r == NULL) {
            return NULL;
        }
        for (ssize_t k = 0, j = start; k < n; k++, j += step) {
            ((BytesObject *)r)->data[k] = (char)d[j];
        }
        return r;
    }
    ssize_t i;
    if (is_small_int(key)) {
        i = small_int_value(key);
    } else if (int_check(key) || obj_type(key)->index != NULL) {
        i = obj_as_ssize(key);
        if (i == -1 && err_occurred()) {
            return NULL;
        }
    } else {
        return err_format(&ExcTypeError, "byte indices must be integers or slices, not %.200s",
                          obj_type_name(key));
    }
    if (i < 0) {
        i += len;
    }
    if (i < 0 || i >= len) {
        err_set_string(&ExcIndexError, "index out of range");
        return NULL;
    }
    return small_int_make(d[i]);
}

/* A byte value argument (int in range(0, 256)). */
static int byte_value(Object *v, int *out) {
    ssize_t x = obj_as_ssize(v);
    if (x == -1 && err_occurred()) {
        if (err_matches(&ExcOverflowError)) {
            err_clear();
            err_set_string(&ExcValueError, "byte must be in range(0, 256)");
        }
        return -1;
    }
    if (x < 0 || x > 255) {
        err_set_string(&ExcValueError, "byte must be in range(0, 256)");
        return -1;
    }
    *out = (int)x;
    return 0;
}

/* "a bytes-like object is required, not 'str'" */
static int need_bytes(Object *v) {
    if (!bytes_check(v)) {
        err_format(&ExcTypeError, "a bytes-like object is required, not '%.200s'",
                   obj_type_name(v));
        return -1;
    }
    return 0;
}

static int bytes_contains(Object *self, Object *item) {
    if (int_check(item)) {
        int c;
        if (byte_value(item, &c) < 0) {
            return -1;
        }
        return memchr(bytes_data(self), c, bytes_size(self)) != NULL;
    }
    if (need_bytes(item) < 0) {
        return -1;
    }
    if (bytes_size(item) == 0) {
        return 1;
    }
    return memmem(bytes_data(self), bytes_size(self), bytes_data(item), bytes_size(item)) != NULL;
}

static Object *bytes_concat(Object *a, Object *b) {
    size_t na = bytes_size(a), nb = bytes_size(b);
    Object *r = bytes_alloc(na + nb);
    if (r == NULL) {
        return NULL;
    }
    memcpy(((BytesObject *)r)->data, bytes_data(a), na);
    memcpy(((BytesObject *)r)->data + na, bytes_data(b), nb);
    return r;
}

static Object *bytes_binary_op(Object *a, Object *b, BinaryOp op) {
    if (op == BINOP_ADD) {
        if (!bytes_check(a)) {
            return NEWREF(NotImplemented);
        }
        if (!bytes_check(b)) {
            return err_format(&ExcTypeError, "can't concat %.100s to %.100s", obj_type_name(b),
                              obj_type_name(a));
        }
        return bytes_concat(a, b);
    }
    if (op == BINOP_MUL) {
        Object *s = bytes_check(a) ? a : b;
        Object *n = s == a ? b : a;
        if (!bytes_check(s)) {
            return NEWREF(NotImplemented);
        }
        if (!int_check(n) && obj_type(n)->index == NULL) {
            return err_format(&ExcTypeError, "can't multiply sequence by non-int of type '%.200s'",
                              obj_type_name(n));
        }
        ssize_t count = obj_as_ssize(n);
        if (count == -1 && err_occurred()) {
            return NULL;
        }
        size_t size = bytes_size(s);
        if (count <= 0 || size == 0) {
            return bytes_from_data("", 0);
        }
        if ((size_t)count > (SIZE_MAX / 2) / size) {
            err_no_memory();
            return NULL;
        }
        Object *r = bytes_alloc(size * (size_t)count);
        if (r == NULL) {
            return NULL;
        }
        for (ssize_t k = 0; k < count; k++) {
            memcpy(((BytesObject *)r)->data + (size_t)k * size, bytes_data(s), size);
        }
        return r;
    }
    if (op == BINOP_MOD && bytes_check(a)) {
        return bytes_percent_format(a, b);
    }
    return NEWREF(NotImplemented);
}

/* ================================================================ iterator */

typedef struct BytesIterObject {
    Object base;
    Object *bytes; /* NULL once exhausted */
    size_t pos;
} BytesIterObject;

static Object *bytes_iter(Object *self) {
    if (!(BytesIterType.flags & TYPE_FLAG_READY) && type_ready(&BytesIterType) < 0) {
        return NULL;
    }
    BytesIterObject *it = (BytesIterObject *)obj_alloc(&BytesIterType, sizeof(BytesIterObject));
    if (it == NULL) {
        return NULL;
    }
    it->bytes = NEWREF(self);
    it->pos = 0;
    return (Object *)it;
}

static Object *bytes_iter_next(Object *self) {
    BytesIterObject *it = (BytesIterObject *)self;
    if (it->bytes == NULL) {
        return NULL;
    }
    if (it->pos >= bytes_size(it->bytes)) {
        CLEAR(it->bytes);
        return NULL;
    }
    return small_int_make((unsigned char)bytes_data(it->bytes)[it->pos++]);
}

static Object *bytes_iter_self(Object *self) {
    return NEWREF(self);
}

static void bytes_iter_dealloc(Object *self) {
    XDECREF(((BytesIterObject *)self)->bytes);
    obj_free(self);
}

TypeObject BytesIterType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "bytes_iterator",
    .basic_size = sizeof(BytesIterObject),
    .dealloc = bytes_iter_dealloc,
    .iter = bytes_iter_self,
    .iternext = bytes_iter_next,
};

/* ================================================================ bytes() */

/* bytes(iterable of ints). */
static Object *bytes_from_iterable(Object *iterable) {
    Object *it = obj_iter(iterable);
    if (it == NULL) {
        if (err_matches(&ExcTypeError)) {
            err_clear();
            err_format(&ExcTypeError, "cannot convert '%.200s' object to bytes",
                       obj_type_name(iterable));
        }
        return NULL;
    }
    StrBuilder sb;
    sb_init(&sb);
    Object *item;
    while ((item = obj_next(it)) != NULL) {
        ssize_t x = obj_as_ssize(item);
        DECREF(item);
        if (x == -1 && err_occurred()) {
            if (err_matches(&ExcOverflowError)) {
                err_clear();
                err_set_string(&ExcValueError, "bytes must be in range(0, 256)");
            }
            goto fail;
        }
        if (x < 0 || x > 255) {
            err_set_string(&ExcValueError, "bytes must be in range(0, 256)");
            goto fail;
        }
        sb_append_char(&sb, (char)x);
    }
    if (err_occurred()) {
        goto fail;
    }
    DECREF(it);
    return bytes_from_builder(&sb);
fail:
    DECREF(it);
    sb_discard(&sb);
    return NULL;
}

static Object *bytes_new_exact(Object *const *args, size_t nargs, Object *kwnames) {
    static const char *const names[] = {"source", "encoding", "errors"};
    Object *vals[3] = {NULL, NULL, NULL};
    size_t nkw = kwnames != NULL ? tuple_size(kwnames) : 0;
    if (nargs + nkw > 3) {
        return err_format(&ExcTypeError, "bytes() takes at most 3 arguments (%zu given)",
                          nargs + nkw);
    }
    for (size_t i = 0; i < nargs; i++) {
        vals[i] = args[i];
    }
    for (size_t k = 0; k < nkw; k++) {
        Object *key = tuple_get(kwnames, k);
        size_t j = 0;
        while (j < 3 && !str_equal_cstr(key, names[j])) {
            j++;
        }
        if (j == 3) {
            return err_format(&ExcTypeError, "'%U' is an invalid keyword argument for bytes()",
                              key);
        }
        if (vals[j] != NULL) {
            return err_format(&ExcTypeError,
                              "argument for bytes() given by name ('%s') and position (%zu)",
                              names[j], j + 1);
        }
        vals[j] = args[nargs + k];
    }
    for (int k = 1; k < 3; k++) {
        if (vals[k] != NULL && !str_check(vals[k])) {
            return err_format(&ExcTypeError, "bytes() argument '%s' must be str, not %.200s",
                              names[k], obj_type_name(vals[k]));
        }
    }
    Object *src = vals[0];
    if (src == NULL) {
        if (vals[1] != NULL || vals[2] != NULL) {
            err_set_string(&ExcTypeError, vals[1] != NULL ? "encoding without a string argument"
                                                          : "errors without a string argument");
            return NULL;
        }
        return bytes_from_data("", 0);
    }
    if (str_check(src)) {
        if (vals[1] == NULL) {
            err_set_string(&ExcTypeError, "string argument without an encoding");
            return NULL;
        }
        return str_encode(src, str_utf8(vals[1]), vals[2] != NULL ? str_utf8(vals[2]) : "strict");
    }
    if (vals[1] != NULL || vals[2] != NULL) {
        err_set_string(&ExcTypeError, vals[1] != NULL ? "encoding without a string argument"
                                                      : "errors without a string argument");
        return NULL;
    }
    if (bytes_check(src)) {
        return src->type == &BytesType ? NEWREF(src)
                                       : bytes_from_data(bytes_data(src), bytes_size(src));
    }
    if (int_check(src) || obj_type(src)->index != NULL) {
        ssize_t n = obj_as_ssize(src);
        if (n == -1 && err_occurred()) {
            return NULL;
        }
        if (n < 0) {
            err_set_string(&ExcValueError, "negative count");
            return NULL;
        }
        return n == 0 ? bytes_from_data("", 0) : bytes_alloc((size_t)n);
    }
    return bytes_from_iterable(src);
}

static Object *bytes_new_instance(TypeObject *type, Object *const *args, size_t nargs,
                                  Object *kwnames) {
    Object *b = bytes_new_exact(args, nargs, kwnames);
    if (b == NULL || type == &BytesType) {
        return b;
    }
    size_t extra =
        type->basic_size > sizeof(BytesObject) ? type->basic_size - sizeof(BytesObject) : 0;
    BytesObject *r =
        (BytesObject *)obj_alloc(type, sizeof(BytesObject) + extra + bytes_size(b) + 1);
    if (r != NULL) {
        r->hash = -1;
        r->size = bytes_size(b);
        memcpy(r->data, bytes_data(b), r->size + 1);
    }
    DECREF(b);
    return (Object *)r;
}

static void bytes_dealloc(Object *self) {
    obj_free(self);
}

/* ================================================================ methods */

static int bytes_noargs(const char *name, size_t nargs, Object *kwnames) {
    if (kwnames != NULL && tuple_size(kwnames) > 0) {
        err_format(&ExcTypeError, "bytes.%s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs != 0) {
        err_format(&ExcTypeError, "bytes.%s() takes no arguments (%zu given)", name, nargs);
        return -1;
    }
    return 0;
}

static int bytes_nargs(const char *name, size_t nargs, Object *kwnames, size_t min, size_t max) {
    if (kwnames != NULL && tuple_size(kwnames) > 0) {
        err_format(&ExcTypeError, "bytes.%s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs < min || nargs > max) {
        if (min == max) {
            err_format(&ExcTypeError, "bytes.%s() takes exactly one argument (%zu given)", name,
                       nargs);
        } else if (nargs < min) {
            err_format(&ExcTypeError, "%s expected at least %zu argument%s, got %zu", name, min,
                       min == 1 ? "" : "s", nargs);
        } else {
            err_format(&ExcTypeError, "%s expected at most %zu argument%s, got %zu", name, max,
                       max == 1 ? "" : "s", nargs);
        }
        return -1;
    }
    return 0;
}

/* Keyword-capable methods (decode, split): bind into out[]. */
static int bytes_keywords(const char *name, Object *const *args, size_t nargs, Object *kwnames,
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
        out[j] = args[nargs + k];
    }
    return 0;
}

static Object *bytes_decode_method(Object *self, Object *const *args, size_t nargs,
                                   Object *kwnames) {
    static const char *const names[] = {"encoding", "errors"};
    Object *a[2];
    if (bytes_keywords("decode", args, nargs, kwnames, names, 2, a) < 0) {
        return NULL;
    }
    for (int k = 0; k < 2; k++) {
        if (a[k] != NULL && !str_check(a[k])) {
            return err_format(&ExcTypeError, "decode() argument '%s' must be str, not %.200s",
                              names[k], obj_type_name(a[k]));
        }
    }
    return str_decode(bytes_data(self), bytes_size(self), a[0] != NULL ? str_utf8(a[0]) : "utf-8",
                      a[1] != NULL ? str_utf8(a[1]) : "strict");
}

static Object *bytes_hex_method(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    static const char *const names[] = {"sep", "bytes_per_sep"};
    Object *a[2];
    if (bytes_keywords("hex", args, nargs, kwnames, names, 2, a) < 0) {
        return NULL;
    }
    const char *sep = NULL;
    if (a[0] != NULL) {
        if (!str_check(a[0]) || str_length(a[0]) != 1) {
            err_set_string(&ExcValueError, "sep must be length 1.");
            return NULL;
        }
        sep = str_utf8(a[0]);
    }
    ssize_t per = 1;
    if (a[1] != NULL && (per = obj_as_ssize(a[1])) == -1 && err_occurred()) {
        return NULL;
    }
    static const char digits[] = "0123456789abcdef";
    const unsigned char *d = (const unsigned char *)bytes_data(self);
    size_t n = bytes_size(self);
    StrBuilder sb;
    sb_init(&sb);
    size_t group = per < 0 ? (size_t)-per : (size_t)per;
    for (size_t i = 0; i < n; i++) {
        if (sep != NULL && i > 0 && group > 0) {
            /* Positive bytes_per_sep counts groups from the right. */
            size_t from = per > 0 ? n - i : i;
            if (from % group == 0) {
                sb_append_cstr(&sb, sep);
            }
        }
        sb_append_char(&sb, digits[d[i] >> 4]);
        sb_append_char(&sb, digits[d[i] & 15]);
    }
    return sb_finish(&sb);
}

static int hex_digit(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

/* bytes.fromhex(string) (a class method: self is the type). */
static Object *bytes_fromhex_method(Object *self, Object *const *args, size_t nargs,
                                    Object *kwnames) {
    if (bytes_nargs("fromhex", nargs, kwnames, 1, 1) < 0) {
        return NULL;
    }
    if (!str_check(args[0])) {
        return err_format(&ExcTypeError, "fromhex() argument must be str, not %.200s",
                          obj_type_name(args[0]));
    }
    const char *s = str_utf8(args[0]);
    size_t n = str_size(args[0]);
    StrBuilder sb;
    sb_init(&sb);
    size_t i = 0;
    while (i < n) {
        if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\v' ||
            s[i] == '\f') {
            i++;
            continue;
        }
        int hi = hex_digit(s[i]);
        int lo = i + 1 < n ? hex_digit(s[i + 1]) : -1;
        if (hi < 0 || lo < 0) {
            sb_discard(&sb);
            size_t pos = hi < 0 ? i : i + 1;
            bool ascii;
            return err_format(&ExcValueError,
                              "non-hexadecimal number found in fromhex() arg at position %zu",
                              utf8_count(s, pos, &ascii));
        }
        sb_append_char(&sb, (char)(hi * 16 + lo));
        i += 2;
    }
    return bytes_from_builder(&sb);
}

static Object *bytes_join_method(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (bytes_nargs("join", nargs, kwnames, 1, 1) < 0) {
        return NULL;
    }
    Object *seq = list_from_iterable(args[0]);
    if (seq == NULL) {
        if (err_matches(&ExcTypeError)) {
            err_clear();
            err_set_string(&ExcTypeError, "can only join an iterable");
        }
        return NULL;
    }
    StrBuilder sb;
    sb_init(&sb);
    for (size_t i = 0; i < list_size(seq); i++) {
        Object *item = list_get(seq, i);
        if (!bytes_check(item)) {
            err_format(&ExcTypeError,
                       "sequence item %zu: expected a bytes-like object, %.80s found", i,
                       obj_type_name(item));
            sb_discard(&sb);
            DECREF(seq);
            return NULL;
        }
        if (i > 0) {
            sb_append(&sb, bytes_data(self), bytes_size(self));
        }
        sb_append(&sb, bytes_data(item), bytes_size(item));
    }
    DECREF(seq);
    return bytes_from_builder(&sb);
}

static bool bytes_is_space(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static int list_push_bytes(Object *list, const char *s, size_t n) {
    Object *b = bytes_from_data(s, n);
    if (b == NULL) {
        return -1;
    }
    int r = list_append(list, b);
    DECREF(b);
    return r;
}

static Object *bytes_split_method(Object *self, Object *const *args, size_t nargs,
                                  Object *kwnames) {
    static const char *const names[] = {"sep", "maxsplit"};
    Object *a[2];
    if (bytes_keywords("split", args, nargs, kwnames, names, 2, a) < 0) {
        return NULL;
    }
    ssize_t maxsplit = -1;
    if (a[1] != NULL && (maxsplit = obj_as_ssize(a[1])) == -1 && err_occurred()) {
        return NULL;
    }
    const char *d = bytes_data(self);
    size_t n = bytes_size(self);
    Object *list = list_new(0);
    if (list == NULL) {
        return NULL;
    }
    if (a[0] == NULL || a[0] == None) {
        size_t i = 0;
        while (true) {
            while (i < n && bytes_is_space((unsigned char)d[i])) {
                i++;
            }
            if (i >= n) {
                break;
            }
            size_t j = i;
            if (maxsplit == 0) {
                j = n;
            } else {
                while (j < n && !bytes_is_space((unsigned char)d[j])) {
                    j++;
                }
            }
            if (list_push_bytes(list, d + i, j - i) < 0) {
                goto fail;
            }
            if (maxsplit > 0) {
                maxsplit--;
            }
            i = j;
        }
        return list;
    }
    if (need_bytes(a[0]) < 0) {
        goto fail;
    }
    size_t m = bytes_size(a[0]);
    if (m == 0) {
        err_set_string(&ExcValueError, "empty separator");
        goto fail;
    }
    size_t i = 0;
    while (maxsplit != 0) {
        const char *p = memmem(d + i, n - i, bytes_data(a[0]), m);
        if (p == NULL) {
            break;
        }
        if (list_push_bytes(list, d + i, (size_t)(p - d) - i) < 0) {
            goto fail;
        }
        i = (size_t)(p - d) + m;
        if (maxsplit > 0) {
            maxsplit--;
        }
    }
    if (list_push_bytes(list, d + i, n - i) < 0) {
        goto fail;
    }
    return list;
fail:
    DECREF(list);
    return NULL;
}

static Object *bytes_strip_common(const char *name, Object *self, Object *const *args, size_t nargs,
                                  Object *kwnames, int which) {
    if (bytes_nargs(name, nargs, kwnames, 0, 1) < 0) {
        return NULL;
    }
    bool table[256] = {false};
    if (nargs > 0 && args[0] != None) {
        if (need_bytes(args[0]) < 0) {
            return NULL;
        }
        for (size_t k = 0; k < bytes_size(args[0]); k++) {
            table[(unsigned char)bytes_data(args[0])[k]] = true;
        }
    } else {
        for (int c = 0; c < 256; c++) {
            table[c] = bytes_is_space((unsigned char)c);
        }
    }
    const unsigned char *d = (const unsigned char *)bytes_data(self);
    size_t i = 0, j = bytes_size(self);
    if (which != 2) {
        while (i < j && table[d[i]]) {
            i++;
        }
    }
    if (which != 1) {
        while (j > i && table[d[j - 1]]) {
            j--;
        }
    }
    if (i == 0 && j == bytes_size(self) && self->type == &BytesType) {
        return NEWREF(self);
    }
    return bytes_from_data((const char *)d + i, j - i);
}

static Object *bytes_strip_method(Object *self, Object *const *args, size_t nargs,
                                  Object *kwnames) {
    return bytes_strip_common("strip", self, args, nargs, kwnames, 0);
}

static Object *bytes_lstrip_method(Object *self, Object *const *args, size_t nargs,
                                   Object *kwnames) {
    return bytes_strip_common("lstrip", self, args, nargs, kwnames, 1);
}

static Object *bytes_rstrip_method(Object *self, Object *const *args, size_t nargs,
                                   Object *kwnames) {
    return bytes_strip_common("rstrip", self, args, nargs, kwnames, 2);
}

/* The needle of find/count: bytes or an int byte value (stored in buf). */
static int bytes_needle(Object *v, char *buf, const char **needle, size_t *m) {
    if (int_check(v)) {
        int c;
        if (byte_value(v, &c) < 0) {
            return -1;
        }
        buf[0] = (char)c;
        *needle = buf;
        *m = 1;
        return 0;
    }
    if (need_bytes(v) < 0) {
        return -1;
    }
    *needle = bytes_data(v);
    *m = bytes_size(v);
    return 0;
}

/* find/index/count: returns the position (find), count (count_mode), -1 not
 * found, -2 error. */
static ssize_t bytes_search(const char *name, Object *self, Object *const *args, size_t nargs,
                            Object *kwnames, bool count_mode, bool right) {
    if (kwnames != NULL && tuple_size(kwnames) > 0) {
        err_format(&ExcTypeError, "bytes.%s() takes no keyword arguments", name);
        return -2;
    }
    if (nargs < 1 || nargs > 3) {
        err_format(&ExcTypeError, "%s() takes at %s %d argument%s (%zu given)", name,
                   nargs < 1 ? "least" : "most", nargs < 1 ? 1 : 3, nargs < 1 ? "" : "s", nargs);
        return -2;
    }
    char buf[1];
    const char *needle;
    size_t m;
    if (bytes_needle(args[0], buf, &needle, &m) < 0) {
        return -2;
    }
    ssize_t start, end;
    if (str_parse_range(nargs > 1 ? args[1] : NULL, nargs > 2 ? args[2] : NULL, bytes_size(self),
                        &start, &end) < 0) {
        return -2;
    }
    if (end - start < (ssize_t)m) {
        return count_mode ? 0 : -1;
    }
    const char *d = bytes_data(self);
    if (count_mode) {
        if (m == 0) {
            return end - start + 1;
        }
        ssize_t count = 0;
        const char *p = d + start, *stop = d + end;
        while ((p = memmem(p, (size_t)(stop - p), needle, m)) != NULL) {
            count++;
            p += m;
        }
        return count;
    }
    const char *p;
    if (right) {
        p = NULL;
        for (ssize_t k = end - (ssize_t)m; k >= start; k--) {
            if (memcmp(d + k, needle, m) == 0) {
                p = d + k;
                break;
            }
        }
    } else {
        p = m == 0 ? d + start : memmem(d + start, (size_t)(end - start), needle, m);
    }
    return p == NULL ? -1 : (ssize_t)(p - d);
}

static Object *bytes_find_method(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    ssize_t r = bytes_search("find", self, args, nargs, kwnames, false, false);
    return r == -2 ? NULL : int_from_i64(r);
}

static Object *bytes_index_method(Object *self, Object *const *args, size_t nargs,
                                  Object *kwnames) {
    ssize_t r = bytes_search("index", self, args, nargs, kwnames, false, false);
    if (r == -1) {
        err_set_string(&ExcValueError, "subsection not found");
        return NULL;
    }
    return r == -2 ? NULL : int_from_i64(r);
}

static Object *bytes_count_method(Object *self, Object *const *args, size_t nargs,
                                  Object *kwnames) {
    ssize_t r = bytes_search("count", self, args, nargs, kwnames, true, false);
    return r == -2 ? NULL : int_from_i64(r);
}

static Object *bytes_startswith_common(const char *name, Object *self, Object *const *args,
                                       size_t nargs, Object *kwnames, bool at_end) {
    if (kwnames != NULL && tuple_size(kwnames) > 0) {
        return err_format(&ExcTypeError, "bytes.%s() takes no keyword arguments", name);
    }
    if (nargs < 1 || nargs > 3) {
        return err_format(&ExcTypeError, "%s() takes at %s %d argument%s (%zu given)", name,
                          nargs < 1 ? "least" : "most", nargs < 1 ? 1 : 3, nargs < 1 ? "" : "s",
                          nargs);
    }
    ssize_t start, end;
    if (str_parse_range(nargs > 1 ? args[1] : NULL, nargs > 2 ? args[2] : NULL, bytes_size(self),
                        &start, &end) < 0) {
        return NULL;
    }
    Object *arg = args[0];
    size_t count = tuple_check(arg) ? tuple_size(arg) : 1;
    if (!tuple_check(arg) && !bytes_check(arg)) {
        return err_format(&ExcTypeError,
                          "%s first arg must be bytes or a tuple of bytes, not %.200s", name,
                          obj_type_name(arg));
    }
    for (size_t i = 0; i < count; i++) {
        Object *sub = tuple_check(arg) ? tuple_get(arg, i) : arg;
        if (!bytes_check(sub)) {
            return err_format(&ExcTypeError, "a bytes-like object is required, not '%.200s'",
                              obj_type_name(sub));
        }
        ssize_t m = (ssize_t)bytes_size(sub);
        if (end - m < start) {
            continue;
        }
        const char *at = bytes_data(self) + (at_end ? end - m : start);
        if (memcmp(at, bytes_data(sub), (size_t)m) == 0) {
            return bool_from(true);
        }
    }
    return bool_from(false);
}

static Object *bytes_startswith_method(Object *self, Object *const *args, size_t nargs,
                                       Object *kwnames) {
    return bytes_startswith_common("startswith", self, args, nargs, kwnames, false);
}

static Object *bytes_endswith_method(Object *self, Object *const *args, size_t nargs,
                                     Object *kwnames) {
    return bytes_startswith_common("endswith", self, args, nargs, kwnames, true);
}

static Object *bytes_replace_method(Object *self, Object *const *args, size_t nargs,
                                    Object *kwnames) {
    if (bytes_nargs("replace", nargs, kwnames, 2, 3) < 0) {
        return NULL;
    }
    for (int k = 0; k < 2; k++) {
        if (need_bytes(args[k]) < 0) {
            return NULL;
        }
    }
    ssize_t count = -1;
    if (nargs > 2 && (count = obj_as_ssize(args[2])) == -1 && err_occurred()) {
        return NULL;
    }
    const char *d = bytes_data(self), *old = bytes_data(args[0]), *new = bytes_data(args[1]);
    size_t n = bytes_size(self), m = bytes_size(args[0]), k = bytes_size(args[1]);
    StrBuilder sb;
    sb_init(&sb);
    if (m == 0) {
        size_t i = 0;
        for (; i <= n && count != 0; i++) {
            sb_append(&sb, new, k);
            if (i < n) {
                sb_append_char(&sb, d[i]);
            }
            if (count > 0) {
                count--;
            }
        }
        if (i < n) {
            sb_append(&sb, d + i, n - i);
        }
        return bytes_from_builder(&sb);
    }
    size_t i = 0;
    while (count != 0) {
        const char *p = memmem(d + i, n - i, old, m);
        if (p == NULL) {
            break;
        }
        sb_append(&sb, d + i, (size_t)(p - d) - i);
        sb_append(&sb, new, k);
        i = (size_t)(p - d) + m;
        if (count > 0) {
            count--;
        }
    }
    sb_append(&sb, d + i, n - i);
    return bytes_from_builder(&sb);
}

static Object *bytes_case(Object *self, bool upper) {
    size_t n = bytes_size(self);
    Object *r = bytes_alloc(n);
    if (r == NULL) {
        return NULL;
    }
    const char *d = bytes_data(self);
    char *o = ((BytesObject *)r)->data;
    for (size_t i = 0; i < n; i++) {
        char c = d[i];
        if (upper && c >= 'a' && c <= 'z') {
            c = (char)(c - 32);
        } else if (!upper && c >= 'A' && c <= 'Z') {
            c = (char)(c + 32);
        }
        o[i] = c;
    }
    return r;
}

static Object *bytes_upper_method(Object *self, Object *const *args, size_t nargs,
                                  Object *kwnames) {
    if (bytes_noargs("upper", nargs, kwnames) < 0) {
        return NULL;
    }
    return bytes_case(self, true);
}

static Object *bytes_lower_method(Object *self, Object *const *args, size_t nargs,
                                  Object *kwnames) {
    if (bytes_noargs("lower", nargs, kwnames) < 0) {
        return NULL;
    }
    return bytes_case(self, false);
}

static Object *bytes_rfind_method(Object *self, Object *const *args, size_t nargs,
                                  Object *kwnames) {
    ssize_t r = bytes_search("rfind", self, args, nargs, kwnames, false, true);
    return r == -2 ? NULL : int_from_i64(r);
}

static Object *bytes_rindex_method(Object *self, Object *const *args, size_t nargs,
                                   Object *kwnames) {
    ssize_t r = bytes_search("rindex", self, args, nargs, kwnames, false, true);
    if (r == -1) {
        err_set_string(&ExcValueError, "subsection not found");
        return NULL;
    }
    return r == -2 ? NULL : int_from_i64(r);
}

/* bytes.rsplit(sep=None, maxsplit=-1). */
static Object *bytes_rsplit_method(Object *self, Object *const *args, size_t nargs,
                                   Object *kwnames) {
    static const char *const names[] = {"sep", "maxsplit"};
    Object *a[2];
    if (bytes_keywords("rsplit", args, nargs, kwnames, names, 2, a) < 0) {
        return NULL;
    }
    ssize_t maxsplit = -1;
    if (a[1] != NULL && (maxsplit = obj_as_ssize(a[1])) == -1 && err_occurred()) {
        return NULL;
    }
    const char *d = bytes_data(self);
    size_t n = bytes_size(self);
    const char *sep = NULL;
    size_t m = 0;
    if (a[0] != NULL && a[0] != None) {
        if (need_bytes(a[0]) < 0) {
            return NULL;
        }
        sep = bytes_data(a[0]);
        m = bytes_size(a[0]);
        if (m == 0) {
            err_set_string(&ExcValueError, "empty separator");
            return NULL;
        }
    }
    Object *list = list_new(0);
    if (list == NULL) {
        return NULL;
    }
    size_t j = n;
    if (sep == NULL) {
        while (true) {
            while (j > 0 && bytes_is_space((unsigned char)d[j - 1])) {
                j--;
            }
            if (j == 0) {
                break;
            }
            size_t i = j;
            if (maxsplit == 0) {
                i = 0;
            } else {
                while (i > 0 && !bytes_is_space((unsigned char)d[i - 1])) {
                    i--;
                }
            }
            if (list_push_bytes(list, d + i, j - i) < 0) {
                goto fail;
            }
            if (maxsplit > 0) {
                maxsplit--;
            }
            j = i;
        }
    } else {
        while (maxsplit != 0 && j >= m) {
            ssize_t k = (ssize_t)(j - m);
            while (k >= 0 && memcmp(d + k, sep, m) != 0) {
                k--;
            }
            if (k < 0) {
                break;
            }
            if (list_push_bytes(list, d + k + m, j - (size_t)k - m) < 0) {
                goto fail;
            }
            j = (size_t)k;
            if (maxsplit > 0) {
                maxsplit--;
            }
        }
        if (list_push_bytes(list, d, j) < 0) {
            goto fail;
        }
    }
    /* Collected from the right: reverse. */
    ListObject *l = (ListObject *)list;
    for (size_t i = 0, k = l->size; i + 1 < k; i++, k--) {
        Object *t = l->items[i];
        l->items[i] = l->items[k - 1];
        l->items[k - 1] = t;
    }
    return list;
fail:
    DECREF(list);
    return NULL;
}

static Object *bytes_partition_common(const char *name, Object *self, Object *const *args,
                                      size_t nargs, Object *kwnames, bool right) {
    if (bytes_nargs(name, nargs, kwnames, 1, 1) < 0 || need_bytes(args[0]) < 0) {
        return NULL;
    }
    const char *d = bytes_data(self), *sep = bytes_data(args[0]);
    size_t n = bytes_size(self), m = bytes_size(args[0]);
    if (m == 0) {
        err_set_string(&ExcValueError, "empty separator");
        return NULL;
    }
    ssize_t at = -1;
    if (right) {
        for (ssize_t k = (ssize_t)n - (ssize_t)m; k >= 0; k--) {
            if (memcmp(d + k, sep, m) == 0) {
                at = k;
                break;
            }
        }
    } else {
        const char *p = memmem(d, n, sep, m);
        at = p == NULL ? -1 : (ssize_t)(p - d);
    }
    Object *parts[3];
    if (at < 0) {
        parts[0] = right ? bytes_from_data("", 0) : NEWREF(self);
        parts[1] = bytes_from_data("", 0);
        parts[2] = right ? NEWREF(self) : bytes_from_data("", 0);
    } else {
        parts[0] = bytes_from_data(d, (size_t)at);
        parts[1] = NEWREF(args[0]);
        parts[2] = bytes_from_data(d + at + m, n - (size_t)at - m);
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

static Object *bytes_partition_method(Object *self, Object *const *args, size_t nargs,
                                      Object *kwnames) {
    return bytes_partition_common("partition", self, args, nargs, kwnames, false);
}

static Object *bytes_rpartition_method(Object *self, Object *const *args, size_t nargs,
                                       Object *kwnames) {
    return bytes_partition_common("rpartition", self, args, nargs, kwnames, true);
}

/* ASCII character classes for the bytes predicates. */
enum { BC_DIGIT, BC_ALPHA, BC_ALNUM, BC_SPACE };

static bool bytes_class(unsigned char c, int cls) {
    bool digit = c >= '0' && c <= '9';
    bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    switch (cls) {
        case BC_DIGIT:
            return digit;
        case BC_ALPHA:
            return alpha;
        case BC_ALNUM:
            return digit || alpha;
        default:
            return bytes_is_space(c);
    }
}

static Object *bytes_predicate(const char *name, Object *self, size_t nargs, Object *kwnames,
                               int cls) {
    if (bytes_noargs(name, nargs, kwnames) < 0) {
        return NULL;
    }
    const unsigned char *d = (const unsigned char *)bytes_data(self);
    size_t n = bytes_size(self);
    if (n == 0) {
        return bool_from(false);
    }
    for (size_t i = 0; i < n; i++) {
        if (!bytes_class(d[i], cls)) {
            return bool_from(false);
        }
    }
    return bool_from(true);
}

static Object *bytes_isdigit_method(Object *self, Object *const *args, size_t nargs,
                                    Object *kwnames) {
    return bytes_predicate("isdigit", self, nargs, kwnames, BC_DIGIT);
}

static Object *bytes_isalpha_method(Object *self, Object *const *args, size_t nargs,
                                    Object *kwnames) {
    return bytes_predicate("isalpha", self, nargs, kwnames, BC_ALPHA);
}

static Object *bytes_isalnum_method(Object *self, Object *const *args, size_t nargs,
                                    Object *kwnames) {
    return bytes_predicate("isalnum", self, nargs, kwnames, BC_ALNUM);
}

static Object *bytes_isspace_method(Object *self, Object *const *args, size_t nargs,
                                    Object *kwnames) {
    return bytes_predicate("isspace", self, nargs, kwnames, BC_SPACE);
}

/* isupper / islower: some cased byte, and none of the other case. */
static Object *bytes_case_check(const char *name, Object *self, size_t nargs, Object *kwnames,
                                bool upper) {
    if (bytes_noargs(name, nargs, kwnames) < 0) {
        return NULL;
    }
    const unsigned char *d = (const unsigned char *)bytes_data(self);
    bool cased = false;
    for (size_t i = 0; i < bytes_size(self); i++) {
        bool lo = d[i] >= 'a' && d[i] <= 'z', up = d[i] >= 'A' && d[i] <= 'Z';
        if ((upper && lo) || (!upper && up)) {
            return bool_from(false);
        }
        cased = cased || lo || up;
    }
    return bool_from(cased);
}

static Object *bytes_isupper_method(Object *self, Object *const *args, size_t nargs,
                                    Object *kwnames) {
    return bytes_case_check("isupper", self, nargs, kwnames, true);
}

static Object *bytes_islower_method(Object *self, Object *const *args, size_t nargs,
                                    Object *kwnames) {
    return bytes_case_check("islower", self, nargs, kwnames, false);
}

static Object *bytes_isascii_method(Object *self, Object *const *args, size_t nargs,
                                    Object *kwnames) {
    if (bytes_noargs("isascii", nargs, kwnames) < 0) {
        return NULL;
    }
    for (size_t i = 0; i < bytes_size(self); i++) {
        if ((unsigned char)bytes_data(self)[i] >= 0x80) {
            return bool_from(false);
        }
    }
    return bool_from(true);
}

/* title / capitalize / swapcase on ASCII letters. */
enum { BT_TITLE, BT_CAPITALIZE, BT_SWAPCASE };

static Object *bytes_recase(const char *name, Object *self, size_t nargs, Object *kwnames,
                            int mode) {
    if (bytes_noargs(name, nargs, kwnames) < 0) {
        return NULL;
    }
    size_t n = bytes_size(self);
    Object *r = bytes_alloc(n);
    if (r == NULL) {
        return NULL;
    }
    const char *d = bytes_data(self);
    char *o = ((BytesObject *)r)->data;
    bool prev_cased = false;
    for (size_t i = 0; i < n; i++) {
        char c = d[i];
        bool lo = c >= 'a' && c <= 'z', up = c >= 'A' && c <= 'Z';
        bool to_upper = mode == BT_TITLE ? !prev_cased : mode == BT_CAPITALIZE ? i == 0 : lo;
        if (to_upper && lo) {
            c = (char)(c - 32);
        } else if (!to_upper && up) {
            c = (char)(c + 32);
        }
        o[i] = c;
        prev_cased = lo || up;
    }
    return r;
}

static Object *bytes_title_method(Object *self, Object *const *args, size_t nargs,
                                  Object *kwnames) {
    return bytes_recase("title", self, nargs, kwnames, BT_TITLE);
}

static Object *bytes_capitalize_method(Object *self, Object *const *args, size_t nargs,
                                       Object *kwnames) {
    return bytes_recase("capitalize", self, nargs, kwnames, BT_CAPITALIZE);
}

static Object *bytes_swapcase_method(Object *self, Object *const *args, size_t nargs,
                                     Object *kwnames) {
    return bytes_recase("swapcase", self, nargs, kwnames, BT_SWAPCASE);
}

static Object *bytes_splitlines_method(Object *self, Object *const *args, size_t nargs,
                                       Object *kwnames) {
    static const char *const names[] = {"keepends"};
    Object *a[1];
    if (bytes_keywords("splitlines", args, nargs, kwnames, names, 1, a) < 0) {
        return NULL;
    }
    ssize_t keepends = 0;
    if (a[0] != NULL && (keepends = obj_as_ssize(a[0])) == -1 && err_occurred()) {
        return NULL;
    }
    Object *list = list_new(0);
    if (list == NULL) {
        return NULL;
    }
    const char *d = bytes_data(self);
    size_t n = bytes_size(self), i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && d[j] != '\n' && d[j] != '\r') {
            j++;
        }
        size_t next = j;
        if (j < n) {
            next = (d[j] == '\r' && j + 1 < n && d[j + 1] == '\n') ? j + 2 : j + 1;
        }
        if (list_push_bytes(list, d + i, (keepends ? next : j) - i) < 0) {
            DECREF(list);
            return NULL;
        }
        i = next;
    }
    return list;
}

static Object *bytes_affix_common(const char *name, Object *self, Object *const *args, size_t nargs,
                                  Object *kwnames, bool suffix) {
    if (bytes_nargs(name, nargs, kwnames, 1, 1) < 0 || need_bytes(args[0]) < 0) {
        return NULL;
    }
    const char *d = bytes_data(self), *a = bytes_data(args[0]);
    size_t n = bytes_size(self), m = bytes_size(args[0]);
    if (m > 0 && m <= n) {
        if (!suffix && memcmp(d, a, m) == 0) {
            return bytes_from_data(d + m, n - m);
        }
        if (suffix && memcmp(d + n - m, a, m) == 0) {
            return bytes_from_data(d, n - m);
        }
    }
    return self->type == &BytesType ? NEWREF(self) : bytes_from_data(d, n);
}

static Object *bytes_removeprefix_method(Object *self, Object *const *args, size_t nargs,
                                         Object *kwnames) {
    return bytes_affix_common("removeprefix", self, args, nargs, kwnames, false);
}

static Object *bytes_removesuffix_method(Object *self, Object *const *args, size_t nargs,
                                         Object *kwnames) {
    return bytes_affix_common("removesuffix", self, args, nargs, kwnames, true);
}

/* ljust / rjust / center (0, 1, 2) and zfill (3). */
static Object *bytes_pad_common(const char *name, Object *self, Object *const *args, size_t nargs,
                                Object *kwnames, int which) {
    if (bytes_nargs(name, nargs, kwnames, 1, which == 3 ? 1 : 2) < 0) {
        return NULL;
    }
    ssize_t width = obj_as_ssize(args[0]);
    if (width == -1 && err_occurred()) {
        return NULL;
    }
    char fill = which == 3 ? '0' : ' ';
    if (nargs > 1) {
        if (!bytes_check(args[1]) || bytes_size(args[1]) != 1) {
            return err_format(&ExcTypeError,
                              "%s() argument 2 must be a byte string of length 1, not %.200s", name,
                              obj_type_name(args[1]));
        }
        fill = bytes_data(args[1])[0];
    }
    size_t n = bytes_size(self);
    if (width <= (ssize_t)n) {
        return self->type == &BytesType ? NEWREF(self) : bytes_from_data(bytes_data(self), n);
    }
    size_t marg = (size_t)width - n;
    size_t left = which == 0 ? 0 : which == 2 ? marg / 2 + (marg & (size_t)width & 1) : marg;
    Object *r = bytes_alloc((size_t)width);
    if (r == NULL) {
        return NULL;
    }
    char *o = ((BytesObject *)r)->data;
    memset(o, fill, left);
    memcpy(o + left, bytes_data(self), n);
    memset(o + left + n, fill, marg - left);
    if (which == 3 && n > 0 && (o[left] == '+' || o[left] == '-')) {
        o[0] = o[left];
        o[left] = '0';
    }
    return r;
}

static Object *bytes_ljust_method(Object *self, Object *const *args, size_t nargs,
                                  Object *kwnames) {
    return bytes_pad_common("ljust", self, args, nargs, kwnames, 0);
}

static Object *bytes_rjust_method(Object *self, Object *const *args, size_t nargs,
                                  Object *kwnames) {
    return bytes_pad_common("rjust", self, args, nargs, kwnames, 1);
}

static Object *bytes_center_method(Object *self, Object *const *args, size_t nargs,
                                   Object *kwnames) {
    return bytes_pad_common("center", self, args, nargs, kwnames, 2);
}

static Object *bytes_zfill_method(Object *self, Object *const *args, size_t nargs,
                                  Object *kwnames) {
    return bytes_pad_common("zfill", self, args, nargs, kwnames, 3);
}

static const MethodDef bytes_methods[] = {
    {"decode", bytes_decode_method, 0,
     "Decode the bytes using the codec registered for "
     "encoding."},
    {"hex", bytes_hex_method, 0, "Create a string of hexadecimal numbers from a bytes object."},
    {"fromhex", bytes_fromhex_method, METHOD_CLASS,
     "Create a bytes object from a string of "
     "hexadecimal numbers."},
    {"join", bytes_join_method, 0, "Concatenate any number of bytes objects."},
    {"split", bytes_split_method, 0,
     "Return a list of the sections in the bytes, using sep as "
     "the delimiter."},
    {"strip", bytes_strip_method, 0,
     "Strip leading and trailing bytes contained in the "
     "argument."},
    {"lstrip", bytes_lstrip_method, 0, "Strip leading bytes contained in the argument."},
    {"rstrip", bytes_rstrip_method, 0, "Strip trailing bytes contained in the argument."},
    {"startswith", bytes_startswith_method, 0,
     "Return True if B starts with the specified "
     "prefix."},
    {"endswith", bytes_endswith_method, 0, "Return True if B ends with the specified suffix."},
    {"find", bytes_find_method, 0,
     "Return the lowest index in B where subsection sub is "
     "found."},
    {"index", bytes_index_method, 0, "Like find() but raise ValueError when not found."},
    {"count", bytes_count_method, 0,
     "Return the number of non-overlapping occurrences of "
     "subsection sub."},
    {"replace", bytes_replace_method, 0,
     "Return a copy with all occurrences of substring old "
     "replaced by new."},
    {"upper", bytes_upper_method, 0, "B.upper() -> copy of B with ASCII letters uppercased."},
    {"lower", bytes_lower_method, 0, "B.lower() -> copy of B with ASCII letters lowercased."},
    {"rfind", bytes_rfind_method, 0,
     "Return the highest index in B where subsection sub is "
     "found."},
    {"rindex", bytes_rindex_method, 0, "Like rfind() but raise ValueError when not found."},
    {"rsplit", bytes_rsplit_method, 0,
     "Return a list of the sections in the bytes, splitting "
     "from the right."},
    {"partition", bytes_partition_method, 0,
     "Partition the bytes into three parts using the "
     "given separator."},
    {"rpartition", bytes_rpartition_method, 0,
     "Partition the bytes into three parts, searching "
     "from the end."},
    {"isdigit", bytes_isdigit_method, 0, "Return True if all bytes are ASCII digits."},
    {"isalpha", bytes_isalpha_method, 0, "Return True if all bytes are ASCII letters."},
    {"isalnum", bytes_isalnum_method, 0, "Return True if all bytes are ASCII letters or digits."},
    {"isspace", bytes_isspace_method, 0, "Return True if all bytes are ASCII whitespace."},
    {"isupper", bytes_isupper_method, 0, "Return True if all cased bytes are uppercase."},
    {"islower", bytes_islower_method, 0, "Return True if all cased bytes are lowercase."},
    {"isascii", bytes_isascii_method, 0, "Return True if all bytes are ASCII."},
    {"title", bytes_title_method, 0, "Return a titlecased version of B."},
    {"capitalize", bytes_capitalize_method, 0, "Return a capitalized version of B."},
    {"swapcase", bytes_swapcase_method, 0, "Swap the case of ASCII letters."},
    {"splitlines", bytes_splitlines_method, 0, "Return a list of the lines in B."},
    {"removeprefix", bytes_removeprefix_method, 0, "Remove the prefix if present."},
    {"removesuffix", bytes_removesuffix_method, 0, "Remove the suffix if present."},
    {"ljust", bytes_ljust_method, 0, "Return a left-justified bytes of length width."},
    {"rjust", bytes_rjust_method, 0, "Return a right-justified bytes of length width."},
    {"center", bytes_center_method, 0, "Return a centered bytes of length width."},
    {"zfill", bytes_zfill_method, 0, "Pad a numeric bytes with zeros on the left."},
    {NULL, NULL, 0, NULL},
};

TypeObject BytesType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "bytes",
    .basic_size = sizeof(BytesObject),
    .flags = TYPE_FLAG_BASETYPE,
    .dealloc = bytes_dealloc,
    .repr = bytes_repr,
    .hash = bytes_hash,
    .richcompare = bytes_richcompare,
    .binary_op = bytes_binary_op,
    .len = bytes_len,
    .getitem = bytes_getitem,
    .contains = bytes_contains,
    .iter = bytes_iter,
    .new_instance = bytes_new_instance,
    .methods = bytes_methods,
    .doc = "bytes(iterable_of_ints) -> bytes\nbytes(string, encoding[, errors]) -> bytes\n"
           "bytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\n"
           "bytes(int) -> bytes object of size given by the parameter initialized with null "
           "bytes\nbytes() -> empty bytes object",
};
