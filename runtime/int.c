/* int.c: Python int and bool. Small values are tagged words and take C fast
 * paths; anything else is a BigIntObject holding a GMP mpz_t. Every result
 * that fits a small int is returned tagged (the invariant int.h states).
 * String conversions and __format__ live in int_format.c. */
#include "int.h"

#include <math.h>

#include "args.h"
#include "bytes.h"
#include "errors.h"
#include "exceptions.h"
#include "float.h"
#include "memory.h"
#include "str.h"
#include "tuple.h"

/* The code assumes a limb and a long can hold any intptr_t (true on every
 * LP64 platform gilpy targets). */
_Static_assert(sizeof(mp_limb_t) >= sizeof(intptr_t), "a GMP limb must hold an intptr_t");
_Static_assert(sizeof(long) == sizeof(intptr_t), "gilpy assumes LP64");

/* Refuse results beyond this many bits (GMP aborts instead of failing). */
#define INT_MAX_BITS ((uint64_t)1 << 40)

/* ================================================================ construction */

Object *int_from_mpz_steal(mpz_ptr z) {
    if (mpz_fits_slong_p(z)) {
        long i = mpz_get_si(z);
        if (small_int_fits(i)) {
            mpz_clear(z);
            return small_int_make(i);
        }
    }
    BigIntObject *r = (BigIntObject *)obj_alloc(&IntType, sizeof(BigIntObject));
    if (r == NULL) {
        mpz_clear(z);
        return NULL;
    }
    r->value[0] = z[0]; /* move the limbs: z no longer owns them */
    return (Object *)r;
}

Object *int_from_mpz(const mpz_t z) {
    mpz_t copy;
    mpz_init_set(copy, z);
    return int_from_mpz_steal(copy);
}

Object *int_from_i64(int64_t i) {
    if (small_int_fits((intptr_t)i)) {
        return small_int_make((intptr_t)i);
    }
    mpz_t z;
    mpz_init_set_si(z, (long)i);
    return int_from_mpz_steal(z);
}

Object *int_from_u64(uint64_t u) {
    if (u <= (uint64_t)SMALL_INT_MAX) {
        return small_int_make((intptr_t)u);
    }
    mpz_t z;
    mpz_init_set_ui(z, (unsigned long)u);
    return int_from_mpz_steal(z);
}

Object *int_from_double(double d) {
    if (isnan(d)) {
        err_set_string(&ExcValueError, "cannot convert float NaN to integer");
        return NULL;
    }
    if (isinf(d)) {
        err_set_string(&ExcOverflowError, "cannot convert float infinity to integer");
        return NULL;
    }
    /* 2**62 bounds the tagged range on 64-bit machines. */
    if (d > -4611686018427387904.0 && d < 4611686018427387904.0) {
        return small_int_make((intptr_t)d); /* C truncates toward zero, like int() */
    }
    mpz_t z;
    mpz_init_set_d(z, d);
    return int_from_mpz_steal(z);
}

/* A new instance of the int subclass `type` with the value of the int v. */
static Object *int_subclass_new(TypeObject *type, Object *v) {
    BigIntObject *r = (BigIntObject *)obj_alloc(type, type->basic_size);
    if (r == NULL) {
        return NULL;
    }
    mpz_init(r->value);
    int_to_mpz(v, r->value);
    return (Object *)r;
}

Object *int_exact(Object *v) {
    intptr_t i;
    if (is_small_int(v) || v->type == &IntType) {
        return NEWREF(v);
    }
    if (int_small_value(v, &i)) {
        return small_int_make(i);
    }
    return int_from_mpz(((BigIntObject *)v)->value);
}

static void int_dealloc(Object *self) {
    mpz_clear(((BigIntObject *)self)->value);
    obj_free(self);
}

/* ================================================================ conversion to C */

mpz_srcptr int_mpz_view(const Object *v, IntScratch *scratch) {
    intptr_t i;
    if (int_small_value(v, &i)) {
        if (i == 0) {
            return mpz_roinit_n(&scratch->z, &scratch->limb, 0);
        }
        scratch->limb = i < 0 ? (mp_limb_t)0 - (mp_limb_t)i : (mp_limb_t)i;
        return mpz_roinit_n(&scratch->z, &scratch->limb, i < 0 ? -1 : 1);
    }
    return ((const BigIntObject *)v)->value;
}

void int_to_mpz(Object *v, mpz_t out) {
    IntScratch s;
    mpz_set(out, int_mpz_view(v, &s));
}

int int_sign(Object *v) {
    IntScratch s;
    return mpz_sgn(int_mpz_view(v, &s));
}

bool int_is_zero(Object *v) { return int_sign(v) == 0; }

int int_to_i64(Object *v, int64_t *out) {
    intptr_t i;
    if (int_small_value(v, &i)) {
        *out = i;
        return 0;
    }
    mpz_srcptr z = ((BigIntObject *)v)->value;
    if (!mpz_fits_slong_p(z)) {
        err_set_string(&ExcOverflowError, "Python int too large to convert to C long");
        return -1;
    }
    *out = mpz_get_si(z);
    return 0;
}

