/* mod_math.c: the `math` module. Floating-point functions follow CPython 3.11's
 * mathmodule.c (same special cases, same "math domain error" / "math range
 * error" decisions); integer functions (factorial, gcd, isqrt, comb...) use GMP. */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "args.h"
#include "errors.h"
#include "exceptions.h"
#include "float.h"
#include "int.h"
#include "memory.h"
#include "module.h"
#include "modules.h"
#include "str.h"
#include "tuple.h"

/* <float.h> is shadowed by runtime/float.h on the include path: the smallest
 * normal double, DBL_MIN, spelled out. */
#define MATH_DBL_MIN 2.2250738585072014e-308

/* ================================================================ helpers */

/* Convert a number argument to a double: float, int, or __float__/__index__.
 * Returns -1 with "must be real number, not str" (TypeError) or the int
 * overflow error set. */
static int to_double(Object *v, double *out) {
    if (!is_small_int(v) && v->type == &FloatType) {
        *out = float_value(v);
        return 0;
    }
    if (is_small_int(v)) {
        *out = (double)small_int_value(v);
        return 0;
    }
    double d = obj_as_double(v);
    if (d == -1.0 && err_occurred() != NULL) {
        return -1;
    }
    *out = d;
    return 0;
}

static Object *domain_error(void) {
    err_set_string(&ExcValueError, "math domain error");
    return NULL;
}

static Object *range_error(void) {
    err_set_string(&ExcOverflowError, "math range error");
    return NULL;
}

/* CPython's is_error(): decide from errno whether r is an error. Returns true
 * with the exception set when it is (a tiny result after ERANGE is only an
 * underflow, which Python does not report). */
static bool errno_is_error(double r) {
    if (errno == EDOM) {
        domain_error();
        return true;
    }
    if (errno == ERANGE) {
        if (fabs(r) < 1.5) {
            return false;
        }
        range_error();
        return true;
    }
    return false;
}

/* Apply a one-argument libm function with CPython's math_1 error rules: a
 * NaN from a non-NaN is a domain error; an infinity from a finite argument is
 * a range error when `can_overflow`, else a domain error. */
static Object *math_1(Object *arg, double (*func)(double), bool can_overflow) {
    double x;
    if (to_double(arg, &x) < 0) {
        return NULL;
    }
    errno = 0;
    double r = func(x);
    if (isnan(r) && !isnan(x)) {
        return domain_error();
    }
    if (isinf(r) && isfinite(x)) {
        return can_overflow ? range_error() : domain_error();
    }
    if (isfinite(r) && errno != 0 && errno_is_error(r)) {
        return NULL;
    }
    return float_new(r);
}

/* The single argument of a METH_O-style function, checked the way CPython
 * words it: "math.sqrt() takes exactly one argument (2 given)". */
static int one_arg(const char *qualname, size_t nargs, Object *kwnames) {
    if (args_no_keywords(qualname, kwnames) < 0) {
        return -1;
    }
    return args_count(qualname, nargs, 1, 1);
}

/* "math.gcd() takes no keyword arguments" for the function `name` ("gcd"). */
static int no_keywords(const char *name, Object *kwnames) {
    char qualname[64];
    snprintf(qualname, sizeof qualname, "math.%s", name);
    return args_no_keywords(qualname, kwnames);
}

/* Define a module function `name` that applies libm's `func` through math_1. */
#define MATH_FUNC1(name, func, can_overflow)                                                       \
    static Object *math_##name(Object *self, Object *const *args, size_t nargs, Object *kwnames) { \
        if (one_arg("math." #name, nargs, kwnames) < 0) {                                          \
            return NULL;                                                                           \
        }                                                                                          \
        return math_1(args[0], func, can_overflow);                                                \
    }

MATH_FUNC1(sqrt, sqrt, false)
MATH_FUNC1(exp, exp, true)
MATH_FUNC1(exp2, exp2, true)
MATH_FUNC1(expm1, expm1, true)
MATH_FUNC1(sin, sin, false)
MATH_FUNC1(cos, cos, false)
MATH_FUNC1(tan, tan, false)
MATH_FUNC1(asin, asin, false)
MATH_FUNC1(acos, acos, false)
MATH_FUNC1(atan, atan, false)
MATH_FUNC1(sinh, sinh, true)
MATH_FUNC1(cosh, cosh, true)
MATH_FUNC1(tanh, tanh, false)
MATH_FUNC1(asinh, asinh, false)
MATH_FUNC1(acosh, acosh, false)
MATH_FUNC1(atanh, atanh, false)
MATH_FUNC1(fabs, fabs, false)
MATH_FUNC1(cbrt, cbrt, false)
MATH_FUNC1(erf, erf, false)
MATH_FUNC1(erfc, erfc, false)

/* Two double arguments for a function checked as "pow expected 2 arguments, got 1". */
static int two_doubles(const char *name, Object *const *args, size_t nargs, Object *kwnames,
                       double *x, double *y) {
    if (no_keywords(name, kwnames) < 0 || args_count(name, nargs, 2, 2) < 0) {
        return -1;
    }
    if (to_double(args[0], x) < 0 || to_double(args[1], y) < 0) {
        return -1;
    }
    return 0;
}

/* ================================================================ logarithms */

