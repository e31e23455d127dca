/* gilreport.h: the GIL's reports in Python terms: threads named as `threading`
 * names them, the -X gilstats table, and the -X giltrace / giltimeline files
 * written at exit; also what the gil module reads. */
#ifndef GILPY_GILREPORT_H
#define GILPY_GILREPORT_H

#include "gil.h"
#include "object.h"
#include "state.h"

/* Called by an ending thread (holding the GIL) with the function it ran:
 * remembers the thread's name (threading.Thread.name via func.__self__)
 * before threading forgets it. Never raises. */
void gilreport_remember_name(ThreadState *ts, Object *func);

/* Every track of the interpreter's GIL, oldest first; free() the array.
 * NULL (and *n = 0) if out of memory. */
GilTrack **gilreport_tracks(Gil *gil, size_t *n);

/* A track's name as threading gives it now (or as it was when its thread
 * ended): threading._active[ident].name, else "MainThread" or
 * "Thread-<ident>". Call holding the GIL. New reference, NULL on error. */
MAY_RAISE Object *gilreport_track_name(Interpreter *interp, GilTrack *track);

/* At exit, holding the GIL: print the statistics table to stderr if
 * `print_stats`, and write the trace and timeline files asked for with -X.
 * Never raises (problems are reported on stderr). */
void gilreport_at_exit(Interpreter *interp, bool print_stats);
/* A child of multiprocessing's fork start method leaves with os._exit, which
 * skips vm_destroy: for its trace to be written, posix._exit should call
 * gilreport_at_exit(interp, false) (holding the GIL) just before _exit(2). */

#endif /* GILPY_GILREPORT_H */
