/* test_int.c: unit tests of the number internals: ints at the tagged/GMP
 * boundary (SMALL_INT_MAX +/- 1 through + - * << and negation), the
 * normalisation of big results back to tagged ints, conversions to and from C
 * and text, hashes, and float repr of tricky values (expected strings printed
 * by CPython 3.11). Exits non-zero on failure, printing each failed check. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "errors.h"
#include "exceptions.h"
#include "float.h"
#include "int.h"
#include "runtime.h"
#include "state.h"
#include "str.h"

static int failures = 0;

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);               \
            failures++;                                                                            \
        }                                                                                          \
    } while (0)

/* str(v) equals expected; consumes v. */
static void check_str(Object *v, const char *expected, int line) {
    if (v == NULL) {
        fprintf(stderr, "%s:%d: got an exception, expected %s\n", __FILE__, line, expected);
        err_clear();
        failures++;
        return;
    }
    Object *s = obj_str(v);
    if (s == NULL || strcmp(str_utf8(s), expected) != 0) {
        fprintf(stderr, "%s:%d: got %s, expected %s\n", __FILE__, line,
                s == NULL ? "<error>" : str_utf8(s), expected);
        failures++;
    }
    XDECREF(s);
    DECREF(v);
}
#define CHECK_STR(v, expected) check_str((v), (expected), __LINE__)

/* The int parsed from decimal text (a test helper). */
static Object *parse(const char *s) { return int_from_string(s, strlen(s), 10); }

static Object *binop(Object *a, Object *b, BinaryOp op) { return int_binary_op(a, b, op); }

/* ------------------------------------------------------------ the tag boundary */

static void test_boundary(void) {
    Object *max = small_int_make(SMALL_INT_MAX);
    Object *min = small_int_make(SMALL_INT_MIN);
    Object *one = small_int_make(1);

    /* max + 1 leaves the tag range, and - 1 brings it back tagged */
    Object *big = binop(max, one, BINOP_ADD);
    CHECK(big != NULL && !is_small_int(big));
    CHECK_STR(NEWREF(big), "4611686018427387904");
    Object *back = binop(big, one, BINOP_SUB);
    CHECK(back == max); /* tagged values compare by identity */
    DECREF(big);

    /* min - 1 is big; negation of min is big; negation back is tagged */
    Object *below = binop(min, one, BINOP_SUB);
    CHECK(below != NULL && !is_small_int(below));
    CHECK_STR(below, "-4611686018427387905");
    Object *neg = obj_unary_op(min, UNARY_NEG);
    CHECK(neg != NULL && !is_small_int(neg));
    CHECK_STR(NEWREF(neg), "4611686018427387904");
    Object *negneg = obj_unary_op(neg, UNARY_NEG);
    CHECK(negneg == min);
    DECREF(neg);
    Object *negmax = obj_unary_op(max, UNARY_NEG);
    CHECK(is_small_int(negmax) && small_int_value(negmax) == -SMALL_INT_MAX);

    /* multiplication across the boundary and back */
    Object *two = small_int_make(2);
    Object *twice = binop(max, two, BINOP_MUL);
    CHECK(twice != NULL && !is_small_int(twice));
    CHECK_STR(NEWREF(twice), "9223372036854775806");
    Object *halved = binop(twice, two, BINOP_FLOORDIV);
    CHECK(halved == max);
    DECREF(twice);
    Object *sq = binop(small_int_make(3037000500), small_int_make(3037000500), BINOP_MUL);
    CHECK_STR(sq, "9223372037000250000");

    /* shifts: 1 << 61 is tagged, 1 << 62 is not, and >> normalises */
    Object *s61 = binop(one, small_int_make(61), BINOP_LSHIFT);
    CHECK(is_small_int(s61));
    Object *s62 = binop(one, small_int_make(62), BINOP_LSHIFT);
    CHECK(s62 != NULL && !is_small_int(s62));
    Object *s62back = binop(s62, small_int_make(1), BINOP_RSHIFT);
    CHECK(s62back == s61);
    DECREF(s62);
    Object *negshift = binop(small_int_make(-1), small_int_make(62), BINOP_LSHIFT);
    CHECK(is_small_int(negshift) && negshift == min);

    /* floor division of min by -1 overflows the tag */
    Object *q = binop(min, small_int_make(-1), BINOP_FLOORDIV);
    CHECK_STR(q, "4611686018427387904");
    Object *r = binop(min, small_int_make(-1), BINOP_MOD);
    CHECK(r == small_int_make(0));

    /* big - big that cancels comes back tagged */
    Object *a = parse("100000000000000000000000000001");
    Object *b = parse("100000000000000000000000000000");
    Object *d = binop(a, b, BINOP_SUB);
    CHECK(d == one);
    Object *x = binop(a, b, BINOP_XOR);
    CHECK(is_small_int(x));
    DECREF(a);
    DECREF(b);
}

