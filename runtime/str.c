/* str.c: the str type. Strings are immutable UTF-8 with a cached code point
 * length; ASCII strings index in O(1), others through a lazily built offset
 * index. Also: interning, hashing, repr, comparison, indexing and slicing,
 * concatenation and repetition, str() construction and the str iterators. */
#include <string.h>

#include "args.h"
#include "bytes.h"
#include "errors.h"
#include "exceptions.h"
#include "int.h"
#include "memory.h"
#include "range.h"
#include "str_internal.h"
#include "tuple.h"
#include "unicode_data.h"

/* ================================================================ allocation */

/* Shared immutable singletons: '' and the 128 one-character ASCII strings.
 * They are created on first use and never freed (pure functions of constant
 * data, so allowed as globals; creating them needs the GIL like any object). */
static Object *str_empty_singleton;
static Object *str_ascii_cache[128];

Object *str_alloc_capacity(size_t size, size_t length, bool ascii, size_t capacity) {
    if (capacity < size) {
        capacity = size;
    }
    if (capacity > SIZE_MAX - sizeof(StrObject) - 1) {
        err_no_memory();
        return NULL;
    }
    StrObject *s = (StrObject *)obj_alloc(&StrType, sizeof(StrObject) + capacity + 1);
    if (s == NULL) {
        return NULL;
    }
    s->hash = -1;
    s->length = length;
    s->size = size;
    s->ascii = ascii;
    s->interned = false;
    s->capacity = capacity;
    s->index = NULL;
    s->data[size] = '\0';
    return (Object *)s;
}

Object *str_alloc(size_t size, size_t length, bool ascii) {
    return str_alloc_capacity(size, length, ascii, size);
}

Object *str_empty(void) {
    if (str_empty_singleton == NULL) {
        str_empty_singleton = str_alloc(0, 0, true);
        if (str_empty_singleton == NULL) {
            return NULL;
        }
    }
    return NEWREF(str_empty_singleton);
}

Object *str_ascii_char(unsigned char c) {
    Object *s = str_ascii_cache[c & 0x7F];
    if (s == NULL) {
        s = str_alloc(1, 1, true);
        if (s == NULL) {
            return NULL;
        }
        ((StrObject *)s)->data[0] = (char)c;
        str_ascii_cache[c & 0x7F] = s;
    }
    return NEWREF(s);
}

size_t utf8_count(const char *s, size_t size, bool *ascii) {
    size_t i = 0;
    /* ASCII prefix eight bytes at a time. */
    while (i + 8 <= size) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if (w & 0x8080808080808080ULL) {
            break;
        }
        i += 8;
    }
    while (i < size && (unsigned char)s[i] < 0x80) {
        i++;
    }
    if (i == size) {
        *ascii = true;
        return size;
    }
    *ascii = false;
    size_t count = i;
    for (; i < size; i++) {
        count += ((unsigned char)s[i] & 0xC0) != 0x80;
    }
    return count;
}

Object *str_from_utf8_known(const char *s, size_t size, size_t length, bool ascii) {
    if (size == 0) {
        return str_empty();
    }
    if (size == 1 && ascii) {
        return str_ascii_char((unsigned char)s[0]);
    }
    Object *r = str_alloc(size, length, ascii);
    if (r != NULL) {
        memcpy(((StrObject *)r)->data, s, size);
    }
    return r;
}

Object *str_from_utf8(const char *s, size_t size) {
    bool ascii;
    size_t length = utf8_count(s, size, &ascii);
    return str_from_utf8_known(s, size, length, ascii);
}

Object *str_from_cstr(const char *s) {
    return str_from_utf8(s, strlen(s));
}

Object *str_from_codepoint(uint32_t cp) {
    if (cp < 0x80) {
        return str_ascii_char((unsigned char)cp);
    }
    char buf[4];
    return str_from_utf8_known(buf, utf8_encode(cp, buf), 1, false);
}

