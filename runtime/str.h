/* str.h: Python str. Stored as UTF-8 (NUL-terminated) with the length in code
 * points cached; `ascii` strings index in O(1), longer non-ASCII ones through a
 * lazily built offset index. Strings are immutable (the one exception is
 * s += t on a string nobody else references, see StrType.inplace_op);
 * interned strings (identifiers, attribute names) compare by pointer first. */
#ifndef GILPY_STR_H
#define GILPY_STR_H

#include <stdarg.h>

#include "object.h"

typedef struct StrObject {
    Object base;
    intptr_t hash; /* -1 until computed */
    size_t length; /* in code points */
    size_t size;   /* in bytes, excluding the NUL */
    bool ascii;    /* every byte < 128 (so length == size) */
    bool interned;
    size_t capacity; /* bytes allocated for data, excluding the NUL (>= size) */
    size_t *index;   /* non-ASCII only: lazily built byte offsets of every
                        STR_INDEX_STEP-th code point (see str_offset_of), or NULL */
    char data[];     /* UTF-8, NUL-terminated */
} StrObject;

/* The offset index of long non-ASCII strings records every 32nd code point. */
#define STR_INDEX_STEP 32

extern TypeObject StrType;
/* Iterators over str: CPython 3.11 names the ASCII one "str_ascii_iterator". */
extern TypeObject StrIterType, StrAsciiIterType;

static inline bool str_check(const Object *v) {
    return !is_small_int(v) && (v->type == &StrType || type_is_subtype(v->type, &StrType));
}
static inline const char *str_utf8(const Object *v) {
    return ((const StrObject *)v)->data;
}
static inline size_t str_size(const Object *v) {
    return ((const StrObject *)v)->size;
}
static inline size_t str_length(const Object *v) {
    return ((const StrObject *)v)->length;
}

/* s must be valid UTF-8 (size bytes, need not be NUL-terminated). */
MAY_RAISE Object *str_from_utf8(const char *s, size_t size);
MAY_RAISE Object *str_from_cstr(const char *s);
MAY_RAISE Object *str_from_format(const char *fmt, ...); /* printf + %R %S %T %U (errors.h) */
MAY_RAISE Object *str_from_vformat(const char *fmt, va_list ap);
MAY_RAISE Object *str_from_codepoint(uint32_t cp);
/* Decode arbitrary bytes as UTF-8; invalid input: UnicodeDecodeError. */
MAY_RAISE Object *str_decode_utf8(const char *s, size_t size);

/* The interned str for s (new reference). Interned strings live forever. */
MAY_RAISE Object *str_intern_cstr(const char *s);
/* Intern in place: replaces *p by the canonical interned object. */
void str_intern_in_place(Object **p);

MAY_RAISE Object *str_concat(Object *a, Object *b);
/* Note for the VM: StrType.inplace_op (s += t) appends in place, in amortised
 * O(1), when the caller holds the ONLY reference to s (refcount 1) and s was
 * itself made by +=. CPython gets its speed on `s += t` for a local by
 * dropping the local's reference first when the next instruction stores the
 * result back into that same local; do the same and loops of += are linear. */
bool str_equal(Object *a, Object *b); /* both str */
bool str_equal_cstr(Object *a, const char *s);
intptr_t str_hash(Object *v);
MAY_RAISE Object *str_repr(Object *v); /* 'it''s' quoting as CPython */
MAY_RAISE Object *str_join(Object *sep, Object *iterable);
MAY_RAISE Object *str_format_method(Object *fmt, Object *const *args, size_t nargs,
                                    Object *kwnames);            /* str.format */
MAY_RAISE Object *str_percent_format(Object *fmt, Object *args); /* fmt % args */
/* Code point at index i (0 <= i < length). */
uint32_t str_codepoint_at(Object *v, size_t i);
/* Byte offset of code point i (0 <= i <= length): O(1) for ASCII, O(32) with
 * the lazily built index otherwise. */
size_t str_offset_of(Object *v, size_t i);
/* Code point index of byte offset `off` (which must start a code point). */
size_t str_index_of_offset(Object *v, size_t off);
/* The code points [start, stop) as a new str (0 <= start <= stop <= length). */
MAY_RAISE Object *str_substring(Object *v, size_t start, size_t stop);
/* The empty string '' (new reference). */
Object *str_empty(void);
/* Compare two strs in code point order: <0, 0, >0. */
int str_compare(Object *a, Object *b);
/* str.__format__(spec): the format-spec mini-language for strings. */
MAY_RAISE Object *str_format_spec(Object *v, Object *spec);
/* str.encode(encoding, errors): 'utf-8', 'ascii', 'latin-1' with errors
 * 'strict', 'ignore', 'replace' (names normalised as CPython: 'UTF8', 'latin1'...). */
MAY_RAISE Object *str_encode(Object *v, const char *encoding, const char *errors);
/* bytes.decode(encoding, errors) of raw data, same codecs as str_encode. */
MAY_RAISE Object *str_decode(const char *s, size_t size, const char *encoding, const char *errors);

