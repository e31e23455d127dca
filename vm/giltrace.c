/* giltrace.c: the GIL's event log and its two pictures: a Chrome Trace Event
 * file (-X giltrace=FILE.json, opens in Perfetto and chrome://tracing) and an
 * SVG timeline drawn here, without any outside tool (-X giltimeline=FILE.svg).
 *
 * THE LOG. Each thread appends events to its own GilTrack, in chunks of
 * GILTRACE_CHUNK events that are never moved or freed while the interpreter
 * lives. Only the thread writes its chunks; the exit report reads them while
 * daemon threads may still be writing, so a chunk's count and its link to
 * the next chunk are published with release stores and read with acquire
 * loads: the reader sees whole events, never half-written ones.
 *
 * FROM EVENTS TO SLICES. A thread is, at any instant, in one state: holding
 * the GIL, waiting for it, blocked in a call (of some kind), or none of these
 * (not started, ended, or between a release and the next event). Both
 * writers walk the events in order and turn each begin/end pair into a slice;
 * a slice still open at exit ends at the exit time. */
#include "giltrace.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

enum { GILTRACE_CHUNK = 4096 };

typedef struct GilEventChunk {
    struct GilEventChunk *_Atomic next; /* the next (newer) chunk, or NULL */
    _Atomic uint32_t count;             /* events written in this chunk */
    GilEvent events[GILTRACE_CHUNK];
} GilEventChunk;

void giltrace_record(GilTrack *track, uint64_t t_ns, GilEventType type, int cause, int kind) {
    GilEventChunk *c = track->last_chunk;
    uint32_t n = c != NULL ? atomic_load_explicit(&c->count, memory_order_relaxed) : 0;
    if (c == NULL || n == GILTRACE_CHUNK) {
        GilEventChunk *fresh = calloc(1, sizeof(GilEventChunk));
        if (fresh == NULL) {
            return; /* out of memory: the event is lost, the program goes on */
        }
        if (c == NULL) {
            atomic_store_explicit(&track->first_chunk, fresh, memory_order_release);
        } else {
            atomic_store_explicit(&c->next, fresh, memory_order_release);
        }
        track->last_chunk = c = fresh;
        n = 0;
    }
    c->events[n] = (GilEvent){.t_ns = t_ns, .type = (uint8_t)type, .cause = (uint8_t)cause,
                              .kind = (uint8_t)kind};
    atomic_store_explicit(&c->count, n + 1, memory_order_release);
}

void giltrace_free_tracks(GilTrack *list) {
    while (list != NULL) {
        GilTrack *next = list->next;
        GilEventChunk *c = atomic_load_explicit(&list->first_chunk, memory_order_relaxed);
        while (c != NULL) {
            GilEventChunk *cn = atomic_load_explicit(&c->next, memory_order_relaxed);
            free(c);
            c = cn;
        }
        free(list);
        list = next;
    }
}

const char *giltrace_cause_name(SwitchCause cause) {
    static const char *const names[SWITCH_CAUSE_COUNT] = {"budget", "request", "blocking", "exit"};
    return (unsigned)cause < SWITCH_CAUSE_COUNT ? names[cause] : "?";
}

const char *giltrace_kind_name(BlockKind kind) {
    static const char *const names[BLOCK_KIND_COUNT] = {"sleep", "lock", "io", "join", "other"};
    return (unsigned)kind < BLOCK_KIND_COUNT ? names[kind] : "?";
}

const char *giltrace_policy_name(GilPolicy policy) {
    return policy == GIL_FAIR ? "fair" : policy == GIL_PY2 ? "py2" : "py3";
}

/* ---------------------------------------------------------------- reading */

/* A thread's states, as both pictures show them. */
typedef enum LaneState {
    LS_NONE,
    LS_HOLD,
    LS_WAIT,
    LS_BLOCK, /* + BlockKind */
    LS_COUNT = LS_BLOCK + BLOCK_KIND_COUNT
} LaneState;