Object *str_decode_utf8(const char *s, size_t size) {
    return str_decode(s, size, "utf-8", NULL);
}

Object *str_exact(Object *v) {
    if (v->type == &StrType) {
        return NEWREF(v);
    }
    StrObject *s = (StrObject *)v;
    return str_from_utf8_known(s->data, s->size, s->length, s->ascii);
}

/* ================================================================ indexing */

/* Byte length of the UTF-8 sequence starting with lead byte b. */
static inline size_t utf8_lead_size(unsigned char b) {
    return b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
}

/* Advance `count` code points from byte offset pos. */
static size_t utf8_skip(const char *s, size_t pos, size_t count) {
    while (count-- > 0) {
        pos += utf8_lead_size((unsigned char)s[pos]);
    }
    return pos;
}

/* Build the offset index of a non-ASCII string (every STR_INDEX_STEP code
 * points). Returns false when out of memory (the caller then walks). */
static bool str_build_index(StrObject *s) {
    size_t n = s->length / STR_INDEX_STEP + 1;
    size_t *index = mem_alloc_array(n, sizeof(size_t));
    if (index == NULL) {
        err_clear();
        return false;
    }
    size_t pos = 0;
    for (size_t k = 0; k < n; k++) {
        index[k] = pos;
        if (k + 1 < n) {
            pos = utf8_skip(s->data, pos, STR_INDEX_STEP);
        }
    }
    s->index = index;
    return true;
}

size_t str_offset_of(Object *v, size_t i) {
    StrObject *s = (StrObject *)v;
    if (s->ascii) {
        return i;
    }
    if (i >= s->length) {
        return s->size;
    }
    if (s->length <= 2 * STR_INDEX_STEP || (s->index == NULL && !str_build_index(s))) {
        return utf8_skip(s->data, 0, i);
    }
    return utf8_skip(s->data, s->index[i / STR_INDEX_STEP], i % STR_INDEX_STEP);
}

