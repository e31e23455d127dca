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

#endif /* GILPY_INT_H */
