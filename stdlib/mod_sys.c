/* mod_sys.c: the `sys` module: argv, the standard streams, exit, version
 * information, the recursion limit, modules and path, exc_info, intern. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "args.h"
#include "dict.h"
#include "errors.h"
#include "exceptions.h"
#include "float.h"
#include "int.h"
#include "list.h"
#include "module.h"
#include "modules.h"
#include "state.h"
#include "str.h"
#include "textio.h"
#include "traceback.h"
#include "tuple.h"

#ifndef GILPY_STDLIB_DIR
#define GILPY_STDLIB_DIR "stdlib/lib"
#endif

#define SYS_VERSION "3.11.7 (gilpy 0.1.0)"
#define SYS_HEXVERSION 0x030B07F0

/* ================================================================ sys.version_info
 *
 * A tuple subclass with named fields, like CPython's struct sequence:
 * (3, 11, 7, 'final', 0) that also answers .major, .minor, ... */

static Object *version_info_field(Object *self, size_t i) { return NEWREF(tuple_get(self, i)); }
static Object *vi_major(Object *self) { return version_info_field(self, 0); }
static Object *vi_minor(Object *self) { return version_info_field(self, 1); }
static Object *vi_micro(Object *self) { return version_info_field(self, 2); }
static Object *vi_releaselevel(Object *self) { return version_info_field(self, 3); }
static Object *vi_serial(Object *self) { return version_info_field(self, 4); }

static const GetSetDef version_info_getsets[] = {
    {"major", vi_major, NULL, NULL},
    {"minor", vi_minor, NULL, NULL},
    {"micro", vi_micro, NULL, NULL},
    {"releaselevel", vi_releaselevel, NULL, NULL},
    {"serial", vi_serial, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static Object *version_info_repr(Object *self) {
    return str_from_format("sys.version_info(major=%R, minor=%R, micro=%R, releaselevel=%R, "
                           "serial=%R)",
                           tuple_get(self, 0), tuple_get(self, 1), tuple_get(self, 2),
                           tuple_get(self, 3), tuple_get(self, 4));
}

static void version_info_dealloc(Object *self) {
    for (size_t i = 0; i < tuple_size(self); i++) {
        XDECREF(tuple_get(self, i));
    }
    obj_free(self);
}

static TypeObject VersionInfoType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "sys.version_info",
    .basic_size = sizeof(TupleObject),
    .base_type = &TupleType,
    .dealloc = version_info_dealloc,
    .repr = version_info_repr,
    .getsets = version_info_getsets,
    .doc = "sys.version_info\n\nVersion information as a named tuple.",
};

static Object *version_info_new(void) {
    Object *release = str_from_cstr("final");
    if (release == NULL) {
        return NULL;
    }
    TupleObject *t =
        (TupleObject *)obj_alloc(&VersionInfoType, sizeof(TupleObject) + 5 * sizeof(Object *));
    if (t == NULL) {
        DECREF(release);
        return NULL;
    }
    t->size = 5;
    t->items[0] = small_int_make(3);
    t->items[1] = small_int_make(11);
    t->items[2] = small_int_make(7);
    t->items[3] = release;
    t->items[4] = small_int_make(0);
    return (Object *)t;
}

/* ================================================================ namespaces
 *
 * sys.implementation and sys.flags are simple attribute bags, shown as
 * "namespace(name='gilpy', ...)" like types.SimpleNamespace. */

typedef struct NamespaceObject {
    Object base;
    Object *dict;
} NamespaceObject;

static Object *namespace_repr(Object *self) {
    Object *d = ((NamespaceObject *)self)->dict;
    StrBuilder sb;
    sb_init(&sb);
    sb_append_cstr(&sb, "namespace(");
    size_t pos = 0;
    Object *k, *v;
    bool first = true;
    while (dict_next(d, &pos, &k, &v)) {
        if (!first) {
            sb_append_cstr(&sb, ", ");
        }
        first = false;
        sb_append_str(&sb, k);
        sb_append_char(&sb, '=');
        if (sb_append_repr(&sb, v) < 0) {
            sb_discard(&sb);
            return NULL;
        }
    }
    sb_append_char(&sb, ')');
    return sb_finish(&sb);
}

static void namespace_dealloc(Object *self) {
    XDECREF(((NamespaceObject *)self)->dict);
    obj_free(self);
}

static int namespace_traverse(Object *self, VisitFunc visit, void *arg) {
    Object *d = ((NamespaceObject *)self)->dict;
    return d != NULL ? visit(d, arg) : 0;
}

static TypeObject NamespaceType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "types.SimpleNamespace",
    .basic_size = sizeof(NamespaceObject),
    .flags = TYPE_FLAG_GC,
    .dealloc = namespace_dealloc,
    .traverse = namespace_traverse,
    .repr = namespace_repr,
    .dict_offset = offsetof(NamespaceObject, dict),
    .doc = "A simple attribute-based namespace.",
};

