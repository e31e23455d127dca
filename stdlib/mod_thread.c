/* mod_thread.c: the _thread module, the C primitives threading.py is built
 * on: starting a thread, locks (plain and re-entrant), thread identities and
 * thread-local storage. Every wait releases the GIL (vm/threads.h), so a
 * thread blocked on a lock lets the others run. */
#include <errno.h>
#include <math.h>
#include <semaphore.h>
#include <stddef.h>
#include <time.h>

#include "args.h"
#include "deadlock.h"
#include "dict.h"
#include "errors.h"
#include "eval.h"
#include "exceptions.h"
#include "float.h"
#include "frame.h"
#include "int.h"
#include "module.h"
#include "str.h"
#include "threads.h"
#include "tuple.h"
#include "thread_wait.h"

/* Longest timeout a lock accepts, in seconds (CPython's TIMEOUT_MAX). */
#define LOCK_TIMEOUT_MAX 9223372036.0

/* ================================================================ waiting on a semaphore */

/* Parse acquire()'s (blocking=True, timeout=-1) into a timeout in seconds:
 * -1 means forever, 0 means "don't wait". -2 with an exception on error. */
double parse_acquire_args(const char *fname, Object *const *args, size_t nargs,
                                 Object *kwnames) {
    static const char *const kwlist[] = {"blocking", "timeout", NULL};
    Object *a[2];
    if (args_parse(fname, args, nargs, kwnames, kwlist, 0, a) < 0) {
        return -2;
    }
    int blocking = 1;
    if (a[0] != NULL && (blocking = obj_is_true(a[0])) < 0) {
        return -2;
    }
    double timeout = -1;
    if (a[1] != NULL) {
        timeout = obj_as_double(a[1]);
        if (timeout == -1.0 && err_occurred()) {
            return -2;
        }
    }
    if (!blocking && timeout != -1) {
        err_set_string(&ExcValueError, "can't specify a timeout for a non-blocking call");
        return -2;
    }
    if (timeout < 0 && timeout != -1) {
        err_set_string(&ExcValueError, "timeout value must be positive");
        return -2;
    }
    if (timeout > LOCK_TIMEOUT_MAX) {
        err_set_string(&ExcOverflowError, "timestamp out of range for platform time_t");
        return -2;
    }
    return blocking ? timeout : 0;
}

/* Wait for `sem` forever, with the GIL released, in slices: after each one
 * the deadlock detector looks whether every thread is stuck (vm/deadlock.c).
 * Returns sem_clockwait's result (0, or -1 with errno other than ETIMEDOUT). */
static int sem_wait_watched(ThreadState *ts, sem_t *sem, const WaitTarget *target) {
    deadlock_wait_begin(ts, sem, target->object, target->owner);
    threads_blocking_begin(BLOCK_LOCK);
    int rc;
    for (;;) {
        struct timespec slice;
        clock_gettime(CLOCK_MONOTONIC, &slice);
        slice.tv_nsec += DEADLOCK_SLICE_NS;
        if (slice.tv_nsec >= 1000000000L) {
            slice.tv_sec++;
            slice.tv_nsec -= 1000000000L;
        }
        rc = sem_clockwait(sem, CLOCK_MONOTONIC, &slice);
        if (rc == 0 || errno != ETIMEDOUT) {
            break;
        }
        deadlock_check(ts); /* does not return if this is a deadlock (but at the prompt) */
        if (vm_thread(ts)->is_main && eval_sigint_waiting()) {
            errno = EINTR; /* the prompt's deadlock: end this wait as Ctrl-C would */
            rc = -1;
            break;
        }
    }
    int err = errno;
    deadlock_wait_end(ts);
    threads_blocking_end(ts);
    errno = err;
    return rc;
}

/* Take `sem`, waiting at most `timeout` seconds (-1: forever) with the GIL
 * released. Sets *acquired. -1 with KeyboardInterrupt if Ctrl-C arrived. */
