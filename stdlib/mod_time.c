/* mod_time.c: the `time` module: clocks (time, perf_counter, monotonic,
 * process_time and their _ns forms), sleep, and calendar conversions
 * (gmtime, localtime, mktime, strftime, asctime, ctime) with struct_time. */
#include <errno.h>
#include <math.h>
#include <string.h>
#include <time.h>

#include "args.h"
#include "threads.h"
#include "errors.h"
#include "exceptions.h"
#include "float.h"
#include "int.h"
#include "memory.h"
#include "module.h"
#include "modules.h"
#include "str.h"
#include "tuple.h"

/* ================================================================ helpers */

/* Check the argument count with PyArg_ParseTuple's wording, which CPython's
 * time functions use: "gmtime() takes at most 1 argument (2 given)". */
static int parse_tuple_count(const char *fname, size_t nargs, size_t min, size_t max) {
    if (nargs >= min && nargs <= max) {
        return 0;
    }
    size_t n = nargs < min ? min : max;
    const char *how = min == max ? "exactly" : nargs < min ? "at least" : "at most";
    err_format(&ExcTypeError, "%s() takes %s %zu argument%s (%zu given)", fname, how, n,
               n == 1 ? "" : "s", nargs);
    return -1;
}

/* ================================================================ clocks */

/* Read clock `id`; under -X sched, time(), monotonic() and perf_counter()
 * read the virtual clock instead, so that printed times replay too. */
static int read_clock(clockid_t id, struct timespec *ts) {
    uint64_t monotonic, wall;
    if ((id == CLOCK_MONOTONIC || id == CLOCK_REALTIME) &&
        threads_virtual_clock(&monotonic, &wall)) {
        uint64_t ns = id == CLOCK_MONOTONIC ? monotonic : wall;
        ts->tv_sec = (time_t)(ns / 1000000000u);
        ts->tv_nsec = (long)(ns % 1000000000u);
        return 0;
    }
    return clock_gettime(id, ts);
}

