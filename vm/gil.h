/* gil.h: the Global Interpreter Lock. See the design note at the top of gil.c. */
#ifndef GILPY_GIL_H
#define GILPY_GIL_H

#include <pthread.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

/* Why the GIL changed hands (counted per thread, shown by -X gilstats). */
typedef enum SwitchCause {
    SWITCH_BUDGET,   /* the holder ran its budget of N instructions and a thread was waiting */
    SWITCH_REQUEST,  /* a waiter asked the holder to drop: it waited a switch interval, or
                      * it came back from a blocking call (fair policy) */
    SWITCH_BLOCKING, /* the holder entered a blocking call (sleep, lock, I/O, join...) */
    SWITCH_EXIT,     /* the holder's thread finished */
    SWITCH_CAUSE_COUNT
} SwitchCause;

/* What kind of blocking call released the GIL (SWITCH_BLOCKING's detail). */
typedef enum BlockKind {
    BLOCK_SLEEP,
    BLOCK_LOCK, /* lock, condition, semaphore, queue waits */
    BLOCK_IO,   /* file, pipe, socket, terminal */
    BLOCK_JOIN, /* Thread.join, waitpid */
    BLOCK_OTHER,
    BLOCK_KIND_COUNT
} BlockKind;

/* The GIL policies of `-X gil=NAME` (the fair one is the default). */
typedef enum GilPolicy {
    GIL_FAIR, /* hand-off to the longest waiter; wakers from blocking calls ask for a drop */
    GIL_PY2,  /* Python 2: release and immediately re-acquire every N; no hand-off */
    GIL_PY3,  /* CPython 3.2+: waiters ask for a drop after the switch interval */
} GilPolicy;

/* Waits are counted in a log-linear histogram (4 buckets per power of two,
 * so a percentile read from it is within 25%): bucket of a wait, and the
 * largest wait a bucket holds. */
enum { GIL_WAIT_BUCKETS = 176 };
int gil_wait_bucket(uint64_t ns);
uint64_t gil_wait_bucket_limit(int bucket);

/* Per-thread counters. Written only by their own thread while it holds the
 * GIL (or inside gil_acquire/gil_release under the GIL's mutex). */
typedef struct GilStats {
    uint64_t instructions;  /* bytecode instructions executed */
    uint64_t acquisitions;  /* times this thread obtained the GIL */
    uint64_t hold_ns;       /* total time holding the GIL */
    uint64_t wait_ns;       /* total time waiting for it */
    uint64_t max_wait_ns;   /* longest single wait */
    uint64_t switches[SWITCH_CAUSE_COUNT]; /* times this thread gave it away, by cause */
    uint64_t blocking[BLOCK_KIND_COUNT];   /* SWITCH_BLOCKING broken down by kind */
    uint32_t wait_hist[GIL_WAIT_BUCKETS];  /* every acquisition's wait, for percentiles */
} GilStats;

/* The wait (ns) below which a fraction p (0..1) of the acquisitions fall. */
uint64_t gil_stats_wait_percentile(const GilStats *s, double p);

struct GilEventChunk; /* vm/giltrace.c */

/* One thread's record in the GIL, kept after the thread ends so that the exit
 * report and the trace cover every thread. Created by gil_thread_register,
 * never freed while the interpreter lives. */
typedef struct GilTrack {
    struct GilTrack *next;   /* every track of the interpreter, newest first (Gil.mutex) */
    struct GilThread *live;  /* the thread, or NULL once it has ended (Gil.mutex) */
    GilStats final_stats;    /* its counters, copied when it ended (Gil.mutex) */
    uint64_t ident;          /* threading.get_ident() */
    uint64_t native_id;      /* the kernel's thread id (the trace's tid) */
    uint64_t ended_ns;       /* when it gave the GIL up for the last time; 0: running */
    char name[64];           /* as threading names it; filled while holding the GIL */
    /* The event log (-X giltrace, -X giltimeline): chunks written only by
     * the thread itself, read by the exit report (see giltrace.c). */
    struct GilEventChunk *_Atomic first_chunk;
    struct GilEventChunk *last_chunk; /* the writer's current chunk */
} GilTrack;

/* A thread's place in the replayable scheduler (-X sched, vm/sched.c);
 * guarded by Gil.mutex. */
typedef struct SchedSlot {
    struct GilThread *next; /* the next thread in creation order */
    int state;              /* what it is doing (sched.c) */
    sem_t *sem;             /* the lock or queue it waits for, or NULL */
    uint64_t wake_ns;       /* virtual time its sleep or timed wait ends; 0: none */
} SchedSlot;

