/* posix_fd.c: os functions on raw file descriptors: pipe, read, write,
 * close, open, dup... Each blocking one releases the GIL around its system
 * call (vm/threads.h), so a thread waiting on a pipe lets the others run. */
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "args.h"
#include "bytes.h"
#include "errors.h"
#include "exceptions.h"
#include "int.h"
#include "memory.h"
#include "module.h"
#include "process.h"
#include "str.h"
#include "threads.h"
#include "tuple.h"

/* After a failed call: raise OSError, or KeyboardInterrupt for a Ctrl-C. 
 * Returns 1 when the call should simply be retried (EINTR, no Ctrl-C). */
static int failed_call(int err) {
    if (err == EINTR) {
        return threads_check_interrupt() < 0 ? -1 : 1;
    }
    errno = err;
    err_from_errno(NULL);
    return -1;
}

static Object *posix_pipe(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_count("pipe", nargs, 0, 0) < 0) {
        return NULL;
    }
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) < 0) {
        return err_from_errno(NULL);
    }
    return tuple_pack(2, small_int_make(fds[0]), small_int_make(fds[1]));
}

static Object *posix_read(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    int fd, n;
    if (args_no_keywords("read", kwnames) < 0 || args_count("read", nargs, 2, 2) < 0 ||
        process_int_arg(args[0], &fd) < 0 || process_int_arg(args[1], &n) < 0) {
        return NULL;
    }
    if (n < 0) {
        errno = EINVAL;
        return err_from_errno(NULL);
    }
    if (threads_check_interrupt() < 0) { /* a Ctrl-C that arrived just before */
        return NULL;
    }
    char *buf = mem_alloc((size_t)n + 1);
    if (buf == NULL) {
        return NULL;
    }
    ssize_t r;
    for (;;) {
        ThreadState *ts = threads_blocking_begin(BLOCK_IO);
        r = read(fd, buf, (size_t)n);
        int err = errno;
        threads_blocking_end(ts);
        if (r >= 0) {
            break;
        }
        int retry = failed_call(err);
        if (retry < 0) {
            mem_free(buf);
            return NULL;
        }
    }
    Object *result = bytes_from_data(buf, (size_t)r);
    mem_free(buf);
    return result;
}

static Object *posix_write(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    int fd;
    if (args_no_keywords("write", kwnames) < 0 || args_count("write", nargs, 2, 2) < 0 ||
        process_int_arg(args[0], &fd) < 0) {
        return NULL;
    }
    if (!bytes_check(args[1])) {
        return err_format(&ExcTypeError, "a bytes-like object is required, not '%.100s'",
                          obj_type_name(args[1]));
    }
    /* The bytes object is immutable and we hold a reference through args,
     * so its buffer stays valid while the GIL is released. */
    const char *data = bytes_data(args[1]);
    size_t size = bytes_size(args[1]);
    ssize_t w;
    for (;;) {
        ThreadState *ts = threads_write_begin();
        w = write(fd, data, size);
        int err = errno;
        threads_write_end(ts);
        if (w >= 0) {
            break;
        }
        if (failed_call(err) < 0) {
            return NULL;
        }
    }
    return int_from_i64(w);
}

static Object *posix_close(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    int fd;
    if (args_count("close", nargs, 1, 1) < 0 || process_int_arg(args[0], &fd) < 0) {
        return NULL;
    }
    if (close(fd) < 0 && errno != EINTR) {
        return err_from_errno(NULL);
    }
    return none_ref();
}

static Object *posix_open(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    static const char *const kwlist[] = {"path", "flags", "mode", NULL};
    Object *a[3];
    int flags, mode = 0777;
    if (args_parse("open", args, nargs, kwnames, kwlist, 2, a) < 0 ||
        process_int_arg(a[1], &flags) < 0 || (a[2] != NULL && process_int_arg(a[2], &mode) < 0)) {
        return NULL;
    }
    if (!str_check(a[0])) {
        return err_format(&ExcTypeError, "open: path should be string, not %.100s",
                          obj_type_name(a[0]));
    }
    int fd;
    for (;;) {
        ThreadState *ts = threads_blocking_begin(BLOCK_IO);
        fd = open(str_utf8(a[0]), flags | O_CLOEXEC, mode);
        int err = errno;
        threads_blocking_end(ts);
        if (fd >= 0) {
            break;
        }
        if (err != EINTR) {
            errno = err;
            return err_from_errno(a[0]);
        }
        if (threads_check_interrupt() < 0) {
            return NULL;
        }
    }
    return int_from_i64(fd);
}

static Object *posix_dup(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    int fd;
    if (args_count("dup", nargs, 1, 1) < 0 || process_int_arg(args[0], &fd) < 0) {
        return NULL;
    }
    int r = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    return r < 0 ? err_from_errno(NULL) : int_from_i64(r);
}

static Object *posix_dup2(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    int fd, fd2;
    if (args_count("dup2", nargs, 2, 3) < 0 || process_int_arg(args[0], &fd) < 0 ||
        process_int_arg(args[1], &fd2) < 0) {
        return NULL;
    }
    int r = dup2(fd, fd2);
    return r < 0 ? err_from_errno(NULL) : int_from_i64(r);
}

static Object *posix_isatty(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    int fd;
    if (args_count("isatty", nargs, 1, 1) < 0 || process_int_arg(args[0], &fd) < 0) {
        return NULL;
    }
    return bool_from(isatty(fd) == 1);
}

static const MethodDef posix_fd_functions[] = {
    {"pipe", posix_pipe, 0, "Create a pipe; return (read_fd, write_fd)."},
    {"read", posix_read, 0, "Read at most n bytes from file descriptor fd."},
    {"write", posix_write, 0, "Write bytes to a file descriptor; return the count written."},
    {"close", posix_close, 0, "Close a file descriptor."},
    {"open", posix_open, 0, "Open a file for low level IO; return a file descriptor."},
    {"dup", posix_dup, 0, "Return a duplicate of a file descriptor."},
    {"dup2", posix_dup2, 0, "Duplicate file descriptor fd onto fd2."},
    {"isatty", posix_isatty, 0, "Is the file descriptor connected to a terminal?"},
    {NULL, NULL, 0, NULL},
};

int posix_add_fd_functions(Object *module) {
    static const struct {
        const char *name;
        int value;
    } constants[] = {
        {"O_RDONLY", O_RDONLY}, {"O_WRONLY", O_WRONLY}, {"O_RDWR", O_RDWR},
        {"O_APPEND", O_APPEND}, {"O_CREAT", O_CREAT},   {"O_EXCL", O_EXCL},
        {"O_TRUNC", O_TRUNC},   {"O_NONBLOCK", O_NONBLOCK}, {"O_CLOEXEC", O_CLOEXEC},
    };
    if (module_add_functions(module, posix_fd_functions) < 0) {
        return -1;
    }
    for (size_t i = 0; i < sizeof constants / sizeof constants[0]; i++) {
        if (module_add_int(module, constants[i].name, constants[i].value) < 0) {
            return -1;
        }
    }
    return 0;
}
