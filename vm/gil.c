/* gil.c: the Global Interpreter Lock.
 *
 * ============================================================== design note
 *
 * WHY THERE IS A GIL. Every object carries a reference count, and changing
 * it is a plain read-modify-write (runtime/object.h). If two threads changed
 * the same count at once, one update could be lost and an object freed while
 * still in use. gilpy, like CPython, solves this with one lock for the whole
 * interpreter: a thread may run bytecode, or touch any object, only while it
 * holds the GIL. Debug builds check that in every INCREF and DECREF.
 *
 * WHAT IT IS MADE OF. A mutex protecting a few fields: who holds the GIL
 * (`holder`) and a first-in-first-out queue of the threads waiting for it.
 * Each thread (a GilThread) has its own condition variable; a waiter sleeps
 * on it until the GIL has been handed to it. "Holding the GIL" therefore does
 * NOT mean holding the mutex: the mutex is taken only for the instant it
 * takes to change hands.
 *
 * HOW A THREAD ASKS FOR IT. gil_acquire: if the GIL is free and nobody is
 * queued, take it. Otherwise join the end of the queue and sleep until the
 * thread in front hands it over.
 *
 * HOW IT MOVES: THE HAND-OFF. The holder spends a budget of N instructions
 * (`-X checkinterval=N`, sys.setcheckinterval). The eval loop decrements the
 * budget at every instruction, one decrement and one branch, so a switch can
 * happen between ANY two instructions: in the middle of `counter += 1`
 * (LOAD_GLOBAL ... STORE_GLOBAL), which is why races show up in gilpy.
 * When the budget runs out, the holder calls gil_yield. If nobody waits, it
 * refills the budget and goes on (uncontended, the GIL costs nothing more).
 * If someone waits, the holder gives the GIL DIRECTLY to the thread at the
 * head of the queue (sets holder = that thread, wakes it) and then queues
 * itself at the tail. This is "forced switching": the thread that lets go
 * cannot win the GIL straight back, because it is no longer free when it
 * lets go, it already belongs to the waiter. Without it (policy py2 below)
 * the releasing thread, still running on its CPU, usually re-takes the lock
 * before the woken thread has even been scheduled: the "GIL battle".
 *
 * BLOCKING CALLS. time.sleep, lock waits, join, file and pipe reads and
 * writes release the GIL around the system call (GIL_BLOCKING_BEGIN/END in
 * vm/threads, like CPython's Py_BEGIN_ALLOW_THREADS), so other threads run
 * while this one waits. That is why I/O-bound threads speed up and CPU-bound
 * ones do not. A thread coming back from a blocking call usually has a short
 * job to do (hand a result on, start the next read); making it wait for a
 * CPU-bound thread's whole budget would add latency for nothing (CPython's
 * "convoy effect", issue 7946). So when it queues for the GIL it also asks
 * the holder to let go early: it sets the holder's drop request and zeroes
 * the holder's budget, and the holder hands over at its next instruction.
 *
 * THE PRE-WAKE. A thread woken from a condition variable takes a while to
 * run again: the kernel must schedule it, and on a virtual machine its idle
 * CPU must first be woken itself. Paid at every hand-off, that delay left
 * the GIL idle for 6-14 microseconds each time (8% of the run for four
 * CPU-bound threads). So the holder, GIL_PREWAKE_LEAD instructions before
 * its budget runs out, wakes the first waiter (gil_prewake), which then
 * spins on its `handed` flag instead of sleeping; when the hand-off comes
 * it is already running and takes over in about two microseconds. It spins
 * at most GIL_PREWAKE_SPIN_NS, then sleeps again (the holder may block or
 * take longer than expected): a few percent of a second CPU, for one thread.
 *
 * THE SWITCH INTERVAL. sys.setswitchinterval(s) (5 ms by default) bounds how
 * long any waiter waits politely: a waiter that has waited that long sets the
 * holder's drop request too. With the default budget a CPU-bound holder hands
 * over long before that, so it is a safety net (and the whole mechanism of
 * the py3 policy).
 *
 * THE DEFAULT BUDGET. N = 100000 instructions, about half a millisecond of
 * pure bytecode. Big enough that a hand-off (a condition-variable signal and
 * a thread wake-up, some microseconds) costs a few percent of a CPU-bound
 * thread's turn, so splitting CPU work over threads runs about as fast as
 * doing it sequentially; small enough that four threads each doing
 * `counter += 1` 100,000 times (~700,000 instructions each) switch dozens of
 * times, almost surely inside the increment, so updates are lost in nearly
 * every run, as the articles say.
 *
 * POLICIES (`-X gil=NAME`), to show the GIL's history:
 *   fair  the design above (the default).
 *   py2   Python 2: every 100 instructions release the lock and immediately
 *         try to take it again; no hand-off, no queue order. On a multi-core
 *         machine the releasing thread nearly always wins: the GIL battle.
 *   py3   CPython 3.2+: no instruction budget; a waiter sleeps one switch
 *         interval, then asks the holder to drop; the holder releases and
 *         waits until someone else has taken it (forced switching: it
 *         watches the count of hand-offs, `handoffs`), but a
 *         thread back from I/O gets no priority: the convoy effect.
 *
 * WHAT IS COUNTED (GilStats, per thread): instructions (charged by
 * threads_tick, so in steps of up to THREADS_TICK_MAX), acquisitions, time
 * holding and waiting (the longest wait, and a histogram of waits for the
 * 99th percentile), and every time a thread gave the GIL away, by cause:
 * budget spent, a waiter's request, a blocking call (and which kind: sleep,
 * lock, I/O, join), thread exit. Counting costs a clock read per hand-off,
 * nothing per instruction. Each thread also has a GilTrack that outlives it,
 * so the exit report (-X gilstats) and the gil module cover ended threads.
 *
 * TRACING (-X giltrace=FILE.json, -X giltimeline=FILE.svg). With tracing on,
 * every change above is also logged as an event in the thread's own buffer
 * (vm/giltrace.c): hold begin and end (with the cause), wait begin and end,
 * blocking call begin and end (with the kind), thread end. Each thread writes
 * only its own buffer, so logging takes no lock. The timestamps are the ones
 * the statistics already read; those of hold begin and end are read under
 * the mutex, so a hold always ends before the next holder's hold begins,
 * which is what the trace checker (scripts/gil-check-trace) verifies. With
 * tracing off a hook is one well-predicted branch on a flag of the thread.
 *
 * INVARIANTS. At most one thread holds the GIL. A thread is in the queue iff
 * it is inside gil_acquire or gil_yield and has not been granted. A waiter is
 * woken only by being granted (so no thundering herd in the fair policy).
 */
