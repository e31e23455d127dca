/* cmdline.h: interpreter options given on the command line with -X NAME[=VALUE]
 * (check interval, GIL statistics and tracing...). main() parses them into an
 * InterpreterOptions and publishes them as sys._xoptions for the VM and scripts. */
#ifndef GILPY_CMDLINE_H
#define GILPY_CMDLINE_H

#include <stdbool.h>

#include "object.h"

typedef struct InterpreterOptions {
    long check_interval;           /* -X checkinterval=N (instructions per GIL turn); 0: default */
    bool gil_stats;                /* -X gilstats: print GIL statistics at exit */
    const char *gil_trace_file;    /* -X giltrace=FILE: log every GIL switch; NULL: off */
    const char *gil_timeline_file; /* -X giltimeline=FILE: who held the GIL when; NULL: off */
    const char *gil_name;          /* -X gil=NAME: which GIL implementation; NULL: default */
    bool sched;                    /* -X sched=SEED: a replayable schedule */
    unsigned long sched_seed;
    long explore;                  /* -X explore=K: run under seeds 1..K; 0: off */
} InterpreterOptions;

/* The one-line list of known -X options, for messages and --help. */
extern const char cmdline_known_x_options[];

/* Parse one -X argument ("checkinterval=100", "gilstats") into opts. Returns
 * 0, or -1 after writing a one-line reason (no trailing newline) into
 * err[0..errsize). Never raises: it runs before the interpreter exists. */
int cmdline_parse_x_option(InterpreterOptions *opts, const char *arg, char *err, size_t errsize);

/* sys._xoptions as CPython builds it: {name: value-str or True} for each -X
 * argument in argv order. New reference, NULL with an exception. */
MAY_RAISE Object *cmdline_xoptions_dict(char *const *xargs, int nxargs);

#endif /* GILPY_CMDLINE_H */
