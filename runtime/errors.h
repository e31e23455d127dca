/* errors.h: raising, testing and clearing the pending exception.
 *
 * gilpy's errors travel as return values (DESIGN decision 2): a failing
 * function sets the pending exception of the current thread with one of the
 * err_* functions below and returns NULL (or -1). Its caller passes the
 * failure up until someone handles it (the eval loop's unwinder, or C code
 * that calls err_clear()). No setjmp/longjmp anywhere.
 */
#ifndef GILPY_ERRORS_H
#define GILPY_ERRORS_H

#include <stdarg.h>

#include "object.h"

/* Raise an instance of `type` whose single argument is the str `msg`. */
void err_set_string(TypeObject *type, const char *msg);

/* Raise `type` with a message built like printf, plus:
 *   %R  repr() of an Object *      %S  str() of an Object *
 *   %T  type name of an Object *   %U  an Object * that is a str
 * Always returns NULL so callers can write `return err_format(...)`. */
Object *err_format(TypeObject *type, const char *fmt, ...);
Object *err_vformat(TypeObject *type, const char *fmt, va_list ap);

/* Raise `type` with no arguments (or with the given args tuple / value). */
void err_set_none(TypeObject *type);
void err_set_object(TypeObject *type, Object *value); /* value: the single arg, or an instance */

/* Raise an exception instance or class (as `raise exc` does). Borrows exc. */
void err_set_exception(Object *exc);

/* Raise errno's OSError subclass (FileNotFoundError...) with optional filename. */
Object *err_from_errno(Object *filename);

void err_no_memory(void); /* MemoryError */
/* Make the preallocated MemoryError (runtime_init calls it once). */
void err_init_memory_error(void);

/* The pending exception instance (borrowed) or NULL. */
Object *err_occurred(void);
/* True when the pending exception is an instance of `type` (or a subclass). */
bool err_matches(TypeObject *type);
/* Take the pending exception (new reference, may be NULL) and clear it. */
Object *err_fetch(void);
/* Make exc (stolen, may be NULL) the pending exception. */
void err_restore(Object *exc);
void err_clear(void);

/* Abort the process with a message: a broken internal invariant, never a user error. */
_Noreturn void fatal_error(const char *fmt, ...);

#endif /* GILPY_ERRORS_H */