int sem_acquire_timed(sem_t *sem, double timeout, const WaitTarget *target, bool *acquired) {
    *acquired = false;
    if (sem_trywait(sem) == 0) {
        *acquired = true;
        return 0;
    }
    if (timeout == 0) {
        return 0;
    }
    if (threads_check_interrupt() < 0) {
        return -1; /* a signal that arrived just before the wait */
    }
    if (threads_scheduled() && target != NULL) {
        /* -X sched: the replayable scheduler runs the others meanwhile. (A
         * multiprocessing lock, which another process may release, is a
         * real wait instead: the schedule cannot know when it ends.) */
        ThreadState *ts = ts_current();
        if (timeout < 0) {
            deadlock_wait_begin(ts, sem, target->object, target->owner);
        }
        int rc = threads_sched_wait(sem, timeout, BLOCK_LOCK);
        if (timeout < 0) {
            deadlock_wait_end(ts);
        }
        *acquired = rc == 1;
        return rc < 0 ? -1 : 0;
    }
    struct timespec deadline;
    clock_gettime(CLOCK_MONOTONIC, &deadline);
    if (timeout > 0) {
        double whole = floor(timeout);
        deadline.tv_sec += (time_t)whole;
        deadline.tv_nsec += (long)((timeout - whole) * 1e9);
        if (deadline.tv_nsec >= 1000000000L) {
            deadline.tv_sec++;
            deadline.tv_nsec -= 1000000000L;
        }
    }
    for (;;) {
        int rc, err;
        if (timeout < 0 && target != NULL) {
            rc = sem_wait_watched(ts_current(), sem, target);
            err = errno;
        } else {
            ThreadState *ts = threads_blocking_begin(BLOCK_LOCK);
            rc = timeout < 0 ? sem_wait(sem) : sem_clockwait(sem, CLOCK_MONOTONIC, &deadline);
            err = errno;
            threads_blocking_end(ts);
        }
        if (rc == 0) {
            *acquired = true;
            return 0;
        }
        if (err == EINTR) {
            if (threads_check_interrupt() < 0) {
                return -1; /* Ctrl-C, or a signal handler that raised */
            }
            continue; /* keep waiting */
        }
        if (err == ETIMEDOUT) {
            return 0;
        }
        errno = err;
        err_from_errno(NULL);
        return -1;
    }
}

/* ================================================================ lock */

typedef struct LockObject {
    Object base;
    sem_t sem;   /* 1 when free, 0 when taken */
    bool locked; /* mirrors the semaphore, read under the GIL */
    uint64_t owner; /* ident of the thread that took it (for deadlock reports); 0 when free */
} LockObject;

extern TypeObject LockType, RLockType, LocalType;

static Object *lock_new(void) {
    LockObject *l = (LockObject *)obj_alloc(&LockType, sizeof(LockObject));
    if (l != NULL) {
        sem_init(&l->sem, 0, 1);
    }
    return (Object *)l;
}

static void lock_dealloc(Object *self) {
    sem_destroy(&((LockObject *)self)->sem);
    obj_free(self);
}

static Object *lock_acquire(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    LockObject *l = (LockObject *)self;
    double timeout = parse_acquire_args("acquire", args, nargs, kwnames);
    if (timeout == -2) {
        return NULL;
    }
    bool acquired;
    WaitTarget target = {self, &l->owner};
    if (sem_acquire_timed(&l->sem, timeout, &target, &acquired) < 0) {
        return NULL;
    }
    if (acquired) {
        l->locked = true;
        l->owner = threads_get_ident();
    }
    return bool_from(acquired);
}

static Object *lock_release(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    LockObject *l = (LockObject *)self;
    if (args_count("release", nargs, 0, 0) < 0) {
        return NULL;
    }
    if (!l->locked) {
        return err_format(&ExcRuntimeError, "release unlocked lock");
    }
    l->locked = false;
    l->owner = 0;
    sem_post(&l->sem);
    return none_ref();
}

static Object *lock_exit(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return lock_release(self, NULL, 0, NULL);
}

static Object *lock_locked(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return bool_from(((LockObject *)self)->locked);
}

/* After os.fork() in the child: the lock starts free again. */
static Object *lock_at_fork_reinit(Object *self, Object *const *args, size_t nargs,
                                   Object *kwnames) {
    LockObject *l = (LockObject *)self;
    sem_destroy(&l->sem);
    sem_init(&l->sem, 0, 1);
    l->locked = false;
    l->owner = 0;
    return none_ref();
}

