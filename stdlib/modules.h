/* modules.h: the table of native modules (stdlib/modules.c) that main() hands
 * to the VM, and the init function of each native module. */
#ifndef GILPY_MODULES_H
#define GILPY_MODULES_H

#include "module.h"

/* Every native module, {NULL, NULL}-terminated. */
extern const NativeModuleDef stdlib_native_modules[];

/* Each creates and fills its module (new reference), NULL with an exception. */
MAY_RAISE Object *mod_builtins_init(void);
MAY_RAISE Object *mod_sys_init(void);
MAY_RAISE Object *mod_gc_init(void);
MAY_RAISE Object *mod_thread_init(void);
MAY_RAISE Object *mod_queue_init(void);
MAY_RAISE Object *mod_math_init(void);
MAY_RAISE Object *mod_time_init(void);
MAY_RAISE Object *mod_random_init(void);
MAY_RAISE Object *mod_posix_init(void);
MAY_RAISE Object *mod_collections_init(void);
MAY_RAISE Object *mod_itertools_init(void);
MAY_RAISE Object *mod_pickle_init(void);

MAY_RAISE Object *mod_gil_init(void);
MAY_RAISE Object *mod_signal_init(void);
MAY_RAISE Object *mod_select_init(void);
MAY_RAISE Object *mod_multiprocessing_init(void);
MAY_RAISE Object *mod_posixshmem_init(void);
MAY_RAISE Object *mod_socket_init(void);

#endif /* GILPY_MODULES_H */
