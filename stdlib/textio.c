/* textio.c: files over POSIX file descriptors (sys.stdin, sys.stdout,
 * sys.stderr, and what open() returns): UTF-8 text or bytes (binary mode),
 * CPython's buffering rules, read/readline/write/seek/tell, '+' update modes.
 * All blocking system calls are in textio_sys_write and textio_sys_read below. */
#include "textio.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "args.h"
#include "bytes.h"
#include "errors.h"
#include "exceptions.h"
#include "int.h"
#include "list.h"
#include "memory.h"
#include "repl.h"
#include "str.h"
#include "threads.h"
#include "tuple.h"

#define TEXTIO_BUFFER_SIZE 8192

typedef struct TextIOObject {
    Object base;
    int fd;
    char mode;                 /* 'r', 'w', 'a' or 'x' (open()'s kind) */
    bool binary;               /* 'b': read returns bytes, write takes bytes */
    bool plus;                 /* '+': open for reading and writing */
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

static inline bool can_read(const TextIOObject *f) { return f->mode == 'r' || f->plus; }
static inline bool can_write(const TextIOObject *f) { return f->mode != 'r' || f->plus; }

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
    ThreadState *ts = threads_write_begin();
    /* At the interactive prompt, output of other threads goes above the
     * line being edited (vm/repl.c). */
    bool around_prompt = repl_terminal_write_begin(fd);
    bool ends_line = p[n - 1] == '\n';
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
    repl_terminal_write_end(around_prompt, ends_line);
    threads_write_end(ts);
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
    as_textio(f)->binary = strchr(mode, 'b') != NULL;
    as_textio(f)->plus = strchr(mode, '+') != NULL;
    Object *old = as_textio(f)->name;
    as_textio(f)->name = NEWREF(name);
    DECREF(old);
    return f;
}

/* ================================================================ writing */

/* In a '+' file, give back the read-ahead before writing or seeking: move the
 * descriptor back to the logical position. 0, or -1 with an exception. */
static int drop_readahead(TextIOObject *f) {
    if (f->rpos < f->rlen) {
        off_t back = (off_t)(f->rlen - f->rpos);
        f->rpos = f->rlen = 0;
        if (lseek(f->fd, -back, SEEK_CUR) < 0) {
            err_from_errno(NULL);
            return -1;
        }
    }
    f->rpos = f->rlen = 0;
    f->eof = false;
    return 0;
}

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
    if (!can_write(f)) {
        err_set_string(&ExcOSError, "not writable");
        return -1;
    }
    if (f->plus && f->rlen != 0 && drop_readahead(f) < 0) {
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
    if (!can_read(f)) {
        err_set_string(&ExcOSError, "not readable");
        return -1;
    }
    return f->wlen > 0 ? flush_buffer(f) : 0; /* '+' files: written data first */
}

/* Read up to `limit` code points (bytes in binary mode; all if limit < 0),
 * stopping after a '\n' when `stop_at_newline`. The result is a new str, or
 * bytes in binary mode ("" or b"" at end of file). */
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
        if (limit >= 0 && f->binary) {
            if (take >= (size_t)limit - chars) {
                take = (size_t)limit - chars;
                done = true;
            }
            chars += take;
        } else if (limit >= 0) {
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
    Object *s = f->binary ? bytes_from_data(sb.data != NULL ? sb.data : "", sb.size)
                          : str_decode_utf8(sb.data != NULL ? sb.data : "", sb.size);
    sb_discard(&sb);
    return s;
}

/* The size of what read_text returned (0 means end of file). */
static size_t read_size(Object *v) { return bytes_check(v) ? bytes_size(v) : str_size(v); }

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
    if (as_textio(self)->binary) {
        if (!bytes_check(args[0])) {
            return err_format(&ExcTypeError, "a bytes-like object is required, not '%T'",
                              args[0]);
        }
        if (textio_write_utf8(self, bytes_data(args[0]), bytes_size(args[0])) < 0) {
            return NULL;
        }
        return int_from_u64(bytes_size(args[0]));
    }
    if (!str_check(args[0])) {
        return err_format(&ExcTypeError, "write() argument must be str, not %T", args[0]);
    }
    if (textio_write_utf8(self, str_utf8(args[0]), str_size(args[0])) < 0) {
        return NULL;
    }
    return int_from_u64(str_length(args[0]));
}

/* seek(offset, whence=0): flush, forget the read-ahead, move the descriptor.
 * Text files accept only CPython's text seeks (no nonzero relative offsets).
 * Returns the new absolute position. */
