/* mod_gil.c: the gil module, gilpy's window on its own GIL (not in CPython):
 * per-thread statistics (the same as -X gilstats), who holds the GIL, who
 * waits for it, and which policy and budget it runs with. */
#include <stdlib.h>

#include "args.h"
#include "dict.h"
#include "errors.h"
#include "float.h"
#include "gilreport.h"
#include "giltrace.h"
#include "int.h"
#include "list.h"
#include "module.h"
#include "str.h"
#include "threads.h"

/* d[key] = value, stealing value; -1 on error (value may be NULL: error). */
static int put(Object *d, const char *key, Object *value) {
    if (value == NULL) {
        return -1;
    }
    int rc = dict_set_cstr(d, key, value);
    DECREF(value);
    return rc;
}

/* One thread's statistics as a dict (see gil.stats's doc). */
static Object *stats_dict(Interpreter *interp, Gil *gil, GilTrack *track, uint64_t now) {
    GilStats s;
    bool alive;
    gil_track_stats(gil, track, now, &s, &alive);
    Object *d = dict_new();
    Object *switches = dict_new();
    Object *blocking = dict_new();
    if (d == NULL || switches == NULL || blocking == NULL) {
        goto fail;
    }
    for (int c = 0; c < SWITCH_CAUSE_COUNT; c++) {
        if (put(switches, giltrace_cause_name((SwitchCause)c), int_from_u64(s.switches[c])) < 0) {
            goto fail;
        }
    }
    for (int k = 0; k < BLOCK_KIND_COUNT; k++) {
        if (put(blocking, giltrace_kind_name((BlockKind)k), int_from_u64(s.blocking[k])) < 0) {
            goto fail;
        }
    }
    if (put(d, "name", gilreport_track_name(interp, track)) < 0 ||
        put(d, "ident", int_from_u64(track->ident)) < 0 ||
        put(d, "native_id", int_from_u64(track->native_id)) < 0 ||
        put(d, "alive", NEWREF(alive ? True : False)) < 0 ||
        put(d, "instructions", int_from_u64(s.instructions)) < 0 ||
        put(d, "acquisitions", int_from_u64(s.acquisitions)) < 0 ||
        put(d, "held_s", float_new((double)s.hold_ns / 1e9)) < 0 ||
        put(d, "waited_s", float_new((double)s.wait_ns / 1e9)) < 0 ||
        put(d, "max_wait_s", float_new((double)s.max_wait_ns / 1e9)) < 0 ||
        put(d, "p99_wait_s", float_new((double)gil_stats_wait_percentile(&s, 0.99) / 1e9)) < 0 ||
        put(d, "switches", switches) < 0) {
        switches = NULL;
        goto fail;
    }
    if (put(d, "blocking", blocking) < 0) {
        blocking = NULL;
        goto fail;
    }
    return d;
fail:
    XDECREF(d);
    XDECREF(switches);
    XDECREF(blocking);
    return NULL;
}

static Object *gil_stats_fn(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_count("stats", nargs, 0, 0) < 0) {
        return NULL;
    }
    Gil *gil = threads_gil();
    Interpreter *interp = ts_current()->interp;
    uint64_t now = gil_now_ns();
    size_t n;
    GilTrack **tracks = gilreport_tracks(gil, &n);
    Object *list = tracks != NULL ? list_new(0) : NULL;
    if (list == NULL) {
        free(tracks);
        if (!err_occurred()) {
            err_no_memory();
        }
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        Object *d = stats_dict(interp, gil, tracks[i], now);
        if (d == NULL || list_append(list, d) < 0) {
            XDECREF(d);
            DECREF(list);
            free(tracks);
            return NULL;
        }
        DECREF(d);
    }
    free(tracks);
    return list;
}

