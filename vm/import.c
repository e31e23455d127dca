/* import.c: the import system. A name is looked up in sys.modules, then in
 * the native module table, then as `<dir>/name/__init__.py` (a package) or
 * `<dir>/name.py` along sys.path (or the parent package's __path__). A
 * module is in sys.modules before its body runs, so circular imports see the
 * partially initialised module, as in CPython. */
#include "import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "compile.h"
#include "dict.h"
#include "errors.h"
#include "exceptions.h"
#include "int.h"
#include "interp.h"
#include "list.h"
#include "marshal.h"
#include "module.h"
#include "state.h"
#include "str.h"
#include "tuple.h"
#include "vm.h"

#ifndef GILPY_STDLIB_DIR
#define GILPY_STDLIB_DIR ""
#endif

static bool import_is_dir(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool import_is_file(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static int import_append_path(Object *list, const char *dir) {
    Object *s = str_decode_utf8(dir, strlen(dir));
    if (s == NULL) {
        return -1;
    }
    int r = list_append(list, s);
    DECREF(s);
    return r;
}

int import_init_path(Object *script_dir) {
    Interpreter *interp = ts_current()->interp;
    Object *path = list_new(0);
    if (path == NULL || list_append(path, script_dir) < 0) {
        XDECREF(path);
        return -1;
    }
    const char *env = getenv("GILPYPATH");
    if (env != NULL && *env != '\0') {
        char *copy = strdup(env);
        char *save = NULL;
        for (char *p = strtok_r(copy, ":", &save); p != NULL; p = strtok_r(NULL, ":", &save)) {
            if (import_append_path(path, p) < 0) {
                free(copy);
                DECREF(path);
                return -1;
            }
        }
        free(copy);
    }
    if (GILPY_STDLIB_DIR[0] != '\0' && import_is_dir(GILPY_STDLIB_DIR) &&
        import_append_path(path, GILPY_STDLIB_DIR) < 0) {
        DECREF(path);
        return -1;
    }
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 64);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash != NULL) {
            *slash = '\0';
            const char *suffixes[] = {"/../stdlib/lib", "/../share/gilpy/lib"};
            for (size_t i = 0; i < 2; i++) {
                char candidate[4200];
                snprintf(candidate, sizeof candidate, "%s%s", exe, suffixes[i]);
                char real[4096];
                if (import_is_dir(candidate) && realpath(candidate, real) != NULL &&
                    strcmp(real, GILPY_STDLIB_DIR) != 0 && import_append_path(path, real) < 0) {
                    DECREF(path);
                    return -1;
                }
            }
        }
    }
    int r = dict_set_cstr(interp->sysdict, "path", path);
    DECREF(path);
    return r;
}

/* ================================================================ loading */

/* Read a whole file into a StrBuilder. false if it cannot be opened. */
static bool import_read_file(const char *path, StrBuilder *sb) {
    FILE *fp = fopen(path, "rb");
    if (fp == NULL) {
        return false;
    }
    sb_init(sb);
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, fp)) > 0) {
        sb_append(sb, buf, n);
    }
    fclose(fp);
    return true;
}

/* Run the source file `path` as module `fullname`. For a package, pkgdir is
 * its directory (becomes __path__). New reference or NULL. */