/* Calls back for every slice of a track: state, [begin, end), and for a hold
 * the cause that ended it (SWITCH_CAUSE_COUNT: still held at exit) and the
 * blocking kind. `mark` is called at each hand-off (end of a hold). */
typedef struct SliceSink {
    void (*slice)(void *ctx, LaneState state, uint64_t begin, uint64_t end, int cause, int kind);
    void *ctx;
} SliceSink;

static void walk_track(GilTrack *track, uint64_t end_ns, const SliceSink *sink) {
    LaneState state = LS_NONE;
    uint64_t since = 0;
    GilEventChunk *c = atomic_load_explicit(&track->first_chunk, memory_order_acquire);
    for (; c != NULL; c = atomic_load_explicit(&c->next, memory_order_acquire)) {
        uint32_t n = atomic_load_explicit(&c->count, memory_order_acquire);
        for (uint32_t i = 0; i < n; i++) {
            const GilEvent *e = &c->events[i];
            if (e->t_ns > end_ns) {
                goto done;
            }
            LaneState next = state;
            switch ((GilEventType)e->type) {
            case GEV_HOLD_BEGIN:
                next = LS_HOLD;
                break;
            case GEV_WAIT_BEGIN:
                next = LS_WAIT;
                break;
            case GEV_BLOCK_BEGIN:
                next = (LaneState)(LS_BLOCK + (e->kind < BLOCK_KIND_COUNT ? e->kind : BLOCK_OTHER));
                break;
            case GEV_HOLD_END:
            case GEV_WAIT_END:
            case GEV_BLOCK_END:
            case GEV_THREAD_END:
                next = LS_NONE;
                break;
            }
            if (next == state && e->type != GEV_HOLD_END) {
                continue;
            }
            if (state != LS_NONE) {
                int cause = e->type == GEV_HOLD_END ? e->cause : SWITCH_CAUSE_COUNT;
                sink->slice(sink->ctx, state, since, e->t_ns, cause, e->kind);
            }
            state = next;
            since = e->t_ns;
        }
    }
done:
    if (state != LS_NONE && end_ns > since) {
        sink->slice(sink->ctx, state, since, end_ns, SWITCH_CAUSE_COUNT, BLOCK_OTHER);
    }
}

/* The tracks, oldest first (the list is newest first). Caller frees. */
static GilTrack **tracks_in_order(Gil *gil, size_t *count) {
    pthread_mutex_lock(&gil->mutex);
    size_t n = 0;
    for (GilTrack *t = gil->tracks; t != NULL; t = t->next) {
        n++;
    }
    GilTrack **v = calloc(n + 1, sizeof(GilTrack *));
    if (v != NULL) {
        size_t i = n;
        for (GilTrack *t = gil->tracks; t != NULL; t = t->next) {
            v[--i] = t;
        }
    }
    pthread_mutex_unlock(&gil->mutex);
    *count = v != NULL ? n : 0;
    return v;
}

static const char *state_label(LaneState s) {
    static const char *const labels[LS_COUNT] = {
        "none", "holds the GIL", "waits for the GIL", "blocked: sleep", "blocked: lock",
        "blocked: I/O", "blocked: join", "blocked: other",
    };
    return labels[s];
}

/* ---------------------------------------------------------------- Chrome trace */

/* Write s as the inside of a JSON (or XML: `xml`) string. */
static void put_escaped(FILE *f, const char *s, bool xml) {
    for (; *s != '\0'; s++) {
        unsigned char c = (unsigned char)*s;
        if (xml && (c == '<' || c == '>' || c == '&' || c == '"')) {
            fputs(c == '<' ? "&lt;" : c == '>' ? "&gt;" : c == '&' ? "&amp;" : "&quot;", f);
        } else if (!xml && (c == '"' || c == '\\')) {
            fprintf(f, "\\%c", c);
        } else if (c < 0x20) {
            if (!xml) {
                fprintf(f, "\\u%04x", c);
            }
        } else {
            fputc(c, f);
        }
    }
}

