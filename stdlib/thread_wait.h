/* thread_wait.h: waiting on a semaphore with the GIL released, shared by
 * _thread's locks and _queue.SimpleQueue (mod_thread.c). */
#ifndef GILPY_THREAD_WAIT_H
#define GILPY_THREAD_WAIT_H

#include <semaphore.h>
#include <stdbool.h>

#include "object.h"

/* Parse (blocking=True, timeout=-1) as Lock.acquire does into a timeout in
 * seconds: -1 forever, 0 don't wait; -2 with an exception on bad arguments. */
double parse_acquire_args(const char *fname, Object *const *args, size_t nargs, Object *kwnames);

/* What a wait is on, for the deadlock detector (vm/deadlock.h): the lock or
 * queue object, and where it keeps its holder's ident (NULL: no holder). A
 * wait with no WaitTarget (a multiprocessing lock, which another process
 * may release) is never taken for part of a deadlock. */
typedef struct WaitTarget {
    Object *object;
    const uint64_t *owner;
} WaitTarget;

/* Take `sem`, waiting at most `timeout` seconds (-1: forever, 0: don't wait)
 * with the GIL released; *acquired tells whether it was taken. -1 with the
 * exception when Ctrl-C or a raising signal handler interrupts the main
 * thread's wait, or with OSError if the semaphore call fails. Used by
 * _thread's locks, _queue.SimpleQueue and _multiprocessing.SemLock. */
int sem_acquire_timed(sem_t *sem, double timeout, const WaitTarget *target, bool *acquired);

#endif /* GILPY_THREAD_WAIT_H */
