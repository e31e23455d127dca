/* process.h: helpers shared by the process primitives (posix_process.c,
 * mod_signal.c, mod_select.c, mod_multiprocessing.c). */
#ifndef GILPY_PROCESS_H
#define GILPY_PROCESS_H

#include "object.h"

/* Signals: after EINTR, call threads_check_interrupt() (vm/threads.h). */

/* Convert an int argument that must fit a C int. -1 with OverflowError. */
MAY_RAISE int process_int_arg(Object *v, int *out);

/* mod_signal.c: in the child of os.fork(), forget signals the parent had
 * received but not yet handled (CPython's _PySignal_AfterFork). */
void signal_after_fork_child(void);

/* posix_process.c's functions and constants, added to the posix module. */
MAY_RAISE int posix_add_process_functions(Object *module);

#endif /* GILPY_PROCESS_H */
