/* threads.h: Python threads on POSIX threads, and the pair of calls every
 * blocking operation makes to let other threads run while it waits. */
#ifndef GILPY_THREADS_H
#define GILPY_THREADS_H

#include "gil.h"
#include "object.h"
#include "state.h"

/* How the interpreter's GIL is set up (from -X options; see vm_create). */
typedef struct VMConfig {
    int32_t check_interval; /* -X checkinterval=N; 0: the default */
    GilPolicy gil_policy;   /* -X gil=fair|py2|py3 */
    bool gil_stats;         /* -X gilstats: print per-thread statistics at exit */
    const char *gil_trace_file;    /* -X giltrace=FILE: Chrome trace written at exit; NULL: off */
    const char *gil_timeline_file; /* -X giltimeline=FILE: SVG timeline at exit; NULL: off */
    bool sched;             /* -X sched=SEED: a replayable schedule (vm/sched.c) */
    uint64_t sched_seed;
} VMConfig;

/* ---------------------------------------------------------------- blocking calls
 *
 * A native function about to block (sleep, wait for a lock, read a pipe)
 * brackets the system call like this:
 *
 *     ThreadState *ts = threads_blocking_begin(BLOCK_SLEEP);
 *     rc = nanosleep(&t, &rem);        // no Python object may be touched here
 *     threads_blocking_end(ts);
 *
 * Between the two calls the thread does not hold the GIL, so other threads
 * run; it must not touch any object or refcount. (CPython spells this
 * Py_BEGIN_ALLOW_THREADS / Py_END_ALLOW_THREADS.) */
ThreadState *threads_blocking_begin(BlockKind kind);
void threads_blocking_end(ThreadState *ts);

/* Writes (print, os.write) bracket their system call with these instead:
 * the same as threads_blocking_begin(BLOCK_IO) / end, except under -X sched,
 * where a write keeps the GIL so that output stays in the replayed order.
 * threads_write_end accepts what threads_write_begin returned. */
ThreadState *threads_write_begin(void);
void threads_write_end(ThreadState *ts);

/* ---------------------------------------------------------------- -X sched
 * Under a replayable schedule, lock waits and sleeps do not block in the OS:
 * the scheduler runs other threads until this one can go on, on a virtual
 * clock (vm/sched.c). */

/* Is -X sched on? */
bool threads_scheduled(void);
/* Wait for `sem` (NULL: just sleep) at most `timeout` virtual seconds (< 0:
 * forever). 1: took it; 0: timed out / slept; -1 with KeyboardInterrupt.
 * Never returns on a deadlock (it is reported). */
MAY_RAISE int threads_sched_wait(sem_t *sem, double timeout, BlockKind kind);
/* The virtual clocks (time.monotonic() and time.time(), ns) when -X sched
 * is on; false otherwise. */
bool threads_virtual_clock(uint64_t *monotonic_ns, uint64_t *wall_ns);

/* After a blocking call returned EINTR: if the main thread has a pending
 * Ctrl-C, raise KeyboardInterrupt and return -1; if other signals arrived,
 * run their Python handlers (signal module) and return -1 if one raised;
 * otherwise 0 (retry). */
MAY_RAISE int threads_check_interrupt(void);

/* ---------------------------------------------------------------- threads */

/* Set up the GIL and make the calling (main) thread its first holder. */
int threads_init(Interpreter *interp, ThreadState *main_ts, const VMConfig *config);

/* Start a new OS thread running func(*args, **kwargs) (args a tuple,
 * kwargs a dict or NULL). Returns its identifier, or -1 with an exception. */
MAY_RAISE int64_t threads_start(Object *func, Object *args, Object *kwargs);

/* get_ident() / get_native_id() of the calling thread. */
uint64_t threads_get_ident(void);
uint64_t threads_get_native_id(void);
/* Number of threads started by threads_start that are still running. */
int threads_count(void);
/* Ask the main thread to raise KeyboardInterrupt (_thread.interrupt_main). */
void threads_interrupt_main(void);

/* In the child of os.fork(), right after fork() returned 0 (called by
 * stdlib/posix_process.c). Only the forking thread exists in the child, as
 * POSIX says: give the interpreter a fresh GIL held by the calling thread,
 * drop every other thread state from the interpreter's list, and make the
 * calling thread the main one (it receives Ctrl-C and runs signal handlers
 * from now on). The GIL must have been held by the caller when it forked. */
void threads_after_fork_child(void);

/* At exit, after threading._shutdown: from now on any thread other than the
 * main one that tries to take the GIL stops for good (daemon threads never
 * run after the interpreter is torn down). Prints -X gilstats if asked. */
void threads_finalize(Interpreter *interp);

/* The eval loop counts instructions in a local "tick" and calls this every
 * THREADS_TICK_MAX instructions at most: it charges `used` instructions to
 * the thread's GIL budget and yields the GIL when the budget is spent or a
 * waiter asked for it. Returns how many instructions to run before the next
 * call. This bounds how late a drop request is seen (~1000 instructions). */
enum { THREADS_TICK_MAX = 1000 };
int32_t threads_tick(ThreadState *ts, int32_t used);

/* The GIL and the calling thread's place in it (for the gil module). */
Gil *threads_gil(void);
GilThread *threads_gil_thread(ThreadState *ts);

#endif /* GILPY_THREADS_H */
