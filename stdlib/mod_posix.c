/* mod_posix.c: the `posix` module, the native core under os.py: the process
 * and user ids, the working directory, directories and files by path
 * (listdir, mkdir, remove, rename, stat...), the environment, urandom and
 * strerror. Paths are str, bytes or os.PathLike, as in CPython. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "args.h"
#include "bytes.h"
#include "dict.h"
#include "errors.h"
#include "exceptions.h"
#include "float.h"
#include "int.h"
#include "list.h"
#include "memory.h"
#include "module.h"
#include "modules.h"
#include "process.h"
#include "str.h"
#include "tuple.h"

extern char **environ;

/* ================================================================ path arguments */

/* A converted path argument: the C string to pass to the system, the
 * original object (for error messages: FileNotFoundError names it), and
 * whether it was bytes (then names come back as bytes, as in CPython). */
typedef struct PathArg {
    Object *object;   /* borrowed: the argument as given */
    Object *fspath;   /* new reference: str or bytes after __fspath__, or NULL */
    const char *path; /* NUL-terminated, inside fspath; NULL for an fd or None */
    int fd;           /* >= 0 when an integer file descriptor was given */
    bool is_bytes;
} PathArg;

enum { PATH_ALLOW_FD = 1, PATH_ALLOW_NONE = 2 };

/* Convert `obj`, argument `argname` of function `fname`, to a PathArg.
 * Accepts str, bytes, objects with __fspath__, and (per flags) ints and
 * None. Fails with CPython's "stat: path should be string, bytes, os.PathLike
 * or integer, not list" or "embedded null byte". Release with path_release. */
static int path_convert(const char *fname, const char *argname, Object *obj, int flags,
                        PathArg *out) {
    out->object = obj;
    out->fspath = NULL;
    out->path = NULL;
    out->fd = -1;
    out->is_bytes = false;
    if (obj == None && (flags & PATH_ALLOW_NONE)) {
        return 0;
    }
    if ((flags & PATH_ALLOW_FD) && int_check(obj)) {
        int64_t fd;
        if (int_to_i64(obj, &fd) < 0) {
            return -1;
        }
        if (fd < 0 || fd > INT_MAX) {
            err_format(&ExcValueError, "fd is %s", fd < 0 ? "negative" : "too large");
            return -1;
        }
        out->fd = (int)fd;
        return 0;
    }
    Object *p = NULL;
    if (str_check(obj) || bytes_check(obj)) {
        p = NEWREF(obj);
    } else {
        Object *key = str_intern_cstr("__fspath__");
        Object *meth = key != NULL ? type_lookup(obj_type(obj), key) : NULL;
        XDECREF(key);
        if (meth != NULL) {
            TypeObject *mt = obj_type(meth);
            Object *bound =
                mt->descr_get != NULL ? mt->descr_get(meth, obj, obj_type(obj)) : NEWREF(meth);
            if (bound == NULL) {
                return -1;
            }
            p = obj_call0(bound);
            DECREF(bound);
            if (p == NULL) {
                return -1;
            }
            if (!str_check(p) && !bytes_check(p)) {
                err_format(&ExcTypeError, "expected %s.__fspath__() to return str or bytes, not %s",
                           obj_type_name(obj), obj_type_name(p));
                DECREF(p);
                return -1;
            }
        }
    }
    if (p == NULL) {
        const char *allowed = "string, bytes or os.PathLike";
        if (flags & PATH_ALLOW_NONE) {
            allowed = "string, bytes, os.PathLike, integer or None";
        } else if (flags & PATH_ALLOW_FD) {
            allowed = "string, bytes, os.PathLike or integer";
        }
        err_format(&ExcTypeError, "%s: %s should be %s, not %s", fname, argname, allowed,
                   obj_type_name(obj));
        return -1;
    }
    const char *s;
    size_t n;
    if (str_check(p)) {
        s = str_utf8(p);
        n = str_size(p);
    } else {
        s = bytes_data(p);
        n = bytes_size(p);
        out->is_bytes = true;
    }
    if (strlen(s) != n) {
        DECREF(p);
        err_set_string(&ExcValueError, "embedded null byte");
        return -1;
    }
    out->fspath = p;
    out->path = s;
    return 0;
}

