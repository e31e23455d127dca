/* mod_signal.c: _signal, the native core of the signal module (stdlib/lib/signal.py adds
 * CPython's Signals/Handlers/Sigmasks enums). Python-level handlers never run inside
 * the C signal handler: it only marks the signal "tripped"; the main thread's
 * eval breaker (vm/eval.c) then calls signal_run_handlers through
 * eval_signal_hook, between two bytecode instructions, as CPython does. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

#include "args.h"
#include "dict.h"
#include "errors.h"
#include "eval.h"
#include "exceptions.h"
#include "float.h"
#include "frame.h"
#include "int.h"
#include "module.h"
#include "modules.h"
#include "process.h"
#include "set.h"
#include "str.h"
#include "tuple.h"
#include "threads.h"

/* Signal dispositions belong to the whole process, not to an interpreter or
 * a thread, so their bookkeeping is process-wide too (CPython keeps the same
 * static table). The C handler may touch only volatile sig_atomic_t data. */
static volatile sig_atomic_t signal_tripped[NSIG];
static volatile sig_atomic_t signal_wakeup_fd = -1;
/* The Python handler of each signal (strong references; read and written
 * only by the main thread holding the GIL). NULL: not known (getsignal
 * returns None). */
static Object *signal_handlers[NSIG];
static Object *signal_default_int_handler; /* the module's default_int_handler */

enum { HANDLER_DFL = 0, HANDLER_IGN = 1 }; /* signal.SIG_DFL, signal.SIG_IGN */

/* The C handler of every signal with a Python handler. */
static void signal_c_handler(int signo) {
    int saved = errno;
    signal_tripped[signo] = 1;
    eval_signals_pending = 1;
    int fd = signal_wakeup_fd;
    if (fd >= 0) {
        unsigned char byte = (unsigned char)signo;
        ssize_t r = write(fd, &byte, 1);
        (void)r;
    }
    errno = saved;
}

/* Installed as eval_signal_hook: call the Python handler of every tripped
 * signal in the main thread, with (signum, frame) (the frame is None in
 * gilpy). 0, or -1 with the exception a handler raised; the signals not yet
 * handled stay tripped for the next visit of the breaker. */
static int signal_run_handlers(void) {
    for (int s = 1; s < NSIG; s++) {
        if (!signal_tripped[s]) {
            continue;
        }
        signal_tripped[s] = 0;
        Object *h = signal_handlers[s];
        if (h == NULL || is_small_int(h) || !obj_is_callable(h)) {
            continue;
        }
        INCREF(h);
        Object *args[2] = {small_int_make(s), None};
        Object *r = obj_call(h, args, 2, NULL);
        DECREF(h);
        if (r == NULL) {
            for (int t = s + 1; t < NSIG; t++) {
                if (signal_tripped[t]) {
                    eval_signals_pending = 1;
                    break;
                }
            }
            return -1;
        }
        DECREF(r);
    }
    return 0;
}

static bool in_main_thread(void) { return vm_thread(ts_current())->is_main; }

/* A signal number argument: 1 <= n < NSIG, else ValueError. */
static int signum_arg(Object *v, int *out) {
    if (process_int_arg(v, out) < 0) {
        return -1;
    }
    if (*out < 1 || *out >= NSIG) {
        err_format(&ExcValueError, "signal number out of range");
        return -1;
    }
    return 0;
}

/* Replace the stored Python handler of `s` (steals nothing; INCREFs h). */
static void set_handler_object(int s, Object *h) {
    Object *old = signal_handlers[s];
    signal_handlers[s] = h != NULL ? NEWREF(h) : NULL;
    XDECREF(old);
}

static Object *handler_or_none(int s) {
    return signal_handlers[s] != NULL ? NEWREF(signal_handlers[s]) : none_ref();
}