/* log, log2, log10 of a double as CPython's m_log: errno EDOM for x <= 0. */
static double m_log_with(double x, double (*f)(double)) {
    if (isfinite(x)) {
        if (x > 0.0) {
            return f(x);
        }
        errno = EDOM;
        return x == 0.0 ? -HUGE_VAL : NAN;
    }
    if (isnan(x) || x > 0.0) {
        return x;
    }
    errno = EDOM;
    return NAN;
}
static double m_log(double x) {
    return m_log_with(x, log);
}
static double m_log2(double x) {
    return m_log_with(x, log2);
}
static double m_log10(double x) {
    return m_log_with(x, log10);
}

/* CPython's loghelper: ints are handled exactly even when they do not fit a
 * double (log(2**5000) works). Returns a new float or NULL. */
static Object *loghelper(Object *arg, double (*func)(double)) {
    if (int_check(arg)) {
        if (int_sign(arg) <= 0) {
            return domain_error();
        }
        double x = int_to_double(arg);
        if (x == -1.0 && err_occurred() != NULL) {
            if (!err_matches(&ExcOverflowError)) {
                return NULL;
            }
            err_clear();
            IntScratch scratch;
            mpz_srcptr z = int_mpz_view(arg, &scratch);
            long e;
            double m = mpz_get_d_2exp(&e, z); /* z = m * 2**e, 0.5 <= m < 1 */
            return float_new(func(m) + func(2.0) * (double)e);
        }
        return float_new(func(x));
    }
    return math_1(arg, func, false);
}

static Object *math_log(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_no_keywords("log", kwnames) < 0) {
        return NULL;
    }
    if (nargs < 1 || nargs > 2) {
        return err_format(&ExcTypeError, "math.log requires 1 to 2 arguments");
    }
    Object *num = loghelper(args[0], m_log);
    if (num == NULL || nargs == 1) {
        return num;
    }
    Object *den = loghelper(args[1], m_log);
    if (den == NULL) {
        DECREF(num);
        return NULL;
    }
    Object *r = obj_binary_op(num, den, BINOP_TRUEDIV);
    DECREF(num);
    DECREF(den);
    return r;
}

static Object *math_log2(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (one_arg("math.log2", nargs, kwnames) < 0) {
        return NULL;
    }
    return loghelper(args[0], m_log2);
}

static Object *math_log10(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (one_arg("math.log10", nargs, kwnames) < 0) {
        return NULL;
    }
    return loghelper(args[0], m_log10);
}

static Object *math_log1p(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (one_arg("math.log1p", nargs, kwnames) < 0) {
        return NULL;
    }
    /* log1p(-1) is a pole (-inf, ERANGE) and log1p(-2) a NaN: both domain errors. */
    return math_1(args[0], log1p, false);
}

/* ================================================================ two-argument float functions */

static Object *math_pow(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    double x, y, r = 0.0;
    if (two_doubles("pow", args, nargs, kwnames, &x, &y) < 0) {
        return NULL;
    }
    /* IEEE specials are handled here, the way CPython does, not by libm. */
    errno = 0;
    if (!isfinite(x) || !isfinite(y)) {
        if (isnan(x)) {
            r = y == 0.0 ? 1.0 : x;
        } else if (isnan(y)) {
            r = x == 1.0 ? 1.0 : y;
        } else if (isinf(x)) {
            bool odd_y = isfinite(y) && fmod(fabs(y), 2.0) == 1.0;
            if (y > 0.0) {
                r = odd_y ? x : fabs(x);
            } else if (y == 0.0) {
                r = 1.0;
            } else {
                r = odd_y ? copysign(0.0, x) : 0.0;
            }
        } else {
            if (fabs(x) == 1.0) {
                r = 1.0;
            } else if (y > 0.0 && fabs(x) > 1.0) {
                r = y;
            } else if (y < 0.0 && fabs(x) < 1.0) {
                r = -y;
            } else {
                r = 0.0;
            }
        }
    } else {
        r = pow(x, y);
        if (!isfinite(r)) {
            if (isnan(r)) {
                errno = EDOM;
            } else {
                errno = x == 0.0 ? EDOM : ERANGE;
            }
        } else {
            errno = 0;
        }
    }
    if (errno != 0 && errno_is_error(r)) {
        return NULL;
    }
    return float_new(r);
}

static Object *math_atan2(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    double y, x;
    if (two_doubles("atan2", args, nargs, kwnames, &y, &x) < 0) {
        return NULL;
    }
    return float_new(atan2(y, x));
}

static Object *math_fmod(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    double x, y;
    if (two_doubles("fmod", args, nargs, kwnames, &x, &y) < 0) {
        return NULL;
    }
    if (isinf(y) && isfinite(x)) {
        return float_new(x);
    }
    double r = fmod(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y)) {
        return domain_error();
    }
    return float_new(r);
}

static Object *math_remainder(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    double x, y;
    if (two_doubles("remainder", args, nargs, kwnames, &x, &y) < 0) {
        return NULL;
    }
    if (isnan(x) || isnan(y)) {
        return float_new(isnan(x) ? x : y);
    }
    if (isinf(x) || y == 0.0) {
        return domain_error();
    }
    return float_new(remainder(x, y));
}

static Object *math_copysign(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    double x, y;
    if (two_doubles("copysign", args, nargs, kwnames, &x, &y) < 0) {
        return NULL;
    }
    return float_new(copysign(x, y));
}

static Object *math_nextafter(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    double x, y;
    if (two_doubles("nextafter", args, nargs, kwnames, &x, &y) < 0) {
        return NULL;
    }
    return float_new(nextafter(x, y));
}

