/* test_disasm.c: unit tests of the disassembler and the compiler. A code
 * object holding every opcode of compiler/opcodes.h (built by hand) must
 * disassemble with each opcode's name, so an opcode added without
 * disassembler support fails here; then small programs are compiled and
 * their disassembly and SyntaxErrors checked. Exits non-zero on failure. */
#include <stdio.h>
#include <string.h>

#include "code.h"
#include "compile.h"
#include "disasm.h"
#include "errors.h"
#include "exceptions.h"
#include "memory.h"
#include "opcode.h"
#include "runtime.h"
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

/* True when `text` contains `word` followed by a space, a newline or the end
 * (so "CALL" does not match inside "CALL_KW" only). */
static bool contains_word(const char *text, const char *word) {
    size_t n = strlen(word);
    for (const char *p = strstr(text, word); p != NULL; p = strstr(p + 1, word)) {
        char after = p[n];
        if (after == ' ' || after == '\n' || after == '\0') {
            return true;
        }
    }
    return false;
}

/* A tuple of interned strs. */
static Object *names(size_t n, const char *const *items) {
    Object *t = tuple_new(n);
    for (size_t i = 0; i < n; i++) {
        tuple_init_item(t, i, str_intern_cstr(items[i]));
    }
    return t;
}

/* An operand that is valid for the opcode's kind in the hand-made code object. */
static uint32_t sample_arg(unsigned op, size_t ncode) {
    switch (opcode_operand_kinds[op]) {
        case ARG_CONST:
            return 1; /* the int 7 */
        case ARG_JUMP:
            return (uint32_t)(ncode - 1);
        case ARG_BINOP:
            return BINOP_ADD;
        case ARG_COMPARE:
            return CMP_LT;
        case ARG_FLAGS:
            return op == OP_MAKE_FUNCTION ? 9 : op == OP_FORMAT_VALUE ? 6 : 1;
        case ARG_FREE:
            return 1; /* the free variable "f" (after the cell "c") */
        case ARG_COUNT:
            return 2;
        default:
            return 0;
    }
}

static void test_every_opcode(void) {
    CodeObject *code = code_new();
    size_t n = OPCODE_COUNT;
    code->code = mem_alloc_array(n, sizeof(Instruction));
    code->positions = mem_alloc_array(n, sizeof(SourcePosition));
    code->ncode = n;
    for (unsigned op = 0; op < OPCODE_COUNT; op++) {
        code->code[op] = instr_make(op, sample_arg(op, n));
        code->positions[op] = (SourcePosition){1 + (int)op / 10, 1 + (int)op / 10, 0, 1};
    }
    code->exception_table = mem_alloc_array(1, sizeof(ExceptionTableEntry));
    code->exception_table[0] = (ExceptionTableEntry){0, 2, 3, 1, true};
    code->nexception_table = 1;
    Object *seven = small_int_make(7);
    code->consts = tuple_pack(2, None, seven);
    code->names = names(1, (const char *const[]){"n"});
    code->varnames = names(1, (const char *const[]){"v"});
    code->cellvars = names(1, (const char *const[]){"c"});
    code->freevars = names(1, (const char *const[]){"f"});
    code->name = str_from_cstr("every");
    code->qualname = str_from_cstr("every");
    code->filename = str_from_cstr("<test>");
    code->docstring = none_ref();

    StrBuilder sb;
    sb_init(&sb);
    CHECK(disasm_code(code, &sb) == 0);
    sb_append_char(&sb, '\0');
    const char *text = sb.data;
    for (unsigned op = 0; op < OPCODE_COUNT; op++) {
        if (!contains_word(text, opcode_names[op])) {
            fprintf(stderr, "  opcode %s missing from the disassembly\n", opcode_names[op]);
            failures++;
        }
    }
    CHECK(strstr(text, "LOAD_CONST               1 (7)") != NULL);
    CHECK(strstr(text, "LOAD_NAME                0 (n)") != NULL);
    CHECK(strstr(text, "LOAD_FAST                0 (v)") != NULL);
    CHECK(strstr(text, "LOAD_DEREF               1 (f)") != NULL);
    CHECK(strstr(text, "(+)") != NULL);
    CHECK(strstr(text, "(+=)") != NULL);
    CHECK(strstr(text, "(<)") != NULL);
    CHECK(strstr(text, "(defaults, closure)") != NULL);
    CHECK(strstr(text, "(repr, with format)") != NULL);
    char to_last[32];
    snprintf(to_last, sizeof(to_last), "(to %zu)", n - 1);
    CHECK(strstr(text, to_last) != NULL);
    CHECK(strstr(text, "ExceptionTable:\n  0 to 1 -> 3 [1] lasti\n") != NULL);
    CHECK(strstr(text, ">>") != NULL);
    sb_discard(&sb);
    DECREF((Object *)code);
}

