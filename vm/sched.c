/* sched.c: replayable schedules (`-X sched=SEED`).
 *
 * A race that shows once in ten runs is hard to teach. Under -X sched the
 * GIL no longer lets the OS decide anything that changes what a program
 * does: a pseudo-random generator seeded with SEED decides how many
 * instructions each turn lasts and which thread runs next, and time is
 * virtual. The same seed gives the same interleaving, so the same output,
 * on every run and every machine; other seeds give other interleavings
 * (`-X explore=K` runs K of them and groups the outputs, vm/explore.c).
 *
 * HOW. Exactly one thread runs at a time, as always, but a thread never
 * waits for the OS to hand it the GIL: the thread that lets go picks the
 * next holder itself, among the threads that can run, with the generator.
 * Every thread is known from its creation (the creator adds it to the list
 * while holding the GIL), so the list is in the same order on every run.
 * A thread can run when it
 *   - was preempted (its budget ran out) or has not started yet;
 *   - waits for a lock or queue (a semaphore) that is now free, or whose
 *     timeout has passed on the virtual clock;
 *   - sleeps and the virtual clock has reached its wake-up time;
 *   - came back from a real blocking call (I/O, waitpid).
 * Sleeps and lock waits do not block in the OS: the thread stays in the
 * scheduler until it is picked again. When nobody can run, the virtual clock
 * jumps to the earliest wake-up; if there is none and nobody is in a real
 * call, nobody can ever run again: the deadlock is reported
 * (vm/deadlock.c).
 *
 * THE VIRTUAL CLOCK advances by SCHED_NS_PER_INSTRUCTION per instruction
 * and by jumps when everyone sleeps; time.time(), monotonic() and
 * perf_counter() read it, so printed durations replay too.
 *
 * WHAT DOES NOT REPLAY. Real blocking calls (reading a pipe, a socket,
 * waitpid) depend on the world outside: a thread in one is out of the
 * schedule until it comes back. Writes (print) keep the GIL and stay in
 * the schedule (threads_write_begin). Object addresses (id(), default
 * reprs) differ between runs.
 *
 * Everything here runs with gil->mutex held.
 */
#include "sched.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "eval.h"
#include "giltrace.h"

/* What a thread is doing, as the scheduler sees it. */
enum {
    SCHED_RUNNABLE,  /* running, preempted, or not started yet */
    SCHED_WAITING,   /* for `sem` (and/or until wake_ns) */
    SCHED_IN_CALL,   /* in a real blocking call */
    SCHED_CALL_DONE, /* back from it, waiting to be picked */
};

/* splitmix64: small, fast, and the same on every machine. */
static uint64_t next_random(Sched *s) {
    uint64_t z = (s->rng += 0x9e3779b97f4a7c15u);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
}

static void append_thread(Sched *s, GilThread *t) {
    t->sched.next = NULL;
    t->sched.state = SCHED_RUNNABLE;
    t->sched.sem = NULL;
    t->sched.wake_ns = 0;
    if (s->last != NULL) {
        s->last->sched.next = t;
    } else {
        s->first = t;
    }
    s->last = t;
}

void sched_start(Gil *gil, uint64_t seed, GilThread *main) {
    Sched *s = calloc(1, sizeof(Sched));
    if (s == NULL) {
        fputs("gilpy: out of memory for -X sched\n", stderr);
        exit(1);
    }
    s->rng = seed;
    struct timespec wall;
    clock_gettime(CLOCK_REALTIME, &wall);
    s->wall_start_ns = (uint64_t)wall.tv_sec * 1000000000u + (uint64_t)wall.tv_nsec;
    pthread_cond_init(&s->call_done, NULL);
    s->main = main;
    append_thread(s, main);
    gil->sched = s;
}

void sched_after_fork(Gil *gil, GilThread *me) {
    Sched *s = gil->sched;
    pthread_cond_init(&s->call_done, NULL); /* the parent's may have had waiters */
    s->first = s->last = NULL;
    s->in_call = 0;
    s->deadlocked = false;
    s->main = me;
    append_thread(s, me);
}

void sched_add_thread(Gil *gil, GilThread *t) {
    pthread_mutex_lock(&gil->mutex);
    append_thread(gil->sched, t);
    pthread_mutex_unlock(&gil->mutex);
}

static void unlink_thread(Sched *s, GilThread *t) {
    GilThread *prev = NULL;
    for (GilThread *u = s->first; u != NULL; prev = u, u = u->sched.next) {
        if (u == t) {
            if (prev != NULL) {
                prev->sched.next = t->sched.next;
            } else {
                s->first = t->sched.next;
            }
            if (s->last == t) {
                s->last = prev;
            }
            return;
        }
    }
}

