/* int.h: Python ints. Small values are tagged words (object.h); values that
 * do not fit are BigIntObjects backed by GMP. Invariant: a value that fits in
 * a small int is ALWAYS tagged, so `is_small_int` fast paths are exact.
 * bool is a subclass of int (True/False are the two BoolObjects). */
#ifndef GILPY_INT_H
#define GILPY_INT_H

#include <gmp.h>

#include "object.h"

typedef struct BigIntObject {
    Object base;
    mpz_t value;
} BigIntObject;

typedef struct BoolObject {
    Object base;
    intptr_t value; /* 0 or 1 */
} BoolObject;

extern BoolObject TrueObject, FalseObject;
#define True ((Object *)&TrueObject)
#define False ((Object *)&FalseObject)

static inline Object *bool_from(bool b) {
    Object *r = b ? True : False;
    INCREF(r);
    return r;
}

/* True for int, bool and int subclasses. */
static inline bool int_check(const Object *v) {
    return is_small_int(v) || v->type == &IntType || v->type == &BoolType ||
           type_is_subtype(v->type, &IntType);
}
static inline bool int_check_exact(const Object *v) {
    return is_small_int(v) || v->type == &IntType;
}

MAY_RAISE Object *int_from_i64(int64_t i);
MAY_RAISE Object *int_from_u64(uint64_t u);
MAY_RAISE Object *int_from_mpz(const mpz_t z); /* copies; normalises to tagged if it fits */
/* int(x) of a float: truncates; ValueError for nan, OverflowError for inf. */
MAY_RAISE Object *int_from_double(double d);
/* Parse like int(s, base): whitespace, sign, underscores, 0x/0o/0b prefixes
 * when base is 0 or matches. ValueError "invalid literal for int() with base
 * 10: 'x'" on failure. s need not be NUL-terminated. */
MAY_RAISE Object *int_from_string(const char *s, size_t len, int base);

/* Convert an int (or bool) to C. Return -1 with OverflowError when out of
 * range (check err_occurred() to tell from a real -1: use the _checked forms). */
MAY_RAISE int int_to_i64(Object *v, int64_t *out);
MAY_RAISE int int_to_ssize(Object *v, ssize_t *out);
MAY_RAISE double int_to_double(Object *v); /* -1.0 + OverflowError if too large */
/* Copy the value of an int/bool into an initialised mpz. */
void int_to_mpz(Object *v, mpz_t out);
int int_sign(Object *v);      /* -1, 0, 1 */
bool int_is_zero(Object *v);

/* repr/str of an int in base 10 (or 2, 8, 16 with hex()/oct()/bin() prefixes). */
MAY_RAISE Object *int_to_decimal_string(Object *v);
MAY_RAISE Object *int_to_base_string(Object *v, int base); /* "0x1f", "-0b101" */
MAY_RAISE Object *int_format(Object *v, Object *spec);     /* format-spec mini-language */

/* Arithmetic on ints (either argument may be bool). Called by the VM's fast
 * paths when both operands are ints, and by IntType.binary_op. */
MAY_RAISE Object *int_binary_op(Object *a, Object *b, BinaryOp op);
MAY_RAISE int int_compare(Object *a, Object *b); /* -1, 0, 1 (never fails) */
intptr_t int_hash(Object *v);                    /* CPython's hash (mod 2**61 - 1) */

/* ---------------------------------------------------------------- numbers-internal helpers
 * Shared by int.c, int_format.c, float.c and float_format.c (and usable by math). */

/* Python 3.11's limit on int <-> decimal str conversions (sys.get_int_max_str_digits()). */
#define INT_MAX_STR_DIGITS 4300

/* The value of a tagged int or a bool as a C integer; false for big ints and
 * int subclass instances (whose value lives in an mpz). */
static inline bool int_small_value(const Object *v, intptr_t *out) {
    if (is_small_int(v)) {
        *out = small_int_value(v);
        return true;
    }
    if (v->type == &BoolType) {
        *out = ((const BoolObject *)v)->value;
        return true;
    }
    return false;
}

/* Scratch space for int_mpz_view: a read-only mpz over one limb. */
typedef struct IntScratch {
    __mpz_struct z;
    mp_limb_t limb;
} IntScratch;

/* A read-only mpz view of any int/bool, without copying or allocating: the
 * BigIntObject's own value, or `scratch` set up for small values. Valid while
 * v and scratch live. Never fails. */
mpz_srcptr int_mpz_view(const Object *v, IntScratch *scratch);

/* A new int holding z, which is consumed (cleared or moved into the result).
 * Normalises to a tagged int when it fits. NULL + MemoryError on failure. */
MAY_RAISE Object *int_from_mpz_steal(mpz_ptr z);

/* int(x) for any x: ints, floats, str/bytes (base 10), __int__, __index__.
 * CPython's messages. New reference. */
MAY_RAISE Object *int_from_object(Object *x);
/* The exact-int value of an int/bool/int subclass (new reference, type int). */
MAY_RAISE Object *int_exact(Object *v);
/* Parse for int(s, base); `orig` (str or bytes, may be NULL) is shown in the
 * "invalid literal" message. */
MAY_RAISE Object *int_parse(const char *s, size_t len, int base, Object *orig);

/* An ASCII copy of the UTF-8 text s for number parsing (mem_alloc'ed,
 * NUL-terminated, *out_len bytes): Unicode whitespace becomes ' ', Unicode
 * decimal digits become '0'..'9', other non-ASCII characters '?'. */
MAY_RAISE char *int_transform_unicode(const char *s, size_t len, size_t *out_len);

/* Lay out a formatted number per spec (sign, '=' padding, zero padding with
 * grouping, alignment, fill) into sb. `sign` is 0, '-', '+' or ' ';
 * `prefix` is "0x" etc. or ""; `digits` the integer digits (ASCII, ndigits);
 * `rest` what follows them (".5e+10%", "inf"...). group is the digit group
 * size (3 or 4) for spec->grouping, 0 for none. */
struct StrBuilder;
struct FormatSpec;
void int_format_layout(struct StrBuilder *sb, const struct FormatSpec *spec, char sign,
                       const char *prefix, const char *digits, size_t ndigits, const char *rest,
                       int group);

/* Check spec's ',' / '_' option against the presentation type as CPython's
 * parser does: the digit group size (3, 4 for '_' with b/o/x/X, 0 when not
 * grouping), or -1 with ValueError "Cannot specify ',' with 'n'.". */
MAY_RAISE int int_format_check_grouping(const struct FormatSpec *spec, char type);

/* |mag| * 2**exp2 correctly rounded to a double (ties to even, subnormals
 * handled); +inf when too large. Never fails. */
double int_mpz_scaled_to_double(mpz_srcptr mag, long exp2);

/* divmod(a, b) for two ints: a (q, r) tuple with floor semantics,
 * ZeroDivisionError "integer division or modulo by zero". */
MAY_RAISE Object *int_divmod(Object *a, Object *b);

/* round(v, ndigits) for ints (ndigits < 0 rounds half to even). New reference. */
MAY_RAISE Object *int_round(Object *v, Object *ndigits);

#endif /* GILPY_INT_H */