static Object *signal_signal(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_no_keywords("signal", kwnames) < 0) {
        return NULL;
    }
    if (nargs < 2) {
        return err_format(&ExcTypeError, nargs == 0
                                             ? "signal() missing 2 required positional arguments: "
                                               "'signalnum' and 'handler'"
                                             : "signal() missing 1 required positional argument: "
                                               "'handler'");
    }
    if (args_count("signal", nargs, 2, 2) < 0) {
        return NULL;
    }
    int s;
    if (signum_arg(args[0], &s) < 0) {
        return NULL;
    }
    Object *handler = args[1];
    if (!in_main_thread()) {
        return err_format(&ExcValueError,
                          "signal only works in main thread of the main interpreter");
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    bool vm_sigint = false;
    int64_t code = -1;
    if (int_check(handler) && int_to_i64(handler, &code) < 0) {
        err_clear(); /* a huge int: not a valid handler either */
    }
    if (int_check(handler) && (code == HANDLER_DFL || code == HANDLER_IGN)) {
        sa.sa_handler = code == HANDLER_DFL ? SIG_DFL : SIG_IGN;
    } else if (int_check(handler) || !obj_is_callable(handler)) {
        return err_format(&ExcTypeError, "signal handler must be signal.SIG_IGN, signal.SIG_DFL, "
                                         "or a callable object");
    } else if (s == SIGINT && handler == signal_default_int_handler) {
        vm_sigint = true; /* the VM's own Ctrl-C handling (KeyboardInterrupt) */
    } else {
        /* No SA_RESTART: blocking calls return EINTR so handlers run promptly. */
        sa.sa_handler = signal_c_handler;
    }
    if (vm_sigint) {
        eval_install_signal_handlers();
    } else if (sigaction(s, &sa, NULL) < 0) {
        return err_from_errno(NULL);
    }
    Object *old = handler_or_none(s);
    set_handler_object(s, handler);
    return old;
}

static Object *signal_getsignal(Object *self, Object *const *args, size_t nargs,
                                Object *kwnames) {
    int s;
    if (args_no_keywords("getsignal", kwnames) < 0 || args_count("getsignal", nargs, 1, 1) < 0 ||
        signum_arg(args[0], &s) < 0) {
        return NULL;
    }
    return handler_or_none(s);
}

static Object *signal_default_int(Object *self, Object *const *args, size_t nargs,
                                  Object *kwnames) {
    err_set_none(&ExcKeyboardInterrupt);
    return NULL;
}

static Object *signal_alarm(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    int seconds;
    if (args_no_keywords("alarm", kwnames) < 0 || args_count("alarm", nargs, 1, 1) < 0 ||
        process_int_arg(args[0], &seconds) < 0) {
        return NULL;
    }
    return int_from_i64(alarm((unsigned)seconds));
}

/* signal.pause(): sleep (GIL released) until a signal arrives, then run
 * its handler. */
static Object *signal_pause(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_count("pause", nargs, 0, 0) < 0) {
        return NULL;
    }
    if (threads_check_interrupt() < 0) {
        return NULL;
    }
    ThreadState *ts = threads_blocking_begin(BLOCK_SLEEP);
    pause();
    threads_blocking_end(ts);
    if (threads_check_interrupt() < 0) {
        return NULL;
    }
    return none_ref();
}

static Object *signal_raise_signal(Object *self, Object *const *args, size_t nargs,
                                   Object *kwnames) {
    int s;
    if (args_no_keywords("raise_signal", kwnames) < 0 ||
        args_count("raise_signal", nargs, 1, 1) < 0 || process_int_arg(args[0], &s) < 0) {
        return NULL;
    }
    if (raise(s) != 0) {
        return err_from_errno(NULL);
    }
    if (threads_check_interrupt() < 0) {
        return NULL;
    }
    return none_ref();
}

static Object *signal_pthread_kill(Object *self, Object *const *args, size_t nargs,
                                   Object *kwnames) {
    int64_t ident;
    int s;
    if (args_no_keywords("pthread_kill", kwnames) < 0 ||
        args_count("pthread_kill", nargs, 2, 2) < 0 || int_to_i64(args[0], &ident) < 0 ||
        process_int_arg(args[1], &s) < 0) {
        return NULL;
    }
    int err = pthread_kill((pthread_t)(uint64_t)ident, s);
    if (err != 0) {
        errno = err;
        return err_from_errno(NULL);
    }
    if (threads_check_interrupt() < 0) {
        return NULL;
    }
    return none_ref();
}

/* set_wakeup_fd(fd, *, warn_on_full_buffer=True): the C handler also writes
 * the signal number as one byte to fd (which must be non-blocking). */
