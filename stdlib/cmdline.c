/* cmdline.c: parsing and publishing the -X NAME[=VALUE] interpreter options. */
#include "cmdline.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dict.h"
#include "int.h"
#include "str.h"

const char cmdline_known_x_options[] =
    "checkinterval=N, gilstats, giltrace=FILE, giltimeline=FILE, gil=NAME, sched=SEED, "
    "explore=K";

/* A whole decimal number >= min in s; false if s is empty, junk or out of range. */
static bool parse_number(const char *s, long min, long *out) {
    if (s == NULL || *s == '\0') {
        return false;
    }
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno != 0 || *end != '\0' || v < min) {
        return false;
    }
    *out = v;
    return true;
}

int cmdline_parse_x_option(InterpreterOptions *opts, const char *arg, char *err, size_t errsize) {
    const char *eq = strchr(arg, '=');
    size_t name_len = eq != NULL ? (size_t)(eq - arg) : strlen(arg);
    const char *value = eq != NULL ? eq + 1 : NULL;
    long number;
#define IS(name) (name_len == strlen(name) && strncmp(arg, name, name_len) == 0)
    if (IS("checkinterval")) {
        if (!parse_number(value, 1, &number)) {
            snprintf(err, errsize, "-X checkinterval needs a positive integer: -X checkinterval=N");
            return -1;
        }
        opts->check_interval = number;
    } else if (IS("gilstats")) {
        if (value != NULL) {
            snprintf(err, errsize, "-X gilstats takes no value");
            return -1;
        }
        opts->gil_stats = true;
    } else if (IS("giltrace") || IS("giltimeline") || IS("gil")) {
        if (value == NULL || *value == '\0') {
            snprintf(err, errsize, "-X %.*s needs a value: -X %.*s=%s", (int)name_len, arg,
                     (int)name_len, arg, IS("gil") ? "NAME" : "FILE");
            return -1;
        }
        if (IS("giltrace")) {
            opts->gil_trace_file = value;
        } else if (IS("giltimeline")) {
            opts->gil_timeline_file = value;
        } else {
            if (strcmp(value, "fair") != 0 && strcmp(value, "py2") != 0 &&
                strcmp(value, "py3") != 0) {
                snprintf(err, errsize, "-X gil=%s: unknown GIL policy (choose fair, py2 or py3)",
                         value);
                return -1;
            }
            opts->gil_name = value;
        }
    } else if (IS("sched")) {
        if (!parse_number(value, 0, &number)) {
            snprintf(err, errsize, "-X sched needs a seed, a whole number >= 0: -X sched=SEED");
            return -1;
        }
        opts->sched = true;
        opts->sched_seed = (unsigned long)number;
    } else if (IS("explore")) {
        if (!parse_number(value, 1, &number) || number > 100000) {
            snprintf(err, errsize, "-X explore needs a number of runs from 1 to 100000: -X explore=K");
            return -1;
        }
        opts->explore = number;
    } else {
        snprintf(err, errsize, "unknown -X option '%.*s' (known options: %s)", (int)name_len, arg,
                 cmdline_known_x_options);
        return -1;
    }
#undef IS
    return 0;
}

Object *cmdline_xoptions_dict(char *const *xargs, int nxargs) {
    Object *d = dict_new();
    if (d == NULL) {
        return NULL;
    }
    for (int i = 0; i < nxargs; i++) {
        const char *eq = strchr(xargs[i], '=');
        size_t name_len = eq != NULL ? (size_t)(eq - xargs[i]) : strlen(xargs[i]);
        Object *key = str_decode_utf8(xargs[i], name_len);
        Object *value = eq != NULL ? str_decode_utf8(eq + 1, strlen(eq + 1)) : bool_from(true);
        int rc = key != NULL && value != NULL ? dict_set(d, key, value) : -1;
        XDECREF(key);
        XDECREF(value);
        if (rc < 0) {
            DECREF(d);
            return NULL;
        }
    }
    return d;
}