/* Nanoseconds of clock `id` as a Python int, or NULL with OSError. */
static Object *clock_ns(clockid_t id) {
    struct timespec ts;
    if (read_clock(id, &ts) != 0) {
        return err_from_errno(NULL);
    }
    return int_from_i64((int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec);
}

/* Seconds of clock `id` as a Python float, or NULL with OSError. */
static Object *clock_seconds(clockid_t id) {
    struct timespec ts;
    if (read_clock(id, &ts) != 0) {
        return err_from_errno(NULL);
    }
    return float_new((double)ts.tv_sec + (double)ts.tv_nsec * 1e-9);
}

/* Define time.NAME() and time.NAME_ns() reading the POSIX clock CLOCK. */
#define TIME_CLOCK(name, clock)                                                                    \
    static Object *time_##name(Object *self, Object *const *args, size_t nargs, Object *kwnames) { \
        if (args_no_keywords("time." #name, kwnames) < 0 ||                                        \
            args_count("time." #name, nargs, 0, 0) < 0) {                                          \
            return NULL;                                                                           \
        }                                                                                          \
        return clock_seconds(clock);                                                               \
    }                                                                                              \
    static Object *time_##name##_ns(Object *self, Object *const *args, size_t nargs,               \
                                    Object *kwnames) {                                             \
        if (args_no_keywords("time." #name "_ns", kwnames) < 0 ||                                  \
            args_count("time." #name "_ns", nargs, 0, 0) < 0) {                                    \
            return NULL;                                                                           \
        }                                                                                          \
        return clock_ns(clock);                                                                    \
    }

/* As CPython on Linux: perf_counter and monotonic both read CLOCK_MONOTONIC. */
TIME_CLOCK(time, CLOCK_REALTIME)
TIME_CLOCK(perf_counter, CLOCK_MONOTONIC)
TIME_CLOCK(monotonic, CLOCK_MONOTONIC)
TIME_CLOCK(process_time, CLOCK_PROCESS_CPUTIME_ID)
TIME_CLOCK(thread_time, CLOCK_THREAD_CPUTIME_ID)

/* ================================================================ sleep */

/* Block the calling thread for `seconds` (>= 0), resuming after signals.
 * This is the ONLY blocking call of the module. The GIL is released around
 * nanosleep, so other threads run while this one sleeps (that is why
 * I/O-bound threads speed up); a Ctrl-C interrupts it with KeyboardInterrupt.
 * Returns 0, or -1 with OSError or KeyboardInterrupt. */
static int time_block_sleep(double seconds) {
    if (threads_scheduled()) {
        /* -X sched: the virtual clock moves on while other threads run. */
        return threads_sched_wait(NULL, seconds, BLOCK_SLEEP) < 0 ? -1 : 0;
    }
    /* A Ctrl-C that arrived just before: raise it now rather than after the
     * sleep (a loop of short sleeps would otherwise notice it only when the
     * eval breaker next runs). */
    if (threads_check_interrupt() < 0) {
        return -1;
    }
    struct timespec req, rem;
    req.tv_sec = (time_t)seconds;
    req.tv_nsec = (long)((seconds - (double)req.tv_sec) * 1e9);
    if (req.tv_nsec >= 1000000000L) {
        req.tv_sec++;
        req.tv_nsec -= 1000000000L;
    }
    for (;;) {
        ThreadState *ts = threads_blocking_begin(BLOCK_SLEEP);
        int rc = nanosleep(&req, &rem);
        int err = errno;
        threads_blocking_end(ts);
        if (rc == 0) {
            return 0;
        }
        if (err != EINTR) {
            errno = err;
            err_from_errno(NULL);
            return -1;
        }
        if (threads_check_interrupt() < 0) {
            return -1; /* Ctrl-C in the main thread */
        }
        req = rem;
    }
}

static Object *time_sleep(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_no_keywords("time.sleep", kwnames) < 0 || args_count("time.sleep", nargs, 1, 1) < 0) {
        return NULL;
    }
    Object *v = args[0];
    double secs;
    if (float_check(v)) {
        secs = float_value(v);
        if (isnan(secs)) {
            return err_format(&ExcValueError, "Invalid value NaN (not a number)");
        }
    } else {
        Object *i = obj_index(v);
        if (i == NULL) {
            return NULL;
        }
        secs = int_to_double(i);
        DECREF(i);
        if (secs == -1.0 && err_occurred() != NULL) {
            err_clear();
            return err_format(&ExcOverflowError, "timestamp too large to convert to C _PyTime_t");
        }
    }
    if (secs < 0) {
        return err_format(&ExcValueError, "sleep length must be non-negative");
    }
    if (secs > 9.2e9) {
        /* CPython words the overflow of a float and of an int differently. */
        return err_format(&ExcOverflowError, float_check(v)
                                                 ? "timestamp out of range for platform time_t"
                                                 : "timestamp too large to convert to C _PyTime_t");
    }
    if (time_block_sleep(secs) < 0) {
        return NULL;
    }
    return none_ref();
}

/* ================================================================ struct_time
 *
 * A tuple subclass of the 9 visible fields (tm_year ... tm_isdst), like
 * CPython's struct sequence; tm_zone and tm_gmtoff are kept in two hidden
 * slots after the visible items. */

#define ST_VISIBLE 9
#define ST_TOTAL   11

static const char *const struct_time_fields[ST_TOTAL] = {
    "tm_year", "tm_mon",  "tm_mday",  "tm_hour", "tm_min",   "tm_sec",
    "tm_wday", "tm_yday", "tm_isdst", "tm_zone", "tm_gmtoff"};

static Object *st_field(Object *self, size_t i) {
    Object *v = ((TupleObject *)self)->items[i];
    return NEWREF(v != NULL ? v : None);
}

#define ST_GETTER(n, i)                       \
    static Object *st_get_##n(Object *self) { \
        return st_field(self, i);             \
    }
ST_GETTER(year, 0)
ST_GETTER(mon, 1)
ST_GETTER(mday, 2)
ST_GETTER(hour, 3)
ST_GETTER(min, 4)
ST_GETTER(sec, 5)
ST_GETTER(wday, 6)
ST_GETTER(yday, 7)
ST_GETTER(isdst, 8)
ST_GETTER(zone, 9)
ST_GETTER(gmtoff, 10)

static const GetSetDef struct_time_getsets[] = {
    {"tm_year", st_get_year, NULL, "year, for example, 1993"},
    {"tm_mon", st_get_mon, NULL, "month of year, range [1, 12]"},
    {"tm_mday", st_get_mday, NULL, "day of month, range [1, 31]"},
    {"tm_hour", st_get_hour, NULL, "hours, range [0, 23]"},
    {"tm_min", st_get_min, NULL, "minutes, range [0, 59]"},
    {"tm_sec", st_get_sec, NULL, "seconds, range [0, 61])"},
    {"tm_wday", st_get_wday, NULL, "day of week, range [0, 6], Monday is 0"},
    {"tm_yday", st_get_yday, NULL, "day of year, range [1, 366]"},
    {"tm_isdst", st_get_isdst, NULL, "1 if summer time is in effect, 0 if not, and -1 if unknown"},
    {"tm_zone", st_get_zone, NULL, "abbreviation of timezone name"},
    {"tm_gmtoff", st_get_gmtoff, NULL, "offset from UTC in seconds"},
    {NULL, NULL, NULL, NULL},
};

static Object *struct_time_repr(Object *self) {
    StrBuilder sb;
    sb_init(&sb);
    sb_append_cstr(&sb, "time.struct_time(");
    for (size_t i = 0; i < ST_VISIBLE; i++) {
        if (i > 0) {
            sb_append_cstr(&sb, ", ");
        }
        sb_append_cstr(&sb, struct_time_fields[i]);
        sb_append_char(&sb, '=');
        if (sb_append_repr(&sb, tuple_get(self, i)) < 0) {
            sb_discard(&sb);
            return NULL;
        }
    }
    sb_append_char(&sb, ')');
    return sb_finish(&sb);
}

static void struct_time_dealloc(Object *self) {
    for (size_t i = 0; i < ST_TOTAL; i++) {
        XDECREF(((TupleObject *)self)->items[i]);
    }
    obj_free(self);
}

static Object *struct_time_new_instance(TypeObject *type, Object *const *args, size_t nargs,
                                        Object *kwnames);

static TypeObject StructTimeType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "time.struct_time",
    .basic_size = sizeof(TupleObject),
    .base_type = &TupleType,
    .dealloc = struct_time_dealloc,
    .repr = struct_time_repr,
    .new_instance = struct_time_new_instance,
    .getsets = struct_time_getsets,
    .doc = "The time value as returned by gmtime(), localtime(), and strptime().",
};