/* Compile `src` in `mode` and return its disassembly (a str), or NULL with an error. */
static Object *dis_in_mode(const char *src, CompileMode mode) {
    Object *filename = str_from_cstr("<test>");
    CodeObject *code = compile_source(src, strlen(src), filename, mode);
    DECREF(filename);
    if (code == NULL) {
        return NULL;
    }
    StrBuilder sb;
    sb_init(&sb);
    int r = disasm_code(code, &sb);
    DECREF((Object *)code);
    if (r < 0) {
        sb_discard(&sb);
        return NULL;
    }
    return sb_finish(&sb);
}

static Object *dis_of(const char *src) {
    return dis_in_mode(src, COMPILE_FILE);
}

/* True when the disassembly of `src` in `mode` contains `needle`. */
static bool dis_contains(const char *src, CompileMode mode, const char *needle) {
    Object *d = dis_in_mode(src, mode);
    if (d == NULL) {
        err_clear();
        return false;
    }
    bool found = strstr(str_utf8(d), needle) != NULL;
    DECREF(d);
    return found;
}

static void test_modes(void) {
    /* The REPL prints expression statements, also inside blocks, not in functions. */
    CHECK(dis_contains("1 + 1\n", COMPILE_SINGLE, "PRINT_EXPR"));
    CHECK(dis_contains("for i in x: i\n", COMPILE_SINGLE, "PRINT_EXPR"));
    CHECK(!dis_contains("x = 1\n", COMPILE_SINGLE, "PRINT_EXPR"));
    CHECK(!dis_contains("def f():\n    1 + 1\n", COMPILE_SINGLE, "PRINT_EXPR"));
    CHECK(!dis_contains("1 + 1\n", COMPILE_FILE, "PRINT_EXPR"));
    /* eval returns the expression's value (folded here). */
    CHECK(dis_contains("1 + 2", COMPILE_EVAL,
                       "LOAD_CONST               0 (3)\n"
                       "              1 RETURN_VALUE"));
    /* Generators start with RETURN_GENERATOR; yield from loops on SEND. */
    CHECK(dis_contains("def g():\n    yield from x\n", COMPILE_FILE, "RETURN_GENERATOR"));
    CHECK(dis_contains("def g():\n    yield from x\n", COMPILE_FILE, "SEND"));
}

static void test_compiled_code(void) {
    Object *d = dis_of("x = 1\ndef f(a, b=2):\n    return a + b\nprint(f(x))\n");
    CHECK(d != NULL);
    if (d != NULL) {
        const char *t = str_utf8(d);
        CHECK(strstr(t, "STORE_NAME               0 (x)") != NULL);
        CHECK(strstr(t, "MAKE_FUNCTION            1 (defaults)") != NULL);
        CHECK(strstr(t, "Disassembly of <code object f at 0x") != NULL);
        CHECK(strstr(t, "LOAD_FAST                1 (b)") != NULL);
        CHECK(strstr(t, "BINARY_OP                0 (+)") != NULL);
        DECREF(d);
    } else {
        err_clear();
    }
    /* try/except produces an exception table; a closure uses cells. */
    d = dis_of("def g():\n    v = 1\n    def h():\n        return v\n    try:\n"
               "        h()\n    except ValueError as e:\n        pass\n");
    CHECK(d != NULL);
    if (d != NULL) {
        const char *t = str_utf8(d);
        CHECK(strstr(t, "ExceptionTable:") != NULL);
        CHECK(strstr(t, "LOAD_CLOSURE") != NULL);
        CHECK(strstr(t, "STORE_DEREF              0 (v)") != NULL);
        CHECK(strstr(t, "LOAD_DEREF               0 (v)") != NULL);
        CHECK(strstr(t, "CHECK_EXC_MATCH") != NULL);
        DECREF(d);
    } else {
        err_clear();
    }
}