size_t str_index_of_offset(Object *v, size_t off) {
    StrObject *s = (StrObject *)v;
    if (s->ascii) {
        return off;
    }
    size_t base_cp = 0, base_off = 0;
    if (s->length > 2 * STR_INDEX_STEP && (s->index != NULL || str_build_index(s))) {
        /* The last indexed code point at or before `off`. */
        size_t lo = 0, hi = s->length / STR_INDEX_STEP + 1;
        while (hi - lo > 1) {
            size_t mid = (lo + hi) / 2;
            if (s->index[mid] <= off) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        base_cp = lo * STR_INDEX_STEP;
        base_off = s->index[lo];
    }
    bool ascii;
    return base_cp + utf8_count(s->data + base_off, off - base_off, &ascii);
}

uint32_t str_codepoint_at(Object *v, size_t i) {
    StrObject *s = (StrObject *)v;
    if (s->ascii) {
        return (unsigned char)s->data[i];
    }
    size_t pos = str_offset_of(v, i);
    return utf8_next(s->data, &pos);
}

Object *str_substring(Object *v, size_t start, size_t stop) {
    StrObject *s = (StrObject *)v;
    if (start == 0 && stop == s->length && s->base.type == &StrType) {
        return NEWREF(v);
    }
    if (stop <= start) {
        return str_empty();
    }
    if (s->ascii) {
        return str_from_utf8_known(s->data + start, stop - start, stop - start, true);
    }
    size_t b0 = str_offset_of(v, start);
    size_t b1 = utf8_skip(s->data, b0, stop - start);
    bool ascii = b1 - b0 == stop - start;
    return str_from_utf8_known(s->data + b0, b1 - b0, stop - start, ascii);
}

/* The one-character string at index i. */
static Object *str_char_at(Object *v, size_t i) {
    StrObject *s = (StrObject *)v;
    if (s->ascii) {
        return str_ascii_char((unsigned char)s->data[i]);
    }
    size_t pos = str_offset_of(v, i);
    size_t n = utf8_lead_size((unsigned char)s->data[pos]);
    return str_from_utf8_known(s->data + pos, n, 1, n == 1);
}

static Object *str_getitem(Object *self, Object *key) {
    ssize_t len = (ssize_t)str_length(self);
    ssize_t i;
    if (is_small_int(key)) {
        i = small_int_value(key);
    } else if (slice_check(key)) {
        ssize_t start, stop, step;
        ssize_t n = slice_adjust(key, len, &start, &stop, &step);
        if (n < 0) {
            return NULL;
        }
        if (step == 1) {
            return str_substring(self, (size_t)start, (size_t)(start + n));
        }
        if (n == 0) {
            return str_empty();
        }
        StrBuilder sb;
        sb_init(&sb);
        StrObject *s = (StrObject *)self;
        if (s->ascii) {
            char *p = sb_reserve(&sb, (size_t)n);
            if (p == NULL) {
                return NULL;
            }
            for (ssize_t k = 0, j = start; k < n; k++, j += step) {
                p[k] = s->data[j];
            }
            sb_commit(&sb, (size_t)n);
        } else {
            for (ssize_t k = 0, j = start; k < n; k++, j += step) {
                sb_append_codepoint(&sb, str_codepoint_at(self, (size_t)j));
            }
        }
        return sb_finish(&sb);
    } else if (obj_type(key)->index != NULL || int_check(key)) {
        i = obj_as_ssize(key);
        if (i == -1 && err_occurred()) {
            return NULL;
        }
    } else {
        return err_format(&ExcTypeError, "string indices must be integers, not '%.200s'",
                          obj_type_name(key));
    }
    if (i < 0) {
        i += len;
    }
    if (i < 0 || i >= len) {
        err_set_string(&ExcIndexError, "string index out of range");
        return NULL;
    }
    return str_char_at(self, (size_t)i);
}

static ssize_t str_len(Object *self) {
    return (ssize_t)str_length(self);
}

static int str_truth(Object *self) {
    return str_size(self) != 0;
}

/* ================================================================ hashing, equality */

/* A fast 64-bit hash over the UTF-8 bytes (8 bytes per step, murmur-style
 * finalizer). CPython randomises str hashes, so no output may depend on it. */
uint64_t str_hash_bytes(const char *s, size_t n) {
    const uint64_t m = 0x9E3779B97F4A7C15ULL;
    uint64_t h = 0x243F6A8885A308D3ULL ^ (n * m);
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        h = (h ^ w) * m;
        h ^= h >> 29;
    }
    if (i < n) {
        uint64_t w = 0;
        memcpy(&w, s + i, n - i);
        h = (h ^ w) * m;
        h ^= h >> 29;
    }
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDULL;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ULL;
    h ^= h >> 33;
    return h;
}

intptr_t str_hash(Object *v) {
    StrObject *s = (StrObject *)v;
    if (s->hash != -1) {
        return s->hash;
    }
    intptr_t h = (intptr_t)str_hash_bytes(s->data, s->size);
    if (h == -1) {
        h = -2;
    }
    s->hash = h;
    return h;
}

bool str_equal(Object *a, Object *b) {
    if (a == b) {
        return true;
    }
    StrObject *x = (StrObject *)a, *y = (StrObject *)b;
    if (x->size != y->size) {
        return false;
    }
    if (x->hash != -1 && y->hash != -1 && x->hash != y->hash) {
        return false;
    }
    return memcmp(x->data, y->data, x->size) == 0;
}

bool str_equal_cstr(Object *a, const char *s) {
    size_t n = strlen(s);
    return str_size(a) == n && memcmp(str_utf8(a), s, n) == 0;
}

int str_compare(Object *a, Object *b) {
    size_t na = str_size(a), nb = str_size(b);
    int c = memcmp(str_utf8(a), str_utf8(b), na < nb ? na : nb);
    if (c != 0) {
        return c;
    }
    return na < nb ? -1 : na > nb ? 1 : 0;
}