static void path_release(PathArg *p) {
    CLEAR(p->fspath);
}

/* Raise errno's OSError naming one path, or two ("'a' -> 'b'"). */
static Object *posix_error(PathArg *a, PathArg *b) {
    int code = errno;
    if (b == NULL) {
        return err_from_errno(a != NULL && a->path != NULL ? a->object : NULL);
    }
    Object *msg = str_from_cstr(strerror(code));
    if (msg == NULL) {
        return NULL;
    }
    Object *args[5] = {small_int_make(code), msg, a->object, None, b->object};
    Object *exc = obj_call((Object *)&ExcOSError, args, 5, NULL);
    DECREF(msg);
    if (exc != NULL) {
        err_set_exception(exc);
        DECREF(exc);
    }
    return NULL;
}

/* A name from the file system as str (or bytes for a bytes path). */
static Object *name_object(const char *s, size_t n, bool as_bytes) {
    if (as_bytes) {
        return bytes_from_data(s, n);
    }
    return str_decode_utf8(s, n);
}

/* ================================================================ process and user */

#define POSIX_ID_FUNC(name, expr)                                                \
    static Object *posix_##name(Object *self, Object *const *args, size_t nargs, \
                                Object *kwnames) {                               \
        if (args_no_keywords("posix." #name, kwnames) < 0 ||                     \
            args_count("posix." #name, nargs, 0, 0) < 0) {                       \
            return NULL;                                                         \
        }                                                                        \
        return int_from_i64((int64_t)(expr));                                    \
    }

POSIX_ID_FUNC(getpid, getpid())
POSIX_ID_FUNC(getppid, getppid())
POSIX_ID_FUNC(getuid, getuid())
POSIX_ID_FUNC(geteuid, geteuid())
POSIX_ID_FUNC(getgid, getgid())
POSIX_ID_FUNC(getegid, getegid())

static Object *posix_cpu_count(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_no_keywords("posix.cpu_count", kwnames) < 0 ||
        args_count("posix.cpu_count", nargs, 0, 0) < 0) {
        return NULL;
    }
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    if (n < 1) {
        return none_ref();
    }
    return int_from_i64(n);
}

static Object *posix_strerror(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_no_keywords("posix.strerror", kwnames) < 0 ||
        args_count("posix.strerror", nargs, 1, 1) < 0) {
        return NULL;
    }
    if (float_check(args[0])) {
        return err_format(&ExcTypeError, "'float' object cannot be interpreted as an integer");
    }
    Object *i = obj_index(args[0]);
    if (i == NULL) {
        return NULL;
    }
    int64_t code;
    int rc = int_to_i64(i, &code);
    DECREF(i);
    if (rc < 0) {
        return NULL;
    }
    if (code > INT_MAX || code < INT_MIN) {
        return err_format(&ExcOverflowError, "Python int too large to convert to C int");
    }
    return str_from_cstr(strerror((int)code));
}

/* urandom(size) -> bytes from the OS entropy source. */
static Object *posix_urandom(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_no_keywords("posix.urandom", kwnames) < 0 ||
        args_count("posix.urandom", nargs, 1, 1) < 0) {
        return NULL;
    }
    if (float_check(args[0])) {
        return err_format(&ExcTypeError, "'float' object cannot be interpreted as an integer");
    }
    ssize_t n = obj_as_ssize(args[0]);
    if (n == -1 && err_occurred() != NULL) {
        return NULL;
    }
    if (n < 0) {
        return err_format(&ExcValueError, "negative argument not allowed");
    }
    char *buf = mem_alloc(n > 0 ? (size_t)n : 1);
    if (buf == NULL) {
        return NULL;
    }
    size_t done = 0;
    while (done < (size_t)n) {
        ssize_t got = getrandom(buf + done, (size_t)n - done, 0);
        if (got < 0) {
            if (errno == EINTR) {
                continue;
            }
            mem_free(buf);
            return err_from_errno(NULL);
        }
        done += (size_t)got;
    }
    Object *r = bytes_from_data(buf, (size_t)n);
    mem_free(buf);
    return r;
}