/* A namespace whose attributes are in `dict` (borrowed). */
static Object *namespace_new(Object *dict) {
    NamespaceObject *ns = (NamespaceObject *)obj_alloc(&NamespaceType, sizeof(NamespaceObject));
    if (ns != NULL) {
        ns->dict = NEWREF(dict);
    }
    return (Object *)ns;
}

/* ================================================================ functions */

static Interpreter *interp(void) { return ts_current()->interp; }

/* sys.exit([status]): raise SystemExit(status). */
static Object *sys_exit(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_no_keywords("exit", kwnames) < 0 || args_count("exit", nargs, 0, 1) < 0) {
        return NULL;
    }
    Object *exc_args = tuple_from_array(args, nargs);
    if (exc_args == NULL) {
        return NULL;
    }
    Object *exc = exception_new(&ExcSystemExit, exc_args);
    DECREF(exc_args);
    if (exc != NULL) {
        err_set_exception(exc);
        DECREF(exc);
    }
    return NULL;
}

static Object *sys_getrecursionlimit(Object *self, Object *const *args, size_t nargs,
                                     Object *kwnames) {
    if (args_no_keywords("getrecursionlimit", kwnames) < 0 ||
        args_count("getrecursionlimit", nargs, 0, 0) < 0) {
        return NULL;
    }
    return small_int_make(interp()->recursion_limit);
}

static Object *sys_setrecursionlimit(Object *self, Object *const *args, size_t nargs,
                                     Object *kwnames) {
    if (args_no_keywords("setrecursionlimit", kwnames) < 0 ||
        args_count("setrecursionlimit", nargs, 1, 1) < 0) {
        return NULL;
    }
    if (!int_check(args[0])) {
        return err_format(&ExcTypeError, "'%T' object cannot be interpreted as an integer",
                          args[0]);
    }
    int64_t limit;
    if (int_to_i64(args[0], &limit) < 0) {
        return NULL;
    }
    if (limit > INT_MAX) {
        err_set_string(&ExcOverflowError, "Python int too large to convert to C int");
        return NULL;
    }
    if (limit < 1) {
        err_set_string(&ExcValueError, "recursion limit must be greater or equal than 1");
        return NULL;
    }
    int depth = ts_current()->recursion_depth;
    if (limit <= depth) {
        return err_format(&ExcRecursionError,
                          "cannot set the recursion limit to %d at the recursion depth %d: the "
                          "limit is too low",
                          (int)limit, depth);
    }
    interp()->recursion_limit = (int)limit;
    return none_ref();
}

/* sys.exc_info(): (type, value, traceback) of the exception being handled. */
static Object *sys_exc_info(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_no_keywords("exc_info", kwnames) < 0 || args_count("exc_info", nargs, 0, 0) < 0) {
        return NULL;
    }
    Object *exc = ts_current()->handled_exception;
    if (exc == NULL || exc == None) {
        return tuple_pack(3, None, None, None);
    }
    Object *tb = ((ExceptionObject *)exc)->traceback;
    return tuple_pack(3, (Object *)obj_type(exc), exc, tb != NULL ? tb : None);
}

/* sys.exception() (3.11): the exception being handled, or None. */
static Object *sys_exception(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_no_keywords("exception", kwnames) < 0 || args_count("exception", nargs, 0, 0) < 0) {
        return NULL;
    }
    Object *exc = ts_current()->handled_exception;
    return NEWREF(exc != NULL ? exc : None);
}