static Object *math_ulp(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    double x;
    if (one_arg("math.ulp", nargs, kwnames) < 0 || to_double(args[0], &x) < 0) {
        return NULL;
    }
    if (isnan(x)) {
        return float_new(x);
    }
    x = fabs(x);
    if (isinf(x)) {
        return float_new(x);
    }
    double x2 = nextafter(x, INFINITY);
    if (isinf(x2)) {
        x2 = nextafter(x, -INFINITY);
        return float_new(x - x2);
    }
    return float_new(x2 - x);
}

static Object *math_degrees(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    double x;
    if (one_arg("math.degrees", nargs, kwnames) < 0 || to_double(args[0], &x) < 0) {
        return NULL;
    }
    return float_new(x * (180.0 / M_PI));
}

static Object *math_radians(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    double x;
    if (one_arg("math.radians", nargs, kwnames) < 0 || to_double(args[0], &x) < 0) {
        return NULL;
    }
    return float_new(x * (M_PI / 180.0));
}

/* ================================================================ predicates */

static Object *math_isfinite(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    double x;
    if (one_arg("math.isfinite", nargs, kwnames) < 0 || to_double(args[0], &x) < 0) {
        return NULL;
    }
    return bool_from(isfinite(x));
}

static Object *math_isinf(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    double x;
    if (one_arg("math.isinf", nargs, kwnames) < 0 || to_double(args[0], &x) < 0) {
        return NULL;
    }
    return bool_from(isinf(x));
}

static Object *math_isnan(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    double x;
    if (one_arg("math.isnan", nargs, kwnames) < 0 || to_double(args[0], &x) < 0) {
        return NULL;
    }
    return bool_from(isnan(x));
}

/* isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0) */
static Object *math_isclose(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    static const char *const kwlist[] = {"a", "b", "$rel_tol", "$abs_tol", NULL};
    Object *a[4];
    if (args_clinic_count("isclose", nargs, kwnames, 2, 2, 4) < 0 ||
        args_parse("isclose", args, nargs, kwnames, kwlist, 2, a) < 0) {
        return NULL;
    }
    double x, y, rel_tol = 1e-09, abs_tol = 0.0;
    if (to_double(a[0], &x) < 0 || to_double(a[1], &y) < 0 ||
        (a[2] != NULL && to_double(a[2], &rel_tol) < 0) ||
        (a[3] != NULL && to_double(a[3], &abs_tol) < 0)) {
        return NULL;
    }
    if (rel_tol < 0.0 || abs_tol < 0.0) {
        return err_format(&ExcValueError, "tolerances must be non-negative");
    }
    if (x == y) {
        return bool_from(true);
    }
    if (isinf(x) || isinf(y)) {
        return bool_from(false);
    }
    double diff = fabs(y - x);
    return bool_from(diff <= fabs(rel_tol * y) || diff <= fabs(rel_tol * x) || diff <= abs_tol);
}

/* ================================================================ rounding to ints */

/* Call type(v).name() if the type defines it. *found tells whether it did. */
static Object *call_special(Object *v, const char *name, bool *found) {
    Object *key = str_intern_cstr(name);
    if (key == NULL) {
        return NULL;
    }
    Object *meth = type_lookup(obj_type(v), key);
    DECREF(key);
    *found = meth != NULL;
    if (meth == NULL) {
        return NULL;
    }
    TypeObject *mt = obj_type(meth);
    Object *bound = mt->descr_get != NULL ? mt->descr_get(meth, v, obj_type(v)) : NEWREF(meth);
    if (bound == NULL) {
        return NULL;
    }
    Object *r = obj_call0(bound);
    DECREF(bound);
    return r;
}

/* floor and ceil: exact floats go straight to libm; other objects may define
 * __floor__/__ceil__; ints are already integral. The result is an int. */
static Object *floor_or_ceil(const char *qualname, const char *dunder, double (*f)(double),
                             Object *const *args, size_t nargs, Object *kwnames) {
    if (one_arg(qualname, nargs, kwnames) < 0) {
        return NULL;
    }
    Object *v = args[0];
    double x;
    if (!is_small_int(v) && v->type == &FloatType) {
        x = float_value(v);
    } else if (int_check(v)) {
        return int_exact(v);
    } else {
        bool found;
        Object *r = call_special(v, dunder, &found);
        if (found || r != NULL) {
            return r;
        }
        if (err_occurred() != NULL || to_double(v, &x) < 0) {
            return NULL;
        }
    }
    return int_from_double(f(x));
}

static Object *math_floor(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return floor_or_ceil("math.floor", "__floor__", floor, args, nargs, kwnames);
}

static Object *math_ceil(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return floor_or_ceil("math.ceil", "__ceil__", ceil, args, nargs, kwnames);
}

static Object *math_trunc(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (one_arg("math.trunc", nargs, kwnames) < 0) {
        return NULL;
    }
    Object *v = args[0];
    if (float_check(v)) {
        return int_from_double(trunc(float_value(v)));
    }
    if (int_check(v)) {
        return int_exact(v);
    }
    bool found;
    Object *r = call_special(v, "__trunc__", &found);
    if (found || r != NULL || err_occurred() != NULL) {
        return r;
    }
    return err_format(&ExcTypeError, "type %s doesn't define __trunc__ method", obj_type_name(v));
}

/* ================================================================ float decomposition */

static Object *math_modf(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    double x, ip;
    if (one_arg("math.modf", nargs, kwnames) < 0 || to_double(args[0], &x) < 0) {
        return NULL;
    }
    double fp;
    if (isinf(x)) {
        fp = copysign(0.0, x);
        ip = x;
    } else if (isnan(x)) {
        fp = ip = x;
    } else {
        fp = modf(x, &ip);
    }
    Object *a = float_new(fp), *b = float_new(ip);
    Object *t = a != NULL && b != NULL ? tuple_pack(2, a, b) : NULL;
    XDECREF(a);
    XDECREF(b);
    return t;
}

