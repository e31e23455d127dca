/* deadlock.c: when every thread of the program waits for a lock, a join, a
 * queue or an event, with no timeout, and no thread is left that could end
 * those waits, the program can never go on. CPython just hangs; gilpy says
 * "Deadlock detected:", shows who waits for what, who holds it, each
 * thread's stack and the cycle, and exits with status 3.
 *
 * HOW IT KNOWS. Only untimed waits on this process's own locks count (lock
 * and RLock acquires, SimpleQueue.get: threading's Condition, Event,
 * Semaphore, Barrier, Thread.join and queue.Queue are all built on them).
 * Each such wait is recorded in the thread's DeadlockWait while it lasts,
 * and sleeps in slices of DEADLOCK_SLICE_NS; after each slice the thread runs
 * deadlock_check, which reports a deadlock only when all of this holds:
 *   - nobody holds the GIL or queues for it (nobody runs Python);
 *   - every thread of the interpreter is in such a wait, on a semaphore
 *     that nobody has posted (a posted one means a wake-up under way);
 *   - that has stayed so, with no wait starting or ending anywhere (the
 *     generation counter), for DEADLOCK_CONFIRM_NS;
 *   - no alarm is set (a SIGALRM handler could still end a wait).
 * A wait can only be ended by a thread that runs, and no thread ran, so
 * none ever will. A thread sleeping, in I/O, in a timed wait or in a wait on
 * a multiprocessing lock (another process may release it) is not in such a
 * wait, so a program with one is never reported. */
#include "deadlock.h"

#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

#include "dict.h"
#include "errors.h"
#include "eval.h"
#include "frame.h"
#include "function.h"
#include "gilreport.h"
#include "interp.h"
#include "module.h"
#include "str.h"
#include "threads.h"
#include "traceback.h"

void deadlock_watch_init(DeadlockWatch *w) {
    pthread_mutex_init(&w->mutex, NULL);
    w->generation = 0;
    w->all_waiting = false;
    w->seen_generation = 0;
    w->seen_since_ns = 0;
}

/* At the interactive prompt a deadlock should not end the session: after
 * the report, the main thread's wait is interrupted as by Ctrl-C, and the
 * prompt comes back (the other stuck threads stay stuck). */
static bool interactive;

void deadlock_set_interactive(bool on) { interactive = on; }

static void report_and_interrupt_main(ThreadState *me);

static DeadlockWatch *watch_of(ThreadState *ts) { return &vm_interp(ts->interp)->deadlock; }

void deadlock_wait_begin(ThreadState *ts, sem_t *sem, Object *lock, const uint64_t *owner) {
    DeadlockWatch *w = watch_of(ts);
    pthread_mutex_lock(&w->mutex);
    vm_thread(ts)->deadlock_wait = (DeadlockWait){sem, lock, owner};
    w->generation++;
    pthread_mutex_unlock(&w->mutex);
}

void deadlock_wait_end(ThreadState *ts) {
    DeadlockWatch *w = watch_of(ts);
    pthread_mutex_lock(&w->mutex);
    vm_thread(ts)->deadlock_wait = (DeadlockWait){NULL, NULL, NULL};
    w->generation++;
    pthread_mutex_unlock(&w->mutex);
}

/* Is a SIGALRM on its way (alarm(), setitimer)? Its handler could end a wait. */
static bool alarm_pending(void) {
    struct itimerval timer;
    return getitimer(ITIMER_REAL, &timer) == 0 &&
           (timer.it_value.tv_sec != 0 || timer.it_value.tv_usec != 0);
}

/* Is every thread in an untimed wait on an unposted semaphore? (Called with
 * the GIL's mutex held and the GIL free, so the thread list cannot change.) */
static bool every_thread_waits(Interpreter *interp) {
    for (ThreadState *t = interp->threads; t != NULL; t = t->next) {
        sem_t *sem = vm_thread(t)->deadlock_wait.sem;
        int value = 0;
        if (sem == NULL || sem_getvalue(sem, &value) != 0 || value > 0) {
            return false;
        }
    }
    return interp->threads != NULL;
}

void deadlock_check(ThreadState *ts) {
    VMInterp *vi = vm_interp(ts->interp);
    DeadlockWatch *w = &vi->deadlock;
    if (atomic_load(&vi->finalizing) || alarm_pending()) {
        return;
    }
    bool confirmed = false;
    pthread_mutex_lock(&vi->gil.mutex);
    pthread_mutex_lock(&w->mutex);
    bool idle = vi->gil.holder == NULL && vi->gil.first_waiter == NULL;
    uint64_t now = gil_now_ns();
    if (!idle || !every_thread_waits(ts->interp)) {
        w->all_waiting = false;
    } else if (!w->all_waiting || w->seen_generation != w->generation) {
        w->all_waiting = true;
        w->seen_generation = w->generation;
        w->seen_since_ns = now;
    } else {
        confirmed = now - w->seen_since_ns >= DEADLOCK_CONFIRM_NS;
    }
    pthread_mutex_unlock(&w->mutex);
    pthread_mutex_unlock(&vi->gil.mutex);
    if (confirmed) {
        /* Nobody else can run: take the GIL to read everyone's frames. */
        threads_blocking_end(ts);
        if (!interactive) {
            deadlock_report_and_exit(ts);
        }
        report_and_interrupt_main(ts);
        w->all_waiting = false;
        threads_blocking_begin(BLOCK_LOCK); /* and back to waiting */
    }
}