/* ================================================================ traceback primitives
 *
 * stdlib/lib/traceback.py formats with the same printer as an uncaught
 * exception (vm/traceback.c), through these three private functions. */

/* sys._format_exception(exc) -> str: the full rendering, chained exceptions included. */
static Object *sys_format_exception(Object *self, Object *const *args, size_t nargs,
                                    Object *kwnames) {
    if (args_no_keywords("_format_exception", kwnames) < 0 ||
        args_count("_format_exception", nargs, 1, 1) < 0) {
        return NULL;
    }
    StrBuilder sb;
    sb_init(&sb);
    traceback_format_exception(args[0], &sb);
    return sb_finish(&sb);
}

/* sys._format_exception_only(exc) -> str: "Type: message\n" (and notes). */
static Object *sys_format_exception_only(Object *self, Object *const *args, size_t nargs,
                                         Object *kwnames) {
    if (args_no_keywords("_format_exception_only", kwnames) < 0 ||
        args_count("_format_exception_only", nargs, 1, 1) < 0) {
        return NULL;
    }
    StrBuilder sb;
    sb_init(&sb);
    traceback_format_exception_only(args[0], &sb);
    return sb_finish(&sb);
}

/* sys._format_tb(tb) -> list of str, one per traceback entry. */
static Object *sys_format_tb(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_no_keywords("_format_tb", kwnames) < 0 ||
        args_count("_format_tb", nargs, 1, 1) < 0) {
        return NULL;
    }
    Object *list = list_new(0);
    if (list == NULL || traceback_format_tb(args[0], list) < 0) {
        XDECREF(list);
        return NULL;
    }
    return list;
}

static Object *sys_getrefcount(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_no_keywords("getrefcount", kwnames) < 0 ||
        args_count("getrefcount", nargs, 1, 1) < 0) {
        return NULL;
    }
    if (is_small_int(args[0])) {
        return int_from_i64((int64_t)STATIC_REFCOUNT);
    }
    return int_from_i64((int64_t)args[0]->refcount);
}

static Object *sys_intern(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_no_keywords("intern", kwnames) < 0 || args_count("intern", nargs, 1, 1) < 0) {
        return NULL;
    }
    if (!str_check(args[0]) || args[0]->type != &StrType) {
        if (str_check(args[0])) {
            return err_format(&ExcTypeError, "can't intern %T", args[0]);
        }
        return err_format(&ExcTypeError, "intern() argument must be str, not %T", args[0]);
    }
    Object *s = NEWREF(args[0]);
    str_intern_in_place(&s);
    return s;
}

static Object *sys_getdefaultencoding(Object *self, Object *const *args, size_t nargs,
                                      Object *kwnames) {
    if (args_no_keywords("getdefaultencoding", kwnames) < 0 ||
        args_count("getdefaultencoding", nargs, 0, 0) < 0) {
        return NULL;
    }
    return str_from_cstr("utf-8");
}

static const MethodDef sys_functions[] = {
    {"exit", sys_exit, 0, "Exit the interpreter by raising SystemExit(status)."},
    {"getrecursionlimit", sys_getrecursionlimit, 0, "Return the current value of the recursion limit."},
    {"setrecursionlimit", sys_setrecursionlimit, 0, "Set the maximum depth of the Python interpreter stack to n."},
    {"exc_info", sys_exc_info, 0, "Return current exception information: (type, value, traceback)."},
    {"exception", sys_exception, 0, "Return the current exception."},
    {"getrefcount", sys_getrefcount, 0, "Return the reference count of object."},
    {"_format_exception", sys_format_exception, 0, "Format an exception and its chain (for traceback.py)."},
    {"_format_exception_only", sys_format_exception_only, 0, "Format the last line of an exception (for traceback.py)."},
    {"_format_tb", sys_format_tb, 0, "Format the entries of a traceback (for traceback.py)."},
    {"intern", sys_intern, 0, "``Intern'' the given string."},
    {"getdefaultencoding", sys_getdefaultencoding, 0, "Return the current default encoding used by the Unicode implementation."},
    {"getfilesystemencoding", sys_getdefaultencoding, 0, "Return the encoding used to convert Unicode filenames to OS filenames."},
    {NULL, NULL, 0, NULL},
};