static Object *math_frexp(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    double x;
    if (one_arg("math.frexp", nargs, kwnames) < 0 || to_double(args[0], &x) < 0) {
        return NULL;
    }
    int e = 0;
    if (!isnan(x) && !isinf(x) && x != 0.0) {
        x = frexp(x, &e);
    }
    Object *m = float_new(x);
    if (m == NULL) {
        return NULL;
    }
    Object *t = tuple_pack(2, m, small_int_make(e));
    DECREF(m);
    return t;
}

static Object *math_ldexp(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    double x;
    if (args_no_keywords("math.ldexp", kwnames) < 0 || args_count("ldexp", nargs, 2, 2) < 0 ||
        to_double(args[0], &x) < 0) {
        return NULL;
    }
    if (!int_check(args[1])) {
        return err_format(&ExcTypeError, "Expected an int as second argument to ldexp.");
    }
    /* Clamp huge exponents: the result is then 0 or inf anyway. */
    long exp;
    IntScratch scratch;
    mpz_srcptr z = int_mpz_view(args[1], &scratch);
    if (mpz_fits_slong_p(z)) {
        exp = mpz_get_si(z);
    } else {
        exp = mpz_sgn(z) < 0 ? LONG_MIN : LONG_MAX;
    }
    if (exp > INT_MAX) {
        exp = INT_MAX;
    } else if (exp < INT_MIN) {
        exp = INT_MIN;
    }
    if (x == 0.0 || !isfinite(x)) {
        return float_new(x);
    }
    errno = 0;
    double r = ldexp(x, (int)exp);
    if (isinf(r)) {
        return range_error();
    }
    return float_new(r);
}

/* ================================================================ norms: hypot and dist */

/* An exactly representable pair hi + lo (CPython's DoubleLength). */
typedef struct {
    double hi, lo;
} DoubleLength;

static DoubleLength dl_fast_sum(double a, double b) {
    double x = a + b;
    double y = (a - x) + b;
    return (DoubleLength){x, y};
}

static DoubleLength dl_mul(double x, double y) {
    double z = x * y;
    double zz = fma(x, y, -z);
    return (DoubleLength){z, zz};
}

/* CPython 3.11's vector_norm: the Euclidean norm of vec[0..n) (absolute
 * values, max the largest), correctly rounded in nearly all cases, with a
 * differential correction step. Identical results to python3. */
static double vector_norm(size_t n, double *vec, double max, bool found_nan) {
    if (isinf(max)) {
        return max;
    }
    if (found_nan) {
        return NAN;
    }
    if (max == 0.0 || n <= 1) {
        return max;
    }
    int max_e;
    frexp(max, &max_e);
    if (max_e < -1023) {
        for (size_t i = 0; i < n; i++) {
            vec[i] /= MATH_DBL_MIN;
        }
        return MATH_DBL_MIN * vector_norm(n, vec, max / MATH_DBL_MIN, found_nan);
    }
    double scale = ldexp(1.0, -max_e);
    double csum = 1.0, frac1 = 0.0, frac2 = 0.0;
    for (size_t i = 0; i < n; i++) {
        double x = vec[i] * scale;
        DoubleLength pr = dl_mul(x, x);
        DoubleLength sm = dl_fast_sum(csum, pr.hi);
        csum = sm.hi;
        frac1 += pr.lo;
        frac2 += sm.lo;
    }
    double h = sqrt(csum - 1.0 + (frac1 + frac2));
    DoubleLength pr = dl_mul(-h, h);
    DoubleLength sm = dl_fast_sum(csum, pr.hi);
    csum = sm.hi;
    frac1 += pr.lo;
    frac2 += sm.lo;
    double x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    return h / scale;
}

static Object *math_hypot(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_no_keywords("math.hypot", kwnames) < 0) {
        return NULL;
    }
    double small[16];
    double *vec = nargs <= 16 ? small : mem_alloc_array(nargs, sizeof(double));
    if (vec == NULL) {
        return NULL;
    }
    double max = 0.0;
    bool found_nan = false;
    for (size_t i = 0; i < nargs; i++) {
        double x;
        if (to_double(args[i], &x) < 0) {
            if (vec != small) {
                mem_free(vec);
            }
            return NULL;
        }
        x = fabs(x);
        vec[i] = x;
        found_nan |= isnan(x);
        if (x > max) {
            max = x;
        }
    }
    double r = vector_norm(nargs, vec, max, found_nan);
    if (vec != small) {
        mem_free(vec);
    }
    return float_new(r);
}

static Object *math_dist(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_no_keywords("math.dist", kwnames) < 0 || args_count("dist", nargs, 2, 2) < 0) {
        return NULL;
    }
    Object *p = tuple_check(args[0]) ? NEWREF(args[0]) : tuple_from_iterable(args[0]);
    if (p == NULL) {
        return NULL;
    }
    Object *q = tuple_check(args[1]) ? NEWREF(args[1]) : tuple_from_iterable(args[1]);
    if (q == NULL) {
        DECREF(p);
        return NULL;
    }
    Object *result = NULL;
    size_t n = tuple_size(p);
    double *vec = NULL;
    if (n != tuple_size(q)) {
        err_set_string(&ExcValueError, "both points must have the same number of dimensions");
        goto done;
    }
    vec = mem_alloc_array(n > 0 ? n : 1, sizeof(double));
    if (vec == NULL) {
        goto done;
    }
    double max = 0.0;
    bool found_nan = false;
    for (size_t i = 0; i < n; i++) {
        double px, qx;
        if (to_double(tuple_get(p, i), &px) < 0 || to_double(tuple_get(q, i), &qx) < 0) {
            goto done;
        }
        double x = fabs(px - qx);
        vec[i] = x;
        found_nan |= isnan(x);
        if (x > max) {
            max = x;
        }
    }
    result = float_new(vector_norm(n, vec, max, found_nan));
