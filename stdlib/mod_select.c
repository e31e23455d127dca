/* mod_select.c: the select module: select.select() and select.poll() over
 * file descriptors (ints, or objects with a fileno() method). Both wait with
 * the GIL released; a signal interrupts the wait, runs its Python handler (or
 * raises KeyboardInterrupt for Ctrl-C) and the wait resumes (PEP 475). */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <poll.h>
#include <time.h>
#include <unistd.h>

#include "args.h"
#include "dict.h"
#include "errors.h"
#include "exceptions.h"
#include "float.h"
#include "int.h"
#include "list.h"
#include "memory.h"
#include "module.h"
#include "modules.h"
#include "process.h"
#include "str.h"
#include "threads.h"
#include "tuple.h"

/* The file descriptor of `v`: an int, or what v.fileno() returns. -1 with
 * CPython's TypeError/ValueError. */
static int fd_of(Object *v) {
    Object *num = NULL;
    if (int_check(v)) {
        num = NEWREF(v);
    } else {
        Object *meth;
        Object *name = str_intern_cstr("fileno");
        int found = name != NULL ? obj_lookup_attr(v, name, &meth) : -1;
        if (found < 0) {
            return -1;
        }
        if (found == 0) {
            err_format(&ExcTypeError, "argument must be an int, or have a fileno() method.");
            return -1;
        }
        num = obj_call0(meth);
        DECREF(meth);
        if (num == NULL) {
            return -1;
        }
        if (!int_check(num)) {
            DECREF(num);
            err_format(&ExcTypeError, "fileno() returned a non-integer");
            return -1;
        }
    }
    int fd;
    int rc = process_int_arg(num, &fd);
    DECREF(num);
    if (rc < 0) {
        return -1;
    }
    if (fd < 0) {
        err_format(&ExcValueError, "file descriptor cannot be a negative integer (%i)", fd);
        return -1;
    }
    return fd;
}

static double now_seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* poll() with the GIL released until `deadline` (monotonic seconds; < 0:
 * forever). EINTR runs signal handlers and waits again for what is left.
 * Returns poll's count, or -1 with an exception. */
static int poll_released(struct pollfd *fds, size_t n, double deadline) {
    if (threads_check_interrupt() < 0) { /* a signal that arrived just before */
        return -1;
    }
    for (;;) {
        int ms = -1;
        if (deadline >= 0) {
            double left = deadline - now_seconds();
            ms = left <= 0 ? 0 : (int)ceil(left * 1000.0);
        }
        ThreadState *ts = threads_blocking_begin(BLOCK_IO);
        int r = poll(fds, (nfds_t)n, ms);
        int err = errno;
        threads_blocking_end(ts);
        if (r >= 0) {
            return r;
        }
        if (err != EINTR) {
            errno = err;
            err_from_errno(NULL);
            return -1;
        }
        if (threads_check_interrupt() < 0) {
            return -1;
        }
    }
}

/* ================================================================ select.select */

/* The items of one of select's three iterables as a new list. */
static Object *as_list(Object *v) {
    Object *list = list_from_iterable(v);
    if (list == NULL && err_matches(&ExcTypeError)) {
        err_clear();
        err_format(&ExcTypeError, "arguments 1-3 must be sequences");
    }
    return list;
}

