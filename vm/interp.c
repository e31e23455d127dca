/* interp.c: bringing an interpreter up and down (vm_create, vm_destroy),
 * running source as __main__, the exit status of an uncaught exception, and
 * the frame introspection that builtins need (globals(), locals()). */
#include "interp.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "call.h"
#include "compile.h"
#include "dict.h"
#include "errors.h"
#include "eval.h"
#include "exceptions.h"
#include "frame.h"
#include "function.h"
#include "import.h"
#include "int.h"
#include "list.h"
#include "runtime.h"
#include "str.h"
#include "traceback.h"
#include "tuple.h"
#include "vm.h"
#include "threads.h"
#include "class.h"
void vm_super_init(void);

int vm_lookup_attr_cstr(Object *v, const char *name, Object **out) {
    *out = NULL;
    Object *key = str_intern_cstr(name);
    if (key == NULL) {
        return -1;
    }
    int r = obj_lookup_attr(v, key, out);
    DECREF(key);
    return r;
}

const NativeModuleDef *interp_find_native(Interpreter *interp, const char *name) {
    const NativeModuleDef *m = vm_interp(interp)->native_modules;
    for (; m != NULL && m->name != NULL; m++) {
        if (strcmp(m->name, name) == 0) {
            return m;
        }
    }
    return NULL;
}

uintptr_t interp_stack_limit(void) {
    char probe;
    struct rlimit rl;
    size_t size = 8u << 20;
    if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY) {
        size = (size_t)rl.rlim_cur;
    }
    size_t margin = 256u << 10;
    if (size <= 2 * margin) {
        return 0;
    }
    return (uintptr_t)&probe - (size - margin);
}

/* Import a native module from the table at start-up and record it in
 * sys.modules. New reference or NULL. */
static Object *interp_init_native(Interpreter *interp, const char *name) {
    const NativeModuleDef *def = interp_find_native(interp, name);
    if (def == NULL) {
        return err_format(&ExcImportError, "native module '%s' is missing", name);
    }
    Object *m = def->init();
    if (m == NULL) {
        return NULL;
    }
    if (dict_set_cstr(interp->modules, name, m) < 0) {
        DECREF(m);
        return NULL;
    }
    return m;
}

static void interp_report_unraisable(Object *obj);

