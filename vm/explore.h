/* explore.h: -X explore=K, running a script under K replayable schedules. */
#ifndef GILPY_EXPLORE_H
#define GILPY_EXPLORE_H

/* Run gilpy's own command line `argv` `runs` times, with argv[explore_index]
 * (the "-X explore=K" value, joined as "-Xexplore=K" or not) replaced by
 * "sched=SEED" for SEED = 1..runs, and print each different outcome (stdout,
 * stderr, exit status) once with its seeds. `script` names the program in
 * the report. Returns the exit status for gilpy (0, or 1 if it could not). */
int explore_run(int runs, int argc, char **argv, int explore_index, const char *script);

#endif /* GILPY_EXPLORE_H */
