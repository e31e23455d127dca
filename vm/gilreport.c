/* gilreport.c: the GIL's reports in Python terms: threads named as
 * `threading` names them, the -X gilstats table printed at exit, and the
 * -X giltrace / -X giltimeline files (drawn by vm/giltrace.c).
 *
 * CHILD PROCESSES. A forked or spawned child inherits the -X options. The
 * first gilpy process that traces puts its pid in the environment variable
 * GILPY_GILTRACE_ROOT; a process whose pid differs (a child of os.fork or of
 * multiprocessing, which inherits the variable) writes FILE.<pid>.json (and
 * FILE.<pid>.svg) instead of FILE, so no two processes write the same file.
 * scripts/gil-merge-traces FILE.json merges them into one trace with a
 * process per pid (the timestamps share CLOCK_MONOTONIC, so they line up). */
#include "gilreport.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dict.h"
#include "errors.h"
#include "giltrace.h"
#include "int.h"
#include "list.h"
#include "interp.h"
#include "module.h"
#include "str.h"
#include "threads.h"

/* threading._active[ident].name if threading is imported and knows the
 * thread: a new reference to a str, or NULL (never an error). */
static Object *threading_name(Interpreter *interp, uint64_t ident) {
    Object *threading = interp->modules != NULL ? dict_get_cstr(interp->modules, "threading")
                                                : NULL;
    if (threading == NULL || !obj_is_instance_of(threading, &ModuleType)) {
        return NULL;
    }
    Object *active = dict_get_cstr(module_dict(threading), "_active");
    if (active == NULL || !obj_is_instance_of(active, &DictType)) {
        return NULL;
    }
    Object *key = int_from_u64(ident);
    Object *thread = NULL;
    int found = key != NULL ? dict_lookup(active, key, &thread) : -1;
    XDECREF(key);
    Object *name = found > 0 ? obj_getattr_cstr(thread, "name") : NULL;
    if (name != NULL && !obj_is_instance_of(name, &StrType)) {
        CLEAR(name);
    }
    return name;
}

/* Copy a str into a track's fixed-size name. */
static void set_track_name(GilTrack *track, Object *name) {
    snprintf(track->name, sizeof track->name, "%s", str_utf8(name));
}

/* Run f with any pending exception put aside, and clear what f raised. */
static Object *name_quietly(Interpreter *interp, uint64_t ident) {
    Object *saved = err_fetch();
    Object *name = threading_name(interp, ident);
    err_clear();
    err_restore(saved);
    return name;
}

void gilreport_remember_name(ThreadState *ts, Object *func) {
    GilTrack *track = threads_gil_thread(ts)->track;
    if (track == NULL) {
        return;
    }
    Object *saved = err_fetch();
    Object *name = threading_name(ts->interp, track->ident);
    if (name == NULL && func != NULL) {
        /* threading has already dropped it from _active: ask the Thread whose
         * bound method (_bootstrap) the thread ran. */
        Object *self = NULL;
        if (vm_lookup_attr_cstr(func, "__self__", &self) > 0) {
            Object *n = NULL;
            if (vm_lookup_attr_cstr(self, "name", &n) > 0 && obj_is_instance_of(n, &StrType)) {
                name = n;
            } else {
                XDECREF(n);
            }
            DECREF(self);
        }
    }
    if (name != NULL) {
        set_track_name(track, name);
        DECREF(name);
    }
    err_clear();
    err_restore(saved);
}

GilTrack **gilreport_tracks(Gil *gil, size_t *n) {
    pthread_mutex_lock(&gil->mutex);
    size_t count = 0;
    for (GilTrack *t = gil->tracks; t != NULL; t = t->next) {
        count++;
    }
    GilTrack **v = calloc(count + 1, sizeof(GilTrack *));
    if (v != NULL) {
        size_t i = count;
        for (GilTrack *t = gil->tracks; t != NULL; t = t->next) {
            v[--i] = t;
        }
    }
    pthread_mutex_unlock(&gil->mutex);
    *n = v != NULL ? count : 0;
    return v;
}

/* Is this the interpreter's main thread's track? */
static bool is_main_track(Interpreter *interp, GilTrack *track) {
    ThreadState *main_ts = vm_interp(interp)->main_thread;
    return main_ts != NULL && threads_gil_thread(main_ts)->track == track;
}