Interpreter *vm_create(const NativeModuleDef *modules, int argc, char **argv,
                       const VMConfig *config) {
    Interpreter *interp = calloc(1, sizeof(Interpreter));
    ThreadState *ts = calloc(1, sizeof(ThreadState));
    VMInterp *vi = calloc(1, sizeof(VMInterp));
    if (interp == NULL || ts == NULL || vi == NULL) {
        fprintf(stderr, "gilpy: out of memory at start-up\n");
        return NULL;
    }
    interp->recursion_limit = 1000;
    interp->threads = ts;
    interp->vm = vi;
    vi->native_modules = modules;
    ts->interp = interp;
    ts->c_stack_limit = interp_stack_limit();
    ts_set_current(ts);
    if (frame_thread_init(ts) < 0) {
        fprintf(stderr, "gilpy: out of memory at start-up\n");
        return NULL;
    }
    vm_thread(ts)->is_main = true;
    threads_init(interp, ts, config); /* the main thread holds the GIL from here on */

    if (runtime_init() < 0 || type_ready(&TracebackType) < 0 || type_ready(&GeneratorType) < 0) {
        goto fail;
    }
    FunctionType.call = call_python_function;
    class_body_runner = vm_call_with_locals; /* runtime/class.c runs class bodies through us */
    vm_super_init();                         /* zero-argument super() (vm/super.c) */
    obj_unraisable_hook = interp_report_unraisable;

    vi->sources = dict_new();
    vi->initializing = dict_new();
    interp->modules = dict_new();
    interp->argv = list_new(0);
    if (vi->sources == NULL || vi->initializing == NULL || interp->modules == NULL || interp->argv == NULL) {
        goto fail;
    }
    for (int i = 0; i < argc; i++) {
        Object *s = str_decode_utf8(argv[i], strlen(argv[i]));
        if (s == NULL || list_append(interp->argv, s) < 0) {
            XDECREF(s);
            goto fail;
        }
        DECREF(s);
    }
    if (argc == 0) {
        Object *empty = str_from_cstr("");
        if (empty == NULL || list_append(interp->argv, empty) < 0) {
            XDECREF(empty);
            goto fail;
        }
        DECREF(empty);
    }

    Object *builtins = interp_init_native(interp, "builtins");
    if (builtins == NULL) {
        goto fail;
    }
    if (interp->builtins == NULL) {
        interp->builtins = NEWREF(module_dict(builtins));
    }
    DECREF(builtins);
    Object *sys = interp_init_native(interp, "sys");
    if (sys == NULL) {
        goto fail;
    }
    if (interp->sysdict == NULL) {
        interp->sysdict = NEWREF(module_dict(sys));
    }
    DECREF(sys);
    if (dict_get_cstr(interp->sysdict, "modules") == NULL &&
        dict_set_cstr(interp->sysdict, "modules", interp->modules) < 0) {
        goto fail;
    }
    if (dict_get_cstr(interp->sysdict, "argv") == NULL &&
        dict_set_cstr(interp->sysdict, "argv", interp->argv) < 0) {
        goto fail;
    }
    Object *empty = str_from_cstr("");
    int rc = empty != NULL ? import_init_path(empty) : -1;
    XDECREF(empty);
    if (rc < 0) {
        goto fail;
    }

    Object *main_module = module_new("__main__");
    if (main_module == NULL) {
        goto fail;
    }
    Object *md = module_dict(main_module);
    Object *bmod = dict_get_cstr(interp->modules, "builtins");
    if (dict_set_cstr(md, "__builtins__", bmod) < 0 ||
        dict_set_cstr(interp->modules, "__main__", main_module) < 0) {
        DECREF(main_module);
        goto fail;
    }
    DECREF(main_module);
    eval_install_signal_handlers();
    return interp;

fail:
    if (err_occurred() != NULL) {
        Object *exc = err_fetch();
        Object *s = exception_check(exc) ? exception_str(exc) : NULL;
        fprintf(stderr, "gilpy: start-up failed: %s: %s\n", obj_type_name(exc),
                s != NULL && str_check(s) ? str_utf8(s) : "?");
        XDECREF(s);
        DECREF(exc);
    } else {
        fprintf(stderr, "gilpy: start-up failed\n");
    }
    return NULL;
}

static int interp_run_path(Interpreter *interp, const char *path);

/* Write text to sys.stderr (or the C stderr when there is none). */
static void interp_write_stderr(Object *text) {
    ThreadState *ts = ts_current();
    Object *err = ts->interp->sysdict != NULL ? dict_get_cstr(ts->interp->sysdict, "stderr")
                                               : NULL;
    if (err != NULL && err != None) {
        Object *r = obj_call_method(err, "write", &text, 1);
        if (r != NULL) {
            DECREF(r);
            r = obj_call_method(err, "flush", NULL, 0);
            XDECREF(r);
            err_clear();
            return;
        }
        err_clear();
    }
    fwrite(str_utf8(text), 1, str_size(text), stderr);
    fflush(stderr);
}

void vm_print_exception(Object *exc) {
    Object *saved = err_fetch();
    StrBuilder sb;
    sb_init(&sb);
    traceback_format_exception(exc, &sb);
    Object *text = sb_finish(&sb);
    if (text != NULL) {
        interp_write_stderr(text);
        DECREF(text);
    }
    err_clear();
    err_restore(saved);
}

/* obj_unraisable_hook: an exception nobody can catch (raised by __del__, a
 * cleanup...) is printed as CPython prints it:
 *   Exception ignored in: <function C.__del__ at 0x...>
 *   Traceback (most recent call last): ... */
