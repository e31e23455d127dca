/* exceptions.c: the built-in exception hierarchy (BaseException and its ~60
 * subclasses) with CPython 3.11's constructors, attributes, str and repr.
 * Every type is a static TypeObject; user classes subclass them normally. */
#include "exceptions.h"

#include <errno.h>
#include <string.h>

#include "args.h"
#include "bytes.h"
#include "dict.h"
#include "errors.h"
#include "int.h"
#include "list.h"
#include "str.h"
#include "tuple.h"

/* ================================================================ layout
 *
 * Every exception starts with an ExceptionObject (exceptions.h). A few kinds
 * carry extra attribute slots right after it (OSError.errno, SyntaxError.lineno,
 * ...): an array of `Object *` whose length is the number of extra fields of the
 * kind. StopIteration.value and SystemExit.code live in ExceptionObject.extra. */

typedef struct ExceptionWithFields {
    ExceptionObject base;
    Object *fields[]; /* NULL means "not set" and reads as None */
} ExceptionWithFields;

/* Indices of the extra fields of each kind. */
enum { OSERR_ERRNO, OSERR_STRERROR, OSERR_FILENAME, OSERR_FILENAME2, OSERR_NFIELDS };
enum {
    SYNERR_MSG,
    SYNERR_FILENAME,
    SYNERR_LINENO,
    SYNERR_OFFSET,
    SYNERR_TEXT,
    SYNERR_END_LINENO,
    SYNERR_END_OFFSET,
    SYNERR_PRINT_FILE_AND_LINE,
    SYNERR_NFIELDS
};
enum { IMPERR_MSG, IMPERR_NAME, IMPERR_PATH, IMPERR_NFIELDS };
enum { ATTRERR_NAME, ATTRERR_OBJ, ATTRERR_NFIELDS };
enum { NAMEERR_NAME, NAMEERR_NFIELDS };
enum { UNIERR_ENCODING, UNIERR_OBJECT, UNIERR_START, UNIERR_END, UNIERR_REASON, UNIERR_NFIELDS };

#define EXC_FIELDS_SIZE(n) (sizeof(ExceptionObject) + (n) * sizeof(Object *))

static inline ExceptionObject *as_exc(Object *v) { return (ExceptionObject *)v; }
static inline Object **exc_fields(Object *v) { return ((ExceptionWithFields *)v)->fields; }

/* The nearest built-in (static) type of `type`: user subclasses share its layout. */
static TypeObject *static_ancestor(TypeObject *type) {
    while (type != NULL && (type->flags & TYPE_FLAG_HEAPTYPE)) {
        type = type->base_type;
    }
    return type;
}

/* Number of extra field slots in instances of `type`. */
static size_t exc_field_count(TypeObject *type) {
    TypeObject *t = static_ancestor(type);
    if (t == NULL || t->basic_size <= sizeof(ExceptionObject)) {
        return 0;
    }
    return (t->basic_size - sizeof(ExceptionObject)) / sizeof(Object *);
}

/* Store `value` (borrowed, may be NULL) into *slot, dropping the old value. */
static void set_slot(Object **slot, Object *value) {
    Object *old = *slot;
    XINCREF(value);
    *slot = value;
    XDECREF(old);
}

static Object *none_if_null(Object *v) { return NEWREF(v != NULL ? v : None); }

/* ================================================================ lifetime */

static void exc_clear_all(Object *self) {
    ExceptionObject *e = as_exc(self);
    size_t n = exc_field_count(obj_type(self));
    for (size_t i = 0; i < n; i++) {
        CLEAR(exc_fields(self)[i]);
    }
    CLEAR(e->args);
    CLEAR(e->traceback);
    CLEAR(e->cause);
    CLEAR(e->context);
    CLEAR(e->dict);
    CLEAR(e->extra);
}

static void exc_dealloc(Object *self) {
    exc_clear_all(self);
    obj_free(self);
}

static int exc_traverse(Object *self, VisitFunc visit, void *arg) {
    ExceptionObject *e = as_exc(self);
    Object *refs[] = {e->args, e->traceback, e->cause, e->context, e->dict, e->extra};
    for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++) {
        if (refs[i] != NULL && visit(refs[i], arg) != 0) {
            return -1;
        }
    }
    size_t n = exc_field_count(obj_type(self));
    for (size_t i = 0; i < n; i++) {
        Object *f = exc_fields(self)[i];
        if (f != NULL && visit(f, arg) != 0) {
            return -1;
        }
    }
    return 0;
}

static intptr_t exc_hash(Object *self) {
    intptr_t h = (intptr_t)((uintptr_t)self >> 4);
    return h == -1 ? -2 : h;
}

/* ================================================================ per-kind argument parsing
 *
 * Each kind's `parse` fills the kind's fields from the positional args tuple
 * and keyword arguments (values in kwvalues, names in kwnames). It runs from
 * both the constructor and __init__, so it must be idempotent. */

typedef int (*ParseFunc)(Object *self, Object *args, Object *const *kwvalues, Object *kwnames);

static size_t kw_count(Object *kwnames) { return kwnames == NULL ? 0 : tuple_size(kwnames); }

static int reject_keywords(Object *self, Object *kwnames) {
    if (kw_count(kwnames) > 0) {
        err_format(&ExcTypeError, "%s() takes no keyword arguments", obj_type_name(self));
        return -1;
    }
    return 0;
}

static int parse_plain(Object *self, Object *args, Object *const *kwvalues, Object *kwnames) {
    return reject_keywords(self, kwnames);
}

static int parse_stop_iteration(Object *self, Object *args, Object *const *kwvalues,
                                Object *kwnames) {
    if (reject_keywords(self, kwnames) < 0) {
        return -1;
    }
    set_slot(&as_exc(self)->extra, tuple_size(args) > 0 ? tuple_get(args, 0) : None);
    return 0;
}

static int parse_system_exit(Object *self, Object *args, Object *const *kwvalues,
                             Object *kwnames) {
    if (reject_keywords(self, kwnames) < 0) {
        return -1;
    }
    size_t n = tuple_size(args);
    set_slot(&as_exc(self)->extra, n == 0 ? None : n == 1 ? tuple_get(args, 0) : args);
    return 0;
}