/* A struct_time from the 9 to 11 values in items (borrowed). */
static Object *struct_time_from_items(Object *const *items, size_t n) {
    TupleObject *t = (TupleObject *)obj_alloc(&StructTimeType,
                                              sizeof(TupleObject) + ST_TOTAL * sizeof(Object *));
    if (t == NULL) {
        return NULL;
    }
    t->size = ST_VISIBLE;
    for (size_t i = 0; i < ST_TOTAL; i++) {
        t->items[i] = NEWREF(i < n ? items[i] : None);
    }
    return (Object *)t;
}

/* time.struct_time(sequence) */
static Object *struct_time_new_instance(TypeObject *type, Object *const *args, size_t nargs,
                                        Object *kwnames) {
    if (args_no_keywords("struct_time", kwnames) < 0 ||
        args_count("struct_time", nargs, 1, 1) < 0) {
        return NULL;
    }
    Object *seq = tuple_from_iterable(args[0]);
    if (seq == NULL) {
        return NULL;
    }
    size_t n = tuple_size(seq);
    Object *r = NULL;
    if (n < ST_VISIBLE) {
        err_format(&ExcTypeError,
                   "time.struct_time() takes an at least 9-sequence (%zu-sequence given)", n);
    } else if (n > ST_TOTAL) {
        err_format(&ExcTypeError,
                   "time.struct_time() takes an at most 11-sequence (%zu-sequence given)", n);
    } else {
        r = struct_time_from_items(((TupleObject *)seq)->items, n);
    }
    DECREF(seq);
    return r;
}