static Object *lock_repr(Object *self) {
    return str_from_format("<%s _thread.lock object at %p>",
                           ((LockObject *)self)->locked ? "locked" : "unlocked", (void *)self);
}

static const MethodDef lock_methods[] = {
    {"acquire", lock_acquire, 0, "Lock the lock; with blocking=False or a timeout, may fail."},
    {"acquire_lock", lock_acquire, 0, "An obsolete synonym of acquire()."},
    {"__enter__", lock_acquire, 0, "Lock the lock."},
    {"release", lock_release, 0, "Release the lock."},
    {"release_lock", lock_release, 0, "An obsolete synonym of release()."},
    {"__exit__", lock_exit, 0, "Release the lock."},
    {"locked", lock_locked, 0, "Tell whether the lock is locked."},
    {"locked_lock", lock_locked, 0, "An obsolete synonym of locked()."},
    {"_at_fork_reinit", lock_at_fork_reinit, 0, "Reset the lock after a fork."},
    {NULL, NULL, 0, NULL},
};

TypeObject LockType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "_thread.lock",
    .basic_size = sizeof(LockObject),
    .dealloc = lock_dealloc,
    .repr = lock_repr,
    .methods = lock_methods,
};

/* ================================================================ RLock */

typedef struct RLockObject {
    Object base;
    sem_t sem;
    uint64_t owner; /* ident of the owning thread, 0 when free */
    uint64_t count; /* how many times the owner acquired it */
} RLockObject;

static Object *rlock_construct(TypeObject *type, Object *const *args, size_t nargs,
                               Object *kwnames) {
    RLockObject *r = (RLockObject *)obj_alloc(type, type->basic_size);
    if (r != NULL) {
        sem_init(&r->sem, 0, 1);
    }
    return (Object *)r;
}

static void rlock_dealloc(Object *self) {
    sem_destroy(&((RLockObject *)self)->sem);
    obj_free(self);
}

static Object *rlock_acquire(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    RLockObject *r = (RLockObject *)self;
    double timeout = parse_acquire_args("acquire", args, nargs, kwnames);
    if (timeout == -2) {
        return NULL;
    }
    uint64_t me = threads_get_ident();
    if (r->count > 0 && r->owner == me) {
        r->count++;
        return bool_from(true);
    }
    bool acquired;
    WaitTarget target = {self, &r->owner};
    if (sem_acquire_timed(&r->sem, timeout, &target, &acquired) < 0) {
        return NULL;
    }
    if (acquired) {
        r->owner = me;
        r->count = 1;
    }
    return bool_from(acquired);
}

static Object *rlock_release(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    RLockObject *r = (RLockObject *)self;
    if (r->count == 0 || r->owner != threads_get_ident()) {
        return err_format(&ExcRuntimeError, "cannot release un-acquired lock");
    }
    if (--r->count == 0) {
        r->owner = 0;
        sem_post(&r->sem);
    }
    return none_ref();
}

static Object *rlock_exit(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return rlock_release(self, NULL, 0, NULL);
}

static Object *rlock_is_owned(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    RLockObject *r = (RLockObject *)self;
    return bool_from(r->count > 0 && r->owner == threads_get_ident());
}

/* Condition.wait() fully releases an RLock and later restores it. */
static Object *rlock_release_save(Object *self, Object *const *args, size_t nargs,
                                  Object *kwnames) {
    RLockObject *r = (RLockObject *)self;
    if (r->count == 0) {
        return err_format(&ExcRuntimeError, "cannot release un-acquired lock");
    }
    Object *count = int_from_u64(r->count);
    Object *owner = int_from_u64(r->owner);
    Object *state = count != NULL && owner != NULL ? tuple_pack(2, count, owner) : NULL;
    XDECREF(count);
    XDECREF(owner);
    if (state == NULL) {
        return NULL;
    }
    r->count = 0;
    r->owner = 0;
    sem_post(&r->sem);
    return state;
}

