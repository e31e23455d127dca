/* test_dict.c: unit tests of the container internals: dict insertion and
 * deletion across many resizes, insertion order after deletions and
 * re-insertions, dict_version bumps, str-key fast paths, and set iteration
 * order / hashes compared with values printed by CPython 3.11. Exits
 * non-zero on failure. */
#include <stdio.h>
#include <string.h>

#include "dict.h"
#include "errors.h"
#include "exceptions.h"
#include "list.h"
#include "runtime.h"
#include "set.h"
#include "state.h"
#include "str.h"
#include "tuple.h"

static int failures = 0;

#define CHECK(cond)                                                                  \
    do {                                                                             \
        if (!(cond)) {                                                               \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
            failures++;                                                              \
        }                                                                            \
    } while (0)

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static Object *I(intptr_t v) {
    return small_int_make(v);
}

/* ------------------------------------------------------------ dict */

static void test_dict_many_keys(void) {
    Object *d = dict_new();
    const intptr_t n = 20000;
    for (intptr_t i = 0; i < n; i++) {
        CHECK(dict_set(d, I(i), I(i * 2)) == 0);
    }
    CHECK(dict_size(d) == (size_t)n);
    int bad = 0;
    for (intptr_t i = 0; i < n; i++) {
        Object *v = NULL;
        if (dict_lookup(d, I(i), &v) != 1 || v != I(i * 2)) {
            bad++;
        }
    }
    CHECK(bad == 0);
    Object *v = NULL;
    CHECK(dict_lookup(d, I(n), &v) == 0 && v == NULL);

    /* Delete the even keys: the odd ones keep their relative order. */
    for (intptr_t i = 0; i < n; i += 2) {
        CHECK(dict_del(d, I(i)) == 0);
    }
    CHECK(dict_size(d) == (size_t)n / 2);
    CHECK(dict_del(d, I(0)) == -1 && err_matches(&ExcKeyError));
    err_clear();
    size_t pos = 0;
    Object *key, *value;
    intptr_t expect = 1;
    bad = 0;
    while (dict_next(d, &pos, &key, &value)) {
        if (key != I(expect) || value != I(expect * 2)) {
            bad++;
        }
        expect += 2;
    }
    CHECK(bad == 0 && expect == n + 1);

    /* Re-inserting deleted keys appends them, in insertion order, after
     * a resize too; replacing a value keeps the position. */
    for (intptr_t i = 100; i >= 0; i -= 2) {
        CHECK(dict_set(d, I(i), I(-i)) == 0);
    }
    CHECK(dict_set(d, I(1), I(111)) == 0);
    pos = 0;
    CHECK(dict_next(d, &pos, &key, &value) && key == I(1) && value == I(111));
    Object *keys = dict_keys_list(d);
    CHECK(keys != NULL && list_size(keys) == (size_t)n / 2 + 51);
    CHECK(list_get(keys, (size_t)n / 2) == I(100));
    CHECK(list_get(keys, list_size(keys) - 1) == I(0));
    DECREF(keys);

    /* Lookups after all that churn. */
    bad = 0;
    for (intptr_t i = 0; i < n; i++) {
        int r = dict_lookup(d, I(i), &v);
        bool want = (i % 2 == 1) || i <= 100;
        if (r != (want ? 1 : 0)) {
            bad++;
        }
    }
    CHECK(bad == 0);

    /* Delete everything, then refill: the order is the new insertion order. */
    Object *all = dict_keys_list(d);
    for (size_t i = 0; i < list_size(all); i++) {
        CHECK(dict_del(d, list_get(all, i)) == 0);
    }
    DECREF(all);
    CHECK(dict_size(d) == 0);
    for (intptr_t i = 5; i > 0; i--) {
        CHECK(dict_set(d, I(i), None) == 0);
    }
    pos = 0;
    expect = 5;
    while (dict_next(d, &pos, &key, NULL)) {
        CHECK(key == I(expect));
        expect--;
    }
    CHECK(expect == 0);
    DECREF(d);
}

