/* mod_multiprocessing.c: the native pieces under multiprocessing:
 * `_multiprocessing` (SemLock, a semaphore shared between processes) and
 * `_posixshmem` (POSIX shared memory, and a SharedMemory object to read and
 * write it from gilpy code, which has no memoryview or mmap).
 *
 * ============================================================== the API
 *
 * _multiprocessing  (what CPython's multiprocessing/synchronize.py uses)
 *   SemLock(kind, value, maxvalue, name, unlink)
 *       kind: RECURSIVE_MUTEX (0) or SEMAPHORE (1); value: initial count;
 *       maxvalue: the largest count (1 for Lock/RLock; SEM_VALUE_MAX for an
 *       unbounded Semaphore); name: "/something" for sem_open, or None (a
 *       unique name is made up); unlink: True to unlink the name at once (fork
 *       start method: nothing left in /dev/shm; the semaphore lives on in the
 *       mapping the children inherit). With unlink=False, a spawned child can
 *       rebuild it by name; then somebody must call sem_unlink(name) later.
 *     .acquire(block=True, timeout=None) -> bool  (waits with the GIL released;
 *         Ctrl-C raises KeyboardInterrupt, signal handlers run while waiting)
 *     .release()  (RECURSIVE_MUTEX not owned: AssertionError; a SEMAPHORE
 *         already at maxvalue: ValueError "semaphore or lock released too many times")
 *     .__enter__() / .__exit__(*args)
 *     ._count() -> how many times this thread holds it (RLock recursion)
 *     ._is_mine() -> held by the calling thread of this process
 *     ._get_value() -> the semaphore's count;  ._is_zero() -> count == 0
 *     ._after_fork()  (in a child: forget ownership, count = 0)
 *     SemLock._rebuild(handle, kind, maxvalue, name)  (classmethod: by name
 *         with sem_open, or, when name is None, the same handle (fork only))
 *     attributes: handle (int), kind, maxvalue, name (None when unlinked);
 *     class attribute SEM_VALUE_MAX.
 *   sem_unlink(name);  flags (a dict: HAVE_SEM_OPEN, HAVE_SEM_TIMEDWAIT)
 *   RECURSIVE_MUTEX = 0, SEMAPHORE = 1 (also here for convenience)
 *
 * _posixshmem
 *   shm_open(path, flags, mode=0o777) -> fd;  shm_unlink(path)
 *   SharedMemory(size, name=None, create=True)
 *       name None: an anonymous MAP_SHARED mapping, shared with the children
 *       of os.fork() only, never visible in /dev/shm (use it for fork).
 *       name "/x", create=True: shm_open(O_CREAT|O_EXCL), sized to `size`;
 *       create=False: attach to an existing segment (size 0: its whole size).
 *       A named segment stays in /dev/shm until .unlink(): unlink it as soon
 *       as every process that needs it has attached (or at close).
 *     .size, .name (None for anonymous)
 *     .read(offset, n) -> bytes;  .write(offset, data: bytes)
 *     .get(typecode, index) / .set(typecode, index, value): element `index`
 *         of an array of `typecode` items starting at offset 0. Typecodes as
 *         the array module and ctypes: 'c' (1-byte bytes; set also takes an
 *         int 0..255), 'u' (a 1-character str, 4 bytes), 'b' 'B' 'h' 'H'
 *         'i' 'I' 'l' 'L' 'q' 'Q' (ints, wrapped to the C type as ctypes
 *         does), 'f' 'd' (floats), '?' (bool).
 *     .get_int64(i)/.set_int64(i, v), .get_int32(i)/.set_int32(i, v),
 *     .get_double(i)/.set_double(i, v), .get_char(i)/.set_char(i, b):
 *         shorthands for typecodes 'q', 'i', 'd', 'c'.
 *     .close() (unmap; further access raises ValueError), .unlink(),
 *     __enter__/__exit__ (close).
 *   itemsize(typecode) -> the size in bytes of one item.
 * The typed accessors are plain loads and stores: guard read-modify-write
 * sequences (v.value += 1) with a SemLock, as multiprocessing's get_lock() does. */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <semaphore.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "args.h"
#include "bytes.h"
#include "dict.h"
#include "errors.h"
#include "exceptions.h"
#include "float.h"
#include "int.h"
#include "memory.h"
#include "module.h"
#include "modules.h"
#include "process.h"
#include "str.h"
#include "thread_wait.h"
#include "threads.h"
#include "tuple.h"

enum { RECURSIVE_MUTEX = 0, SEMAPHORE = 1 };