static Object *rlock_acquire_restore(Object *self, Object *const *args, size_t nargs,
                                     Object *kwnames) {
    RLockObject *r = (RLockObject *)self;
    if (args_count("_acquire_restore", nargs, 1, 1) < 0) {
        return NULL;
    }
    Object *state = args[0];
    if (!tuple_check(state) || tuple_size(state) != 2) {
        return err_format(&ExcTypeError, "_acquire_restore() argument must be a 2-tuple");
    }
    int64_t count, owner;
    if (int_to_i64(tuple_get(state, 0), &count) < 0 || int_to_i64(tuple_get(state, 1), &owner) < 0) {
        return NULL;
    }
    bool acquired;
    WaitTarget target = {self, &r->owner};
    if (sem_acquire_timed(&r->sem, -1, &target, &acquired) < 0) {
        return NULL;
    }
    r->owner = (uint64_t)owner;
    r->count = (uint64_t)count;
    return none_ref();
}

static Object *rlock_recursion_count(Object *self, Object *const *args, size_t nargs,
                                     Object *kwnames) {
    RLockObject *r = (RLockObject *)self;
    return int_from_u64(r->owner == threads_get_ident() ? r->count : 0);
}

static Object *rlock_repr(Object *self) {
    RLockObject *r = (RLockObject *)self;
    return str_from_format("<%s _thread.RLock object owner=%llu count=%llu at %p>",
                           r->count > 0 ? "locked" : "unlocked", (unsigned long long)r->owner,
                           (unsigned long long)r->count, (void *)self);
}

static Object *rlock_at_fork_reinit(Object *self, Object *const *args, size_t nargs,
                                    Object *kwnames) {
    RLockObject *r = (RLockObject *)self;
    sem_destroy(&r->sem);
    sem_init(&r->sem, 0, 1);
    r->owner = 0;
    r->count = 0;
    return none_ref();
}

static const MethodDef rlock_methods[] = {
    {"acquire", rlock_acquire, 0, "Lock the lock (again, if this thread owns it)."},
    {"__enter__", rlock_acquire, 0, "Lock the lock."},
    {"release", rlock_release, 0, "Release the lock once."},
    {"__exit__", rlock_exit, 0, "Release the lock once."},
    {"_is_owned", rlock_is_owned, 0, "Does the calling thread own the lock?"},
    {"_release_save", rlock_release_save, 0, "Release fully, returning the state."},
    {"_acquire_restore", rlock_acquire_restore, 0, "Acquire and restore a saved state."},
    {"_recursion_count", rlock_recursion_count, 0, "The owner's recursion depth."},
    {"_at_fork_reinit", rlock_at_fork_reinit, 0, "Reset the lock after a fork."},
    {NULL, NULL, 0, NULL},
};

TypeObject RLockType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "_thread.RLock",
    .basic_size = sizeof(RLockObject),
    .flags = TYPE_FLAG_BASETYPE,
    .dealloc = rlock_dealloc,
    .repr = rlock_repr,
    .new_instance = rlock_construct,
    .methods = rlock_methods,
};

/* ================================================================ thread-local data */

/* A _local object has one attribute dict per thread. Each thread keeps its
 * dicts in VMThread.local_dicts, keyed by the local object's serial number
 * (not its address, which a new object could reuse); they go away with the
 * thread. */
typedef struct LocalObject {
    Object base;
    Object *key;    /* int: the serial number */
    Object *args;   /* constructor arguments, replayed in each new thread (subclasses) */
    Object *kwargs; /* dict or NULL */
} LocalObject;

static uint64_t local_serial; /* guarded by the GIL */

static Object *local_construct(TypeObject *type, Object *const *args, size_t nargs,
                               Object *kwnames) {
    size_t nkw = kwnames != NULL ? tuple_size(kwnames) : 0;
    if (type == &LocalType && nargs + nkw != 0) {
        return err_format(&ExcTypeError, "Initialization arguments are not supported");
    }
    LocalObject *l = (LocalObject *)obj_alloc(type, type->basic_size);
    if (l == NULL) {
        return NULL;
    }
    l->key = int_from_u64(++local_serial);
    l->args = tuple_from_array(args, nargs);
    if (nkw != 0) {
        l->kwargs = dict_new();
        for (size_t i = 0; l->kwargs != NULL && i < nkw; i++) {
            if (dict_set(l->kwargs, tuple_get(kwnames, i), args[nargs + i]) < 0) {
                break;
            }
        }
    }
    if (l->key == NULL || l->args == NULL || (nkw != 0 && l->kwargs == NULL)) {
        DECREF((Object *)l);
        return NULL;
    }
    return (Object *)l;
}

