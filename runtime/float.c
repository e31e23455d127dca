/* float.c: Python float (an IEEE double in a FloatObject): allocation with a
 * freelist, arithmetic mixed with ints, exact int/float comparison, CPython's
 * numeric hash, the float(...) constructor and float's methods. Text
 * conversions (repr, parsing, __format__, round, hex) are in float_format.c. */
#include "float.h"

#include <errno.h>
#include <math.h>

#include "args.h"
#include "bytes.h"
#include "errors.h"
#include "exceptions.h"
#include "int.h"
#include "str.h"
#include "tuple.h"

/* ================================================================ allocation */

/* Freed FloatObjects are kept on a list and reused: arithmetic creates and
 * drops floats constantly. The list is linked through the type field. Like
 * every refcount change, touching it requires the GIL (object.h), and it only
 * caches memory, never values. */
#define FLOAT_FREELIST_MAX 256
static FloatObject *float_freelist = NULL;
static int float_freelist_size = 0;

Object *float_new(double d) {
    FloatObject *f = float_freelist;
    if (f != NULL) {
        float_freelist = (FloatObject *)f->base.type;
        float_freelist_size--;
        f->base.refcount = 1;
        f->base.type = &FloatType;
    } else {
        f = (FloatObject *)obj_alloc(&FloatType, sizeof(FloatObject));
        if (f == NULL) {
            return NULL;
        }
    }
    f->value = d;
    return (Object *)f;
}

static void float_dealloc(Object *self) {
    if (self->type == &FloatType && float_freelist_size < FLOAT_FREELIST_MAX) {
        self->type = (TypeObject *)float_freelist;
        float_freelist = (FloatObject *)self;
        float_freelist_size++;
        return;
    }
    obj_free(self);
}

/* ================================================================ conversion */

/* Call __float__ of v if its type has one: *out receives the new float
 * (exact FloatType or subclass), or NULL when there is no __float__.
 * Returns -1 on error. */
static int call_dunder_float(Object *v, Object **out) {
    TypeObject *t = obj_type(v);
    Object *r;
    *out = NULL;
    if (t->to_float != NULL && !(t->flags & TYPE_FLAG_HEAPTYPE)) {
        r = t->to_float(v);
    } else {
        /* Classes: call __float__ by name, so the message below names the class. */
        Object *name = str_intern_cstr("__float__");
        if (name == NULL) {
            return -1;
        }
        Object *found = type_lookup(t, name);
        DECREF(name);
        if (found == NULL) {
            return 0;
        }
        r = obj_call_method(v, "__float__", NULL, 0);
    }
    if (r == NULL) {
        return -1;
    }
    if (!float_check(r)) {
        err_format(&ExcTypeError, "%.50s.__float__ returned non-float (type %.50s)", t->name,
                   obj_type_name(r));
        DECREF(r);
        return -1;
    }
    *out = r;
    return 0;
}

/* __index__ of v as a double in *out; *found false when v has no __index__.
 * Returns -1 on error (OverflowError for ints too large for a float). */
static int call_dunder_index_as_float(Object *v, double *out, bool *found) {
    TypeObject *t = obj_type(v);
    *found = false;
    bool has = t->index != NULL;
    if (!has) {
        Object *name = str_intern_cstr("__index__");
        if (name == NULL) {
            return -1;
        }
        has = type_lookup(t, name) != NULL;
        DECREF(name);
    }
    if (!has) {
        return 0;
    }
    *found = true;
    Object *i = obj_index(v);
    if (i == NULL) {
        return -1;
    }
    *out = int_to_double(i);
    DECREF(i);
    return (*out == -1.0 && err_occurred()) ? -1 : 0;
}

double obj_as_double(Object *v) {
    if (float_check(v)) {
        return float_value(v);
    }
    if (int_check(v)) {
        return int_to_double(v);
    }
    Object *f;
    if (call_dunder_float(v, &f) < 0) {
        return -1.0;
    }
    if (f != NULL) {
        double d = float_value(f);
        DECREF(f);
        return d;
    }
    double d;
    bool found;
    if (call_dunder_index_as_float(v, &d, &found) < 0) {
        return -1.0;
    }
    if (found) {
        return d;
    }
    err_format(&ExcTypeError, "must be real number, not %.200s", obj_type_name(v));
    return -1.0;
}

