/* threads.c: Python threads. Each is a POSIX thread with its own ThreadState
 * (frame stack, pending exception, place in the GIL queue); it runs Python
 * only while it holds the GIL (vm/gil.c). Also the release/re-acquire pair
 * around blocking calls, and what happens to threads at exit. */
#include "threads.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "deadlock.h"
#include "dict.h"
#include "errors.h"
#include "eval.h"
#include "exceptions.h"
#include "frame.h"
#include "gilreport.h"
#include "giltrace.h"
#include "sched.h"
#include "interp.h"
#include "memory.h"
#include "int.h"
#include "iter.h"
#include "str.h"
#include "tuple.h"
#include "vm.h"

enum {
    DEFAULT_CHECK_INTERVAL = 100000,    /* see the design note in gil.c */
    THREAD_STACK_SIZE = 8 * 1024 * 1024 /* like the main thread's usual limit */
};

static VMInterp *current_vm_interp(void) { return vm_interp(ts_current()->interp); }

Gil *threads_gil(void) { return &current_vm_interp()->gil; }

GilThread *threads_gil_thread(ThreadState *ts) { return &vm_thread(ts)->gil; }

uint64_t threads_get_ident(void) { return (uint64_t)pthread_self(); }

uint64_t threads_get_native_id(void) { return (uint64_t)syscall(SYS_gettid); }

int threads_count(void) { return current_vm_interp()->nthreads; }

/* ================================================================ debug check */

#ifdef GILPY_DEBUG
/* Installed as obj_gil_check_hook: is the calling thread the GIL's holder? */
static bool this_thread_holds_gil(void) {
    ThreadState *ts = ts_current();
    if (ts == NULL || ts->vm == NULL || ts->interp == NULL || ts->interp->vm == NULL) {
        return true; /* start-up, before threads exist */
    }
    Gil *gil = &vm_interp(ts->interp)->gil;
    /* Reading holder without the mutex is fine for this check: only the
     * holder itself can make it point at the calling thread. */
    return __atomic_load_n(&gil->holder, __ATOMIC_RELAXED) == &vm_thread(ts)->gil;
}
#endif

/* ================================================================ set-up */

int threads_init(Interpreter *interp, ThreadState *main_ts, const VMConfig *config) {
    VMInterp *vi = vm_interp(interp);
    int32_t interval = config != NULL && config->check_interval > 0 ? config->check_interval
                                                                    : DEFAULT_CHECK_INTERVAL;
    GilPolicy policy = config != NULL ? config->gil_policy : GIL_FAIR;
    gil_init(&vi->gil, policy, interval);
    deadlock_watch_init(&vi->deadlock);
    vi->gil_stats = config != NULL && config->gil_stats;
    if (config != NULL) {
        vi->gil.trace_file = config->gil_trace_file;
        vi->gil.timeline_file = config->gil_timeline_file;
        vi->gil.tracing = config->gil_trace_file != NULL || config->gil_timeline_file != NULL;
        if (vi->gil.tracing && getenv("GILPY_GILTRACE_ROOT") == NULL) {
            /* Children will know they are children (see vm/gilreport.c). */
            char pid[32];
            snprintf(pid, sizeof pid, "%ld", (long)getpid());
            setenv("GILPY_GILTRACE_ROOT", pid, 1);
        }
    }
    vi->main_thread = main_ts;
    VMThread *vt = vm_thread(main_ts);
    gil_thread_init(&vt->gil, main_ts);
    if (config != NULL && config->sched) {
        sched_start(&vi->gil, config->sched_seed, &vt->gil);
    }
    vt->ident = threads_get_ident();
    vt->native_id = threads_get_native_id();
    gil_thread_register(&vi->gil, &vt->gil, vt->ident, vt->native_id);
    gil_acquire(&vi->gil, &vt->gil);
#ifdef GILPY_DEBUG
    obj_gil_check_hook = this_thread_holds_gil;
#endif
    return 0;
}

/* ================================================================ blocking calls */

/* A thread that finds the interpreter being torn down must never run Python
 * again: it gives the GIL back and ends without touching any object. */
static void stop_if_finalizing(ThreadState *ts) {
    VMInterp *vi = vm_interp(ts->interp);
    if (atomic_load(&vi->finalizing) && ts != vi->main_thread) {
        gil_release(&vi->gil, &vm_thread(ts)->gil, SWITCH_EXIT, BLOCK_OTHER);
        pthread_exit(NULL);
    }
}