int int_to_ssize(Object *v, ssize_t *out) {
    intptr_t i;
    if (int_small_value(v, &i)) {
        *out = i;
        return 0;
    }
    mpz_srcptr z = ((BigIntObject *)v)->value;
    if (!mpz_fits_slong_p(z)) {
        err_set_string(&ExcOverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    *out = mpz_get_si(z);
    return 0;
}

/* Number of significant bits of q (0 for 0). */
static int bit_length64(uint64_t q) {
#if defined(__GNUC__) || defined(__clang__)
    return q == 0 ? 0 : 64 - __builtin_clzll(q);
#else
    int n = 0;
    while (q != 0) {
        n++;
        q >>= 1;
    }
    return n;
#endif
}

/* Round q * 2**exp2 (q < 2**63, plus a nonzero fraction below q's last bit
 * when `sticky`) to the nearest double, ties to even, handling subnormals.
 * Returns +inf on overflow. Callers give q at least 55 significant bits
 * whenever sticky is set, so the rounding decision is always exact. */
static double round_to_double(uint64_t q, bool sticky, long exp2) {
    if (q == 0) {
        return 0.0;
    }
    int qbits = bit_length64(q);
    long top = qbits - 1 + exp2;      /* exponent of the leading bit */
    long lsb = top - 52;              /* exponent of the last kept bit */
    if (lsb < -1074) {
        lsb = -1074;                  /* subnormal: fewer bits survive */
    }
    long drop = lsb - exp2;           /* low bits of q to round away */
    if (drop <= 0) {
        return ldexp((double)q, (int)(exp2 > 2000 ? 2000 : exp2));
    }
    if (drop > 63) {
        return 0.0;                   /* below half the smallest subnormal */
    }
    uint64_t kept = q >> drop;
    uint64_t rem = q & (((uint64_t)1 << drop) - 1);
    uint64_t half = (uint64_t)1 << (drop - 1);
    if (rem > half || (rem == half && (sticky || (kept & 1)))) {
        kept++;
    }
    if (lsb > 2000) {
        return HUGE_VAL;
    }
    return ldexp((double)kept, (int)lsb);
}

double int_mpz_scaled_to_double(mpz_srcptr z, long exp2) {
    if (mpz_sgn(z) == 0) {
        return 0.0;
    }
    size_t bits = mpz_sizeinbase(z, 2);
    if ((long)bits + exp2 > 1100) {
        return HUGE_VAL;
    }
    if ((long)bits + exp2 < -1100) {
        return 0.0;
    }
    mpz_t a;
    mpz_init(a);
    mpz_abs(a, z);
    bool sticky = false;
    if (bits > 60) {
        /* Keep the top 60 bits, remember whether anything below was set. */
        size_t shift = bits - 60;
        sticky = mpz_scan1(a, 0) < shift;
        mpz_tdiv_q_2exp(a, a, shift);
        exp2 += (long)shift;
    }
    double d = round_to_double(mpz_get_ui(a), sticky, exp2);
    mpz_clear(a);
    return d;
}

double int_to_double(Object *v) {
    intptr_t i;
    if (int_small_value(v, &i)) {
        return (double)i; /* the hardware conversion rounds to nearest even */
    }
    mpz_srcptr z = ((BigIntObject *)v)->value;
    double d = int_mpz_scaled_to_double(z, 0);
    if (isinf(d)) {
        err_set_string(&ExcOverflowError, "int too large to convert to float");
        return -1.0;
    }
    return mpz_sgn(z) < 0 ? -d : d;
}

/* ================================================================ arithmetic */

static Object *zero_division(const char *msg) {
    err_set_string(&ExcZeroDivisionError, msg);
    return NULL;
}

/* a / b correctly rounded (CPython's long_true_divide), b != 0 checked here. */
static Object *int_true_divide(mpz_srcptr a, mpz_srcptr b) {
    if (mpz_sgn(b) == 0) {
        return zero_division("division by zero");
    }
    bool negative = (mpz_sgn(a) < 0) != (mpz_sgn(b) < 0);
    if (mpz_sgn(a) == 0) {
        return float_new(negative ? -0.0 : 0.0);
    }
    long abits = (long)mpz_sizeinbase(a, 2);
    long bbits = (long)mpz_sizeinbase(b, 2);
    if (abits <= 53 && bbits <= 53) {
        return float_new(mpz_get_d(a) / mpz_get_d(b)); /* both exact: one rounding */
    }
    if (abits - bbits > 1030) {
        err_set_string(&ExcOverflowError, "integer division result too large for a float");
        return NULL;
    }
    if (abits - bbits < -1130) {
        return float_new(negative ? -0.0 : 0.0);
    }
    /* Scale so that q = |a| * 2**k / |b| has 55 or 56 bits, then round once. */
    long k = 55 - (abits - bbits);
    mpz_t num, den, q, r;
    mpz_inits(num, den, q, r, NULL);
    mpz_abs(num, a);
    mpz_abs(den, b);
    if (k >= 0) {
        mpz_mul_2exp(num, num, (mp_bitcnt_t)k);
    } else {
        mpz_mul_2exp(den, den, (mp_bitcnt_t)-k);
    }
    mpz_tdiv_qr(q, r, num, den);
    double d = round_to_double(mpz_get_ui(q), mpz_sgn(r) != 0, -k);
    mpz_clears(num, den, q, r, NULL);
    if (isinf(d)) {
        err_set_string(&ExcOverflowError, "integer division result too large for a float");
        return NULL;
    }
    return float_new(negative ? -d : d);
}

/* a ** b with b negative: a float result, computed like CPython (as floats). */
static Object *int_pow_negative(Object *a, Object *b) {
    double x = int_to_double(a);
    if (x == -1.0 && err_occurred()) {
        return NULL;
    }
    double y = int_to_double(b);
    if (y == -1.0 && err_occurred()) {
        return NULL;
    }
    return float_pow_double(x, y);
}

/* x * y for small ints, or false when the product may not fit an intptr_t. */
static inline bool small_mul(intptr_t x, intptr_t y, intptr_t *out) {
#if defined(__GNUC__) || defined(__clang__)
    return !__builtin_mul_overflow(x, y, out);
#else
    if ((x > -2147483648LL && x < 2147483648LL && y > -2147483648LL && y < 2147483648LL)) {
        *out = x * y;
        return true;
    }
    return false;
#endif
}

static Object *int_big_binary(Object *a, Object *b, BinaryOp op);

/* Both operands are small: the fast paths. Falls back to GMP when a result
 * does not fit 64 bits. */
static Object *int_small_binary(intptr_t x, intptr_t y, Object *a, Object *b, BinaryOp op) {
    intptr_t r;
    switch (op) {
    case BINOP_ADD:
        r = x + y; /* two 63-bit values cannot overflow 64 bits */
        return small_int_fits(r) ? small_int_make(r) : int_from_i64(r);
    case BINOP_SUB:
        r = x - y;
        return small_int_fits(r) ? small_int_make(r) : int_from_i64(r);
    case BINOP_MUL:
        if (small_mul(x, y, &r)) {
            return small_int_fits(r) ? small_int_make(r) : int_from_i64(r);
        }
        break;
    case BINOP_TRUEDIV:
        if (y == 0) {
            return zero_division("division by zero");
        }
        if (x >= -(INT64_C(1) << 53) && x <= (INT64_C(1) << 53) && y >= -(INT64_C(1) << 53) &&
            y <= (INT64_C(1) << 53)) {
            return float_new((double)x / (double)y);
        }
        break;
    case BINOP_FLOORDIV:
    case BINOP_MOD: {
        if (y == 0) {
            return zero_division(op == BINOP_MOD ? "integer modulo by zero"
                                                 : "integer division or modulo by zero");
        }
        intptr_t q = x / y; /* |x| < 2**62, so no INTPTR_MIN / -1 trap */
        intptr_t m = x % y;
        if (m != 0 && ((m < 0) != (y < 0))) {
            q -= 1;
            m += y;
        }
        return int_from_i64(op == BINOP_MOD ? m : q);
    }
    case BINOP_POW: {
        if (y < 0) {
            return int_pow_negative(a, b);
        }
        intptr_t result = 1, base = x;
        intptr_t e = y;
        bool ok = true;
        while (e > 0 && ok) {
            if (e & 1) {
                ok = small_mul(result, base, &result);
            }
            e >>= 1;
            if (e > 0 && ok) {
                ok = small_mul(base, base, &base);
            }
        }
        if (ok) {
            return int_from_i64(result);
        }
        break;
    }
    case BINOP_LSHIFT:
        if (y < 0) {
            err_set_string(&ExcValueError, "negative shift count");
            return NULL;
        }
        if (x == 0) {
            return small_int_make(0);
        }
        if (y < 62) {
            intptr_t limit = (intptr_t)1 << (62 - y);
            if (x > -limit && x < limit) {
                return small_int_make((intptr_t)((uintptr_t)x << y));
            }
        }
        break;
    case BINOP_RSHIFT:
        if (y < 0) {
            err_set_string(&ExcValueError, "negative shift count");
            return NULL;
        }
        return small_int_make(y >= 63 ? (x < 0 ? -1 : 0) : x >> y);
    case BINOP_AND:
        return small_int_make(x & y);
    case BINOP_OR:
        return small_int_make(x | y);
    case BINOP_XOR:
        return small_int_make(x ^ y);
    default:
        return NEWREF(NotImplemented);
    }
    return int_big_binary(a, b, op);
}

/* The shift count of `b` for << and >>: false with *huge set when it does
 * not fit mp_bitcnt_t-sized work. Negative counts raise. */
static int shift_count(mpz_srcptr b, unsigned long *count, bool *huge) {
    if (mpz_sgn(b) < 0) {
        err_set_string(&ExcValueError, "negative shift count");
        return -1;
    }
    *huge = !mpz_fits_ulong_p(b) || mpz_get_ui(b) > INT_MAX_BITS;
    *count = *huge ? 0 : mpz_get_ui(b);
    return 0;
}

/* The general path: GMP for every operator. */
static Object *int_big_binary(Object *a, Object *b, BinaryOp op) {
    IntScratch sa, sb;
    mpz_srcptr x = int_mpz_view(a, &sa);
    mpz_srcptr y = int_mpz_view(b, &sb);
    mpz_t r;

    switch (op) {
    case BINOP_TRUEDIV:
        return int_true_divide(x, y);
    case BINOP_FLOORDIV:
    case BINOP_MOD:
        if (mpz_sgn(y) == 0) {
            return zero_division(op == BINOP_MOD ? "integer modulo by zero"
                                                 : "integer division or modulo by zero");
        }
        break;
    case BINOP_POW:
        if (mpz_sgn(y) < 0) {
            return int_pow_negative(a, b);
        }
        if (mpz_cmpabs_ui(x, 1) <= 0) { /* 0, 1 or -1: any exponent is cheap */
            if (mpz_sgn(x) == 0) {
                return small_int_make(mpz_sgn(y) == 0 ? 1 : 0);
            }
            if (mpz_sgn(x) > 0 || mpz_even_p(y)) {
                return small_int_make(1);
            }
            return small_int_make(-1);
        }
        if (mpz_sgn(y) == 0) {
            return small_int_make(1);
        }
        if (!mpz_fits_ulong_p(y) || mpz_get_ui(y) > INT_MAX_BITS ||
            (uint64_t)mpz_sizeinbase(x, 2) > INT_MAX_BITS / mpz_get_ui(y)) {
            /* the result would need more than INT_MAX_BITS bits */
            err_no_memory();
            return NULL;
        }
        break;
    case BINOP_LSHIFT:
    case BINOP_RSHIFT: {
        unsigned long count;
        bool huge;
        if (shift_count(y, &count, &huge) < 0) {
            return NULL;
        }
        if (huge || (op == BINOP_LSHIFT && mpz_sizeinbase(x, 2) + count > INT_MAX_BITS)) {
            if (mpz_sgn(x) == 0) {
                return small_int_make(0);
            }
            if (op == BINOP_RSHIFT) {
                return small_int_make(mpz_sgn(x) < 0 ? -1 : 0);
            }
            err_no_memory();
            return NULL;
        }
        mpz_init(r);
        if (op == BINOP_LSHIFT) {
            mpz_mul_2exp(r, x, count);
        } else {
            mpz_fdiv_q_2exp(r, x, count); /* floor: arithmetic shift for negatives */
        }
        return int_from_mpz_steal(r);
    }
    case BINOP_MATMUL:
        return NEWREF(NotImplemented);
    default:
        break;
    }

    mpz_init(r);
    switch (op) {
    case BINOP_ADD:
        mpz_add(r, x, y);
        break;
    case BINOP_SUB:
        mpz_sub(r, x, y);
        break;
    case BINOP_MUL:
        mpz_mul(r, x, y);
        break;
    case BINOP_FLOORDIV:
        mpz_fdiv_q(r, x, y);
        break;
    case BINOP_MOD:
        mpz_fdiv_r(r, x, y); /* floor division: the remainder has the divisor's sign */
        break;
    case BINOP_POW:
        mpz_pow_ui(r, x, mpz_get_ui(y));
        break;
    case BINOP_AND:
        mpz_and(r, x, y); /* GMP uses two's complement semantics, as Python */
        break;
    case BINOP_OR:
        mpz_ior(r, x, y);
        break;
    case BINOP_XOR:
        mpz_xor(r, x, y);
        break;
    default:
        mpz_clear(r);
        return NEWREF(NotImplemented);
    }
    return int_from_mpz_steal(r);
}

Object *int_binary_op(Object *a, Object *b, BinaryOp op) {
    intptr_t x, y;
    if (int_small_value(a, &x) && int_small_value(b, &y)) {
        if (op >= BINOP_AND && !is_small_int(a) && !is_small_int(b)) {
            /* bool & bool, bool | bool, bool ^ bool stay bools */
            if (a->type == &BoolType && b->type == &BoolType) {
                intptr_t r = op == BINOP_AND ? (x & y) : op == BINOP_OR ? (x | y) : (x ^ y);
                return bool_from(r != 0);
            }
        }
        return int_small_binary(x, y, a, b, op);
    }
    return int_big_binary(a, b, op);
}

/* IntType.binary_op: ints with ints; everything else is someone else's job. */
static Object *int_binary_slot(Object *a, Object *b, BinaryOp op) {
    if (!int_check(a) || !int_check(b)) {
        return NEWREF(NotImplemented);
    }
    return int_binary_op(a, b, op);
}

Object *int_divmod(Object *a, Object *b) {
    Object *q = int_binary_op(a, b, BINOP_FLOORDIV);
    if (q == NULL) {
        return NULL;
    }
    Object *r = int_binary_op(a, b, BINOP_MOD);
    if (r == NULL) {
        DECREF(q);
        return NULL;
    }
    Object *t = tuple_pack(2, q, r);
    DECREF(q);
    DECREF(r);
    return t;
}

/* pow(base, exp, mod) for ints, CPython's rules (negative exp: inverse). */
static Object *int_ternary_pow(Object *base, Object *exp, Object *mod) {
    if (mod == None) {
        if (!int_check(base) || !int_check(exp)) {
            return NEWREF(NotImplemented);
        }
        return int_binary_op(base, exp, BINOP_POW);
    }
    if (!int_check(base) || !int_check(exp) || !int_check(mod)) {
        if (float_check(exp) || float_check(mod)) {
            /* what float's ternary slot says (obj_pow3 only asks the base) */
            err_set_string(&ExcTypeError,
                           "pow() 3rd argument not allowed unless all arguments are integers");
            return NULL;
        }
        return NEWREF(NotImplemented);
    }
    IntScratch sb, se, sm;
    mpz_srcptr b = int_mpz_view(base, &sb);
    mpz_srcptr e = int_mpz_view(exp, &se);
    mpz_srcptr m = int_mpz_view(mod, &sm);
    if (mpz_sgn(m) == 0) {
        err_set_string(&ExcValueError, "pow() 3rd argument cannot be 0");
        return NULL;
    }
    mpz_t absm, r, inv, pos_e;
    mpz_inits(absm, r, inv, pos_e, NULL);
    mpz_abs(absm, m);
    if (mpz_cmp_ui(absm, 1) == 0) {
        mpz_clears(absm, r, inv, pos_e, NULL);
        return small_int_make(0);
    }
    mpz_srcptr use_base = b;
    mpz_set(pos_e, e);
    if (mpz_sgn(e) < 0) {
        if (!mpz_invert(inv, b, absm)) {
            mpz_clears(absm, r, inv, pos_e, NULL);
            err_set_string(&ExcValueError, "base is not invertible for the given modulus");
            return NULL;
        }
        use_base = inv;
        mpz_neg(pos_e, e);
    }
    mpz_powm(r, use_base, pos_e, absm); /* 0 <= r < |m| */
    if (mpz_sgn(m) < 0 && mpz_sgn(r) != 0) {
        mpz_add(r, r, m); /* the result takes the modulus' sign */
    }
    mpz_clears(absm, inv, pos_e, NULL);
    return int_from_mpz_steal(r);
}

/* ================================================================ comparison, hash, truth */

int int_compare(Object *a, Object *b) {
    intptr_t x, y;
    if (int_small_value(a, &x) && int_small_value(b, &y)) {
        return (x > y) - (x < y);
    }
    IntScratch sa, sb;
    int c = mpz_cmp(int_mpz_view(a, &sa), int_mpz_view(b, &sb));
    return (c > 0) - (c < 0);
}

static bool compare_result(int c, CompareOp op) {
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

static Object *int_richcompare(Object *a, Object *b, CompareOp op) {
    if (!int_check(a) || !int_check(b)) {
        return NEWREF(NotImplemented);
    }
    return bool_from(compare_result(int_compare(a, b), op));
}

/* The modulus of CPython's numeric hash: the Mersenne prime 2**61 - 1. */
#define HASH_MODULUS (((uint64_t)1 << 61) - 1)

intptr_t int_hash(Object *v) {
    intptr_t x;
    intptr_t h;
    if (int_small_value(v, &x)) {
        uint64_t mag = x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
        if (mag >= HASH_MODULUS) {
            mag %= HASH_MODULUS;
        }
        h = x < 0 ? -(intptr_t)mag : (intptr_t)mag;
    } else {
        mpz_srcptr z = ((BigIntObject *)v)->value;
        uint64_t mag = mpz_tdiv_ui(z, HASH_MODULUS);
        h = mpz_sgn(z) < 0 ? -(intptr_t)mag : (intptr_t)mag;
    }
    return h == -1 ? -2 : h;
}

static int int_truth(Object *v) { return int_sign(v) != 0; }

static Object *int_unary_op(Object *a, UnaryOp op) {
    intptr_t x;
    if (int_small_value(a, &x)) {
        switch (op) {
        case UNARY_NEG:
            return int_from_i64(-(int64_t)x);
        case UNARY_POS:
            return small_int_make(x);
        case UNARY_INVERT:
            return small_int_make(~x);
        default:
            return int_from_i64(x < 0 ? -(int64_t)x : x);
        }
    }
    mpz_srcptr z = ((BigIntObject *)a)->value;
    mpz_t r;
    mpz_init(r);
    switch (op) {
    case UNARY_NEG:
        mpz_neg(r, z);
        break;
    case UNARY_POS:
        mpz_set(r, z);
        break;
    case UNARY_INVERT:
        mpz_com(r, z); /* ~x == -x - 1 */
        break;
    default:
        mpz_abs(r, z);
        break;
    }
    return int_from_mpz_steal(r);
}

static Object *int_to_float_slot(Object *v) {
    double d = int_to_double(v);
    if (d == -1.0 && err_occurred()) {
        return NULL;
    }
    return float_new(d);
}

static Object *int_repr_slot(Object *v) { return int_to_decimal_string(v); }

/* ================================================================ round */

Object *int_round(Object *v, Object *ndigits) {
    if (ndigits == NULL) {
        return int_exact(v);
    }
    Object *nd = obj_index(ndigits);
    if (nd == NULL) {
        return NULL;
    }
    if (int_sign(nd) >= 0) {
        DECREF(nd);
        return int_exact(v);
    }
    /* Round to a multiple of 10**-ndigits, halves to even. */
    mpz_t pow10, q, r, twice;
    mpz_inits(pow10, q, r, twice, NULL);
    IntScratch sn;
    mpz_srcptr n = int_mpz_view(nd, &sn);
    bool huge = !mpz_fits_slong_p(n) || mpz_get_si(n) < -(long)INT_MAX_BITS / 4;
    if (huge) {
        DECREF(nd);
        mpz_clears(pow10, q, r, twice, NULL);
        return small_int_make(0);
    }
    mpz_ui_pow_ui(pow10, 10, (unsigned long)-mpz_get_si(n));
    DECREF(nd);
    IntScratch sv;
    mpz_fdiv_qr(q, r, int_mpz_view(v, &sv), pow10);
    mpz_mul_2exp(twice, r, 1);
    int c = mpz_cmp(twice, pow10);
    if (c > 0 || (c == 0 && mpz_odd_p(q))) {
        mpz_add_ui(q, q, 1);
    }
    mpz_mul(q, q, pow10);
    mpz_clears(pow10, r, twice, NULL);
    return int_from_mpz_steal(q);
}

/* ================================================================ constructors */

Object *int_from_object(Object *x) {
    if (int_check_exact(x)) {
        return NEWREF(x);
    }
    /* CPython's order: __int__, __index__, then text. The slots cover native
     * types and classes that define (or inherit) the methods; a subclass of
     * int or float that overrides __int__ is honoured too. */
    TypeObject *t = obj_type(x);
    const char *dunders[2] = {"__int__", "__index__"};
    Object *(*slots[2])(Object *) = {t->to_int, t->index};
    for (int k = 0; k < 2; k++) {
        Object *r = NULL;
        if (slots[k] != NULL) {
            r = slots[k](x);
        } else {
            Object *name = str_intern_cstr(dunders[k]);
            if (name == NULL) {
                return NULL;
            }
            Object *found = type_lookup(t, name);
            DECREF(name);
            if (found == NULL) {
                continue;
            }
            r = obj_call_method(x, dunders[k], NULL, 0);
        }
        if (r == NULL) {
            return NULL;
        }
        if (!int_check(r)) {
            err_format(&ExcTypeError, "%s returned non-int (type %.200s)", dunders[k],
                       obj_type_name(r));
            DECREF(r);
            return NULL;
        }
        Object *exact = int_exact(r);
        DECREF(r);
        return exact;
    }
    if (str_check(x)) {
        return int_parse(str_utf8(x), str_size(x), 10, x);
    }
    if (bytes_check(x)) {
        return int_parse(bytes_data(x), bytes_size(x), 10, x);
    }
    return err_format(&ExcTypeError,
                      "int() argument must be a string, a bytes-like object or a real number, "
                      "not '%.200s'",
                      t->name);
}

/* int(x=0) / int(x, base=10): CPython 3.11's constructor. */
static Object *int_new(TypeObject *type, Object *const *args, size_t nargs, Object *kwnames) {
    size_t nkw = kwnames == NULL ? 0 : tuple_size(kwnames);
    Object *x = nargs > 0 ? args[0] : NULL;
    Object *base_obj = nargs > 1 ? args[1] : NULL;
    if (nargs + nkw > 2) {
        return err_format(&ExcTypeError, "int() takes at most 2 arguments (%zu given)",
                          nargs + nkw);
    }
    for (size_t i = 0; i < nkw; i++) {
        Object *name = tuple_get(kwnames, i);
        if (!str_equal_cstr(name, "base") || base_obj != NULL) {
            if (str_equal_cstr(name, "base")) {
                return err_format(&ExcTypeError,
                                  "argument for int() given by name ('base') and position (2)");
            }
            return err_format(&ExcTypeError, "'%U' is an invalid keyword argument for int()",
                              name);
        }
        base_obj = args[nargs + i];
    }
    Object *result;
    if (x == NULL) {
        if (base_obj != NULL) {
            return err_format(&ExcTypeError, "int() missing string argument");
        }
        result = small_int_make(0);
    } else if (base_obj == NULL) {
        result = int_from_object(x);
    } else {
        ssize_t base = obj_as_ssize(base_obj);
        if (base == -1 && err_occurred()) {
            return NULL;
        }
        if (base != 0 && (base < 2 || base > 36)) {
            err_set_string(&ExcValueError, "int() base must be >= 2 and <= 36, or 0");
            return NULL;
        }
        if (str_check(x)) {
            result = int_parse(str_utf8(x), str_size(x), (int)base, x);
        } else if (bytes_check(x)) {
            result = int_parse(bytes_data(x), bytes_size(x), (int)base, x);
        } else {
            return err_format(&ExcTypeError, "int() can't convert non-string with explicit base");
        }
    }
    if (result == NULL || type == &IntType) {
        return result;
    }
    Object *sub = int_subclass_new(type, result);
    DECREF(result);
    return sub;
}

/* bool(x=False) */
static Object *bool_new(TypeObject *type, Object *const *args, size_t nargs, Object *kwnames) {
    if (kwnames != NULL && tuple_size(kwnames) > 0) {
        return err_format(&ExcTypeError, "bool() takes no keyword arguments");
    }
    if (nargs > 1) {
        return err_format(&ExcTypeError, "bool expected at most 1 argument, got %zu", nargs);
    }
    if (nargs == 0) {
        return bool_from(false);
    }
    int t = obj_is_true(args[0]);
    if (t < 0) {
        return NULL;
    }
    return bool_from(t != 0);
}

/* ================================================================ methods */

static Object *int_bit_length(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_no_keywords("int.bit_length", kwnames) < 0 ||
        args_count("int.bit_length", nargs, 0, 0) < 0) {
        return NULL;
    }
    IntScratch s;
    mpz_srcptr z = int_mpz_view(self, &s);
    if (mpz_sgn(z) == 0) {
        return small_int_make(0);
    }
    return int_from_u64(mpz_sizeinbase(z, 2));
}

static Object *int_bit_count(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_no_keywords("int.bit_count", kwnames) < 0 ||
        args_count("int.bit_count", nargs, 0, 0) < 0) {
        return NULL;
    }
    IntScratch s;
    mpz_srcptr z = int_mpz_view(self, &s);
    if (mpz_sgn(z) >= 0) {
        return int_from_u64(mpz_popcount(z));
    }
    mpz_t a;
    mpz_init(a);
    mpz_abs(a, z);
    uint64_t n = mpz_popcount(a);
    mpz_clear(a);
    return int_from_u64(n);
}

/* Parse byteorder for to_bytes/from_bytes: 1 little, 0 big, -1 error. */
static int parse_byteorder(const char *fname, Object *order) {
    if (order == NULL) {
        return 0;
    }
    if (!str_check(order)) {
        err_format(&ExcTypeError, "%s() argument 'byteorder' must be str, not %.200s", fname,
                   obj_type_name(order));
        return -1;
    }
    if (str_equal_cstr(order, "little")) {
        return 1;
    }
    if (str_equal_cstr(order, "big")) {
        return 0;
    }
    err_set_string(&ExcValueError, "byteorder must be either 'little' or 'big'");
    return -1;
}

/* int.to_bytes(length=1, byteorder='big', *, signed=False) */
static Object *int_to_bytes(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    static const char *const kwlist[] = {"length", "byteorder", "$signed", NULL};
    Object *out[3] = {NULL, NULL, NULL};
    if (nargs > 2) {
        return err_format(&ExcTypeError, "to_bytes() takes at most 2 positional arguments (%zu given)",
                          nargs);
    }
    if (args_parse("to_bytes", args, nargs, kwnames, kwlist, 0, out) < 0) {
        return NULL;
    }
    ssize_t length = 1;
    if (out[0] != NULL) {
        length = obj_as_ssize(out[0]);
        if (length == -1 && err_occurred()) {
            return NULL;
        }
        if (length < 0) {
            err_set_string(&ExcValueError, "length argument must be non-negative");
            return NULL;
        }
    }
    int little = parse_byteorder("to_bytes", out[1]);
    if (little < 0) {
        return NULL;
    }
    int is_signed = 0;
    if (out[2] != NULL && (is_signed = obj_is_true(out[2])) < 0) {
        return NULL;
    }
    IntScratch s;
    mpz_srcptr z = int_mpz_view(self, &s);
    if (mpz_sgn(z) < 0 && !is_signed) {
        err_set_string(&ExcOverflowError, "can't convert negative int to unsigned");
        return NULL;
    }
    /* Bits needed: magnitude bits, plus a sign bit when signed. */
    mpz_t u;
    mpz_init(u);
    size_t bits;
    if (mpz_sgn(z) < 0) {
        mpz_com(u, z); /* -z - 1 >= 0 */
        bits = (mpz_sgn(u) == 0 ? 0 : mpz_sizeinbase(u, 2)) + 1;
    } else {
        bits = (mpz_sgn(z) == 0 ? 0 : mpz_sizeinbase(z, 2)) + (is_signed ? 1 : 0);
    }
    if (bits > (size_t)length * 8) {
        mpz_clear(u);
        err_set_string(&ExcOverflowError, "int too big to convert");
        return NULL;
    }
    /* Two's complement: add 2**(8*length) to negatives. */
    mpz_set(u, z);
    if (mpz_sgn(z) < 0) {
        mpz_t p;
        mpz_init(p);
        mpz_setbit(p, (mp_bitcnt_t)length * 8);
        mpz_add(u, u, p);
        mpz_clear(p);
    }
    unsigned char *buf = mem_alloc((size_t)length + 1);
    if (buf == NULL) {
        mpz_clear(u);
        return NULL;
    }
    size_t count = 0;
    size_t need = mpz_sgn(u) == 0 ? 0 : (mpz_sizeinbase(u, 2) + 7) / 8;
    /* Big-endian export right-aligned in the buffer. */
    mpz_export(buf + (size_t)length - need, &count, 1, 1, 1, 0, u);
    mpz_clear(u);
    if (little) {
        for (ssize_t i = 0, j = length - 1; i < j; i++, j--) {
            unsigned char t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
    }
    Object *r = bytes_from_data((const char *)buf, (size_t)length);
    mem_free(buf);
    return r;
}

/* int.from_bytes(bytes, byteorder='big', *, signed=False), a classmethod. */
static Object *int_from_bytes(Object *type, Object *const *args, size_t nargs, Object *kwnames) {
    static const char *const kwlist[] = {"bytes", "byteorder", "$signed", NULL};
    Object *out[3] = {NULL, NULL, NULL};
    if (nargs > 2) {
        return err_format(&ExcTypeError, "from_bytes() takes at most 2 positional arguments (%zu given)",
                          nargs);
    }
    if (args_parse("from_bytes", args, nargs, kwnames, kwlist, 1, out) < 0) {
        return NULL;
    }
    int little = parse_byteorder("from_bytes", out[1]);
    if (little < 0) {
        return NULL;
    }
    int is_signed = 0;
    if (out[2] != NULL && (is_signed = obj_is_true(out[2])) < 0) {
        return NULL;
    }
    Object *data = out[0];
    Object *owned = NULL;
    if (!bytes_check(data)) {
        if (str_check(data) || int_check(data) || float_check(data) || data == None) {
            return err_format(&ExcTypeError, "cannot convert '%.200s' object to bytes",
                              obj_type_name(data));
        }
        /* An iterable of ints in range(256), as bytes(iterable). */
        Object *it = obj_iter(data);
        if (it == NULL) {
            return NULL;
        }
        StrBuilder sb;
        sb_init(&sb);
        Object *item;
        while ((item = obj_next(it)) != NULL) {
            ssize_t byte = obj_as_ssize(item);
            DECREF(item);
            if (byte == -1 && err_occurred()) {
                break;
            }
            if (byte < 0 || byte > 255) {
                err_set_string(&ExcValueError, "bytes must be in range(0, 256)");
                break;
            }
            sb_append_char(&sb, (char)byte);
        }
        DECREF(it);
        if (err_occurred()) {
            sb_discard(&sb);
            return NULL;
        }
        owned = bytes_from_data(sb.data == NULL ? "" : sb.data, sb.size);
        sb_discard(&sb);
        if (owned == NULL) {
            return NULL;
        }
        data = owned;
    }
    size_t n = bytes_size(data);
    const unsigned char *p = (const unsigned char *)bytes_data(data);
    mpz_t z;
    mpz_init(z);
    if (n > 0) {
        mpz_import(z, n, little ? -1 : 1, 1, 1, 0, p);
        unsigned char top = little ? p[n - 1] : p[0];
        if (is_signed && (top & 0x80)) {
            mpz_t pw;
            mpz_init(pw);
            mpz_setbit(pw, (mp_bitcnt_t)n * 8);
            mpz_sub(z, z, pw);
            mpz_clear(pw);
        }
    }
    XDECREF(owned);
    Object *r = int_from_mpz_steal(z);
    if (r == NULL || (TypeObject *)type == &IntType) {
        return r;
    }
    Object *sub = obj_call1(type, r);
    DECREF(r);
    return sub;
}

static Object *int_as_integer_ratio(Object *self, Object *const *args, size_t nargs,
                                    Object *kwnames) {
    if (args_no_keywords("int.as_integer_ratio", kwnames) < 0 ||
        args_count("int.as_integer_ratio", nargs, 0, 0) < 0) {
        return NULL;
    }
    Object *n = int_exact(self);
    if (n == NULL) {
        return NULL;
    }
    Object *r = tuple_pack(2, n, small_int_make(1));
    DECREF(n);
    return r;
}

/* A slot wrapper's argument check (__index__, __int__, __float__):
 * CPython says "expected 0 arguments, got 1". */
static int check_slot_noargs(size_t nargs, Object *kwnames) {
    size_t nkw = kwnames == NULL ? 0 : tuple_size(kwnames);
    if (nargs + nkw != 0) {
        err_format(&ExcTypeError, "expected 0 arguments, got %zu", nargs + nkw);
        return -1;
    }
    return 0;
}

/* conjugate(), __trunc__(), __floor__(), __ceil__(): int(self), each with
 * its own name for the argument-count message. */
#define INT_SELF_METHOD(cname, qualname)                                                           \
    static Object *cname(Object *self, Object *const *args, size_t nargs, Object *kwnames) {       \
        if (args_no_keywords(qualname, kwnames) < 0 || args_count(qualname, nargs, 0, 0) < 0) {    \
            return NULL;                                                                           \
        }                                                                                          \
        return int_exact(self);                                                                    \
    }
INT_SELF_METHOD(int_conjugate, "int.conjugate")
INT_SELF_METHOD(int_trunc_method, "int.__trunc__")
INT_SELF_METHOD(int_floor_method, "int.__floor__")
INT_SELF_METHOD(int_ceil_method, "int.__ceil__")
#undef INT_SELF_METHOD

/* __index__() and __int__(): int(self) */
static Object *int_index_method(Object *self, Object *const *args, size_t nargs,
                                Object *kwnames) {
    if (check_slot_noargs(nargs, kwnames) < 0) {
        return NULL;
    }
    return int_exact(self);
}

static Object *int_float_method(Object *self, Object *const *args, size_t nargs,
                                Object *kwnames) {
    if (check_slot_noargs(nargs, kwnames) < 0) {
        return NULL;
    }
    return int_to_float_slot(self);
}

/* int.__round__(ndigits=None) */
static Object *int_round_method(Object *self, Object *const *args, size_t nargs,
                                Object *kwnames) {
    if (args_no_keywords("int.__round__", kwnames) < 0 ||
        args_count("__round__", nargs, 0, 1) < 0) {
        return NULL;
    }
    return int_round(self, nargs == 0 ? NULL : args[0]);
}

static Object *int_format_method(Object *self, Object *const *args, size_t nargs,
                                 Object *kwnames) {
    if (args_no_keywords("int.__format__", kwnames) < 0 ||
        args_count("int.__format__", nargs, 1, 1) < 0) {
        return NULL;
    }
    if (!str_check(args[0])) {
        return err_format(&ExcTypeError, "__format__() argument must be str, not %.200s",
                          obj_type_name(args[0]));
    }
    return int_format(self, args[0]);
}

static Object *int_getnewargs(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_no_keywords("int.__getnewargs__", kwnames) < 0 ||
        args_count("int.__getnewargs__", nargs, 0, 0) < 0) {
        return NULL;
    }
    Object *n = int_exact(self);
    if (n == NULL) {
        return NULL;
    }
    Object *r = tuple_pack(1, n);
    DECREF(n);
    return r;
}

static Object *int_get_self(Object *self) { return int_exact(self); }
static Object *int_get_zero(Object *self) { return small_int_make(0); }
static Object *int_get_one(Object *self) { return small_int_make(1); }

static const MethodDef int_methods[] = {
    {"bit_length", int_bit_length, 0, "Number of bits necessary to represent self in binary."},
    {"bit_count", int_bit_count, 0, "Number of ones in the binary representation of abs(self)."},
    {"to_bytes", int_to_bytes, 0, "Return an array of bytes representing an integer."},
    {"from_bytes", int_from_bytes, METHOD_CLASS, "Return the integer represented by the bytes."},
    {"as_integer_ratio", int_as_integer_ratio, 0, "Return a pair (self, 1)."},
    {"conjugate", int_conjugate, 0, "Returns self, the complex conjugate of any int."},
    {"__index__", int_index_method, 0, "Return self converted to an integer."},
    {"__int__", int_index_method, 0, "int(self)"},
    {"__float__", int_float_method, 0, "float(self)"},
    {"__trunc__", int_trunc_method, 0, "Truncating an Integral returns itself."},
    {"__floor__", int_floor_method, 0, "Flooring an Integral returns itself."},
    {"__ceil__", int_ceil_method, 0, "Ceiling of an Integral returns itself."},
    {"__round__", int_round_method, 0, "Rounding an Integral returns itself."},
    {"__format__", int_format_method, 0, "Convert to a string according to format_spec."},
    {"__getnewargs__", int_getnewargs, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef int_getsets[] = {
    {"real", int_get_self, NULL, "the real part of a complex number"},
    {"imag", int_get_zero, NULL, "the imaginary part of a complex number"},
    {"numerator", int_get_self, NULL, "the numerator of a rational number in lowest terms"},
    {"denominator", int_get_one, NULL, "the denominator of a rational number in lowest terms"},
    {NULL, NULL, NULL, NULL},
};

/* ================================================================ bool */

static Object *bool_repr(Object *v) {
    return str_from_cstr(((BoolObject *)v)->value ? "True" : "False");
}

/* ================================================================ the types */

TypeObject IntType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "int",
    .basic_size = sizeof(BigIntObject),
    .flags = TYPE_FLAG_BASETYPE,
    .base_type = &ObjectType,
    .dealloc = int_dealloc,
    .repr = int_repr_slot,
    .hash = int_hash,
    .richcompare = int_richcompare,
    .truth = int_truth,
    .binary_op = int_binary_slot,
    .unary_op = int_unary_op,
    .ternary_pow = int_ternary_pow,
    .index = int_exact,
    .to_int = int_exact,
    .to_float = int_to_float_slot,
    .new_instance = int_new,
    .format = int_format,
    .methods = int_methods,
    .getsets = int_getsets,
    .doc = "int([x]) -> integer\nint(x, base=10) -> integer",
};

TypeObject BoolType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "bool",
    .basic_size = sizeof(BoolObject),
    .flags = 0, /* bool cannot be subclassed */
    .base_type = &IntType,
    .repr = bool_repr,
    .hash = int_hash,
    .richcompare = int_richcompare,
    .truth = int_truth,
    .binary_op = int_binary_slot, /* bool & bool stays bool (int_binary_op) */
    .unary_op = int_unary_op,
    .ternary_pow = int_ternary_pow,
    .index = int_exact,
    .to_int = int_exact,
    .to_float = int_to_float_slot,
    .new_instance = bool_new,
    .format = int_format,
    .doc = "bool(x) -> bool",
};

BoolObject TrueObject = {OBJECT_HEADER_INIT(&BoolType), 1};
BoolObject FalseObject = {OBJECT_HEADER_INIT(&BoolType), 0};