#include "gil.h"

#include <errno.h>
#include <sched.h>
#include <stdlib.h>
#include <time.h>

#include "giltrace.h"
#include "sched.h"

enum { DEFAULT_SWITCH_INTERVAL_NS = 5000000, PY2_CHECKINTERVAL = 100 };

uint64_t gil_now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

void gil_init(Gil *gil, GilPolicy policy, int32_t checkinterval) {
    pthread_mutex_init(&gil->mutex, NULL);
    gil->holder = NULL;
    gil->first_waiter = gil->last_waiter = NULL;
    gil->nwaiting = 0;
    gil->policy = policy;
    gil->checkinterval = policy == GIL_PY2 ? PY2_CHECKINTERVAL : checkinterval;
    gil->switch_interval_ns = DEFAULT_SWITCH_INTERVAL_NS;
    gil->started_ns = gil_now_ns();
    gil->contended_ns = 0;
    gil->contended_since_ns = 0;
    gil->handoffs = 0;
    gil->tracks = NULL;
    gil->tracing = false;
    gil->trace_file = gil->timeline_file = NULL;
    gil->sched = NULL;
}

void gil_destroy(Gil *gil) { pthread_mutex_destroy(&gil->mutex); }

void gil_thread_init(GilThread *t, void *owner) {
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&t->granted_cond, &attr);
    pthread_condattr_destroy(&attr);
    t->granted = false;
    t->next_waiter = NULL;
    atomic_init(&t->budget, 0);
    atomic_init(&t->drop_requested, false);
    t->waking_from_block = false;
    t->prewake = false;
    atomic_init(&t->handed, false);
    t->prewake_sent = false;
    t->held_since_ns = 0;
    t->stats = (GilStats){0};
    t->owner = owner;
    t->track = NULL;
    t->tracing = false;
    t->sched = (SchedSlot){0};
}

bool gil_thread_register(Gil *gil, GilThread *t, uint64_t ident, uint64_t native_id) {
    GilTrack *track = calloc(1, sizeof(GilTrack));
    if (track == NULL) {
        return false;
    }
    track->live = t;
    track->ident = ident;
    track->native_id = native_id;
    pthread_mutex_lock(&gil->mutex);
    track->next = gil->tracks;
    gil->tracks = track;
    t->track = track;
    t->tracing = gil->tracing;
    pthread_mutex_unlock(&gil->mutex);
    return true;
}

/* ---------------------------------------------------------------- statistics */

