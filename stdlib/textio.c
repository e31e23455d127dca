/* textio.c: text files over POSIX file descriptors (sys.stdin, sys.stdout,
 * sys.stderr): UTF-8 text, CPython's buffering rules, readline/read/write.
 * All system calls are in textio_sys_write and textio_sys_read below. */
#include "textio.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "args.h"
#include "errors.h"
#include "exceptions.h"
#include "int.h"
#include "list.h"
#include "memory.h"
#include "str.h"
#include "threads.h"
#include "tuple.h"

#define TEXTIO_BUFFER_SIZE 8192

typedef struct TextIOObject {
    Object base;
    int fd;
    char mode;                 /* 'r' or 'w' */
    TextIOBuffering buffering; /* for writes */
    bool owns_fd;              /* close(fd) when closed or freed */
    bool closed;
    bool eof;                  /* reads: the descriptor reported end of file */
    bool is_std;               /* a standard stream (its repr says encoding='utf-8') */
    Object *name;              /* str: "<stdout>" */
    char *wbuf;                /* pending output, wlen bytes */
    size_t wlen;
    char *rbuf;                /* input read ahead: bytes [rpos, rlen) are unread */
    size_t rpos, rlen;
} TextIOObject;

static inline TextIOObject *as_textio(Object *v) { return (TextIOObject *)v; }

/* ================================================================ system calls
 *
 * The only two functions that block. Later issues release the GIL around the
 * read()/write() calls here (see vm/gil.c); nothing else in this file may
 * touch a descriptor. */

/* Write all n bytes to fd. 0 on success, -1 with errno set. */
static int textio_sys_write(int fd, const char *data, size_t n) {
    if (n == 0) {
        return 0;
    }
    /* The GIL is released during write(): another thread may append to the
     * file's buffer meanwhile, so write from a private copy. */
    char *copy = malloc(n);
    if (copy == NULL) {
        errno = ENOMEM;
        return -1;
    }
    memcpy(copy, data, n);
    const char *p = copy;
    int status = 0;
    ThreadState *ts = threads_blocking_begin(BLOCK_IO);
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR) {
                continue;
            }
            status = -1;
            break;
        }
        p += w;
        n -= (size_t)w;
    }
    int err = errno;
    threads_blocking_end(ts);
    free(copy);
    errno = err;
    return status;
}

/* Read up to cap bytes. The count (0 at end of file), or -1 with errno set.
 * The GIL is released while waiting; the data lands in a private buffer and
 * is copied into buf once the GIL is back (other threads may use the file). */
static ssize_t textio_sys_read(int fd, char *buf, size_t cap) {
    char *tmp = malloc(cap > 0 ? cap : 1);
    if (tmp == NULL) {
        errno = ENOMEM;
        return -1;
    }
    ssize_t r;
    for (;;) {
        ThreadState *ts = threads_blocking_begin(BLOCK_IO);
        r = read(fd, tmp, cap);
        int err = errno;
        threads_blocking_end(ts);
        errno = err;
        if (r >= 0 || errno != EINTR) {
            break;
        }
        if (threads_check_interrupt() < 0) {
            free(tmp);
            errno = EINTR;
            return -2; /* KeyboardInterrupt is set */
        }
    }
    if (r > 0) {
        memcpy(buf, tmp, (size_t)r);
    }
    free(tmp);
    return r;
}

/* ================================================================ construction */

Object *textio_new(int fd, const char *name, char mode, TextIOBuffering buffering, bool owns_fd) {
    TextIOObject *f = (TextIOObject *)obj_alloc(&TextIOType, sizeof(TextIOObject));
    if (f == NULL) {
        return NULL;
    }
    f->fd = fd;
    f->mode = mode;
    f->buffering = buffering;
    f->owns_fd = owns_fd;
    f->name = str_from_cstr(name);
    f->wbuf = mem_alloc(TEXTIO_BUFFER_SIZE);
    f->rbuf = mem_alloc(TEXTIO_BUFFER_SIZE);
    if (f->name == NULL || f->wbuf == NULL || f->rbuf == NULL) {
        DECREF((Object *)f);
        return NULL;
    }
    return (Object *)f;
}