/* Keyword-only attributes (ImportError name/path, AttributeError name/obj,
 * NameError name): `names` lists the accepted keywords, `slots` their fields. */
static int parse_keyword_fields(Object *self, Object *const *kwvalues, Object *kwnames,
                                const char *const *names, const size_t *slots, size_t nnames) {
    size_t nkw = kw_count(kwnames);
    for (size_t i = 0; i < nkw; i++) {
        Object *key = tuple_get(kwnames, i);
        size_t j = 0;
        while (j < nnames && !str_equal_cstr(key, names[j])) {
            j++;
        }
        if (j == nnames) {
            err_format(&ExcTypeError, "'%U' is an invalid keyword argument for %s()", key,
                       obj_type_name(self));
            return -1;
        }
        set_slot(&exc_fields(self)[slots[j]], kwvalues[i]);
    }
    return 0;
}

static int parse_import_error(Object *self, Object *args, Object *const *kwvalues,
                              Object *kwnames) {
    static const char *const names[] = {"name", "path"};
    static const size_t slots[] = {IMPERR_NAME, IMPERR_PATH};
    if (parse_keyword_fields(self, kwvalues, kwnames, names, slots, 2) < 0) {
        return -1;
    }
    set_slot(&exc_fields(self)[IMPERR_MSG], tuple_size(args) == 1 ? tuple_get(args, 0) : NULL);
    return 0;
}

static int parse_attribute_error(Object *self, Object *args, Object *const *kwvalues,
                                 Object *kwnames) {
    static const char *const names[] = {"name", "obj"};
    static const size_t slots[] = {ATTRERR_NAME, ATTRERR_OBJ};
    return parse_keyword_fields(self, kwvalues, kwnames, names, slots, 2);
}

static int parse_name_error(Object *self, Object *args, Object *const *kwvalues,
                            Object *kwnames) {
    static const char *const names[] = {"name"};
    static const size_t slots[] = {NAMEERR_NAME};
    return parse_keyword_fields(self, kwvalues, kwnames, names, slots, 1);
}

/* OSError(errno, strerror[, filename[, winerror[, filename2]]]): with 2 to 5
 * arguments the attributes are set; a filename shortens args to the first two. */
static int parse_os_error(Object *self, Object *args, Object *const *kwvalues, Object *kwnames) {
    if (reject_keywords(self, kwnames) < 0) {
        return -1;
    }
    Object **f = exc_fields(self);
    size_t n = tuple_size(args);
    if (n < 2 || n > 5) {
        return 0;
    }
    set_slot(&f[OSERR_ERRNO], tuple_get(args, 0));
    set_slot(&f[OSERR_STRERROR], tuple_get(args, 1));
    set_slot(&f[OSERR_FILENAME], n >= 3 ? tuple_get(args, 2) : NULL);
    set_slot(&f[OSERR_FILENAME2], n >= 5 ? tuple_get(args, 4) : NULL);
    if (n >= 3 && tuple_get(args, 2) != None) {
        Object *two = tuple_slice(args, 0, 2);
        if (two == NULL) {
            return -1;
        }
        Object *old = as_exc(self)->args;
        as_exc(self)->args = two;
        XDECREF(old);
    }
    return 0;
}

/* SyntaxError(msg, (filename, lineno, offset, text[, end_lineno, end_offset])). */
static int parse_syntax_error(Object *self, Object *args, Object *const *kwvalues,
                              Object *kwnames) {
    if (reject_keywords(self, kwnames) < 0) {
        return -1;
    }
    Object **f = exc_fields(self);
    size_t n = tuple_size(args);
    if (n >= 1) {
        set_slot(&f[SYNERR_MSG], tuple_get(args, 0));
    }
    if (n != 2) {
        return 0;
    }
    Object *info = tuple_from_iterable(tuple_get(args, 1));
    if (info == NULL) {
        return -1;
    }
    size_t ni = tuple_size(info);
    if (ni < 4) {
        err_format(&ExcTypeError, "function takes at least 4 arguments (%zu given)", ni);
        DECREF(info);
        return -1;
    }
    if (ni > 6) {
        err_format(&ExcTypeError, "function takes at most 6 arguments (%zu given)", ni);
        DECREF(info);
        return -1;
    }
    for (size_t i = 0; i < 6; i++) {
        set_slot(&f[SYNERR_FILENAME + i], i < ni ? tuple_get(info, i) : NULL);
    }
    DECREF(info);
    return 0;
}

/* UnicodeDecodeError(encoding, object, start, end, reason) and the Encode
 * variant (object is bytes / str). gilpy's own codecs raise them from C
 * (exception_new, kwvalues == NULL) with a single message argument: that is
 * accepted there, but a Python call must pass the five arguments. */
static int parse_unicode_error(Object *self, Object *args, Object *const *kwvalues,
                               Object *kwnames, bool decode) {
    if (reject_keywords(self, kwnames) < 0) {
        return -1;
    }
    size_t n = tuple_size(args);
    if (kwvalues == NULL && n != 5) {
        return 0;
    }
    if (n != 5) {
        err_format(&ExcTypeError, "function takes exactly 5 arguments (%zu given)", n);
        return -1;
    }
    Object *object = tuple_get(args, 1);
    if (!str_check(tuple_get(args, 0))) {
        err_format(&ExcTypeError, "argument 1 must be str, not %T", tuple_get(args, 0));
        return -1;
    }
    if (decode ? !bytes_check(object) : !str_check(object)) {
        err_format(&ExcTypeError, "argument 2 must be %s, not %T", decode ? "bytes" : "str",
                   object);
        return -1;
    }
    for (size_t i = 2; i < 4; i++) {
        if (!int_check(tuple_get(args, i))) {
            err_format(&ExcTypeError, "'%T' object cannot be interpreted as an integer",
                       tuple_get(args, i));
            return -1;
        }
    }
    if (!str_check(tuple_get(args, 4))) {
        err_format(&ExcTypeError, "argument 5 must be str, not %T", tuple_get(args, 4));
        return -1;
    }
    for (size_t i = 0; i < UNIERR_NFIELDS; i++) {
        set_slot(&exc_fields(self)[i], tuple_get(args, i));
    }
    return 0;
}