static void test_dict_version(void) {
    Object *d = dict_new();
    uint64_t v0 = dict_version(d);
    CHECK(dict_set(d, I(1), I(2)) == 0);
    uint64_t v1 = dict_version(d);
    CHECK(v1 != v0);
    Object *out;
    CHECK(dict_lookup(d, I(1), &out) == 1);
    CHECK(dict_version(d) == v1); /* reading does not bump */
    CHECK(dict_set(d, I(1), I(3)) == 0);
    uint64_t v2 = dict_version(d);
    CHECK(v2 != v1); /* replacing a value bumps */
    CHECK(dict_del(d, I(1)) == 0);
    uint64_t v3 = dict_version(d);
    CHECK(v3 != v2);
    CHECK(dict_set(d, I(7), I(7)) == 0);
    dict_clear(d);
    CHECK(dict_version(d) != v3);
    DECREF(d);
}

static void test_dict_str_keys(void) {
    Object *d = dict_new();
    char name[32];
    for (int i = 0; i < 500; i++) {
        snprintf(name, sizeof name, "name_%d", i);
        CHECK(dict_set_cstr(d, name, I(i)) == 0);
    }
    int bad = 0;
    for (int i = 0; i < 500; i++) {
        snprintf(name, sizeof name, "name_%d", i);
        Object *v = dict_get_cstr(d, name);
        /* A fresh (non-interned) str must find the same entry. */
        Object *s = str_from_cstr(name);
        Object *w = dict_get_str(d, s);
        DECREF(s);
        if (v != I(i) || w != I(i)) {
            bad++;
        }
    }
    CHECK(bad == 0);
    CHECK(dict_get_cstr(d, "missing") == NULL && err_occurred() == NULL);
    DECREF(d);
}

/* ------------------------------------------------------------ set */

/* True when iterating set s gives exactly `expected` (logs a mismatch). */
static bool set_order_is(Object *s, const intptr_t *expected, size_t n) {
    size_t pos = 0, i = 0;
    Object *key;
    bool ok = set_size(s) == n;
    while (set_next(s, &pos, &key)) {
        if (i >= n || key != I(expected[i])) {
            ok = false;
        }
        i++;
    }
    if (!ok) {
        fprintf(stderr, "  set order differs from CPython:");
        pos = 0;
        while (set_next(s, &pos, &key)) {
            fprintf(stderr, " %ld", (long)small_int_value(key));
        }
        fprintf(stderr, "\n");
    }
    return ok && i == n;
}

static Object *set_of(const intptr_t *items, size_t n) {
    Object *s = set_new(NULL);
    for (size_t i = 0; i < n; i++) {
        CHECK(set_add(s, I(items[i])) == 0);
    }
    return s;
}