Object *textio_new_std(int fd) {
    Object *f;
    switch (fd) {
    case 0:
        f = textio_new(0, "<stdin>", 'r', TEXTIO_BLOCK_BUFFERED, false);
        break;
    case 1:
        f = textio_new(1, "<stdout>", 'w', isatty(1) ? TEXTIO_LINE_BUFFERED : TEXTIO_BLOCK_BUFFERED,
                       false);
        break;
    default:
        f = textio_new(fd, "<stderr>", 'w', TEXTIO_WRITE_THROUGH, false);
        break;
    }
    if (f != NULL) {
        as_textio(f)->is_std = true;
    }
    return f;
}

Object *textio_open_file(int fd, Object *name, const char *mode) {
    Object *f = textio_new(fd, "", mode[0], TEXTIO_BLOCK_BUFFERED, true);
    if (f == NULL) {
        close(fd);
        return NULL;
    }
    Object *old = as_textio(f)->name;
    as_textio(f)->name = NEWREF(name);
    DECREF(old);
    return f;
}

/* ================================================================ writing */

static int check_open(TextIOObject *f) {
    if (f->closed) {
        err_set_string(&ExcValueError, "I/O operation on closed file.");
        return -1;
    }
    return 0;
}

static int flush_buffer(TextIOObject *f) {
    if (f->wlen == 0) {
        return 0;
    }
    size_t n = f->wlen;
    f->wlen = 0; /* drop the data even on error, as CPython does for a broken pipe */
    if (textio_sys_write(f->fd, f->wbuf, n) < 0) {
        err_from_errno(NULL);
        return -1;
    }
    return 0;
}

int textio_flush(Object *file) {
    TextIOObject *f = as_textio(file);
    if (f->closed) {
        return 0;
    }
    return flush_buffer(f);
}

int textio_set_buffering(Object *file, TextIOBuffering buffering) {
    if (textio_flush(file) < 0) {
        return -1;
    }
    as_textio(file)->buffering = buffering;
    return 0;
}

int textio_write_utf8(Object *file, const char *s, size_t n) {
    TextIOObject *f = as_textio(file);
    if (check_open(f) < 0) {
        return -1;
    }
    if (f->mode == 'r') {
        err_set_string(&ExcOSError, "not writable");
        return -1;
    }
    if (f->wlen + n > TEXTIO_BUFFER_SIZE) {
        if (flush_buffer(f) < 0) {
            return -1;
        }
        if (n > TEXTIO_BUFFER_SIZE) { /* too big to buffer: write it directly */
            if (textio_sys_write(f->fd, s, n) < 0) {
                err_from_errno(NULL);
                return -1;
            }
            return 0;
        }
    }
    memcpy(f->wbuf + f->wlen, s, n);
    f->wlen += n;
    if (f->buffering == TEXTIO_WRITE_THROUGH ||
        (f->buffering == TEXTIO_LINE_BUFFERED && memchr(s, '\n', n) != NULL)) {
        return flush_buffer(f);
    }
    return 0;
}

int textio_write_object(Object *file, Object *str) {
    if (textio_check(file) && str_check(str)) {
        return textio_write_utf8(file, str_utf8(str), str_size(str));
    }
    Object *r = obj_call_method(file, "write", &str, 1);
    if (r == NULL) {
        return -1;
    }
    DECREF(r);
    return 0;
}

/* ================================================================ reading */

/* Refill the read-ahead buffer: 1 if data came, 0 at end of file, -1 on error. */
static int fill_buffer(TextIOObject *f) {
    if (f->eof) {
        return 0;
    }
    f->rpos = f->rlen = 0;
    ssize_t r = textio_sys_read(f->fd, f->rbuf, TEXTIO_BUFFER_SIZE);
    if (r == -2) {
        return -1; /* KeyboardInterrupt */
    }
    if (r < 0) {
        err_from_errno(NULL);
        return -1;
    }
    if (r == 0) {
        f->eof = true;
        return 0;
    }
    f->rlen = (size_t)r;
    return 1;
}

