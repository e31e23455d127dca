/* main.c: the gilpy command line. Parses the options as CPython does
 * (`gilpy [option] ... [-c cmd | -m mod | file | -] [arg] ...`), then hands
 * the program to the VM (vm/vm.h) and returns its exit status. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmdline.h"
#include "module.h"
#include "code.h"
#include "compile.h"
#include "dict.h"
#include "disasm.h"
#include "errors.h"
#include "explore.h"
#include "list.h"
#include "modules.h"
#include "repl.h"
#include "str.h"
#include "textio.h"
#include "vm.h"

#define GILPY_VERSION "0.1.0"
#define EXIT_USAGE 2

static const char usage_line[] =
    "usage: gilpy [option] ... [-c cmd | -m mod | file | -] [arg] ...\n";

static const char help_text[] =
    "Options (and corresponding environment variables):\n"
    "-c cmd : program passed in as string (terminates option list)\n"
    "-h     : print this help message and exit (also -? or --help)\n"
    "-i     : inspect interactively after running script; forces a prompt even\n"
    "         if stdin does not appear to be a terminal\n"
    "-m mod : run library module as a script (terminates option list)\n"
    "-u     : force the stdout and stderr streams to be unbuffered;\n"
    "         this option has no effect on stdin; also PYTHONUNBUFFERED=x\n"
    "-V     : print the gilpy version number and exit (also --version)\n"
    "-X opt : set an interpreter option (see below)\n"
    "--dis file : compile file and print the bytecode of every code object, then exit\n"
    "file   : program read from script file\n"
    "-      : program read from stdin (default; interactive mode if a tty)\n"
    "arg ...: arguments passed to program in sys.argv[1:]\n"
    "\n"
    "-X options (each is also visible to the program in sys._xoptions):\n"
    "-X checkinterval=N : a thread holding the GIL hands it over after N instructions\n"
    "                     when another thread waits for it\n"
    "-X gilstats        : print per-thread GIL statistics at exit (time holding and waiting,\n"
    "                     switches by cause); the gil module gives them at run time\n"
    "-X giltrace=FILE   : write a Chrome trace of who held, waited for and blocked around\n"
    "                     the GIL to FILE (Perfetto, chrome://tracing); child processes write\n"
    "                     FILE.<pid>.json, joined by scripts/gil-merge-traces\n"
    "-X giltimeline=FILE: draw that timeline as an SVG picture in FILE\n"
    "-X gil=NAME        : choose the GIL hand-off policy: fair (default), py2 or py3\n"
    "-X sched=SEED      : a replayable schedule: SEED decides when the GIL moves and to\n"
    "                     which thread, and sleeps run on a virtual clock, so a program\n"
    "                     prints the same on every run with the same SEED\n"
    "-X explore=K       : run the script under seeds 1..K and print each different\n"
    "                     output with the seeds that gave it\n"
    "\n"
    "Exit status: 0 on success, 1 after an uncaught exception, 2 on bad usage, the\n"
    "code given to sys.exit(), and 3 when gilpy detects a deadlock: every thread\n"
    "waits, with no timeout, for a lock, join, queue, condition or event that only\n"
    "another waiting thread could release (it prints \"Deadlock detected:\", what\n"
    "each thread waits for, who holds it, and the threads' stacks).\n";

/* "usage...\nTry `gilpy -h' for more information." after a bad option: status 2. */
static int usage_error(const char *fmt, const char *arg) {
    fprintf(stderr, fmt, arg);
    fputs(usage_line, stderr);
    fputs("Try `gilpy -h' for more information.\n", stderr);
    return EXIT_USAGE;
}