static void local_dealloc(Object *self) {
    LocalObject *l = (LocalObject *)self;
    XDECREF(l->key);
    XDECREF(l->args);
    XDECREF(l->kwargs);
    obj_free(self);
}

/* This thread's attribute dict for `self` (borrowed), created on first use;
 * a subclass's __init__ runs again then, as in CPython. */
static Object *local_dict(Object *self) {
    LocalObject *l = (LocalObject *)self;
    VMThread *vt = vm_thread(ts_current());
    if (vt->local_dicts == NULL && (vt->local_dicts = dict_new()) == NULL) {
        return NULL;
    }
    Object *d;
    int found = dict_lookup(vt->local_dicts, l->key, &d);
    if (found != 0) {
        return found < 0 ? NULL : d;
    }
    d = dict_new();
    if (d == NULL || dict_set(vt->local_dicts, l->key, d) < 0) {
        XDECREF(d);
        return NULL;
    }
    DECREF(d);
    TypeObject *t = obj_type(self);
    if (t != &LocalType && t->init != NULL && t->init != obj_init_default) {
        size_t n = tuple_size(l->args);
        Object *kwnames = NULL;
        Object *argv[16];
        size_t nkw = l->kwargs != NULL ? dict_size(l->kwargs) : 0;
        if (n + nkw > 16) {
            return err_format(&ExcTypeError, "too many arguments for a thread-local __init__");
        }
        for (size_t i = 0; i < n; i++) {
            argv[i] = tuple_get(l->args, i);
        }
        if (nkw != 0) {
            kwnames = tuple_new(nkw);
            if (kwnames == NULL) {
                return NULL;
            }
            size_t pos = 0, k = 0;
            Object *key, *value;
            while (dict_next(l->kwargs, &pos, &key, &value)) {
                tuple_init_item(kwnames, k, NEWREF(key));
                argv[n + k++] = value;
            }
        }
        int rc = t->init(self, argv, n, kwnames);
        XDECREF(kwnames);
        if (rc < 0) {
            return NULL;
        }
    }
    return d;
}

/* Attribute lookup with this thread's dict playing the instance dict. */
static Object *local_getattr(Object *self, Object *name) {
    Object *d = local_dict(self);
    if (d == NULL) {
        return NULL;
    }
    if (str_equal_cstr(name, "__dict__")) {
        return NEWREF(d);
    }
    TypeObject *t = obj_type(self);
    Object *descr = type_lookup(t, name);
    if (descr != NULL && obj_type(descr)->descr_set != NULL) {
        return obj_type(descr)->descr_get(descr, self, t);
    }
    Object *v = dict_get_str(d, name);
    if (v != NULL) {
        return NEWREF(v);
    }
    if (descr != NULL) {
        TypeObject *dt = obj_type(descr);
        return dt->descr_get != NULL ? dt->descr_get(descr, self, t) : NEWREF(descr);
    }
    return err_format(&ExcAttributeError, "'%.100s' object has no attribute '%U'", t->name, name);
}

static int local_setattr(Object *self, Object *name, Object *value) {
    if (str_equal_cstr(name, "__dict__")) {
        err_format(&ExcAttributeError, "'%.100s' object attribute '__dict__' is read-only",
                   obj_type_name(self));
        return -1;
    }
    Object *d = local_dict(self);
    if (d == NULL) {
        return -1;
    }
    TypeObject *t = obj_type(self);
    Object *descr = type_lookup(t, name);
    if (descr != NULL && obj_type(descr)->descr_set != NULL) {
        return obj_type(descr)->descr_set(descr, self, value);
    }
    if (value == NULL) {
        if (dict_get_str(d, name) == NULL) {
            err_format(&ExcAttributeError, "'%.100s' object has no attribute '%U'", t->name, name);
            return -1;
        }
        return dict_del(d, name);
    }
    return dict_set(d, name, value);
}

TypeObject LocalType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "_thread._local",
    .basic_size = sizeof(LocalObject),
    .flags = TYPE_FLAG_BASETYPE,
    .dealloc = local_dealloc,
    .getattr = local_getattr,
    .setattr = local_setattr,
    .new_instance = local_construct,
    .doc = "Thread-local data",
};

/* ================================================================ module functions */