static void interp_report_unraisable(Object *obj) {
    Object *exc = err_fetch();
    if (exc == NULL) {
        return;
    }
    Object *what = obj != NULL ? obj_repr(obj) : NULL;
    err_clear();
    Object *header = str_from_format("Exception ignored in: %s\n",
                                     what != NULL ? str_utf8(what) : "<object repr() failed>");
    XDECREF(what);
    if (header != NULL) {
        interp_write_stderr(header);
        DECREF(header);
    }
    err_clear();
    vm_print_exception(exc);
    DECREF(exc);
}

int vm_system_exit_status(Object *exc) {
    Object *code = NULL;
    if (vm_lookup_attr_cstr(exc, "code", &code) < 0) {
        err_clear();
    }
    if (code == NULL || code == None) {
        XDECREF(code);
        return 0;
    }
    if (int_check(code)) {
        int64_t v = 0;
        if (int_to_i64(code, &v) < 0) {
            err_clear();
            v = -1;
        }
        DECREF(code);
        return (int)v;
    }
    Object *s = obj_str(code);
    DECREF(code);
    if (s == NULL) {
        err_clear();
        return 1;
    }
    Object *nl = str_from_cstr("\n");
    Object *line = nl != NULL ? str_concat(s, nl) : NULL;
    if (line != NULL) {
        interp_write_stderr(line);
    }
    err_clear();
    XDECREF(line);
    XDECREF(nl);
    DECREF(s);
    return 1;
}

static bool interp_inspect; /* see vm_set_inspect */

/* The program ended with an uncaught KeyboardInterrupt (see vm.h). */
static bool interp_keyboard_interrupt;

bool vm_ended_by_keyboard_interrupt(void) { return interp_keyboard_interrupt; }

void vm_set_inspect(bool inspect) {
    interp_inspect = inspect;
}

void vm_set_last_exception(Interpreter *interp, Object *exc) {
    Object *tb = NULL;
    if (vm_lookup_attr_cstr(exc, "__traceback__", &tb) < 0) {
        err_clear();
    }
    if (dict_set_cstr(interp->sysdict, "last_type", (Object *)obj_type(exc)) < 0 ||
        dict_set_cstr(interp->sysdict, "last_value", exc) < 0 ||
        dict_set_cstr(interp->sysdict, "last_traceback", tb != NULL ? tb : None) < 0) {
        err_clear();
    }
    XDECREF(tb);
}

/* The exit status for the pending (uncaught) exception, printing it. */
static int interp_handle_uncaught(void) {
    Object *exc = err_fetch();
    if (exc == NULL) {
        return 1;
    }
    int status = 1;
    if (obj_is_instance_of(exc, &ExcSystemExit) && !interp_inspect) {
        status = vm_system_exit_status(exc);
    } else {
        vm_set_last_exception(ts_current()->interp, exc);
        vm_print_exception(exc);
        if (obj_is_instance_of(exc, &ExcKeyboardInterrupt)) {
            status = 130;
            interp_keyboard_interrupt = true;
        }
    }
    DECREF(exc);
    return status;
}

int vm_run_source(Interpreter *interp, const char *src, size_t size, const char *filename) {
    Object *fname = str_decode_utf8(filename, strlen(filename));
    if (fname == NULL) {
        return interp_handle_uncaught();
    }
    CodeObject *code = compile_source(src, size, fname, COMPILE_FILE);
    DECREF(fname);
    if (code == NULL) {
        return interp_handle_uncaught();
    }
    Object *main_module = dict_get_cstr(interp->modules, "__main__");
    if (main_module == NULL) {
        DECREF((Object *)code);
        err_set_string(&ExcRuntimeError, "no __main__ module");
        return interp_handle_uncaught();
    }
    Object *globals = module_dict(main_module);
    INCREF(globals);
    Object *res = vm_eval_code(code, globals, globals);
    DECREF(globals);
    DECREF((Object *)code);
    if (res == NULL) {
        return interp_handle_uncaught();
    }
    DECREF(res);
    return 0;
}

