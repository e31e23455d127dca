/* explore.c: `gilpy -X explore=K script.py` runs the script K times, under
 * `-X sched=1` ... `-X sched=K` (vm/sched.c), and prints each different
 * outcome once with the seeds that gave it: the race demo shows the totals a
 * race can produce, and `-X sched=SEED` replays any one of them. */
#include "explore.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* What one run printed. */
typedef struct Outcome {
    char *out, *err; /* everything written to stdout and stderr (NUL-terminated) */
    size_t out_size, err_size;
    int status;      /* the exit status (128+N after signal N) */
    int *seeds;      /* the seeds that gave it */
    int nseeds;
} Outcome;

/* Append what is readable on fd to *buf; false at end of file. */
static bool drain(int fd, char **buf, size_t *size) {
    char chunk[65536];
    ssize_t n = read(fd, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) {
        return true;
    }
    if (n <= 0) {
        return false;
    }
    char *grown = realloc(*buf, *size + (size_t)n + 1);
    if (grown == NULL) {
        return false;
    }
    memcpy(grown + *size, chunk, (size_t)n);
    *size += (size_t)n;
    grown[*size] = '\0';
    *buf = grown;
    return true;
}

/* Run argv, collecting its output into o. */
static int run_one(char **argv, Outcome *o) {
    int out[2], err[2];
    if (pipe(out) < 0 || pipe(err) < 0) {
        return -1;
    }
    pid_t pid = fork();
    if (pid < 0) {
        return -1;
    }
    if (pid == 0) {
        int null = open("/dev/null", O_RDONLY);
        if (null >= 0) {
            dup2(null, 0);
        }
        dup2(out[1], 1);
        dup2(err[1], 2);
        close(out[0]);
        close(err[0]);
        execv("/proc/self/exe", argv);
        _exit(127);
    }
    close(out[1]);
    close(err[1]);
    o->out = calloc(1, 1);
    o->err = calloc(1, 1);
    o->out_size = o->err_size = 0;
    struct pollfd fds[2] = {{out[0], POLLIN, 0}, {err[0], POLLIN, 0}};
    int open_fds = 2;
    while (open_fds > 0) {
        if (poll(fds, 2, -1) < 0 && errno != EINTR) {
            break;
        }
        for (int i = 0; i < 2; i++) {
            if (fds[i].fd >= 0 && fds[i].revents != 0) {
                bool more = i == 0 ? drain(fds[i].fd, &o->out, &o->out_size)
                                   : drain(fds[i].fd, &o->err, &o->err_size);
                if (!more) {
                    close(fds[i].fd);
                    fds[i].fd = -1;
                    open_fds--;
                }
            }
        }
    }
    int status;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    o->status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return 0;
}

static bool same_outcome(const Outcome *a, const Outcome *b) {
    return a->status == b->status && a->out_size == b->out_size && a->err_size == b->err_size &&
           memcmp(a->out, b->out, a->out_size) == 0 && memcmp(a->err, b->err, a->err_size) == 0;
}

/* Most frequent outcome first; ties in order of their first seed. */
static int by_frequency(const void *pa, const void *pb) {
    const Outcome *a = pa, *b = pb;
    if (a->nseeds != b->nseeds) {
        return b->nseeds - a->nseeds;
    }
    return a->seeds[0] - b->seeds[0];
}

static void print_block(const char *text, size_t size) {
    fwrite(text, 1, size, stdout);
    if (size > 0 && text[size - 1] != '\n') {
        putchar('\n');
    }
}

int explore_run(int runs, int argc, char **argv, int explore_index, const char *script) {
    Outcome *outcomes = calloc((size_t)runs, sizeof(Outcome));
    char **child_argv = calloc((size_t)argc + 1, sizeof(char *));
    if (outcomes == NULL || child_argv == NULL) {
        fputs("gilpy: out of memory\n", stderr);
        return 1;
    }
    /* The same command line with "-X explore=K" turned into "-X sched=SEED". */
    bool joined = strncmp(argv[explore_index], "-X", 2) == 0;
    char option[64];
    memcpy(child_argv, argv, (size_t)argc * sizeof(char *));
    child_argv[explore_index] = option;
    int distinct = 0;
    fflush(stdout);
    for (int seed = 1; seed <= runs; seed++) {
        snprintf(option, sizeof option, "%ssched=%d", joined ? "-X" : "", seed);
        Outcome o = {0};
        if (run_one(child_argv, &o) < 0) {
            fprintf(stderr, "gilpy: -X explore: cannot run %s: %s\n", script, strerror(errno));
            return 1;
        }
        int k = 0;
        while (k < distinct && !same_outcome(&outcomes[k], &o)) {
            k++;
        }
        if (k == distinct) {
            o.seeds = calloc((size_t)runs, sizeof(int));
            outcomes[distinct++] = o;
        } else {
            free(o.out);
            free(o.err);
        }
        outcomes[k].seeds[outcomes[k].nseeds++] = seed;
    }
    qsort(outcomes, (size_t)distinct, sizeof(Outcome), by_frequency);
    printf("-X explore=%d: %s ran under seeds 1 to %d; %d different output%s.\n", runs, script,
           runs, distinct, distinct == 1 ? "" : "s");
    printf("Replay one with: gilpy -X sched=SEED %s\n", script);
    for (int k = 0; k < distinct; k++) {
        Outcome *o = &outcomes[k];
        printf("\n=== %d run%s, seed%s", o->nseeds, o->nseeds == 1 ? "" : "s",
               o->nseeds == 1 ? "" : "s");
        for (int i = 0; i < o->nseeds; i++) {
            printf("%s%d", i == 0 ? " " : ", ", o->seeds[i]);
        }
        if (o->status != 0) {
            printf(" (exit status %d)", o->status);
        }
        printf(":\n");
        print_block(o->out, o->out_size);
        if (o->err_size > 0) {
            printf("--- stderr:\n");
            print_block(o->err, o->err_size);
        }
        free(o->out);
        free(o->err);
        free(o->seeds);
    }
    free(outcomes);
    free(child_argv);
    fflush(stdout);
    return 0;
}