static Object *select_select(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_no_keywords("select", kwnames) < 0 || args_count("select", nargs, 3, 4) < 0) {
        return NULL;
    }
    double deadline = -1;
    if (nargs == 4 && args[3] != None) {
        double timeout = obj_as_double(args[3]);
        if (timeout == -1.0 && err_occurred()) {
            if (err_matches(&ExcTypeError)) {
                err_clear();
                err_format(&ExcTypeError, "timeout must be a float or None");
            }
            return NULL;
        }
        if (timeout < 0) {
            return err_format(&ExcValueError, "timeout must be non-negative");
        }
        deadline = now_seconds() + timeout;
    }
    static const short events[3] = {POLLIN, POLLOUT, POLLPRI};
    Object *lists[3] = {NULL, NULL, NULL};
    Object *result = NULL;
    struct pollfd *fds = NULL;
    size_t total = 0;
    for (int k = 0; k < 3; k++) {
        lists[k] = as_list(args[k]);
        if (lists[k] == NULL) {
            goto done;
        }
        total += list_size(lists[k]);
    }
    fds = mem_alloc_array(total + 1, sizeof(struct pollfd));
    if (fds == NULL) {
        goto done;
    }
    size_t i = 0;
    for (int k = 0; k < 3; k++) {
        for (size_t j = 0; j < list_size(lists[k]); j++, i++) {
            int fd = fd_of(list_get(lists[k], j));
            if (fd < 0) {
                goto done;
            }
            fds[i].fd = fd;
            fds[i].events = events[k];
            fds[i].revents = 0;
        }
    }
    if (poll_released(fds, total, deadline) < 0) {
        goto done;
    }
    /* A descriptor is "ready to read" also on hang-up or error, as select() says. */
    static const short ready[3] = {POLLIN | POLLHUP | POLLERR, POLLOUT | POLLERR, POLLPRI};
    Object *out[3] = {NULL, NULL, NULL};
    i = 0;
    for (int k = 0; k < 3; k++) {
        out[k] = list_new(0);
        for (size_t j = 0; j < list_size(lists[k]); j++, i++) {
            if (out[k] != NULL && (fds[i].revents & POLLNVAL)) {
                errno = EBADF;
                err_from_errno(NULL);
                CLEAR(out[k]);
            }
            if (out[k] != NULL && (fds[i].revents & ready[k]) &&
                list_append(out[k], list_get(lists[k], j)) < 0) {
                CLEAR(out[k]);
            }
        }
    }
    if (out[0] != NULL && out[1] != NULL && out[2] != NULL) {
        result = tuple_pack(3, out[0], out[1], out[2]);
    }
    for (int k = 0; k < 3; k++) {
        XDECREF(out[k]);
    }
done:
    mem_free(fds);
    for (int k = 0; k < 3; k++) {
        XDECREF(lists[k]);
    }
    return result;
}

/* ================================================================ select.poll */

typedef struct PollObject {
    Object base;
    Object *registered; /* dict: fd (int) -> event mask (int) */
} PollObject;

extern TypeObject PollType;

static void poll_dealloc(Object *self) {
    XDECREF(((PollObject *)self)->registered);
    obj_free(self);
}

static int mask_arg(Object *v, short *out) {
    int m;
    if (process_int_arg(v, &m) < 0) {
        return -1;
    }
    if (m < 0) {
        err_format(&ExcValueError, "value must be positive");
        return -1;
    }
    if (m > 0xffff) {
        err_format(&ExcOverflowError, "Python int too large for C unsigned short");
        return -1;
    }
    *out = (short)m;
    return 0;
}

/* register(fd, eventmask=POLLIN|POLLPRI|POLLOUT) and modify(fd, eventmask). */
static Object *poll_set(Object *self, Object *const *args, size_t nargs, Object *kwnames,
                        bool modify) {
    const char *fname = modify ? "modify" : "register";
    if (args_no_keywords(fname, kwnames) < 0 ||
        args_count(fname, nargs, modify ? 2 : 1, 2) < 0) {
        return NULL;
    }
    PollObject *p = (PollObject *)self;
    int fd = fd_of(args[0]);
    short mask = POLLIN | POLLPRI | POLLOUT;
    if (fd < 0 || (nargs == 2 && mask_arg(args[1], &mask) < 0)) {
        return NULL;
    }
    Object *key = small_int_make(fd);
    if (modify) {
        int has = dict_contains(p->registered, key);
        if (has < 0) {
            return NULL;
        }
        if (!has) {
            errno = ENOENT;
            return err_from_errno(NULL);
        }
    }
    if (dict_set(p->registered, key, small_int_make(mask)) < 0) {
        return NULL;
    }
    return none_ref();
}

static Object *poll_register(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return poll_set(self, args, nargs, kwnames, false);
}

static Object *poll_modify(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return poll_set(self, args, nargs, kwnames, true);
}

static Object *poll_unregister(Object *self, Object *const *args, size_t nargs,
                               Object *kwnames) {
    if (args_no_keywords("unregister", kwnames) < 0 || args_count("unregister", nargs, 1, 1) < 0) {
        return NULL;
    }
    int fd = fd_of(args[0]);
    if (fd < 0) {
        return NULL;
    }
    Object *key = small_int_make(fd);
    int has = dict_contains(((PollObject *)self)->registered, key);
    if (has < 0) {
        return NULL;
    }
    if (!has) {
        err_set_object(&ExcKeyError, key);
        return NULL;
    }
    if (dict_del(((PollObject *)self)->registered, key) < 0) {
        return NULL;
    }
    return none_ref();
}