/* A struct_time for a C struct tm. */
static Object *struct_time_from_tm(const struct tm *tm) {
    Object *items[ST_TOTAL];
    items[0] = small_int_make(tm->tm_year + 1900);
    items[1] = small_int_make(tm->tm_mon + 1);
    items[2] = small_int_make(tm->tm_mday);
    items[3] = small_int_make(tm->tm_hour);
    items[4] = small_int_make(tm->tm_min);
    items[5] = small_int_make(tm->tm_sec);
    items[6] = small_int_make((tm->tm_wday + 6) % 7);
    items[7] = small_int_make(tm->tm_yday + 1);
    items[8] = small_int_make(tm->tm_isdst);
    items[9] = str_from_cstr(tm->tm_zone != NULL ? tm->tm_zone : "");
    if (items[9] == NULL) {
        return NULL;
    }
    items[10] = small_int_make(tm->tm_gmtoff);
    Object *r = struct_time_from_items(items, ST_TOTAL);
    DECREF(items[9]);
    return r;
}

/* Read a 9-field time tuple (tuple or struct_time) into *tm, as CPython's
 * gettmarg. `fname` names the caller in "strftime(): illegal time tuple argument". */
static int tuple_to_tm(const char *fname, Object *t, struct tm *tm) {
    if (!tuple_check(t)) {
        err_format(&ExcTypeError, "Tuple or struct_time argument required");
        return -1;
    }
    if (tuple_size(t) != ST_VISIBLE) {
        err_format(&ExcTypeError, "%s(): illegal time tuple argument", fname);
        return -1;
    }
    int v[ST_VISIBLE];
    for (size_t i = 0; i < ST_VISIBLE; i++) {
        Object *item = tuple_get(t, i);
        if (float_check(item)) {
            err_format(&ExcTypeError, "'float' object cannot be interpreted as an integer");
            return -1;
        }
        Object *idx = obj_index(item);
        if (idx == NULL) {
            return -1;
        }
        int64_t x;
        int rc = int_to_i64(idx, &x);
        DECREF(idx);
        if (rc < 0 || x > INT32_MAX || x < INT32_MIN) {
            if (rc == 0) {
                err_format(&ExcOverflowError, "Python int too large to convert to C int");
            }
            return -1;
        }
        v[i] = (int)x;
    }
    memset(tm, 0, sizeof *tm);
    tm->tm_year = v[0] - 1900;
    tm->tm_mon = v[1] - 1;
    tm->tm_mday = v[2];
    tm->tm_hour = v[3];
    tm->tm_min = v[4];
    tm->tm_sec = v[5];
    tm->tm_wday = (v[6] + 1) % 7;
    tm->tm_yday = v[7] - 1;
    tm->tm_isdst = v[8];
    if (obj_type(t) == &StructTimeType) {
        Object *zone = ((TupleObject *)t)->items[9];
        Object *off = ((TupleObject *)t)->items[10];
        if (zone != NULL && str_check(zone)) {
            tm->tm_zone = str_utf8(zone);
        }
        if (off != NULL && is_small_int(off)) {
            tm->tm_gmtoff = small_int_value(off);
        }
    }
    return 0;
}

