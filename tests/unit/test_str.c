/* test_str.c: unit tests of the str internals: code point indexing on ASCII
 * and non-ASCII strings (code points vs bytes), slicing, repr escapes,
 * interning identity, StrBuilder and str_from_format. Exits non-zero on failure. */
#include <stdio.h>
#include <string.h>

#include "errors.h"
#include "exceptions.h"
#include "range.h"
#include "runtime.h"
#include "state.h"
#include "str.h"

static int failures = 0;

#define CHECK(cond)                                                                  \
    do {                                                                             \
        if (!(cond)) {                                                               \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
            failures++;                                                              \
        }                                                                            \
    } while (0)

/* True when v is a str whose UTF-8 text is exactly `expected`; consumes v. */
static bool text_is(Object *v, const char *expected) {
    if (v == NULL) {
        err_clear();
        return false;
    }
    bool ok = str_equal_cstr(v, expected);
    if (!ok) {
        fprintf(stderr, "  got '%s', expected '%s'\n", str_utf8(v), expected);
    }
    DECREF(v);
    return ok;
}

static void test_lengths_and_indexing(void) {
    Object *a = str_from_cstr("hello");
    CHECK(str_length(a) == 5 && str_size(a) == 5);
    CHECK(((StrObject *)a)->ascii);
    CHECK(str_codepoint_at(a, 1) == 'e');
    /* "héllo €😀": 8 code points, 1+2+1+1+1+1+3+4 = 14 bytes. */
    Object *u = str_from_cstr("h\xc3\xa9llo \xe2\x82\xac\xf0\x9f\x98\x80");
    CHECK(str_length(u) == 8);
    CHECK(str_size(u) == 14);
    CHECK(!((StrObject *)u)->ascii);
    CHECK(str_codepoint_at(u, 1) == 0xE9);
    CHECK(str_codepoint_at(u, 6) == 0x20AC);
    CHECK(str_codepoint_at(u, 7) == 0x1F600);
    CHECK(str_offset_of(u, 2) == 3);
    CHECK(str_offset_of(u, 8) == 14);
    /* Indexing through the type slot: negative indexes and the error. */
    Object *i = small_int_make(-1);
    CHECK(text_is(obj_getitem(u, i), "\xf0\x9f\x98\x80"));
    Object *big = small_int_make(8);
    CHECK(obj_getitem(u, big) == NULL && err_matches(&ExcIndexError));
    err_clear();
    DECREF(a);
    DECREF(u);
}

static void test_long_non_ascii(void) {
    /* 1000 x "aé": the offset index must agree with a linear walk. */
    StrBuilder sb;
    sb_init(&sb);
    for (int k = 0; k < 1000; k++) {
        sb_append_cstr(&sb, "a\xc3\xa9");
    }
    Object *s = sb_finish(&sb);
    CHECK(s != NULL && str_length(s) == 2000 && str_size(s) == 3000);
    bool ok = true;
    for (size_t k = 0; k < 2000; k++) {
        uint32_t want = k % 2 == 0 ? 'a' : 0xE9;
        if (str_codepoint_at(s, k) != want || str_offset_of(s, k) != k / 2 * 3 + (k % 2)) {
            ok = false;
        }
    }
    CHECK(ok);
    Object *sub = str_substring(s, 1999, 2000);
    CHECK(text_is(sub, "\xc3\xa9"));
    DECREF(s);
}

static void test_slicing(void) {
    Object *u = str_from_cstr("h\xc3\xa9llo");
    Object *start = small_int_make(1), *stop = small_int_make(3);
    Object *slice = slice_new(start, stop, NULL);
    CHECK(text_is(obj_getitem(u, slice), "\xc3\xa9l"));
    DECREF(slice);
    Object *step = small_int_make(-1);
    slice = slice_new(NULL, NULL, step);
    CHECK(text_is(obj_getitem(u, slice), "oll\xc3\xa9h"));
    DECREF(slice);
    Object *two = small_int_make(2);
    slice = slice_new(NULL, NULL, two);
    CHECK(text_is(obj_getitem(u, slice), "hlo"));
    DECREF(slice);
    DECREF(u);
}