done:
    mem_free(vec);
    DECREF(p);
    DECREF(q);
    return result;
}

/* ================================================================ fsum */

/* fsum(iterable): the exactly rounded sum, with Shewchuk's partials as in
 * CPython's math_fsum (including its half-even fix-up across partials). */
static Object *math_fsum(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (one_arg("math.fsum", nargs, kwnames) < 0) {
        return NULL;
    }
    Object *iter = obj_iter(args[0]);
    if (iter == NULL) {
        return NULL;
    }
    double small[32];
    double *p = small;
    size_t n = 0, m = 32;
    double special_sum = 0.0, inf_sum = 0.0, hi, yr, lo = 0.0, x, y;
    Object *sum = NULL;
    for (;;) {
        Object *item = obj_next(iter);
        if (item == NULL) {
            if (err_occurred() != NULL) {
                goto done;
            }
            break;
        }
        int rc = to_double(item, &x);
        DECREF(item);
        if (rc < 0) {
            goto done;
        }
        double xsave = x;
        size_t i = 0;
        for (size_t j = 0; j < n; j++) {
            y = p[j];
            if (fabs(x) < fabs(y)) {
                double t = x;
                x = y;
                y = t;
            }
            hi = x + y;
            yr = hi - x;
            lo = y - yr;
            if (lo != 0.0) {
                p[i++] = lo;
            }
            x = hi;
        }
        n = i;
        if (x != 0.0) {
            if (!isfinite(x)) {
                /* From an overflow of finite summands, or from inf/nan summands. */
                if (isfinite(xsave)) {
                    err_set_string(&ExcOverflowError, "intermediate overflow in fsum");
                    goto done;
                }
                if (isinf(xsave)) {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                n = 0;
            } else {
                if (n >= m) {
                    double *np = mem_alloc_array(2 * m, sizeof(double));
                    if (np == NULL) {
                        goto done;
                    }
                    memcpy(np, p, n * sizeof(double));
                    if (p != small) {
                        mem_free(p);
                    }
                    p = np;
                    m *= 2;
                }
                p[n++] = x;
            }
        }
    }
    if (special_sum != 0.0) {
        if (isnan(inf_sum)) {
            err_set_string(&ExcValueError, "-inf + inf in fsum");
        } else {
            sum = float_new(special_sum);
        }
        goto done;
    }
    hi = 0.0;
    if (n > 0) {
        hi = p[--n];
        /* Sum from the top, stopping when the sum becomes inexact. */
        while (n > 0) {
            x = hi;
            y = p[--n];
            hi = x + y;
            yr = hi - x;
            lo = y - yr;
            if (lo != 0.0) {
                break;
            }
        }
        /* Half-even rounding across several partials. */
        if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
            y = lo * 2.0;
            x = hi + y;
            yr = x - hi;
            if (y == yr) {
                hi = x;
            }
        }
    }
    sum = float_new(hi);
done:
    if (p != small) {
        mem_free(p);
    }
    DECREF(iter);
    return sum;
}

/* ================================================================ integer functions */

/* The exact int value of v via __index__, as an initialised mpz the caller
 * clears. Returns -1 with "'float' object cannot be interpreted as an integer". */
static int index_to_mpz(Object *v, mpz_t out) {
    Object *i = obj_index(v);
    if (i == NULL) {
        return -1;
    }
    mpz_init(out);
    int_to_mpz(i, out);
    DECREF(i);
    return 0;
}

static Object *math_factorial(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (one_arg("math.factorial", nargs, kwnames) < 0) {
        return NULL;
    }
    mpz_t n;
    if (index_to_mpz(args[0], n) < 0) {
        return NULL;
    }
    if (mpz_sgn(n) < 0) {
        mpz_clear(n);
        return err_format(&ExcValueError, "factorial() not defined for negative values");
    }
    if (!mpz_fits_slong_p(n)) {
        mpz_clear(n);
        return err_format(&ExcOverflowError, "factorial() argument should not exceed %ld",
                          LONG_MAX);
    }
    unsigned long k = mpz_get_ui(n);
    mpz_fac_ui(n, k);
    return int_from_mpz_steal(n);
}

/* gcd(*integers) and lcm(*integers). */
static Object *gcd_or_lcm(const char *name, bool lcm, Object *const *args, size_t nargs,
                          Object *kwnames) {
    if (no_keywords(name, kwnames) < 0) {
        return NULL;
    }
    mpz_t acc, x;
    mpz_init_set_ui(acc, lcm ? 1 : 0);
    for (size_t i = 0; i < nargs; i++) {
        if (index_to_mpz(args[i], x) < 0) {
            mpz_clear(acc);
            return NULL;
        }
        if (lcm) {
            mpz_lcm(acc, acc, x);
        } else {
            mpz_gcd(acc, acc, x);
        }
        mpz_clear(x);
    }
    if (nargs == 1) {
        mpz_abs(acc, acc);
    }
    return int_from_mpz_steal(acc);
}

static Object *math_gcd(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return gcd_or_lcm("gcd", false, args, nargs, kwnames);
}