static Object *signal_set_wakeup_fd(Object *self, Object *const *args, size_t nargs,
                                    Object *kwnames) {
    static const char *const kwlist[] = {"fd", "$warn_on_full_buffer", NULL};
    Object *a[2];
    int fd;
    if (args_parse("set_wakeup_fd", args, nargs, kwnames, kwlist, 1, a) < 0 ||
        process_int_arg(a[0], &fd) < 0) {
        return NULL;
    }
    if (!in_main_thread()) {
        return err_format(&ExcValueError,
                          "set_wakeup_fd only works in main thread of the main interpreter");
    }
    if (fd != -1) {
        int flags = fcntl(fd, F_GETFL);
        if (flags < 0) {
            return err_from_errno(NULL);
        }
        if (!(flags & O_NONBLOCK)) {
            return err_format(&ExcValueError, "the fd %i must be in non-blocking mode", fd);
        }
    }
    int old = signal_wakeup_fd;
    signal_wakeup_fd = fd;
    return int_from_i64(old);
}

static Object *signal_strsignal(Object *self, Object *const *args, size_t nargs,
                                Object *kwnames) {
    int s;
    if (args_no_keywords("strsignal", kwnames) < 0 || args_count("strsignal", nargs, 1, 1) < 0 ||
        signum_arg(args[0], &s) < 0) {
        return NULL;
    }
    const char *text = strsignal(s);
    if (text == NULL || strncmp(text, "Unknown signal", 14) == 0 ||
        strncmp(text, "Real-time signal", 16) == 0) {
        return none_ref();
    }
    return str_from_cstr(text);
}

/* ---------------------------------------------------------------- timers and masks */

static Object *timeval_pair(const struct itimerval *v) {
    Object *delay = float_new((double)v->it_value.tv_sec + (double)v->it_value.tv_usec / 1e6);
    Object *interval =
        float_new((double)v->it_interval.tv_sec + (double)v->it_interval.tv_usec / 1e6);
    Object *pair = delay != NULL && interval != NULL ? tuple_pack(2, delay, interval) : NULL;
    XDECREF(delay);
    XDECREF(interval);
    return pair;
}

static struct timeval seconds_to_timeval(double d) {
    struct timeval tv;
    tv.tv_sec = (time_t)d;
    tv.tv_usec = (suseconds_t)((d - (double)tv.tv_sec) * 1e6);
    if (tv.tv_sec == 0 && tv.tv_usec == 0 && d > 0) {
        tv.tv_usec = 1; /* a tiny positive delay must not disarm the timer */
    }
    return tv;
}

/* setitimer(which, seconds, interval=0.0) -> the old (delay, interval). */
static Object *signal_setitimer(Object *self, Object *const *args, size_t nargs,
                                Object *kwnames) {
    int which;
    if (args_no_keywords("setitimer", kwnames) < 0 || args_count("setitimer", nargs, 2, 3) < 0 ||
        process_int_arg(args[0], &which) < 0) {
        return NULL;
    }
    double seconds = obj_as_double(args[1]);
    double interval = nargs == 3 ? obj_as_double(args[2]) : 0.0;
    if ((seconds == -1.0 || interval == -1.0) && err_occurred()) {
        return NULL;
    }
    struct itimerval value, old;
    value.it_value = seconds_to_timeval(seconds);
    value.it_interval = seconds_to_timeval(interval);
    if (setitimer(which, &value, &old) < 0) {
        return err_from_errno(NULL);
    }
    return timeval_pair(&old);
}

static Object *signal_getitimer(Object *self, Object *const *args, size_t nargs,
                                Object *kwnames) {
    int which;
    if (args_no_keywords("getitimer", kwnames) < 0 || args_count("getitimer", nargs, 1, 1) < 0 ||
        process_int_arg(args[0], &which) < 0) {
        return NULL;
    }
    struct itimerval old;
    if (getitimer(which, &old) < 0) {
        return err_from_errno(NULL);
    }
    return timeval_pair(&old);
}