static Object *posix_umask(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_no_keywords("posix.umask", kwnames) < 0 ||
        args_count("posix.umask", nargs, 1, 1) < 0) {
        return NULL;
    }
    ssize_t mask = obj_as_ssize(args[0]);
    if (mask == -1 && err_occurred() != NULL) {
        return NULL;
    }
    return int_from_i64((int64_t)umask((mode_t)mask));
}

/* ================================================================ environment */

/* Check an environment variable name and value for putenv. */
static int env_check(Object *name, Object *value) {
    if (!str_check(name)) {
        err_format(&ExcTypeError, "expected str, bytes or os.PathLike object, not %s",
                   obj_type_name(name));
        return -1;
    }
    if (value != NULL && !str_check(value)) {
        err_format(&ExcTypeError, "expected str, bytes or os.PathLike object, not %s",
                   obj_type_name(value));
        return -1;
    }
    const char *n = str_utf8(name);
    bool value_has_nul = value != NULL && strlen(str_utf8(value)) != str_size(value);
    if (strlen(n) != str_size(name) || value_has_nul) {
        err_set_string(&ExcValueError, "embedded null byte");
        return -1;
    }
    if (n[0] == '\0' || strchr(n, '=') != NULL) {
        err_set_string(&ExcValueError, "illegal environment variable name");
        return -1;
    }
    return 0;
}

static Object *posix_putenv(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_no_keywords("posix.putenv", kwnames) < 0 || args_count("putenv", nargs, 2, 2) < 0 ||
        env_check(args[0], args[1]) < 0) {
        return NULL;
    }
    if (setenv(str_utf8(args[0]), str_utf8(args[1]), 1) != 0) {
        return err_from_errno(NULL);
    }
    return none_ref();
}

static Object *posix_unsetenv(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_no_keywords("posix.unsetenv", kwnames) < 0 ||
        args_count("posix.unsetenv", nargs, 1, 1) < 0 || env_check(args[0], NULL) < 0) {
        return NULL;
    }
    if (unsetenv(str_utf8(args[0])) != 0) {
        return err_from_errno(NULL);
    }
    return none_ref();
}

/* posix.environ: a dict of the environment at start-up, str to str (CPython's
 * posix.environ has bytes; os.environ is what scripts use either way). */
static Object *environ_dict(void) {
    Object *d = dict_new();
    if (d == NULL) {
        return NULL;
    }
    for (char **e = environ; e != NULL && *e != NULL; e++) {
        const char *eq = strchr(*e, '=');
        if (eq == NULL || eq == *e) {
            continue;
        }
        Object *k = str_decode_utf8(*e, (size_t)(eq - *e));
        Object *v = k != NULL ? str_decode_utf8(eq + 1, strlen(eq + 1)) : NULL;
        if (v == NULL) {
            /* Not UTF-8: skip it rather than fail at import. */
            XDECREF(k);
            err_clear();
            continue;
        }
        int rc = dict_contains(d, k) == 1 ? 0 : dict_set(d, k, v);
        DECREF(k);
        DECREF(v);
        if (rc < 0) {
            DECREF(d);
            return NULL;
        }
    }
    return d;
}

/* ================================================================ directories */

static Object *posix_getcwd(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_no_keywords("posix.getcwd", kwnames) < 0 ||
        args_count("posix.getcwd", nargs, 0, 0) < 0) {
        return NULL;
    }
    char buf[PATH_MAX];
    if (getcwd(buf, sizeof buf) == NULL) {
        return err_from_errno(NULL);
    }
    return str_decode_utf8(buf, strlen(buf));
}