/* CPython 3.11 runs a script under its absolute path (cwd joined with the
 * path as given, not normalised): tracebacks and __file__ show it. */
static char *interp_abspath(const char *path) {
    char cwd[PATH_MAX];
    if (path[0] == '/' || getcwd(cwd, sizeof cwd) == NULL) {
        return strdup(path);
    }
    size_t n = strlen(cwd) + strlen(path) + 2;
    char *r = malloc(n);
    if (r != NULL) {
        snprintf(r, n, "%s/%s", cwd, path);
    }
    return r;
}

int vm_run_file(Interpreter *interp, const char *path) {
    char *abspath = interp_abspath(path);
    if (abspath == NULL) {
        fprintf(stderr, "gilpy: out of memory\n");
        return 1;
    }
    int status = interp_run_path(interp, abspath);
    free(abspath);
    return status;
}

static int interp_run_path(Interpreter *interp, const char *path) {
    FILE *fp = fopen(path, "rb");
    if (fp == NULL) {
        int e = errno;
        fflush(stdout);
        fprintf(stderr, "gilpy: can't open file '%s': [Errno %d] %s\n", path, e, strerror(e));
        return 2;
    }
    StrBuilder sb;
    sb_init(&sb);
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, fp)) > 0) {
        sb_append(&sb, buf, n);
    }
    fclose(fp);
    if (sb.failed) {
        sb_discard(&sb);
        return interp_handle_uncaught();
    }
    /* __file__ and sys.path[0] (the script's directory). */
    Object *main_module = dict_get_cstr(interp->modules, "__main__");
    Object *pathobj = str_decode_utf8(path, strlen(path));
    if (pathobj == NULL || main_module == NULL ||
        dict_set_cstr(module_dict(main_module), "__file__", pathobj) < 0) {
        XDECREF(pathobj);
        sb_discard(&sb);
        return interp_handle_uncaught();
    }
    Object *source = str_decode_utf8(sb.data != NULL ? sb.data : "", sb.size);
    if (source != NULL) {
        traceback_remember_source(pathobj, source);
        DECREF(source);
    } else {
        err_clear();
    }
    DECREF(pathobj);
    char resolved[PATH_MAX];
    if (realpath(path, resolved) != NULL) {
        char *slash = strrchr(resolved, '/');
        if (slash != NULL) {
            *(slash == resolved ? slash + 1 : slash) = '\0';
        }
        Object *dir = str_decode_utf8(resolved, strlen(resolved));
        if (dir == NULL || import_init_path(dir) < 0) {
            XDECREF(dir);
            sb_discard(&sb);
            return interp_handle_uncaught();
        }
        DECREF(dir);
    }
    int status = vm_run_source(interp, sb.data != NULL ? sb.data : "", sb.size, path);
    sb_discard(&sb);
    return status;
}

/* The builtins dict for running code with `globals`: its __builtins__
 * (module or dict), else the interpreter's (which is then recorded). */
static Object *interp_builtins_for(Object *globals) {
    ThreadState *ts = ts_current();
    Object *b = dict_get_cstr(globals, "__builtins__");
    if (b != NULL) {
        if (module_check(b)) {
            return module_dict(b);
        }
        if (dict_check(b)) {
            return b;
        }
    } else {
        Object *bmod = dict_get_cstr(ts->interp->modules, "builtins");
        if (bmod != NULL && dict_set_cstr(globals, "__builtins__", bmod) < 0) {
            err_clear();
        }
    }
    return ts->interp->builtins;
}

Object *vm_eval_code(CodeObject *code, Object *globals, Object *locals) {
    ThreadState *ts = ts_current();
    if (locals == NULL) {
        locals = globals;
    }
    Object *builtins = interp_builtins_for(globals);
    Frame *f = frame_push(ts, code, NULL, globals, builtins,
                          (code->flags & CODE_FLAG_NEWLOCALS) ? NULL : locals);
    if (f == NULL) {
        return NULL;
    }
    if (f->stack_base != (uint32_t)code->nlocals && frame_init_cells(f) < 0) {
        frame_clear_and_pop(ts, f);
        return NULL;
    }
    return eval_frame(ts, f, false);
}