Object *float_from_object(Object *x) {
    if (!is_small_int(x) && x->type == &FloatType) {
        return NEWREF(x);
    }
    if (int_check_exact(x)) {
        double d = int_to_double(x);
        if (d == -1.0 && err_occurred()) {
            return NULL;
        }
        return float_new(d);
    }
    if (str_check(x)) {
        return float_parse(str_utf8(x), str_size(x), x);
    }
    if (bytes_check(x)) {
        return float_parse(bytes_data(x), bytes_size(x), x);
    }
    /* __float__ (float subclasses that override it included), then __index__ */
    Object *f;
    if (call_dunder_float(x, &f) < 0) {
        return NULL;
    }
    if (f != NULL) {
        if (f->type == &FloatType) {
            return f;
        }
        Object *exact = float_new(float_value(f));
        DECREF(f);
        return exact;
    }
    double d;
    bool found;
    if (call_dunder_index_as_float(x, &d, &found) < 0) {
        return NULL;
    }
    if (found) {
        return float_new(d);
    }
    return err_format(&ExcTypeError, "float() argument must be a string or a real number, not "
                                     "'%.200s'",
                      obj_type_name(x));
}

/* float(x=0.0) */
static Object *float_new_instance(TypeObject *type, Object *const *args, size_t nargs,
                                  Object *kwnames) {
    if (kwnames != NULL && tuple_size(kwnames) > 0) {
        return err_format(&ExcTypeError, "float() takes no keyword arguments");
    }
    if (nargs > 1) {
        return err_format(&ExcTypeError, "float expected at most 1 argument, got %zu", nargs);
    }
    Object *r = nargs == 0 ? float_new(0.0) : float_from_object(args[0]);
    if (r == NULL || type == &FloatType) {
        return r;
    }
    FloatObject *sub = (FloatObject *)obj_alloc(type, type->basic_size);
    if (sub != NULL) {
        sub->value = float_value(r);
    }
    DECREF(r);
    return (Object *)sub;
}

/* ================================================================ arithmetic */

/* The double value of a float or int operand: 1 ok, 0 not a number type
 * (NotImplemented), -1 error (int too large). */
static int operand_double(Object *v, double *out) {
    if (float_check(v)) {
        *out = float_value(v);
        return 1;
    }
    if (int_check(v)) {
        *out = int_to_double(v);
        return (*out == -1.0 && err_occurred()) ? -1 : 1;
    }
    return 0;
}

static Object *zero_division(const char *msg) {
    err_set_string(&ExcZeroDivisionError, msg);
    return NULL;
}

/* Python's x % y for doubles (y != 0): the result has y's sign. */
static double float_mod_double(double x, double y) {
    double mod = fmod(x, y);
    if (mod != 0.0) {
        if ((y < 0) != (mod < 0)) {
            mod += y;
        }
    } else {
        mod = copysign(0.0, y);
    }
    return mod;
}

/* Python's x // y for doubles (y != 0), CPython's float_divmod algorithm. */
static double float_floordiv_double(double x, double y) {
    double mod = fmod(x, y);
    double div = (x - mod) / y;
    if (mod != 0.0 && ((y < 0) != (mod < 0))) {
        div -= 1.0;
    }
    double floordiv;
    if (div != 0.0) {
        floordiv = floor(div);
        if (div - floordiv > 0.5) {
            floordiv += 1.0;
        }
    } else {
        floordiv = copysign(0.0, x / y);
    }
    return floordiv;
}

static bool is_odd_integer(double x) { return fmod(fabs(x), 2.0) == 1.0; }

/* Raise OverflowError(34, 'Numerical result out of range') as CPython's
 * PyErr_SetFromErrno does for ERANGE. */
static Object *range_error(void) {
    Object *code = small_int_make(ERANGE);
    Object *msg = str_from_cstr("Numerical result out of range");
    if (msg == NULL) {
        return NULL;
    }
    Object *args = tuple_pack(2, code, msg);
    DECREF(msg);
    if (args == NULL) {
        return NULL;
    }
    Object *exc = exception_new(&ExcOverflowError, args);
    DECREF(args);
    if (exc != NULL) {
        err_set_exception(exc);
        DECREF(exc);
    }
    return NULL;
}

