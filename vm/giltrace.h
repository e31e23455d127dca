/* giltrace.h: the GIL's event log (-X giltrace, -X giltimeline): each thread
 * records when it began and stopped holding the GIL, waiting for it, and
 * blocking in a call; at exit the log becomes a Chrome trace or an SVG. */
#ifndef GILPY_GILTRACE_H
#define GILPY_GILTRACE_H

#include <stdio.h>

#include "gil.h"

typedef enum GilEventType {
    GEV_HOLD_BEGIN,  /* obtained the GIL */
    GEV_HOLD_END,    /* gave it away (cause, and kind for SWITCH_BLOCKING) */
    GEV_WAIT_BEGIN,  /* started waiting for it (queued) */
    GEV_WAIT_END,    /* stopped waiting (always followed by GEV_HOLD_BEGIN) */
    GEV_BLOCK_BEGIN, /* entered a blocking call (kind) */
    GEV_BLOCK_END,   /* came back from it */
    GEV_THREAD_END,  /* the thread finished */
} GilEventType;

/* One event: 16 bytes. */
typedef struct GilEvent {
    uint64_t t_ns; /* gil_now_ns() */
    uint8_t type;  /* GilEventType */
    uint8_t cause; /* SwitchCause (GEV_HOLD_END) */
    uint8_t kind;  /* BlockKind (GEV_HOLD_END after a blocking call, GEV_BLOCK_BEGIN) */
} GilEvent;

/* Append an event to the calling thread's own log. Never fails: with no
 * memory left the event is dropped. */
void giltrace_record(GilTrack *track, uint64_t t_ns, GilEventType type, int cause, int kind);

/* The hook the GIL calls at every change: one predictable branch when
 * tracing is off. */
static inline void giltrace_event(GilThread *me, uint64_t t_ns, GilEventType type, int cause,
                                  int kind) {
#ifndef GILPY_NO_GILTRACE /* -Dc_args=-DGILPY_NO_GILTRACE: no hooks at all (for A/B timing) */
    if (__builtin_expect(me->tracing, 0)) {
        giltrace_record(me->track, t_ns, type, cause, kind);
    }
#else
    (void)me, (void)t_ns, (void)type, (void)cause, (void)kind;
#endif
}

/* Free a list of tracks and their events (after a fork, the child drops the
 * parent's: no thread of the list may run any more). */
void giltrace_free_tracks(GilTrack *list);

/* Names used in reports and traces. */
const char *giltrace_cause_name(SwitchCause cause);
const char *giltrace_kind_name(BlockKind kind);
const char *giltrace_policy_name(GilPolicy policy);

/* What the writers need besides the tracks (whose names must be filled). */
typedef struct GilTraceInfo {
    const char *script;  /* sys.argv[0] */
    uint64_t start_ns;   /* Gil.started_ns */
    uint64_t end_ns;     /* now, at exit: open slices end here */
    long pid;
} GilTraceInfo;

/* Write every track of `gil` as a Chrome Trace Event JSON object to `f`.
 * Returns 0, or -1 if writing failed (errno set). */
int giltrace_write_json(Gil *gil, const GilTraceInfo *info, FILE *f);

/* Draw every track of `gil` as a self-contained SVG timeline into `f`. */
int giltrace_write_svg(Gil *gil, const GilTraceInfo *info, FILE *f);

#endif /* GILPY_GILTRACE_H */
