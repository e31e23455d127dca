/* traceback.h: traceback objects (one entry per frame an exception passed
 * through) and printing exceptions exactly as CPython 3.11 does. */
#ifndef GILPY_TRACEBACK_H
#define GILPY_TRACEBACK_H

#include "code.h"
#include "object.h"
#include "str.h"

/* A traceback entry. Frame-less: it keeps the code object and the index of
 * the failing instruction, from which the line and columns are derived. */
typedef struct TracebackObject {
    Object base;
    Object *next;      /* the next (inner) entry, or NULL */
    CodeObject *code;  /* strong */
    Object *globals;   /* strong: the frame's globals (NameError suggestions) */
    int lasti;         /* instruction index */
    int lineno;
} TracebackObject;

extern TypeObject TracebackType;

/* Prepend an entry for (code, lasti) to the traceback of the pending
 * exception, as each frame the exception leaves does. Never fails (on
 * MemoryError the entry is just missing). */
void traceback_here(CodeObject *code, uint32_t lasti, Object *globals);

/* Append the full CPython 3.11 rendering of `exc` (chained exceptions,
 * "Traceback (most recent call last):", frames with source lines and
 * carets, "Type: message") to `out`. */
void traceback_format_exception(Object *exc, StrBuilder *out);

/* Append only the last part of that rendering for `exc` (no chain, no
 * traceback): "Type: message" (with SyntaxError's source line and caret)
 * plus any __notes__, as traceback.format_exception_only. */
void traceback_format_exception_only(Object *exc, StrBuilder *out);

/* Append one str per entry of the traceback chain `tb` (borrowed; anything
 * but a traceback appends nothing) to `list`, as traceback.format_tb.
 * Returns 0, or -1 with an exception set. */
int traceback_format_tb(Object *tb, Object *list);

/* Append a stack entry for the frame running `code` at instruction `lasti`:
 * "  File ..., line N, in name" and its source line (no carets), as
 * traceback.print_stack shows one. */
void traceback_format_frame(StrBuilder *out, CodeObject *code, uint32_t lasti);

/* Remember the source text of `filename` so tracebacks can show its lines
 * even when it is not a file on disk (borrowed str objects). */
void traceback_remember_source(Object *filename, Object *source);

#endif /* GILPY_TRACEBACK_H */
