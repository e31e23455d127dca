/* process.h: helpers shared by the process primitives (posix_process.c,
 * mod_signal.c, mod_select.c, mod_multiprocessing.c). */
#ifndef GILPY_PROCESS_H
#define GILPY_PROCESS_H

#include "object.h"

/* After a blocking call returned EINTR (or after sending ourselves a
 * signal): in the main thread, raise KeyboardInterrupt for a pending Ctrl-C
 * and run the Python handlers of signals that arrived (signal module).
 * Returns 0 (go on / retry), or -1 with the exception a handler raised.
 * In other threads it does nothing (CPython's PyErr_CheckSignals). */
MAY_RAISE int process_check_signals(void);

/* Convert an int argument that must fit a C int. -1 with OverflowError. */
MAY_RAISE int process_int_arg(Object *v, int *out);

/* mod_signal.c: in the child of os.fork(), forget signals the parent had
 * received but not yet handled (CPython's _PySignal_AfterFork). */
void signal_after_fork_child(void);

/* posix_process.c's functions and constants, added to the posix module. */
MAY_RAISE int posix_add_process_functions(Object *module);

#endif /* GILPY_PROCESS_H */