static int parse_unicode_decode_error(Object *self, Object *args, Object *const *kwvalues,
                                      Object *kwnames) {
    return parse_unicode_error(self, args, kwvalues, kwnames, true);
}

static int parse_unicode_encode_error(Object *self, Object *args, Object *const *kwvalues,
                                      Object *kwnames) {
    return parse_unicode_error(self, args, kwvalues, kwnames, false);
}

/* ================================================================ constructor and __init__ */

/* The parse function of the kind `type` belongs to. */
static ParseFunc kind_parse(TypeObject *type);

static Object *interned(const char *s) { return str_intern_cstr(s); }

/* True when `type` keeps the __init__ of its built-in ancestor (not overridden
 * by a Python class): then the constructor validates keyword arguments. */
static bool init_is_builtin(TypeObject *type) {
    if (!(type->flags & TYPE_FLAG_HEAPTYPE)) {
        return true;
    }
    Object *name = interned("__init__");
    if (name == NULL) {
        err_clear();
        return true;
    }
    bool same = type_lookup(type, name) == type_lookup(static_ancestor(type), name);
    DECREF(name);
    return same;
}

static TypeObject *os_error_subtype_for(Object *errnum);

/* The keyword values after the nargs positional ones. Never NULL: a parse
 * function sees kwvalues == NULL only for exceptions created from C. */
static Object *const *keyword_values(Object *const *args, size_t nargs) {
    static Object *const none_given[1] = {NULL};
    return args != NULL ? args + nargs : none_given;
}

/* Allocate an exception of `type` and set its args (borrowed tuple). */
static Object *exc_alloc(TypeObject *type, Object *args) {
    Object *self = obj_alloc(type, type->basic_size);
    if (self == NULL) {
        return NULL;
    }
    as_exc(self)->args = NEWREF(args);
    return self;
}

/* type(*args, **kwargs) for every exception type (the new_instance slot). */
static Object *exc_new_instance(TypeObject *type, Object *const *args, size_t nargs,
                                Object *kwnames) {
    Object *tuple = tuple_from_array(args, nargs);
    if (tuple == NULL) {
        return NULL;
    }
    if (type == &ExcOSError && nargs >= 2 && nargs <= 5) {
        type = os_error_subtype_for(args[0]);
    }
    Object *self = exc_alloc(type, tuple);
    DECREF(tuple);
    if (self == NULL) {
        return NULL;
    }
    if (init_is_builtin(type)) {
        if (kind_parse(type)(self, as_exc(self)->args, keyword_values(args, nargs), kwnames) < 0) {
            DECREF(self);
            return NULL;
        }
    } else if (kind_parse(type)(self, as_exc(self)->args, NULL, NULL) < 0) {
        DECREF(self);
        return NULL;
    }
    return self;
}

/* BaseException.__init__(self, *args): reset args and the kind's attributes. */
static Object *exc_init_method(Object *self, Object *const *args, size_t nargs,
                               Object *kwnames) {
    Object *tuple = tuple_from_array(args, nargs);
    if (tuple == NULL) {
        return NULL;
    }
    set_slot(&as_exc(self)->args, tuple);
    DECREF(tuple);
    if (kind_parse(obj_type(self))(self, as_exc(self)->args, keyword_values(args, nargs),
                                   kwnames) < 0) {
        return NULL;
    }
    return none_ref();
}

Object *exception_new(TypeObject *type, Object *args) {
    Object *empty = NULL;
    if (args == NULL) {
        args = empty = tuple_new(0);
        if (args == NULL) {
            return NULL;
        }
    }
    if (type == &ExcOSError && tuple_size(args) >= 2 && tuple_size(args) <= 5) {
        type = os_error_subtype_for(tuple_get(args, 0));
    }
    Object *self = exc_alloc(type, args);
    XDECREF(empty);
    if (self == NULL) {
        return NULL;
    }
    if (kind_parse(type)(self, as_exc(self)->args, NULL, NULL) < 0) {
        DECREF(self);
        return NULL;
    }
    return self;
}

/* ================================================================ errno mapping */

TypeObject *exception_oserror_type_for_errno(int errnum) {
    switch (errnum) {
    case EAGAIN:
#if EWOULDBLOCK != EAGAIN
    case EWOULDBLOCK:
#endif
    case EALREADY:
    case EINPROGRESS:
        return &ExcBlockingIOError;
    case ECHILD:
        return &ExcChildProcessError;
    case EPIPE:
    case ESHUTDOWN:
        return &ExcBrokenPipeError;
    case ECONNABORTED:
        return &ExcConnectionAbortedError;
    case ECONNREFUSED:
        return &ExcConnectionRefusedError;
    case ECONNRESET:
        return &ExcConnectionResetError;
    case EEXIST:
        return &ExcFileExistsError;
    case ENOENT:
        return &ExcFileNotFoundError;
    case EISDIR:
        return &ExcIsADirectoryError;
    case ENOTDIR:
        return &ExcNotADirectoryError;
    case EINTR:
        return &ExcInterruptedError;
    case EACCES:
    case EPERM:
        return &ExcPermissionError;
    case ESRCH:
        return &ExcProcessLookupError;
    case ETIMEDOUT:
        return &ExcTimeoutError;
    default:
        return &ExcOSError;
    }
}

static TypeObject *os_error_subtype_for(Object *errnum) {
    if (!is_small_int(errnum) || obj_type(errnum) != &IntType) {
        return &ExcOSError;
    }
    intptr_t e = small_int_value(errnum);
    if (e < 0 || e > 100000) {
        return &ExcOSError;
    }
    return exception_oserror_type_for_errno((int)e);
}

/* ================================================================ str and repr */

/* BaseException.__str__: '' for no args, str(arg) for one, str(args) otherwise. */
static Object *exc_str(Object *self) {
    Object *args = as_exc(self)->args;
    size_t n = args == NULL ? 0 : tuple_size(args);
    if (n == 0) {
        return str_from_cstr("");
    }
    return obj_str(n == 1 ? tuple_get(args, 0) : args);
}

/* BaseException.__repr__: "ValueError('x')", "KeyError(1, 2)", "Exception()". */
static Object *exc_repr(Object *self) {
    Object *args = as_exc(self)->args;
    size_t n = args == NULL ? 0 : tuple_size(args);
    const char *name = obj_type_name(self);
    if (n == 0) {
        return str_from_format("%s()", name);
    }
    if (n == 1) {
        return str_from_format("%s(%R)", name, tuple_get(args, 0));
    }
    return str_from_format("%s%R", name, args);
}