static Object *str_richcompare(Object *a, Object *b, CompareOp op) {
    if (!str_check(a) || !str_check(b)) {
        return NEWREF(NotImplemented);
    }
    bool r;
    if (op == CMP_EQ || op == CMP_NE) {
        r = str_equal(a, b) == (op == CMP_EQ);
    } else {
        int c = str_compare(a, b);
        switch (op) {
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
    }
    return bool_from(r);
}

/* ================================================================ interning */

/* The interned strings: an open-addressing hash set of StrObject pointers
 * (linear probing, kept at most half full). It holds a reference to each
 * member, so interned strings live until exit. Like every object, it is only
 * touched while holding the GIL. */
static Object **intern_table;
static size_t intern_capacity; /* a power of two */
static size_t intern_count;

static bool intern_grow(void) {
    size_t cap = intern_capacity == 0 ? 1024 : intern_capacity * 2;
    Object **table = mem_alloc_array(cap, sizeof(Object *));
    if (table == NULL) {
        return false;
    }
    for (size_t i = 0; i < intern_capacity; i++) {
        Object *s = intern_table[i];
        if (s != NULL) {
            size_t j = (size_t)str_hash(s) & (cap - 1);
            while (table[j] != NULL) {
                j = (j + 1) & (cap - 1);
            }
            table[j] = s;
        }
    }
    mem_free(intern_table);
    intern_table = table;
    intern_capacity = cap;
    return true;
}

/* Find the interned string equal to the bytes s[0..n) with hash h; returns its
 * slot (holding the string, or NULL for the slot where it would go). */
static Object **intern_find(const char *s, size_t n, intptr_t h) {
    size_t j = (size_t)h & (intern_capacity - 1);
    for (;;) {
        Object *e = intern_table[j];
        if (e == NULL ||
            (((StrObject *)e)->hash == h && str_size(e) == n && memcmp(str_utf8(e), s, n) == 0)) {
            return &intern_table[j];
        }
        j = (j + 1) & (intern_capacity - 1);
    }
}

void str_intern_in_place(Object **p) {
    Object *s = *p;
    if (s->type != &StrType || ((StrObject *)s)->interned) {
        return;
    }
    if ((intern_count + 1) * 2 > intern_capacity && !intern_grow()) {
        err_clear();
        return;
    }
    intptr_t h = str_hash(s);
    Object **slot = intern_find(str_utf8(s), str_size(s), h);
    if (*slot != NULL) {
        INCREF(*slot);
        *p = *slot;
        DECREF(s);
        return;
    }
    *slot = NEWREF(s);
    ((StrObject *)s)->interned = true;
    intern_count++;
}

Object *str_intern_cstr(const char *s) {
    size_t n = strlen(s);
    if (intern_capacity != 0) {
        intptr_t h = (intptr_t)str_hash_bytes(s, n);
        if (h == -1) {
            h = -2;
        }
        Object **slot = intern_find(s, n, h);
        if (*slot != NULL) {
            return NEWREF(*slot);
        }
    }
    Object *r = str_from_utf8(s, n);
    if (r != NULL) {
        str_intern_in_place(&r);
    }
    return r;
}

/* ================================================================ repr */

void str_repr_into(StrBuilder *sb, Object *v, bool ascii_only) {
    StrObject *s = (StrObject *)v;
    const char *d = s->data;
    size_t n = s->size;
    bool has_single = memchr(d, '\'', n) != NULL;
    bool has_double = memchr(d, '"', n) != NULL;
    char quote = has_single && !has_double ? '"' : '\'';
    char *out = sb_reserve(sb, n + 2);
    if (out == NULL) {
        return;
    }
    sb_append_char(sb, quote);
    size_t i = 0;
    while (i < n) {
        /* Copy a run of characters that need no escaping in one go. */
        size_t run = i;
        while (run < n) {
            unsigned char c = (unsigned char)d[run];
            if (c < 0x20 || c >= 0x7F || c == '\\' || c == (unsigned char)quote) {
                break;
            }
            run++;
        }
        if (run > i) {
            sb_append(sb, d + i, run - i);
            i = run;
            if (i >= n) {
                break;
            }
        }
        size_t start = i;
        uint32_t c = utf8_next(d, &i);
        if (c == (uint32_t)quote || c == '\\') {
            sb_append_char(sb, '\\');
            sb_append_char(sb, (char)c);
        } else if (c == '\t') {
            sb_append(sb, "\\t", 2);
        } else if (c == '\n') {
            sb_append(sb, "\\n", 2);
        } else if (c == '\r') {
            sb_append(sb, "\\r", 2);
        } else if (c < 0x20 || c == 0x7F) {
            sb_appendf(sb, "\\x%02x", c);
        } else if (c < 0x7F) {
            sb_append_char(sb, (char)c);
        } else if (!ascii_only && uni_is_printable(c)) {
            sb_append(sb, d + start, i - start);
        } else if (c <= 0xFF) {
            sb_appendf(sb, "\\x%02x", c);
        } else if (c <= 0xFFFF) {
            sb_appendf(sb, "\\u%04x", c);
        } else {
            sb_appendf(sb, "\\U%08x", c);
        }
    }
    sb_append_char(sb, quote);
}

Object *str_repr(Object *v) {
    StrBuilder sb;
    sb_init(&sb);
    str_repr_into(&sb, v, false);
    return sb_finish(&sb);
}

static Object *str_str(Object *v) {
    return str_exact(v);
}

/* ================================================================ unicode helpers */

bool uni_is_space(uint32_t cp) {
    if (cp < 0x80) {
        return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F);
    }
    return (unicode_props(cp) & UNI_SPACE) != 0;
}

