/* float.h: Python floats (IEEE doubles). */
#ifndef GILPY_FLOAT_H
#define GILPY_FLOAT_H

#include "object.h"

typedef struct FloatObject {
    Object base;
    double value;
} FloatObject;

extern TypeObject FloatType;

static inline bool float_check(const Object *v) {
    return !is_small_int(v) && (v->type == &FloatType || type_is_subtype(v->type, &FloatType));
}
static inline double float_value(const Object *v) { return ((const FloatObject *)v)->value; }

MAY_RAISE Object *float_new(double d);
/* float(x) coercion used by math and mixed arithmetic: float, int, bool, or
 * __float__/__index__. -1.0 with an exception on failure (check err_occurred). */
MAY_RAISE double obj_as_double(Object *v);
/* Parse like float(s): "1.5", " -inf ", "nan", "1_0.5"; ValueError
 * "could not convert string to float: 'x'" on failure. */
MAY_RAISE Object *float_from_string(const char *s, size_t len);

/* CPython's repr: shortest string that round-trips ("0.1", "1e+16", "1e-05",
 * "inf", "nan", "-0.0"). Writes into buf (at least 32 bytes), returns length. */
size_t float_repr_buf(double d, char *buf);
MAY_RAISE Object *float_format(Object *v, Object *spec);
/* Arithmetic with int/float mixing; NotImplemented for other types. */
MAY_RAISE Object *float_binary_op(Object *a, Object *b, BinaryOp op);
intptr_t float_hash_double(double d); /* CPython's numeric hash */
/* round(x, ndigits) with CPython's correctly rounded semantics. */
MAY_RAISE Object *float_round(double x, Object *ndigits /* NULL: return int */);

/* x ** y for doubles with CPython's special cases and messages (ZeroDivisionError
 * "0.0 cannot be raised to a negative power", OverflowError (34, 'Numerical
 * result out of range')). A negative base with a non-integer exponent gives a
 * complex in CPython; gilpy has no complex, so it raises ValueError. */
MAY_RAISE Object *float_pow_double(double x, double y);
/* float(x) constructor semantics for one argument (new reference, exact float). */
MAY_RAISE Object *float_from_object(Object *x);
/* Parse like float_from_string, but show `orig` (str or bytes) in the message. */
MAY_RAISE Object *float_parse(const char *s, size_t len, Object *orig);
/* Compare a float with an int exactly (CPython's float_richcompare rules):
 * returns the Python bool result of `f op i`. Never fails. */
bool float_compare_int(double f, Object *i, CompareOp op);
/* divmod(a, b) where a or b is a float (the other a float or int): a tuple,
 * ZeroDivisionError "float divmod()", NotImplemented for other types. */
MAY_RAISE Object *float_divmod(Object *a, Object *b);
/* float.hex() of d, and float.fromhex(s) (s need not be NUL-terminated). */
MAY_RAISE Object *float_hex(double d);
MAY_RAISE Object *float_fromhex(const char *s, size_t len);

#endif /* GILPY_FLOAT_H */
