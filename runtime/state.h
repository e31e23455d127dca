/* state.h: interpreter-wide state and per-thread state.
 *
 * There are no mutable globals: everything that changes at run time hangs off
 * the Interpreter (shared by all threads, protected by the GIL) or a
 * ThreadState (one per OS thread). The current thread's state is found with
 * ts_current(), a thread-local pointer set when the thread starts.
 */
#ifndef GILPY_STATE_H
#define GILPY_STATE_H

#include "object.h"

struct Frame; /* vm/frame.h */

typedef struct Interpreter {
    Object *modules;  /* dict: sys.modules */
    Object *builtins; /* dict: the builtins module's namespace */
    Object *sysdict;  /* dict: the sys module's namespace */
    Object *argv;     /* list: sys.argv */
    int recursion_limit; /* sys.getrecursionlimit() */
    struct ThreadState *threads; /* linked list of live thread states */
    void *vm;  /* VM-private interpreter data (vm/state.h) */
} Interpreter;

typedef struct ThreadState {
    Interpreter *interp;
    struct ThreadState *next; /* in interp->threads */
    Object *current_exception;  /* the pending (being raised) exception, or NULL */
    Object *handled_exception;  /* sys.exc_info()'s exception while in `except`, or NULL */
    struct Frame *frame;        /* innermost executing frame (vm/frame.h) */
    int recursion_depth;        /* nested calls right now */
    uintptr_t c_stack_limit;    /* lowest safe C stack address (deep-C-recursion guard) */
    void *vm; /* VM-private per-thread data (vm/state.h) */
} ThreadState;

/* The calling thread's state (never NULL once the runtime is initialised). */
ThreadState *ts_current(void);
void ts_set_current(ThreadState *ts);

/* Guard C recursion (repr of nested lists, compare of nested tuples...):
 * returns -1 with RecursionError when too deep. Pair with ts_leave_recursive. */
MAY_RAISE int ts_enter_recursive(const char *where);
void ts_leave_recursive(void);

#endif /* GILPY_STATE_H */
