/* errors.c: the pending exception of the current thread (errors.h).
 *
 * Setting an exception while another one is being handled (inside `except`)
 * links the new one to it through __context__, as CPython does, which is what
 * makes "During handling of the above exception, another exception occurred"
 * possible. err_restore re-raises without linking. */
#include "errors.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exceptions.h"
#include "state.h"
#include "str.h"
#include "tuple.h"

/* Made once by runtime_init so that running out of memory does not need memory. */
static Object *preallocated_memory_error;

void err_init_memory_error(void) {
    Object *args = tuple_new(0);
    if (args != NULL) {
        preallocated_memory_error = exception_new(&ExcMemoryError, args);
        DECREF(args);
    }
}

/* Link exc.__context__ to the exception being handled, breaking any cycle
 * that would form (CPython's _PyErr_SetObject does the same walk). */
static void chain_context(Object *exc) {
    ThreadState *ts = ts_current();
    Object *handled = ts->handled_exception;
    if (handled == NULL || handled == exc || !exception_check(exc)) {
        return;
    }
    /* If exc already appears in handled's context chain, cut it out there. */
    Object *o = handled;
    while (o != NULL) {
        ExceptionObject *e = (ExceptionObject *)o;
        if (e->context == exc) {
            CLEAR(e->context);
            break;
        }
        o = e->context;
    }
    ExceptionObject *target = (ExceptionObject *)exc;
    if (target->context == NULL) {
        INCREF(handled);
        target->context = handled;
    }
}

static void set_pending(Object *exc /* stolen */) {
    ThreadState *ts = ts_current();
    chain_context(exc);
    Object *old = ts->current_exception;
    ts->current_exception = exc;
    XDECREF(old);
}

void err_set_object(TypeObject *type, Object *value) {
    if (value != NULL && exception_check(value) && obj_is_instance_of(value, type)) {
        INCREF(value);
        set_pending(value);
        return;
    }
    Object *args = value == NULL ? tuple_new(0) : tuple_pack(1, value);
    if (args == NULL) {
        return;
    }
    Object *exc = exception_new(type, args);
    DECREF(args);
    if (exc != NULL) {
        set_pending(exc);
    }
}

void err_set_none(TypeObject *type) { err_set_object(type, NULL); }

void err_set_string(TypeObject *type, const char *msg) {
    Object *s = str_from_cstr(msg);
    if (s == NULL) {
        return;
    }
    err_set_object(type, s);
    DECREF(s);
}

Object *err_vformat(TypeObject *type, const char *fmt, va_list ap) {
    Object *msg = str_from_vformat(fmt, ap);
    if (msg != NULL) {
        err_set_object(type, msg);
        DECREF(msg);
    }
    return NULL;
}

Object *err_format(TypeObject *type, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    err_vformat(type, fmt, ap);
    va_end(ap);
    return NULL;
}

void err_set_exception(Object *exc) {
    if (!is_small_int(exc) && exc->type == &TypeType && type_is_exception((TypeObject *)exc)) {
        err_set_none((TypeObject *)exc);
        return;
    }
    INCREF(exc);
    set_pending(exc);
}

Object *err_from_errno(Object *filename) {
    int code = errno;
    Object *args[3];
    size_t n = 2;
    args[0] = small_int_make(code);
    args[1] = str_from_cstr(strerror(code));
    if (filename != NULL) {
        args[2] = filename;
        n = 3;
    }
    if (args[0] != NULL && args[1] != NULL) {
        Object *exc = obj_call((Object *)&ExcOSError, args, n, NULL);
        if (exc != NULL) {
            set_pending(exc);
        }
    }
    XDECREF(args[0]);
    XDECREF(args[1]);
    return NULL;
}

void err_no_memory(void) {
    ThreadState *ts = ts_current();
    if (preallocated_memory_error == NULL || ts == NULL) {
        fatal_error("out of memory");
    }
    INCREF(preallocated_memory_error);
    Object *old = ts->current_exception;
    ts->current_exception = preallocated_memory_error;
    XDECREF(old);
}

Object *err_occurred(void) { return ts_current()->current_exception; }

bool err_matches(TypeObject *type) {
    Object *exc = ts_current()->current_exception;
    return exc != NULL && obj_is_instance_of(exc, type);
}

Object *err_fetch(void) {
    ThreadState *ts = ts_current();
    Object *exc = ts->current_exception;
    ts->current_exception = NULL;
    return exc;
}

void err_restore(Object *exc) {
    ThreadState *ts = ts_current();
    Object *old = ts->current_exception;
    ts->current_exception = exc;
    XDECREF(old);
}

void err_clear(void) { CLEAR(ts_current()->current_exception); }

_Noreturn void fatal_error(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fputs("Fatal Python error: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    abort();
}