/* KeyError quotes its single key: str(KeyError('a')) == "'a'". */
static Object *key_error_str(Object *self) {
    Object *args = as_exc(self)->args;
    if (args != NULL && tuple_size(args) == 1) {
        return obj_repr(tuple_get(args, 0));
    }
    return exc_str(self);
}

static Object *os_error_str(Object *self) {
    Object **f = exc_fields(self);
    Object *filename = f[OSERR_FILENAME], *filename2 = f[OSERR_FILENAME2];
    Object *err = f[OSERR_ERRNO] != NULL ? f[OSERR_ERRNO] : None;
    Object *strerror = f[OSERR_STRERROR] != NULL ? f[OSERR_STRERROR] : None;
    if (filename != NULL && filename != None) {
        if (filename2 != NULL && filename2 != None) {
            return str_from_format("[Errno %S] %S: %R -> %R", err, strerror, filename, filename2);
        }
        return str_from_format("[Errno %S] %S: %R", err, strerror, filename);
    }
    if (f[OSERR_ERRNO] != NULL && f[OSERR_STRERROR] != NULL) {
        return str_from_format("[Errno %S] %S", err, strerror);
    }
    return exc_str(self);
}

static Object *import_error_str(Object *self) {
    Object *msg = exc_fields(self)[IMPERR_MSG];
    if (msg != NULL && !is_small_int(msg) && msg->type == &StrType) {
        return NEWREF(msg);
    }
    return exc_str(self);
}

/* "msg (f.py, line 3)": the filename is shown without its directory. */
static Object *syntax_error_str(Object *self) {
    Object **f = exc_fields(self);
    Object *msg = f[SYNERR_MSG] != NULL ? f[SYNERR_MSG] : None;
    Object *filename = f[SYNERR_FILENAME], *lineno = f[SYNERR_LINENO];
    bool have_file = filename != NULL && str_check(filename);
    bool have_line = lineno != NULL && int_check(lineno) && obj_type(lineno) != &BoolType;
    const char *base = NULL;
    if (have_file) {
        const char *path = str_utf8(filename);
        const char *slash = strrchr(path, '/');
        base = slash != NULL ? slash + 1 : path;
    }
    if (have_file && have_line) {
        return str_from_format("%S (%s, line %S)", msg, base, lineno);
    }
    if (have_file) {
        return str_from_format("%S (%s)", msg, base);
    }
    if (have_line) {
        return str_from_format("%S (line %S)", msg, lineno);
    }
    return obj_str(msg);
}

/* "'utf-8' codec can't decode byte 0xff in position 2: invalid start byte". */
static Object *unicode_error_str(Object *self) {
    Object **f = exc_fields(self);
    if (f[UNIERR_OBJECT] == NULL) {
        return exc_str(self); /* raised with a ready-made message */
    }
    int64_t start = 0, end = 0;
    if (int_to_i64(f[UNIERR_START], &start) < 0 || int_to_i64(f[UNIERR_END], &end) < 0) {
        return NULL;
    }
    Object *encoding = f[UNIERR_ENCODING], *reason = f[UNIERR_REASON];
    Object *object = f[UNIERR_OBJECT];
    bool decode = bytes_check(object);
    size_t len = decode ? bytes_size(object) : str_length(object);
    if (end == start + 1 && start >= 0 && (size_t)start < len) {
        if (decode) {
            return str_from_format("'%S' codec can't decode byte 0x%02x in position %lld: %S",
                                   encoding, (unsigned char)bytes_data(object)[start],
                                   (long long)start, reason);
        }
        uint32_t cp = str_codepoint_at(object, (size_t)start);
        const char *fmt = cp < 0x100     ? "'%S' codec can't encode character '\\x%02x' in position %lld: %S"
                          : cp < 0x10000 ? "'%S' codec can't encode character '\\u%04x' in position %lld: %S"
                                         : "'%S' codec can't encode character '\\U%08x' in position %lld: %S";
        return str_from_format(fmt, encoding, (unsigned)cp, (long long)start, reason);
    }
    return str_from_format("'%S' codec can't %s in position %lld-%lld: %S", encoding,
                           decode ? "decode bytes" : "encode characters", (long long)start,
                           (long long)(end - 1), reason);
}

Object *exception_str(Object *exc) { return obj_str(exc); }

/* ================================================================ methods and attributes */

static Object *exc_with_traceback(Object *self, Object *const *args, size_t nargs,
                                  Object *kwnames) {
    if (args_no_keywords("with_traceback", kwnames) < 0 ||
        args_count("with_traceback", nargs, 1, 1) < 0) {
        return NULL;
    }
    set_slot(&as_exc(self)->traceback, args[0] == None ? NULL : args[0]);
    return NEWREF(self);
}

/* __str__ / __repr__ as methods, so `super().__str__()` in a subclass reaches
 * the built-in behaviour of the nearest built-in ancestor (KeyError's quoting...). */
static Object *exc_str_method(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_no_keywords("__str__", kwnames) < 0 || args_count("__str__", nargs, 0, 0) < 0) {
        return NULL;
    }
    TypeObject *t = static_ancestor(obj_type(self));
    return t != NULL && t->str != NULL ? t->str(self) : exc_str(self);
}

static Object *exc_repr_method(Object *self, Object *const *args, size_t nargs,
                               Object *kwnames) {
    if (args_no_keywords("__repr__", kwnames) < 0 || args_count("__repr__", nargs, 0, 0) < 0) {
        return NULL;
    }
    return exc_repr(self);
}

