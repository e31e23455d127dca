/* unicode_data.h: Unicode character properties and case mappings used by the
 * str methods (isalpha, upper, ...), generated from CPython 3.11's own tables
 * (Unicode 14.0) into unicode_data.c. Pure functions of constant data. */
#ifndef GILPY_UNICODE_DATA_H
#define GILPY_UNICODE_DATA_H

#include <stdint.h>

/* Property bits returned by unicode_props(). */
enum {
    UNI_ALPHA = 1 << 0,
    UNI_DECIMAL = 1 << 1,
    UNI_DIGIT = 1 << 2,
    UNI_NUMERIC = 1 << 3,
    UNI_SPACE = 1 << 4,
    UNI_PRINTABLE = 1 << 5,
    UNI_LOWER = 1 << 6,
    UNI_UPPER = 1 << 7,
    UNI_TITLE = 1 << 8,
    UNI_CASED = 1 << 9,
    UNI_CASE_IGNORABLE = 1 << 10,
    UNI_XID_START = 1 << 11,
    UNI_XID_CONTINUE = 1 << 12,
};

typedef struct UnicodePropRun {
    uint32_t start;
    uint32_t mask;
} UnicodePropRun;

typedef struct UnicodeCaseRun {
    uint32_t start; /* first code point of the run */
    uint16_t count; /* code points in the run */
    uint8_t stride; /* 1 or 2 (alternating upper/lower pairs) */
    int32_t delta;  /* mapped = cp + delta */
} UnicodeCaseRun;

typedef struct UnicodeCaseSpecial {
    uint32_t cp;
    int count; /* 2 or 3 code points */
    uint32_t map[3];
} UnicodeCaseSpecial;

/* The UNI_* mask of code point cp (binary search over runs). */
unsigned unicode_props(uint32_t cp);

/* Full case mappings (SpecialCasing included): write 1 to 3 code points to
 * out and return how many. A code point without a mapping maps to itself. */
int unicode_to_lower(uint32_t cp, uint32_t out[3]);
int unicode_to_upper(uint32_t cp, uint32_t out[3]);
int unicode_to_title(uint32_t cp, uint32_t out[3]);
int unicode_to_fold(uint32_t cp, uint32_t out[3]);

#endif /* GILPY_UNICODE_DATA_H */
