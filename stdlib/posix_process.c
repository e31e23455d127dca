/* posix_process.c: the os functions that make and manage processes: fork
 * (with register_at_fork hooks), _exit, wait/waitpid and the W* status
 * macros, kill, exec, process groups. waitpid releases the GIL while it waits. */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "args.h"
#include "bytes.h"
#include "dict.h"
#include "errors.h"
#include "exceptions.h"
#include "gilreport.h"
#include "int.h"
#include "list.h"
#include "memory.h"
#include "module.h"
#include "process.h"
#include "str.h"
#include "threads.h"
#include "tuple.h"
#include "vm.h"

/* ================================================================ shared helpers */

int process_int_arg(Object *v, int *out) {
    ssize_t n = obj_as_ssize(v);
    if (n == -1 && err_occurred()) {
        return -1;
    }
    if (n < INT32_MIN) {
        err_format(&ExcOverflowError, "signed integer is less than minimum");
        return -1;
    }
    if (n > INT32_MAX) {
        err_format(&ExcOverflowError, "signed integer is greater than maximum");
        return -1;
    }
    *out = (int)n;
    return 0;
}

/* CPython's "f() takes exactly N arguments (M given)" for positional-only
 * functions (waitpid, kill). */
static int exact_args(const char *fname, Object *kwnames, size_t nargs, size_t n) {
    if (args_no_keywords(fname, kwnames) < 0) {
        return -1;
    }
    if (nargs != n) {
        err_format(&ExcTypeError, "%s() takes exactly %zu arguments (%zu given)", fname, n, nargs);
        return -1;
    }
    return 0;
}

/* One int argument named `name`, by position or keyword (the W* macros, _exit). */
static int one_int_arg(const char *fname, const char *name, Object *const *args, size_t nargs,
                       Object *kwnames, int *out) {
    const char *kwlist[] = {name, NULL};
    Object *a[1];
    if (args_parse(fname, args, nargs, kwnames, kwlist, 1, a) < 0) {
        return -1;
    }
    return process_int_arg(a[0], out);
}

/* ================================================================ fork */

/* The register_at_fork hooks live in the posix module's dict, one list per
 * moment, so they belong to the interpreter and not to a C global. */
static const char *const hook_keys[3] = {"_at_fork_before", "_at_fork_child", "_at_fork_parent"};

/* Print an exception raised by hook `func` as CPython's
 * PyErr_WriteUnraisable does, and clear it. */
static void write_unraisable(Object *func) {
    Object *exc = err_fetch();
    Object *header = str_from_format("Exception ignored in: %R\n", func);
    Object *err = dict_get_cstr(ts_current()->interp->sysdict, "stderr");
    if (header != NULL && err != NULL) {
        Object *r = obj_call_method(err, "write", &header, 1);
        XDECREF(r);
    }
    err_clear();
    XDECREF(header);
    if (exc != NULL) {
        vm_print_exception(exc);
        DECREF(exc);
    }
}

/* Call the hooks of list `which` (0 before, 1 child, 2 parent), the
 * "before" ones last-registered first, as CPython does. */
static void run_fork_hooks(Object *module, int which) {
    Object *hooks = dict_get_cstr(module_dict(module), hook_keys[which]);
    if (hooks == NULL || !list_check(hooks)) {
        return;
    }
    INCREF(hooks);
    /* Work on a snapshot: a hook may register more hooks. */
    Object *snapshot = list_as_tuple(hooks);
    DECREF(hooks);
    if (snapshot == NULL) {
        err_clear();
        return;
    }
    size_t n = tuple_size(snapshot);
    for (size_t k = 0; k < n; k++) {
        Object *func = tuple_get(snapshot, which == 0 ? n - 1 - k : k);
        Object *r = obj_call0(func);
        if (r == NULL) {
            write_unraisable(func);
        } else {
            DECREF(r);
        }
    }
    DECREF(snapshot);
}