/* add_note(note): append a str to self.__notes__ (printed after the traceback). */
static Object *exc_add_note(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_no_keywords("add_note", kwnames) < 0 || args_count("add_note", nargs, 1, 1) < 0) {
        return NULL;
    }
    if (!str_check(args[0])) {
        return err_format(&ExcTypeError, "note must be a str, not '%T'", args[0]);
    }
    ExceptionObject *e = as_exc(self);
    if (e->dict == NULL && (e->dict = dict_new()) == NULL) {
        return NULL;
    }
    Object *notes = dict_get_cstr(e->dict, "__notes__");
    if (notes == NULL) {
        notes = list_new(0);
        if (notes == NULL) {
            return NULL;
        }
        int rc = dict_set_cstr(e->dict, "__notes__", notes);
        DECREF(notes); /* the dict keeps it alive */
        if (rc < 0) {
            return NULL;
        }
    } else if (!list_check(notes)) {
        err_set_string(&ExcTypeError, "Cannot add note: __notes__ is not a list");
        return NULL;
    }
    if (list_append(notes, args[0]) < 0) {
        return NULL;
    }
    return none_ref();
}

static const MethodDef exc_methods[] = {
    {"__str__", exc_str_method, 0, "Return str(self)."},
    {"__repr__", exc_repr_method, 0, "Return repr(self)."},
    {"add_note", exc_add_note, 0,
     "Exception.add_note(note) --\n    add a note to the exception"},
    {"__init__", exc_init_method, 0, "Initialize self.  See help(type(self)) for accurate signature."},
    {"with_traceback", exc_with_traceback, 0,
     "Exception.with_traceback(tb) --\n    set self.__traceback__ to tb and return self."},
    {NULL, NULL, 0, NULL},
};

static Object *exc_get_args(Object *self) { return none_if_null(as_exc(self)->args); }

static int exc_set_args(Object *self, Object *value) {
    if (value == NULL) {
        err_set_string(&ExcTypeError, "args may not be deleted");
        return -1;
    }
    Object *tuple = tuple_from_iterable(value);
    if (tuple == NULL) {
        return -1;
    }
    set_slot(&as_exc(self)->args, tuple);
    DECREF(tuple);
    return 0;
}

static Object *exc_get_traceback(Object *self) { return none_if_null(as_exc(self)->traceback); }

static int exc_set_traceback(Object *self, Object *value) {
    if (value == NULL) {
        err_set_string(&ExcTypeError, "__traceback__ may not be deleted");
        return -1;
    }
    if (value != None && (is_small_int(value) || strcmp(obj_type_name(value), "traceback") != 0)) {
        err_set_string(&ExcTypeError, "__traceback__ must be a traceback or None");
        return -1;
    }
    set_slot(&as_exc(self)->traceback, value == None ? NULL : value);
    return 0;
}

static Object *exc_get_cause(Object *self) { return none_if_null(as_exc(self)->cause); }

static int exc_set_cause(Object *self, Object *value) {
    if (value == NULL) {
        err_set_string(&ExcTypeError, "__cause__ may not be deleted");
        return -1;
    }
    if (value != None && !exception_check(value)) {
        err_set_string(&ExcTypeError, "exception cause must be None or derive from BaseException");
        return -1;
    }
    set_slot(&as_exc(self)->cause, value == None ? NULL : value);
    as_exc(self)->suppress_context = true;
    return 0;
}

static Object *exc_get_context(Object *self) { return none_if_null(as_exc(self)->context); }

static int exc_set_context(Object *self, Object *value) {
    if (value == NULL) {
        err_set_string(&ExcTypeError, "__context__ may not be deleted");
        return -1;
    }
    if (value != None && !exception_check(value)) {
        err_set_string(&ExcTypeError,
                       "exception context must be None or derive from BaseException");
        return -1;
    }
    set_slot(&as_exc(self)->context, value == None ? NULL : value);
    return 0;
}

static Object *exc_get_suppress(Object *self) { return bool_from(as_exc(self)->suppress_context); }

static int exc_set_suppress(Object *self, Object *value) {
    if (value == NULL) {
        err_set_string(&ExcAttributeError, "can't delete attribute");
        return -1;
    }
    int truth = obj_is_true(value);
    if (truth < 0) {
        return -1;
    }
    as_exc(self)->suppress_context = truth != 0;
    return 0;
}

static Object *exc_get_dict(Object *self) {
    ExceptionObject *e = as_exc(self);
    if (e->dict == NULL) {
        e->dict = dict_new();
        if (e->dict == NULL) {
            return NULL;
        }
    }
    return NEWREF(e->dict);
}

static int exc_set_dict(Object *self, Object *value) {
    if (value == NULL || !dict_check(value)) {
        err_set_string(&ExcTypeError, value == NULL ? "cannot delete __dict__"
                                                    : "__dict__ must be set to a dictionary");
        return -1;
    }
    set_slot(&as_exc(self)->dict, value);
    return 0;
}

#define BASE_GETSETS                                                                               \
    {"args", exc_get_args, exc_set_args, NULL},                                                    \
        {"__traceback__", exc_get_traceback, exc_set_traceback, NULL},                             \
        {"__cause__", exc_get_cause, exc_set_cause, "exception cause"},                            \
        {"__context__", exc_get_context, exc_set_context, "exception context"},                    \
        {"__suppress_context__", exc_get_suppress, exc_set_suppress, NULL},                        \
        {"__dict__", exc_get_dict, exc_set_dict, NULL}

static const GetSetDef exc_getsets[] = {BASE_GETSETS, {NULL, NULL, NULL, NULL}};

/* StopIteration.value and SystemExit.code (stored in ExceptionObject.extra). */
static Object *exc_get_extra(Object *self) { return none_if_null(as_exc(self)->extra); }
static int exc_set_extra(Object *self, Object *value) {
    set_slot(&as_exc(self)->extra, value);
    return 0;
}

static const GetSetDef stop_iteration_getsets[] = {
    {"value", exc_get_extra, exc_set_extra, "generator return value"},
    {NULL, NULL, NULL, NULL},
};
static const GetSetDef system_exit_getsets[] = {
    {"code", exc_get_extra, exc_set_extra, "exception code"},
    {NULL, NULL, NULL, NULL},
};

/* One getter/setter pair per extra field (member descriptors in CPython). */
#define FIELD_ACCESSORS(fname, index)                                                              \
    static Object *fname##_get(Object *self) { return none_if_null(exc_fields(self)[index]); }    \
    static int fname##_set(Object *self, Object *value) {                                          \
        set_slot(&exc_fields(self)[index], value);                                                 \
        return 0;                                                                                  \
    }