ThreadState *threads_blocking_begin(BlockKind kind) {
    ThreadState *ts = ts_current();
    VMInterp *vi = vm_interp(ts->interp);
    gil_release(&vi->gil, &vm_thread(ts)->gil, SWITCH_BLOCKING, kind);
    return ts;
}

void threads_blocking_end(ThreadState *ts) {
    VMInterp *vi = vm_interp(ts->interp);
    gil_acquire(&vi->gil, &vm_thread(ts)->gil);
    stop_if_finalizing(ts);
}

ThreadState *threads_write_begin(void) {
    return threads_scheduled() ? NULL : threads_blocking_begin(BLOCK_IO);
}

void threads_write_end(ThreadState *ts) {
    if (ts != NULL) {
        threads_blocking_end(ts);
    }
}

/* ================================================================ -X sched */

bool threads_scheduled(void) { return current_vm_interp()->gil.sched != NULL; }

int threads_sched_wait(sem_t *sem, double timeout, BlockKind kind) {
    ThreadState *ts = ts_current();
    VMInterp *vi = vm_interp(ts->interp);
    int64_t timeout_ns = timeout < 0 ? -1 : timeout > 9e18 / 1e9 ? INT64_MAX : (int64_t)(timeout * 1e9);
    int rc = sched_wait(&vi->gil, &vm_thread(ts)->gil, sem, timeout_ns, kind);
    if (rc == -2) {
        deadlock_report_and_exit(ts);
    }
    stop_if_finalizing(ts);
    if (rc == -1) {
        threads_check_interrupt(); /* raises the pending KeyboardInterrupt */
        return err_occurred() != NULL ? -1 : 0;
    }
    return rc;
}

bool threads_virtual_clock(uint64_t *monotonic_ns, uint64_t *wall_ns) {
    Sched *s = current_vm_interp()->gil.sched;
    if (s == NULL) {
        return false;
    }
    *monotonic_ns = s->now_ns;
    *wall_ns = s->wall_start_ns + s->now_ns;
    return true;
}

int threads_check_interrupt(void) {
    ThreadState *ts = ts_current();
    if (vm_thread(ts)->is_main && eval_take_sigint()) {
        err_set_none(&ExcKeyboardInterrupt);
        return -1;
    }
    /* Other signals with a Python handler (signal module) run it now, as
     * CPython's PyErr_CheckSignals does: an alarm handler that raises ends
     * a time.sleep() or a lock wait. */
    if (vm_thread(ts)->is_main && eval_signal_hook != NULL &&
        atomic_exchange(&eval_signals_pending, 0)) {
        return eval_signal_hook();
    }
    return 0;
}

void threads_interrupt_main(void) { eval_request_sigint(); }

/* ================================================================ starting threads */

typedef struct ThreadStart {
    ThreadState *ts;
    Object *func, *args, *kwargs; /* strong references, dropped by the new thread */
} ThreadStart;

/* Call func(*args, **kwargs) in the new thread; report an uncaught exception
 * the way CPython's _thread does (threading.Thread handles its own). */
static void run_thread_function(ThreadStart *start) {
    Object *args = start->args;
    Object *kwnames = NULL;
    size_t npos = tuple_size(args), nkw = 0;
    Object **argv = NULL;
    if (start->kwargs != NULL) {
        nkw = dict_size(start->kwargs);
    }
    if (nkw != 0) {
        argv = mem_alloc_array(npos + nkw + 1, sizeof(Object *));
        kwnames = argv != NULL ? tuple_new(nkw) : NULL;
    }
    Object *result = NULL;
    if (nkw == 0) {
        /* The common case needs no array: the tuple's items are the args
         * (and nothing is left only on this stack if a fork forgets us). */
        result = obj_call(start->func, ((TupleObject *)args)->items, npos, NULL);
    } else if (argv != NULL && kwnames != NULL) {
        for (size_t i = 0; i < npos; i++) {
            argv[i] = tuple_get(args, i);
        }
        size_t pos = 0, k = 0;
        Object *key, *value;
        while (nkw != 0 && dict_next(start->kwargs, &pos, &key, &value)) {
            tuple_init_item(kwnames, k, NEWREF(key));
            argv[npos + k] = value;
            k++;
        }
        result = obj_call(start->func, argv, npos, kwnames);
    }
    mem_free(argv);
    XDECREF(kwnames);
    if (result != NULL) {
        DECREF(result);
        return;
    }
    Object *exc = err_fetch();
    if (exc == NULL || obj_is_instance_of(exc, &ExcSystemExit)) {
        XDECREF(exc);
        return;
    }
    Object *header = str_from_format("Exception ignored in thread started by: %R\n", start->func);
    Object *err = dict_get_cstr(ts_current()->interp->sysdict, "stderr");
    if (header != NULL && err != NULL) {
        Object *r = obj_call_method(err, "write", &header, 1);
        XDECREF(r);
        err_clear();
    }
    XDECREF(header);
    vm_print_exception(exc);
    DECREF(exc);
}

