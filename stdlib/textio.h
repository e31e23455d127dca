/* textio.h: text file objects over file descriptors (sys.stdin, sys.stdout,
 * sys.stderr), with CPython's buffering rules and a fast path for print. */
#ifndef GILPY_TEXTIO_H
#define GILPY_TEXTIO_H

#include "object.h"

extern TypeObject TextIOType;

static inline bool textio_check(const Object *v) {
    return !is_small_int(v) && v->type == &TextIOType;
}

/* How a text file buffers its writes. */
typedef enum {
    TEXTIO_BLOCK_BUFFERED, /* flush when the buffer fills (stdout on a pipe or file) */
    TEXTIO_LINE_BUFFERED,  /* flush after each newline (stdout on a terminal) */
    TEXTIO_WRITE_THROUGH   /* flush after each write (stderr, so it interleaves right) */
} TextIOBuffering;

/* A text file over `fd` ('r' or 'w' mode). `name` is shown in its repr
 * ("<stdout>"). The file does not close fd when it dies unless `owns_fd`.
 * New reference; NULL with an exception on failure. */
MAY_RAISE Object *textio_new(int fd, const char *name, char mode, TextIOBuffering buffering,
                             bool owns_fd);

/* The standard streams with CPython's buffering (stdout line-buffered on a
 * terminal, block-buffered otherwise; stderr written through). */
MAY_RAISE Object *textio_new_std(int fd);

/* A block-buffered text file over `fd` (which it owns and closes) opened by
 * open(): `name` (borrowed) is the path as given, `mode` "r", "w", "a" or "x",
 * optionally followed by 'b' (binary: bytes in and out) and '+' (update).
 * Closes fd on failure. */
MAY_RAISE Object *textio_open_file(int fd, Object *name, const char *mode);

/* Change how a text file buffers its writes (flushing what is pending first):
 * `gilpy -u` and PYTHONUNBUFFERED make sys.stdout write-through. 0 or -1. */
MAY_RAISE int textio_set_buffering(Object *file, TextIOBuffering buffering);

/* Append n bytes of UTF-8 to a writable text file (print's fast path), flushing
 * per its buffering. 0 on success, -1 with an exception. */
MAY_RAISE int textio_write_utf8(Object *file, const char *s, size_t n);
/* Write buffered data to the descriptor. 0 or -1 with an exception. */
MAY_RAISE int textio_flush(Object *file);
/* Read one line (with its '\n', "" at end of file) as a str. */
MAY_RAISE Object *textio_readline(Object *file, ssize_t limit);

/* Write `v` (any object: str fast path for text files, else file.write(str(v)))
 * to `file`; used by print and the traceback printer. */
MAY_RAISE int textio_write_object(Object *file, Object *str);

#endif /* GILPY_TEXTIO_H */