static int check_readable(TextIOObject *f) {
    if (check_open(f) < 0) {
        return -1;
    }
    if (f->mode != 'r') {
        err_set_string(&ExcOSError, "not readable");
        return -1;
    }
    return 0;
}

/* Read up to `limit` code points (all if limit < 0), stopping after a '\n' when
 * `stop_at_newline`. The result is a new str ("" at end of file). */
static Object *read_text(TextIOObject *f, ssize_t limit, bool stop_at_newline) {
    if (check_readable(f) < 0) {
        return NULL;
    }
    StrBuilder sb;
    sb_init(&sb);
    size_t chars = 0;
    for (;;) {
        if (f->rpos == f->rlen) {
            int r = fill_buffer(f);
            if (r < 0) {
                sb_discard(&sb);
                return NULL;
            }
            if (r == 0) {
                break;
            }
        }
        const char *start = f->rbuf + f->rpos;
        size_t avail = f->rlen - f->rpos;
        size_t take = avail;
        bool done = false;
        if (stop_at_newline) {
            const char *nl = memchr(start, '\n', avail);
            if (nl != NULL) {
                take = (size_t)(nl - start) + 1;
                done = true;
            }
        }
        if (limit >= 0) {
            /* Stop after `limit` code points, keeping multi-byte characters whole. */
            size_t i = 0;
            while (i < take && chars < (size_t)limit) {
                i++;
                while (i < take && ((unsigned char)start[i] & 0xC0) == 0x80) {
                    i++;
                }
                chars++;
            }
            if (chars == (size_t)limit) {
                done = true;
            }
            take = i;
        }
        sb_append(&sb, start, take);
        f->rpos += take;
        if (done) {
            break;
        }
    }
    if (sb.failed) {
        sb_discard(&sb);
        return NULL;
    }
    Object *s = str_decode_utf8(sb.data != NULL ? sb.data : "", sb.size);
    sb_discard(&sb);
    return s;
}

Object *textio_readline(Object *file, ssize_t limit) {
    return read_text(as_textio(file), limit, true);
}

/* ================================================================ methods */

/* Optional size argument of read/readline: None or an int; -1 means all. */
static int parse_size(const char *fname, Object *const *args, size_t nargs, Object *kwnames,
                      ssize_t *out) {
    if (args_no_keywords(fname, kwnames) < 0 || args_count(fname, nargs, 0, 1) < 0) {
        return -1;
    }
    *out = -1;
    if (nargs == 1 && args[0] != None) {
        if (!int_check(args[0])) {
            err_format(&ExcTypeError, "argument should be integer or None, not '%T'", args[0]);
            return -1;
        }
        *out = obj_as_ssize(args[0]);
        if (*out == -1 && err_occurred()) {
            return -1;
        }
    }
    return 0;
}

static Object *textio_write_method(Object *self, Object *const *args, size_t nargs,
                                   Object *kwnames) {
    if (args_no_keywords("write", kwnames) < 0 || args_count("write", nargs, 1, 1) < 0) {
        return NULL;
    }
    if (!str_check(args[0])) {
        return err_format(&ExcTypeError, "write() argument must be str, not %T", args[0]);
    }
    if (textio_write_utf8(self, str_utf8(args[0]), str_size(args[0])) < 0) {
        return NULL;
    }
    return int_from_u64(str_length(args[0]));
}

static Object *textio_flush_method(Object *self, Object *const *args, size_t nargs,
                                   Object *kwnames) {
    if (args_no_keywords("flush", kwnames) < 0 || args_count("flush", nargs, 0, 0) < 0) {
        return NULL;
    }
    if (check_open(as_textio(self)) < 0 || textio_flush(self) < 0) {
        return NULL;
    }
    return none_ref();
}