Object *vm_call_with_locals(Object *func, Object *locals) {
    ThreadState *ts = ts_current();
    if (!function_check(func)) {
        return err_format(&ExcTypeError, "expected a function, not %s", obj_type_name(func));
    }
    FunctionObject *fn = (FunctionObject *)func;
    Object *builtins = fn->builtins != NULL ? fn->builtins : ts->interp->builtins;
    Frame *f = frame_push(ts, fn->code, fn, fn->globals, builtins, locals);
    if (f == NULL) {
        return NULL;
    }
    if (f->stack_base != (uint32_t)fn->code->nlocals && frame_init_cells(f) < 0) {
        frame_clear_and_pop(ts, f);
        return NULL;
    }
    return eval_frame(ts, f, false);
}

Object *vm_current_globals(void) {
    Frame *f = ts_current()->frame;
    return f != NULL ? f->globals : NULL;
}

Object *vm_current_builtins(void) {
    ThreadState *ts = ts_current();
    return ts->frame != NULL ? ts->frame->builtins : ts->interp->builtins;
}

Object *vm_current_locals(void) {
    Frame *f = ts_current()->frame;
    if (f == NULL) {
        return NULL;
    }
    if (f->locals != NULL) {
        return NEWREF(f->locals);
    }
    CodeObject *code = f->code;
    Object *d = dict_new();
    if (d == NULL) {
        return NULL;
    }
    for (int i = 0; i < code->nlocals; i++) {
        Object *v = f->localsplus[i];
        if (v != NULL && dict_set(d, tuple_get(code->varnames, (size_t)i), v) < 0) {
            DECREF(d);
            return NULL;
        }
    }
    size_t ncell = tuple_size(code->cellvars), nfree = tuple_size(code->freevars);
    for (size_t i = 0; i < ncell + nfree; i++) {
        CellObject *cell = (CellObject *)f->localsplus[code->nlocals + i];
        if (cell == NULL || cell->ref == NULL) {
            continue;
        }
        Object *name = i < ncell ? tuple_get(code->cellvars, i)
                                 : tuple_get(code->freevars, i - ncell);
        if (dict_set(d, name, cell->ref) < 0) {
            DECREF(d);
            return NULL;
        }
    }
    return d;
}

Object *vm_import(Object *name, Object *globals, Object *fromlist, int level) {
    return import_name(name, globals, fromlist, level);
}

/* Wait for the non-daemon threads, as CPython does at exit: call
 * threading._shutdown() if the program imported threading. */
static void interp_wait_for_threads(Interpreter *interp) {
    Object *threading = dict_get_cstr(interp->modules, "threading");
    if (threading == NULL) {
        return;
    }
    Object *r = obj_call_method(threading, "_shutdown", NULL, 0);
    if (r != NULL) {
        DECREF(r);
        return;
    }
    Object *exc = err_fetch();
    if (exc != NULL) {
        /* e.g. Ctrl-C while joining: CPython prints it as "Exception ignored". */
        vm_print_exception(exc);
        DECREF(exc);
    }
}

void vm_destroy(Interpreter *interp) {
    if (interp == NULL) {
        return;
    }
    interp_wait_for_threads(interp);
    threads_finalize(interp);
    const char *streams[] = {"stdout", "stderr"};
    for (size_t i = 0; i < 2; i++) {
        Object *s = interp->sysdict != NULL ? dict_get_cstr(interp->sysdict, streams[i]) : NULL;
        if (s != NULL && s != None) {
            Object *r = obj_call_method(s, "flush", NULL, 0);
            if (r == NULL) {
                err_clear();
            } else {
                DECREF(r);
            }
        }
    }
    fflush(stdout);
    fflush(stderr);
}