FIELD_ACCESSORS(oserr_errno, OSERR_ERRNO)
FIELD_ACCESSORS(oserr_strerror, OSERR_STRERROR)
FIELD_ACCESSORS(oserr_filename, OSERR_FILENAME)
FIELD_ACCESSORS(oserr_filename2, OSERR_FILENAME2)
FIELD_ACCESSORS(synerr_msg, SYNERR_MSG)
FIELD_ACCESSORS(synerr_filename, SYNERR_FILENAME)
FIELD_ACCESSORS(synerr_lineno, SYNERR_LINENO)
FIELD_ACCESSORS(synerr_offset, SYNERR_OFFSET)
FIELD_ACCESSORS(synerr_text, SYNERR_TEXT)
FIELD_ACCESSORS(synerr_end_lineno, SYNERR_END_LINENO)
FIELD_ACCESSORS(synerr_end_offset, SYNERR_END_OFFSET)
FIELD_ACCESSORS(synerr_print_file_and_line, SYNERR_PRINT_FILE_AND_LINE)
FIELD_ACCESSORS(imperr_msg, IMPERR_MSG)
FIELD_ACCESSORS(imperr_name, IMPERR_NAME)
FIELD_ACCESSORS(imperr_path, IMPERR_PATH)
FIELD_ACCESSORS(attrerr_name, ATTRERR_NAME)
FIELD_ACCESSORS(attrerr_obj, ATTRERR_OBJ)
FIELD_ACCESSORS(nameerr_name, NAMEERR_NAME)
FIELD_ACCESSORS(unierr_encoding, UNIERR_ENCODING)
FIELD_ACCESSORS(unierr_object, UNIERR_OBJECT)
FIELD_ACCESSORS(unierr_start, UNIERR_START)
FIELD_ACCESSORS(unierr_end, UNIERR_END)
FIELD_ACCESSORS(unierr_reason, UNIERR_REASON)

#define FIELD_GETSET(pyname, fname, doc) {pyname, fname##_get, fname##_set, doc}

static const GetSetDef os_error_getsets[] = {
    FIELD_GETSET("errno", oserr_errno, "POSIX exception code"),
    FIELD_GETSET("strerror", oserr_strerror, "exception strerror"),
    FIELD_GETSET("filename", oserr_filename, "exception filename"),
    FIELD_GETSET("filename2", oserr_filename2, "second exception filename"),
    {NULL, NULL, NULL, NULL},
};
static const GetSetDef syntax_error_getsets[] = {
    FIELD_GETSET("msg", synerr_msg, "exception msg"),
    FIELD_GETSET("filename", synerr_filename, "exception filename"),
    FIELD_GETSET("lineno", synerr_lineno, "exception lineno"),
    FIELD_GETSET("offset", synerr_offset, "exception offset"),
    FIELD_GETSET("text", synerr_text, "exception text"),
    FIELD_GETSET("end_lineno", synerr_end_lineno, "exception end lineno"),
    FIELD_GETSET("end_offset", synerr_end_offset, "exception end offset"),
    FIELD_GETSET("print_file_and_line", synerr_print_file_and_line, "exception print_file_and_line"),
    {NULL, NULL, NULL, NULL},
};
static const GetSetDef import_error_getsets[] = {
    FIELD_GETSET("msg", imperr_msg, "exception message"),
    FIELD_GETSET("name", imperr_name, "module name"),
    FIELD_GETSET("path", imperr_path, "module path"),
    {NULL, NULL, NULL, NULL},
};
static const GetSetDef attribute_error_getsets[] = {
    FIELD_GETSET("name", attrerr_name, "attribute name"),
    FIELD_GETSET("obj", attrerr_obj, "object"),
    {NULL, NULL, NULL, NULL},
};
static const GetSetDef unicode_error_getsets[] = {
    FIELD_GETSET("encoding", unierr_encoding, "exception encoding"),
    FIELD_GETSET("object", unierr_object, "exception object"),
    FIELD_GETSET("start", unierr_start, "exception start"),
    FIELD_GETSET("end", unierr_end, "exception end"),
    FIELD_GETSET("reason", unierr_reason, "exception reason"),
    {NULL, NULL, NULL, NULL},
};
static const GetSetDef name_error_getsets[] = {
    FIELD_GETSET("name", nameerr_name, "name"),
    {NULL, NULL, NULL, NULL},
};

/* ================================================================ SyntaxError from the compiler */

static Object *int_or_none(int v) { return v > 0 ? small_int_make(v) : none_ref(); }

Object *syntax_error_new(TypeObject *type, const char *msg, Object *filename, int lineno,
                         int offset, Object *text, int end_lineno, int end_offset) {
    Object *msg_obj = str_from_cstr(msg);
    if (msg_obj == NULL) {
        return NULL;
    }
    Object *line = int_or_none(lineno), *off = int_or_none(offset);
    Object *end_line = int_or_none(end_lineno), *end_off = int_or_none(end_offset);
    Object *info = tuple_pack(6, filename != NULL ? filename : None, line, off,
                              text != NULL ? text : None, end_line, end_off);
    DECREF(line);
    DECREF(off);
    DECREF(end_line);
    DECREF(end_off);
    if (info == NULL) {
        DECREF(msg_obj);
        return NULL;
    }
    Object *args = tuple_pack(2, msg_obj, info);
    DECREF(msg_obj);
    DECREF(info);
    if (args == NULL) {
        return NULL;
    }
    Object *exc = exception_new(type, args);
    DECREF(args);
    return exc;
}

/* ================================================================ the type objects
 *
 * Each exception is declared with its "kind", which selects the instance size,
 * the str, the attributes and the argument parsing shared by its subclasses. */

#define KIND_SIZE_PLAIN sizeof(ExceptionObject)
#define KIND_STR_PLAIN exc_str
#define KIND_GETSETS_PLAIN NULL
#define KIND_PARSE_PLAIN parse_plain

#define KIND_SIZE_KEY sizeof(ExceptionObject)
#define KIND_STR_KEY key_error_str
#define KIND_GETSETS_KEY NULL
#define KIND_PARSE_KEY parse_plain

#define KIND_SIZE_STOP sizeof(ExceptionObject)
#define KIND_STR_STOP exc_str
#define KIND_GETSETS_STOP stop_iteration_getsets
#define KIND_PARSE_STOP parse_stop_iteration