Object *float_pow_double(double iv, double iw) {
    if (iw == 0.0) {
        return float_new(1.0);
    }
    if (isnan(iv)) {
        return float_new(iv);
    }
    if (isnan(iw)) {
        return float_new(iv == 1.0 ? 1.0 : iw);
    }
    if (isinf(iw)) {
        double a = fabs(iv);
        if (a == 1.0) {
            return float_new(1.0);
        }
        if ((iw > 0.0) == (a > 1.0)) {
            return float_new(fabs(iw));
        }
        return float_new(0.0);
    }
    if (isinf(iv)) {
        bool odd = is_odd_integer(iw);
        if (iw > 0.0) {
            return float_new(odd ? iv : fabs(iv));
        }
        return float_new(odd ? copysign(0.0, iv) : 0.0);
    }
    if (iv == 0.0) {
        if (iw < 0.0) {
            return zero_division("0.0 cannot be raised to a negative power");
        }
        return float_new(is_odd_integer(iw) ? iv : 0.0);
    }
    bool negate = false;
    if (iv < 0.0) {
        if (iw != floor(iw)) {
            /* CPython returns a complex number here; gilpy has no complex. */
            err_set_string(&ExcValueError,
                           "negative number cannot be raised to a fractional power");
            return NULL;
        }
        iv = -iv;
        negate = is_odd_integer(iw);
    }
    if (iv == 1.0) {
        return float_new(negate ? -1.0 : 1.0);
    }
    double r = pow(iv, iw);
    if (negate) {
        r = -r;
    }
    if (isinf(r)) {
        return range_error(); /* finite ** finite overflowed */
    }
    return float_new(r);
}

Object *float_binary_op(Object *a, Object *b, BinaryOp op) {
    double x, y;
    int ka = operand_double(a, &x);
    if (ka <= 0) {
        return ka < 0 ? NULL : NEWREF(NotImplemented);
    }
    int kb = operand_double(b, &y);
    if (kb <= 0) {
        return kb < 0 ? NULL : NEWREF(NotImplemented);
    }
    switch (op) {
    case BINOP_ADD:
        return float_new(x + y);
    case BINOP_SUB:
        return float_new(x - y);
    case BINOP_MUL:
        return float_new(x * y);
    case BINOP_TRUEDIV:
        if (y == 0.0) {
            return zero_division("float division by zero");
        }
        return float_new(x / y);
    case BINOP_FLOORDIV:
        if (y == 0.0) {
            return zero_division("float floor division by zero");
        }
        return float_new(float_floordiv_double(x, y));
    case BINOP_MOD:
        if (y == 0.0) {
            return zero_division("float modulo");
        }
        return float_new(float_mod_double(x, y));
    case BINOP_POW:
        return float_pow_double(x, y);
    default:
        return NEWREF(NotImplemented);
    }
}

/* The slot: called with a float on either side; the other operand must be a
 * float or an int (anything else gets NotImplemented from float_binary_op). */
static Object *float_binary_slot(Object *a, Object *b, BinaryOp op) {
    if (!(float_check(a) || float_check(b))) {
        return NEWREF(NotImplemented);
    }
    return float_binary_op(a, b, op);
}

Object *float_divmod(Object *a, Object *b) {
    double x, y;
    int ka = operand_double(a, &x);
    if (ka <= 0) {
        return ka < 0 ? NULL : NEWREF(NotImplemented);
    }
    int kb = operand_double(b, &y);
    if (kb <= 0) {
        return kb < 0 ? NULL : NEWREF(NotImplemented);
    }
    if (y == 0.0) {
        return zero_division("float divmod()");
    }
    Object *q = float_new(float_floordiv_double(x, y));
    if (q == NULL) {
        return NULL;
    }
    Object *r = float_new(float_mod_double(x, y));
    if (r == NULL) {
        DECREF(q);
        return NULL;
    }
    Object *t = tuple_pack(2, q, r);
    DECREF(q);
    DECREF(r);
    return t;
}

static Object *float_ternary_pow(Object *base, Object *exp, Object *mod) {
    if (mod != None) {
        err_set_string(&ExcTypeError,
                       "pow() 3rd argument not allowed unless all arguments are integers");
        return NULL;
    }
    return float_binary_slot(base, exp, BINOP_POW);
}