bool uni_is_printable(uint32_t cp) {
    if (cp < 0x80) {
        return cp >= 0x20 && cp < 0x7F;
    }
    return (unicode_props(cp) & UNI_PRINTABLE) != 0;
}

bool uni_is_linebreak(uint32_t cp) {
    switch (cp) {
        case 0x0A:
        case 0x0B:
        case 0x0C:
        case 0x0D:
        case 0x1C:
        case 0x1D:
        case 0x1E:
        case 0x85:
        case 0x2028:
        case 0x2029:
            return true;
        default:
            return false;
    }
}

/* ================================================================ operators */

Object *str_concat(Object *a, Object *b) {
    StrObject *x = (StrObject *)a, *y = (StrObject *)b;
    if (y->size == 0 && x->base.type == &StrType) {
        return NEWREF(a);
    }
    if (x->size == 0 && y->base.type == &StrType) {
        return NEWREF(b);
    }
    if (x->size > SIZE_MAX / 2 || y->size > SIZE_MAX / 2) {
        err_no_memory();
        return NULL;
    }
    Object *r = str_alloc(x->size + y->size, x->length + y->length, x->ascii && y->ascii);
    if (r == NULL) {
        return NULL;
    }
    char *d = ((StrObject *)r)->data;
    memcpy(d, x->data, x->size);
    memcpy(d + x->size, y->data, y->size);
    return r;
}

/* s * n (n already known). */
static Object *str_repeat(Object *s, ssize_t n) {
    StrObject *x = (StrObject *)s;
    if (n <= 0 || x->size == 0) {
        return str_empty();
    }
    if (n == 1 && x->base.type == &StrType) {
        return NEWREF(s);
    }
    if ((size_t)n > (SIZE_MAX / 2) / x->size) {
        err_set_string(&ExcOverflowError, "repeated string is too long");
        return NULL;
    }
    size_t total = x->size * (size_t)n;
    Object *r = str_alloc(total, x->length * (size_t)n, x->ascii);
    if (r == NULL) {
        return NULL;
    }
    char *d = ((StrObject *)r)->data;
    if (x->size == 1) {
        memset(d, x->data[0], total);
    } else {
        /* Doubling copies: log(n) memcpy calls. */
        memcpy(d, x->data, x->size);
        size_t done = x->size;
        while (done < total) {
            size_t chunk = done <= total - done ? done : total - done;
            memcpy(d + done, d, chunk);
            done += chunk;
        }
    }
    return r;
}