static Object *posix_getcwdb(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_no_keywords("posix.getcwdb", kwnames) < 0 ||
        args_count("posix.getcwdb", nargs, 0, 0) < 0) {
        return NULL;
    }
    char buf[PATH_MAX];
    if (getcwd(buf, sizeof buf) == NULL) {
        return err_from_errno(NULL);
    }
    return bytes_from_data(buf, strlen(buf));
}

/* One path argument named "path" of function fname (positional or keyword). */
static int one_path(const char *fname, Object *const *args, size_t nargs, Object *kwnames,
                    int flags, size_t maxargs, PathArg *p) {
    static const char *const kwlist[] = {"path", NULL};
    Object *a[1];
    size_t minpos = (flags & PATH_ALLOW_NONE) ? 0 : 1;
    if (args_clinic_count(fname, nargs, kwnames, minpos, 1, maxargs) < 0) {
        return -1;
    }
    if (args_parse(fname, args, nargs, kwnames, kwlist, (flags & PATH_ALLOW_NONE) ? 0 : 1, a) < 0) {
        return -1;
    }
    return path_convert(fname, "path", a[0] != NULL ? a[0] : None, flags, p);
}

static Object *posix_chdir(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    PathArg p;
    if (one_path("chdir", args, nargs, kwnames, PATH_ALLOW_FD, 1, &p) < 0) {
        return NULL;
    }
    int rc = p.path != NULL ? chdir(p.path) : fchdir(p.fd);
    Object *r = rc == 0 ? none_ref() : posix_error(&p, NULL);
    path_release(&p);
    return r;
}

/* listdir(path=None): the names in a directory, without '.' and '..', in
 * the order the system gives them (like CPython: not sorted). */
static Object *posix_listdir(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    PathArg p;
    if (one_path("listdir", args, nargs, kwnames, PATH_ALLOW_FD | PATH_ALLOW_NONE, 1, &p) < 0) {
        return NULL;
    }
    DIR *dir;
    if (p.fd >= 0) {
        int fd = dup(p.fd);
        dir = fd >= 0 ? fdopendir(fd) : NULL;
        if (dir == NULL && fd >= 0) {
            close(fd);
        }
    } else {
        dir = opendir(p.path != NULL ? p.path : ".");
    }
    if (dir == NULL) {
        Object *r = posix_error(&p, NULL);
        path_release(&p);
        return r;
    }
    if (p.fd >= 0) {
        rewinddir(dir);
    }
    Object *list = list_new(0);
    while (list != NULL) {
        errno = 0;
        struct dirent *ent = readdir(dir);
        if (ent == NULL) {
            if (errno != 0) {
                CLEAR(list);
                posix_error(&p, NULL);
            }
            break;
        }
        const char *nm = ent->d_name;
        if (strcmp(nm, ".") == 0 || strcmp(nm, "..") == 0) {
            continue;
        }
        Object *name = name_object(nm, strlen(nm), p.is_bytes);
        if (name == NULL || list_append(list, name) < 0) {
            XDECREF(name);
            CLEAR(list);
            break;
        }
        DECREF(name);
    }
    closedir(dir);
    path_release(&p);
    return list;
}

/* mkdir(path, mode=0o777) */
static Object *posix_mkdir(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    static const char *const kwlist[] = {"path", "mode", "$dir_fd", NULL};
    Object *a[3];
    if (args_clinic_count("mkdir", nargs, kwnames, 1, 2, 3) < 0 ||
        args_parse("mkdir", args, nargs, kwnames, kwlist, 1, a) < 0) {
        return NULL;
    }
    ssize_t mode = 0777;
    if (a[1] != NULL) {
        mode = obj_as_ssize(a[1]);
        if (mode == -1 && err_occurred() != NULL) {
            return NULL;
        }
    }
    PathArg p;
    if (path_convert("mkdir", "path", a[0], 0, &p) < 0) {
        return NULL;
    }
    Object *r = mkdir(p.path, (mode_t)mode) == 0 ? none_ref() : posix_error(&p, NULL);
    path_release(&p);
    return r;
}