/* CPython's checktm after strftime's normalisation of zero fields. */
static int check_tm_for_strftime(struct tm *tm) {
    if (tm->tm_mon == -1) {
        tm->tm_mon = 0;
    } else if (tm->tm_mon < 0 || tm->tm_mon > 11) {
        err_set_string(&ExcValueError, "month out of range");
        return -1;
    }
    if (tm->tm_mday == 0) {
        tm->tm_mday = 1;
    } else if (tm->tm_mday < 0 || tm->tm_mday > 31) {
        err_set_string(&ExcValueError, "day of month out of range");
        return -1;
    }
    if (tm->tm_hour < 0 || tm->tm_hour > 23) {
        err_set_string(&ExcValueError, "hour out of range");
        return -1;
    }
    if (tm->tm_min < 0 || tm->tm_min > 59) {
        err_set_string(&ExcValueError, "minute out of range");
        return -1;
    }
    if (tm->tm_sec < 0 || tm->tm_sec > 61) {
        err_set_string(&ExcValueError, "seconds out of range");
        return -1;
    }
    if (tm->tm_wday < 0) {
        err_set_string(&ExcValueError, "day of week out of range");
        return -1;
    }
    if (tm->tm_yday == -1) {
        tm->tm_yday = 0;
    } else if (tm->tm_yday < 0 || tm->tm_yday > 365) {
        err_set_string(&ExcValueError, "day of year out of range");
        return -1;
    }
    if (tm->tm_isdst < -1) {
        tm->tm_isdst = -1;
    } else if (tm->tm_isdst > 1) {
        tm->tm_isdst = 1;
    }
    return 0;
}

/* The seconds argument of gmtime/localtime/ctime: None means now. Floats are
 * floored, as CPython does. Returns -1 with an exception. */
static int seconds_arg(Object *const *args, size_t nargs, time_t *out) {
    if (nargs == 0 || args[0] == None) {
        *out = time(NULL);
        return 0;
    }
    Object *v = args[0];
    if (float_check(v)) {
        double d = float_value(v);
        if (isnan(d)) {
            err_format(&ExcValueError, "Invalid value NaN (not a number)");
            return -1;
        }
        d = floor(d);
        if (d >= 9.2e18 || d <= -9.2e18) {
            err_format(&ExcOverflowError, "timestamp out of range for platform time_t");
            return -1;
        }
        *out = (time_t)d;
        return 0;
    }
    Object *i = obj_index(v);
    if (i == NULL) {
        return -1;
    }
    int64_t x;
    int rc = int_to_i64(i, &x);
    DECREF(i);
    if (rc < 0) {
        err_clear();
        err_format(&ExcOverflowError, "timestamp out of range for platform time_t");
        return -1;
    }
    *out = (time_t)x;
    return 0;
}

static Object *time_gmtime(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    time_t t;
    if (args_no_keywords("gmtime", kwnames) < 0 || parse_tuple_count("gmtime", nargs, 0, 1) < 0 ||
        seconds_arg(args, nargs, &t) < 0) {
        return NULL;
    }
    struct tm tm;
    if (gmtime_r(&t, &tm) == NULL) {
        return err_from_errno(NULL);
    }
    return struct_time_from_tm(&tm);
}

static Object *time_localtime(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    time_t t;
    if (args_no_keywords("localtime", kwnames) < 0 ||
        parse_tuple_count("localtime", nargs, 0, 1) < 0 || seconds_arg(args, nargs, &t) < 0) {
        return NULL;
    }
    struct tm tm;
    if (localtime_r(&t, &tm) == NULL) {
        return err_from_errno(NULL);
    }
    return struct_time_from_tm(&tm);
}

static Object *time_mktime(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_no_keywords("time.mktime", kwnames) < 0 ||
        args_count("time.mktime", nargs, 1, 1) < 0) {
        return NULL;
    }
    struct tm tm;
    if (tuple_to_tm("mktime", args[0], &tm) < 0) {
        return NULL;
    }
    tm.tm_wday = -1; /* sentinel: mktime leaves it alone on failure */
    time_t t = mktime(&tm);
    if (t == (time_t)-1 && tm.tm_wday == -1) {
        return err_format(&ExcOverflowError, "mktime argument out of range");
    }
    return float_new((double)t);
}