/* s * n where n should be an int or have __index__, else TypeError. */
static Object *str_repeat_by(Object *s, Object *n) {
    ssize_t count;
    if (is_small_int(n)) {
        count = small_int_value(n);
    } else if (int_check(n) || obj_type(n)->index != NULL) {
        count = obj_as_ssize(n);
        if (count == -1 && err_occurred()) {
            if (err_matches(&ExcOverflowError) || err_matches(&ExcIndexError)) {
                err_clear();
                return err_format(&ExcOverflowError,
                                  "cannot fit '%.200s' into an index-sized integer",
                                  obj_type_name(n));
            }
            return NULL;
        }
    } else {
        return err_format(&ExcTypeError, "can't multiply sequence by non-int of type '%.200s'",
                          obj_type_name(n));
    }
    return str_repeat(s, count);
}

/* Give the other operand's type a chance (a reflected __radd__/__rmul__ of a
 * user class) before raising the sequence error: CPython tries the number
 * slots of both operands before the sequence ones. Returns 1 with *out set,
 * 0 when the other type does not handle the pair, -1 on error. */
static int str_try_other(Object *a, Object *b, BinaryOp op, Object *other, Object **out) {
    TypeObject *t = obj_type(other);
    if (t == &StrType || t->binary_op == NULL || t == &IntType || t == &BoolType) {
        return 0;
    }
    Object *r = t->binary_op(a, b, op);
    if (r == NULL) {
        return err_occurred() ? -1 : 0;
    }
    if (r == NotImplemented) {
        DECREF(r);
        return 0;
    }
    *out = r;
    return 1;
}

static Object *str_binary_op(Object *a, Object *b, BinaryOp op) {
    bool a_str = str_check(a);
    Object *r = NULL;
    switch (op) {
        case BINOP_ADD: {
            if (!a_str) {
                return NEWREF(NotImplemented);
            }
            if (str_check(b)) {
                return str_concat(a, b);
            }
            int k = str_try_other(a, b, op, b, &r);
            if (k != 0) {
                return k > 0 ? r : NULL;
            }
            return err_format(&ExcTypeError, "can only concatenate str (not \"%.200s\") to str",
                              obj_type_name(b));
        }
        case BINOP_MUL: {
            Object *s = a_str ? a : b;
            Object *n = a_str ? b : a;
            if (!str_check(s)) {
                return NEWREF(NotImplemented);
            }
            if (!int_check(n)) {
                int k = str_try_other(a, b, op, n, &r);
                if (k != 0) {
                    return k > 0 ? r : NULL;
                }
            }
            return str_repeat_by(s, n);
        }
        case BINOP_MOD:
            if (!a_str) {
                return NEWREF(NotImplemented);
            }
            return str_percent_format(a, b);
        default:
            return NEWREF(NotImplemented);
    }
}

/* s += t: when the caller holds the only reference to s (the VM dropped the
 * variable's reference first, as CPython's unicode_concatenate does) and s
 * has spare capacity, append in place; otherwise build a new string with
 * room to grow, so a loop of += runs in amortised linear time. */