static Object *import_exec_source(Object *fullname, const char *path, const char *pkgdir) {
    Interpreter *interp = ts_current()->interp;
    StrBuilder sb;
    if (!import_read_file(path, &sb)) {
        return err_from_errno(NULL);
    }
    Object *filename = str_decode_utf8(path, strlen(path));
    if (filename == NULL) {
        sb_discard(&sb);
        return NULL;
    }
    /* Through the __pycache__ cache (vm/marshal.c): compiled once, not at every start. */
    CodeObject *code = marshal_compile_cached(path, sb.data != NULL ? sb.data : "", sb.size,
                                              filename);
    sb_discard(&sb);
    if (code == NULL) {
        DECREF(filename);
        return NULL;
    }
    Object *m = module_new(str_utf8(fullname));
    if (m == NULL) {
        DECREF(filename);
        DECREF((Object *)code);
        return NULL;
    }
    Object *d = module_dict(m);
    Object *package;
    if (pkgdir != NULL) {
        package = NEWREF(fullname);
    } else {
        const char *dot = strrchr(str_utf8(fullname), '.');
        package = dot != NULL ? str_from_utf8(str_utf8(fullname),
                                              (size_t)(dot - str_utf8(fullname)))
                              : str_from_cstr("");
    }
    int rc = package != NULL ? 0 : -1;
    if (rc == 0) {
        rc = dict_set_cstr(d, "__file__", filename);
    }
    if (rc == 0) {
        rc = dict_set_cstr(d, "__package__", package);
    }
    if (rc == 0) {
        rc = dict_set_cstr(d, "__builtins__", dict_get_cstr(interp->modules, "builtins"));
    }
    if (rc == 0 && pkgdir != NULL) {
        Object *pathlist = list_new(0);
        rc = pathlist != NULL ? import_append_path(pathlist, pkgdir) : -1;
        if (rc == 0) {
            rc = dict_set_cstr(d, "__path__", pathlist);
        }
        XDECREF(pathlist);
    }
    XDECREF(package);
    DECREF(filename);
    if (rc == 0) {
        rc = dict_set(interp->modules, fullname, m);
    }
    if (rc < 0) {
        DECREF(m);
        DECREF((Object *)code);
        return NULL;
    }
    /* Mark it initialising (for the circular-import message). */
    VMInterp *vi = vm_interp(interp);
    if (dict_set(vi->initializing, fullname, True) < 0) {
        err_clear();
    }
    Object *r = vm_eval_code(code, d, d);
    DECREF((Object *)code);
    Object *saved_exc = err_fetch();
    if (dict_get_str(vi->initializing, fullname) != NULL &&
        dict_del(vi->initializing, fullname) < 0) {
        err_clear();
    }
    err_restore(saved_exc);
    if (r == NULL) {
        Object *saved = err_fetch();
        if (dict_get_str(interp->modules, fullname) != NULL &&
            dict_del(interp->modules, fullname) < 0) {
            err_clear();
        }
        err_restore(saved);
        DECREF(m);
        return NULL;
    }
    DECREF(r);
    DECREF(m);
    Object *final = dict_get_str(interp->modules, fullname);
    if (final == NULL) {
        return err_format(&ExcImportError, "Loaded module %U not found in sys.modules", fullname);
    }
    return NEWREF(final);
}

/* Find and load `fullname` whose last component is `base` in the
 * directories of `paths` (a list of str). New reference, NULL with no error
 * when not found, NULL with an error when loading failed. */
/* Set `name` (and `path` when given) on the pending ImportError, as CPython
 * does for the errors the import system raises itself. Keeps the error pending. */
static void import_error_set_fields(Object *name, Object *path) {
    Object *exc = err_fetch();
    if (exc == NULL) {
        return;
    }
    const char *attrs[2] = {"name", "path"};
    Object *values[2] = {name, path};
    for (int i = 0; i < 2; i++) {
        Object *key = values[i] != NULL ? str_intern_cstr(attrs[i]) : NULL;
        if (key != NULL && obj_setattr(exc, key, values[i]) < 0) {
            err_clear();
        }
        XDECREF(key);
    }
    err_restore(exc);
}

static Object *import_find_and_load(Object *fullname, const char *base, Object *paths) {
    if (paths == NULL || !list_check(paths)) {
        return NULL;
    }
    for (size_t i = 0; i < list_size(paths); i++) {
        Object *entry = list_get(paths, i);
        if (!str_check(entry)) {
            continue;
        }
        const char *dir = str_size(entry) == 0 ? "." : str_utf8(entry);
        char buf[4200];
        snprintf(buf, sizeof buf, "%s/%s", dir, base);
        if (import_is_dir(buf)) {
            char init[4300];
            snprintf(init, sizeof init, "%s/__init__.py", buf);
            if (import_is_file(init)) {
                return import_exec_source(fullname, init, buf);
            }
        }
        snprintf(buf, sizeof buf, "%s/%s.py", dir, base);
        if (import_is_file(buf)) {
            return import_exec_source(fullname, buf, NULL);
        }
    }
    return NULL;
}

/* Import one fully qualified module whose parent (if any) is already
 * imported. New reference or NULL with an error. */
static Object *import_one(Object *fullname, Object *parent) {
    Interpreter *interp = ts_current()->interp;
    Object *m = dict_get_str(interp->modules, fullname);
    if (m != NULL) {
        return NEWREF(m);
    }
    const char *name = str_utf8(fullname);
    const char *dot = strrchr(name, '.');
    const char *base = dot != NULL ? dot + 1 : name;
    const NativeModuleDef *def = interp_find_native(interp, name);
    if (def != NULL) {
        m = def->init();
        if (m == NULL) {
            return NULL;
        }
        if (dict_set(interp->modules, fullname, m) < 0) {
            DECREF(m);
            return NULL;
        }
    } else {
        Object *paths;
        if (parent != NULL) {
            paths = NULL;
            if (vm_lookup_attr_cstr(parent, "__path__", &paths) < 0) {
                return NULL;
            }
            if (paths == NULL) {
                Object *pname = str_from_utf8(name, (size_t)(dot - name));
                if (pname != NULL) {
                    err_format(&ExcModuleNotFoundError,
                               "No module named '%U'; '%U' is not a package", fullname, pname);
                    import_error_set_fields(fullname, NULL);
                    DECREF(pname);
                }
                return NULL;
            }
        } else {
            paths = dict_get_cstr(interp->sysdict, "path");
            XINCREF(paths);
        }
        m = import_find_and_load(fullname, base, paths);
        XDECREF(paths);
        if (m == NULL) {
            if (err_occurred() == NULL) {
                err_format(&ExcModuleNotFoundError, "No module named '%U'", fullname);
                import_error_set_fields(fullname, NULL);
            }
            return NULL;
        }
    }
    if (parent != NULL) {
        Object *attr = str_from_cstr(base);
        if (attr == NULL || obj_setattr(parent, attr, m) < 0) {
            err_clear();
        }
        XDECREF(attr);
    }
    return m;
}