/* Compiling `src` must fail with SyntaxError(msg) at (lineno, offset). */
static void expect_syntax_error(const char *src, const char *msg, int lineno, int offset) {
    Object *d = dis_of(src);
    CHECK(d == NULL);
    if (d != NULL) {
        DECREF(d);
        return;
    }
    CHECK(err_matches(&ExcSyntaxError));
    Object *exc = err_fetch();
    if (exc == NULL) {
        return;
    }
    Object *m = obj_getattr_cstr(exc, "msg");
    Object *l = obj_getattr_cstr(exc, "lineno");
    Object *o = obj_getattr_cstr(exc, "offset");
    bool ok = m != NULL && str_check(m) && str_equal_cstr(m, msg) && l != NULL && is_small_int(l) &&
              small_int_value(l) == lineno && o != NULL && is_small_int(o) &&
              small_int_value(o) == offset;
    if (!ok) {
        fprintf(stderr, "  %s: got msg=%s line=%ld offset=%ld\n", msg,
                m != NULL && str_check(m) ? str_utf8(m) : "?",
                l != NULL && is_small_int(l) ? (long)small_int_value(l) : -1L,
                o != NULL && is_small_int(o) ? (long)small_int_value(o) : -1L);
        failures++;
    }
    XDECREF(m);
    XDECREF(l);
    XDECREF(o);
    DECREF(exc);
    err_clear();
}

static void test_syntax_errors(void) {
    expect_syntax_error("x = 1\nreturn 5\n", "'return' outside function", 2, 1);
    expect_syntax_error("yield 1\n", "'yield' outside function", 1, 1);
    expect_syntax_error("x = 1\nbreak\n", "'break' outside loop", 2, 1);
    expect_syntax_error("if 1:\n    continue\n", "'continue' not properly in loop", 2, 5);
    expect_syntax_error("def f():\n    print(x)\n    global x\n",
                        "name 'x' is used prior to global declaration", 3, 5);
    expect_syntax_error("def f():\n    x = 1\n    def g():\n        x = 2\n        nonlocal x\n",
                        "name 'x' is assigned to before nonlocal declaration", 5, 9);
    expect_syntax_error("def f():\n    nonlocal y\n", "no binding for nonlocal 'y' found", 2, 5);
    expect_syntax_error("nonlocal x\n", "nonlocal declaration not allowed at module level", 1, 1);
    expect_syntax_error("def f(a, a): pass\n", "duplicate argument 'a' in function definition", 1,
                        10);
    expect_syntax_error("f(a=1, a=2)\n", "keyword argument repeated: a", 1, 8);
    expect_syntax_error("a, *b, *c = 1\n", "multiple starred expressions in assignment", 1, 1);
}

int main(void) {
    /* Errors need a thread state; the VM normally provides it. */
    static ThreadState thread_state;
    ts_set_current(&thread_state);
    if (runtime_init() < 0) {
        fprintf(stderr, "runtime_init failed\n");
        return 1;
    }
    test_every_opcode();
    test_compiled_code();
    test_modes();
    test_syntax_errors();
    if (failures != 0) {
        fprintf(stderr, "test_disasm: %d failure(s)\n", failures);
        return 1;
    }
    printf("test_disasm: ok\n");
    return 0;
}