/* ================================================================ the report */

/* One thread of the report. */
typedef struct Waiter {
    ThreadState *ts;
    Object *name;     /* str: as threading names it */
    Frame *user;      /* innermost frame of the program's own code, or NULL */
    Frame *library;   /* the stdlib frame that frame called (Thread.join...), or NULL */
    char *lock_name;  /* how the program calls the lock it waits for (malloc'd) */
    int holder;       /* index of the thread holding that lock, or -1 */
    bool joining;     /* it waits in Thread.join() for its holder to finish */
} Waiter;

/* The directory threading.py was loaded from: frames of code from there
 * are the library's, the others the program's. */
static Object *library_dir(Interpreter *interp) {
    Object *threading = dict_get_cstr(interp->modules, "threading");
    Object *file = threading != NULL && obj_is_instance_of(threading, &ModuleType)
                       ? dict_get_cstr(module_dict(threading), "__file__")
                       : NULL;
    if (file == NULL || !obj_is_instance_of(file, &StrType)) {
        return NULL;
    }
    const char *path = str_utf8(file);
    const char *slash = strrchr(path, '/');
    return slash != NULL ? str_from_utf8(path, (size_t)(slash - path + 1)) : NULL;
}

static bool in_library(Frame *f, Object *libdir) {
    if (libdir == NULL) {
        return false;
    }
    const char *file = str_utf8(f->code->filename);
    return strncmp(file, str_utf8(libdir), strlen(str_utf8(libdir))) == 0;
}

static bool is_thread_run(Frame *f) {
    return strcmp(str_utf8(f->code->qualname), "Thread.run") == 0;
}

/* The innermost frame of the program's code, and the library frame it
 * called; for a thread whose target is a library function (Thread(target=
 * q.get)), no program frame and that function. */
static void find_user_frame(Waiter *w, Object *libdir) {
    Frame *called = NULL;
    for (Frame *f = w->ts->frame; f != NULL; f = f->previous) {
        if (!in_library(f, libdir) || is_thread_run(f)) {
            w->user = in_library(f, libdir) ? NULL : f;
            w->library = called;
            return;
        }
        called = f;
    }
}

/* The name under which `dict` holds `target` (skipping dunders), or NULL. */
static Object *name_in_dict(Object *dict, Object *target) {
    size_t pos = 0;
    Object *key, *value;
    while (dict != NULL && dict_next(dict, &pos, &key, &value)) {
        if (value == target && obj_is_instance_of(key, &StrType) &&
            strncmp(str_utf8(key), "__", 2) != 0) {
            return key;
        }
    }
    return NULL;
}

/* The instance dict of v, if it has one. */
static Object *instance_dict(Object *v) {
    if (is_small_int(v) || v->type->dict_offset == 0) {
        return NULL;
    }
    Object *d = *(Object **)((char *)v + v->type->dict_offset);
    return d != NULL && obj_is_instance_of(d, &DictType) ? d : NULL;
}

/* Append "name" or "name.attr" if `dict` (a namespace) holds target directly
 * or as an attribute of one of its values. */
static bool describe_from(StrBuilder *sb, Object *dict, Object *target) {
    Object *name = name_in_dict(dict, target);
    if (name != NULL) {
        sb_append_str(sb, name);
        return true;
    }
    size_t pos = 0;
    Object *key, *value;
    while (dict != NULL && dict_next(dict, &pos, &key, &value)) {
        Object *attr = obj_is_instance_of(key, &StrType) ? name_in_dict(instance_dict(value), target)
                                                         : NULL;
        if (attr != NULL) {
            sb_appendf(sb, "%s.%s", str_utf8(key), str_utf8(attr));
            return true;
        }
    }
    return false;
}

/* The local of frame `f` holding `target` directly, or as one of its
 * attributes (`self.lock`): appended to sb. */