/* A function of one path that calls `sys(path)`: rmdir, remove, unlink. */
static Object *path_call(const char *fname, int (*sys)(const char *), Object *const *args,
                         size_t nargs, Object *kwnames) {
    PathArg p;
    if (one_path(fname, args, nargs, kwnames, 0, 2, &p) < 0) {
        return NULL;
    }
    Object *r = sys(p.path) == 0 ? none_ref() : posix_error(&p, NULL);
    path_release(&p);
    return r;
}

static Object *posix_rmdir(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return path_call("rmdir", rmdir, args, nargs, kwnames);
}

static Object *posix_remove(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return path_call("remove", unlink, args, nargs, kwnames);
}

static Object *posix_unlink(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return path_call("unlink", unlink, args, nargs, kwnames);
}

/* Two paths "src" and "dst" of fname, then `sys(src, dst)`: rename, replace, symlink, link. */
static Object *two_path_call(const char *fname, int (*sys)(const char *, const char *),
                             size_t maxargs, Object *const *args, size_t nargs, Object *kwnames) {
    static const char *const kwlist[] = {"src", "dst", NULL};
    Object *a[2];
    if (args_clinic_count(fname, nargs, kwnames, 2, 2, maxargs) < 0 ||
        args_parse(fname, args, nargs, kwnames, kwlist, 2, a) < 0) {
        return NULL;
    }
    PathArg src, dst;
    if (path_convert(fname, "src", a[0], 0, &src) < 0) {
        return NULL;
    }
    if (path_convert(fname, "dst", a[1], 0, &dst) < 0) {
        path_release(&src);
        return NULL;
    }
    if (src.is_bytes != dst.is_bytes) {
        path_release(&src);
        path_release(&dst);
        return err_format(&ExcTypeError, "%s: src and dst must be the same type", fname);
    }
    Object *r = sys(src.path, dst.path) == 0 ? none_ref() : posix_error(&src, &dst);
    path_release(&src);
    path_release(&dst);
    return r;
}

static Object *posix_rename(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return two_path_call("rename", rename, 4, args, nargs, kwnames);
}

static Object *posix_replace(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return two_path_call("replace", rename, 4, args, nargs, kwnames);
}

static Object *posix_symlink(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return two_path_call("symlink", symlink, 4, args, nargs, kwnames);
}

static Object *posix_link(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return two_path_call("link", link, 5, args, nargs, kwnames);
}

static Object *posix_readlink(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    PathArg p;
    if (one_path("readlink", args, nargs, kwnames, 0, 2, &p) < 0) {
        return NULL;
    }
    char buf[PATH_MAX];
    ssize_t n = readlink(p.path, buf, sizeof buf);
    Object *r = n < 0 ? posix_error(&p, NULL) : name_object(buf, (size_t)n, p.is_bytes);
    path_release(&p);
    return r;
}

/* chmod(path, mode) */
static Object *posix_chmod(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    static const char *const kwlist[] = {"path", "mode", "$dir_fd", "$follow_symlinks", NULL};
    Object *a[4];
    if (args_clinic_count("chmod", nargs, kwnames, 2, 2, 4) < 0 ||
        args_parse("chmod", args, nargs, kwnames, kwlist, 2, a) < 0) {
        return NULL;
    }
    if (float_check(a[1])) {
        return err_format(&ExcTypeError, "'float' object cannot be interpreted as an integer");
    }
    ssize_t mode = obj_as_ssize(a[1]);
    if (mode == -1 && err_occurred() != NULL) {
        return NULL;
    }
    PathArg p;
    if (path_convert("chmod", "path", a[0], PATH_ALLOW_FD, &p) < 0) {
        return NULL;
    }
    int rc = p.path != NULL ? chmod(p.path, (mode_t)mode) : fchmod(p.fd, (mode_t)mode);
    Object *r = rc == 0 ? none_ref() : posix_error(&p, NULL);
    path_release(&p);
    return r;
}