#define KIND_SIZE_EXIT sizeof(ExceptionObject)
#define KIND_STR_EXIT exc_str
#define KIND_GETSETS_EXIT system_exit_getsets
#define KIND_PARSE_EXIT parse_system_exit

#define KIND_SIZE_OS EXC_FIELDS_SIZE(OSERR_NFIELDS)
#define KIND_STR_OS os_error_str
#define KIND_GETSETS_OS os_error_getsets
#define KIND_PARSE_OS parse_os_error

#define KIND_SIZE_SYNTAX EXC_FIELDS_SIZE(SYNERR_NFIELDS)
#define KIND_STR_SYNTAX syntax_error_str
#define KIND_GETSETS_SYNTAX syntax_error_getsets
#define KIND_PARSE_SYNTAX parse_syntax_error

#define KIND_SIZE_IMPORT EXC_FIELDS_SIZE(IMPERR_NFIELDS)
#define KIND_STR_IMPORT import_error_str
#define KIND_GETSETS_IMPORT import_error_getsets
#define KIND_PARSE_IMPORT parse_import_error

#define KIND_SIZE_ATTR EXC_FIELDS_SIZE(ATTRERR_NFIELDS)
#define KIND_STR_ATTR exc_str
#define KIND_GETSETS_ATTR attribute_error_getsets
#define KIND_PARSE_ATTR parse_attribute_error

#define KIND_SIZE_NAME EXC_FIELDS_SIZE(NAMEERR_NFIELDS)
#define KIND_STR_NAME exc_str
#define KIND_GETSETS_NAME name_error_getsets
#define KIND_PARSE_NAME parse_name_error

#define KIND_SIZE_UDECODE EXC_FIELDS_SIZE(UNIERR_NFIELDS)
#define KIND_STR_UDECODE unicode_error_str
#define KIND_GETSETS_UDECODE unicode_error_getsets
#define KIND_PARSE_UDECODE parse_unicode_decode_error

#define KIND_SIZE_UENCODE EXC_FIELDS_SIZE(UNIERR_NFIELDS)
#define KIND_STR_UENCODE unicode_error_str
#define KIND_GETSETS_UENCODE unicode_error_getsets
#define KIND_PARSE_UENCODE parse_unicode_encode_error

/* Only BaseException carries the methods and base attributes; subclasses inherit them
 * through the MRO, and add their kind's attributes. */
#define EXC_TYPE(cname, pyname, basetype, kind, docstr)                                            \
    TypeObject Exc##cname = {                                                                      \
        .base = OBJECT_HEADER_INIT(&TypeType),                                                     \
        .name = pyname,                                                                            \
        .basic_size = KIND_SIZE_##kind,                                                            \
        .flags = TYPE_FLAG_EXCEPTION | TYPE_FLAG_BASETYPE | TYPE_FLAG_GC,                          \
        .base_type = &basetype,                                                                    \
        .dealloc = exc_dealloc,                                                                    \
        .traverse = exc_traverse,                                                                  \
        .repr = exc_repr,                                                                          \
        .str = KIND_STR_##kind,                                                                    \
        .hash = exc_hash,                                                                          \
        .new_instance = exc_new_instance,                                                          \
        .getsets = KIND_GETSETS_##kind,                                                            \
        .doc = docstr,                                                                             \
        .dict_offset = offsetof(ExceptionObject, dict),                                            \
    };

/* The kind parse function of a type: found from its nearest built-in ancestor. */
#define KIND_PARSE_ENTRY(cname, kind) {&Exc##cname, KIND_PARSE_##kind},

TypeObject ExcBaseException = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "BaseException",
    .basic_size = sizeof(ExceptionObject),
    .flags = TYPE_FLAG_EXCEPTION | TYPE_FLAG_BASETYPE | TYPE_FLAG_GC,
    .base_type = &ObjectType,
    .dealloc = exc_dealloc,
    .traverse = exc_traverse,
    .repr = exc_repr,
    .str = exc_str,
    .hash = exc_hash,
    .new_instance = exc_new_instance,
    .methods = exc_methods,
    .getsets = exc_getsets,
    .doc = "Common base class for all exceptions",
    .dict_offset = offsetof(ExceptionObject, dict),
};

/* (C name, Python name, base, kind, doc) for every exception but BaseException.
 * Must list the same types as EXCEPTION_LIST in exceptions.h (the linker checks). */