/* ================================================================ SemLock */

typedef struct SemLockObject {
    Object base;
    sem_t *handle;
    bool owns_handle; /* opened by this object (sem_close it when freed) */
    int kind;
    int maxvalue;
    int count;         /* acquisitions by the owning thread (RLock recursion) */
    uint64_t last_tid; /* the thread that last acquired it */
    Object *name;      /* str, or None once unlinked */
} SemLockObject;

extern TypeObject SemLockType;

static bool semlock_is_mine(SemLockObject *s) {
    return s->count > 0 && s->last_tid == threads_get_ident();
}

static Object *semlock_make(TypeObject *type, sem_t *handle, bool owns, int kind, int maxvalue,
                            Object *name) {
    SemLockObject *s = (SemLockObject *)obj_alloc(type, sizeof(SemLockObject));
    if (s == NULL) {
        if (owns) {
            sem_close(handle);
        }
        return NULL;
    }
    s->handle = handle;
    s->owns_handle = owns;
    s->kind = kind;
    s->maxvalue = maxvalue;
    s->name = NEWREF(name);
    return (Object *)s;
}

static Object *semlock_construct(TypeObject *type, Object *const *args, size_t nargs,
                                 Object *kwnames) {
    static const char *const kwlist[] = {"kind", "value", "maxvalue", "name", "unlink", NULL};
    Object *a[5];
    int kind, value, maxvalue, unlink;
    if (args_parse("SemLock", args, nargs, kwnames, kwlist, 5, a) < 0 ||
        process_int_arg(a[0], &kind) < 0 || process_int_arg(a[1], &value) < 0 ||
        process_int_arg(a[2], &maxvalue) < 0 || (unlink = obj_is_true(a[4])) < 0) {
        return NULL;
    }
    if (kind != RECURSIVE_MUTEX && kind != SEMAPHORE) {
        return err_format(&ExcValueError, "unrecognized kind");
    }
    if (a[3] != None && !str_check(a[3])) {
        return err_format(&ExcTypeError, "SemLock() argument 'name' must be str, not %.100s",
                          obj_type_name(a[3]));
    }
    if (value < 0) {
        errno = EINVAL;
        return err_from_errno(NULL);
    }
    char made_up[96];
    const char *cname;
    if (a[3] == None) {
        struct timespec t;
        clock_gettime(CLOCK_MONOTONIC, &t);
        snprintf(made_up, sizeof made_up, "/gilpy-sem-%ld-%lld-%ld", (long)getpid(),
                 (long long)t.tv_sec, t.tv_nsec);
        cname = made_up;
    } else {
        cname = str_utf8(a[3]);
    }
    sem_t *handle = sem_open(cname, O_CREAT | O_EXCL, 0600, (unsigned)value);
    if (handle == SEM_FAILED) {
        return err_from_errno(NULL);
    }
    Object *name = NULL;
    if (unlink || a[3] == None) {
        if (sem_unlink(cname) < 0) {
            int err = errno;
            sem_close(handle);
            errno = err;
            return err_from_errno(NULL);
        }
        name = NEWREF(None);
    } else {
        name = NEWREF(a[3]);
    }
    Object *result = semlock_make(type, handle, true, kind, maxvalue, name);
    DECREF(name);
    return result;
}

static void semlock_dealloc(Object *self) {
    SemLockObject *s = (SemLockObject *)self;
    if (s->owns_handle && s->handle != SEM_FAILED) {
        sem_close(s->handle);
    }
    XDECREF(s->name);
    obj_free(self);
}

static Object *semlock_acquire(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    static const char *const kwlist[] = {"block", "timeout", NULL};
    SemLockObject *s = (SemLockObject *)self;
    Object *a[2];
    int blocking = 1;
    if (args_parse("acquire", args, nargs, kwnames, kwlist, 0, a) < 0 ||
        (a[0] != NULL && (blocking = obj_is_true(a[0])) < 0)) {
        return NULL;
    }
    double timeout = -1; /* forever */
    if (blocking && a[1] != NULL && a[1] != None) {
        timeout = obj_as_double(a[1]);
        if (timeout == -1.0 && err_occurred()) {
            return NULL;
        }
        if (timeout < 0) {
            timeout = 0;
        }
    }
    if (!blocking) {
        timeout = 0;
    }
    if (s->kind == RECURSIVE_MUTEX && semlock_is_mine(s)) {
        s->count++;
        return bool_from(true);
    }
    bool acquired;
    if (sem_acquire_timed(s->handle, timeout, NULL, &acquired) < 0) {
        return NULL;
    }
    if (!acquired) {
        return bool_from(false);
    }
    s->count++;
    s->last_tid = threads_get_ident();
    return bool_from(true);
}