/* access(path, mode) -> True when the access is allowed. */
static Object *posix_access(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    static const char *const kwlist[] = {"path", "mode", NULL};
    Object *a[2];
    if (args_clinic_count("access", nargs, kwnames, 2, 2, 5) < 0 ||
        args_parse("access", args, nargs, kwnames, kwlist, 2, a) < 0) {
        return NULL;
    }
    ssize_t mode = obj_as_ssize(a[1]);
    if (mode == -1 && err_occurred() != NULL) {
        return NULL;
    }
    PathArg p;
    if (path_convert("access", "path", a[0], 0, &p) < 0) {
        return NULL;
    }
    int rc = access(p.path, (int)mode);
    path_release(&p);
    return bool_from(rc == 0);
}

/* ================================================================ stat_result
 *
 * A tuple of 10 ints (st_mode ... st_ctime, times as whole seconds), like
 * CPython's struct sequence; hidden slots after them hold the float times,
 * the _ns times, st_blksize, st_blocks and st_rdev. */

#define STAT_VISIBLE 10
#define STAT_TOTAL   19

static Object *stat_field(Object *self, size_t i) {
    return NEWREF(((TupleObject *)self)->items[i]);
}

#define STAT_GETTER(n, i)                       \
    static Object *stat_get_##n(Object *self) { \
        return stat_field(self, i);             \
    }
STAT_GETTER(mode, 0)
STAT_GETTER(ino, 1)
STAT_GETTER(dev, 2)
STAT_GETTER(nlink, 3)
STAT_GETTER(uid, 4)
STAT_GETTER(gid, 5)
STAT_GETTER(size, 6)
STAT_GETTER(atime, 10)
STAT_GETTER(mtime, 11)
STAT_GETTER(ctime, 12)
STAT_GETTER(atime_ns, 13)
STAT_GETTER(mtime_ns, 14)
STAT_GETTER(ctime_ns, 15)
STAT_GETTER(blksize, 16)
STAT_GETTER(blocks, 17)
STAT_GETTER(rdev, 18)

static const GetSetDef stat_getsets[] = {
    {"st_mode", stat_get_mode, NULL, "protection bits"},
    {"st_ino", stat_get_ino, NULL, "inode"},
    {"st_dev", stat_get_dev, NULL, "device"},
    {"st_nlink", stat_get_nlink, NULL, "number of hard links"},
    {"st_uid", stat_get_uid, NULL, "user ID of owner"},
    {"st_gid", stat_get_gid, NULL, "group ID of owner"},
    {"st_size", stat_get_size, NULL, "total size, in bytes"},
    {"st_atime", stat_get_atime, NULL, "time of last access"},
    {"st_mtime", stat_get_mtime, NULL, "time of last modification"},
    {"st_ctime", stat_get_ctime, NULL, "time of last change"},
    {"st_atime_ns", stat_get_atime_ns, NULL, "time of last access in nanoseconds"},
    {"st_mtime_ns", stat_get_mtime_ns, NULL, "time of last modification in nanoseconds"},
    {"st_ctime_ns", stat_get_ctime_ns, NULL, "time of last change in nanoseconds"},
    {"st_blksize", stat_get_blksize, NULL, "blocksize for filesystem I/O"},
    {"st_blocks", stat_get_blocks, NULL, "number of blocks allocated"},
    {"st_rdev", stat_get_rdev, NULL, "device type (if inode device)"},
    {NULL, NULL, NULL, NULL},
};

static Object *stat_repr(Object *self) {
    static const char *const shown[STAT_VISIBLE] = {"st_mode",  "st_ino",  "st_dev",  "st_nlink",
                                                    "st_uid",   "st_gid",  "st_size", "st_atime",
                                                    "st_mtime", "st_ctime"};
    StrBuilder sb;
    sb_init(&sb);
    sb_append_cstr(&sb, "os.stat_result(");
    for (size_t i = 0; i < STAT_VISIBLE; i++) {
        if (i > 0) {
            sb_append_cstr(&sb, ", ");
        }
        sb_append_cstr(&sb, shown[i]);
        sb_append_char(&sb, '=');
        if (sb_append_repr(&sb, tuple_get(self, i)) < 0) {
            sb_discard(&sb);
            return NULL;
        }
    }
    sb_append_char(&sb, ')');
    return sb_finish(&sb);
}