/* Buckets 0..3 hold 0..3 ns; then 4 per power of two: bucket 4*(e-1)+m for
 * a wait of binary exponent e >= 2 and next two bits m. */
int gil_wait_bucket(uint64_t ns) {
    if (ns < 4) {
        return (int)ns;
    }
    int e = 63 - __builtin_clzll(ns);
    int b = 4 * (e - 1) + (int)((ns >> (e - 2)) & 3);
    return b < GIL_WAIT_BUCKETS ? b : GIL_WAIT_BUCKETS - 1;
}

uint64_t gil_wait_bucket_limit(int bucket) {
    if (bucket < 4) {
        return (uint64_t)bucket;
    }
    int e = bucket / 4 + 1, m = bucket % 4;
    return ((uint64_t)(4 + m + 1) << (e - 2)) - 1;
}

uint64_t gil_stats_wait_percentile(const GilStats *s, double p) {
    uint64_t total = 0;
    for (int b = 0; b < GIL_WAIT_BUCKETS; b++) {
        total += s->wait_hist[b];
    }
    if (total == 0) {
        return 0;
    }
    uint64_t rank = (uint64_t)(p * (double)total + 0.999999);
    uint64_t seen = 0;
    for (int b = 0; b < GIL_WAIT_BUCKETS; b++) {
        seen += s->wait_hist[b];
        if (seen >= rank && s->wait_hist[b] != 0) {
            uint64_t limit = gil_wait_bucket_limit(b);
            return limit < s->max_wait_ns ? limit : s->max_wait_ns;
        }
    }
    return s->max_wait_ns;
}

void gil_track_stats(Gil *gil, GilTrack *track, uint64_t now, GilStats *out, bool *alive) {
    pthread_mutex_lock(&gil->mutex);
    GilThread *t = track->live;
    *alive = t != NULL;
    if (t == NULL) {
        *out = track->final_stats;
    } else {
        *out = t->stats;
        if (gil->holder == t && now > t->held_since_ns) {
            out->hold_ns += now - t->held_since_ns; /* the turn it is in */
        }
    }
    pthread_mutex_unlock(&gil->mutex);
}

uint64_t gil_contended_ns(Gil *gil, uint64_t now) {
    pthread_mutex_lock(&gil->mutex);
    uint64_t ns = gil->contended_ns;
    if (gil->first_waiter != NULL && now > gil->contended_since_ns) {
        ns += now - gil->contended_since_ns;
    }
    pthread_mutex_unlock(&gil->mutex);
    return ns;
}

void gil_thread_destroy(GilThread *t) { pthread_cond_destroy(&t->granted_cond); }

/* ---------------------------------------------------------------- the queue
 * (all helpers below run with gil->mutex held) */

static void enqueue(Gil *gil, GilThread *t, uint64_t now) {
    t->next_waiter = NULL;
    t->granted = false;
    atomic_store_explicit(&t->handed, false, memory_order_relaxed);
    if (gil->last_waiter != NULL) {
        gil->last_waiter->next_waiter = t;
    } else {
        gil->first_waiter = t;
        gil->contended_since_ns = now; /* the queue was empty: contention starts */
    }
    gil->last_waiter = t;
    gil->nwaiting++;
}

static GilThread *dequeue(Gil *gil, uint64_t now) {
    GilThread *t = gil->first_waiter;
    gil->first_waiter = t->next_waiter;
    if (gil->first_waiter == NULL) {
        gil->last_waiter = NULL;
        gil->contended_ns += now - gil->contended_since_ns;
    }
    t->next_waiter = NULL;
    gil->nwaiting--;
    return t;
}

/* Ask the current holder to let go at its next instruction. */
static void request_drop(Gil *gil) {
    GilThread *h = gil->holder;
    if (h != NULL) {
        atomic_store_explicit(&h->drop_requested, true, memory_order_relaxed);
        atomic_store_explicit(&h->budget, 0, memory_order_relaxed);
    }
}

/* Make `t` the holder and wake it (the hand-off). */
static void grant(Gil *gil, GilThread *t) {
    gil->holder = t;
    t->granted = true;
    t->prewake = false;
    atomic_store_explicit(&t->handed, true, memory_order_release);
    pthread_cond_signal(&t->granted_cond);
}

/* Record that `me` stopped holding the GIL at `now`. */
static void account_release(GilThread *me, uint64_t now, SwitchCause cause, BlockKind kind) {
    me->stats.hold_ns += now - me->held_since_ns;
    me->stats.switches[cause]++;
    if (cause == SWITCH_BLOCKING) {
        me->stats.blocking[kind]++;
    }
    giltrace_event(me, now, GEV_HOLD_END, cause, cause == SWITCH_BLOCKING ? kind : BLOCK_OTHER);
}