/* ------------------------------------------------------------ semantics */

static void test_semantics(void) {
    CHECK_STR(binop(small_int_make(-7), small_int_make(2), BINOP_FLOORDIV), "-4");
    CHECK_STR(binop(small_int_make(-7), small_int_make(2), BINOP_MOD), "1");
    CHECK_STR(binop(small_int_make(7), small_int_make(-2), BINOP_MOD), "-1");
    CHECK_STR(binop(small_int_make(-12), small_int_make(10), BINOP_AND), "0");
    CHECK_STR(binop(small_int_make(-12), small_int_make(10), BINOP_OR), "-2");
    CHECK_STR(binop(small_int_make(2), small_int_make(100), BINOP_POW),
              "1267650600228229401496703205376");
    CHECK_STR(binop(small_int_make(2), small_int_make(-2), BINOP_POW), "0.25");
    Object *huge = parse("4611686018427387904"); /* 2**62: big, not tagged */
    CHECK(binop(huge, small_int_make(0), BINOP_POW) == small_int_make(1));
    CHECK_STR(binop(huge, small_int_make(1), BINOP_POW), "4611686018427387904");
    CHECK_STR(binop(huge, small_int_make(2), BINOP_POW), "21267647932558653966460912964485513216");
    DECREF(huge);
    CHECK_STR(binop(small_int_make(1), small_int_make(3), BINOP_TRUEDIV), "0.3333333333333333");

    Object *p = parse("-1180591620717411303424"); /* -2**70 */
    CHECK_STR(binop(p, small_int_make(3), BINOP_MOD), "2");
    CHECK_STR(binop(p, small_int_make(3), BINOP_RSHIFT), "-147573952589676412928");
    CHECK_STR(binop(p, small_int_make(7), BINOP_TRUEDIV), "-1.6865594581677303e+20");
    DECREF(p);

    /* errors carry CPython's messages */
    CHECK(binop(small_int_make(1), small_int_make(0), BINOP_FLOORDIV) == NULL &&
          err_matches(&ExcZeroDivisionError));
    err_clear();
    CHECK(binop(small_int_make(1), small_int_make(-1), BINOP_LSHIFT) == NULL &&
          err_matches(&ExcValueError));
    err_clear();
    CHECK(binop(small_int_make(0), small_int_make(-1), BINOP_POW) == NULL &&
          err_matches(&ExcZeroDivisionError));
    err_clear();

    /* bool & bool stays a bool */
    Object *t = binop(True, True, BINOP_AND);
    CHECK(t == True);
    DECREF(t);
    Object *two = binop(True, True, BINOP_ADD);
    CHECK(two == small_int_make(2));
}

/* ------------------------------------------------------------ conversions, hash */