void sched_remove_thread(Gil *gil, GilThread *t) {
    pthread_mutex_lock(&gil->mutex);
    unlink_thread(gil->sched, t);
    pthread_mutex_unlock(&gil->mutex);
}

/* ---------------------------------------------------------------- choosing */

static bool interrupt_for(Sched *s, GilThread *t) {
    return t == s->main && eval_sigint_waiting();
}

static bool can_run(Sched *s, GilThread *t) {
    switch (t->sched.state) {
    case SCHED_RUNNABLE:
    case SCHED_CALL_DONE:
        return true;
    case SCHED_WAITING: {
        int value = 0;
        if (t->sched.sem != NULL && sem_getvalue(t->sched.sem, &value) == 0 && value > 0) {
            return true;
        }
        return (t->sched.wake_ns != 0 && s->now_ns >= t->sched.wake_ns) || interrupt_for(s, t);
    }
    default:
        return false;
    }
}

/* The next holder, drawn from the threads that can run; when none can, the
 * virtual clock first jumps to the earliest wake-up. NULL if nobody can run
 * (some thread may be in a real call, or it is a deadlock). */
static GilThread *pick_next(Sched *s) {
    for (;;) {
        size_t n = 0;
        uint64_t earliest = 0;
        for (GilThread *t = s->first; t != NULL; t = t->sched.next) {
            if (can_run(s, t)) {
                n++;
            } else if (t->sched.state == SCHED_WAITING && t->sched.wake_ns != 0 &&
                       (earliest == 0 || t->sched.wake_ns < earliest)) {
                earliest = t->sched.wake_ns;
            }
        }
        if (n > 0) {
            size_t k = (size_t)(next_random(s) % n);
            for (GilThread *t = s->first; t != NULL; t = t->sched.next) {
                if (can_run(s, t) && k-- == 0) {
                    return t;
                }
            }
        }
        if (earliest == 0 || s->in_call > 0) {
            /* A thread in a real call may come back and wake the others:
             * the clock waits for it rather than jumping. */
            return NULL;
        }
        s->now_ns = earliest;
    }
}

/* A pseudo-random turn of 1..checkinterval instructions. */
static void new_budget(Gil *gil, GilThread *t) {
    int32_t n = 1 + (int32_t)(next_random(gil->sched) % (uint64_t)gil->checkinterval);
    atomic_store_explicit(&t->budget, n, memory_order_relaxed);
}

/* Make `t` the holder and wake it. */
static void hand_to(Gil *gil, GilThread *t) {
    gil->holder = t;
    t->granted = true;
    pthread_cond_signal(&t->granted_cond);
}

/* The holder has let go (its state says why): hand the GIL to the next
 * thread. If nobody can run and nobody is in a real call, it is a deadlock:
 * the first waiting thread is woken to report it. With no thread left at
 * all, the GIL stays free. */
static void hand_on(Gil *gil) {
    Sched *s = gil->sched;
    GilThread *next = pick_next(s);
    if (next != NULL) {
        hand_to(gil, next);
        return;
    }
    gil->holder = NULL;
    if (s->in_call > 0) {
        /* Whoever comes back first picks again (sched_gil_acquire); until
         * then, sleepers let real time pass for them (wait_for_turn): wake
         * them so that they start doing so. */
        for (GilThread *t = s->first; t != NULL; t = t->sched.next) {
            if (t->sched.state == SCHED_WAITING && t->sched.wake_ns != 0) {
                pthread_cond_signal(&t->granted_cond);
            }
        }
        return;
    }
    for (GilThread *t = s->first; t != NULL; t = t->sched.next) {
        if (t->sched.state == SCHED_WAITING) {
            s->deadlocked = true;
            hand_to(gil, t);
            return;
        }
    }
}

/* Sleep until this thread is handed the GIL. */
static void wait_for_turn(Gil *gil, GilThread *me) {
    Sched *s = gil->sched;
    while (!me->granted) {
        if (me->sched.state != SCHED_WAITING || me->sched.wake_ns == 0 || gil->holder != NULL ||
            s->in_call == 0) {
            pthread_cond_wait(&me->granted_cond, &gil->mutex);
            continue;
        }
        /* Nobody runs and the clock waits for a thread in a real call (a
         * Pool's result reader, say), which may never come back: real time
         * stands in for the virtual time left until this thread's wake-up. */
        uint64_t left = me->sched.wake_ns > s->now_ns ? me->sched.wake_ns - s->now_ns : 0;
        struct timespec deadline; /* granted_cond waits on CLOCK_MONOTONIC (gil.c) */
        clock_gettime(CLOCK_MONOTONIC, &deadline);
        uint64_t ns = (uint64_t)deadline.tv_nsec + left;
        deadline.tv_sec += (time_t)(ns / 1000000000u);
        deadline.tv_nsec = (long)(ns % 1000000000u);
        pthread_cond_timedwait(&me->granted_cond, &gil->mutex, &deadline);
        if (!me->granted && gil->holder == NULL) {
            if (s->now_ns < me->sched.wake_ns) {
                s->now_ns = me->sched.wake_ns;
            }
            hand_on(gil);
        }
    }
}