/* The body of every thread gilpy starts. */
static void *thread_main(void *arg) {
    ThreadStart *start = arg;
    ThreadState *ts = start->ts;
    VMInterp *vi = vm_interp(ts->interp);
    VMThread *vt = vm_thread(ts);

    /* Only the main thread handles Ctrl-C (as in CPython). */
    sigset_t block;
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    pthread_sigmask(SIG_BLOCK, &block, NULL);

    char probe;
    ts->c_stack_limit = (uintptr_t)&probe - (THREAD_STACK_SIZE - 256 * 1024);
    ts_set_current(ts);
    vt->ident = threads_get_ident();
    vt->native_id = threads_get_native_id();
    gil_thread_register(&vi->gil, &vt->gil, vt->ident, vt->native_id);
    gil_acquire(&vi->gil, &vt->gil);
    stop_if_finalizing(ts);

    run_thread_function(start);
    gilreport_remember_name(ts, start->func);
    DECREF(start->func);
    DECREF(start->args);
    XDECREF(start->kwargs);
    mem_free(start);

    /* Unlink this thread state, then hand the GIL on for the last time. */
    ThreadState **link = &ts->interp->threads;
    while (*link != NULL && *link != ts) {
        link = &(*link)->next;
    }
    if (*link == ts) {
        *link = ts->next;
    }
    vi->nthreads--;
    CLEAR(vt->local_dicts);
    err_clear();
    CLEAR(ts->handled_exception);
    gil_release(&vi->gil, &vt->gil, SWITCH_EXIT, BLOCK_OTHER);
    /* Nothing below may touch Python objects: the GIL is gone. Freeing raw
     * memory is fine (malloc has its own lock). */
    gil_thread_destroy(&vt->gil);
    iter_thread_cleanup();
    frame_thread_fini(ts);
    free(ts);
    ts_set_current(NULL);
    return NULL;
}

int64_t threads_start(Object *func, Object *args, Object *kwargs) {
    ThreadState *parent = ts_current();
    Interpreter *interp = parent->interp;
    VMInterp *vi = vm_interp(interp);
    if (atomic_load(&vi->finalizing)) {
        err_format(&ExcRuntimeError, "can't create new thread at interpreter shutdown");
        return -1;
    }
    ThreadState *ts = calloc(1, sizeof(ThreadState));
    ThreadStart *start = mem_alloc(sizeof(ThreadStart));
    if (ts == NULL || start == NULL || frame_thread_init(ts) < 0) {
        free(ts);
        mem_free(start);
        if (!err_occurred()) {
            err_no_memory();
        }
        return -1;
    }
    ts->interp = interp;
    gil_thread_init(&vm_thread(ts)->gil, ts);
    if (vi->gil.sched != NULL) {
        sched_add_thread(&vi->gil, &vm_thread(ts)->gil); /* its place: creation order */
    }
    start->ts = ts;
    start->func = NEWREF(func);
    start->args = NEWREF(args);
    start->kwargs = kwargs != NULL ? NEWREF(kwargs) : NULL;

    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, THREAD_STACK_SIZE);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_t tid;
    int rc = pthread_create(&tid, &attr, thread_main, start);
    pthread_attr_destroy(&attr);
    if (rc != 0) {
        if (vi->gil.sched != NULL) {
            sched_remove_thread(&vi->gil, &vm_thread(ts)->gil);
        }
        DECREF(start->func);
        DECREF(start->args);
        XDECREF(start->kwargs);
        mem_free(start);
        gil_thread_destroy(&vm_thread(ts)->gil);
        frame_thread_fini(ts);
        free(ts);
        err_format(&ExcRuntimeError, "can't start new thread");
        return -1;
    }
    /* Link it in now (we hold the GIL), so _count() and enumerate see it. */
    ts->next = interp->threads;
    interp->threads = ts;
    vi->nthreads++;
    return (int64_t)(uint64_t)tid;
}

/* ================================================================ fork */

