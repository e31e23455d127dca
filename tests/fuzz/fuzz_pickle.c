/* fuzz_pickle.c: libFuzzer harness for pickle's loader (stdlib/mod_pickle.c). Feeds arbitrary
 * bytes to pickle_loads_data (with a valid header in front half of the time, so the fuzzer
 * reaches the opcodes quickly), then pickles whatever loaded. Globals resolve only to a few
 * harmless built-in types, so the data cannot call anything dangerous. Any crash, leak, hang
 * or sanitizer report is a bug; a failed load must set an exception, a good one must not.
 *
 * Build (from the repository root; every core source with clang, then the harness):
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -D_GNU_SOURCE -I. -iquote runtime \
 *       -iquote compiler -iquote vm -iquote stdlib tests/fuzz/fuzz_pickle.c \
 *       <every .c file of runtime, compiler, vm (but main.c) and stdlib> -lgmp -lm -lpthread \
 *       -o fuzz_pickle
 *   ./fuzz_pickle -max_len=4096 -timeout=5 corpus/
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "errors.h"
#include "exceptions.h"
#include "function.h"
#include "mod_pickle.h"
#include "range.h"
#include "runtime.h"
#include "state.h"
#include "str.h"
#include "tuple.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

extern TypeObject FloatType;

/* find_class(module, name): only builtins.<one of a few types>. */
static Object *fuzz_find_class(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    /* No container or bytes constructors: list(range(10**12)) would only test the
     * allocator's patience. The core types come from opcodes anyway. */
    static TypeObject *const allowed[] = {&RangeType, &SliceType, &IntType, &FloatType,
                                          &ObjectType, &ExcValueError, &ExcKeyError,
                                          &ExcException};
    if (nargs == 2 && str_check(args[0]) && str_check(args[1]) &&
        str_equal_cstr(args[0], "builtins")) {
        for (size_t i = 0; i < sizeof allowed / sizeof allowed[0]; i++) {
            if (str_equal_cstr(args[1], type_name(allowed[i]))) {
                return NEWREF((Object *)allowed[i]);
            }
        }
    }
    return err_format(&ExcValueError, "forbidden global");
}

static const MethodDef fuzz_find_class_def = {"find_class", fuzz_find_class, 0, NULL};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static bool initialised = false;
    static ThreadState thread_state;
    static Object *find_class;
    if (!initialised) {
        ts_set_current(&thread_state);
        if (runtime_init() < 0 ||
            (find_class = native_function_new(&fuzz_find_class_def, NULL)) == NULL) {
            abort();
        }
        initialised = true;
    }
    if (size == 0) {
        return 0;
    }
    /* First byte odd: prepend a header declaring the rest as the program. */
    unsigned char *buf = malloc(size + 12);
    if (buf == NULL) {
        abort();
    }
    size_t len = 0;
    if (data[0] & 1) {
        size_t n = size - 1;
        buf[len++] = 0xB7;
        buf[len++] = 0x01;
        while (n >= 0x80) {
            buf[len++] = (unsigned char)(n | 0x80);
            n >>= 7;
        }
        buf[len++] = (unsigned char)n;
        memcpy(buf + len, data + 1, size - 1);
        len += size - 1;
    } else {
        memcpy(buf, data + 1, size - 1);
        len = size - 1;
    }
    Object *v = pickle_loads_data((const char *)buf, len, NULL, find_class);
    free(buf);
    if (v == NULL) {
        if (err_occurred() == NULL) {
            abort(); /* failure must set an exception */
        }
        err_clear();
        return 0;
    }
    if (err_occurred() != NULL) {
        abort(); /* success must not leave an exception behind */
    }
    Object *again = pickle_dumps_value(v, NULL, NULL);
    if (again == NULL) {
        err_clear();
    } else {
        DECREF(again);
    }
    DECREF(v);
    return 0;
}