/* ================================================================ module creation */

/* Set module attribute `name` to `value`, stealing value (which may be NULL
 * after a failed constructor: then the error is passed on). */
static int add_stolen(Object *m, const char *name, Object *value) {
    if (value == NULL) {
        return -1;
    }
    int rc = module_add_object(m, name, value);
    DECREF(value);
    return rc;
}

static Object *make_implementation(Object *version_info) {
    Object *d = dict_new();
    if (d == NULL) {
        return NULL;
    }
    Object *name = str_from_cstr("gilpy"), *tag = str_from_cstr("gilpy-311");
    Object *hex = int_from_i64(SYS_HEXVERSION);
    Object *ns = NULL;
    if (name != NULL && tag != NULL && hex != NULL && dict_set_cstr(d, "name", name) == 0 &&
        dict_set_cstr(d, "cache_tag", tag) == 0 &&
        dict_set_cstr(d, "version", version_info) == 0 && dict_set_cstr(d, "hexversion", hex) == 0) {
        ns = namespace_new(d);
    }
    XDECREF(name);
    XDECREF(tag);
    XDECREF(hex);
    DECREF(d);
    return ns;
}

static Object *make_flags(void) {
    static const char *const names[] = {"debug", "inspect", "interactive", "optimize",
                                        "dont_write_bytecode", "no_user_site", "no_site",
                                        "ignore_environment", "verbose", "bytes_warning", "quiet",
                                        "hash_randomization", "isolated", "dev_mode",
                                        "utf8_mode", "warn_default_encoding", "safe_path",
                                        "int_max_str_digits"};
    Object *d = dict_new();
    if (d == NULL) {
        return NULL;
    }
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        Object *v = small_int_make(0);
        if (strcmp(names[i], "dev_mode") == 0 || strcmp(names[i], "safe_path") == 0) {
            v = False;
        } else if (strcmp(names[i], "int_max_str_digits") == 0) {
            v = small_int_make(-1);
        }
        if (dict_set_cstr(d, names[i], v) < 0) {
            DECREF(d);
            return NULL;
        }
    }
    Object *ns = namespace_new(d);
    DECREF(d);
    return ns;
}

/* sys.float_info: the properties of C doubles, which gilpy requires to be
 * IEEE 754 binary64. (The literals stand in for <float.h>'s DBL_* macros: the
 * include path finds runtime/float.h under that name first.) */
static Object *make_float_info(void) {
    Object *d = dict_new();
    if (d == NULL) {
        return NULL;
    }
    struct {
        const char *name;
        double fvalue;
        long ivalue;
        bool is_float;
    } fields[] = {
        {"max", 1.7976931348623157e+308, 0, true},        {"max_exp", 0, 1024, false},
        {"max_10_exp", 0, 308, false}, {"min", 2.2250738585072014e-308, 0, true},
        {"min_exp", 0, -1021, false}, {"min_10_exp", 0, -307, false},
        {"dig", 0, 15, false},       {"mant_dig", 0, 53, false},
        {"epsilon", 2.220446049250313e-16, 0, true}, {"radix", 0, 2, false},
        {"rounds", 0, 1, false},
    };
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        Object *v = fields[i].is_float ? float_new(fields[i].fvalue)
                                       : small_int_make(fields[i].ivalue);
        int rc = v != NULL ? dict_set_cstr(d, fields[i].name, v) : -1;
        XDECREF(v);
        if (rc < 0) {
            DECREF(d);
            return NULL;
        }
    }
    Object *ns = namespace_new(d);
    DECREF(d);
    return ns;
}

static Object *make_executable(void) {
    char buf[4096];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n < 0) {
        return str_from_cstr("");
    }
    return str_decode_utf8(buf, (size_t)n);
}