static Object *str_inplace_op(Object *a, Object *b, BinaryOp op) {
    if (op != BINOP_ADD || !str_check(a) || !str_check(b) || a->type != &StrType) {
        return str_binary_op(a, b, op);
    }
    StrObject *x = (StrObject *)a, *y = (StrObject *)b;
    if (y->size == 0) {
        return NEWREF(a);
    }
    if (x->size > SIZE_MAX / 4 || y->size > SIZE_MAX / 4) {
        err_no_memory();
        return NULL;
    }
    size_t need = x->size + y->size;
    if (x->base.refcount == 1 && !x->interned && need <= x->capacity && a != b) {
        memcpy(x->data + x->size, y->data, y->size);
        x->size = need;
        x->data[need] = '\0';
        x->length += y->length;
        x->ascii = x->ascii && y->ascii;
        x->hash = -1;
        if (x->index != NULL) {
            mem_free(x->index);
            x->index = NULL;
        }
        return NEWREF(a);
    }
    if (x->size == 0) {
        return NEWREF(b);
    }
    size_t capacity = need + need / 2 + 8;
    Object *r = str_alloc_capacity(need, x->length + y->length, x->ascii && y->ascii, capacity);
    if (r == NULL) {
        return NULL;
    }
    char *d = ((StrObject *)r)->data;
    memcpy(d, x->data, x->size);
    memcpy(d + x->size, y->data, y->size);
    d[need] = '\0';
    return r;
}

static int str_contains(Object *self, Object *item) {
    if (!str_check(item)) {
        err_format(&ExcTypeError, "'in <string>' requires string as left operand, not %.200s",
                   obj_type_name(item));
        return -1;
    }
    size_t n = str_size(item);
    if (n == 0) {
        return 1;
    }
    if (n == 1) {
        return memchr(str_utf8(self), str_utf8(item)[0], str_size(self)) != NULL;
    }
    return memmem(str_utf8(self), str_size(self), str_utf8(item), n) != NULL;
}

/* ================================================================ str() */

/* The text of an encoding/errors argument (must be str). */
static const char *str_arg_cstr(Object *v, const char *name) {
    if (!str_check(v)) {
        err_format(&ExcTypeError, "str() argument '%s' must be str, not %.200s", name,
                   obj_type_name(v));
        return NULL;
    }
    return str_utf8(v);
}

/* str(object='') / str(object=b'', encoding='utf-8', errors='strict'). */
static Object *str_new_exact(Object *const *args, size_t nargs, Object *kwnames) {
    static const char *const names[] = {"object", "encoding", "errors"};
    Object *vals[3] = {NULL, NULL, NULL};
    size_t nkw = kwnames != NULL ? tuple_size(kwnames) : 0;
    if (nargs + nkw > 3) {
        return err_format(&ExcTypeError, "str() takes at most 3 arguments (%zu given)",
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
            return err_format(&ExcTypeError, "'%U' is an invalid keyword argument for str()", key);
        }
        if (vals[j] != NULL) {
            return err_format(&ExcTypeError,
                              "argument for str() given by name ('%s') and position (%zu)",
                              names[j], j + 1);
        }
        vals[j] = args[nargs + k];
    }
    if (vals[1] == NULL && vals[2] == NULL) {
        if (vals[0] == NULL) {
            return str_empty();
        }
        return obj_str(vals[0]);
    }
    const char *encoding = "utf-8", *errors = "strict";
    if (vals[1] != NULL && (encoding = str_arg_cstr(vals[1], "encoding")) == NULL) {
        return NULL;
    }
    if (vals[2] != NULL && (errors = str_arg_cstr(vals[2], "errors")) == NULL) {
        return NULL;
    }
    if (vals[0] == NULL) {
        return str_empty();
    }
    if (str_check(vals[0])) {
        err_set_string(&ExcTypeError, "decoding str is not supported");
        return NULL;
    }
    if (!bytes_check(vals[0])) {
        return err_format(&ExcTypeError, "decoding to str: need a bytes-like object, %.200s found",
                          obj_type_name(vals[0]));
    }
    return str_decode(bytes_data(vals[0]), bytes_size(vals[0]), encoding, errors);
}

