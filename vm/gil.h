/* gil.h: the Global Interpreter Lock. See the design note at the top of gil.c. */
#ifndef GILPY_GIL_H
#define GILPY_GIL_H

#include <pthread.h>
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
} GilStats;

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
    uint64_t held_since_ns;      /* when it last obtained the GIL */
    GilStats stats;
    void *owner;                 /* the ThreadState (for gil.holder(), debugging) */
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
} Gil;

/* Create the GIL (free, nobody waiting) with the given policy and budget. */
void gil_init(Gil *gil, GilPolicy policy, int32_t checkinterval);
void gil_destroy(Gil *gil);

void gil_thread_init(GilThread *t, void *owner);
void gil_thread_destroy(GilThread *t);

/* Block until `me` holds the GIL. */
void gil_acquire(Gil *gil, GilThread *me);
/* Give the GIL up (to the longest waiter, if any). `cause` and `kind` are
 * recorded in me's statistics. */
void gil_release(Gil *gil, GilThread *me, SwitchCause cause, BlockKind kind);
/* The budget ran out or a drop was requested: if another thread waits, hand
 * the GIL to it and queue behind it; otherwise keep running. Refills the budget. */
void gil_yield(Gil *gil, GilThread *me);

/* The eval loop's per-instruction check: a decrement and a branch. */
static inline bool gil_budget_spent(GilThread *me) {
    int32_t b = atomic_load_explicit(&me->budget, memory_order_relaxed) - 1;
    atomic_store_explicit(&me->budget, b, memory_order_relaxed);
    return b <= 0;
}

uint64_t gil_now_ns(void);

#endif /* GILPY_GIL_H */