static Object *math_lcm(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return gcd_or_lcm("lcm", true, args, nargs, kwnames);
}

static Object *math_isqrt(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (one_arg("math.isqrt", nargs, kwnames) < 0) {
        return NULL;
    }
    mpz_t n;
    if (index_to_mpz(args[0], n) < 0) {
        return NULL;
    }
    if (mpz_sgn(n) < 0) {
        mpz_clear(n);
        return err_format(&ExcValueError, "isqrt() argument must be nonnegative");
    }
    mpz_sqrt(n, n);
    return int_from_mpz_steal(n);
}

/* comb(n, k) and perm(n, k=None), with CPython's checks and messages. */
static Object *comb_or_perm(const char *name, bool perm, Object *const *args, size_t nargs,
                            Object *kwnames) {
    if (no_keywords(name, kwnames) < 0 || args_count(name, nargs, perm ? 1 : 2, 2) < 0) {
        return NULL;
    }
    mpz_t n, k;
    if (index_to_mpz(args[0], n) < 0) {
        return NULL;
    }
    if (perm && (nargs == 1 || args[1] == None)) {
        /* perm(n) is factorial(n), with factorial's messages. */
        if (mpz_sgn(n) < 0) {
            mpz_clear(n);
            return err_format(&ExcValueError, "factorial() not defined for negative values");
        }
        if (!mpz_fits_slong_p(n)) {
            mpz_clear(n);
            return err_format(&ExcOverflowError, "factorial() argument should not exceed %ld",
                              LONG_MAX);
        }
        mpz_fac_ui(n, mpz_get_ui(n));
        return int_from_mpz_steal(n);
    }
    if (index_to_mpz(args[1], k) < 0) {
        mpz_clear(n);
        return NULL;
    }
    Object *result = NULL;
    if (mpz_sgn(n) < 0) {
        err_format(&ExcValueError, "n must be a non-negative integer");
        goto done;
    }
    if (mpz_sgn(k) < 0) {
        err_format(&ExcValueError, "k must be a non-negative integer");
        goto done;
    }
    if (mpz_cmp(k, n) > 0) {
        result = small_int_make(0);
        goto done;
    }
    if (!perm) {
        /* Use the smaller of k and n - k. */
        mpz_t nk;
        mpz_init(nk);
        mpz_sub(nk, n, k);
        if (mpz_cmp(nk, k) < 0) {
            mpz_swap(nk, k);
        }
        mpz_clear(nk);
        if (!mpz_fits_slong_p(k)) {
            err_format(&ExcOverflowError, "min(n - k, k) must not exceed %lld",
                       (long long)LLONG_MAX);
            goto done;
        }
        mpz_bin_ui(n, n, mpz_get_ui(k));
    } else {
        if (!mpz_fits_slong_p(k)) {
            err_format(&ExcOverflowError, "k must not exceed %lld", (long long)LLONG_MAX);
            goto done;
        }
        /* n! / (n-k)! = n * (n-1) * ... * (n-k+1), as comb(n, k) * k!. */
        unsigned long kk = mpz_get_ui(k);
        mpz_bin_ui(n, n, kk);
        mpz_fac_ui(k, kk);
        mpz_mul(n, n, k);
    }
    result = int_from_mpz(n);
done:
    mpz_clear(n);
    mpz_clear(k);
    return result;
}

static Object *math_comb(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return comb_or_perm("comb", false, args, nargs, kwnames);
}

static Object *math_perm(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return comb_or_perm("perm", true, args, nargs, kwnames);
}

/* prod(iterable, /, *, start=1) */
static Object *math_prod(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    size_t nkw = kwnames != NULL ? tuple_size(kwnames) : 0;
    if (args_clinic_count("prod", nargs, kwnames, 1, 1, 2) < 0) {
        return NULL;
    }
    if (nargs != 1) {
        return err_format(&ExcTypeError, "prod() takes exactly 1 positional argument (%zu given)",
                          nargs);
    }
    Object *start = small_int_make(1);
    for (size_t i = 0; i < nkw; i++) {
        if (!str_equal_cstr(tuple_get(kwnames, i), "start")) {
            return err_format(&ExcTypeError, "'%U' is an invalid keyword argument for prod()",
                              tuple_get(kwnames, i));
        }
        start = args[nargs + i];
    }
    Object *iter = obj_iter(args[0]);
    if (iter == NULL) {
        return NULL;
    }
    Object *acc = NEWREF(start);
    Object *item;
    while ((item = obj_next(iter)) != NULL) {
        Object *r = obj_binary_op(acc, item, BINOP_MUL);
        DECREF(item);
        DECREF(acc);
        acc = r;
        if (acc == NULL) {
            break;
        }
    }
    DECREF(iter);
    if (acc != NULL && err_occurred() != NULL) {
        CLEAR(acc);
    }
    return acc;
}

/* ================================================================ gamma
 *
 * CPython computes gamma and lgamma itself (Lanczos' approximation) rather
 * than with libm, so gilpy does the same to give the same last bits. */

#define LANCZOS_N 13
static const double lanczos_g = 6.024680040776729583740234375;
static const double lanczos_g_minus_half = 5.524680040776729583740234375;
static const double lanczos_num_coeffs[LANCZOS_N] = {
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
};
/* The denominator is x*(x+1)*...*(x+LANCZOS_N-2). */
static const double lanczos_den_coeffs[LANCZOS_N] = {
    0.0,       39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0,
    2637558.0, 357423.0,   32670.0,     1925.0,      66.0,        1.0};

