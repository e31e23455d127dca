/* state.c: the thread-local pointer to the current thread's state, and the
 * guard against runaway C recursion in the runtime (nested reprs, compares). */
#include "state.h"

#include "errors.h"
#include "exceptions.h"

static _Thread_local ThreadState *current_thread_state;

ThreadState *ts_current(void) { return current_thread_state; }

void ts_set_current(ThreadState *ts) { current_thread_state = ts; }

/* The C stack is also protected by an address check: the VM sets
 * ts->c_stack_limit when a thread starts (0 means "not set"). */
int ts_enter_recursive(const char *where) {
    ThreadState *ts = current_thread_state;
    int limit = ts->interp != NULL ? ts->interp->recursion_limit : 1000;
    char probe;
    if (++ts->recursion_depth > limit ||
        (ts->c_stack_limit != 0 && (uintptr_t)&probe < ts->c_stack_limit)) {
        --ts->recursion_depth;
        err_format(&ExcRecursionError, "maximum recursion depth exceeded%s", where);
        return -1;
    }
    return 0;
}

void ts_leave_recursive(void) { current_thread_state->recursion_depth--; }