/* Read all of fd into a malloc'd, NUL-terminated buffer. NULL (errno set) on failure. */
static char *read_all(int fd, size_t *size_out) {
    size_t cap = 8192, size = 0;
    char *buf = malloc(cap);
    if (buf == NULL) {
        return NULL;
    }
    for (;;) {
        if (size + 1 >= cap) {
            char *bigger = realloc(buf, cap * 2);
            if (bigger == NULL) {
                free(buf);
                return NULL;
            }
            buf = bigger;
            cap *= 2;
        }
        ssize_t n = read(fd, buf + size, cap - size - 1);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            int saved = errno;
            free(buf);
            errno = saved;
            return NULL;
        }
        if (n == 0) {
            break;
        }
        size += (size_t)n;
    }
    buf[size] = '\0';
    *size_out = size;
    return buf;
}

/* CPython reports a script it cannot open with its absolute path. */
static void print_cannot_open(const char *path, int err) {
    char cwd[PATH_MAX];
    if (path[0] != '/' && getcwd(cwd, sizeof cwd) != NULL) {
        fprintf(stderr, "gilpy: can't open file '%s/%s': [Errno %d] %s\n", cwd, path, err,
                strerror(err));
    } else {
        fprintf(stderr, "gilpy: can't open file '%s': [Errno %d] %s\n", path, err, strerror(err));
    }
}

/* Check that `path` is a readable regular file, printing CPython's message if
 * not. Returns 0, or the exit status to use. */
static int check_script(const char *path) {
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        print_cannot_open(path, errno);
        return EXIT_USAGE;
    }
    struct stat st;
    bool is_dir = fstat(fd, &st) == 0 && S_ISDIR(st.st_mode);
    close(fd);
    if (is_dir) {
        fprintf(stderr, "gilpy: can't find '__main__' module in '%s'\n", path);
        return 1;
    }
    return 0;
}

/* --dis FILE: compile and print every code object. */
static int run_dis(Interpreter *interp, const char *path) {
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        print_cannot_open(path, errno);
        return EXIT_USAGE;
    }
    size_t size = 0;
    char *src = read_all(fd, &size);
    int err = errno;
    close(fd);
    if (src == NULL) {
        print_cannot_open(path, err);
        return EXIT_USAGE;
    }
    int status = 0;
    Object *filename = str_from_cstr(path);
    CodeObject *code = filename != NULL ? compile_source(src, size, filename, COMPILE_FILE) : NULL;
    free(src);
    XDECREF(filename);
    if (code == NULL) {
        Object *exc = err_fetch();
        if (exc != NULL) {
            vm_print_exception(exc);
            DECREF(exc);
        }
        return 1;
    }
    StrBuilder sb;
    sb_init(&sb);
    if (disasm_code(code, &sb) < 0 || sb.failed) {
        Object *exc = err_fetch();
        if (exc != NULL) {
            vm_print_exception(exc);
            DECREF(exc);
        }
        status = 1;
    } else if (sb.size > 0) {
        fwrite(sb.data, 1, sb.size, stdout);
        fflush(stdout);
    }
    sb_discard(&sb);
    DECREF((Object *)code);
    (void)interp;
    return status;
}

/* Publish the -X options as sys._xoptions. 0, or -1 after printing the error. */
static int set_xoptions(Interpreter *interp, char *const *xargs, int nxargs) {
    Object *d = cmdline_xoptions_dict(xargs, nxargs);
    if (d == NULL || dict_set_cstr(interp->sysdict, "_xoptions", d) < 0) {
        XDECREF(d);
        Object *exc = err_fetch();
        if (exc != NULL) {
            vm_print_exception(exc);
            DECREF(exc);
        }
        return -1;
    }
    DECREF(d);
    return 0;
}

/* -u: make sys.stdout (and sys.__stdout__) write-through. 0, or -1 after printing. */
static int set_unbuffered(Interpreter *interp) {
    Object *out = dict_get_cstr(interp->sysdict, "stdout");
    if (out != NULL && textio_check(out) && textio_set_buffering(out, TEXTIO_WRITE_THROUGH) < 0) {
        Object *exc = err_fetch();
        if (exc != NULL) {
            vm_print_exception(exc);
            DECREF(exc);
        }
        return -1;
    }
    return 0;
}

