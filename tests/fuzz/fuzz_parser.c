/* fuzz_parser.c: libFuzzer harness for the lexer and parser. Feeds arbitrary
 * bytes to parse_source (the first byte picks the mode) and dumps the tree;
 * any crash, leak, hang or sanitizer report is a bug in compiler/.
 *
 * Build (from the repository root, once libgilpy_core links):
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -D_GNU_SOURCE -I. -Iruntime \
 *       -Icompiler -Ivm -Istdlib tests/fuzz/fuzz_parser.c <the core sources> -lgmp -lm \
 *       -lpthread -o fuzz_parser
 *   ./fuzz_parser -max_len=4096 -timeout=5 corpus/
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "ast.h"
#include "errors.h"
#include "lexer.h"
#include "parser.h"
#include "runtime.h"
#include "state.h"
#include "str.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static bool initialised = false;
    static ThreadState thread_state;
    static Object *filename;
    if (!initialised) {
        ts_set_current(&thread_state);
        if (runtime_init() < 0 || (filename = str_from_cstr("<fuzz>")) == NULL) {
            abort();
        }
        initialised = true;
    }
    if (size == 0) {
        return 0;
    }
    CompileMode mode = data[0] % 3 == 0 ? COMPILE_FILE : data[0] % 3 == 1 ? COMPILE_EVAL
                                                                         : COMPILE_SINGLE;
    const char *source = (const char *)data + 1;
    size_t source_size = size - 1;

    (void)lex_is_incomplete(source, source_size);

    Arena *arena = arena_new();
    if (arena == NULL) {
        abort();
    }
    Mod *mod = parse_source(arena, source, source_size, filename, mode);
    if (mod != NULL) {
        if (err_occurred() != NULL) {
            abort(); /* success must not leave an exception behind */
        }
        StrBuilder sb;
        sb_init(&sb);
        if (ast_dump(mod, &sb, true) < 0) {
            err_clear();
        }
        sb_discard(&sb);
    } else {
        if (err_occurred() == NULL) {
            abort(); /* failure must set an exception */
        }
        err_clear();
    }
    arena_free(arena);
    return 0;
}