/* Import every prefix of the dotted name; return the last module. */
static Object *import_dotted(Object *absname) {
    const char *s = str_utf8(absname);
    size_t len = str_size(absname);
    Object *parent = NULL;
    size_t pos = 0;
    for (;;) {
        const char *dot = memchr(s + pos, '.', len - pos);
        size_t end = dot != NULL ? (size_t)(dot - s) : len;
        Object *prefix = end == len ? NEWREF(absname) : str_from_utf8(s, end);
        if (prefix == NULL) {
            XDECREF(parent);
            return NULL;
        }
        Object *m = import_one(prefix, parent);
        DECREF(prefix);
        XDECREF(parent);
        if (m == NULL) {
            return NULL;
        }
        if (end == len) {
            return m;
        }
        parent = m;
        pos = end + 1;
    }
}

/* Resolve a relative import against the importing module's package. */
static Object *import_resolve_name(Object *name, Object *globals, int level) {
    if (globals == NULL || !dict_check(globals)) {
        return err_format(&ExcKeyError, "'__name__' not in globals");
    }
    Object *package = dict_get_cstr(globals, "__package__");
    Object *pkg = NULL;
    if (package != NULL && package != None && str_check(package)) {
        pkg = NEWREF(package);
    } else {
        Object *modname = dict_get_cstr(globals, "__name__");
        if (modname == NULL || !str_check(modname)) {
            return err_format(&ExcKeyError, "'__name__' not in globals");
        }
        if (dict_get_cstr(globals, "__path__") != NULL) {
            pkg = NEWREF(modname);
        } else {
            const char *s = str_utf8(modname);
            const char *dot = strrchr(s, '.');
            pkg = dot != NULL ? str_from_utf8(s, (size_t)(dot - s)) : str_from_cstr("");
        }
    }
    if (pkg == NULL) {
        return NULL;
    }
    if (str_size(pkg) == 0) {
        DECREF(pkg);
        return err_format(&ExcImportError, "attempted relative import with no known parent package");
    }
    const char *s = str_utf8(pkg);
    size_t end = str_size(pkg);
    for (int i = 1; i < level; i++) {
        while (end > 0 && s[end - 1] != '.') {
            end--;
        }
        if (end == 0) {
            DECREF(pkg);
            return err_format(&ExcImportError, "attempted relative import beyond top-level package");
        }
        end--;
    }
    Object *res;
    if (name == NULL || str_size(name) == 0) {
        res = str_from_utf8(s, end);
    } else {
        StrBuilder sb;
        sb_init(&sb);
        sb_append(&sb, s, end);
        sb_append_char(&sb, '.');
        sb_append_str(&sb, name);
        res = sb_finish(&sb);
    }
    DECREF(pkg);
    return res;
}

static bool import_fromlist_empty(Object *fromlist) {
    if (fromlist == NULL || fromlist == None) {
        return true;
    }
    if (tuple_check(fromlist)) {
        return tuple_size(fromlist) == 0;
    }
    if (list_check(fromlist)) {
        return list_size(fromlist) == 0;
    }
    return false;
}