static Object *float_unary_op(Object *a, UnaryOp op) {
    double x = float_value(a);
    switch (op) {
    case UNARY_NEG:
        return float_new(-x);
    case UNARY_POS:
        if (a->type == &FloatType) {
            return NEWREF(a);
        }
        return float_new(x);
    case UNARY_ABS:
        return float_new(fabs(x));
    default:
        return NULL; /* ~x: unsupported, no error set */
    }
}

/* ================================================================ comparison, hash */

static bool cmp_result(int c, CompareOp op) {
    switch (op) {
    case CMP_LT:
        return c < 0;
    case CMP_LE:
        return c <= 0;
    case CMP_EQ:
        return c == 0;
    case CMP_NE:
        return c != 0;
    case CMP_GT:
        return c > 0;
    default:
        return c >= 0;
    }
}

bool float_compare_int(double f, Object *i, CompareOp op) {
    if (isnan(f)) {
        return op == CMP_NE;
    }
    int c;
    intptr_t small;
    if (isinf(f)) {
        c = f > 0 ? 1 : -1;
    } else if (int_small_value(i, &small) && small >= -(INT64_C(1) << 53) &&
               small <= (INT64_C(1) << 53)) {
        double d = (double)small; /* exact */
        c = (f > d) - (f < d);
    } else {
        /* Exact: compare the integer part, then let the fraction decide. */
        double t = trunc(f);
        mpz_t zt;
        mpz_init_set_d(zt, t);
        IntScratch s;
        int ci = mpz_cmp(zt, int_mpz_view(i, &s));
        mpz_clear(zt);
        if (ci != 0) {
            c = ci > 0 ? 1 : -1;
        } else {
            double frac = f - t;
            c = (frac > 0) - (frac < 0);
        }
    }
    return cmp_result(c, op);
}

static Object *float_richcompare(Object *a, Object *b, CompareOp op) {
    if (!float_check(a)) {
        return NEWREF(NotImplemented);
    }
    double x = float_value(a);
    if (float_check(b)) {
        double y = float_value(b);
        bool r;
        switch (op) {
        case CMP_LT:
            r = x < y;
            break;
        case CMP_LE:
            r = x <= y;
            break;
        case CMP_EQ:
            r = x == y;
            break;
        case CMP_NE:
            r = x != y;
            break;
        case CMP_GT:
            r = x > y;
            break;
        default:
            r = x >= y;
            break;
        }
        return bool_from(r);
    }
    if (int_check(b)) {
        return bool_from(float_compare_int(x, b, op));
    }
    return NEWREF(NotImplemented);
}

#define HASH_BITS 61
#define HASH_MODULUS (((uint64_t)1 << HASH_BITS) - 1)
#define HASH_INF 314159

/* CPython's _Py_HashDouble: equal to int_hash for integral values, and
 * consistent with hashes of fractions. NaN hashes to 0 here (the slot uses
 * the object's address, as CPython 3.10+ does). */
intptr_t float_hash_double(double v) {
    if (!isfinite(v)) {
        if (isinf(v)) {
            return v > 0 ? HASH_INF : -HASH_INF;
        }
        return 0;
    }
    int e;
    double m = frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    uint64_t x = 0;
    while (m != 0.0) {
        x = ((x << 28) & HASH_MODULUS) | x >> (HASH_BITS - 28);
        m *= 268435456.0; /* 2**28 */
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= HASH_MODULUS) {
            x -= HASH_MODULUS;
        }
    }
    e = e >= 0 ? e % HASH_BITS : HASH_BITS - 1 - ((-1 - e) % HASH_BITS);
    x = ((x << e) & HASH_MODULUS) | x >> (HASH_BITS - e);
    intptr_t h = (intptr_t)x * sign;
    return h == -1 ? -2 : h;
}

static intptr_t float_hash(Object *self) {
    double v = float_value(self);
    if (isnan(v)) {
        uintptr_t y = (uintptr_t)self;
        y = (y >> 4) | (y << (8 * sizeof(void *) - 4));
        intptr_t h = (intptr_t)y;
        return h == -1 ? -2 : h;
    }
    return float_hash_double(v);
}

static int float_truth(Object *self) { return float_value(self) != 0.0; }

static Object *float_to_int_slot(Object *self) { return int_from_double(float_value(self)); }

static Object *float_to_float_slot(Object *self) {
    if (self->type == &FloatType) {
        return NEWREF(self);
    }
    return float_new(float_value(self));
}