static void test_repr(void) {
    struct {
        const char *in, *out;
    } cases[] = {
        {"abc", "'abc'"},
        {"it's", "\"it's\""},
        {"'\"", "'\\'\"'"},
        {"a\\b\n\t\r", "'a\\\\b\\n\\t\\r'"},
        {"\x01\x7f", "'\\x01\\x7f'"},
        {"\xc3\xa9", "'\xc3\xa9'"},            /* printable: kept */
        {"\xc2\xa0", "'\\xa0'"},               /* no-break space: escaped */
        {"\xe2\x80\x8b", "'\\u200b'"},         /* zero width space */
        {"\xf3\xa0\x80\x81", "'\\U000e0001'"}, /* language tag */
        {"\xf0\x9f\x98\x80", "'\xf0\x9f\x98\x80'"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        Object *s = str_from_cstr(cases[k].in);
        CHECK(text_is(str_repr(s), cases[k].out));
        DECREF(s);
    }
}

static void test_interning(void) {
    Object *a = str_intern_cstr("some_name");
    Object *b = str_intern_cstr("some_name");
    CHECK(a == b);
    Object *c = str_from_cstr("some_name");
    CHECK(c != a);
    str_intern_in_place(&c);
    CHECK(c == a);
    CHECK(((StrObject *)a)->interned);
    DECREF(a);
    DECREF(b);
    DECREF(c);
    /* Many names: the table grows and keeps identity. */
    char buf[32];
    Object *first = str_intern_cstr("name0");
    for (int k = 0; k < 5000; k++) {
        snprintf(buf, sizeof buf, "name%d", k);
        Object *n = str_intern_cstr(buf);
        DECREF(n);
    }
    Object *again = str_intern_cstr("name0");
    CHECK(first == again);
    DECREF(first);
    DECREF(again);
}

static void test_builder_and_format(void) {
    Object *s = str_from_cstr("x\xc3\xa9");
    CHECK(text_is(str_from_format("%d-%s-%zu-%U-%R-%%-%c", -5, "ab", (size_t)7, s, s, 0xE9),
                  "-5-ab-7-x\xc3\xa9-'x\xc3\xa9'-%-\xc3\xa9"));
    CHECK(text_is(str_from_format("%.2s|%5s|%-3s|", "abcdef", "ab", "a"), "ab|   ab|a  |"));
    CHECK(text_is(str_from_format("%.1U", s), "x"));
    CHECK(text_is(str_from_format("%lld %lu %x", (long long)-3, 9UL, 255), "-3 9 ff"));
    CHECK(text_is(str_from_format("%T", s), "str"));
    DECREF(s);
    StrBuilder sb;
    sb_init(&sb);
    for (int k = 0; k < 10000; k++) {
        sb_append_char(&sb, 'a');
    }
    sb_append_codepoint(&sb, 0x20AC);
    Object *big = sb_finish(&sb);
    CHECK(big != NULL && str_length(big) == 10001 && str_size(big) == 10003);
    XDECREF(big);
}

static void test_inplace_append(void) {
    /* s += t appends in place once the caller holds the only reference. */
    Object *piece = str_from_cstr("\xc3\xa9x");
    Object *s = str_from_cstr("start");
    Object *prev = NULL;
    int reused = 0;
    for (int k = 0; k < 100; k++) {
        Object *r = obj_inplace_op(s, piece, BINOP_ADD);
        if (r == s) {
            reused++;
        }
        DECREF(s); /* the caller's old reference, as the VM's store does */
        s = r;
        (void)prev;
    }
    CHECK(reused > 80);
    CHECK(str_length(s) == 5 + 200 && str_size(s) == 5 + 300);
    CHECK(str_codepoint_at(s, 6) == 'x' && str_codepoint_at(s, 203) == 0xE9);
    /* A second reference forbids the in-place path. */
    Object *alias = NEWREF(s);
    Object *r = obj_inplace_op(s, piece, BINOP_ADD);
    CHECK(r != s && str_length(alias) == 205 && str_length(r) == 207);
    DECREF(r);
    DECREF(alias);
    DECREF(s);
    DECREF(piece);
}

int main(void) {
    /* Errors need a thread state; the VM normally provides it. */
    static ThreadState thread_state;
    ts_set_current(&thread_state);
    if (runtime_init() < 0) {
        fprintf(stderr, "runtime_init failed\n");
        return 1;
    }
    test_lengths_and_indexing();
    test_long_non_ascii();
    test_slicing();
    test_repr();
    test_interning();
    test_builder_and_format();
    test_inplace_append();
    if (failures != 0) {
        fprintf(stderr, "test_str: %d failure(s)\n", failures);
        return 1;
    }
    printf("test_str: ok\n");
    return 0;
}