static Object *textio_seek_method(Object *self, Object *const *args, size_t nargs,
                                  Object *kwnames) {
    if (args_no_keywords("seek", kwnames) < 0 || args_count("seek", nargs, 1, 2) < 0) {
        return NULL;
    }
    TextIOObject *f = as_textio(self);
    if (check_open(f) < 0) {
        return NULL;
    }
    if (!int_check(args[0])) {
        return err_format(&ExcTypeError, "'%T' object cannot be interpreted as an integer",
                          args[0]);
    }
    ssize_t offset = obj_as_ssize(args[0]);
    ssize_t whence = nargs > 1 ? obj_as_ssize(args[1]) : 0;
    if ((offset == -1 || whence == -1) && err_occurred()) {
        return NULL;
    }
    if (whence < 0 || whence > 2) {
        return err_format(&ExcValueError, "invalid whence (%zd, should be 0, 1 or 2)", whence);
    }
    if (!f->binary && whence == 1 && offset != 0) {
        return err_format(&ExcOSError, "can't do nonzero cur-relative seeks");
    }
    if (!f->binary && whence == 2 && offset != 0) {
        return err_format(&ExcOSError, "can't do nonzero end-relative seeks");
    }
    if (!f->binary && whence == 0 && offset < 0) {
        return err_format(&ExcValueError, "negative seek position %zd", offset);
    }
    if (flush_buffer(f) < 0 || drop_readahead(f) < 0) {
        return NULL;
    }
    off_t pos = lseek(f->fd, (off_t)offset, whence == 0 ? SEEK_SET : whence == 1 ? SEEK_CUR
                                                                                 : SEEK_END);
    if (pos < 0) {
        return err_from_errno(NULL);
    }
    return int_from_i64((int64_t)pos);
}

/* tell(): the logical position (descriptor position, minus the read-ahead,
 * plus pending output). */
static Object *textio_tell_method(Object *self, Object *const *args, size_t nargs,
                                  Object *kwnames) {
    if (args_no_keywords("tell", kwnames) < 0 || args_count("tell", nargs, 0, 0) < 0) {
        return NULL;
    }
    TextIOObject *f = as_textio(self);
    if (check_open(f) < 0) {
        return NULL;
    }
    off_t pos = lseek(f->fd, 0, SEEK_CUR);
    if (pos < 0) {
        return err_from_errno(NULL);
    }
    return int_from_i64((int64_t)pos - (int64_t)(f->rlen - f->rpos) + (int64_t)f->wlen);
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
        if (read_size(line) == 0) {
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
    return bool_from(can_read(as_textio(self)));
}

static Object *textio_writable_method(Object *self, Object *const *args, size_t nargs,
                                      Object *kwnames) {
    if (check_open(as_textio(self)) < 0) {
        return NULL;
    }
    return bool_from(can_write(as_textio(self)));
}

static Object *textio_seekable_method(Object *self, Object *const *args, size_t nargs,
                                      Object *kwnames) {
    if (check_open(as_textio(self)) < 0) {
        return NULL;
    }
    return bool_from(lseek(as_textio(self)->fd, 0, SEEK_CUR) >= 0);
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
    {"seek", textio_seek_method, 0, "Change the stream position to the given offset."},
    {"tell", textio_tell_method, 0, "Return the current stream position."},
    {"__enter__", textio_enter_method, 0, NULL},
    {"__exit__", textio_exit_method, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static Object *textio_get_closed(Object *self) { return bool_from(as_textio(self)->closed); }
static Object *textio_get_encoding(Object *self) { return str_from_cstr("utf-8"); }
static Object *textio_get_name(Object *self) { return NEWREF(as_textio(self)->name); }
/* The mode as CPython shows it: "r", "w+", "rb", "ab+"... */
static void textio_mode_text(const TextIOObject *f, char out[4]) {
    size_t n = 0;
    out[n++] = f->mode;
    if (f->binary) {
        out[n++] = 'b';
    }
    if (f->plus) {
        out[n++] = '+';
    }
    out[n] = '\0';
}

static Object *textio_get_mode(Object *self) {
    char mode[4];
    textio_mode_text(as_textio(self), mode);
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
    if (f->binary) {
        const char *kind = f->plus ? "BufferedRandom" : f->mode == 'r' ? "BufferedReader"
                                                                       : "BufferedWriter";
        return str_from_format("<_io.%s name=%R>", kind, f->name);
    }
    char mode[4];
    textio_mode_text(f, mode);
    return str_from_format("<_io.TextIOWrapper name=%R mode='%s' encoding='%s'>", f->name, mode,
                           f->is_std ? "utf-8" : "UTF-8");
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
    if (line != NULL && read_size(line) == 0) {
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