#define NGAMMA_INTEGRAL 23
static const double gamma_integral[NGAMMA_INTEGRAL] = {
    1.0,
    1.0,
    2.0,
    6.0,
    24.0,
    120.0,
    720.0,
    5040.0,
    40320.0,
    362880.0,
    3628800.0,
    39916800.0,
    479001600.0,
    6227020800.0,
    87178291200.0,
    1307674368000.0,
    20922789888000.0,
    355687428096000.0,
    6402373705728000.0,
    121645100408832000.0,
    2432902008176640000.0,
    51090942171709440000.0,
    1124000727777607680000.0,
};

static const double math_pi = 3.141592653589793238462643383279502884197;
static const double math_logpi = 1.144729885849400174143427351353058711647;

/* sin(pi * x), accurate for large x (x finite). */
static double m_sinpi(double x) {
    double y = fmod(fabs(x), 2.0), r;
    int n = (int)round(2.0 * y);
    switch (n) {
        case 0:
            r = sin(math_pi * y);
            break;
        case 1:
            r = cos(math_pi * (y - 0.5));
            break;
        case 2:
            r = sin(math_pi * (1.0 - y));
            break;
        case 3:
            r = -cos(math_pi * (y - 1.5));
            break;
        default:
            r = sin(math_pi * (y - 2.0));
            break;
    }
    return copysign(1.0, x) * r;
}

/* Lanczos' sum L_g(x) for x > 0 (rescaled by 1/x for large x against overflow). */
static double lanczos_sum(double x) {
    double num = 0.0, den = 0.0;
    if (x < 5.0) {
        for (int i = LANCZOS_N; --i >= 0;) {
            num = num * x + lanczos_num_coeffs[i];
            den = den * x + lanczos_den_coeffs[i];
        }
    } else {
        for (int i = 0; i < LANCZOS_N; i++) {
            num = num / x + lanczos_num_coeffs[i];
            den = den / x + lanczos_den_coeffs[i];
        }
    }
    return num / den;
}