static Object *float_repr(Object *self) {
    char buf[32];
    size_t n = float_repr_buf(float_value(self), buf);
    return str_from_utf8(buf, n);
}

/* ================================================================ methods */

static int no_args(const char *name, size_t nargs, Object *kwnames) {
    if (args_no_keywords(name, kwnames) < 0 || args_count(name, nargs, 0, 0) < 0) {
        return -1;
    }
    return 0;
}

static Object *float_is_integer(Object *self, Object *const *args, size_t nargs,
                                Object *kwnames) {
    if (no_args("float.is_integer", nargs, kwnames) < 0) {
        return NULL;
    }
    double x = float_value(self);
    return bool_from(isfinite(x) && floor(x) == x);
}

static Object *float_as_integer_ratio(Object *self, Object *const *args, size_t nargs,
                                      Object *kwnames) {
    if (no_args("float.as_integer_ratio", nargs, kwnames) < 0) {
        return NULL;
    }
    double x = float_value(self);
    if (isinf(x)) {
        err_set_string(&ExcOverflowError, "cannot convert Infinity to integer ratio");
        return NULL;
    }
    if (isnan(x)) {
        err_set_string(&ExcValueError, "cannot convert NaN to integer ratio");
        return NULL;
    }
    int e;
    double m = frexp(x, &e);
    for (int i = 0; i < 300 && m != floor(m); i++) {
        m *= 2.0;
        e--;
    }
    mpz_t num, den;
    mpz_init_set_d(num, m);
    mpz_init_set_ui(den, 1);
    if (e > 0) {
        mpz_mul_2exp(num, num, (mp_bitcnt_t)e);
    } else {
        mpz_mul_2exp(den, den, (mp_bitcnt_t)-e);
    }
    Object *n = int_from_mpz_steal(num);
    Object *d = int_from_mpz_steal(den);
    Object *r = (n != NULL && d != NULL) ? tuple_pack(2, n, d) : NULL;
    XDECREF(n);
    XDECREF(d);
    return r;
}

/* conjugate(): float(self) */
static Object *float_conjugate(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (no_args("float.conjugate", nargs, kwnames) < 0) {
        return NULL;
    }
    return float_to_float_slot(self);
}

/* A slot wrapper's argument check: CPython says "expected 0 arguments, got 1". */
static int check_slot_noargs(size_t nargs, Object *kwnames) {
    size_t nkw = kwnames == NULL ? 0 : tuple_size(kwnames);
    if (nargs + nkw != 0) {
        err_format(&ExcTypeError, "expected 0 arguments, got %zu", nargs + nkw);
        return -1;
    }
    return 0;
}

/* __float__(): float(self) */
static Object *float_float_method(Object *self, Object *const *args, size_t nargs,
                                  Object *kwnames) {
    if (check_slot_noargs(nargs, kwnames) < 0) {
        return NULL;
    }
    return float_to_float_slot(self);
}

/* __int__(): int(self), truncating */
static Object *float_int_method(Object *self, Object *const *args, size_t nargs,
                                Object *kwnames) {
    if (check_slot_noargs(nargs, kwnames) < 0) {
        return NULL;
    }
    return int_from_double(float_value(self));
}

static Object *float_trunc_method(Object *self, Object *const *args, size_t nargs,
                                  Object *kwnames) {
    if (no_args("float.__trunc__", nargs, kwnames) < 0) {
        return NULL;
    }
    return int_from_double(float_value(self));
}

static Object *float_floor_method(Object *self, Object *const *args, size_t nargs,
                                  Object *kwnames) {
    if (no_args("float.__floor__", nargs, kwnames) < 0) {
        return NULL;
    }
    return int_from_double(floor(float_value(self)));
}

static Object *float_ceil_method(Object *self, Object *const *args, size_t nargs,
                                 Object *kwnames) {
    if (no_args("float.__ceil__", nargs, kwnames) < 0) {
        return NULL;
    }
    return int_from_double(ceil(float_value(self)));
}

/* float.__round__(ndigits=None) */
static Object *float_round_method(Object *self, Object *const *args, size_t nargs,
                                  Object *kwnames) {
    if (args_no_keywords("float.__round__", kwnames) < 0 ||
        args_count("__round__", nargs, 0, 1) < 0) {
        return NULL;
    }
    Object *nd = nargs == 0 || args[0] == None ? NULL : args[0];
    return float_round(float_value(self), nd);
}