static Object *posix_register_at_fork(Object *self, Object *const *args, size_t nargs,
                                      Object *kwnames) {
    static const char *const kwlist[] = {"$before", "$after_in_child", "$after_in_parent", NULL};
    static const char *const names[] = {"before", "after_in_child", "after_in_parent"};
    if (nargs > 0) {
        return err_format(&ExcTypeError, "register_at_fork() takes no positional arguments");
    }
    Object *a[3];
    if (args_parse("register_at_fork", args, nargs, kwnames, kwlist, 0, a) < 0) {
        return NULL;
    }
    bool any = false;
    for (int i = 0; i < 3; i++) {
        if (a[i] != NULL && a[i] != None) {
            if (!obj_is_callable(a[i])) {
                return err_format(&ExcTypeError, "'%s' must be callable, not %.100s", names[i],
                                  obj_type_name(a[i]));
            }
            any = true;
        }
    }
    if (!any) {
        return err_format(&ExcTypeError, "At least one argument is required.");
    }
    for (int i = 0; i < 3; i++) {
        if (a[i] == NULL || a[i] == None) {
            continue;
        }
        Object *hooks = dict_get_cstr(module_dict(self), hook_keys[i]);
        if (hooks == NULL) {
            hooks = list_new(0);
            if (hooks == NULL || dict_set_cstr(module_dict(self), hook_keys[i], hooks) < 0) {
                XDECREF(hooks);
                return NULL;
            }
            DECREF(hooks);
        }
        if (list_append(hooks, a[i]) < 0) {
            return NULL;
        }
    }
    return none_ref();
}

static Object *posix_fork(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_count("fork", nargs, 0, 0) < 0) {
        return NULL;
    }
    run_fork_hooks(self, 0);
    /* We hold the GIL across fork(): in the child the only surviving thread
     * is this one, and it must be the one holding the new GIL. */
    pid_t pid = fork();
    int err = errno;
    if (pid == 0) {
        threads_after_fork_child();
        signal_after_fork_child();
        run_fork_hooks(self, 1);
    } else {
        run_fork_hooks(self, 2);
    }
    if (pid < 0) {
        errno = err;
        return err_from_errno(NULL);
    }
    return int_from_i64(pid);
}

static Object *posix__exit(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    int status;
    if (one_int_arg("_exit", "status", args, nargs, kwnames, &status) < 0) {
        return NULL;
    }
    /* The process leaves without vm_destroy: write its -X giltrace first. */
    gilreport_at_exit(ts_current()->interp, false);
    _exit(status);
}

/* ================================================================ waiting */

/* waitpid() with the GIL released; EINTR runs signal handlers and retries. */
static Object *wait_common(pid_t pid, int options) {
    int status = 0;
    pid_t r;
    /* A Ctrl-C or signal that arrived just before: handle it now rather
     * than after a wait that could be long (CPython's breaker would have). */
    if (threads_check_interrupt() < 0) {
        return NULL;
    }
    for (;;) {
        ThreadState *ts = threads_blocking_begin(BLOCK_JOIN);
        r = waitpid(pid, &status, options);
        int err = errno;
        threads_blocking_end(ts);
        if (r >= 0) {
            break;
        }
        if (err != EINTR) {
            errno = err;
            return err_from_errno(NULL);
        }
        if (threads_check_interrupt() < 0) {
            return NULL;
        }
    }
    Object *p = int_from_i64(r);
    Object *s = int_from_i64(status);
    Object *result = p != NULL && s != NULL ? tuple_pack(2, p, s) : NULL;
    XDECREF(p);
    XDECREF(s);
    return result;
}

static Object *posix_waitpid(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    int pid, options;
    if (exact_args("waitpid", kwnames, nargs, 2) < 0 || process_int_arg(args[0], &pid) < 0 ||
        process_int_arg(args[1], &options) < 0) {
        return NULL;
    }
    return wait_common(pid, options);
}