static Object *str_new_instance(TypeObject *type, Object *const *args, size_t nargs,
                                Object *kwnames) {
    Object *s = str_new_exact(args, nargs, kwnames);
    if (s == NULL || type == &StrType) {
        return s;
    }
    /* A subclass instance: copy the text into an object of the subtype. */
    StrObject *src = (StrObject *)s;
    size_t extra = type->basic_size > sizeof(StrObject) ? type->basic_size - sizeof(StrObject) : 0;
    StrObject *r = (StrObject *)obj_alloc(type, sizeof(StrObject) + extra + src->size + 1);
    if (r == NULL) {
        DECREF(s);
        return NULL;
    }
    r->hash = -1;
    r->length = src->length;
    r->size = src->size;
    r->ascii = src->ascii;
    r->capacity = src->size;
    memcpy(r->data, src->data, src->size + 1);
    DECREF(s);
    return (Object *)r;
}

static Object *str_format_slot(Object *self, Object *spec) {
    return str_format_spec(self, spec);
}

static void str_dealloc(Object *self) {
    StrObject *s = (StrObject *)self;
    mem_free(s->index);
    obj_free(self);
}

/* ================================================================ iterators */

typedef struct StrIterObject {
    Object base;
    Object *str; /* NULL once exhausted */
    size_t pos;  /* byte offset of the next character */
} StrIterObject;

static Object *str_iter(Object *self) {
    TypeObject *t = ((StrObject *)self)->ascii ? &StrAsciiIterType : &StrIterType;
    if (!(t->flags & TYPE_FLAG_READY) && type_ready(t) < 0) {
        return NULL;
    }
    StrIterObject *it = (StrIterObject *)obj_alloc(t, sizeof(StrIterObject));
    if (it == NULL) {
        return NULL;
    }
    it->str = NEWREF(self);
    it->pos = 0;
    return (Object *)it;
}

static Object *str_iter_next(Object *self) {
    StrIterObject *it = (StrIterObject *)self;
    if (it->str == NULL) {
        return NULL;
    }
    StrObject *s = (StrObject *)it->str;
    if (it->pos >= s->size) {
        CLEAR(it->str);
        return NULL;
    }
    unsigned char c = (unsigned char)s->data[it->pos];
    if (c < 0x80) {
        it->pos++;
        return str_ascii_char(c);
    }
    size_t n = utf8_lead_size(c);
    Object *r = str_from_utf8_known(s->data + it->pos, n, 1, false);
    it->pos += n;
    return r;
}

static Object *str_iter_self(Object *self) {
    return NEWREF(self);
}

static void str_iter_dealloc(Object *self) {
    StrIterObject *it = (StrIterObject *)self;
    XDECREF(it->str);
    obj_free(self);
}

TypeObject StrIterType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "str_iterator",
    .basic_size = sizeof(StrIterObject),
    .dealloc = str_iter_dealloc,
    .iter = str_iter_self,
    .iternext = str_iter_next,
};

TypeObject StrAsciiIterType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "str_ascii_iterator",
    .basic_size = sizeof(StrIterObject),
    .dealloc = str_iter_dealloc,
    .iter = str_iter_self,
    .iternext = str_iter_next,
};

/* ================================================================ the type */

TypeObject StrType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "str",
    .basic_size = sizeof(StrObject),
    .flags = TYPE_FLAG_BASETYPE,
    .dealloc = str_dealloc,
    .repr = str_repr,
    .str = str_str,
    .hash = str_hash,
    .richcompare = str_richcompare,
    .truth = str_truth,
    .binary_op = str_binary_op,
    .inplace_op = str_inplace_op,
    .len = str_len,
    .getitem = str_getitem,
    .contains = str_contains,
    .iter = str_iter,
    .new_instance = str_new_instance,
    .format = str_format_slot,
    .methods = str_methods_table,
    .doc = "str(object='') -> str\nstr(bytes_or_buffer[, encoding[, errors]]) -> str\n\n"
           "Create a new string object from the given object.",
};
