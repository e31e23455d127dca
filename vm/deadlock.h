/* deadlock.h: noticing that every thread waits for another and none can go
 * on, and saying so (`Deadlock detected:`) instead of hanging. See deadlock.c. */
#ifndef GILPY_DEADLOCK_H
#define GILPY_DEADLOCK_H

#include <pthread.h>
#include <semaphore.h>
#include <stdbool.h>
#include <stdint.h>

#include "object.h"
#include "state.h"

/* The exit status after a deadlock report (documented in --help). */
enum { DEADLOCK_EXIT_STATUS = 3 };

/* What a thread waits for while it waits, without a timeout, on a lock of
 * this process (guarded by DeadlockWatch.mutex; sem NULL: no such wait). */
typedef struct DeadlockWait {
    sem_t *sem;            /* the semaphore the wait sleeps on */
    Object *lock;          /* borrowed: the lock or queue (its caller holds it) */
    const uint64_t *owner; /* where the lock keeps its holder's ident; NULL: no holder */
} DeadlockWait;

/* The interpreter's side: whether every thread has been waiting, unchanged,
 * since some instant. */
typedef struct DeadlockWatch {
    pthread_mutex_t mutex;
    uint64_t generation;      /* bumped each time a thread starts or ends such a wait */
    bool all_waiting;         /* the last check found every thread waiting... */
    uint64_t seen_generation; /* ...at this generation... */
    uint64_t seen_since_ns;   /* ...and checks have kept finding that since then */
} DeadlockWatch;

void deadlock_watch_init(DeadlockWatch *w);

/* Around an untimed wait on `sem` that only a thread of this process can end
 * (a _thread lock, a SimpleQueue): call begin holding the GIL, just before
 * releasing it; end right after the wait returns, before taking it back.
 * `owner` points at the lock's holder ident (read when reporting), or NULL. */
void deadlock_wait_begin(ThreadState *ts, sem_t *sem, Object *lock, const uint64_t *owner);
void deadlock_wait_end(ThreadState *ts);

/* How often a waiting thread looks (deadlock_check) and how long every
 * thread must have been waiting, with nothing moving, before it is reported. */
enum { DEADLOCK_SLICE_NS = 100000000, DEADLOCK_CONFIRM_NS = 300000000 };

/* Called without the GIL by a thread inside such a wait each time a slice
 * of it passes. If every thread of the interpreter has been waiting, and none
 * started or ended a wait, for DEADLOCK_CONFIRM_NS, it takes the GIL, prints
 * the report and ends the process with DEADLOCK_EXIT_STATUS. */
void deadlock_check(ThreadState *ts);

/* Holding the GIL while every other thread waits and none can wake: print
 * "Deadlock detected:" with each thread's wait, holder and stack, write the
 * -X gilstats/giltrace/giltimeline reports, and exit. (Also used by the
 * replayable scheduler when no thread can run.) */
_Noreturn void deadlock_report_and_exit(ThreadState *me);

/* While the interactive prompt runs, a deadlock is reported and then the
 * main thread's wait is interrupted with KeyboardInterrupt instead. */
void deadlock_set_interactive(bool on);

#endif /* GILPY_DEADLOCK_H */
