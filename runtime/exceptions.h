/* exceptions.h: the built-in exception hierarchy, as in CPython. Exception
 * types are ordinary TypeObjects (TYPE_FLAG_EXCEPTION) so user classes can
 * subclass them. */
#ifndef GILPY_EXCEPTIONS_H
#define GILPY_EXCEPTIONS_H

#include "object.h"

typedef struct ExceptionObject {
    Object base;
    Object *args;       /* tuple */
    Object *traceback;  /* traceback object or NULL (vm/traceback.c) */
    Object *cause;      /* __cause__ or NULL */
    Object *context;    /* __context__ or NULL */
    bool suppress_context;
    Object *dict;       /* instance attributes (subclasses, OSError.errno...) */
    Object *extra;      /* type-specific: StopIteration.value, SystemExit.code, ... */
} ExceptionObject;

/* One X line per built-in exception: (C name, Python name, base C name). */
#define EXCEPTION_LIST(X)                                                                          \
    X(BaseException, "BaseException", ObjectType)                                                  \
    X(SystemExit, "SystemExit", BaseException)                                                     \
    X(KeyboardInterrupt, "KeyboardInterrupt", BaseException)                                       \
    X(GeneratorExit, "GeneratorExit", BaseException)                                               \
    X(Exception, "Exception", BaseException)                                                       \
    X(StopIteration, "StopIteration", Exception)                                                   \
    X(StopAsyncIteration, "StopAsyncIteration", Exception)                                         \
    X(ArithmeticError, "ArithmeticError", Exception)                                               \
    X(FloatingPointError, "FloatingPointError", ArithmeticError)                                   \
    X(OverflowError, "OverflowError", ArithmeticError)                                             \
    X(ZeroDivisionError, "ZeroDivisionError", ArithmeticError)                                     \
    X(AssertionError, "AssertionError", Exception)                                                 \
    X(AttributeError, "AttributeError", Exception)                                                 \
    X(BufferError, "BufferError", Exception)                                                       \
    X(EOFError, "EOFError", Exception)                                                             \
    X(ImportError, "ImportError", Exception)                                                       \
    X(ModuleNotFoundError, "ModuleNotFoundError", ImportError)                                     \
    X(LookupError, "LookupError", Exception)                                                       \
    X(IndexError, "IndexError", LookupError)                                                       \
    X(KeyError, "KeyError", LookupError)                                                           \
    X(MemoryError, "MemoryError", Exception)                                                       \
    X(NameError, "NameError", Exception)                                                           \
    X(UnboundLocalError, "UnboundLocalError", NameError)                                           \
    X(OSError, "OSError", Exception)                                                               \
    X(BlockingIOError, "BlockingIOError", OSError)                                                 \
    X(ChildProcessError, "ChildProcessError", OSError)                                             \
    X(ConnectionError, "ConnectionError", OSError)                                                 \
    X(BrokenPipeError, "BrokenPipeError", ConnectionError)                                         \
    X(ConnectionAbortedError, "ConnectionAbortedError", ConnectionError)                           \
    X(ConnectionRefusedError, "ConnectionRefusedError", ConnectionError)                           \
    X(ConnectionResetError, "ConnectionResetError", ConnectionError)                               \
    X(FileExistsError, "FileExistsError", OSError)                                                 \
    X(FileNotFoundError, "FileNotFoundError", OSError)                                             \
    X(InterruptedError, "InterruptedError", OSError)                                               \
    X(IsADirectoryError, "IsADirectoryError", OSError)                                             \
    X(NotADirectoryError, "NotADirectoryError", OSError)                                           \
    X(PermissionError, "PermissionError", OSError)                                                 \
    X(ProcessLookupError, "ProcessLookupError", OSError)                                           \
    X(TimeoutError, "TimeoutError", OSError)                                                       \
    X(ReferenceError, "ReferenceError", Exception)                                                 \
    X(RuntimeError, "RuntimeError", Exception)                                                     \
    X(NotImplementedError, "NotImplementedError", RuntimeError)                                    \
    X(RecursionError, "RecursionError", RuntimeError)                                              \
    X(SyntaxError, "SyntaxError", Exception)                                                       \
    X(IndentationError, "IndentationError", SyntaxError)                                           \
    X(TabError, "TabError", IndentationError)                                                      \
    X(SystemError, "SystemError", Exception)                                                       \
    X(TypeError, "TypeError", Exception)                                                           \
    X(ValueError, "ValueError", Exception)                                                         \
    X(UnicodeError, "UnicodeError", ValueError)                                                    \
    X(UnicodeDecodeError, "UnicodeDecodeError", UnicodeError)                                      \
    X(UnicodeEncodeError, "UnicodeEncodeError", UnicodeError)                                      \
    X(Warning, "Warning", Exception)                                                               \
    X(DeprecationWarning, "DeprecationWarning", Warning)                                           \
    X(RuntimeWarning, "RuntimeWarning", Warning)                                                   \
    X(UserWarning, "UserWarning", Warning)

/* The C names are Exc<Name>: ExcTypeError, ExcValueError, ... */
#define X(cname, pyname, base) extern TypeObject Exc##cname;
EXCEPTION_LIST(X)
#undef X

static inline bool exception_check(const Object *v) {
    return !is_small_int(v) && (v->type->flags & TYPE_FLAG_EXCEPTION);
}
static inline bool type_is_exception(const TypeObject *t) {
    return (t->flags & TYPE_FLAG_EXCEPTION) != 0;
}

/* A new exception instance of `type` with args (a tuple, borrowed). */
MAY_RAISE Object *exception_new(TypeObject *type, Object *args);
/* str(exc) as CPython prints it after "TypeName: " (KeyError quotes its key). */
MAY_RAISE Object *exception_str(Object *exc);

/* A SyntaxError (or subclass `type`: IndentationError, TabError) carrying the
 * location attributes CPython's has: msg, filename, lineno, offset (1-based
 * column), text (the source line), end_lineno, end_offset. */
MAY_RAISE Object *syntax_error_new(TypeObject *type, const char *msg, Object *filename, int lineno,
                                   int offset, Object *text, int end_lineno, int end_offset);

/* The OSError subclass CPython raises for errno `errnum` (FileNotFoundError
 * for ENOENT, ...), or &ExcOSError when there is none. For err_from_errno. */
TypeObject *exception_oserror_type_for_errno(int errnum);

/* Register every built-in exception name in a builtins dict. */
MAY_RAISE int exceptions_add_to_dict(Object *builtins_dict);

#endif /* GILPY_EXCEPTIONS_H */