/* A tuple of the names in the native module table. */
static Object *builtin_module_names(void) {
    size_t n = 0;
    while (stdlib_native_modules[n].name != NULL) {
        n++;
    }
    Object *t = tuple_new(n);
    if (t == NULL) {
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        Object *name = str_from_cstr(stdlib_native_modules[i].name);
        if (name == NULL) {
            for (size_t j = i; j < n; j++) {
                tuple_init_item(t, j, none_ref());
            }
            DECREF(t);
            return NULL;
        }
        tuple_init_item(t, i, name);
    }
    return t;
}

/* The three standard streams, each also saved as __stdin__ etc. */
static int add_streams(Object *m) {
    static const char *const names[3][2] = {
        {"stdin", "__stdin__"}, {"stdout", "__stdout__"}, {"stderr", "__stderr__"}};
    for (int fd = 0; fd < 3; fd++) {
        Object *f = textio_new_std(fd);
        if (f == NULL) {
            return -1;
        }
        int rc = module_add_object(m, names[fd][0], f);
        if (rc == 0) {
            rc = module_add_object(m, names[fd][1], f);
        }
        DECREF(f);
        if (rc < 0) {
            return -1;
        }
    }
    return 0;
}

int sys_add_gil_functions(Object *sys_module);

Object *mod_sys_init(void) {
    if (type_ready(&VersionInfoType) < 0 || type_ready(&NamespaceType) < 0 ||
        type_ready(&TextIOType) < 0) {
        return NULL;
    }
    Object *m = module_new("sys");
    if (m == NULL) {
        return NULL;
    }
    Interpreter *in = interp();
    const uint16_t probe = 1;
    bool little = *(const uint8_t *)&probe == 1;
    Object *version_info = version_info_new();
    int rc = module_add_functions(m, sys_functions);
    if (rc == 0) {
        rc = sys_add_gil_functions(m); /* setcheckinterval & co (sys_gil.c) */
    }
    if (rc == 0 && version_info != NULL) {
        rc = module_add_object(m, "version_info", version_info);
    } else {
        rc = -1;
    }
    if (rc == 0) {
        rc = add_stolen(m, "implementation", make_implementation(version_info));
    }
    XDECREF(version_info);
    if (rc == 0) {
        rc = add_streams(m);
    }
    if (rc == 0 && in != NULL && in->modules != NULL) {
        rc = module_add_object(m, "modules", in->modules);
    }
    if (rc == 0) {
        rc = in != NULL && in->argv != NULL ? module_add_object(m, "argv", in->argv)
                                            : add_stolen(m, "argv", list_new(0));
    }
    if (rc == 0) {
        Object *dir = str_from_cstr(GILPY_STDLIB_DIR);
        Object *path = dir != NULL ? list_new(0) : NULL;
        if (path != NULL && list_append(path, dir) < 0) {
            CLEAR(path);
        }
        XDECREF(dir);
        rc = add_stolen(m, "path", path);
    }
    if (rc == 0) {
        rc = add_stolen(m, "version", str_from_cstr(SYS_VERSION));
    }
    if (rc == 0) {
        rc = add_stolen(m, "platform", str_from_cstr("linux"));
    }
    if (rc == 0) {
        rc = add_stolen(m, "byteorder", str_from_cstr(little ? "little" : "big"));
    }
    if (rc == 0) {
        rc = add_stolen(m, "maxsize", int_from_i64(INTPTR_MAX));
    }
    if (rc == 0) {
        rc = add_stolen(m, "maxunicode", int_from_i64(0x10FFFF));
    }
    if (rc == 0) {
        rc = add_stolen(m, "hexversion", int_from_i64(SYS_HEXVERSION));
    }
    if (rc == 0) {
        rc = add_stolen(m, "executable", make_executable());
    }
    if (rc == 0) {
        rc = add_stolen(m, "flags", make_flags());
    }
    if (rc == 0) {
        rc = add_stolen(m, "float_info", make_float_info());
    }
    if (rc == 0) {
        rc = add_stolen(m, "_xoptions", dict_new());
    }
    if (rc == 0) {
        rc = add_stolen(m, "warnoptions", list_new(0));
    }
    if (rc == 0) {
        rc = add_stolen(m, "builtin_module_names", builtin_module_names());
    }
    if (rc < 0) {
        DECREF(m);
        return NULL;
    }
    return m;
}