#define EXCEPTION_DEFS(X)                                                                          \
    X(SystemExit, "SystemExit", ExcBaseException, EXIT, "Request to exit from the interpreter.")   \
    X(KeyboardInterrupt, "KeyboardInterrupt", ExcBaseException, PLAIN, "Program interrupted by user.") \
    X(GeneratorExit, "GeneratorExit", ExcBaseException, PLAIN, "Request that a generator exit.")   \
    X(Exception, "Exception", ExcBaseException, PLAIN,                                             \
      "Common base class for all non-exit exceptions.")                                            \
    X(StopIteration, "StopIteration", ExcException, STOP, "Signal the end from iterator.__next__().") \
    X(StopAsyncIteration, "StopAsyncIteration", ExcException, PLAIN,                               \
      "Signal the end from iterator.__anext__().")                                                 \
    X(ArithmeticError, "ArithmeticError", ExcException, PLAIN, "Base class for arithmetic errors.") \
    X(FloatingPointError, "FloatingPointError", ExcArithmeticError, PLAIN,                         \
      "Floating point operation failed.")                                                          \
    X(OverflowError, "OverflowError", ExcArithmeticError, PLAIN, "Result too large to be represented.") \
    X(ZeroDivisionError, "ZeroDivisionError", ExcArithmeticError, PLAIN,                           \
      "Second argument to a division or modulo operation was zero.")                               \
    X(AssertionError, "AssertionError", ExcException, PLAIN, "Assertion failed.")                  \
    X(AttributeError, "AttributeError", ExcException, ATTR, "Attribute not found.")                \
    X(BufferError, "BufferError", ExcException, PLAIN, "Buffer error.")                            \
    X(EOFError, "EOFError", ExcException, PLAIN, "Read beyond end of file.")                       \
    X(ImportError, "ImportError", ExcException, IMPORT,                                            \
      "Import can't find module, or can't find name in module.")                                   \
    X(ModuleNotFoundError, "ModuleNotFoundError", ExcImportError, IMPORT, "Module not found.")     \
    X(LookupError, "LookupError", ExcException, PLAIN, "Base class for lookup errors.")            \
    X(IndexError, "IndexError", ExcLookupError, PLAIN, "Sequence index out of range.")             \
    X(KeyError, "KeyError", ExcLookupError, KEY, "Mapping key not found.")                         \
    X(MemoryError, "MemoryError", ExcException, PLAIN, "Out of memory.")                           \
    X(NameError, "NameError", ExcException, NAME, "Name not found globally.")                      \
    X(UnboundLocalError, "UnboundLocalError", ExcNameError, NAME,                                  \
      "Local name referenced but not bound to a value.")                                           \
    X(OSError, "OSError", ExcException, OS, "Base class for I/O related errors.")                  \
    X(BlockingIOError, "BlockingIOError", ExcOSError, OS, "I/O operation would block.")            \
    X(ChildProcessError, "ChildProcessError", ExcOSError, OS, "Child process error.")              \
    X(ConnectionError, "ConnectionError", ExcOSError, OS, "Connection error.")                     \
    X(BrokenPipeError, "BrokenPipeError", ExcConnectionError, OS, "Broken pipe.")                  \
    X(ConnectionAbortedError, "ConnectionAbortedError", ExcConnectionError, OS, "Connection aborted.") \
    X(ConnectionRefusedError, "ConnectionRefusedError", ExcConnectionError, OS, "Connection refused.") \
    X(ConnectionResetError, "ConnectionResetError", ExcConnectionError, OS, "Connection reset.")   \
    X(FileExistsError, "FileExistsError", ExcOSError, OS, "File already exists.")                  \
    X(FileNotFoundError, "FileNotFoundError", ExcOSError, OS, "File not found.")                   \
    X(InterruptedError, "InterruptedError", ExcOSError, OS, "Interrupted by signal.")              \
    X(IsADirectoryError, "IsADirectoryError", ExcOSError, OS,                                      \
      "Operation doesn't work on directories.")                                                    \
    X(NotADirectoryError, "NotADirectoryError", ExcOSError, OS, "Operation only works on directories.") \
    X(PermissionError, "PermissionError", ExcOSError, OS, "Not enough permissions.")               \
    X(ProcessLookupError, "ProcessLookupError", ExcOSError, OS, "Process not found.")              \
    X(TimeoutError, "TimeoutError", ExcOSError, OS, "Timeout expired.")                            \
    X(ReferenceError, "ReferenceError", ExcException, PLAIN, "Weak ref proxy used after referent went away.") \
    X(RuntimeError, "RuntimeError", ExcException, PLAIN, "Unspecified run-time error.")            \
    X(NotImplementedError, "NotImplementedError", ExcRuntimeError, PLAIN,                          \
      "Method or function hasn't been implemented yet.")                                           \
    X(RecursionError, "RecursionError", ExcRuntimeError, PLAIN, "Recursion limit exceeded.")       \
    X(SyntaxError, "SyntaxError", ExcException, SYNTAX, "Invalid syntax.")                         \
    X(IndentationError, "IndentationError", ExcSyntaxError, SYNTAX, "Improper indentation.")       \
    X(TabError, "TabError", ExcIndentationError, SYNTAX, "Improper mixture of spaces and tabs.")   \
    X(SystemError, "SystemError", ExcException, PLAIN,                                             \
      "Internal error in the Python interpreter.")                                                 \
    X(TypeError, "TypeError", ExcException, PLAIN, "Inappropriate argument type.")                 \
    X(ValueError, "ValueError", ExcException, PLAIN,                                               \
      "Inappropriate argument value (of correct type).")                                           \
    X(UnicodeError, "UnicodeError", ExcValueError, PLAIN, "Unicode related error.")                \
    X(UnicodeDecodeError, "UnicodeDecodeError", ExcUnicodeError, UDECODE, "Unicode decoding error.") \
    X(UnicodeEncodeError, "UnicodeEncodeError", ExcUnicodeError, UENCODE, "Unicode encoding error.") \
    X(Warning, "Warning", ExcException, PLAIN, "Base class for warning categories.")               \
    X(DeprecationWarning, "DeprecationWarning", ExcWarning, PLAIN,                                 \
      "Base class for warnings about deprecated features.")                                        \
    X(RuntimeWarning, "RuntimeWarning", ExcWarning, PLAIN,                                         \
      "Base class for warnings about dubious runtime behavior.")                                   \
    X(UserWarning, "UserWarning", ExcWarning, PLAIN,                                               \
      "Base class for warnings generated by user code.")

/* Forward declarations so bases may be referenced before their definition. */
#define X(cname, pyname, base, kind, doc) extern TypeObject Exc##cname;
EXCEPTION_DEFS(X)
#undef X

#define X(cname, pyname, base, kind, doc) EXC_TYPE(cname, pyname, base, kind, doc)
EXCEPTION_DEFS(X)
#undef X

static const struct {
    TypeObject *type;
    ParseFunc parse;
} kind_parse_table[] = {
#define X(cname, pyname, base, kind, doc) KIND_PARSE_ENTRY(cname, kind)
    EXCEPTION_DEFS(X)
#undef X
};

static ParseFunc kind_parse(TypeObject *type) {
    TypeObject *t = static_ancestor(type);
    for (size_t i = 0; i < sizeof kind_parse_table / sizeof kind_parse_table[0]; i++) {
        if (kind_parse_table[i].type == t) {
            return kind_parse_table[i].parse;
        }
    }
    return parse_plain;
}

int exceptions_add_to_dict(Object *builtins_dict) {
#define X(cname, pyname, base)                                                                     \
    if (dict_set_cstr(builtins_dict, pyname, (Object *)&Exc##cname) < 0) {                        \
        return -1;                                                                                 \
    }
    EXCEPTION_LIST(X)
#undef X
    /* Aliases CPython keeps for compatibility. */
    if (dict_set_cstr(builtins_dict, "EnvironmentError", (Object *)&ExcOSError) < 0 ||
        dict_set_cstr(builtins_dict, "IOError", (Object *)&ExcOSError) < 0) {
        return -1;
    }
    return 0;
}