/* Microseconds, exactly (the trace format's unit). */
static void put_us(FILE *f, uint64_t ns) {
    fprintf(f, "%llu.%03llu", (unsigned long long)(ns / 1000), (unsigned long long)(ns % 1000));
}

typedef struct JsonCtx {
    FILE *f;
    long pid;
    uint64_t tid;
} JsonCtx;

static void json_slice(void *ctx, LaneState state, uint64_t begin, uint64_t end, int cause,
                       int kind) {
    JsonCtx *j = ctx;
    const char *cat = state == LS_HOLD ? "gil" : state == LS_WAIT ? "gil" : "blocking";
    fprintf(j->f, ",\n{\"ph\":\"X\",\"cat\":\"%s\",\"name\":\"%s\",\"pid\":%ld,\"tid\":%llu,\"ts\":",
            cat, state_label(state), j->pid, (unsigned long long)j->tid);
    put_us(j->f, begin);
    fputs(",\"dur\":", j->f);
    put_us(j->f, end - begin);
    if (state == LS_HOLD) {
        /* Why it let go: a switch cause, or "running" (still held at exit). */
        fprintf(j->f, ",\"args\":{\"cause\":\"%s\"",
                cause < SWITCH_CAUSE_COUNT ? giltrace_cause_name((SwitchCause)cause) : "running");
        if (cause == SWITCH_BLOCKING) {
            fprintf(j->f, ",\"kind\":\"%s\"", giltrace_kind_name((BlockKind)kind));
        }
        fputs("}}", j->f);
    } else if (state >= LS_BLOCK) {
        fprintf(j->f, ",\"args\":{\"kind\":\"%s\"}}", giltrace_kind_name((BlockKind)(state - LS_BLOCK)));
    } else {
        fputs("}", j->f);
    }
}

int giltrace_write_json(Gil *gil, const GilTraceInfo *info, FILE *f) {
    size_t n;
    GilTrack **tracks = tracks_in_order(gil, &n);
    fprintf(f, "{\"displayTimeUnit\":\"ms\",\"otherData\":{\"generator\":\"gilpy\",\"policy\":\"%s\","
               "\"checkinterval\":%d,\"script\":\"",
            giltrace_policy_name(gil->policy), (int)gil->checkinterval);
    put_escaped(f, info->script, false);
    fprintf(f, "\",\"pid\":%ld,\"start_us\":", info->pid);
    put_us(f, info->start_ns);
    fputs(",\"end_us\":", f);
    put_us(f, info->end_ns);
    fprintf(f, "},\n\"traceEvents\":[\n{\"ph\":\"M\",\"name\":\"process_name\",\"pid\":%ld,"
               "\"args\":{\"name\":\"gilpy ",
            info->pid);
    put_escaped(f, info->script, false);
    fprintf(f, " (pid %ld, GIL policy %s)\"}}", info->pid, giltrace_policy_name(gil->policy));
    for (size_t i = 0; i < n; i++) {
        GilTrack *t = tracks[i];
        fprintf(f, ",\n{\"ph\":\"M\",\"name\":\"thread_name\",\"pid\":%ld,\"tid\":%llu,"
                   "\"args\":{\"name\":\"",
                info->pid, (unsigned long long)t->native_id);
        put_escaped(f, t->name, false);
        fprintf(f, "\"}},\n{\"ph\":\"M\",\"name\":\"thread_sort_index\",\"pid\":%ld,\"tid\":%llu,"
                   "\"args\":{\"sort_index\":%zu}}",
                info->pid, (unsigned long long)t->native_id, i);
        JsonCtx ctx = {f, info->pid, t->native_id};
        SliceSink sink = {json_slice, &ctx};
        walk_track(t, info->end_ns, &sink);
        if (t->ended_ns != 0 && t->ended_ns <= info->end_ns) {
            fprintf(f, ",\n{\"ph\":\"i\",\"s\":\"t\",\"name\":\"thread exit\",\"pid\":%ld,\"tid\":%llu,"
                       "\"ts\":",
                    info->pid, (unsigned long long)t->native_id);
            put_us(f, t->ended_ns);
            fputs("}", f);
        }
    }
    fputs("\n]}\n", f);
    free(tracks);
    return ferror(f) ? -1 : 0;
}