static Object *posix_wait(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_count("wait", nargs, 0, 0) < 0) {
        return NULL;
    }
    return wait_common(-1, 0);
}

static Object *posix_waitstatus_to_exitcode(Object *self, Object *const *args, size_t nargs,
                                            Object *kwnames) {
    int status;
    if (one_int_arg("waitstatus_to_exitcode", "status", args, nargs, kwnames, &status) < 0) {
        return NULL;
    }
    if (WIFEXITED(status)) {
        return int_from_i64(WEXITSTATUS(status));
    }
    if (WIFSIGNALED(status)) {
        return int_from_i64(-WTERMSIG(status));
    }
    if (WIFSTOPPED(status)) {
        return err_format(&ExcValueError, "process stopped by delivery of signal %i",
                          WSTOPSIG(status));
    }
    return err_format(&ExcValueError, "invalid wait status: %i", status);
}

/* The status macros: each takes `status` and returns a bool or an int. */
#define STATUS_FUNCTION(NAME, EXPR, AS_BOOL)                                                       \
    static Object *posix_##NAME(Object *self, Object *const *args, size_t nargs,                   \
                                Object *kwnames) {                                                 \
        int status;                                                                                \
        if (one_int_arg(#NAME, "status", args, nargs, kwnames, &status) < 0) {                     \
            return NULL;                                                                           \
        }                                                                                          \
        return AS_BOOL ? bool_from((EXPR) != 0) : int_from_i64(EXPR);                              \
    }
STATUS_FUNCTION(WIFEXITED, WIFEXITED(status), true)
STATUS_FUNCTION(WEXITSTATUS, WEXITSTATUS(status), false)
STATUS_FUNCTION(WIFSIGNALED, WIFSIGNALED(status), true)
STATUS_FUNCTION(WTERMSIG, WTERMSIG(status), false)
STATUS_FUNCTION(WIFSTOPPED, WIFSTOPPED(status), true)
STATUS_FUNCTION(WSTOPSIG, WSTOPSIG(status), false)
STATUS_FUNCTION(WIFCONTINUED, WIFCONTINUED(status), true)
STATUS_FUNCTION(WCOREDUMP, WCOREDUMP(status), true)
#undef STATUS_FUNCTION

/* ================================================================ signals to processes */

static Object *posix_kill(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    int pid, sig;
    if (exact_args("kill", kwnames, nargs, 2) < 0 || process_int_arg(args[0], &pid) < 0 ||
        process_int_arg(args[1], &sig) < 0) {
        return NULL;
    }
    if (kill(pid, sig) < 0) {
        return err_from_errno(NULL);
    }
    /* A signal sent to ourselves is usually delivered before kill() returns:
     * run its Python handler now, as CPython's next instruction would. */
    if (threads_check_interrupt() < 0) {
        return NULL;
    }
    return none_ref();
}

static Object *posix_killpg(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    int pgid, sig;
    if (exact_args("killpg", kwnames, nargs, 2) < 0 || process_int_arg(args[0], &pgid) < 0 ||
        process_int_arg(args[1], &sig) < 0) {
        return NULL;
    }
    if (killpg(pgid, sig) < 0) {
        return err_from_errno(NULL);
    }
    if (threads_check_interrupt() < 0) {
        return NULL;
    }
    return none_ref();
}

/* ================================================================ process groups */

static Object *posix_getpgid(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    int pid;
    if (args_no_keywords("getpgid", kwnames) < 0 || args_count("getpgid", nargs, 1, 1) < 0 ||
        process_int_arg(args[0], &pid) < 0) {
        return NULL;
    }
    pid_t r = getpgid(pid);
    return r < 0 ? err_from_errno(NULL) : int_from_i64(r);
}

static Object *posix_getpgrp(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_count("getpgrp", nargs, 0, 0) < 0) {
        return NULL;
    }
    return int_from_i64(getpgrp());
}