static void test_set_order(void) {
    /* list(set([10, 3, 17, 8, 1000, 64, 5, 2**40, -7, 33, 16, 24])) */
    static const intptr_t in1[] = {10, 3, 17, 8, 1000, 64, 5, (intptr_t)1 << 40, -7, 33, 16, 24};
    static const intptr_t out1[] = {64, (intptr_t)1 << 40, 33, 3, 5, 8, 1000, 10, 16, 17, 24, -7};
    Object *s = set_of(in1, COUNT(in1));
    CHECK(set_order_is(s, out1, COUNT(out1)));
    DECREF(s);

    /* s = set(range(0, 200, 7)); discard multiples of 3; add 1000..1010 */
    static const intptr_t out2[] = {133,  7,    140,  14,   154,  28,  161,  35,   175,  49,
                                    182,  56,   196,  70,   77,   91,  98,   1000, 1001, 1002,
                                    1003, 1004, 1005, 1006, 1007, 112, 1008, 1009, 1010, 119};
    s = set_new(NULL);
    for (intptr_t x = 0; x < 200; x += 7) {
        CHECK(set_add(s, I(x)) == 0);
    }
    for (intptr_t x = 0; x < 200; x += 3) {
        CHECK(set_discard(s, I(x)) >= 0);
    }
    for (intptr_t x = 1000; x < 1011; x++) {
        CHECK(set_add(s, I(x)) == 0);
    }
    CHECK(set_order_is(s, out2, COUNT(out2)));
    DECREF(s);

    /* add i*37 % 101 for 60 i, discard the even-i ones, add 200..229 */
    static const intptr_t out3[] = {2,   3,   9,   10,  15,  16,  22,  23,  29,  30,  36,  37,
                                    42,  43,  49,  50,  56,  57,  62,  63,  69,  70,  76,  77,
                                    83,  84,  89,  90,  96,  97,  200, 201, 202, 203, 204, 205,
                                    206, 207, 208, 209, 210, 211, 212, 213, 214, 215, 216, 217,
                                    218, 219, 220, 221, 222, 223, 224, 225, 226, 227, 228, 229};
    s = set_new(NULL);
    for (intptr_t i = 0; i < 60; i++) {
        CHECK(set_add(s, I(i * 37 % 101)) == 0);
    }
    for (intptr_t i = 0; i < 60; i += 2) {
        CHECK(set_discard(s, I(i * 37 % 101)) == 1);
    }
    for (intptr_t i = 200; i < 230; i++) {
        CHECK(set_add(s, I(i)) == 0);
    }
    CHECK(set_order_is(s, out3, COUNT(out3)));
    DECREF(s);

    /* u = set(range(10)); remove the evens; add 100; add 2: new keys take the
     * LAST dummy on their probe path, as in CPython 3.11. */
    static const intptr_t out6[] = {1, 3, 5, 2, 7, 100, 9};
    s = set_new(NULL);
    for (intptr_t x = 0; x < 10; x++) {
        CHECK(set_add(s, I(x)) == 0);
    }
    for (intptr_t x = 0; x < 10; x += 2) {
        CHECK(set_discard(s, I(x)) == 1);
    }
    CHECK(set_add(s, I(100)) == 0 && set_add(s, I(2)) == 0);
    CHECK(set_order_is(s, out6, COUNT(out6)));
    DECREF(s);

    /* {1, 2, 3} | {100, 9, 17} */
    static const intptr_t a4[] = {1, 2, 3}, b4[] = {100, 9, 17};
    static const intptr_t out4[] = {1, 2, 3, 100, 17, 9};
    Object *a = set_of(a4, 3), *b = set_of(b4, 3);
    Object *u = obj_binary_op(a, b, BINOP_OR);
    CHECK(u != NULL && set_order_is(u, out4, COUNT(out4)));
    XDECREF(u);
    DECREF(a);
    DECREF(b);

    /* {x*8 for x in range(20)} & set(range(0, 200, 3)) */
    static const intptr_t out5[] = {0, 96, 72, 48, 144, 24, 120};
    a = set_new(NULL);
    b = set_new(NULL);
    for (intptr_t x = 0; x < 20; x++) {
        set_add(a, I(x * 8));
    }
    for (intptr_t x = 0; x < 200; x += 3) {
        set_add(b, I(x));
    }
    Object *inter = obj_binary_op(a, b, BINOP_AND);
    CHECK(inter != NULL && set_order_is(inter, out5, COUNT(out5)));
    XDECREF(inter);
    DECREF(a);
    DECREF(b);
}

static void test_hashes(void) {
    /* Values printed by CPython 3.11 on a 64-bit machine. */
    Object *t = tuple_pack(2, I(1), I(2));
    CHECK(obj_hash(t) == (intptr_t)-3550055125485641917LL);
    DECREF(t);
    Object *e = tuple_new(0);
    CHECK(obj_hash(e) == (intptr_t)5740354900026072187LL);
    DECREF(e);
    static const intptr_t items[] = {1, 2, 3};
    Object *s = set_of(items, 3);
    Object *fs = frozenset_new(s);
    CHECK(obj_hash(fs) == (intptr_t)-272375401224217160LL);
    DECREF(fs);
    DECREF(s);
    Object *empty = frozenset_new(NULL);
    CHECK(obj_hash(empty) == (intptr_t)133146708735736LL);
    DECREF(empty);
}

int main(void) {
    static ThreadState thread_state;
    ts_set_current(&thread_state);
    if (runtime_init() < 0) {
        fprintf(stderr, "runtime_init failed\n");
        return 1;
    }
    test_dict_many_keys();
    test_dict_version();
    test_dict_str_keys();
    test_set_order();
    test_hashes();
    if (failures > 0) {
        fprintf(stderr, "test_dict: %d failure(s)\n", failures);
        return 1;
    }
    printf("test_dict: all passed\n");
    return 0;
}