/* Decode one UTF-8 sequence (valid input) at s[*pos] and advance *pos. */
static inline uint32_t utf8_next(const char *s, size_t *pos) {
    const unsigned char *p = (const unsigned char *)s + *pos;
    uint32_t c = p[0];
    if (c < 0x80) {
        *pos += 1;
        return c;
    }
    if (c < 0xE0) {
        *pos += 2;
        return ((c & 0x1F) << 6) | (p[1] & 0x3F);
    }
    if (c < 0xF0) {
        *pos += 3;
        return ((c & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    }
    *pos += 4;
    return ((c & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) | ((uint32_t)(p[2] & 0x3F) << 6) |
           (p[3] & 0x3F);
}

/* Encode cp as UTF-8 into buf (4 bytes); returns the byte count. Lone
 * surrogates are encoded as their 3-byte form (CPython stores them too). */
static inline size_t utf8_encode(uint32_t cp, char *buf) {
    if (cp < 0x80) {
        buf[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        buf[0] = (char)(0xC0 | (cp >> 6));
        buf[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        buf[0] = (char)(0xE0 | (cp >> 12));
        buf[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        buf[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    buf[0] = (char)(0xF0 | (cp >> 18));
    buf[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    buf[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    buf[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Growable UTF-8 buffer for building strings; all of gilpy uses it. */
typedef struct StrBuilder {
    char *data;
    size_t size;
    size_t capacity;
    bool failed; /* an allocation failed (MemoryError is set) */
} StrBuilder;

void sb_init(StrBuilder *sb);
void sb_append(StrBuilder *sb, const char *s, size_t n);
void sb_append_cstr(StrBuilder *sb, const char *s);
void sb_append_char(StrBuilder *sb, char c);
void sb_append_codepoint(StrBuilder *sb, uint32_t cp);
void sb_append_str(StrBuilder *sb, Object *str);
void sb_appendf(StrBuilder *sb, const char *fmt, ...); /* plain printf formats */
/* Make room for n more bytes; returns a pointer to write them (then call
 * sb_commit(sb, n)), or NULL when the allocation failed. */
char *sb_reserve(StrBuilder *sb, size_t n);
static inline void sb_commit(StrBuilder *sb, size_t n) {
    sb->size += n;
}
/* Append n copies of code point cp. */
void sb_append_repeat(StrBuilder *sb, uint32_t cp, size_t n);
/* Append repr(v) / str(v); returns -1 on error. */
MAY_RAISE int sb_append_repr(StrBuilder *sb, Object *v);
MAY_RAISE int sb_append_strof(StrBuilder *sb, Object *v);
/* Finish: a new str (NULL on failure); the builder is reset. */
MAY_RAISE Object *sb_finish(StrBuilder *sb);
void sb_discard(StrBuilder *sb);

/* Format-spec mini-language, shared by int, float and str __format__. */
typedef struct FormatSpec {
    uint32_t fill;     /* default ' ' */
    char align;        /* '<', '>', '^', '=' or 0 */
    char sign;         /* '+', '-', ' ' or 0 */
    bool alternate;    /* '#' */
    bool zero_pad;     /* '0' */
    ssize_t width;     /* -1: none */
    char grouping;     /* ',', '_' or 0 */
    ssize_t precision; /* -1: none */
    char type;         /* 'd', 'f', 'x', ... or 0 */
    bool no_neg_zero;  /* 'z' (3.11): coerce negative zero to zero */
    uint32_t type_cp;  /* the type as a code point (type is 1 when it is not ASCII) */
} FormatSpec;

/* Parse spec (a str) exactly like CPython's parse_internal_render_format_spec.
 * type_name is the formatted object's type for the message "Invalid format
 * specifier 'dd' for object of type 'int'"; default_type is the type used when
 * the spec has none ('d' for int, 's' for str, 0 for float: it matters for
 * "Cannot specify ',' with 's'."); default_align is '<' for str, '>' for
 * numbers (with '0' and no explicit align, numbers get align '='). On success
 * out->align is the explicit alignment, '=' for the zero-pad case, or 0.
 * Returns -1 with ValueError on failure. */
MAY_RAISE int format_spec_parse_ex(Object *spec, FormatSpec *out, const char *type_name,
                                   char default_type, char default_align);
/* Raise CPython's "Unknown format code 'x' for object of type 'int'" for
 * spec->type_cp (escaped as '\xe9' when not printable ASCII). Returns NULL. */
Object *format_spec_unknown_code(const FormatSpec *spec, const char *type_name);
/* Same as format_spec_parse_ex(spec, out, "object", 0, '>'): prefer _ex. */
MAY_RAISE int format_spec_parse(Object *spec, FormatSpec *out);
/* Append `body` (UTF-8, body_size bytes, body_len code points) into sb, padded
 * with spec->fill to spec->width according to spec->align (or default_align
 * when spec->align is 0). For '=' the padding goes after a leading sign
 * ('+', '-', ' ') and after a "0x"/"0o"/"0b"/"0X"... prefix, so numbers can
 * pass their whole text. */
void format_spec_pad(StrBuilder *sb, const FormatSpec *spec, const char *body, size_t body_size,
                     size_t body_len, char default_align);

#endif /* GILPY_STR_H */