static Object *thread_start_new_thread(Object *self, Object *const *args, size_t nargs,
                                       Object *kwnames) {
    if (args_no_keywords("start_new_thread", kwnames) < 0 ||
        args_count("start_new_thread", nargs, 2, 3) < 0) {
        return NULL;
    }
    if (!obj_is_callable(args[0])) {
        return err_format(&ExcTypeError, "first arg must be callable");
    }
    if (!tuple_check(args[1])) {
        return err_format(&ExcTypeError, "2nd arg must be a tuple");
    }
    Object *kwargs = nargs > 2 ? args[2] : NULL;
    if (kwargs != NULL && !dict_check(kwargs)) {
        return err_format(&ExcTypeError, "optional 3rd arg must be a dictionary");
    }
    int64_t ident = threads_start(args[0], args[1], kwargs);
    return ident == -1 && err_occurred() ? NULL : int_from_u64((uint64_t)ident);
}

static Object *thread_allocate_lock(Object *self, Object *const *args, size_t nargs,
                                    Object *kwnames) {
    if (args_count("allocate_lock", nargs, 0, 0) < 0) {
        return NULL;
    }
    return lock_new();
}

static Object *thread_get_ident(Object *self, Object *const *args, size_t nargs, Object *kw) {
    return int_from_u64(threads_get_ident());
}

static Object *thread_get_native_id(Object *self, Object *const *args, size_t nargs, Object *kw) {
    return int_from_u64(threads_get_native_id());
}

static Object *thread_count(Object *self, Object *const *args, size_t nargs, Object *kw) {
    return int_from_i64(threads_count());
}

static Object *thread_interrupt_main(Object *self, Object *const *args, size_t nargs, Object *kw) {
    threads_interrupt_main();
    return none_ref();
}

static Object *thread_stack_size(Object *self, Object *const *args, size_t nargs, Object *kw) {
    return int_from_i64(0);
}

static Object *thread_daemon_threads_allowed(Object *self, Object *const *args, size_t nargs,
                                             Object *kw) {
    return bool_from(true);
}

static const MethodDef thread_functions[] = {
    {"start_new_thread", thread_start_new_thread, 0,
     "start_new_thread(function, args[, kwargs]): start a thread, return its identifier."},
    {"start_new", thread_start_new_thread, 0, "An obsolete synonym of start_new_thread()."},
    {"allocate_lock", thread_allocate_lock, 0, "Create a new lock object."},
    {"allocate", thread_allocate_lock, 0, "An obsolete synonym of allocate_lock()."},
    {"get_ident", thread_get_ident, 0, "Return a non-zero integer that identifies this thread."},
    {"get_native_id", thread_get_native_id, 0, "Return the kernel's id of this thread."},
    {"_count", thread_count, 0, "Number of threads started by _thread still alive."},
    {"interrupt_main", thread_interrupt_main, 0, "Raise KeyboardInterrupt in the main thread."},
    {"stack_size", thread_stack_size, 0, "Return the stack size used for new threads."},
    {"daemon_threads_allowed", thread_daemon_threads_allowed, 0, "Daemon threads are allowed."},
    {NULL, NULL, 0, NULL},
};

Object *mod_thread_init(void) {
    if (type_ready(&LockType) < 0 || type_ready(&RLockType) < 0 || type_ready(&LocalType) < 0) {
        return NULL;
    }
    Object *m = module_new("_thread");
    if (m == NULL || module_add_functions(m, thread_functions) < 0) {
        XDECREF(m);
        return NULL;
    }
    Object *timeout_max = float_new(LOCK_TIMEOUT_MAX);
    if (timeout_max == NULL || module_add_object(m, "TIMEOUT_MAX", timeout_max) < 0 ||
        module_add_object(m, "LockType", (Object *)&LockType) < 0 ||
        module_add_object(m, "lock", (Object *)&LockType) < 0 ||
        module_add_object(m, "RLock", (Object *)&RLockType) < 0 ||
        module_add_object(m, "_local", (Object *)&LocalType) < 0 ||
        module_add_object(m, "error", (Object *)&ExcRuntimeError) < 0) {
        XDECREF(timeout_max);
        DECREF(m);
        return NULL;
    }
    DECREF(timeout_max);
    return m;
}