void threads_after_fork_child(void) {
    ThreadState *ts = ts_current();
    Interpreter *interp = ts->interp;
    VMInterp *vi = vm_interp(interp);
    VMThread *vt = vm_thread(ts);
    /* Another thread may have held the GIL's mutex, or waited on its own
     * condition variable, at the instant of the fork: those threads are gone
     * and their locks are garbage. Build the GIL again from scratch, with the
     * same policy and intervals, and take it (nobody else can want it). */
    GilPolicy policy = vi->gil.policy;
    int32_t interval = vi->gil.checkinterval;
    uint64_t switch_interval = vi->gil.switch_interval_ns;
    bool tracing = vi->gil.tracing;
    const char *trace_file = vi->gil.trace_file, *timeline_file = vi->gil.timeline_file;
    GilTrack *parent_tracks = vi->gil.tracks;
    struct Sched *sched = vi->gil.sched;
    gil_init(&vi->gil, policy, interval);
    deadlock_watch_init(&vi->deadlock); /* its mutex may have been held too */
    giltrace_free_tracks(parent_tracks);
    vi->gil.switch_interval_ns = switch_interval;
    /* The child starts a report of its own (the parent's tracks stay with the
     * parent); giltrace files get the child's pid (see threads_finalize). */
    vi->gil.tracing = tracing;
    vi->gil.trace_file = trace_file;
    vi->gil.timeline_file = timeline_file;
    gil_thread_init(&vt->gil, ts);
    if (sched != NULL) {
        vi->gil.sched = sched;
        sched_after_fork(&vi->gil, &vt->gil); /* the schedule goes on in the child */
    }
    gil_thread_register(&vi->gil, &vt->gil, threads_get_ident(), threads_get_native_id());
    gil_acquire(&vi->gil, &vt->gil);
    /* Forget the other threads. Their frames still own references, which
     * simply leak (CPython does the same); only their raw memory is freed.
     * The original main thread's state belongs to vm_create/vm_destroy, so
     * it is only unlinked. */
    bool was_main = ts == vi->main_thread;
    ThreadState *t = interp->threads;
    while (t != NULL) {
        ThreadState *next = t->next;
        if (t != ts && t != vi->main_thread) {
            /* Keep it on a list rather than freeing its stack: what its
             * frames refer to stays reachable (leaked on purpose, as in
             * CPython, but never dangling). */
            t->next = vi->forked_away;
            vi->forked_away = t;
        } else if (t != ts) {
            vm_thread(t)->is_main = false;
        }
        t = next;
    }
    ts->next = NULL;
    interp->threads = ts;
    vi->nthreads = was_main ? 0 : 1;
    vi->main_thread = ts;
    vt->is_main = true;
    vt->ident = threads_get_ident();
    vt->native_id = threads_get_native_id();
    if (!was_main) {
        /* Threads started by _thread block SIGINT; the new main thread takes it. */
        sigset_t unblock;
        sigemptyset(&unblock);
        sigaddset(&unblock, SIGINT);
        pthread_sigmask(SIG_UNBLOCK, &unblock, NULL);
    }
}

/* ================================================================ exit */

void threads_finalize(Interpreter *interp) {
    VMInterp *vi = vm_interp(interp);
    atomic_store(&vi->finalizing, true);
    gilreport_at_exit(interp, vi->gil_stats); /* -X gilstats, giltrace, giltimeline */
}

/* ================================================================ the eval breaker */

int32_t threads_tick(ThreadState *ts, int32_t used) {
    VMThread *vt = vm_thread(ts);
    GilThread *gt = &vt->gil;
    VMInterp *vi = vm_interp(ts->interp);
    gt->stats.instructions += (uint64_t)used;
    if (vi->gil.sched != NULL) {
        sched_charge(vi->gil.sched, used);
    }
    int32_t left = atomic_load_explicit(&gt->budget, memory_order_relaxed) - used;
    if (left <= 0 || atomic_load_explicit(&gt->drop_requested, memory_order_relaxed)) {
        gil_yield(&vi->gil, gt); /* hands over only if someone waits; refills the budget */
        stop_if_finalizing(ts);
        left = atomic_load_explicit(&gt->budget, memory_order_relaxed);
    } else {
        atomic_store_explicit(&gt->budget, left, memory_order_relaxed);
        if (left <= GIL_PREWAKE_LEAD && !gt->prewake_sent && vi->gil.policy == GIL_FAIR &&
            vi->gil.sched == NULL) {
            gil_prewake(&vi->gil, gt); /* the turn ends soon: get the next thread ready */
        }
    }
    if (left > THREADS_TICK_MAX) {
        left = THREADS_TICK_MAX;
    }
    return left > 0 ? left : 1;
}
