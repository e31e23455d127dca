/* str_internal.h: helpers shared by the files that implement str and bytes
 * (str.c, str_methods.c, strbuilder.c, format.c, bytes.c). Not for other
 * components: use str.h and bytes.h. */
#ifndef GILPY_STR_INTERNAL_H
#define GILPY_STR_INTERNAL_H

#include "str.h"

/* A new exact str with room for `size` bytes of UTF-8 (plus the NUL), to be
 * filled by the caller; length and ascii must describe what will be written.
 * New reference, NULL + MemoryError on failure. */
MAY_RAISE Object *str_alloc(size_t size, size_t length, bool ascii);
/* Like str_alloc with extra capacity for in-place appends (s += x). */
MAY_RAISE Object *str_alloc_capacity(size_t size, size_t length, bool ascii, size_t capacity);
/* A str from UTF-8 whose length (code points) and ascii flag are known. */
MAY_RAISE Object *str_from_utf8_known(const char *s, size_t size, size_t length, bool ascii);
/* Count the code points of valid UTF-8 and tell whether it is all ASCII. */
size_t utf8_count(const char *s, size_t size, bool *ascii);
/* The hash of a byte string (str and bytes use the same function). */
uint64_t str_hash_bytes(const char *s, size_t n);
/* The cached one-character str for an ASCII code point (new reference). */
Object *str_ascii_char(unsigned char c);

/* Convert a str subclass instance (or exact str) to an exact str, new ref. */
MAY_RAISE Object *str_exact(Object *v);

/* str.format_map(mapping) (format.c). */
MAY_RAISE Object *str_format_map(Object *fmt, Object *mapping);

/* bytes % args (format.c): printf-style formatting of bytes. */
MAY_RAISE Object *bytes_percent_format(Object *fmt, Object *args);

/* The method table of str (str_methods.c). */
extern const MethodDef str_methods_table[];

/* repr(v) appended to sb (CPython's quoting rules). */
void str_repr_into(StrBuilder *sb, Object *v, bool ascii_only);

/* Unicode helpers (unicode_data.h): property tests with an ASCII fast path. */
bool uni_is_space(uint32_t cp);
bool uni_is_printable(uint32_t cp);
bool uni_is_linebreak(uint32_t cp);

/* Argument helpers with CPython's wording. */
/* Parse an optional start/end pair (None allowed) as str.find does and clamp
 * them to [0, length]. Returns -1 with an exception. */
MAY_RAISE int str_parse_range(Object *start_obj, Object *end_obj, size_t length, ssize_t *start,
                              ssize_t *end);

/* The bytes type's allocation: a new bytes object of `size` bytes to fill. */
MAY_RAISE Object *bytes_alloc(size_t size);

#endif /* GILPY_STR_INTERNAL_H */