static bool describe_from_locals(StrBuilder *sb, Frame *f, Object *target) {
    CodeObject *code = f->code;
    for (int i = 0; i < code->nlocals; i++) {
        if (f->localsplus[i] == target) {
            sb_append_str(sb, tuple_get(code->varnames, (size_t)i));
            return true;
        }
    }
    for (int i = 0; i < code->nlocals; i++) {
        Object *attr = f->localsplus[i] != NULL
                           ? name_in_dict(instance_dict(f->localsplus[i]), target)
                           : NULL;
        if (attr != NULL) {
            sb_appendf(sb, "%s.%s", str_utf8(tuple_get(code->varnames, (size_t)i)),
                       str_utf8(attr));
            return true;
        }
    }
    return describe_from(sb, f->locals, target);
}

/* The namespace of __main__ (for threads running no code of the program). */
static Object *main_globals(void) {
    Object *modules = ts_current()->interp->modules;
    Object *main = modules != NULL ? dict_get_cstr(modules, "__main__") : NULL;
    return main != NULL && obj_is_instance_of(main, &ModuleType) ? module_dict(main) : NULL;
}

/* How the program's frame `f` names `target`: a global (the name every
 * thread shares), else a local or `self.lock`; else its repr. malloc'd. */
static char *name_the_object(Frame *f, Object *target) {
    StrBuilder sb;
    sb_init(&sb);
    bool found = f != NULL ? describe_from(&sb, f->globals, target) ||
                                 describe_from_locals(&sb, f, target)
                           : describe_from(&sb, main_globals(), target);
    if (!found && sb_append_repr(&sb, target) < 0) {
        err_clear();
    }
    char *text = strndup(sb.data != NULL ? sb.data : "?", sb.size);
    sb_discard(&sb);
    return text;
}

/* Thread names as threading gives them. */
static Object *thread_name(Interpreter *interp, ThreadState *t) {
    GilTrack *track = vm_thread(t)->gil.track;
    Object *name = track != NULL ? gilreport_track_name(interp, track) : NULL;
    if (name == NULL) {
        err_clear();
        name = str_from_format("Thread-%llu", (unsigned long long)vm_thread(t)->ident);
    }
    return name;
}

/* The thread's stack, oldest first like a traceback, from the program's
 * outermost frame on (threading's bootstrap frames, up to Thread.run, are
 * left out). */
static void append_stack(StrBuilder *sb, Frame *innermost, Object *libdir) {
    enum { MAX_SHOWN = 100 };
    Frame *frames[MAX_SHOWN];
    size_t n = 0, oldest = 0;
    for (Frame *f = innermost; f != NULL && n < MAX_SHOWN; f = f->previous) {
        if (is_thread_run(f)) {
            break;
        }
        if (!in_library(f, libdir) || f->previous == NULL || is_thread_run(f->previous)) {
            oldest = n;
        }
        frames[n++] = f;
    }
    for (size_t i = n == 0 ? 0 : oldest + 1; i-- > 0;) {
        traceback_format_frame(sb, frames[i]->code, frame_lasti(frames[i]));
    }
}

/* "Thread "T" waits in Queue.get() on q, held by "U":" and the like. */
static void append_waiter(StrBuilder *sb, Waiter *waiters, Waiter *w) {
    DeadlockWait *dw = &vm_thread(w->ts)->deadlock_wait;
    Frame *lib = w->library;
    const char *holder = w->holder >= 0 ? str_utf8(waiters[w->holder].name) : NULL;
    sb_appendf(sb, "\nThread \"%s\" ", str_utf8(w->name));
    if (w->joining) {
        sb_appendf(sb, "waits in Thread.join() for \"%s\" to finish:\n", holder);
        return;
    }
    if (lib != NULL) {
        sb_appendf(sb, "waits in %s()", str_utf8(lib->code->qualname));
        /* The object the library method runs on, as the program names it. */
        Object *self = lib->code->nlocals > 0 ? lib->localsplus[0] : NULL;
        if (self != NULL && lib->code->argcount > 0 &&
            strcmp(str_utf8(tuple_get(lib->code->varnames, 0)), "self") == 0) {
            char *name = name_the_object(w->user, self);
            sb_appendf(sb, " on %s", name);
            free(name);
        }
    } else if (dw->owner == NULL) {
        sb_appendf(sb, "waits for an item from %s", w->lock_name);
    } else {
        sb_appendf(sb, "waits for %s", w->lock_name);
    }
    if (holder != NULL) {
        sb_appendf(sb, ", held by \"%s\"", holder);
    } else if (lib == NULL && dw->owner != NULL && *dw->owner == vm_thread(w->ts)->ident) {
        sb_append_cstr(sb, ", which it holds itself");
    }
    sb_append_cstr(sb, ":\n");
}

/* If following "waits for a lock held by" from thread `start` comes back to
 * it, spell the cycle out: each thread holds what the one before waits for. */