static Object *posix_setpgid(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    int pid, pgrp;
    if (args_no_keywords("setpgid", kwnames) < 0 || args_count("setpgid", nargs, 2, 2) < 0 ||
        process_int_arg(args[0], &pid) < 0 || process_int_arg(args[1], &pgrp) < 0) {
        return NULL;
    }
    return setpgid(pid, pgrp) < 0 ? err_from_errno(NULL) : none_ref();
}

static Object *posix_setsid(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_count("setsid", nargs, 0, 0) < 0) {
        return NULL;
    }
    return setsid() < 0 ? err_from_errno(NULL) : none_ref();
}

/* ================================================================ exec */

/* A path or argument as a C string: str (UTF-8) or bytes. Borrowed from v;
 * NULL with TypeError/ValueError. */
static const char *c_string(Object *v) {
    const char *s;
    size_t n;
    if (str_check(v)) {
        s = str_utf8(v);
        n = str_size(v);
    } else if (bytes_check(v)) {
        s = bytes_data(v);
        n = bytes_size(v);
    } else {
        err_format(&ExcTypeError, "expected str, bytes or os.PathLike object, not %.100s",
                   obj_type_name(v));
        return NULL;
    }
    if (strlen(s) != n) {
        err_format(&ExcValueError, "embedded null byte");
        return NULL;
    }
    return s;
}

/* A NULL-terminated array of C strings borrowed from the items of `seq`
 * (a tuple or list); free with mem_free. */
static const char **c_string_array(Object *seq) {
    size_t n = tuple_check(seq) ? tuple_size(seq) : list_size(seq);
    const char **out = mem_alloc_array(n + 1, sizeof(char *));
    if (out == NULL) {
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        Object *item = tuple_check(seq) ? tuple_get(seq, i) : list_get(seq, i);
        out[i] = c_string(item);
        if (out[i] == NULL) {
            mem_free(out);
            return NULL;
        }
    }
    out[n] = NULL;
    return out;
}

/* execv and execve: check the arguments as CPython does, then replace the
 * process image. Returns only on failure (OSError). */
static Object *exec_common(const char *fname, Object *path, Object *argv, Object *env) {
    if (!tuple_check(argv) && !list_check(argv)) {
        return err_format(&ExcTypeError, "%s() arg 2 must be a tuple or list", fname);
    }
    size_t n = tuple_check(argv) ? tuple_size(argv) : list_size(argv);
    if (n == 0) {
        return err_format(&ExcValueError, "%s() arg 2 must not be empty", fname);
    }
    Object *first = tuple_check(argv) ? tuple_get(argv, 0) : list_get(argv, 0);
    if ((str_check(first) && str_size(first) == 0) ||
        (bytes_check(first) && bytes_size(first) == 0)) {
        return err_format(&ExcValueError, "%s() arg 2 first element cannot be empty", fname);
    }
    if (env != NULL && !dict_check(env)) {
        return err_format(&ExcTypeError, "%s: environment must be a mapping object", fname);
    }
    const char *cpath = c_string(path);
    if (cpath == NULL) {
        return NULL;
    }
    /* Keep every argument alive while we point into it. */
    Object *args_tuple = tuple_check(argv) ? NEWREF(argv) : list_as_tuple(argv);
    if (args_tuple == NULL) {
        return NULL;
    }
    const char **cargv = c_string_array(args_tuple);
    Object *env_items = NULL;
    const char **cenv = NULL;
    if (cargv != NULL && env != NULL) {
        env_items = list_new(0);
        size_t pos = 0;
        Object *key, *value;
        while (env_items != NULL && dict_next(env, &pos, &key, &value)) {
            Object *k = str_check(key) ? NEWREF(key) : obj_str(key);
            Object *v = str_check(value) ? NEWREF(value) : obj_str(value);
            Object *item = k != NULL && v != NULL ? str_from_format("%U=%U", k, v) : NULL;
            XDECREF(k);
            XDECREF(v);
            if (item == NULL || list_append(env_items, item) < 0) {
                XDECREF(item);
                CLEAR(env_items);
                break;
            }
            DECREF(item);
        }
        cenv = env_items != NULL ? c_string_array(env_items) : NULL;
    }
    if (cargv != NULL && (env == NULL || cenv != NULL)) {
        if (env != NULL) {
            execve(cpath, (char *const *)cargv, (char *const *)cenv);
        } else {
            execv(cpath, (char *const *)cargv);
        }
        err_from_errno(NULL);
    }
    mem_free(cargv);
    mem_free(cenv);
    XDECREF(env_items);
    DECREF(args_tuple);
    return NULL;
}