static Object *semlock_release(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    SemLockObject *s = (SemLockObject *)self;
    if (s->kind == RECURSIVE_MUTEX) {
        if (!semlock_is_mine(s)) {
            return err_format(&ExcAssertionError,
                              "attempt to release recursive lock not owned by thread");
        }
        if (s->count > 1) {
            s->count--;
            return none_ref();
        }
    } else {
        int value;
        if (sem_getvalue(s->handle, &value) < 0) {
            return err_from_errno(NULL);
        }
        if (value >= s->maxvalue) {
            return err_format(&ExcValueError, "semaphore or lock released too many times");
        }
    }
    if (sem_post(s->handle) < 0) {
        return err_from_errno(NULL);
    }
    s->count--;
    return none_ref();
}

static Object *semlock_exit(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return semlock_release(self, NULL, 0, NULL);
}

static Object *semlock_count(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return int_from_i64(((SemLockObject *)self)->count);
}

static Object *semlock_is_mine_method(Object *self, Object *const *args, size_t nargs,
                                      Object *kwnames) {
    return bool_from(semlock_is_mine((SemLockObject *)self));
}

static Object *semlock_get_value(Object *self, Object *const *args, size_t nargs,
                                 Object *kwnames) {
    int value;
    if (sem_getvalue(((SemLockObject *)self)->handle, &value) < 0) {
        return err_from_errno(NULL);
    }
    return int_from_i64(value < 0 ? 0 : value); /* some systems count waiters as negative */
}

static Object *semlock_is_zero(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    int value;
    if (sem_getvalue(((SemLockObject *)self)->handle, &value) < 0) {
        return err_from_errno(NULL);
    }
    return bool_from(value <= 0);
}

static Object *semlock_after_fork(Object *self, Object *const *args, size_t nargs,
                                  Object *kwnames) {
    ((SemLockObject *)self)->count = 0;
    return none_ref();
}

/* SemLock._rebuild(handle, kind, maxvalue, name): a classmethod (self is the type). */
static Object *semlock_rebuild(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    int kind, maxvalue;
    int64_t handle_value;
    if (args_no_keywords("_rebuild", kwnames) < 0 || args_count("_rebuild", nargs, 4, 4) < 0 ||
        int_to_i64(args[0], &handle_value) < 0 || process_int_arg(args[1], &kind) < 0 ||
        process_int_arg(args[2], &maxvalue) < 0) {
        return NULL;
    }
    sem_t *handle = (sem_t *)(intptr_t)handle_value;
    bool owns = false;
    if (args[3] != None) {
        if (!str_check(args[3])) {
            return err_format(&ExcTypeError, "_rebuild() argument 4 must be str or None, not %.100s",
                              obj_type_name(args[3]));
        }
        handle = sem_open(str_utf8(args[3]), 0);
        if (handle == SEM_FAILED) {
            return err_from_errno(NULL);
        }
        owns = true;
    }
    return semlock_make((TypeObject *)self, handle, owns, kind, maxvalue, args[3]);
}

static Object *semlock_get_handle(Object *self) {
    return int_from_i64((int64_t)(intptr_t)((SemLockObject *)self)->handle);
}
static Object *semlock_get_kind(Object *self) {
    return int_from_i64(((SemLockObject *)self)->kind);
}
static Object *semlock_get_maxvalue(Object *self) {
    return int_from_i64(((SemLockObject *)self)->maxvalue);
}
static Object *semlock_get_name(Object *self) { return NEWREF(((SemLockObject *)self)->name); }