typedef enum { RUN_FILE, RUN_COMMAND, RUN_MODULE, RUN_STDIN, RUN_DIS } RunKind;

/* If dir/rel is a readable regular file, store its absolute path in out. */
static bool find_file(const char *dir, const char *rel, char *out, size_t outsize) {
    char path[PATH_MAX];
    if (snprintf(path, sizeof path, "%s%s%s", dir, dir[0] != '\0' ? "/" : "", rel) >=
        (int)sizeof path) {
        return false;
    }
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) || access(path, R_OK) != 0) {
        return false;
    }
    char resolved[PATH_MAX];
    if (realpath(path, resolved) == NULL || strlen(resolved) >= outsize) {
        return false;
    }
    strcpy(out, resolved);
    return true;
}

/* -m NAME: find NAME's source (NAME.py, or NAME/__main__.py for a package) in
 * the current directory, then along sys.path, as CPython's runpy does for
 * plain files. Returns true with the absolute path in out. */
static bool find_module_source(Interpreter *interp, const char *name, char *out, size_t outsize) {
    char rel[PATH_MAX], rel_pkg[PATH_MAX];
    size_t n = strlen(name);
    if (n == 0 || n + sizeof "/__main__.py" > sizeof rel) {
        return false;
    }
    for (size_t i = 0; i <= n; i++) {
        rel[i] = name[i] == '.' ? '/' : name[i];
    }
    strcpy(rel_pkg, rel);
    strcat(rel, ".py");
    strcat(rel_pkg, "/__main__.py");
    if (find_file("", rel, out, outsize) || find_file("", rel_pkg, out, outsize)) {
        return true;
    }
    Object *path = dict_get_cstr(interp->sysdict, "path");
    size_t count = path != NULL && list_check(path) ? list_size(path) : 0;
    for (size_t i = 0; i < count; i++) {
        Object *dir = list_get(path, i);
        if (str_check(dir) && (find_file(str_utf8(dir), rel, out, outsize) ||
                               find_file(str_utf8(dir), rel_pkg, out, outsize))) {
            return true;
        }
    }
    return false;
}

/* Run module `name` as __main__ with sys.argv[0] set to its path. */
static int run_module(Interpreter *interp, const char *name) {
    char path[PATH_MAX];
    if (!find_module_source(interp, name, path, sizeof path)) {
        fprintf(stderr, "gilpy: No module named %s\n", name);
        return 1;
    }
    Object *argv0 = str_from_cstr(path);
    if (argv0 == NULL || interp->argv == NULL || list_size(interp->argv) == 0 ||
        obj_setitem(interp->argv, small_int_make(0), argv0) < 0) {
        XDECREF(argv0);
        Object *exc = err_fetch();
        if (exc != NULL) {
            vm_print_exception(exc);
            DECREF(exc);
        }
        return 1;
    }
    DECREF(argv0);
    /* As runpy does: import the enclosing package first (running its
     * __init__), and give __main__ a __package__ so that relative imports
     * inside the module work. For a package, its __main__.py runs. */
    size_t len = strlen(path);
    const char *main_suffix = "/__main__.py";
    bool is_package = len >= strlen(main_suffix) &&
                      strcmp(path + len - strlen(main_suffix), main_suffix) == 0;
    const char *dot = strrchr(name, '.');
    size_t pkg_len = is_package ? strlen(name) : dot != NULL ? (size_t)(dot - name) : 0;
    Object *package = str_from_utf8(name, pkg_len);
    Object *main_module = dict_get_cstr(interp->modules, "__main__");
    int rc = package != NULL && main_module != NULL
                 ? dict_set_cstr(module_dict(main_module), "__package__", package)
                 : -1;
    if (rc == 0 && pkg_len > 0) {
        Object *pkg = vm_import(package, NULL, NULL, 0);
        rc = pkg != NULL ? 0 : -1;
        XDECREF(pkg);
    }
    XDECREF(package);
    if (rc < 0) {
        Object *exc = err_fetch();
        if (exc != NULL) {
            vm_print_exception(exc);
            DECREF(exc);
        }
        return 1;
    }
    return vm_run_file(interp, path);
}