/* A set of ints from a sigset_t (signal.py turns them into Signals). */
static Object *set_from_sigset(const sigset_t *set) {
    Object *result = set_new(NULL);
    for (int s = 1; s < NSIG && result != NULL; s++) {
        if (sigismember(set, s) == 1 && set_add(result, small_int_make(s)) < 0) {
            CLEAR(result);
        }
    }
    return result;
}

/* pthread_sigmask(how, mask) -> the old mask, as a set of signal numbers. */
static Object *signal_pthread_sigmask(Object *self, Object *const *args, size_t nargs,
                                      Object *kwnames) {
    int how;
    if (args_no_keywords("pthread_sigmask", kwnames) < 0 ||
        args_count("pthread_sigmask", nargs, 2, 2) < 0 || process_int_arg(args[0], &how) < 0) {
        return NULL;
    }
    sigset_t mask, old;
    sigemptyset(&mask);
    Object *it = obj_iter(args[1]);
    if (it == NULL) {
        return NULL;
    }
    Object *item;
    while ((item = obj_next(it)) != NULL) {
        int s;
        int rc = signum_arg(item, &s);
        DECREF(item);
        if (rc < 0) {
            DECREF(it);
            return NULL;
        }
        sigaddset(&mask, s);
    }
    DECREF(it);
    if (err_occurred()) {
        return NULL;
    }
    int err = pthread_sigmask(how, &mask, &old);
    if (err != 0) {
        errno = err;
        return err_from_errno(NULL);
    }
    if (threads_check_interrupt() < 0) { /* unblocking may deliver a pending signal */
        return NULL;
    }
    return set_from_sigset(&old);
}

static Object *signal_valid_signals(Object *self, Object *const *args, size_t nargs,
                                    Object *kwnames) {
    if (args_count("valid_signals", nargs, 0, 0) < 0) {
        return NULL;
    }
    sigset_t all;
    sigfillset(&all);
    return set_from_sigset(&all);
}

static Object *signal_siginterrupt(Object *self, Object *const *args, size_t nargs,
                                   Object *kwnames) {
    int s, flag;
    if (args_no_keywords("siginterrupt", kwnames) < 0 ||
        args_count("siginterrupt", nargs, 2, 2) < 0 || signum_arg(args[0], &s) < 0 ||
        (flag = obj_is_true(args[1])) < 0) {
        return NULL;
    }
    struct sigaction sa;
    if (sigaction(s, NULL, &sa) < 0) {
        return err_from_errno(NULL);
    }
    if (flag) {
        sa.sa_flags &= ~SA_RESTART;
    } else {
        sa.sa_flags |= SA_RESTART;
    }
    if (sigaction(s, &sa, NULL) < 0) {
        return err_from_errno(NULL);
    }
    return none_ref();
}

void signal_after_fork_child(void) {
    for (int s = 1; s < NSIG; s++) {
        signal_tripped[s] = 0;
    }
    /* A Ctrl-C the parent had not handled yet is the parent's (as in
     * CPython): a child forked meanwhile, say a Pool replacing a worker,
     * must not start life with a KeyboardInterrupt. */
    eval_signals_pending = 0;
    eval_take_sigint();
}

static const MethodDef signal_functions[] = {
    {"signal", signal_signal, 0, "Set the action for the given signal; return the old one."},
    {"getsignal", signal_getsignal, 0, "Return the current action for the given signal."},
    {"default_int_handler", signal_default_int, 0,
     "The default handler for SIGINT installed by Python: raises KeyboardInterrupt."},
    {"alarm", signal_alarm, 0, "Arrange for SIGALRM to arrive after the given number of seconds."},
    {"pause", signal_pause, 0, "Wait until a signal arrives."},
    {"raise_signal", signal_raise_signal, 0, "Send a signal to the executing process."},
    {"pthread_kill", signal_pthread_kill, 0, "Send a signal to a thread."},
    {"set_wakeup_fd", signal_set_wakeup_fd, 0,
     "Set the fd to be written to (with the signal number) when a signal comes in."},
    {"strsignal", signal_strsignal, 0, "Return the system description of the given signal."},
    {"setitimer", signal_setitimer, 0, "Arm an interval timer; return its old (delay, interval)."},
    {"getitimer", signal_getitimer, 0, "Return the (delay, interval) of an interval timer."},
    {"pthread_sigmask", signal_pthread_sigmask, 0,
     "Fetch and/or change the signal mask of the calling thread."},
    {"valid_signals", signal_valid_signals, 0, "Return a set of valid signal numbers."},
    {"siginterrupt", signal_siginterrupt, 0,
     "Change system call restart behaviour for a signal."},
    {NULL, NULL, 0, NULL},
};