/* ---------------------------------------------------------------- SVG timeline */

enum {
    SVG_WIDTH = 1400,
    SVG_LEFT = 190,   /* room for the lane labels */
    SVG_RIGHT = 30,
    SVG_TOP = 70,     /* title and subtitle */
    SVG_LANE = 34,    /* lane pitch */
    SVG_BAR = 22,     /* bar height inside a lane */
    SVG_PLOT = SVG_WIDTH - SVG_LEFT - SVG_RIGHT,
};

static const char *const state_colour[LS_COUNT] = {
    "#ffffff", /* none */
    "#2ca02c", /* holds the GIL: green */
    "#d62728", /* waits for it: red */
    "#9ecae1", /* sleep: light blue */
    "#9467bd", /* lock: purple */
    "#1f77b4", /* I/O: blue */
    "#8c8c8c", /* join: grey */
    "#bcbd22", /* other: olive */
};

static const char *const cause_colour[SWITCH_CAUSE_COUNT] = {
    "#ff7f0e", /* budget */
    "#e377c2", /* request */
    "#17becf", /* blocking */
    "#000000", /* exit */
};

/* Per lane: time in each state for every pixel column, and the cause of the
 * last hand-off seen in each column (-1: none). */
typedef struct SvgLane {
    uint64_t start_ns;
    double ns_per_px;
    double (*busy)[LS_COUNT]; /* [SVG_PLOT][LS_COUNT] nanoseconds */
    signed char *mark;        /* [SVG_PLOT] */
    uint64_t held_ns;
} SvgLane;

static void svg_slice(void *ctx, LaneState state, uint64_t begin, uint64_t end, int cause,
                      int kind) {
    (void)kind;
    SvgLane *lane = ctx;
    double a = (double)(begin - lane->start_ns) / lane->ns_per_px;
    double b = (double)(end - lane->start_ns) / lane->ns_per_px;
    if (state == LS_HOLD) {
        lane->held_ns += end - begin;
    }
    for (long col = (long)a; col < SVG_PLOT && (double)col < b; col++) {
        if (col < 0) {
            continue;
        }
        double lo = a > (double)col ? a : (double)col;
        double hi = b < (double)(col + 1) ? b : (double)(col + 1);
        if (hi > lo) {
            lane->busy[col][state] += (hi - lo) * lane->ns_per_px;
        }
    }
    if (state == LS_HOLD && cause < SWITCH_CAUSE_COUNT) {
        long col = (long)b;
        if (col >= 0 && col < SVG_PLOT) {
            lane->mark[col] = (signed char)cause;
        }
    }
}

/* A "nice" tick step (1, 2 or 5 times a power of ten) giving about 10 ticks. */
static double nice_step(double span) {
    double raw = span / 10.0, p = 1.0;
    while (p * 10.0 <= raw) {
        p *= 10.0;
    }
    while (p > raw) {
        p /= 10.0;
    }
    double m = raw / p;
    return p * (m < 1.5 ? 1.0 : m < 3.5 ? 2.0 : m < 7.5 ? 5.0 : 10.0);
}

static void svg_legend_item(FILE *f, int x, int y, const char *colour, const char *label,
                            bool mark) {
    if (mark) {
        fprintf(f, "<rect x=\"%d\" y=\"%d\" width=\"3\" height=\"14\" fill=\"%s\"/>", x + 5, y - 11,
                colour);
    } else {
        fprintf(f, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"14\" fill=\"%s\" stroke=\"#444\" "
                   "stroke-width=\"0.5\"/>",
                x, y - 11, colour);
    }
    fprintf(f, "<text x=\"%d\" y=\"%d\">%s</text>\n", x + 19, y, label);
}