static void test_conversions(void) {
    int64_t v = 0;
    Object *big = parse("9223372036854775807");
    CHECK(int_to_i64(big, &v) == 0 && v == INT64_MAX);
    DECREF(big);
    big = parse("9223372036854775808");
    CHECK(int_to_i64(big, &v) == -1 && err_matches(&ExcOverflowError));
    err_clear();
    DECREF(big);

    Object *i = int_from_i64(INT64_MIN);
    CHECK_STR(i, "-9223372036854775808");
    i = int_from_u64(UINT64_MAX);
    CHECK_STR(i, "18446744073709551615");
    i = int_from_i64(SMALL_INT_MAX);
    CHECK(is_small_int(i));

    /* int -> float rounds to nearest even */
    Object *n = parse("9007199254740993"); /* 2**53 + 1 */
    CHECK(int_to_double(n) == 9007199254740992.0);
    CHECK(!float_compare_int(9007199254740992.0, n, CMP_EQ));
    CHECK(float_compare_int(9007199254740992.0, n, CMP_LT));
    DECREF(n);
    n = parse("18014398509481987"); /* 2**54 + 3 */
    CHECK(int_to_double(n) == 18014398509481988.0);
    DECREF(n);

    CHECK_STR(int_from_double(-1.9), "-1");
    CHECK_STR(int_from_double(1e20), "100000000000000000000");
    CHECK(int_from_double(NAN) == NULL && err_matches(&ExcValueError));
    err_clear();

    /* text */
    CHECK_STR(int_from_string(" -0x_1F ", 8, 0), "-31");
    CHECK_STR(int_from_string("1_000_000", 9, 10), "1000000");
    CHECK(int_from_string("1__0", 4, 10) == NULL && err_matches(&ExcValueError));
    err_clear();
    CHECK(int_from_string("010", 3, 0) == NULL && err_matches(&ExcValueError));
    err_clear();
    CHECK_STR(int_to_base_string(small_int_make(-255), 16), "-0xff");
    CHECK_STR(int_to_base_string(small_int_make(5), 2), "0b101");

    /* hashes, as CPython */
    CHECK(int_hash(small_int_make(-1)) == -2);
    Object *h = parse("2305843009213693952"); /* 2**61 */
    CHECK(int_hash(h) == 1);
    DECREF(h);
    CHECK(int_hash(small_int_make(SMALL_INT_MAX)) == 1); /* (2**62 - 1) % (2**61 - 1) */
    CHECK(float_hash_double(0.5) == 1152921504606846976);
    CHECK(float_hash_double(1.5) == 1152921504606846977);
    CHECK(float_hash_double(-1.0) == -2);
    CHECK(float_hash_double(1e300) == 1224995262755759164);
}

/* ------------------------------------------------------------ float repr */

static void test_float_repr(void) {
    static const struct {
        double value;
        const char *repr;
    } cases[] = {
        {0.1, "0.1"},
        {-0.0, "-0.0"},
        {1e16, "1e+16"},
        {1e15, "1000000000000000.0"},
        {1e-5, "1e-05"},
        {1e-4, "0.0001"},
        {1.5e-7, "1.5e-07"},
        {123456789012345.0, "123456789012345.0"},
        {1e22, "1e+22"},
        {5e-324, "5e-324"},
        {1.7976931348623157e308, "1.7976931348623157e+308"},
        {2.2250738585072014e-308, "2.2250738585072014e-308"},
        {0.1 + 0.2, "0.30000000000000004"},
        {1.0 / 3.0, "0.3333333333333333"},
        {9007199254740993.0, "9007199254740992.0"},
        {HUGE_VAL, "inf"},
        {-HUGE_VAL, "-inf"},
        {100.0, "100.0"},
    };
    char buf[32];
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        float_repr_buf(cases[k].value, buf);
        if (strcmp(buf, cases[k].repr) != 0) {
            fprintf(stderr, "%s:%d: repr gave %s, expected %s\n", __FILE__, __LINE__, buf,
                    cases[k].repr);
            failures++;
        }
    }
    float_repr_buf(NAN, buf);
    CHECK(strcmp(buf, "nan") == 0);

    CHECK_STR(float_round(2.675, small_int_make(2)), "2.67");
    CHECK_STR(float_round(0.5, NULL), "0");
    CHECK_STR(float_round(1.5, NULL), "2");
    CHECK_STR(float_round(1250.0, small_int_make(-2)), "1200.0");
    CHECK_STR(float_from_string(" -1_0.5e1 ", 10), "-105.0");
    CHECK(float_from_string("1__0", 4) == NULL && err_matches(&ExcValueError));
    err_clear();
}

int main(void) {
    static ThreadState thread_state; /* errors need a current thread state */
    ts_set_current(&thread_state);
    if (runtime_init() < 0) {
        fprintf(stderr, "runtime_init failed\n");
        return 1;
    }
    test_boundary();
    test_semantics();
    test_conversions();
    test_float_repr();
    if (failures != 0) {
        fprintf(stderr, "test_int: %d failure(s)\n", failures);
        return 1;
    }
    printf("test_int: all passed\n");
    return 0;
}