static void stat_dealloc(Object *self) {
    for (size_t i = 0; i < STAT_TOTAL; i++) {
        XDECREF(((TupleObject *)self)->items[i]);
    }
    obj_free(self);
}

static TypeObject StatResultType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "os.stat_result",
    .basic_size = sizeof(TupleObject),
    .base_type = &TupleType,
    .dealloc = stat_dealloc,
    .repr = stat_repr,
    .getsets = stat_getsets,
    .doc = "stat_result: Result from stat, fstat, or lstat.",
};

/* A stat_result for st (new reference). */
static Object *stat_result_new(const struct stat *st) {
    TupleObject *t = (TupleObject *)obj_alloc(&StatResultType,
                                              sizeof(TupleObject) + STAT_TOTAL * sizeof(Object *));
    if (t == NULL) {
        return NULL;
    }
    t->size = STAT_VISIBLE;
    const struct timespec *times[3] = {&st->st_atim, &st->st_mtim, &st->st_ctim};
    Object *v[STAT_TOTAL];
    v[0] = int_from_i64(st->st_mode);
    v[1] = int_from_u64(st->st_ino);
    v[2] = int_from_u64(st->st_dev);
    v[3] = int_from_i64((int64_t)st->st_nlink);
    v[4] = int_from_i64(st->st_uid);
    v[5] = int_from_i64(st->st_gid);
    v[6] = int_from_i64(st->st_size);
    for (int i = 0; i < 3; i++) {
        v[7 + i] = int_from_i64(times[i]->tv_sec);
        v[10 + i] = float_new((double)times[i]->tv_sec + (double)times[i]->tv_nsec * 1e-9);
        v[13 + i] = int_from_i64((int64_t)times[i]->tv_sec * 1000000000 + times[i]->tv_nsec);
    }
    v[16] = int_from_i64(st->st_blksize);
    v[17] = int_from_i64(st->st_blocks);
    v[18] = int_from_u64(st->st_rdev);
    bool failed = false;
    for (size_t i = 0; i < STAT_TOTAL; i++) {
        t->items[i] = v[i] != NULL ? v[i] : none_ref();
        failed |= v[i] == NULL;
    }
    if (failed) {
        DECREF((Object *)t);
        return NULL;
    }
    return (Object *)t;
}

/* stat(path, *, dir_fd=None, follow_symlinks=True) and lstat(path). */
static Object *stat_impl(const char *fname, bool follow, Object *const *args, size_t nargs,
                         Object *kwnames) {
    static const char *const kwlist[] = {"path", "$dir_fd", "$follow_symlinks", NULL};
    Object *a[3];
    if (args_clinic_count(fname, nargs, kwnames, 1, 1, follow ? 3 : 2) < 0 ||
        args_parse(fname, args, nargs, kwnames, kwlist, 1, a) < 0) {
        return NULL;
    }
    if (a[2] != NULL) {
        int t = obj_is_true(a[2]);
        if (t < 0) {
            return NULL;
        }
        follow = follow && t;
    }
    PathArg p;
    if (path_convert(fname, "path", a[0], PATH_ALLOW_FD, &p) < 0) {
        return NULL;
    }
    struct stat st;
    int rc;
    if (p.path == NULL) {
        rc = fstat(p.fd, &st);
    } else {
        rc = follow ? stat(p.path, &st) : lstat(p.path, &st);
    }
    Object *r = rc == 0 ? stat_result_new(&st) : posix_error(&p, NULL);
    path_release(&p);
    return r;
}

static Object *posix_stat(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return stat_impl("stat", true, args, nargs, kwnames);
}