static const MethodDef semlock_methods[] = {
    {"acquire", semlock_acquire, 0, "Acquire the semaphore/lock."},
    {"release", semlock_release, 0, "Release the semaphore/lock."},
    {"__enter__", semlock_acquire, 0, "Enter the semaphore/lock."},
    {"__exit__", semlock_exit, 0, "Exit the semaphore/lock."},
    {"_count", semlock_count, 0, "Num of `acquire()`s minus num of `release()`s for this process."},
    {"_is_mine", semlock_is_mine_method, 0, "Whether the lock is owned by this thread."},
    {"_get_value", semlock_get_value, 0, "Get the value of the semaphore."},
    {"_is_zero", semlock_is_zero, 0, "Return whether semaphore has value zero."},
    {"_after_fork", semlock_after_fork, 0, "Rezero the net acquisition count after fork()."},
    {"_rebuild", semlock_rebuild, METHOD_CLASS, "Rebuild a SemLock from its handle or name."},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef semlock_getsets[] = {
    {"handle", semlock_get_handle, NULL, "the semaphore's handle"},
    {"kind", semlock_get_kind, NULL, "RECURSIVE_MUTEX or SEMAPHORE"},
    {"maxvalue", semlock_get_maxvalue, NULL, "the largest value"},
    {"name", semlock_get_name, NULL, "the name, or None once unlinked"},
    {NULL, NULL, NULL, NULL},
};

TypeObject SemLockType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "_multiprocessing.SemLock",
    .basic_size = sizeof(SemLockObject),
    .flags = TYPE_FLAG_BASETYPE,
    .dealloc = semlock_dealloc,
    .new_instance = semlock_construct,
    .methods = semlock_methods,
    .getsets = semlock_getsets,
    .doc = "Semaphore/Mutex type",
};

static Object *mp_sem_unlink(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_no_keywords("sem_unlink", kwnames) < 0 || args_count("sem_unlink", nargs, 1, 1) < 0) {
        return NULL;
    }
    if (!str_check(args[0])) {
        return err_format(&ExcTypeError, "sem_unlink() argument must be str, not %.100s",
                          obj_type_name(args[0]));
    }
    if (sem_unlink(str_utf8(args[0])) < 0) {
        return err_from_errno(args[0]);
    }
    return none_ref();
}

static const MethodDef mp_functions[] = {
    {"sem_unlink", mp_sem_unlink, 0, "Unlink a named semaphore."},
    {NULL, NULL, 0, NULL},
};

/* Give a static type with a dotted C name CPython's __name__ and __module__. */
static int ready_dotted(TypeObject *t) {
    if (t->name_obj == NULL) {
        const char *dot = strrchr(t->name, '.');
        t->name_obj = str_intern_cstr(dot + 1);
        t->module_name = str_from_utf8(t->name, (size_t)(dot - t->name));
        if (t->name_obj == NULL || t->module_name == NULL) {
            return -1;
        }
        t->qualname = NEWREF(t->name_obj);
    }
    return type_ready(t);
}

Object *mod_multiprocessing_init(void) {
    if (ready_dotted(&SemLockType) < 0) {
        return NULL;
    }
    long semmax = sysconf(_SC_SEM_VALUE_MAX);
    if (semmax <= 0 || semmax > INT32_MAX) {
        semmax = INT32_MAX;
    }
    Object *vmax = int_from_i64(semmax);
    if (vmax == NULL || dict_set_cstr(SemLockType.dict, "SEM_VALUE_MAX", vmax) < 0) {
        XDECREF(vmax);
        return NULL;
    }
    DECREF(vmax);
    Object *m = module_new("_multiprocessing");
    Object *flags = dict_new();
    if (m == NULL || flags == NULL || module_add_functions(m, mp_functions) < 0 ||
        module_add_object(m, "SemLock", (Object *)&SemLockType) < 0 ||
        module_add_int(m, "RECURSIVE_MUTEX", RECURSIVE_MUTEX) < 0 ||
        module_add_int(m, "SEMAPHORE", SEMAPHORE) < 0 ||
        dict_set_cstr(flags, "HAVE_SEM_OPEN", small_int_make(1)) < 0 ||
        dict_set_cstr(flags, "HAVE_SEM_TIMEDWAIT", small_int_make(1)) < 0 ||
        module_add_object(m, "flags", flags) < 0) {
        XDECREF(flags);
        XDECREF(m);
        return NULL;
    }
    DECREF(flags);
    return m;
}

/* ================================================================ _posixshmem */

static Object *shm_open_function(Object *self, Object *const *args, size_t nargs,
                                 Object *kwnames) {
    static const char *const kwlist[] = {"path", "flags", "mode", NULL};
    Object *a[3];
    int flags, mode = 0777;
    if (args_parse("shm_open", args, nargs, kwnames, kwlist, 2, a) < 0 ||
        process_int_arg(a[1], &flags) < 0 || (a[2] != NULL && process_int_arg(a[2], &mode) < 0)) {
        return NULL;
    }
    if (!str_check(a[0])) {
        return err_format(&ExcTypeError, "shm_open() argument 'path' must be str, not %.100s",
                          obj_type_name(a[0]));
    }
    int fd = shm_open(str_utf8(a[0]), flags | O_CLOEXEC, (mode_t)mode);
    if (fd < 0) {
        return err_from_errno(a[0]);
    }
    return int_from_i64(fd);
}