Object *import_name(Object *name, Object *globals, Object *fromlist, int level) {
    Interpreter *interp = ts_current()->interp;
    if (!str_check(name)) {
        return err_format(&ExcTypeError, "module name must be str, not %s", obj_type_name(name));
    }
    if (level < 0) {
        return err_format(&ExcValueError, "level must be >= 0");
    }
    Object *absname;
    if (level > 0) {
        absname = import_resolve_name(name, globals, level);
        if (absname == NULL) {
            return NULL;
        }
    } else {
        if (str_size(name) == 0) {
            return err_format(&ExcValueError, "Empty module name");
        }
        absname = NEWREF(name);
    }
    Object *m = import_dotted(absname);
    if (m == NULL) {
        DECREF(absname);
        return NULL;
    }
    if (import_fromlist_empty(fromlist)) {
        if (level == 0) {
            const char *s = str_utf8(absname);
            const char *dot = strchr(s, '.');
            if (dot != NULL) {
                Object *top = str_from_utf8(s, (size_t)(dot - s));
                Object *topm = top != NULL ? dict_get_str(interp->modules, top) : NULL;
                XDECREF(top);
                if (topm != NULL) {
                    DECREF(m);
                    m = NEWREF(topm);
                }
            }
        }
        DECREF(absname);
        return m;
    }
    /* from package import submodule: import the submodules named. */
    Object *path = NULL;
    if (vm_lookup_attr_cstr(m, "__path__", &path) < 0) {
        DECREF(absname);
        DECREF(m);
        return NULL;
    }
    if (path != NULL && tuple_check(fromlist)) {
        for (size_t i = 0; i < tuple_size(fromlist); i++) {
            Object *item = tuple_get(fromlist, i);
            if (!str_check(item) || str_equal_cstr(item, "*")) {
                continue;
            }
            Object *existing = NULL;
            if (obj_lookup_attr(m, item, &existing) < 0) {
                err_clear();
            }
            if (existing != NULL) {
                DECREF(existing);
                continue;
            }
            Object *sub = str_from_format("%U.%U", absname, item);
            Object *sm = sub != NULL ? import_one(sub, m) : NULL;
            XDECREF(sub);
            if (sm == NULL) {
                if (err_matches(&ExcModuleNotFoundError)) {
                    err_clear();
                } else {
                    DECREF(path);
                    DECREF(absname);
                    DECREF(m);
                    return NULL;
                }
            } else {
                DECREF(sm);
            }
        }
    }
    XDECREF(path);
    DECREF(absname);
    return m;
}

Object *import_from(Object *module, Object *name) {
    Object *v = NULL;
    if (obj_lookup_attr(module, name, &v) < 0) {
        return NULL;
    }
    if (v != NULL) {
        return v;
    }
    Interpreter *interp = ts_current()->interp;
    Object *pkgname = NULL;
    if (vm_lookup_attr_cstr(module, "__name__", &pkgname) < 0) {
        err_clear();
    }
    if (pkgname != NULL && str_check(pkgname)) {
        Object *full = str_from_format("%U.%U", pkgname, name);
        if (full != NULL) {
            Object *sub = dict_get_str(interp->modules, full);
            DECREF(full);
            if (sub != NULL) {
                DECREF(pkgname);
                return NEWREF(sub);
            }
        }
    }
    if (pkgname == NULL || !str_check(pkgname)) {
        XDECREF(pkgname);
        pkgname = str_from_cstr("<unknown module name>");
        if (pkgname == NULL) {
            return NULL;
        }
    }
    Object *file = NULL;
    if (vm_lookup_attr_cstr(module, "__file__", &file) < 0) {
        err_clear();
    }
    Object *init = dict_get_str(vm_interp(interp)->initializing, pkgname);
    if (file == NULL || !str_check(file)) {
        err_format(&ExcImportError, "cannot import name %R from %R (unknown location)", name,
                   pkgname);
    } else if (init != NULL) {
        err_format(&ExcImportError,
                   "cannot import name %R from partially initialized module %R (most likely due "
                   "to a circular import) (%U)",
                   name, pkgname, file);
    } else {
        err_format(&ExcImportError, "cannot import name %R from %R (%U)", name, pkgname, file);
    }
    import_error_set_fields(pkgname, file != NULL && str_check(file) ? file : NULL);
    XDECREF(file);
    DECREF(pkgname);
    return NULL;
}

int import_star(Object *module, Object *locals) {
    Object *all = NULL;
    if (vm_lookup_attr_cstr(module, "__all__", &all) < 0) {
        return -1;
    }
    Object *names;
    bool skip_private = false;
    if (all != NULL) {
        names = all;
    } else {
        Object *d = NULL;
        if (vm_lookup_attr_cstr(module, "__dict__", &d) < 0) {
            return -1;
        }
        if (d == NULL || !dict_check(d)) {
            XDECREF(d);
            err_set_string(&ExcImportError, "from-import-* object has no __dict__ and no __all__");
            return -1;
        }
        names = dict_keys_list(d);
        DECREF(d);
        if (names == NULL) {
            return -1;
        }
        skip_private = true;
    }
    Object *it = obj_iter(names);
    DECREF(names);
    if (it == NULL) {
        return -1;
    }
    Object *name;
    while ((name = obj_next(it)) != NULL) {
        if (skip_private && str_check(name) && str_utf8(name)[0] == '_') {
            DECREF(name);
            continue;
        }
        Object *v = obj_getattr(module, name);
        int r = v != NULL ? (dict_check(locals) ? dict_set(locals, name, v)
                                                : obj_setitem(locals, name, v))
                          : -1;
        XDECREF(v);
        DECREF(name);
        if (r < 0) {
            DECREF(it);
            return -1;
        }
    }
    DECREF(it);
    return err_occurred() != NULL ? -1 : 0;
}