/* One thread's link to the GIL: its place in the wait queue and its budget. */
typedef struct GilThread {
    pthread_cond_t granted_cond; /* signalled when the GIL is handed to this thread */
    bool granted;                /* the hand-off happened (guarded by Gil.mutex) */
    struct GilThread *next_waiter; /* FIFO link (guarded by Gil.mutex) */
    /* Instructions left before this thread must offer the GIL. The eval loop
     * decrements it at every instruction; another thread may set it to 0 (a
     * drop request), which is why it is atomic (relaxed loads and stores
     * compile to plain moves). */
    _Atomic int32_t budget;
    atomic_bool drop_requested;  /* another thread asked this one to let go */
    bool waking_from_block;      /* returning from a blocking call (asks for priority) */
    /* The pre-wake (see gil.c): the holder told this waiter, first in line,
     * that the GIL comes soon (Gil.mutex); `handed` mirrors `granted` so
     * that it can spin on it without the mutex; `prewake_sent` tells whether
     * this thread, as holder, has told its successor this turn (own thread). */
    bool prewake;
    atomic_bool handed;
    bool prewake_sent;
    uint64_t held_since_ns;      /* when it last obtained the GIL */
    GilStats stats;
    void *owner;                 /* the ThreadState (for gil.holder(), debugging) */
    GilTrack *track;             /* its lasting record (NULL until gil_thread_register) */
    bool tracing;                /* record events into track (copy of Gil.tracing) */
    SchedSlot sched;             /* under -X sched only */
} GilThread;

typedef struct Gil {
    pthread_mutex_t mutex;   /* protects the fields below and every GilThread.granted */
    GilThread *holder;       /* the thread that holds the GIL, or NULL when it is free */
    GilThread *first_waiter; /* the FIFO of threads waiting for it (oldest first) */
    GilThread *last_waiter;
    int nwaiting;            /* length of that queue */
    GilPolicy policy;
    int32_t checkinterval;   /* N: the instruction budget of a turn */
    uint64_t switch_interval_ns; /* sys.setswitchinterval: longest polite wait */
    uint64_t started_ns;     /* when the GIL was created (for shares of time) */
    uint64_t contended_ns;   /* total time during which some thread was waiting */
    uint64_t contended_since_ns; /* when the queue last became non-empty */
    uint64_t handoffs;       /* how many times a thread obtained the GIL */
    GilTrack *tracks;        /* every thread's record, live or ended, newest first */
    bool tracing;            /* -X giltrace / giltimeline: threads log events (giltrace.h) */
    const char *trace_file;    /* -X giltrace=FILE (written at exit), or NULL */
    const char *timeline_file; /* -X giltimeline=FILE, or NULL */
    struct Sched *sched;       /* -X sched=SEED: the replayable scheduler (vm/sched.c), or NULL */
} Gil;

/* Create the GIL (free, nobody waiting) with the given policy and budget. */
void gil_init(Gil *gil, GilPolicy policy, int32_t checkinterval);
void gil_destroy(Gil *gil);

void gil_thread_init(GilThread *t, void *owner);
void gil_thread_destroy(GilThread *t);
/* Give `t` its lasting record (GilTrack) in `gil`, once its thread ids are
 * known; call before its first gil_acquire. Returns false if out of memory
 * (the thread then runs unrecorded). */
bool gil_thread_register(Gil *gil, GilThread *t, uint64_t ident, uint64_t native_id);
/* A consistent copy of a track's counters at `now` (a holder's current turn
 * included in hold_ns). *alive tells whether its thread still runs. */
void gil_track_stats(Gil *gil, GilTrack *track, uint64_t now, GilStats *out, bool *alive);
/* Time some thread has been waiting for the GIL, up to `now`. */
uint64_t gil_contended_ns(Gil *gil, uint64_t now);

/* Block until `me` holds the GIL. (After a blocking call, the trace shows
 * the call's end here: see threads_blocking_end.) */
void gil_acquire(Gil *gil, GilThread *me);
/* Give the GIL up (to the longest waiter, if any). `cause` and `kind` are
 * recorded in me's statistics. */
void gil_release(Gil *gil, GilThread *me, SwitchCause cause, BlockKind kind);
/* The budget ran out or a drop was requested: if another thread waits, hand
 * the GIL to it and queue behind it; otherwise keep running. Refills the budget. */
void gil_yield(Gil *gil, GilThread *me);

/* The holder is near the end of its budget: wake the first waiter now so
 * that it is on a CPU, spinning, when the hand-off comes (fair policy). */
void gil_prewake(Gil *gil, GilThread *me);

/* Instructions before the end of a turn at which the holder pre-wakes its
 * successor, and how long that successor spins at most. */
enum { GIL_PREWAKE_LEAD = 10000, GIL_PREWAKE_SPIN_NS = 300000 };

/* The eval loop's per-instruction check: a decrement and a branch. */
static inline bool gil_budget_spent(GilThread *me) {
    int32_t b = atomic_load_explicit(&me->budget, memory_order_relaxed) - 1;
    atomic_store_explicit(&me->budget, b, memory_order_relaxed);
    return b <= 0;
}

uint64_t gil_now_ns(void);

/* The bookkeeping of every hand-off, shared with vm/sched.c (call with
 * Gil.mutex held): `me` stopped holding the GIL at `now` for `cause`
 * (statistics, trace events, a thread's final record), and `me` obtained it
 * at `now` after waiting since `since` (`queued`: it waited as a waiter). */
void gil_note_release(GilThread *me, uint64_t now, SwitchCause cause, BlockKind kind);
void gil_account_acquire(Gil *gil, GilThread *me, uint64_t since, uint64_t now, bool queued);

#endif /* GILPY_GIL_H */