static Object *textio_fileno_method(Object *self, Object *const *args, size_t nargs,
                                    Object *kwnames) {
    if (args_no_keywords("fileno", kwnames) < 0 || args_count("fileno", nargs, 0, 0) < 0 ||
        check_open(as_textio(self)) < 0) {
        return NULL;
    }
    return small_int_make(as_textio(self)->fd);
}

static Object *textio_isatty_method(Object *self, Object *const *args, size_t nargs,
                                    Object *kwnames) {
    if (args_no_keywords("isatty", kwnames) < 0 || args_count("isatty", nargs, 0, 0) < 0 ||
        check_open(as_textio(self)) < 0) {
        return NULL;
    }
    return bool_from(isatty(as_textio(self)->fd) == 1);
}

static Object *textio_readline_method(Object *self, Object *const *args, size_t nargs,
                                      Object *kwnames) {
    ssize_t limit;
    if (parse_size("readline", args, nargs, kwnames, &limit) < 0) {
        return NULL;
    }
    return read_text(as_textio(self), limit, true);
}

static Object *textio_read_method(Object *self, Object *const *args, size_t nargs,
                                  Object *kwnames) {
    ssize_t limit;
    if (parse_size("read", args, nargs, kwnames, &limit) < 0) {
        return NULL;
    }
    return read_text(as_textio(self), limit, false);
}

static Object *textio_readlines_method(Object *self, Object *const *args, size_t nargs,
                                       Object *kwnames) {
    if (args_no_keywords("readlines", kwnames) < 0 || args_count("readlines", nargs, 0, 1) < 0) {
        return NULL;
    }
    Object *lines = list_new(0);
    if (lines == NULL) {
        return NULL;
    }
    for (;;) {
        Object *line = read_text(as_textio(self), -1, true);
        if (line == NULL) {
            DECREF(lines);
            return NULL;
        }
        if (str_size(line) == 0) {
            DECREF(line);
            return lines;
        }
        int rc = list_append(lines, line);
        DECREF(line);
        if (rc < 0) {
            DECREF(lines);
            return NULL;
        }
    }
}

static void textio_close_fd(TextIOObject *f) {
    if (!f->closed && f->owns_fd) {
        close(f->fd);
    }
    f->closed = true;
}

static Object *textio_close_method(Object *self, Object *const *args, size_t nargs,
                                   Object *kwnames) {
    if (args_no_keywords("close", kwnames) < 0 || args_count("close", nargs, 0, 0) < 0) {
        return NULL;
    }
    TextIOObject *f = as_textio(self);
    int rc = textio_flush(self);
    textio_close_fd(f);
    if (rc < 0) {
        return NULL;
    }
    return none_ref();
}

static Object *textio_readable_method(Object *self, Object *const *args, size_t nargs,
                                      Object *kwnames) {
    if (check_open(as_textio(self)) < 0) {
        return NULL;
    }
    return bool_from(as_textio(self)->mode == 'r');
}

static Object *textio_writable_method(Object *self, Object *const *args, size_t nargs,
                                      Object *kwnames) {
    if (check_open(as_textio(self)) < 0) {
        return NULL;
    }
    return bool_from(as_textio(self)->mode != 'r');
}

static Object *textio_seekable_method(Object *self, Object *const *args, size_t nargs,
                                      Object *kwnames) {
    if (check_open(as_textio(self)) < 0) {
        return NULL;
    }
    return bool_from(false);
}

static Object *textio_enter_method(Object *self, Object *const *args, size_t nargs,
                                   Object *kwnames) {
    if (check_open(as_textio(self)) < 0) {
        return NULL;
    }
    return NEWREF(self);
}

static Object *textio_exit_method(Object *self, Object *const *args, size_t nargs,
                                  Object *kwnames) {
    return textio_close_method(self, NULL, 0, NULL);
}