void gil_account_acquire(Gil *gil, GilThread *me, uint64_t since, uint64_t now, bool queued) {
    uint64_t waited = now - since;
    me->stats.wait_ns += waited;
    if (waited > me->stats.max_wait_ns) {
        me->stats.max_wait_ns = waited;
    }
    me->stats.wait_hist[gil_wait_bucket(waited)]++;
    if (queued) {
        giltrace_event(me, now, GEV_WAIT_END, 0, 0);
    }
    giltrace_event(me, now, GEV_HOLD_BEGIN, 0, 0);
    me->stats.acquisitions++;
    gil->handoffs++;
    me->held_since_ns = now;
    me->prewake_sent = false;
    atomic_store_explicit(&me->drop_requested, false, memory_order_relaxed);
    atomic_store_explicit(&me->budget, gil->checkinterval, memory_order_relaxed);
}

void gil_prewake(Gil *gil, GilThread *me) {
    me->prewake_sent = true;
    pthread_mutex_lock(&gil->mutex);
    GilThread *next = gil->first_waiter;
    if (gil->holder == me && next != NULL && !next->prewake) {
        next->prewake = true;
        pthread_cond_signal(&next->granted_cond);
    }
    pthread_mutex_unlock(&gil->mutex);
}

/* Pre-woken: spin (without the mutex) until the GIL is handed over, for at
 * most GIL_PREWAKE_SPIN_NS. */
static void spin_until_handed(GilThread *me) {
    uint64_t start = gil_now_ns();
    for (unsigned i = 1; !atomic_load_explicit(&me->handed, memory_order_acquire); i++) {
#if defined(__x86_64__) || defined(__i386__)
        __builtin_ia32_pause();
#endif
        if (i % 64 == 0 && gil_now_ns() - start > GIL_PREWAKE_SPIN_NS) {
            return;
        }
    }
}

/* Sleep until `me` has been granted the GIL. Every switch interval without a
 * grant, ask the holder to drop (the polite wait is over). Pre-woken, spin
 * instead of sleeping (see the design note). */
static void wait_for_grant(Gil *gil, GilThread *me) {
    while (!me->granted) {
        if (me->prewake) {
            me->prewake = false;
            pthread_mutex_unlock(&gil->mutex);
            spin_until_handed(me);
            pthread_mutex_lock(&gil->mutex);
            continue;
        }
        struct timespec deadline;
        clock_gettime(CLOCK_MONOTONIC, &deadline);
        uint64_t ns = (uint64_t)deadline.tv_nsec + gil->switch_interval_ns;
        deadline.tv_sec += (time_t)(ns / 1000000000u);
        deadline.tv_nsec = (long)(ns % 1000000000u);
        int rc = pthread_cond_timedwait(&me->granted_cond, &gil->mutex, &deadline);
        if (rc == ETIMEDOUT && !me->granted) {
            request_drop(gil);
        }
    }
}

/* ---------------------------------------------------------------- fair policy */

/* gil_acquire for a thread that stopped holding the GIL at `since` (and
 * is waiting since then). */
static void acquire_from(Gil *gil, GilThread *me, uint64_t since) {
    bool queued = false;
    pthread_mutex_lock(&gil->mutex);
    if (gil->policy != GIL_FAIR) {
        /* py2/py3: no queue order; whoever finds the GIL free takes it. */
        while (gil->holder != NULL) {
            if (!queued) {
                giltrace_event(me, since, GEV_WAIT_BEGIN, 0, 0);
                queued = true;
            }
            enqueue(gil, me, since);
            if (gil->policy == GIL_PY3) {
                wait_for_grant(gil, me); /* times out into a drop request */
            } else {
                while (!me->granted) {
                    pthread_cond_wait(&me->granted_cond, &gil->mutex);
                }
            }
            /* In py2/py3 being woken only means "it was released": the loop
             * condition races for it against everyone else. */
        }
        gil->holder = me;
    } else if (gil->holder == NULL && gil->first_waiter == NULL) {
        gil->holder = me;
    } else {
        giltrace_event(me, since, GEV_WAIT_BEGIN, 0, 0);
        queued = true;
        enqueue(gil, me, since);
        if (me->waking_from_block) {
            request_drop(gil); /* back from I/O: ask for priority (see the note) */
        }
        wait_for_grant(gil, me);
    }
    me->waking_from_block = false;
    gil_account_acquire(gil, me, since, gil_now_ns(), queued);
    pthread_mutex_unlock(&gil->mutex);
}