static Object *shm_unlink_function(Object *self, Object *const *args, size_t nargs,
                                   Object *kwnames) {
    static const char *const kwlist[] = {"path", NULL};
    Object *a[1];
    if (args_parse("shm_unlink", args, nargs, kwnames, kwlist, 1, a) < 0) {
        return NULL;
    }
    if (!str_check(a[0])) {
        return err_format(&ExcTypeError, "shm_unlink() argument 'path' must be str, not %.100s",
                          obj_type_name(a[0]));
    }
    if (shm_unlink(str_utf8(a[0])) < 0) {
        return err_from_errno(a[0]);
    }
    return none_ref();
}

/* ---------------------------------------------------------------- SharedMemory */

typedef struct SharedMemoryObject {
    Object base;
    unsigned char *data; /* the mapping, or NULL once closed */
    size_t size;
    Object *name; /* str, or None for an anonymous mapping */
} SharedMemoryObject;

extern TypeObject SharedMemoryType;

static Object *shmem_construct(TypeObject *type, Object *const *args, size_t nargs,
                               Object *kwnames) {
    static const char *const kwlist[] = {"size", "name", "create", NULL};
    Object *a[3];
    ssize_t size = 0;
    int create = 1;
    if (args_parse("SharedMemory", args, nargs, kwnames, kwlist, 1, a) < 0 ||
        ((size = obj_as_ssize(a[0])) == -1 && err_occurred()) ||
        (a[2] != NULL && (create = obj_is_true(a[2])) < 0)) {
        return NULL;
    }
    Object *name = a[1] != NULL ? a[1] : None;
    if (name != None && !str_check(name)) {
        return err_format(&ExcTypeError, "SharedMemory() argument 'name' must be str or None, "
                                         "not %.100s",
                          obj_type_name(name));
    }
    if ((create || name == None) && size <= 0) {
        return err_format(&ExcValueError, "'size' must be a positive number different from zero");
    }
    if (size < 0) {
        return err_format(&ExcValueError, "'size' must be a positive integer");
    }
    void *data;
    if (name == None) {
        data = mmap(NULL, (size_t)size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
        if (data == MAP_FAILED) {
            return err_from_errno(NULL);
        }
    } else {
        int fd = shm_open(str_utf8(name), create ? O_CREAT | O_EXCL | O_RDWR : O_RDWR, 0600);
        if (fd < 0) {
            return err_from_errno(name);
        }
        struct stat st;
        if (create && ftruncate(fd, (off_t)size) < 0) {
            int err = errno;
            close(fd);
            shm_unlink(str_utf8(name));
            errno = err;
            return err_from_errno(name);
        }
        if (!create) {
            if (fstat(fd, &st) < 0) {
                int err = errno;
                close(fd);
                errno = err;
                return err_from_errno(name);
            }
            if (size == 0 || size > (ssize_t)st.st_size) {
                size = (ssize_t)st.st_size;
            }
            if (size == 0) {
                close(fd);
                return err_format(&ExcValueError, "cannot mmap an empty file");
            }
        }
        data = mmap(NULL, (size_t)size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        int err = errno;
        close(fd);
        if (data == MAP_FAILED) {
            if (create) {
                shm_unlink(str_utf8(name));
            }
            errno = err;
            return err_from_errno(name);
        }
    }
    SharedMemoryObject *m = (SharedMemoryObject *)obj_alloc(type, sizeof(SharedMemoryObject));
    if (m == NULL) {
        munmap(data, (size_t)size);
        return NULL;
    }
    m->data = data;
    m->size = (size_t)size;
    m->name = NEWREF(name);
    return (Object *)m;
}

static void shmem_dealloc(Object *self) {
    SharedMemoryObject *m = (SharedMemoryObject *)self;
    if (m->data != NULL) {
        munmap(m->data, m->size);
    }
    XDECREF(m->name);
    obj_free(self);
}

/* Check that [offset, offset + n) lies in the open mapping. */
static int shmem_check(SharedMemoryObject *m, ssize_t offset, ssize_t n) {
    if (m->data == NULL) {
        err_format(&ExcValueError, "operation on closed shared memory");
        return -1;
    }
    if (offset < 0 || n < 0 || (size_t)offset > m->size || (size_t)n > m->size - (size_t)offset) {
        err_format(&ExcIndexError, "shared memory index out of range");
        return -1;
    }
    return 0;
}

static Object *shmem_read(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    SharedMemoryObject *m = (SharedMemoryObject *)self;
    ssize_t offset, n;
    if (args_no_keywords("read", kwnames) < 0 || args_count("read", nargs, 2, 2) < 0 ||
        ((offset = obj_as_ssize(args[0])) == -1 && err_occurred()) ||
        ((n = obj_as_ssize(args[1])) == -1 && err_occurred()) || shmem_check(m, offset, n) < 0) {
        return NULL;
    }
    return bytes_from_data((const char *)m->data + offset, (size_t)n);
}

static Object *shmem_write(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    SharedMemoryObject *m = (SharedMemoryObject *)self;
    ssize_t offset;
    if (args_no_keywords("write", kwnames) < 0 || args_count("write", nargs, 2, 2) < 0 ||
        ((offset = obj_as_ssize(args[0])) == -1 && err_occurred())) {
        return NULL;
    }
    if (!bytes_check(args[1])) {
        return err_format(&ExcTypeError, "a bytes-like object is required, not '%.100s'",
                          obj_type_name(args[1]));
    }
    size_t n = bytes_size(args[1]);
    if (shmem_check(m, offset, (ssize_t)n) < 0) {
        return NULL;
    }
    memcpy(m->data + offset, bytes_data(args[1]), n);
    return none_ref();
}

/* The size of one item of `code`, or 0 for an unknown typecode. */
static size_t typecode_size(char code) {
    switch (code) {
    case 'c': case 'b': case 'B': case '?': return 1;
    case 'h': case 'H': return sizeof(short);
    case 'i': case 'I': case 'u': return sizeof(int);
    case 'l': case 'L': return sizeof(long);
    case 'q': case 'Q': return sizeof(long long);
    case 'f': return sizeof(float);
    case 'd': return sizeof(double);
    default: return 0;
    }
}

/* A typecode argument: a 1-character str naming a known type. */
static int typecode_arg(Object *v, char *code, size_t *size) {
    if (!str_check(v) || str_size(v) != 1 || (*size = typecode_size(str_utf8(v)[0])) == 0) {
        err_format(&ExcValueError, "bad typecode (must be c, u, b, B, ?, h, H, i, I, l, L, q, Q, "
                                   "f or d)");
        return -1;
    }
    *code = str_utf8(v)[0];
    return 0;
}

/* Load item `index` of type `code` (a new reference). */
static Object *shmem_load(SharedMemoryObject *m, char code, size_t size, Object *index_obj) {
    ssize_t index = obj_as_ssize(index_obj);
    if (index == -1 && err_occurred()) {
        return NULL;
    }
    if (index < 0 || shmem_check(m, index * (ssize_t)size, (ssize_t)size) < 0) {
        if (!err_occurred()) {
            err_format(&ExcIndexError, "shared memory index out of range");
        }
        return NULL;
    }
    void *p = m->data + (size_t)index * size;
    switch (code) {
    case 'c': return bytes_from_data(p, 1);
    case '?': return bool_from(*(unsigned char *)p != 0);
    case 'u': return str_from_codepoint(*(uint32_t *)p);
    case 'b': return int_from_i64(*(signed char *)p);
    case 'B': return int_from_i64(*(unsigned char *)p);
    case 'h': return int_from_i64(*(short *)p);
    case 'H': return int_from_i64(*(unsigned short *)p);
    case 'i': return int_from_i64(*(int *)p);
    case 'I': return int_from_i64(*(unsigned int *)p);
    case 'l': return int_from_i64(*(long *)p);
    case 'L': return int_from_u64(*(unsigned long *)p);
    case 'q': return int_from_i64(*(long long *)p);
    case 'Q': return int_from_u64(*(unsigned long long *)p);
    case 'f': return float_new(*(float *)p);
    default: return float_new(*(double *)p);
    }
}

/* Store `value` as item `index` of type `code`. */
static Object *shmem_store(SharedMemoryObject *m, char code, size_t size, Object *index_obj,
                           Object *value) {
    ssize_t index = obj_as_ssize(index_obj);
    if (index == -1 && err_occurred()) {
        return NULL;
    }
    if (index < 0 || shmem_check(m, index * (ssize_t)size, (ssize_t)size) < 0) {
        if (!err_occurred()) {
            err_format(&ExcIndexError, "shared memory index out of range");
        }
        return NULL;
    }
    void *p = m->data + (size_t)index * size;
    if (code == 'c') {
        intptr_t byte = -1;
        if (bytes_check(value) && bytes_size(value) == 1) {
            byte = (unsigned char)bytes_data(value)[0];
        } else if (!int_check(value) || !int_small_value(value, &byte) || byte < 0 || byte > 255) {
            return err_format(&ExcTypeError, "one character bytes, bytearray or integer expected");
        }
        *(unsigned char *)p = (unsigned char)byte;
        return none_ref();
    }
    if (code == 'u') {
        if (!str_check(value) || str_length(value) != 1) {
            return err_format(&ExcTypeError, "unicode string expected instead of %.100s instance",
                              obj_type_name(value));
        }
        Object *text = value;
        const unsigned char *u = (const unsigned char *)str_utf8(text);
        uint32_t cp = u[0] < 0x80   ? u[0]
                      : u[0] < 0xE0 ? ((u[0] & 0x1Fu) << 6) | (u[1] & 0x3Fu)
                      : u[0] < 0xF0 ? ((u[0] & 0x0Fu) << 12) | ((u[1] & 0x3Fu) << 6) | (u[2] & 0x3Fu)
                                    : ((u[0] & 0x07u) << 18) | ((u[1] & 0x3Fu) << 12) |
                                          ((u[2] & 0x3Fu) << 6) | (u[3] & 0x3Fu);
        *(uint32_t *)p = cp;
        return none_ref();
    }
    if (code == 'f' || code == 'd') {
        double d = obj_as_double(value);
        if (d == -1.0 && err_occurred()) {
            return NULL;
        }
        if (code == 'f') {
            *(float *)p = (float)d;
        } else {
            *(double *)p = d;
        }
        return none_ref();
    }
    if (code == '?') {
        int t = obj_is_true(value);
        if (t < 0) {
            return NULL;
        }
        *(unsigned char *)p = (unsigned char)t;
        return none_ref();
    }
    if (!int_check(value)) {
        return err_format(&ExcTypeError, "int expected instead of %.100s", obj_type_name(value));
    }
    /* Wrap to the C type as ctypes does: keep the low 64 bits (two's
     * complement), then the low bits of those. */
    mpz_t z;
    mpz_init(z);
    int_to_mpz(value, z);
    mpz_fdiv_r_2exp(z, z, 64);
    uint64_t bits = (uint64_t)mpz_get_ui(z);
    mpz_clear(z);
    switch (size) {
    case 1: *(uint8_t *)p = (uint8_t)bits; break;
    case 2: *(uint16_t *)p = (uint16_t)bits; break;
    case 4: *(uint32_t *)p = (uint32_t)bits; break;
    default: *(uint64_t *)p = bits; break;
    }
    return none_ref();
}

static Object *shmem_get(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    char code;
    size_t size;
    if (args_no_keywords("get", kwnames) < 0 || args_count("get", nargs, 2, 2) < 0 ||
        typecode_arg(args[0], &code, &size) < 0) {
        return NULL;
    }
    return shmem_load((SharedMemoryObject *)self, code, size, args[1]);
}

static Object *shmem_set(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    char code;
    size_t size;
    if (args_no_keywords("set", kwnames) < 0 || args_count("set", nargs, 3, 3) < 0 ||
        typecode_arg(args[0], &code, &size) < 0) {
        return NULL;
    }
    return shmem_store((SharedMemoryObject *)self, code, size, args[1], args[2]);
}

/* The typed shorthands: get_X(i) and set_X(i, v) for one fixed typecode. */
#define SHMEM_TYPED(NAME, CODE)                                                                    \
    static Object *shmem_get_##NAME(Object *self, Object *const *args, size_t nargs,               \
                                    Object *kwnames) {                                             \
        if (args_no_keywords("get_" #NAME, kwnames) < 0 ||                                         \
            args_count("get_" #NAME, nargs, 1, 1) < 0) {                                           \
            return NULL;                                                                           \
        }                                                                                          \
        return shmem_load((SharedMemoryObject *)self, CODE, typecode_size(CODE), args[0]);         \
    }                                                                                              \
    static Object *shmem_set_##NAME(Object *self, Object *const *args, size_t nargs,               \
                                    Object *kwnames) {                                             \
        if (args_no_keywords("set_" #NAME, kwnames) < 0 ||                                         \
            args_count("set_" #NAME, nargs, 2, 2) < 0) {                                           \
            return NULL;                                                                           \
        }                                                                                          \
        return shmem_store((SharedMemoryObject *)self, CODE, typecode_size(CODE), args[0],         \
                           args[1]);                                                               \
    }
SHMEM_TYPED(int64, 'q')
SHMEM_TYPED(int32, 'i')
SHMEM_TYPED(double, 'd')
SHMEM_TYPED(char, 'c')
#undef SHMEM_TYPED

static Object *shmem_close(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    SharedMemoryObject *m = (SharedMemoryObject *)self;
    if (m->data != NULL) {
        munmap(m->data, m->size);
        m->data = NULL;
    }
    return none_ref();
}

static Object *shmem_unlink(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    SharedMemoryObject *m = (SharedMemoryObject *)self;
    if (m->name != None && shm_unlink(str_utf8(m->name)) < 0) {
        return err_from_errno(m->name);
    }
    return none_ref();
}

static Object *shmem_enter(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return NEWREF(self);
}

static Object *shmem_get_size(Object *self) {
    return int_from_i64((int64_t)((SharedMemoryObject *)self)->size);
}
static Object *shmem_get_name(Object *self) { return NEWREF(((SharedMemoryObject *)self)->name); }
static Object *shmem_get_closed(Object *self) {
    return bool_from(((SharedMemoryObject *)self)->data == NULL);
}

static Object *shmem_repr(Object *self) {
    SharedMemoryObject *m = (SharedMemoryObject *)self;
    return str_from_format("SharedMemory(%R, size=%zu)", m->name, m->size);
}

static const MethodDef shmem_methods[] = {
    {"read", shmem_read, 0, "read(offset, n) -> bytes"},
    {"write", shmem_write, 0, "write(offset, data): copy bytes in at offset"},
    {"get", shmem_get, 0, "get(typecode, index) -> item index of an array of typecode"},
    {"set", shmem_set, 0, "set(typecode, index, value)"},
    {"get_int64", shmem_get_int64, 0, "get('q', i)"},
    {"set_int64", shmem_set_int64, 0, "set('q', i, v)"},
    {"get_int32", shmem_get_int32, 0, "get('i', i)"},
    {"set_int32", shmem_set_int32, 0, "set('i', i, v)"},
    {"get_double", shmem_get_double, 0, "get('d', i)"},
    {"set_double", shmem_set_double, 0, "set('d', i, v)"},
    {"get_char", shmem_get_char, 0, "get('c', i)"},
    {"set_char", shmem_set_char, 0, "set('c', i, b)"},
    {"close", shmem_close, 0, "Unmap the memory (this process only)."},
    {"unlink", shmem_unlink, 0, "Remove the name from /dev/shm (the memory stays mapped)."},
    {"__enter__", shmem_enter, 0, "Return self."},
    {"__exit__", shmem_close, 0, "Close."},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef shmem_getsets[] = {
    {"size", shmem_get_size, NULL, "size in bytes"},
    {"name", shmem_get_name, NULL, "the /dev/shm name, or None (anonymous)"},
    {"closed", shmem_get_closed, NULL, "True once closed"},
    {NULL, NULL, NULL, NULL},
};

TypeObject SharedMemoryType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "_posixshmem.SharedMemory",
    .basic_size = sizeof(SharedMemoryObject),
    .dealloc = shmem_dealloc,
    .repr = shmem_repr,
    .new_instance = shmem_construct,
    .methods = shmem_methods,
    .getsets = shmem_getsets,
    .doc = "A block of shared memory, read and written through typed accessors.",
};

static Object *shmem_itemsize(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    char code;
    size_t size;
    if (args_no_keywords("itemsize", kwnames) < 0 || args_count("itemsize", nargs, 1, 1) < 0 ||
        typecode_arg(args[0], &code, &size) < 0) {
        return NULL;
    }
    return int_from_i64((int64_t)size);
}

static const MethodDef shm_functions[] = {
    {"shm_open", shm_open_function, 0, "Open a shared memory object. Returns a file descriptor."},
    {"shm_unlink", shm_unlink_function, 0, "Remove a shared memory object."},
    {"itemsize", shmem_itemsize, 0, "The size in bytes of one item of a typecode."},
    {NULL, NULL, 0, NULL},
};

Object *mod_posixshmem_init(void) {
    if (ready_dotted(&SharedMemoryType) < 0) {
        return NULL;
    }
    Object *m = module_new("_posixshmem");
    if (m == NULL || module_add_functions(m, shm_functions) < 0 ||
        module_add_object(m, "SharedMemory", (Object *)&SharedMemoryType) < 0) {
        XDECREF(m);
        return NULL;
    }
    return m;
}