/* The "Sun Jun 20 23:21:05 1993" form of asctime and ctime. */
static Object *format_asctime(const struct tm *tm) {
    static const char wday_name[7][4] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char mon_name[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    int wday = tm->tm_wday >= 0 && tm->tm_wday < 7 ? tm->tm_wday : 0;
    int mon = tm->tm_mon >= 0 && tm->tm_mon < 12 ? tm->tm_mon : 0;
    return str_from_format("%s %s%3d %.2d:%.2d:%.2d %d", wday_name[wday], mon_name[mon],
                           tm->tm_mday, tm->tm_hour, tm->tm_min, tm->tm_sec, 1900 + tm->tm_year);
}

static Object *time_asctime(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_no_keywords("asctime", kwnames) < 0 || args_count("asctime", nargs, 0, 1) < 0) {
        return NULL;
    }
    struct tm tm;
    if (nargs == 0) {
        time_t t = time(NULL);
        localtime_r(&t, &tm);
    } else if (tuple_to_tm("asctime", args[0], &tm) < 0 || check_tm_for_strftime(&tm) < 0) {
        return NULL;
    }
    return format_asctime(&tm);
}

static Object *time_ctime(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    time_t t;
    if (args_no_keywords("ctime", kwnames) < 0 || parse_tuple_count("ctime", nargs, 0, 1) < 0 ||
        seconds_arg(args, nargs, &t) < 0) {
        return NULL;
    }
    struct tm tm;
    if (localtime_r(&t, &tm) == NULL) {
        return err_format(&ExcOverflowError, "unconvertible time");
    }
    return format_asctime(&tm);
}

/* strftime(format[, tuple]) */
static Object *time_strftime(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (args_no_keywords("strftime", kwnames) < 0 ||
        parse_tuple_count("strftime", nargs, 1, 2) < 0) {
        return NULL;
    }
    if (!str_check(args[0])) {
        return err_format(&ExcTypeError, "strftime() argument 1 must be str, not %T", args[0]);
    }
    struct tm tm;
    if (nargs == 1) {
        time_t t = time(NULL);
        localtime_r(&t, &tm);
    } else if (tuple_to_tm("strftime", args[1], &tm) < 0 || check_tm_for_strftime(&tm) < 0) {
        return NULL;
    }
    const char *fmt = str_utf8(args[0]);
    if (str_size(args[0]) != strlen(fmt)) {
        return err_format(&ExcValueError, "embedded null character");
    }
    if (fmt[0] == '\0') {
        return str_empty();
    }
    /* The output size is unknown: grow the buffer until it fits (a result of
     * 0 bytes is also what an overlong format gives). */
    size_t cap = 256 + 4 * str_size(args[0]);
    for (int attempt = 0; attempt < 8; attempt++, cap *= 4) {
        char *buf = mem_alloc(cap);
        if (buf == NULL) {
            return NULL;
        }
        size_t n = strftime(buf, cap, fmt, &tm);
        if (n > 0 || cap > 256 * str_size(args[0])) {
            Object *r = str_decode_utf8(buf, n);
            mem_free(buf);
            return r;
        }
        mem_free(buf);
    }
    return str_empty();
}

/* ================================================================ module */