static Object *posix_lstat(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return stat_impl("lstat", false, args, nargs, kwnames);
}

/* ================================================================ module */

static const MethodDef posix_functions[] = {
    /* process and user */
    {"getpid", posix_getpid, 0, "Return the current process id."},
    {"getppid", posix_getppid, 0, "Return the parent's process id."},
    {"getuid", posix_getuid, 0, "Return the current process's user id."},
    {"geteuid", posix_geteuid, 0, "Return the current process's effective user id."},
    {"getgid", posix_getgid, 0, "Return the current process's group id."},
    {"getegid", posix_getegid, 0, "Return the current process's effective group id."},
    {"cpu_count", posix_cpu_count, 0,
     "Return the number of CPUs in the system; return None if indeterminable."},
    {"strerror", posix_strerror, 0, "Translate an error code to a message string."},
    {"urandom", posix_urandom, 0,
     "Return a bytes object containing random bytes suitable for cryptographic use."},
    {"umask", posix_umask, 0, "Set the current numeric umask and return the previous umask."},
    {"putenv", posix_putenv, 0, "Change or add an environment variable."},
    {"unsetenv", posix_unsetenv, 0, "Delete an environment variable."},
    /* files and directories by path */
    {"getcwd", posix_getcwd, 0,
     "Return a unicode string representing the current working directory."},
    {"getcwdb", posix_getcwdb, 0,
     "Return a bytes string representing the current working directory."},
    {"chdir", posix_chdir, 0, "Change the current working directory to the specified path."},
    {"listdir", posix_listdir, 0,
     "Return a list containing the names of the files in the directory."},
    {"mkdir", posix_mkdir, 0, "Create a directory."},
    {"rmdir", posix_rmdir, 0, "Remove a directory."},
    {"remove", posix_remove, 0, "Remove a file (same as unlink())."},
    {"unlink", posix_unlink, 0, "Remove a file (same as remove())."},
    {"rename", posix_rename, 0, "Rename a file or directory."},
    {"replace", posix_replace, 0, "Rename a file or directory, overwriting the destination."},
    {"symlink", posix_symlink, 0, "Create a symbolic link pointing to src named dst."},
    {"link", posix_link, 0, "Create a hard link to a file."},
    {"readlink", posix_readlink, 0,
     "Return a string representing the path to which the symbolic link points."},
    {"chmod", posix_chmod, 0, "Change the access permissions of a file."},
    {"access", posix_access, 0, "Use the real uid/gid to test for access to a path."},
    {"stat", posix_stat, 0, "Perform a stat system call on the given path."},
    {"lstat", posix_lstat, 0,
     "Perform a stat system call on the given path, without following symbolic links."},
    /* Low-level file descriptors and processes (read, write, close, pipe,
     * fork, waitpid, kill, _exit...) belong to the process work and go here. */
    {NULL, NULL, 0, NULL},
};

int posix_add_fd_functions(Object *module);

Object *mod_posix_init(void) {
    if (type_ready(&StatResultType) < 0) {
        return NULL;
    }
    Object *m = module_new("posix");
    if (m == NULL) {
        return NULL;
    }
    Object *env = environ_dict();
    int rc = env != NULL ? module_add_object(m, "environ", env) : -1;
    XDECREF(env);
    if (rc < 0 || module_add_functions(m, posix_functions) < 0 ||
        posix_add_fd_functions(m) < 0 || /* posix_fd.c: pipe, read, write... */
        posix_add_process_functions(m) < 0 || /* posix_process.c: fork, waitpid, kill... */
        module_add_object(m, "stat_result", (Object *)&StatResultType) < 0 ||
        module_add_int(m, "F_OK", F_OK) < 0 || module_add_int(m, "R_OK", R_OK) < 0 ||
        module_add_int(m, "W_OK", W_OK) < 0 || module_add_int(m, "X_OK", X_OK) < 0) {
        DECREF(m);
        return NULL;
    }
    return m;
}
