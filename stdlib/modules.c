/* modules.c: the one table that registers every native module. The VM imports
 * "builtins" and "sys" from it at start-up and the others on `import`. */
#include "modules.h"

const NativeModuleDef stdlib_native_modules[] = {
    {"builtins", mod_builtins_init},
    {"sys", mod_sys_init},
    {"gc", mod_gc_init},
    {"_thread", mod_thread_init},
    {"_queue", mod_queue_init},
    {"math", mod_math_init},
    {"time", mod_time_init},
    {"_random", mod_random_init},
    {"posix", mod_posix_init},
    {"_collections", mod_collections_init},
    {"_itertools", mod_itertools_init},
    {NULL, NULL},
};