static bool append_cycle(StrBuilder *sb, Waiter *waiters, size_t n, size_t start) {
    size_t cycle[n + 1];
    size_t m = 0;
    int t = (int)start;
    do {
        if (t < 0 || m == n) {
            return false;
        }
        cycle[m++] = (size_t)t;
        t = waiters[t].holder;
    } while (t != (int)start);
    if (m < 2) {
        return false;
    }
    sb_append_cstr(sb, "\nThe cycle:\n");
    for (size_t i = 0; i < m; i++) {
        Waiter *w = &waiters[cycle[i]], *before = &waiters[cycle[(i + m - 1) % m]];
        sb_appendf(sb, "  \"%s\" ", str_utf8(w->name));
        if (!before->joining) {
            sb_appendf(sb, "holds %s and ", before->lock_name);
        }
        if (w->joining) {
            sb_appendf(sb, "waits for \"%s\" to finish\n",
                       str_utf8(waiters[w->holder].name));
        } else {
            sb_appendf(sb, "waits for %s\n", w->lock_name);
        }
    }
    return true;
}

/* Print the report to stderr (holding the GIL). */
static void write_report(ThreadState *me) {
    Interpreter *interp = me->interp;
    err_clear();
    Object *out = dict_get_cstr(interp->sysdict, "stdout");
    if (out != NULL && out != None) {
        Object *r = obj_call_method(out, "flush", NULL, 0);
        XDECREF(r);
        err_clear();
    }
    fflush(stdout);

    /* The threads, oldest first (the list is newest first). */
    size_t n = 0;
    for (ThreadState *t = interp->threads; t != NULL; t = t->next) {
        n++;
    }
    Waiter *waiters = calloc(n, sizeof(Waiter));
    if (waiters == NULL) {
        fputs("Deadlock detected (no memory for the report)\n", stderr);
        return;
    }
    size_t k = n;
    for (ThreadState *t = interp->threads; t != NULL; t = t->next) {
        waiters[--k].ts = t;
    }
    Object *libdir = library_dir(interp);
    for (size_t i = 0; i < n; i++) {
        Waiter *w = &waiters[i];
        DeadlockWait *dw = &vm_thread(w->ts)->deadlock_wait;
        w->name = thread_name(interp, w->ts);
        find_user_frame(w, libdir);
        w->lock_name = dw->lock != NULL ? name_the_object(w->user, dw->lock) : strdup("?");
        w->holder = -1;
    }
    for (size_t i = 0; i < n; i++) {
        DeadlockWait *dw = &vm_thread(waiters[i].ts)->deadlock_wait;
        for (size_t j = 0; dw->owner != NULL && *dw->owner != 0 && j < n; j++) {
            if (vm_thread(waiters[j].ts)->ident == *dw->owner && j != i) {
                waiters[i].holder = (int)j;
            }
        }
    }

    for (size_t i = 0; i < n; i++) {
        Frame *lib = waiters[i].library;
        waiters[i].joining = waiters[i].holder >= 0 && lib != NULL &&
                             strcmp(str_utf8(lib->code->qualname), "Thread.join") == 0;
    }

    StrBuilder sb;
    sb_init(&sb);
    sb_appendf(&sb, "Deadlock detected: %s waiting, and no thread can run to end the waits.\n",
               n == 1 ? "the only thread is" : "every thread is");
    for (size_t i = 0; i < n; i++) {
        append_waiter(&sb, waiters, &waiters[i]);
        append_stack(&sb, waiters[i].ts->frame, libdir);
    }

    for (size_t i = 0; i < n && !append_cycle(&sb, waiters, n, i); i++) {
    }

    Object *err = dict_get_cstr(interp->sysdict, "stderr");
    if (err != NULL && err != None) {
        Object *r = obj_call_method(err, "flush", NULL, 0);
        XDECREF(r);
        err_clear();
    }
    fwrite(sb.data, 1, sb.size, stderr);
    fflush(stderr);
    sb_discard(&sb);
    for (size_t i = 0; i < n; i++) {
        XDECREF(waiters[i].name);
        free(waiters[i].lock_name);
    }
    free(waiters);
    XDECREF(libdir);
}

_Noreturn void deadlock_report_and_exit(ThreadState *me) {
    VMInterp *vi = vm_interp(me->interp);
    write_report(me);
    atomic_store(&vi->finalizing, true);
    gilreport_at_exit(me->interp, vi->gil_stats);
    fflush(stdout);
    fflush(stderr);
    _exit(DEADLOCK_EXIT_STATUS);
}

static void report_and_interrupt_main(ThreadState *me) {
    VMInterp *vi = vm_interp(me->interp);
    write_report(me);
    fputs("(at the prompt: the main thread's wait ends with KeyboardInterrupt)\n", stderr);
    fflush(stderr);
    eval_request_sigint();
    if (me != vi->main_thread) {
        pthread_kill((pthread_t)vm_thread(vi->main_thread)->ident, SIGINT); /* ends its wait */
    }
}