/* Fill track->name for a live thread from threading, or with the fallback. */
static void refresh_name(Interpreter *interp, GilTrack *track, bool alive) {
    Object *name = alive ? name_quietly(interp, track->ident) : NULL;
    if (name != NULL) {
        set_track_name(track, name);
        DECREF(name);
    } else if (track->name[0] == '\0') {
        if (is_main_track(interp, track)) {
            snprintf(track->name, sizeof track->name, "MainThread");
        } else {
            snprintf(track->name, sizeof track->name, "Thread-%llu",
                     (unsigned long long)track->ident);
        }
    }
}

Object *gilreport_track_name(Interpreter *interp, GilTrack *track) {
    Gil *gil = &vm_interp(interp)->gil;
    pthread_mutex_lock(&gil->mutex);
    bool alive = track->live != NULL;
    pthread_mutex_unlock(&gil->mutex);
    refresh_name(interp, track, alive);
    return str_from_cstr(track->name);
}

/* ---------------------------------------------------------------- -X gilstats */

static void print_stats(Interpreter *interp, GilTrack **tracks, size_t n, uint64_t now) {
    Gil *gil = &vm_interp(interp)->gil;
    uint64_t run = now - gil->started_ns;
    uint64_t contended = gil_contended_ns(gil, now);
    int width = 6;
    for (size_t i = 0; i < n; i++) {
        int len = (int)strlen(tracks[i]->name);
        width = len > width ? len : width;
    }
    fprintf(stderr,
            "GIL statistics (policy %s, check interval %d, switch interval %.1f ms)\n"
            "run %.3f ms; some thread was waiting for the GIL %.1f%% of the time (%.3f ms)\n",
            giltrace_policy_name(gil->policy), (int)gil->checkinterval,
            (double)gil->switch_interval_ns / 1e6, (double)run / 1e6,
            run != 0 ? 100.0 * (double)contended / (double)run : 0.0, (double)contended / 1e6);
    fprintf(stderr,
            "%-*s %12s %8s %10s %6s %10s %9s %9s | switches: %6s %7s %5s %5s %5s %5s %5s %4s\n",
            width, "thread", "instructions", "acquired", "held ms", "held%", "waited ms",
            "max wait", "p99 wait", "budget", "request", "sleep", "lock", "io", "join", "other",
            "exit");
    for (size_t i = 0; i < n; i++) {
        GilStats s;
        bool alive;
        gil_track_stats(gil, tracks[i], now, &s, &alive);
        fprintf(stderr,
                "%-*s %12llu %8llu %10.3f %5.1f%% %10.3f %7.3fms %7.3fms | switches: %6llu %7llu "
                "%5llu %5llu %5llu %5llu %5llu %4llu\n",
                width, tracks[i]->name, (unsigned long long)s.instructions,
                (unsigned long long)s.acquisitions, (double)s.hold_ns / 1e6,
                run != 0 ? 100.0 * (double)s.hold_ns / (double)run : 0.0, (double)s.wait_ns / 1e6,
                (double)s.max_wait_ns / 1e6, (double)gil_stats_wait_percentile(&s, 0.99) / 1e6,
                (unsigned long long)s.switches[SWITCH_BUDGET],
                (unsigned long long)s.switches[SWITCH_REQUEST],
                (unsigned long long)s.blocking[BLOCK_SLEEP],
                (unsigned long long)s.blocking[BLOCK_LOCK], (unsigned long long)s.blocking[BLOCK_IO],
                (unsigned long long)s.blocking[BLOCK_JOIN],
                (unsigned long long)s.blocking[BLOCK_OTHER],
                (unsigned long long)s.switches[SWITCH_EXIT]);
    }
}

/* ---------------------------------------------------------------- files */

/* The file this process writes for `path`: path itself in the first gilpy
 * process, "<path without .ext>.<pid><.ext>" in its children. */
static char *output_path(const char *path, const char *ext) {
    long pid = (long)getpid();
    const char *root = getenv("GILPY_GILTRACE_ROOT");
    if (root == NULL || strtol(root, NULL, 10) == pid) {
        return strdup(path);
    }
    size_t len = strlen(path), elen = strlen(ext);
    if (len >= elen && strcmp(path + len - elen, ext) == 0) {
        len -= elen;
    }
    char *out = malloc(len + elen + 32);
    if (out != NULL) {
        snprintf(out, len + elen + 32, "%.*s.%ld%s", (int)len, path, pid, ext);
    }
    return out;
}