static Object *posix_execv(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_no_keywords("execv", kwnames) < 0 || args_count("execv", nargs, 2, 2) < 0) {
        return NULL;
    }
    return exec_common("execv", args[0], args[1], NULL);
}

static Object *posix_execve(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    static const char *const kwlist[] = {"path", "argv", "env", NULL};
    Object *a[3];
    if (args_parse("execve", args, nargs, kwnames, kwlist, 3, a) < 0) {
        return NULL;
    }
    return exec_common("execve", a[0], a[1], a[2]);
}

/* ================================================================ the table */

static const MethodDef posix_process_functions[] = {
    {"fork", posix_fork, 0, "Fork a child process; return 0 in the child, its pid in the parent."},
    {"register_at_fork", posix_register_at_fork, 0,
     "Register callables to be called when forking a new process."},
    {"_exit", posix__exit, 0, "Exit to the system with the given status, without cleanup."},
    {"waitpid", posix_waitpid, 0, "Wait for completion of a given child process."},
    {"wait", posix_wait, 0, "Wait for completion of a child process; return (pid, status)."},
    {"waitstatus_to_exitcode", posix_waitstatus_to_exitcode, 0,
     "Convert a wait status to an exit code."},
    {"WIFEXITED", posix_WIFEXITED, 0, "Return True if the process exited normally."},
    {"WEXITSTATUS", posix_WEXITSTATUS, 0, "Return the process return code from status."},
    {"WIFSIGNALED", posix_WIFSIGNALED, 0, "Return True if the process was killed by a signal."},
    {"WTERMSIG", posix_WTERMSIG, 0, "Return the signal that terminated the process."},
    {"WIFSTOPPED", posix_WIFSTOPPED, 0, "Return True if the process is stopped."},
    {"WSTOPSIG", posix_WSTOPSIG, 0, "Return the signal that stopped the process."},
    {"WIFCONTINUED", posix_WIFCONTINUED, 0, "Return True if the process was continued."},
    {"WCOREDUMP", posix_WCOREDUMP, 0, "Return True if the process dumped core."},
    {"kill", posix_kill, 0, "Kill a process with a signal."},
    {"killpg", posix_killpg, 0, "Kill a process group with a signal."},
    {"getpgid", posix_getpgid, 0, "Call the system call getpgid()."},
    {"getpgrp", posix_getpgrp, 0, "Return the current process group id."},
    {"setpgid", posix_setpgid, 0, "Call the system call setpgid(pid, pgrp)."},
    {"setsid", posix_setsid, 0, "Call the system call setsid()."},
    {"execv", posix_execv, 0, "Execute an executable path with arguments."},
    {"execve", posix_execve, 0, "Execute an executable path with arguments and environment."},
    {NULL, NULL, 0, NULL},
};

int posix_add_process_functions(Object *module) {
    if (module_add_functions(module, posix_process_functions) < 0 ||
        module_add_int(module, "WNOHANG", WNOHANG) < 0 ||
        module_add_int(module, "WUNTRACED", WUNTRACED) < 0 ||
        module_add_int(module, "WCONTINUED", WCONTINUED) < 0) {
        return -1;
    }
    return 0;
}