Object *mod_signal_init(void) {
    const struct { /* not static: SIGRTMIN and SIGRTMAX are function calls in glibc */
        const char *name;
        int value;
    } constants[] = {
        {"SIGHUP", SIGHUP},   {"SIGINT", SIGINT},     {"SIGQUIT", SIGQUIT}, {"SIGILL", SIGILL},
        {"SIGTRAP", SIGTRAP}, {"SIGABRT", SIGABRT},   {"SIGIOT", SIGIOT},   {"SIGBUS", SIGBUS},
        {"SIGFPE", SIGFPE},   {"SIGKILL", SIGKILL},   {"SIGUSR1", SIGUSR1}, {"SIGSEGV", SIGSEGV},
        {"SIGUSR2", SIGUSR2}, {"SIGPIPE", SIGPIPE},   {"SIGALRM", SIGALRM}, {"SIGTERM", SIGTERM},
        {"SIGCHLD", SIGCHLD}, {"SIGCLD", SIGCHLD},    {"SIGSTKFLT", SIGSTKFLT}, {"SIGCONT", SIGCONT},   {"SIGSTOP", SIGSTOP}, {"SIGTSTP", SIGTSTP},
        {"SIGTTIN", SIGTTIN}, {"SIGTTOU", SIGTTOU},   {"SIGURG", SIGURG},   {"SIGXCPU", SIGXCPU},
        {"SIGXFSZ", SIGXFSZ}, {"SIGVTALRM", SIGVTALRM}, {"SIGPROF", SIGPROF},
        {"SIGWINCH", SIGWINCH}, {"SIGIO", SIGIO},     {"SIGPOLL", SIGPOLL}, {"SIGPWR", SIGPWR},
        {"SIGSYS", SIGSYS},   {"SIGRTMIN", SIGRTMIN}, {"SIGRTMAX", SIGRTMAX},
        {"NSIG", NSIG},       {"SIG_DFL", HANDLER_DFL}, {"SIG_IGN", HANDLER_IGN},
        {"ITIMER_REAL", ITIMER_REAL}, {"ITIMER_VIRTUAL", ITIMER_VIRTUAL},
        {"ITIMER_PROF", ITIMER_PROF}, {"SIG_BLOCK", SIG_BLOCK}, {"SIG_UNBLOCK", SIG_UNBLOCK}, {"SIG_SETMASK", SIG_SETMASK},
    };
    Object *m = module_new("_signal");
    if (m == NULL || module_add_functions(m, signal_functions) < 0) {
        XDECREF(m);
        return NULL;
    }
    for (size_t i = 0; i < sizeof constants / sizeof constants[0]; i++) {
        if (module_add_int(m, constants[i].name, constants[i].value) < 0) {
            DECREF(m);
            return NULL;
        }
    }
    Object *dih = dict_get_cstr(module_dict(m), "default_int_handler");
    if (signal_default_int_handler == NULL && dih != NULL) {
        signal_default_int_handler = NEWREF(dih);
    }
    /* What each signal does now: SIG_DFL, SIG_IGN, or (SIGINT) the VM's
     * KeyboardInterrupt handler, which Python sees as default_int_handler. */
    for (int s = 1; s < NSIG; s++) {
        if (signal_handlers[s] != NULL) {
            continue; /* the module was imported before (its table is per process) */
        }
        struct sigaction old;
        if (sigaction(s, NULL, &old) < 0) {
            continue;
        }
        if (old.sa_handler == SIG_DFL) {
            signal_handlers[s] = small_int_make(HANDLER_DFL);
        } else if (old.sa_handler == SIG_IGN) {
            signal_handlers[s] = small_int_make(HANDLER_IGN);
        } else if (s == SIGINT && signal_default_int_handler != NULL) {
            signal_handlers[s] = NEWREF(signal_default_int_handler);
        }
    }
    eval_signal_hook = signal_run_handlers;
    return m;
}