/* poll([timeout]): timeout in milliseconds; None or negative waits forever.
 * Returns a list of (fd, revents) for the descriptors with events. */
static Object *poll_poll(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_no_keywords("poll", kwnames) < 0 || args_count("poll", nargs, 0, 1) < 0) {
        return NULL;
    }
    PollObject *p = (PollObject *)self;
    double deadline = -1;
    if (nargs == 1 && args[0] != None) {
        double ms;
        if (int_check(args[0])) {
            ms = int_to_double(args[0]);
        } else if (float_check(args[0])) {
            ms = float_value(args[0]);
        } else {
            return err_format(&ExcTypeError, "timeout must be an integer or None");
        }
        if (ms == -1.0 && err_occurred()) {
            return NULL;
        }
        if (ms >= 0) {
            deadline = now_seconds() + ceil(ms) / 1000.0;
        }
    }
    size_t n = dict_size(p->registered);
    struct pollfd *fds = mem_alloc_array(n + 1, sizeof(struct pollfd));
    if (fds == NULL) {
        return NULL;
    }
    size_t pos = 0, i = 0;
    Object *key, *value;
    while (dict_next(p->registered, &pos, &key, &value) && i < n) {
        fds[i].fd = (int)small_int_value(key);
        fds[i].events = (short)small_int_value(value);
        fds[i].revents = 0;
        i++;
    }
    Object *result = NULL;
    if (poll_released(fds, i, deadline) >= 0) {
        result = list_new(0);
        for (size_t j = 0; j < i && result != NULL; j++) {
            if (fds[j].revents == 0) {
                continue;
            }
            Object *pair = tuple_pack(2, small_int_make(fds[j].fd),
                                      small_int_make((unsigned short)fds[j].revents));
            if (pair == NULL || list_append(result, pair) < 0) {
                CLEAR(result);
            }
            XDECREF(pair);
        }
    }
    mem_free(fds);
    return result;
}

static const MethodDef poll_methods[] = {
    {"register", poll_register, 0, "Register a file descriptor with the polling object."},
    {"modify", poll_modify, 0, "Modify an already registered file descriptor."},
    {"unregister", poll_unregister, 0, "Remove a file descriptor being tracked."},
    {"poll", poll_poll, 0, "Poll the registered file descriptors for events."},
    {NULL, NULL, 0, NULL},
};

TypeObject PollType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "select.poll",
    .basic_size = sizeof(PollObject),
    .dealloc = poll_dealloc,
    .methods = poll_methods,
};

static Object *select_poll(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_count("poll", nargs, 0, 0) < 0) {
        return NULL;
    }
    PollObject *p = (PollObject *)obj_alloc(&PollType, sizeof(PollObject));
    if (p == NULL) {
        return NULL;
    }
    p->registered = dict_new();
    if (p->registered == NULL) {
        DECREF((Object *)p);
        return NULL;
    }
    return (Object *)p;
}

static const MethodDef select_functions[] = {
    {"select", select_select, 0,
     "select(rlist, wlist, xlist[, timeout]): wait until one or more fds are ready."},
    {"poll", select_poll, 0, "Return a polling object for file descriptors."},
    {NULL, NULL, 0, NULL},
};

Object *mod_select_init(void) {
    static const struct {
        const char *name;
        int value;
    } constants[] = {
        {"POLLIN", POLLIN},         {"POLLPRI", POLLPRI},       {"POLLOUT", POLLOUT},
        {"POLLERR", POLLERR},       {"POLLHUP", POLLHUP},       {"POLLNVAL", POLLNVAL},
        {"POLLRDNORM", POLLRDNORM}, {"POLLRDBAND", POLLRDBAND}, {"POLLWRNORM", POLLWRNORM},
        {"POLLWRBAND", POLLWRBAND}, {"POLLMSG", POLLMSG},       {"POLLRDHUP", POLLRDHUP},
        {"PIPE_BUF", PIPE_BUF},
    };
    if (type_ready(&PollType) < 0) {
        return NULL;
    }
    Object *m = module_new("select");
    if (m == NULL || module_add_functions(m, select_functions) < 0 ||
        module_add_object(m, "error", (Object *)&ExcOSError) < 0) {
        XDECREF(m);
        return NULL;
    }
    for (size_t i = 0; i < sizeof constants / sizeof constants[0]; i++) {
        if (module_add_int(m, constants[i].name, constants[i].value) < 0) {
            DECREF(m);
            return NULL;
        }
    }
    return m;
}