static Object *gil_holder_fn(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_count("holder", nargs, 0, 0) < 0) {
        return NULL;
    }
    /* Called from Python, the caller holds the GIL: that is the answer. */
    GilTrack *track = threads_gil_thread(ts_current())->track;
    if (track == NULL) {
        return none_ref();
    }
    return gilreport_track_name(ts_current()->interp, track);
}

static Object *gil_waiting_fn(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_count("waiting", nargs, 0, 0) < 0) {
        return NULL;
    }
    Gil *gil = threads_gil();
    /* Copy the queue under the mutex, then name its threads (which may run
     * Python code) without it. Tracks are never freed, so the copy stays valid. */
    enum { MAX_SHOWN = 256 };
    GilTrack *queued[MAX_SHOWN];
    size_t n = 0;
    pthread_mutex_lock(&gil->mutex);
    for (GilThread *t = gil->first_waiter; t != NULL && n < MAX_SHOWN; t = t->next_waiter) {
        if (t->track != NULL) {
            queued[n++] = t->track;
        }
    }
    pthread_mutex_unlock(&gil->mutex);
    Object *list = list_new(0);
    for (size_t i = 0; list != NULL && i < n; i++) {
        Object *name = gilreport_track_name(ts_current()->interp, queued[i]);
        if (name == NULL || list_append(list, name) < 0) {
            XDECREF(name);
            CLEAR(list);
            break;
        }
        DECREF(name);
    }
    return list;
}

static Object *gil_policy_fn(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_count("policy", nargs, 0, 0) < 0) {
        return NULL;
    }
    return str_from_cstr(giltrace_policy_name(threads_gil()->policy));
}

static Object *gil_checkinterval_fn(Object *self, Object *const *args, size_t nargs,
                                    Object *kwnames) {
    if (args_count("checkinterval", nargs, 0, 0) < 0) {
        return NULL;
    }
    return int_from_i64(threads_gil()->checkinterval);
}

static Object *gil_contention_fn(Object *self, Object *const *args, size_t nargs,
                                 Object *kwnames) {
    if (args_count("contention", nargs, 0, 0) < 0) {
        return NULL;
    }
    Gil *gil = threads_gil();
    uint64_t now = gil_now_ns();
    uint64_t run = now - gil->started_ns, contended = gil_contended_ns(gil, now);
    Object *d = dict_new();
    if (d == NULL || put(d, "run_s", float_new((double)run / 1e9)) < 0 ||
        put(d, "contended_s", float_new((double)contended / 1e9)) < 0 ||
        put(d, "share", float_new(run != 0 ? (double)contended / (double)run : 0.0)) < 0) {
        XDECREF(d);
        return NULL;
    }
    return d;
}

static const MethodDef gil_functions[] = {
    {"stats", gil_stats_fn, 0,
     "stats() -> list of dicts, one per thread that ever ran (oldest first): name, ident, "
     "native_id, alive, instructions, acquisitions, held_s, waited_s, max_wait_s, p99_wait_s, "
     "switches {budget, request, blocking, exit}, blocking {sleep, lock, io, join, other}."},
    {"holder", gil_holder_fn, 0,
     "holder() -> name of the thread holding the GIL (from Python: the caller)."},
    {"waiting", gil_waiting_fn, 0, "waiting() -> names of the threads queued for the GIL."},
    {"policy", gil_policy_fn, 0, "policy() -> 'fair', 'py2' or 'py3' (-X gil=NAME)."},
    {"checkinterval", gil_checkinterval_fn, 0,
     "checkinterval() -> the instruction budget of a turn (-X checkinterval=N)."},
    {"contention", gil_contention_fn, 0,
     "contention() -> {run_s, contended_s, share}: how long some thread was waiting."},
    {NULL, NULL, 0, NULL},
};

Object *mod_gil_init(void) {
    Object *m = module_new("gil");
    if (m == NULL) {
        return NULL;
    }
    if (module_add_functions(m, gil_functions) < 0) {
        DECREF(m);
        return NULL;
    }
    return m;
}