static Object *float_format_method(Object *self, Object *const *args, size_t nargs,
                                   Object *kwnames) {
    if (args_no_keywords("float.__format__", kwnames) < 0 ||
        args_count("float.__format__", nargs, 1, 1) < 0) {
        return NULL;
    }
    if (!str_check(args[0])) {
        return err_format(&ExcTypeError, "__format__() argument must be str, not %.200s",
                          obj_type_name(args[0]));
    }
    return float_format(self, args[0]);
}

static Object *float_hex_method(Object *self, Object *const *args, size_t nargs,
                                Object *kwnames) {
    if (no_args("float.hex", nargs, kwnames) < 0) {
        return NULL;
    }
    return float_hex(float_value(self));
}

/* float.fromhex(string), a classmethod */
static Object *float_fromhex_method(Object *type, Object *const *args, size_t nargs,
                                    Object *kwnames) {
    if (args_no_keywords("float.fromhex", kwnames) < 0 ||
        args_count("float.fromhex", nargs, 1, 1) < 0) {
        return NULL;
    }
    if (!str_check(args[0])) {
        return err_format(&ExcTypeError, "bad argument type for built-in operation");
    }
    Object *r = float_fromhex(str_utf8(args[0]), str_size(args[0]));
    if (r == NULL || (TypeObject *)type == &FloatType) {
        return r;
    }
    Object *sub = obj_call1(type, r);
    DECREF(r);
    return sub;
}

static Object *float_getnewargs(Object *self, Object *const *args, size_t nargs,
                                Object *kwnames) {
    if (no_args("float.__getnewargs__", nargs, kwnames) < 0) {
        return NULL;
    }
    Object *f = float_to_float_slot(self);
    if (f == NULL) {
        return NULL;
    }
    Object *r = tuple_pack(1, f);
    DECREF(f);
    return r;
}

static Object *float_get_real(Object *self) { return float_to_float_slot(self); }
static Object *float_get_imag(Object *self) { return float_new(0.0); }

static const MethodDef float_methods[] = {
    {"is_integer", float_is_integer, 0, "Return True if the float is an integer."},
    {"as_integer_ratio", float_as_integer_ratio, 0,
     "Return integer ratio with positive denominator equal to the float."},
    {"conjugate", float_conjugate, 0, "Return self, the complex conjugate of any float."},
    {"hex", float_hex_method, 0, "Return a hexadecimal representation of a floating-point number."},
    {"fromhex", float_fromhex_method, METHOD_CLASS,
     "Create a floating-point number from a hexadecimal string."},
    {"__float__", float_float_method, 0, "float(self)"},
    {"__int__", float_int_method, 0, "int(self)"},
    {"__trunc__", float_trunc_method, 0, "Return the Integral closest to x between 0 and x."},
    {"__floor__", float_floor_method, 0, "Return the floor as an Integral."},
    {"__ceil__", float_ceil_method, 0, "Return the ceiling as an Integral."},
    {"__round__", float_round_method, 0, "Return the Integral closest to x, rounding half toward even."},
    {"__format__", float_format_method, 0, "Formats the float according to format_spec."},
    {"__getnewargs__", float_getnewargs, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef float_getsets[] = {
    {"real", float_get_real, NULL, "the real part of a complex number"},
    {"imag", float_get_imag, NULL, "the imaginary part of a complex number"},
    {NULL, NULL, NULL, NULL},
};

TypeObject FloatType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "float",
    .basic_size = sizeof(FloatObject),
    .flags = TYPE_FLAG_BASETYPE,
    .base_type = &ObjectType,
    .dealloc = float_dealloc,
    .repr = float_repr,
    .hash = float_hash,
    .richcompare = float_richcompare,
    .truth = float_truth,
    .binary_op = float_binary_slot,
    .unary_op = float_unary_op,
    .ternary_pow = float_ternary_pow,
    .to_int = float_to_int_slot,
    .to_float = float_to_float_slot,
    .new_instance = float_new_instance,
    .format = float_format,
    .methods = float_methods,
    .getsets = float_getsets,
    .doc = "Convert a string or number to a floating point number, if possible.",
};