/* CPython's m_tgamma: sets errno to EDOM or ERANGE like libm would. */
static double m_tgamma(double x) {
    if (!isfinite(x)) {
        if (isnan(x) || x > 0.0) {
            return x;
        }
        errno = EDOM;
        return NAN;
    }
    if (x == 0.0) {
        errno = EDOM;
        return copysign(HUGE_VAL, x);
    }
    if (x == floor(x)) {
        if (x < 0.0) {
            errno = EDOM;
            return NAN;
        }
        if (x <= NGAMMA_INTEGRAL) {
            return gamma_integral[(int)x - 1];
        }
    }
    double absx = fabs(x), r, z;
    if (absx < 1e-20) {
        r = 1.0 / x;
        if (isinf(r)) {
            errno = ERANGE;
        }
        return r;
    }
    if (absx > 200.0) {
        if (x < 0.0) {
            return 0.0 / m_sinpi(x);
        }
        errno = ERANGE;
        return HUGE_VAL;
    }
    double y = absx + lanczos_g_minus_half;
    /* The error of y, computed so the compiler cannot fold it to zero. */
    if (absx > lanczos_g_minus_half) {
        double q = y - absx;
        z = q - lanczos_g_minus_half;
    } else {
        double q = y - lanczos_g_minus_half;
        z = q - absx;
    }
    z = z * lanczos_g / y;
    if (x < 0.0) {
        r = -math_pi / m_sinpi(absx) / absx * exp(y) / lanczos_sum(absx);
        r -= z * r;
        if (absx < 140.0) {
            r /= pow(y, absx - 0.5);
        } else {
            double sqrtpow = pow(y, absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / exp(y);
        r += z * r;
        if (absx < 140.0) {
            r *= pow(y, absx - 0.5);
        } else {
            double sqrtpow = pow(y, absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    if (isinf(r)) {
        errno = ERANGE;
    }
    return r;
}

/* CPython's m_lgamma: log(|gamma(x)|). */
static double m_lgamma(double x) {
    if (!isfinite(x)) {
        return isnan(x) ? x : HUGE_VAL;
    }
    if (x == floor(x) && x <= 2.0) {
        if (x <= 0.0) {
            errno = EDOM;
            return HUGE_VAL;
        }
        return 0.0;
    }
    double absx = fabs(x);
    if (absx < 1e-20) {
        return -log(absx);
    }
    double r = log(lanczos_sum(absx)) - lanczos_g;
    r += (absx - 0.5) * (log(absx + lanczos_g - 0.5) - 1);
    if (x < 0.0) {
        /* The reflection formula for negative x. */
        r = math_logpi - log(fabs(m_sinpi(absx))) - log(absx) - r;
    }
    if (isinf(r)) {
        errno = ERANGE;
    }
    return r;
}

/* CPython's math_1a: errors come only from errno. */
static Object *math_1a(const char *qualname, Object *const *args, size_t nargs, Object *kwnames,
                       double (*func)(double)) {
    double x;
    if (one_arg(qualname, nargs, kwnames) < 0 || to_double(args[0], &x) < 0) {
        return NULL;
    }
    errno = 0;
    double r = func(x);
    if (errno != 0 && errno_is_error(r)) {
        return NULL;
    }
    return float_new(r);
}

static Object *math_gamma(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return math_1a("math.gamma", args, nargs, kwnames, m_tgamma);
}

static Object *math_lgamma(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return math_1a("math.lgamma", args, nargs, kwnames, m_lgamma);
}

/* ================================================================ module */

static const MethodDef math_functions[] = {
    {"sqrt", math_sqrt, 0, "Return the square root of x."},
    {"exp", math_exp, 0, "Return e raised to the power of x."},
    {"exp2", math_exp2, 0, "Return 2 raised to the power of x."},
    {"expm1", math_expm1, 0, "Return exp(x)-1."},
    {"log", math_log, 0, "log(x, [base=math.e])\nReturn the logarithm of x to the given base."},
    {"log2", math_log2, 0, "Return the base 2 logarithm of x."},
    {"log10", math_log10, 0, "Return the base 10 logarithm of x."},
    {"log1p", math_log1p, 0, "Return the natural logarithm of 1+x (base e)."},
    {"pow", math_pow, 0, "Return x**y (x to the power of y)."},
    {"sin", math_sin, 0, "Return the sine of x (measured in radians)."},
    {"cos", math_cos, 0, "Return the cosine of x (measured in radians)."},
    {"tan", math_tan, 0, "Return the tangent of x (measured in radians)."},
    {"asin", math_asin, 0, "Return the arc sine (measured in radians) of x."},
    {"acos", math_acos, 0, "Return the arc cosine (measured in radians) of x."},
    {"atan", math_atan, 0, "Return the arc tangent (measured in radians) of x."},
    {"atan2", math_atan2, 0, "Return the arc tangent (measured in radians) of y/x."},
    {"sinh", math_sinh, 0, "Return the hyperbolic sine of x."},
    {"cosh", math_cosh, 0, "Return the hyperbolic cosine of x."},
    {"tanh", math_tanh, 0, "Return the hyperbolic tangent of x."},
    {"asinh", math_asinh, 0, "Return the inverse hyperbolic sine of x."},
    {"acosh", math_acosh, 0, "Return the inverse hyperbolic cosine of x."},
    {"atanh", math_atanh, 0, "Return the inverse hyperbolic tangent of x."},
    {"cbrt", math_cbrt, 0, "Return the cube root of x."},
    {"erf", math_erf, 0, "Error function at x."},
    {"erfc", math_erfc, 0, "Complementary error function at x."},
    {"gamma", math_gamma, 0, "Gamma function at x."},
    {"lgamma", math_lgamma, 0, "Natural logarithm of absolute value of Gamma function at x."},
    {"degrees", math_degrees, 0, "Convert angle x from radians to degrees."},
    {"radians", math_radians, 0, "Convert angle x from degrees to radians."},
    {"hypot", math_hypot, 0,
     "hypot(*coordinates) -> value\n\nMultidimensional Euclidean distance from the origin to a "
     "point."},
    {"dist", math_dist, 0, "Return the Euclidean distance between two points p and q."},
    {"floor", math_floor, 0, "Return the floor of x as an Integral."},
    {"ceil", math_ceil, 0, "Return the ceiling of x as an Integral."},
    {"trunc", math_trunc, 0, "Truncates the Real x to the nearest Integral toward 0."},
    {"fabs", math_fabs, 0, "Return the absolute value of the float x."},
    {"fmod", math_fmod, 0, "Return fmod(x, y), according to platform C."},
    {"remainder", math_remainder, 0, "Difference between x and the closest integer multiple of y."},
    {"copysign", math_copysign, 0,
     "Return a float with the magnitude (absolute value) of x but the sign of y."},
    {"nextafter", math_nextafter, 0, "Return the next floating-point value after x towards y."},
    {"ulp", math_ulp, 0, "Return the value of the least significant bit of the float x."},
    {"isfinite", math_isfinite, 0,
     "Return True if x is neither an infinity nor a NaN, and False otherwise."},
    {"isinf", math_isinf, 0,
     "Return True if x is a positive or negative infinity, and False otherwise."},
    {"isnan", math_isnan, 0, "Return True if x is a NaN (not a number), and False otherwise."},
    {"isclose", math_isclose, 0,
     "Determine whether two floating point numbers are close in value."},
    {"modf", math_modf, 0, "Return the fractional and integer parts of x."},
    {"frexp", math_frexp, 0, "Return the mantissa and exponent of x, as pair (m, e)."},
    {"ldexp", math_ldexp, 0, "Return x * (2**i)."},
    {"fsum", math_fsum, 0, "Return an accurate floating point sum of values in the iterable seq."},
    {"factorial", math_factorial, 0, "Find n!."},
    {"gcd", math_gcd, 0, "Greatest Common Divisor."},
    {"lcm", math_lcm, 0, "Least Common Multiple."},
    {"isqrt", math_isqrt, 0, "Return the integer part of the square root of the input."},
    {"comb", math_comb, 0,
     "Number of ways to choose k items from n items without repetition and without order."},
    {"perm", math_perm, 0,
     "Number of ways to choose k items from n items without repetition and with order."},
    {"prod", math_prod, 0, "Calculate the product of all the elements in the input iterable."},
    {NULL, NULL, 0, NULL},
};

/* Add a float constant; returns -1 on failure. */
static int add_float(Object *m, const char *name, double value) {
    Object *f = float_new(value);
    if (f == NULL) {
        return -1;
    }
    int rc = module_add_object(m, name, f);
    DECREF(f);
    return rc;
}

Object *mod_math_init(void) {
    Object *m = module_new("math");
    if (m == NULL) {
        return NULL;
    }
    if (module_add_functions(m, math_functions) < 0 || add_float(m, "pi", M_PI) < 0 ||
        add_float(m, "e", M_E) < 0 || add_float(m, "tau", 2.0 * M_PI) < 0 ||
        add_float(m, "inf", INFINITY) < 0 || add_float(m, "nan", NAN) < 0) {
        DECREF(m);
        return NULL;
    }
    return m;
}