void gil_acquire(Gil *gil, GilThread *me) {
    if (gil->sched != NULL) {
        sched_gil_acquire(gil, me);
        return;
    }
    uint64_t since = gil_now_ns();
    if (me->waking_from_block) {
        giltrace_event(me, since, GEV_BLOCK_END, 0, 0);
    }
    acquire_from(gil, me, since);
}

/* In py2/py3 a release wakes one waiter, which must still race for the GIL:
 * dequeue it and mark it woken, but leave the GIL free. */
static void release_unordered(Gil *gil, uint64_t now) {
    gil->holder = NULL;
    if (gil->first_waiter != NULL) {
        GilThread *t = dequeue(gil, now);
        t->granted = true;
        pthread_cond_signal(&t->granted_cond);
    }
}

void gil_note_release(GilThread *me, uint64_t now, SwitchCause cause, BlockKind kind) {
    account_release(me, now, cause, kind);
    if (cause == SWITCH_BLOCKING) {
        giltrace_event(me, now, GEV_BLOCK_BEGIN, 0, kind);
    } else if (cause == SWITCH_EXIT && me->track != NULL) {
        /* The thread ends: its record keeps the final counters. */
        giltrace_event(me, now, GEV_THREAD_END, 0, 0);
        me->track->final_stats = me->stats;
        me->track->ended_ns = now;
        me->track->live = NULL;
    }
}

void gil_release(Gil *gil, GilThread *me, SwitchCause cause, BlockKind kind) {
    if (gil->sched != NULL) {
        sched_gil_release(gil, me, cause, kind);
        return;
    }
    pthread_mutex_lock(&gil->mutex);
    uint64_t now = gil_now_ns();
    gil_note_release(me, now, cause, kind);
    if (gil->policy != GIL_FAIR) {
        release_unordered(gil, now);
    } else if (gil->first_waiter != NULL) {
        grant(gil, dequeue(gil, now));
    } else {
        gil->holder = NULL;
    }
    if (cause == SWITCH_BLOCKING) {
        me->waking_from_block = true;
    }
    pthread_mutex_unlock(&gil->mutex);
}

void gil_yield(Gil *gil, GilThread *me) {
    if (gil->sched != NULL) {
        sched_gil_yield(gil, me);
        return;
    }
    bool requested = atomic_load_explicit(&me->drop_requested, memory_order_relaxed);
    if (gil->policy == GIL_PY3 && !requested) {
        /* py3 has no instruction budget: only a waiter's request matters. */
        atomic_store_explicit(&me->budget, gil->checkinterval, memory_order_relaxed);
        return;
    }
    pthread_mutex_lock(&gil->mutex);
    if (gil->first_waiter == NULL) {
        /* Nobody waits: keep the GIL, start a new turn. */
        me->prewake_sent = false;
        atomic_store_explicit(&me->drop_requested, false, memory_order_relaxed);
        atomic_store_explicit(&me->budget, gil->checkinterval, memory_order_relaxed);
        pthread_mutex_unlock(&gil->mutex);
        return;
    }
    uint64_t now = gil_now_ns();
    account_release(me, now, requested ? SWITCH_REQUEST : SWITCH_BUDGET, BLOCK_OTHER);
    if (gil->policy == GIL_PY2) {
        /* Release and immediately compete again: no hand-off (the GIL battle). */
        release_unordered(gil, now);
        pthread_mutex_unlock(&gil->mutex);
        acquire_from(gil, me, now);
        return;
    }
    if (gil->policy == GIL_PY3) {
        /* Release, then wait until another thread has taken it (forced
         * switching), then compete for it like any waiter. "Taken" is read
         * from the hand-off counter, not from `holder`: the other thread may
         * take the GIL and give it back before this one looks. */
        uint64_t handoffs = gil->handoffs;
        release_unordered(gil, now);
        while (gil->handoffs == handoffs) {
            pthread_mutex_unlock(&gil->mutex);
            sched_yield();
            pthread_mutex_lock(&gil->mutex);
        }
        pthread_mutex_unlock(&gil->mutex);
        acquire_from(gil, me, now); /* its wait began when it let go */
        return;
    }
    /* fair: hand the GIL to the longest waiter, then queue behind everyone. */
    grant(gil, dequeue(gil, now));
    giltrace_event(me, now, GEV_WAIT_BEGIN, 0, 0);
    enqueue(gil, me, now);
    wait_for_grant(gil, me);
    gil_account_acquire(gil, me, now, gil_now_ns(), true);
    pthread_mutex_unlock(&gil->mutex);
}