static const MethodDef textio_methods[] = {
    {"write", textio_write_method, 0, "Write string s to stream and return the number of characters written."},
    {"flush", textio_flush_method, 0, "Flush write buffers, if applicable."},
    {"fileno", textio_fileno_method, 0, "Return underlying file descriptor if one exists."},
    {"isatty", textio_isatty_method, 0, "Return whether this is an 'interactive' stream."},
    {"readline", textio_readline_method, 0, "Read until newline or EOF."},
    {"read", textio_read_method, 0, "Read at most size characters from stream."},
    {"readlines", textio_readlines_method, 0, "Return a list of lines from the stream."},
    {"close", textio_close_method, 0, "Flush and close the IO object."},
    {"readable", textio_readable_method, 0, "Return whether object was opened for reading."},
    {"writable", textio_writable_method, 0, "Return whether object was opened for writing."},
    {"seekable", textio_seekable_method, 0, "Return whether object supports random access."},
    {"__enter__", textio_enter_method, 0, NULL},
    {"__exit__", textio_exit_method, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static Object *textio_get_closed(Object *self) { return bool_from(as_textio(self)->closed); }
static Object *textio_get_encoding(Object *self) { return str_from_cstr("utf-8"); }
static Object *textio_get_name(Object *self) { return NEWREF(as_textio(self)->name); }
static Object *textio_get_mode(Object *self) {
    char mode[2] = {as_textio(self)->mode, '\0'};
    return str_from_cstr(mode);
}
static Object *textio_get_errors(Object *self) {
    TextIOObject *f = as_textio(self);
    return str_from_cstr(f->mode == 'r' || f->fd == 1 ? "strict" : "backslashreplace");
}
static Object *textio_get_line_buffering(Object *self) {
    return bool_from(as_textio(self)->buffering == TEXTIO_LINE_BUFFERED);
}

static const GetSetDef textio_getsets[] = {
    {"closed", textio_get_closed, NULL, NULL},
    {"encoding", textio_get_encoding, NULL, "Encoding of the text stream."},
    {"name", textio_get_name, NULL, NULL},
    {"mode", textio_get_mode, NULL, NULL},
    {"errors", textio_get_errors, NULL, "The error setting of the decoder or encoder."},
    {"line_buffering", textio_get_line_buffering, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

/* ================================================================ slots */

static Object *textio_repr(Object *self) {
    TextIOObject *f = as_textio(self);
    return str_from_format("<_io.TextIOWrapper name=%R mode='%c' encoding='%s'>", f->name,
                           f->mode, f->is_std ? "utf-8" : "UTF-8");
}

static Object *textio_iter(Object *self) {
    if (check_readable(as_textio(self)) < 0) {
        return NULL;
    }
    return NEWREF(self);
}

/* Iterating a file yields its lines; NULL without an error at end of file. */
static Object *textio_iternext(Object *self) {
    Object *line = read_text(as_textio(self), -1, true);
    if (line != NULL && str_size(line) == 0) {
        DECREF(line);
        return NULL;
    }
    return line;
}

static void textio_dealloc(Object *self) {
    TextIOObject *f = as_textio(self);
    if (!f->closed && f->wlen > 0) {
        /* Errors while flushing a dying file cannot be reported (CPython
         * prints "Exception ignored"; the VM flushes the std streams first). */
        if (flush_buffer(f) < 0) {
            err_clear();
        }
    }
    textio_close_fd(f);
    XDECREF(f->name);
    mem_free(f->wbuf);
    mem_free(f->rbuf);
    obj_free(self);
}

TypeObject TextIOType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "_io.TextIOWrapper",
    .basic_size = sizeof(TextIOObject),
    .flags = 0,
    .base_type = &ObjectType,
    .dealloc = textio_dealloc,
    .repr = textio_repr,
    .iter = textio_iter,
    .iternext = textio_iternext,
    .methods = textio_methods,
    .getsets = textio_getsets,
    .doc = "Character and line based layer over a file descriptor.",
};
