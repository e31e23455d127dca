/* sched.h: the replayable scheduler of `-X sched=SEED`. See sched.c. */
#ifndef GILPY_SCHED_H
#define GILPY_SCHED_H

#include <pthread.h>
#include <semaphore.h>
#include <stdbool.h>
#include <stdint.h>

#include "gil.h"

/* Virtual nanoseconds one bytecode instruction takes under -X sched (so a
 * loop polling time.monotonic() still sees time pass). */
enum { SCHED_NS_PER_INSTRUCTION = 10 };

typedef struct Sched {
    uint64_t rng;        /* the pseudo-random generator's state, from the seed */
    uint64_t now_ns;     /* the virtual clock: what time.monotonic() reads */
    uint64_t wall_start_ns; /* time.time() at virtual 0 */
    GilThread *first;    /* every thread, in the order they were created */
    GilThread *last;
    int in_call;         /* threads inside a real blocking call (I/O, waitpid) */
    pthread_cond_t call_done; /* signalled when one of them comes back */
    bool deadlocked;     /* nobody can run: the thread woken must report it */
    GilThread *main;     /* the thread that receives Ctrl-C */
} Sched;

/* Make gil run under a schedule drawn from `seed`, with `main` its only thread. */
void sched_start(Gil *gil, uint64_t seed, GilThread *main);
/* In a fork child: the same schedule goes on with `me` as the only thread. */
void sched_after_fork(Gil *gil, GilThread *me);
/* A thread just created (by the GIL holder, before it starts): it joins the
 * schedule now, so the order of threads never depends on the OS. */
void sched_add_thread(Gil *gil, GilThread *t);
/* A thread that was added but failed to start. */
void sched_remove_thread(Gil *gil, GilThread *t);

/* What gil_acquire, gil_release and gil_yield do under a schedule. */
void sched_gil_acquire(Gil *gil, GilThread *me);
void sched_gil_release(Gil *gil, GilThread *me, SwitchCause cause, BlockKind kind);
void sched_gil_yield(Gil *gil, GilThread *me);

/* Wait, holding the GIL, for `sem` (NULL: just sleep) for at most
 * `timeout_ns` virtual nanoseconds (-1: forever); other threads run
 * meanwhile. 1: took sem; 0: timed out (or slept); -1: a Ctrl-C is pending
 * for this, the main, thread; -2: nobody can ever run again, and this
 * thread holds the GIL to report the deadlock. */
int sched_wait(Gil *gil, GilThread *me, sem_t *sem, int64_t timeout_ns, BlockKind kind);

/* The holder ran `n` instructions: virtual time passes. */
static inline void sched_charge(Sched *s, int32_t n) {
    s->now_ns += (uint64_t)n * SCHED_NS_PER_INSTRUCTION;
}

#endif /* GILPY_SCHED_H */