static const MethodDef time_functions[] = {
    {"time", time_time, 0, "Return the current time in seconds since the Epoch."},
    {"time_ns", time_time_ns, 0, "Return the current time in nanoseconds since the Epoch."},
    {"perf_counter", time_perf_counter, 0, "Performance counter for benchmarking."},
    {"perf_counter_ns", time_perf_counter_ns, 0,
     "Performance counter for benchmarking as nanoseconds."},
    {"monotonic", time_monotonic, 0, "Monotonic clock, cannot go backward."},
    {"monotonic_ns", time_monotonic_ns, 0, "Monotonic clock, cannot go backward, as nanoseconds."},
    {"process_time", time_process_time, 0,
     "Process time for profiling: sum of the kernel and user-space CPU time."},
    {"process_time_ns", time_process_time_ns, 0, "Process time for profiling as nanoseconds."},
    {"thread_time", time_thread_time, 0,
     "Thread time for profiling: sum of the kernel and user-space CPU time."},
    {"thread_time_ns", time_thread_time_ns, 0, "Thread time for profiling as nanoseconds."},
    {"sleep", time_sleep, 0, "Delay execution for a given number of seconds."},
    {"gmtime", time_gmtime, 0, "Convert seconds since the Epoch to a time tuple expressing UTC."},
    {"localtime", time_localtime, 0,
     "Convert seconds since the Epoch to a time tuple expressing local time."},
    {"mktime", time_mktime, 0, "Convert a time tuple in local time to seconds since the Epoch."},
    {"asctime", time_asctime, 0,
     "Convert a time tuple to a string, e.g. 'Sat Jun 06 16:26:11 1998'."},
    {"ctime", time_ctime, 0,
     "Convert a time in seconds since the Epoch to a string in local time."},
    {"strftime", time_strftime, 0,
     "Convert a time tuple to a string according to a format specification."},
    {NULL, NULL, 0, NULL},
};

/* timezone, altzone, daylight and tzname, computed as CPython's
 * init_timezone does: from the offsets in January and July of this year. */
static int add_timezone(Object *m) {
    tzset();
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    time_t year_start = now - (time_t)tm.tm_yday * 86400 - tm.tm_hour * 3600;
    struct tm jan, jul;
    localtime_r(&year_start, &jan);
    time_t mid = year_start + (time_t)183 * 86400;
    localtime_r(&mid, &jul);
    long janoff = -jan.tm_gmtoff, juloff = -jul.tm_gmtoff;
    const char *janname = jan.tm_zone != NULL ? jan.tm_zone : "";
    const char *julname = jul.tm_zone != NULL ? jul.tm_zone : "";
    Object *names;
    long tz, alt;
    if (janoff < juloff) {
        /* Southern hemisphere: DST in January. */
        tz = juloff;
        alt = janoff;
        Object *a = str_from_cstr(julname), *b = str_from_cstr(janname);
        names = a != NULL && b != NULL ? tuple_pack(2, a, b) : NULL;
        XDECREF(a);
        XDECREF(b);
    } else {
        tz = janoff;
        alt = juloff;
        Object *a = str_from_cstr(janname), *b = str_from_cstr(julname);
        names = a != NULL && b != NULL ? tuple_pack(2, a, b) : NULL;
        XDECREF(a);
        XDECREF(b);
    }
    if (names == NULL) {
        return -1;
    }
    int rc = module_add_object(m, "tzname", names);
    DECREF(names);
    if (rc < 0 || module_add_int(m, "timezone", tz) < 0 || module_add_int(m, "altzone", alt) < 0 ||
        module_add_int(m, "daylight", janoff != juloff) < 0) {
        return -1;
    }
    return 0;
}

Object *mod_time_init(void) {
    if (type_ready(&StructTimeType) < 0) {
        return NULL;
    }
    Object *m = module_new("time");
    if (m == NULL) {
        return NULL;
    }
    if (module_add_functions(m, time_functions) < 0 ||
        module_add_object(m, "struct_time", (Object *)&StructTimeType) < 0 || add_timezone(m) < 0 ||
        module_add_int(m, "CLOCK_REALTIME", CLOCK_REALTIME) < 0 ||
        module_add_int(m, "CLOCK_MONOTONIC", CLOCK_MONOTONIC) < 0) {
        DECREF(m);
        return NULL;
    }
    return m;
}