int giltrace_write_svg(Gil *gil, const GilTraceInfo *info, FILE *f) {
    size_t n;
    GilTrack **tracks = tracks_in_order(gil, &n);
    uint64_t span = info->end_ns > info->start_ns ? info->end_ns - info->start_ns : 1;
    double ns_per_px = (double)span / SVG_PLOT;
    int axis_y = SVG_TOP + (int)n * SVG_LANE + 8;
    int height = axis_y + 130;
    fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
               "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
               "viewBox=\"0 0 %d %d\" font-family=\"DejaVu Sans, Arial, sans-serif\" "
               "font-size=\"12\">\n"
               "<rect width=\"100%%\" height=\"100%%\" fill=\"#ffffff\"/>\n",
            SVG_WIDTH, height, SVG_WIDTH, height);
    fputs("<text x=\"20\" y=\"28\" font-size=\"18\" font-weight=\"bold\">GIL timeline: ", f);
    put_escaped(f, info->script, true);
    fprintf(f, " (policy %s)</text>\n", giltrace_policy_name(gil->policy));
    fprintf(f, "<text x=\"20\" y=\"48\" fill=\"#555\">gilpy, pid %ld, check interval %d, "
               "switch interval %.1f ms, %zu thread%s, %.3f s; each pixel column shows the "
               "state that filled most of its %.3g ms</text>\n",
            info->pid, (int)gil->checkinterval, (double)gil->switch_interval_ns / 1e6, n,
            n == 1 ? "" : "s", (double)span / 1e9, ns_per_px / 1e6);

    double (*busy)[LS_COUNT] = calloc(SVG_PLOT, sizeof *busy);
    signed char *mark = calloc(SVG_PLOT, 1);
    if (busy == NULL || mark == NULL || tracks == NULL) {
        free(busy);
        free(mark);
        free(tracks);
        fputs("</svg>\n", f);
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        GilTrack *t = tracks[i];
        int y = SVG_TOP + (int)i * SVG_LANE;
        memset(busy, 0, SVG_PLOT * sizeof *busy);
        memset(mark, -1, SVG_PLOT);
        SvgLane lane = {info->start_ns, ns_per_px, busy, mark, 0};
        SliceSink sink = {svg_slice, &lane};
        walk_track(t, info->end_ns, &sink);
        /* Lane background and label. */
        fprintf(f, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>\n", SVG_LEFT,
                y, SVG_PLOT, SVG_LANE - 2, i % 2 == 0 ? "#f4f4f4" : "#fafafa");
        fprintf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" font-weight=\"bold\">", SVG_LEFT - 8,
                y + 14);
        put_escaped(f, t->name, true);
        fprintf(f, "</text><text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"#555\" "
                   "font-size=\"10\">tid %llu, held %.1f%%</text>\n",
                SVG_LEFT - 8, y + 27, (unsigned long long)t->native_id,
                100.0 * (double)lane.held_ns / (double)span);
        /* One rect per run of columns with the same dominant state. */
        int run_state = LS_NONE, run_start = 0;
        for (int col = 0; col <= SVG_PLOT; col++) {
            int best = LS_NONE;
            if (col < SVG_PLOT) {
                double best_ns = ns_per_px * 0.25; /* mostly idle columns stay empty */
                for (int s = LS_HOLD; s < LS_COUNT; s++) {
                    if (busy[col][s] > best_ns) {
                        best_ns = busy[col][s];
                        best = s;
                    }
                }
            }
            if (col == SVG_PLOT || best != run_state) {
                if (run_state != LS_NONE) {
                    fprintf(f, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>\n",
                            SVG_LEFT + run_start, y + 8, col - run_start, SVG_BAR,
                            state_colour[run_state]);
                }
                run_state = best;
                run_start = col;
            }
        }
        /* Where holding the GIL filled some of a column but not most of it (many
         * threads taking turns faster than a pixel), a green strip at the
         * bottom of the bar shows how much: its height is the share held. */
        int run_h = 0;
        run_start = 0;
        for (int col = 0; col <= SVG_PLOT; col++) {
            int h = 0;
            if (col < SVG_PLOT) {
                double held = busy[col][LS_HOLD] / ns_per_px;
                bool dominant = true;
                for (int s = LS_WAIT; s < LS_COUNT; s++) {
                    dominant = dominant && busy[col][s] <= busy[col][LS_HOLD];
                }
                h = dominant ? 0 : (int)(held * SVG_BAR + 0.5);
            }
            if (col == SVG_PLOT || h != run_h) {
                if (run_h > 0) {
                    fprintf(f, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>\n",
                            SVG_LEFT + run_start, y + 8 + SVG_BAR - run_h, col - run_start, run_h,
                            state_colour[LS_HOLD]);
                }
                run_h = h;
                run_start = col;
            }
        }
        /* Switch marks: a tick above the bar where the thread let go. */
        for (int col = 0; col < SVG_PLOT; col++) {
            if (mark[col] >= 0) {
                fprintf(f, "<rect x=\"%d\" y=\"%d\" width=\"1\" height=\"7\" fill=\"%s\"/>\n",
                        SVG_LEFT + col, y + 1, cause_colour[(int)mark[col]]);
            }
        }
    }
    free(busy);
    free(mark);
    free(tracks);

    /* The time axis. */
    bool seconds = span >= 2000000000u;
    double unit = seconds ? 1e9 : 1e6;
    double step = nice_step((double)span / unit);
    fprintf(f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000\"/>\n", SVG_LEFT, axis_y,
            SVG_LEFT + SVG_PLOT, axis_y);
    for (int k = 0;; k++) {
        double v = step * k;
        double x = SVG_LEFT + v * unit / ns_per_px;
        if (x > SVG_LEFT + SVG_PLOT + 0.5) {
            break;
        }
        fprintf(f, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#000\"/>"
                   "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ccc\" "
                   "stroke-dasharray=\"2,3\"/>"
                   "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%g %s</text>\n",
                x, axis_y, x, axis_y + 5, x, SVG_TOP, x, axis_y, x, axis_y + 18, v,
                seconds ? "s" : "ms");
    }
    fprintf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#555\">time since the "
               "interpreter started (%s)</text>\n",
            SVG_LEFT + SVG_PLOT / 2, axis_y + 36, seconds ? "seconds" : "milliseconds");

    /* The legend. */
    int ly = axis_y + 62, lx = 20;
    static const int order[] = {LS_HOLD, LS_WAIT, LS_BLOCK + BLOCK_SLEEP, LS_BLOCK + BLOCK_LOCK,
                                LS_BLOCK + BLOCK_IO, LS_BLOCK + BLOCK_JOIN, LS_BLOCK + BLOCK_OTHER};
    static const char *const legend[] = {"running (holds the GIL)", "waiting for the GIL",
                                         "blocked: sleep", "blocked: lock", "blocked: I/O",
                                         "blocked: join", "blocked: other"};
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
        svg_legend_item(f, lx, ly, state_colour[order[i]], legend[i], false);
        lx += 185;
    }
    static const char *const mark_legend[SWITCH_CAUSE_COUNT] = {
        "switch: budget spent", "switch: drop requested", "switch: blocking call", "thread exit"};
    lx = 20;
    for (int c = 0; c < SWITCH_CAUSE_COUNT; c++) {
        svg_legend_item(f, lx, ly + 24, cause_colour[c], mark_legend[c], true);
        lx += 185;
    }
    fprintf(f, "<text x=\"%d\" y=\"%d\" fill=\"#555\">A green strip at the bottom of a bar "
               "shows the share of that pixel's time the thread held the GIL when it held it "
               "less than most of the time; marks above a bar show where it let the GIL go.</text>\n",
            20, ly + 48);
    fputs("</svg>\n", f);
    return ferror(f) ? -1 : 0;
}