/* ---------------------------------------------------------------- the GIL's operations */

void sched_gil_acquire(Gil *gil, GilThread *me) {
    Sched *s = gil->sched;
    uint64_t since = gil_now_ns();
    pthread_mutex_lock(&gil->mutex);
    if (me->waking_from_block) {
        giltrace_event(me, since, GEV_BLOCK_END, 0, 0);
    }
    if (me->sched.state == SCHED_IN_CALL) {
        me->sched.state = SCHED_CALL_DONE;
        s->in_call--;
        pthread_cond_broadcast(&s->call_done);
        if (gil->holder == NULL) {
            hand_on(gil); /* nobody was running: choose now (maybe this thread) */
        }
    } else if (gil->holder == NULL && !me->granted && s->first == me && me->sched.next == NULL) {
        hand_to(gil, me); /* the first acquisition of the main thread */
    }
    wait_for_turn(gil, me);
    me->sched.state = SCHED_RUNNABLE;
    me->waking_from_block = false;
    gil_account_acquire(gil, me, since, gil_now_ns(), false);
    new_budget(gil, me);
    pthread_mutex_unlock(&gil->mutex);
}

void sched_gil_release(Gil *gil, GilThread *me, SwitchCause cause, BlockKind kind) {
    Sched *s = gil->sched;
    pthread_mutex_lock(&gil->mutex);
    uint64_t now = gil_now_ns();
    gil_note_release(me, now, cause, kind);
    me->granted = false;
    if (cause == SWITCH_EXIT) {
        unlink_thread(s, me);
    } else {
        me->sched.state = SCHED_IN_CALL;
        s->in_call++;
        me->waking_from_block = true;
    }
    hand_on(gil);
    pthread_mutex_unlock(&gil->mutex);
}

void sched_gil_yield(Gil *gil, GilThread *me) {
    pthread_mutex_lock(&gil->mutex);
    GilThread *next = pick_next(gil->sched); /* me is runnable: it may go on */
    if (next == me) {
        new_budget(gil, me);
        atomic_store_explicit(&me->drop_requested, false, memory_order_relaxed);
        pthread_mutex_unlock(&gil->mutex);
        return;
    }
    uint64_t now = gil_now_ns();
    gil_note_release(me, now, SWITCH_BUDGET, BLOCK_OTHER);
    giltrace_event(me, now, GEV_WAIT_BEGIN, 0, 0);
    me->granted = false;
    hand_to(gil, next);
    wait_for_turn(gil, me);
    gil_account_acquire(gil, me, now, gil_now_ns(), true);
    new_budget(gil, me);
    pthread_mutex_unlock(&gil->mutex);
}

int sched_wait(Gil *gil, GilThread *me, sem_t *sem, int64_t timeout_ns, BlockKind kind) {
    Sched *s = gil->sched;
    pthread_mutex_lock(&gil->mutex);
    me->sched.sem = sem;
    me->sched.wake_ns = timeout_ns >= 0 ? s->now_ns + (uint64_t)timeout_ns : 0;
    if (me->sched.wake_ns == 0 && timeout_ns >= 0) {
        me->sched.wake_ns = 1; /* a zero timeout at virtual time 0 */
    }
    int result;
    for (;;) {
        if (sem != NULL && sem_trywait(sem) == 0) {
            result = 1;
            break;
        }
        if (me->sched.wake_ns != 0 && s->now_ns >= me->sched.wake_ns) {
            result = 0;
            break;
        }
        if (interrupt_for(s, me)) {
            result = -1;
            break;
        }
        /* Let the others run until this thread can go on (it may be picked
         * straight away: a free semaphore, or the clock jumped). */
        me->sched.state = SCHED_WAITING;
        uint64_t now = gil_now_ns();
        gil_note_release(me, now, SWITCH_BLOCKING, kind); /* logs the block's start */
        me->granted = false;
        hand_on(gil);
        wait_for_turn(gil, me);
        uint64_t back = gil_now_ns();
        giltrace_event(me, back, GEV_BLOCK_END, 0, 0);
        gil_account_acquire(gil, me, back, back, false);
        new_budget(gil, me);
        me->sched.state = SCHED_RUNNABLE;
        if (s->deadlocked) {
            result = -2;
            break;
        }
    }
    me->sched.state = SCHED_RUNNABLE;
    me->sched.sem = NULL;
    me->sched.wake_ns = 0;
    pthread_mutex_unlock(&gil->mutex);
    return result;
}