typedef int (*TraceWriter)(Gil *gil, const GilTraceInfo *info, FILE *f);

/* "<real>.<pid>.tmp": in the same directory as real, so rename() can move it
 * into place, and not matching the FILE.<pid>.json that gil-merge-traces reads.
 * NULL when real exists and is not a regular file (a device such as
 * /dev/stdout, a FIFO, a symbolic link): renaming over it would replace it, so
 * it is written in place. */
static char *temporary_path(const char *real) {
    struct stat st;
    if (lstat(real, &st) == 0 && !S_ISREG(st.st_mode)) {
        return NULL;
    }
    size_t size = strlen(real) + 32;
    char *tmp = malloc(size);
    if (tmp != NULL) {
        snprintf(tmp, size, "%s.%ld.tmp", real, (long)getpid());
    }
    return tmp;
}

/* Writes the file under a temporary name and renames it into place once it
 * is complete: a process killed meanwhile (Pool.terminate() kills workers
 * that may be writing their traces) leaves no empty or truncated file. */
static void write_file(Gil *gil, const GilTraceInfo *info, const char *path, const char *ext,
                       TraceWriter writer, const char *what) {
    char *real = output_path(path, ext);
    char *tmp = real != NULL ? temporary_path(real) : NULL;
    FILE *f = real != NULL ? fopen(tmp != NULL ? tmp : real, "w") : NULL;
    if (f == NULL) {
        fprintf(stderr, "gilpy: can't write the GIL %s to '%s': %s\n", what, path,
                strerror(errno));
        free(tmp);
        free(real);
        return;
    }
    int rc = writer(gil, info, f);
    if (fclose(f) != 0 || rc < 0) {
        fprintf(stderr, "gilpy: error writing the GIL %s to '%s'\n", what, real);
        if (tmp != NULL) {
            unlink(tmp);
        }
    } else if (tmp != NULL && rename(tmp, real) != 0) {
        fprintf(stderr, "gilpy: can't write the GIL %s to '%s': %s\n", what, real,
                strerror(errno));
        unlink(tmp);
    }
    free(tmp);
    free(real);
}

/* sys.argv[0], for titles. */
static const char *script_name(Interpreter *interp) {
    Object *argv = interp->sysdict != NULL ? dict_get_cstr(interp->sysdict, "argv") : NULL;
    if (argv != NULL && obj_is_instance_of(argv, &ListType) && list_size(argv) > 0) {
        Object *first = list_get(argv, 0);
        if (obj_is_instance_of(first, &StrType) && str_utf8(first)[0] != '\0') {
            return str_utf8(first);
        }
    }
    return "<stdin>";
}

void gilreport_at_exit(Interpreter *interp, bool print) {
    Gil *gil = &vm_interp(interp)->gil;
    if (!print && gil->trace_file == NULL && gil->timeline_file == NULL) {
        return;
    }
    uint64_t now = gil_now_ns();
    size_t n;
    GilTrack **tracks = gilreport_tracks(gil, &n);
    if (tracks == NULL) {
        return;
    }
    for (size_t i = 0; i < n; i++) {
        pthread_mutex_lock(&gil->mutex);
        bool alive = tracks[i]->live != NULL;
        pthread_mutex_unlock(&gil->mutex);
        refresh_name(interp, tracks[i], alive);
    }
    if (print) {
        /* The program's own output first, then the table. */
        Object *out = interp->sysdict != NULL ? dict_get_cstr(interp->sysdict, "stdout") : NULL;
        if (out != NULL && out != None) {
            Object *saved = err_fetch();
            Object *r = obj_call_method(out, "flush", NULL, 0);
            XDECREF(r);
            err_clear();
            err_restore(saved);
        }
        fflush(stdout);
        print_stats(interp, tracks, n, now);
    }
    free(tracks);
    GilTraceInfo info = {script_name(interp), gil->started_ns, now, (long)getpid()};
    if (gil->trace_file != NULL) {
        write_file(gil, &info, gil->trace_file, ".json", giltrace_write_json, "trace");
    }
    if (gil->timeline_file != NULL) {
        write_file(gil, &info, gil->timeline_file, ".svg", giltrace_write_svg, "timeline");
    }
}