/* Parse the command line and run what it asks for; returns the exit status.
 * xargs has room for every argument (the -X values are collected there). */
static int gilpy_main(int argc, char **argv, char **xargs) {
    InterpreterOptions opts;
    memset(&opts, 0, sizeof opts);
    int nxargs = 0;
    int explore_index = -1; /* argv index of the -X explore=K value */
    RunKind kind = RUN_STDIN;
    const char *env_unbuffered = getenv("PYTHONUNBUFFERED");
    bool unbuffered = env_unbuffered != NULL && env_unbuffered[0] != '\0';
    bool inspect = false; /* -i: the interactive prompt after the program */
    const char *target = NULL; /* the file or the -c command */
    int i = 1;
    /* Options come first; the program (file, -c, -m, -) ends them. */
    for (; i < argc; i++) {
        const char *arg = argv[i];
        if (arg[0] != '-' || strcmp(arg, "-") == 0) {
            break;
        }
        if (strcmp(arg, "--") == 0) {
            i++;
            break;
        }
        if (arg[1] == '-') { /* long options */
            if (strcmp(arg, "--version") == 0) {
                printf("gilpy " GILPY_VERSION " (Python 3.11 compatible)\n");
                return 0;
            }
            if (strcmp(arg, "--help") == 0) {
                fputs(usage_line, stdout);
                fputs(help_text, stdout);
                return 0;
            }
            if (strcmp(arg, "--dis") == 0) {
                if (i + 1 >= argc) {
                    return usage_error("Argument expected for the %s option\n", "--dis");
                }
                kind = RUN_DIS;
                target = argv[++i];
                i++;
                break;
            }
            return usage_error("unknown option %s\n", arg);
        }
        /* Short options; several may share one argument ("-ic cmd"). */
        bool ends_options = false;
        for (const char *p = arg + 1; *p != '\0' && !ends_options; p++) {
            char opt = *p;
            if (opt == 'c' || opt == 'm' || opt == 'X') {
                const char *value = p[1] != '\0' ? p + 1 : (i + 1 < argc ? argv[++i] : NULL);
                if (value == NULL) {
                    char name[3] = {'-', opt, '\0'};
                    return usage_error("Argument expected for the %s option\n", name);
                }
                if (opt == 'X') {
                    char err[512];
                    if (cmdline_parse_x_option(&opts, value, err, sizeof err) < 0) {
                        fprintf(stderr, "gilpy: %s\n", err);
                        return EXIT_USAGE;
                    }
                    xargs[nxargs++] = (char *)value;
                    if (opts.explore != 0 && explore_index < 0) {
                        explore_index = i;
                    }
                    break; /* the rest of this argument was the value */
                }
                kind = opt == 'm' ? RUN_MODULE : RUN_COMMAND;
                target = value;
                ends_options = true;
            } else if (opt == 'h' || opt == '?') {
                fputs(usage_line, stdout);
                fputs(help_text, stdout);
                return 0;
            } else if (opt == 'u') {
                unbuffered = true;
            } else if (opt == 'V') {
                printf("gilpy " GILPY_VERSION " (Python 3.11 compatible)\n");
                return 0;
            } else if (opt == 'i') {
                inspect = true;
            } else {
                char name[3] = {'-', opt, '\0'};
                return usage_error("Unknown option: %s\n", name);
            }
        }
        if (ends_options) {
            i++;
            break;
        }
    }
    if (kind == RUN_STDIN && i < argc) {
        if (strcmp(argv[i], "-") != 0) {
            kind = RUN_FILE;
            target = argv[i];
            int status = check_script(target);
            if (status != 0) {
                return status;
            }
        }
    }

    /* sys.argv: the script path (or "-c", "-", "") then the remaining arguments. */
    int script_argc = argc - i;
    char **script_argv = calloc((size_t)script_argc + 2, sizeof(char *));
    if (script_argv == NULL) {
        fputs("gilpy: out of memory\n", stderr);
        return 1;
    }
    int n = 0;
    switch (kind) {
    case RUN_COMMAND:
        script_argv[n++] = "-c";
        break;
    case RUN_MODULE:
        script_argv[n++] = "-m"; /* replaced by the module's path once found */
        break;
    case RUN_STDIN:
        script_argv[n++] = i < argc ? argv[i++] : "";
        break;
    case RUN_FILE:
        script_argv[n++] = argv[i++];
        break;
    case RUN_DIS:
        script_argv[n++] = (char *)target;
        break;
    }
    for (; i < argc; i++) {
        script_argv[n++] = argv[i];
    }

    if (opts.explore != 0) {
        if (kind != RUN_FILE) {
            fputs("gilpy: -X explore=K needs a script file: gilpy -X explore=K script.py\n", stderr);
            free(script_argv);
            return EXIT_USAGE;
        }
        int status = explore_run((int)opts.explore, argc, argv, explore_index, target);
        free(script_argv);
        return status;
    }
    VMConfig config = {
        .check_interval = (int32_t)opts.check_interval,
        .gil_policy = opts.gil_name == NULL || strcmp(opts.gil_name, "fair") == 0 ? GIL_FAIR
                      : strcmp(opts.gil_name, "py2") == 0                        ? GIL_PY2
                                                                                  : GIL_PY3,
        .gil_stats = opts.gil_stats,
        .gil_trace_file = opts.gil_trace_file,
        .gil_timeline_file = opts.gil_timeline_file,
        .sched = opts.sched,
        .sched_seed = opts.sched_seed,
    };
    Interpreter *interp = vm_create(stdlib_native_modules, n, script_argv, &config);
    if (interp == NULL) {
        free(script_argv);
        return 1;
    }
    int status;
    vm_set_inspect(inspect);
    if (set_xoptions(interp, xargs, nxargs) < 0 || (unbuffered && set_unbuffered(interp) < 0)) {
        status = 1;
    } else if (kind == RUN_DIS) {
        status = run_dis(interp, target);
    } else if (kind == RUN_FILE) {
        status = vm_run_file(interp, target);
    } else if (kind == RUN_MODULE) {
        status = run_module(interp, target);
    } else if (kind == RUN_COMMAND) {
        status = vm_run_source(interp, target, strlen(target), "<string>");
    } else if (inspect || (script_argv[0][0] == '\0' && isatty(0))) {
        status = repl_run(interp, "gilpy " GILPY_VERSION " (Python 3.11 compatible) on linux\n"
                                  "Type \"help\" for more information, \"exit()\" or Ctrl-D "
                                  "to leave.\n");
        inspect = false;
    } else {
        size_t size = 0;
        char *src = read_all(0, &size);
        if (src == NULL) {
            fprintf(stderr, "gilpy: can't read stdin: %s\n", strerror(errno));
            status = 1;
        } else {
            status = vm_run_source(interp, src, size, "<stdin>");
            free(src);
        }
    }
    vm_set_inspect(false);
    if (inspect) { /* -i after a script, -c or -m: its globals stay */
        status = repl_run(interp, NULL);
    }
    vm_destroy(interp);
    free(script_argv);
    return status;
}

int main(int argc, char **argv) {
    /* As CPython: a write to a closed pipe raises BrokenPipeError instead of
     * killing the process silently. */
    signal(SIGPIPE, SIG_IGN);
    char **xargs = calloc((size_t)argc + 1, sizeof(char *));
    if (xargs == NULL) {
        fputs("gilpy: out of memory\n", stderr);
        return 1;
    }
    int status = gilpy_main(argc, argv, xargs);
    free(xargs);
    if (vm_ended_by_keyboard_interrupt()) {
        fflush(NULL);
        signal(SIGINT, SIG_DFL);
        kill(getpid(), SIGINT);
    }
    return status;
}
