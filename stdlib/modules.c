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
    {"_pickle", mod_pickle_init},
    {"gil", mod_gil_init},
    {"_signal", mod_signal_init},
    {"select", mod_select_init},
    {"_multiprocessing", mod_multiprocessing_init},
    {"_posixshmem", mod_posixshmem_init},
    {"_socket", mod_socket_init},
    {NULL, NULL},
};
