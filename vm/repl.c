/* repl.c: the interactive prompt. Reads statements line by line (libedit on a
 * terminal, a plain reader otherwise), compiles each in "single" mode (so an
 * expression statement echoes its repr and sets `_`), runs it in __main__,
 * prints errors and goes on, as CPython 3.11's REPL does. */
#include "repl.h"

#include <errno.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <unistd.h>
#include <wchar.h>

#include "compile.h"
#include "deadlock.h"
#include "dict.h"
#include "errors.h"
#include "eval.h"
#include "exceptions.h"
#include "int.h"
#include "interp.h"
#include "lexer.h"
#include "list.h"
#include "module.h"
#include "str.h"
#include "textio.h"
#include "threads.h"
#include "vm.h"

#ifdef GILPY_HAVE_LIBEDIT
#include <editline/readline.h>
#endif

/* What reading one line gave. */
typedef enum {
    READ_LINE,      /* a line (without its newline) */
    READ_EOF,       /* end of input: Ctrl-D on an empty line, or the end of a pipe */
    READ_INTERRUPT, /* Ctrl-C while the line was being typed */
    READ_ERROR      /* another error; the exception is set */
} ReadStatus;

/* The helpers the REPL adds to builtins when they are missing: help (a
 * _Helper: help(obj) prints the docstring and signature) and exit/quit as
 * objects whose repr tells how to leave, as CPython's site module does. */
static const char repl_helpers_source[] =
#include "repl_helpers.inc"
    ;

/* ================================================================ small helpers */

/* Call sys.<name>.flush() (errors are ignored: the REPL must go on). */
static void repl_flush(Interpreter *interp, const char *name) {
    Object *stream = dict_get_cstr(interp->sysdict, name);
    if (stream != NULL && stream != None) {
        Object *r = obj_call_method(stream, "flush", NULL, 0);
        XDECREF(r);
    }
    err_clear();
}

/* Write a C string to sys.stderr (the C stderr when there is none). */
static void repl_write_stderr(Interpreter *interp, const char *text) {
    Object *stream = dict_get_cstr(interp->sysdict, "stderr");
    Object *s = str_from_cstr(text);
    Object *r = stream != NULL && stream != None && s != NULL
                    ? obj_call_method(stream, "write", &s, 1)
                    : NULL;
    if (r == NULL) {
        err_clear();
        fputs(text, stderr);
    }
    XDECREF(r);
    XDECREF(s);
    repl_flush(interp, "stderr");
}

/* str(sys.<name>) as a malloc'd C string ("" when missing or broken). */
static char *repl_prompt(Interpreter *interp, const char *name) {
    Object *v = dict_get_cstr(interp->sysdict, name);
    Object *s = v != NULL ? obj_str(v) : NULL;
    char *r = strdup(s != NULL ? str_utf8(s) : "");
    XDECREF(s);
    err_clear();
    return r;
}

/* Set sys.ps1/sys.ps2 when missing and add help, exit and quit to builtins
 * (the Python helpers above, run in a scratch namespace). Failures are
 * ignored: the REPL works without them. */
static void repl_setup(Interpreter *interp) {
    if (dict_get_cstr(interp->sysdict, "ps1") == NULL) {
        Object *s = str_from_cstr(">>> ");
        if (s == NULL || dict_set_cstr(interp->sysdict, "ps1", s) < 0) {
            err_clear();
        }
        XDECREF(s);
    }
    if (dict_get_cstr(interp->sysdict, "ps2") == NULL) {
        Object *s = str_from_cstr("... ");
        if (s == NULL || dict_set_cstr(interp->sysdict, "ps2", s) < 0) {
            err_clear();
        }
        XDECREF(s);
    }
    Object *fname = str_from_cstr("<gilpy repl helpers>");
    CodeObject *code = fname != NULL ? compile_source(repl_helpers_source,
                                                      sizeof repl_helpers_source - 1, fname,
                                                      COMPILE_FILE)
                                     : NULL;
    XDECREF(fname);
    Object *ns = code != NULL ? dict_new() : NULL;
    Object *bmod = dict_get_cstr(interp->modules, "builtins");
    Object *modname = str_from_cstr("builtins"); /* the helpers' __module__ */
    if (ns != NULL && bmod != NULL && modname != NULL &&
        dict_set_cstr(ns, "__builtins__", bmod) == 0 &&
        dict_set_cstr(ns, "__name__", modname) == 0) {
        Object *r = vm_eval_code(code, ns, ns);
        if (r != NULL) {
            DECREF(r);
            static const char *const names[] = {"help", "exit", "quit"};
            for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
                Object *v = dict_get_cstr(ns, names[i]);
                if (v != NULL && dict_set_cstr(interp->builtins, names[i], v) < 0) {
                    err_clear();
                }
            }
        }
    }
    err_clear();
    XDECREF(modname);
    XDECREF(ns); /* the helpers keep it alive as their globals */
    XDECREF((Object *)code);
}

/* ================================================================ the plain reader
 *
 * Without libedit, or when stdin or stdout is not a terminal: the prompt goes
 * to stderr (as CPython's PyOS_StdioReadline writes it) and the line comes
 * from sys.stdin, whose read releases the GIL and turns Ctrl-C into
 * KeyboardInterrupt. Sharing sys.stdin's buffer keeps input() right. */

static ReadStatus plain_read(Interpreter *interp, const char *prompt, bool show_prompt,
                             char **out) {
    if (show_prompt && prompt[0] != '\0') {
        repl_write_stderr(interp, prompt);
    }
    Object *in = dict_get_cstr(interp->sysdict, "stdin");
    if (in == NULL || in == None) {
        return READ_EOF;
    }
    Object *line = textio_check(in) ? textio_readline(in, -1)
                                    : obj_call_method(in, "readline", NULL, 0);
    if (line == NULL) {
        if (err_matches(&ExcKeyboardInterrupt)) {
            err_clear();
            return READ_INTERRUPT;
        }
        return READ_ERROR;
    }
    if (!str_check(line) || str_size(line) == 0) {
        DECREF(line);
        return READ_EOF;
    }
    size_t n = str_size(line);
    const char *s = str_utf8(line);
    if (s[n - 1] == '\n') {
        n--;
    }
    *out = strndup(s, n);
    DECREF(line);
    return *out != NULL ? READ_LINE : READ_EOF;
}

/* ================================================================ the libedit reader */

#ifdef GILPY_HAVE_LIBEDIT

#define KEY_CTRL(c) ((c) & 0x1f)
#define KEY_ESCAPE 0x1b
#define KEY_DELETE 0x7f
#define SEARCH_MAX 256 /* bytes of a history search string */

/* The incremental history search (Ctrl-R backward, Ctrl-S forward), done
 * here rather than by libedit, whose own search reads the keyboard inside
 * one libedit call: Ctrl-C could not stop it and threads could not print.
 * The lines searched are the history, oldest first, then the line that was
 * being edited (at index history_length). libedit keeps that line until the
 * search ends, and the search draws its own display meanwhile. */
typedef struct Search {
    bool active;
    bool failed;          /* the query is not found beyond the match */
    int dir;              /* -1: towards older lines, 1: towards newer */
    char query[SEARCH_MAX + 1];
    size_t query_len;
    char *original;       /* the line being edited when the search began */
    size_t original_point; /* its cursor (a byte offset) */
    char *match;          /* the line found (malloc'd) */
    int index;            /* its place among the lines searched */
    size_t pos;           /* where the query starts in it */
    int rows_above;       /* terminal rows from the display's first to the cursor's */
} Search;

/* libedit's callback interface keeps its state in globals and calls back
 * without a user pointer, so the line being read and the completion state
 * live in this one static record (only the main thread ever uses it). */
static struct {
    /* Serialises libedit between the reading thread and the threads whose
     * writes erase and redraw the line (repl_terminal_write_begin/_end). */
    pthread_mutex_t lock;
    atomic_bool prompt_active; /* a line is being edited (set under lock) */
    pthread_t reader;          /* the thread reading it */
    bool partial;     /* a thread wrote part of a line: the prompt waits for its end */
    bool done;        /* the line handler ran */
    char *line;       /* what it received (malloc'd), NULL at end of input */
    const char *prompt; /* borrowed: the prompt shown */
    /* No key reached libedit since the prompt appeared: rl_line_buffer,
     * rl_point and rl_end (which libedit updates after each key) still
     * describe the previous line; this one is empty. */
    bool fresh;
    char keys[8];     /* the key being handed to libedit (edit_getc reads it) */
    size_t nkeys, next_key;
    Search search;
    char last_query[SEARCH_MAX + 1]; /* for Ctrl-R on an empty query, as readline */
    ThreadState *ts;  /* the reading thread, while it waits without the GIL */
    Interpreter *interp;
    Object *globals;  /* borrowed: __main__'s namespace, for completion */
    char **matches;   /* completion candidates (malloc'd), handed out one by one */
    size_t nmatches, next_match;
    char history_path[PATH_MAX]; /* "" when there is no HOME */
} edit = {.lock = PTHREAD_MUTEX_INITIALIZER};

/* rl_callback_handler_install's line handler: remember the line. CPython's
 * readline module removes the handler here too, so that libedit does not
 * show the prompt again before we are ready. */
static void edit_line_handler(char *line) {
    edit.line = line;
    edit.done = true;
    rl_callback_handler_remove();
}

static void edit_free_matches(void) {
    for (size_t i = 0; i < edit.nmatches; i++) {
        free(edit.matches[i]);
    }
    free(edit.matches);
    edit.matches = NULL;
    edit.nmatches = edit.next_match = 0;
}

/* Add a copy of `prefix` + `word` + `suffix` to the candidates. */
static void edit_add_match(const char *prefix, const char *word, const char *suffix) {
    char **bigger = realloc(edit.matches, (edit.nmatches + 1) * sizeof(char *));
    if (bigger == NULL) {
        return;
    }
    edit.matches = bigger;
    size_t n = strlen(prefix) + strlen(word) + strlen(suffix) + 1;
    char *m = malloc(n);
    if (m == NULL) {
        return;
    }
    snprintf(m, n, "%s%s%s", prefix, word, suffix);
    edit.matches[edit.nmatches++] = m;
}

/* "(" after callables, as Python's rlcompleter does. */
static const char *edit_callable_suffix(Object *v) {
    Object *callable = dict_get_cstr(edit.interp->builtins, "callable");
    Object *r = callable != NULL ? obj_call1(callable, v) : NULL;
    bool yes = r == True;
    XDECREF(r);
    err_clear();
    return yes ? "(" : "";
}

static const char *const edit_keywords[] = {
    "False", "None",   "True",    "and",      "as",     "assert", "async", "await",
    "break", "class",  "continue", "def",     "del",    "elif",   "else",  "except",
    "finally", "for",  "from",    "global",   "if",     "import", "in",    "is",
    "lambda", "nonlocal", "not",  "or",       "pass",   "raise",  "return", "try",
    "while", "with",   "yield",   NULL,
};

/* Names: keywords, then __main__'s globals, then builtins (rlcompleter's
 * global_matches). */
static void edit_complete_names(const char *text) {
    size_t n = strlen(text);
    for (size_t i = 0; edit_keywords[i] != NULL; i++) {
        const char *kw = edit_keywords[i];
        if (strncmp(kw, text, n) == 0) {
            bool bare = strcmp(kw, "False") == 0 || strcmp(kw, "None") == 0 ||
                        strcmp(kw, "True") == 0 || strcmp(kw, "break") == 0 ||
                        strcmp(kw, "continue") == 0 || strcmp(kw, "pass") == 0 ||
                        strcmp(kw, "else") == 0;
            bool colon = strcmp(kw, "finally") == 0 || strcmp(kw, "try") == 0;
            edit_add_match("", kw, colon ? ":" : bare ? "" : " ");
        }
    }
    Object *spaces[2] = {edit.globals, edit.interp->builtins};
    for (size_t s = 0; s < 2; s++) {
        size_t pos = 0;
        Object *key, *value;
        while (dict_next(spaces[s], &pos, &key, &value)) {
            if (!str_check(key) || strncmp(str_utf8(key), text, n) != 0 ||
                strcmp(str_utf8(key), "__builtins__") == 0) {
                continue;
            }
            bool seen = false;
            for (size_t i = 0; i < edit.nmatches && !seen; i++) {
                seen = strncmp(edit.matches[i], str_utf8(key), str_size(key)) == 0 &&
                       (edit.matches[i][str_size(key)] == '\0' ||
                        edit.matches[i][str_size(key)] == '(' ||
                        edit.matches[i][str_size(key)] == ' ' ||
                        edit.matches[i][str_size(key)] == ':');
            }
            if (!seen) {
                edit_add_match("", str_utf8(key), edit_callable_suffix(value));
            }
        }
    }
}

/* True when s is a dotted name (a.b.c): only those are evaluated for
 * completion, so pressing Tab never calls code. */
static bool edit_is_dotted_name(const char *s, size_t n) {
    if (n == 0) {
        return false;
    }
    bool start = true;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '.') {
            if (start) {
                return false;
            }
            start = true;
        } else if (c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80 ||
                   (!start && c >= '0' && c <= '9')) {
            start = false;
        } else {
            return false;
        }
    }
    return !start;
}

/* "expr.attr": dir(expr)'s names that start with attr (rlcompleter's
 * attr_matches: names starting with '_' only when attr does). */
static void edit_complete_attributes(const char *text, const char *dot) {
    size_t expr_len = (size_t)(dot - text);
    const char *attr = dot + 1;
    size_t attr_len = strlen(attr);
    if (!edit_is_dotted_name(text, expr_len)) {
        return;
    }
    char *expr = strndup(text, expr_len);
    if (expr == NULL) {
        return;
    }
    Object *obj = NULL;
    char *save = NULL;
    for (char *part = strtok_r(expr, ".", &save); part != NULL;
         part = strtok_r(NULL, ".", &save)) {
        Object *next;
        if (obj == NULL) {
            next = dict_get_cstr(edit.globals, part);
            if (next == NULL) {
                next = dict_get_cstr(edit.interp->builtins, part);
            }
            XINCREF(next);
        } else {
            next = obj_getattr_cstr(obj, part);
            DECREF(obj);
        }
        obj = next;
        if (obj == NULL) {
            break;
        }
    }
    free(expr);
    Object *dir = obj != NULL ? dict_get_cstr(edit.interp->builtins, "dir") : NULL;
    Object *names = dir != NULL ? obj_call1(dir, obj) : NULL;
    if (names != NULL && list_check(names)) {
        char *prefix = strndup(text, expr_len + 1);
        for (size_t i = 0; prefix != NULL && i < list_size(names); i++) {
            Object *name = list_get(names, i);
            if (!str_check(name)) {
                continue;
            }
            const char *s = str_utf8(name);
            if (strncmp(s, attr, attr_len) != 0 || (attr_len == 0 && s[0] == '_') ||
                (attr_len == 1 && attr[0] == '_' && s[1] == '_')) {
                continue;
            }
            Object *value = obj_getattr(obj, name);
            edit_add_match(prefix, s, value != NULL ? edit_callable_suffix(value) : "");
            XDECREF(value);
            err_clear();
        }
        free(prefix);
    }
    XDECREF(names);
    XDECREF(obj);
    err_clear();
}

/* The completion generator (rl_completion_matches calls it with state 0,
 * then 1, 2, ... until it returns NULL). It runs inside libedit, while the
 * REPL waits without the GIL: take the GIL back to look at objects. */
static char *edit_generator(const char *text, int state) {
    if (state == 0) {
        edit_free_matches();
        threads_blocking_end(edit.ts);
        if (strchr(text, '.') != NULL) {
            edit_complete_attributes(text, strrchr(text, '.'));
        } else {
            edit_complete_names(text);
        }
        edit.ts = threads_blocking_begin(BLOCK_IO);
    }
    if (edit.next_match < edit.nmatches) {
        return strdup(edit.matches[edit.next_match++]);
    }
    return NULL;
}

/* Tab: complete the word before the cursor; on an empty or blank line it
 * inserts a tab (indentation), as CPython's rlcompleter does. */
static char **edit_complete(const char *text, int start, int end) {
    (void)end;
    rl_attempted_completion_over = 1;
    rl_completion_append_character = '\0';
    bool blank = true;
    for (int i = 0; i < start && blank; i++) {
        blank = rl_line_buffer[i] == ' ' || rl_line_buffer[i] == '\t';
    }
    if (text[0] == '\0' && blank) {
        rl_insert_text("\t");
        return NULL;
    }
    return rl_completion_matches(text, edit_generator);
}

/* ================================================================ keys and display */

static FILE *edit_out(void) {
    return rl_outstream != NULL ? rl_outstream : stdout;
}

/* The next byte of the key being handed over, else one from the terminal
 * (blocking): -1 at end of input, on an error or when Ctrl-C interrupts. */
static int edit_next_byte(void) {
    if (edit.next_key < edit.nkeys) {
        return (unsigned char)edit.keys[edit.next_key++];
    }
    unsigned char b;
    return read(STDIN_FILENO, &b, 1) == 1 ? b : -1;
}

/* rl_getc_function: libedit's next character. libedit takes the value as a
 * wide character, so UTF-8 is decoded here (U+FFFD for a broken sequence).
 * The rest of an escape sequence, or the key after Ctrl-V, comes straight
 * from the terminal. -1 ends libedit's read. */
static int edit_getc(FILE *stream) {
    (void)stream;
    int c = edit_next_byte();
    if (c < 0x80) {
        return c;
    }
    int more = c >= 0xf8 ? -1 : c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc0 ? 1 : -1;
    if (more < 0) {
        return 0xfffd;
    }
    int code = c & (0x3f >> more);
    for (; more > 0; more--) {
        int b = edit_next_byte();
        if (b < 0) {
            return -1;
        }
        if ((b & 0xc0) != 0x80) {
            return 0xfffd;
        }
        code = (code << 6) | (b & 0x3f);
    }
    return code;
}

/* Hand one key (its bytes) to libedit, which runs its command; that may
 * end the line (edit.done). */
static void edit_feed(const char *key, size_t n) {
    if (n > sizeof edit.keys) {
        n = sizeof edit.keys;
    }
    memcpy(edit.keys, key, n);
    edit.nkeys = n;
    edit.next_key = 0;
    while (edit.next_key < edit.nkeys && !edit.done) {
        rl_callback_read_char();
    }
    edit.nkeys = edit.next_key = 0;
    edit.fresh = false;
}

/* The number of characters in the first n bytes of UTF-8 text. */
static size_t utf8_count(const char *s, size_t n) {
    size_t count = 0;
    for (size_t i = 0; i < n; i++) {
        count += ((unsigned char)s[i] & 0xc0) != 0x80;
    }
    return count;
}

/* True when UTF-8 text ends inside a character (a key arrives byte by byte). */
static bool utf8_incomplete(const char *s, size_t n) {
    size_t tail = 0;
    while (tail < n && tail < 3 && ((unsigned char)s[n - 1 - tail] & 0xc0) == 0x80) {
        tail++;
    }
    if (tail == n) {
        return false;
    }
    unsigned char lead = (unsigned char)s[n - 1 - tail];
    size_t needed = lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : lead >= 0xc0 ? 1 : 0;
    return tail < needed;
}

/* Write n bytes of text as line editors show it (to `out`, or nowhere when
 * NULL), advancing the display column *col: a tab goes to the next multiple
 * of 8, other control characters show as ^X, and a character takes the
 * columns wcwidth gives (one for a byte that is not UTF-8, shown as '?'). */
static void edit_put_text(FILE *out, const char *s, size_t n, int *col) {
    mbstate_t state;
    memset(&state, 0, sizeof state);
    for (size_t i = 0; i < n;) {
        wchar_t wc;
        size_t len = mbrtowc(&wc, s + i, n - i, &state);
        if (len == 0 || len > n - i) { /* 0: a NUL; (size_t)-1/-2: not UTF-8 */
            memset(&state, 0, sizeof state);
            if (out != NULL) {
                fputc('?', out);
            }
            *col += 1;
            i++;
            continue;
        }
        if (wc == L'\t') {
            int next = (*col / 8 + 1) * 8;
            if (out != NULL) {
                fprintf(out, "%*s", next - *col, "");
            }
            *col = next;
        } else if (wc < 0x20 || wc == KEY_DELETE) {
            if (out != NULL) {
                fprintf(out, "^%c", wc == KEY_DELETE ? '?' : (char)(wc + '@'));
            }
            *col += 2;
        } else {
            if (out != NULL) {
                fwrite(s + i, 1, len, out);
            }
            int width = wcwidth(wc);
            *col += width >= 0 ? width : 1;
        }
        i += len;
    }
}

static int edit_columns(void) {
    struct winsize size;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
        return size.ws_col;
    }
    return 80;
}

/* The terminal row of libedit's cursor, counted from the prompt's row. */
static int edit_cursor_row(void) {
    int col = 0;
    edit_put_text(NULL, edit.prompt, strlen(edit.prompt), &col);
    if (!edit.fresh && rl_line_buffer != NULL) {
        edit_put_text(NULL, rl_line_buffer, (size_t)rl_point, &col);
    }
    return col / edit_columns();
}

/* Move to the start of the row where the displayed line begins, which
 * `rows_above` rows above the cursor, and clear everything from there. */
static void edit_clear_display(FILE *out, int rows_above) {
    if (rows_above > 0) {
        fprintf(out, "\033[%dA", rows_above);
    }
    fputs("\r\033[J", out);
}

/* After text that filled `end` display columns, put the cursor at column
 * `cursor` of it (both counted from the start of its first row, so they
 * span rows when the text wraps). Returns the cursor's row. */
static int edit_place_cursor(FILE *out, int end, int cursor) {
    int cols = edit_columns();
    if (end > 0 && end % cols == 0) {
        fputs(" \r", out); /* to the next row, which a full row only promises */
    }
    int up = end / cols - cursor / cols;
    if (up > 0) {
        fprintf(out, "\033[%dA", up);
    }
    fputc('\r', out);
    if (cursor % cols > 0) {
        fprintf(out, "\033[%dC", cursor % cols);
    }
    return cursor / cols;
}

/* Move libedit's cursor from character `from` to character `to` of its line
 * with arrow keys (the readline interface cannot set it). `touch` sends a
 * key even when it is there already, so that libedit's rl_point, rl_end and
 * rl_line_buffer describe a line that was just replaced. */
static void edit_move_cursor(size_t from, size_t to, size_t length, bool touch) {
    if (from == to && touch && length > 0) {
        edit_feed(from > 0 ? "\033[D" : "\033[C", 3);
        from += from > 0 ? (size_t)-1 : 1;
    }
    for (; from < to; from++) {
        edit_feed("\033[C", 3);
    }
    for (; from > to; from--) {
        edit_feed("\033[D", 3);
    }
}

/* ================================================================ history search */

/* Line i of the search (see Search). */
static const char *search_line(int i) {
    if (i >= history_length) {
        return edit.search.original;
    }
    HIST_ENTRY *entry = history_get(history_base + i);
    return entry != NULL && entry->line != NULL ? entry->line : "";
}

/* Where the query starts in `line`: at byte `from` or, going in direction
 * `dir`, the nearest place beyond it. -1 when nowhere. */
static long search_in_line(const Search *s, const char *line, long from) {
    long last = (long)strlen(line) - (long)s->query_len;
    if (from > last) {
        if (s->dir > 0) {
            return -1;
        }
        from = last;
    }
    if (from < 0) {
        if (s->dir < 0) {
            return -1;
        }
        from = 0;
    }
    for (long p = from; p >= 0 && p <= last; p += s->dir) {
        if (memcmp(line + p, s->query, s->query_len) == 0) {
            return p;
        }
    }
    return -1;
}

/* Look for the query from byte `from` of the matched line on, then in the
 * lines beyond it (skipping copies of the matched line, as readline does).
 * Moves the match and returns true when found. */
static bool search_find(long from) {
    Search *s = &edit.search;
    for (int i = s->index; i >= 0 && i <= history_length; i += s->dir) {
        const char *line = search_line(i);
        if (i != s->index) {
            if (strcmp(line, s->match) == 0) {
                continue;
            }
            from = s->dir < 0 ? LONG_MAX : 0;
        }
        long at = search_in_line(s, line, from);
        char *copy = at >= 0 ? strdup(line) : NULL;
        if (copy != NULL) {
            free(s->match);
            s->match = copy;
            s->index = i;
            s->pos = (size_t)at;
            return true;
        }
    }
    return false;
}

/* Draw the search over the previous display, as readline shows it:
 *   (reverse-i-search)`query': the line found
 * with the cursor where the query starts in that line. A failed search
 * says "(failed reverse-i-search)" and rings the bell. */
static void search_draw(void) {
    Search *s = &edit.search;
    FILE *out = edit_out();
    edit_clear_display(out, s->rows_above);
    char head[64];
    snprintf(head, sizeof head, "(%s%s)`", s->failed ? "failed " : "",
             s->dir < 0 ? "reverse-i-search" : "i-search");
    int col = 0;
    edit_put_text(out, head, strlen(head), &col);
    edit_put_text(out, s->query, s->query_len, &col);
    edit_put_text(out, "': ", 3, &col);
    edit_put_text(out, s->match, s->pos, &col);
    int cursor = col;
    edit_put_text(out, s->match + s->pos, strlen(s->match + s->pos), &col);
    s->rows_above = edit_place_cursor(out, col, cursor);
    if (s->failed) {
        fputc('\a', out);
    }
    fflush(out);
}

/* Ctrl-R or Ctrl-S at the prompt: start searching from the cursor. */
static void search_start(int dir) {
    Search *s = &edit.search;
    size_t length = edit.fresh || rl_line_buffer == NULL ? 0 : (size_t)rl_end;
    size_t point = edit.fresh ? 0 : (size_t)rl_point;
    char *original = strndup(length > 0 ? rl_line_buffer : "", length);
    char *match = original != NULL ? strdup(original) : NULL;
    if (match == NULL) {
        free(original);
        return;
    }
    *s = (Search){
        .active = true,
        .dir = dir,
        .original = original,
        .original_point = point < length ? point : length,
        .match = match,
        .index = history_length,
        .pos = point < length ? point : length,
        .rows_above = edit_cursor_row(), /* so that drawing erases libedit's display */
    };
    search_draw();
}

/* Leave the search. accept: libedit gets the line found, with the cursor
 * where the query starts; else (Ctrl-G) the line as it was. */
static void search_end(bool accept) {
    Search *s = &edit.search;
    if (s->query_len > 0) {
        memcpy(edit.last_query, s->query, s->query_len + 1);
    }
    edit_clear_display(edit_out(), s->rows_above);
    s->active = false;
    size_t cursor = utf8_count(s->original, s->original_point);
    bool replaced = accept && s->index != history_length;
    if (replaced) {
        rl_replace_line(s->match, 0); /* keeps the cursor, up to the new end */
        size_t length = utf8_count(s->match, strlen(s->match));
        cursor = cursor < length ? cursor : length;
    }
    rl_forced_update_display();
    if (accept) {
        edit_move_cursor(cursor, utf8_count(s->match, s->pos),
                         utf8_count(s->match, strlen(s->match)), replaced);
    }
    free(s->original);
    free(s->match);
    s->original = s->match = NULL;
}

/* Ctrl-R/Ctrl-S while searching: the next match in direction `dir`. On an
 * empty query, search for the previous search's query, as readline does. */
static void search_again(int dir) {
    Search *s = &edit.search;
    bool turned = dir != s->dir;
    s->dir = dir;
    if (s->query_len == 0) {
        s->query_len = strlen(edit.last_query);
        memcpy(s->query, edit.last_query, s->query_len + 1);
        s->failed = s->query_len > 0 && !search_find((long)s->pos);
    } else if (!s->failed || turned) {
        s->failed = !search_find((long)s->pos + dir);
    }
    search_draw();
}

/* A character for the query (byte by byte: a UTF-8 character is looked for
 * once complete). The match stays while it still matches where it is. */
static void search_add(int byte) {
    Search *s = &edit.search;
    if (s->query_len >= SEARCH_MAX) {
        fputc('\a', edit_out());
        return;
    }
    s->query[s->query_len++] = (char)byte;
    s->query[s->query_len] = '\0';
    if (utf8_incomplete(s->query, s->query_len)) {
        return;
    }
    if (!s->failed) {
        s->failed = !search_find((long)s->pos);
    }
    search_draw();
}

/* Backspace: drop the query's last character and look again from the match. */
static void search_backspace(void) {
    Search *s = &edit.search;
    if (s->query_len == 0) {
        fputc('\a', edit_out());
        return;
    }
    size_t n = s->query_len;
    while (n > 0 && ((unsigned char)s->query[n - 1] & 0xc0) == 0x80) {
        n--;
    }
    s->query_len = n > 0 ? n - 1 : 0;
    s->query[s->query_len] = '\0';
    s->failed = s->query_len > 0 && !search_find((long)s->pos);
    search_draw();
}

/* A key typed while searching, as readline takes it: printable characters
 * extend the query, Backspace shortens it, Ctrl-R/Ctrl-S find the next
 * match, Ctrl-G gives the old line back, Escape alone keeps the line found
 * for editing. Any other key ends the search with the line found and
 * returns false: it must then run as an editing key (Enter runs the line,
 * an arrow moves in it). Unlike readline, Ctrl-J runs the line too: the
 * terminal turns Enter into Ctrl-J in libedit's mode (ICRNL). */
static bool search_key(int byte, bool lone_escape) {
    if (byte == KEY_CTRL('R') || byte == KEY_CTRL('S')) {
        search_again(byte == KEY_CTRL('R') ? -1 : 1);
    } else if (byte == KEY_CTRL('G')) {
        search_end(false);
    } else if (byte == KEY_DELETE || byte == KEY_CTRL('H')) {
        search_backspace();
    } else if (byte == KEY_ESCAPE && lone_escape) {
        search_end(true);
    } else if (byte >= ' ' && byte != KEY_ESCAPE) {
        search_add(byte);
    } else {
        search_end(true);
        return false;
    }
    return true;
}

/* One key from the terminal (its first byte; libedit reads the rest of a
 * longer key itself): the search takes it, or it starts one, or libedit
 * edits with it. Ctrl-D on an empty line ends the input here, because
 * libedit would echo "^D" (readline does not). */
static void edit_key(int byte, bool lone_escape) {
    if (edit.search.active) {
        if (search_key(byte, lone_escape)) {
            return;
        }
    } else if (byte == KEY_CTRL('R') || byte == KEY_CTRL('S')) {
        search_start(byte == KEY_CTRL('R') ? -1 : 1);
        return;
    } else if (byte == KEY_CTRL('D') && (edit.fresh || rl_end == 0)) {
        edit_line_handler(NULL);
        return;
    }
    char key = (char)byte;
    edit_feed(&key, 1);
}

/* Erase the line being edited, which then gets drawn again below what
 * another thread writes (see repl_terminal_write_begin). */
static void edit_erase(FILE *out) {
    if (edit.search.active) {
        edit_clear_display(out, edit.search.rows_above);
        edit.search.rows_above = 0;
    } else {
        edit_clear_display(out, edit_cursor_row());
    }
}

/* Draw the prompt and the line (or the search) again, from the cursor's row
 * when `in_place` is false (after erasing), else over the current display. */
static void edit_redraw(FILE *out, bool in_place) {
    if (edit.search.active) {
        search_draw();
        return;
    }
    if (in_place) {
        int row = edit_cursor_row();
        if (row > 0) {
            fprintf(out, "\033[%dA", row);
        }
        fputc('\r', out);
    }
    rl_forced_update_display();
}

/* True when more input arrives within `ms` milliseconds: tells the Escape
 * key alone from the start of an escape sequence (an arrow key). */
static bool edit_input_within(int ms) {
    fd_set fds;
    FD_ZERO(&fds);
    FD_SET(STDIN_FILENO, &fds);
    struct timeval tv = {0, ms * 1000};
    return select(STDIN_FILENO + 1, &fds, NULL, NULL, &tv) > 0;
}

/* Set libedit up once: no signal handlers of its own (Ctrl-C is ours), our
 * key reader, Python's word boundaries, our completer, and the history file.
 * libedit converts between bytes and wide characters with the C library,
 * which in the default "C" locale drops every non-ASCII key: take LC_CTYPE
 * from the environment as CPython does at start-up, and UTF-8 (CPython's
 * coercion of the C locale, and gilpy's terminal encoding) when it is not. */
static void edit_init(Interpreter *interp) {
    edit.interp = interp;
    if (setlocale(LC_CTYPE, "") == NULL || strcmp(nl_langinfo(CODESET), "UTF-8") != 0) {
        setlocale(LC_CTYPE, "C.UTF-8");
    }
    rl_catch_signals = 0;
    rl_getc_function = edit_getc;
    rl_readline_name = "gilpy";
    rl_basic_word_break_characters = " \t\n`~!@#$%^&*()-=+[{]}\\|;:'\",<>/?";
    rl_attempted_completion_function = edit_complete;
    rl_initialize();
    using_history();
    stifle_history(1000);
    const char *home = getenv("HOME");
    edit.history_path[0] = '\0';
    if (home != NULL && home[0] != '\0' &&
        (size_t)snprintf(edit.history_path, sizeof edit.history_path, "%s/.gilpy_history",
                         home) < sizeof edit.history_path) {
        read_history(edit.history_path);
    } else {
        edit.history_path[0] = '\0';
    }
}

/* Remember a line in the history (and the file, so a killed REPL keeps it). */
static void edit_remember(const char *line) {
    if (line[0] == '\0') {
        return;
    }
    HIST_ENTRY *last = history_length > 0 ? history_get(history_base + history_length - 1) : NULL;
    if (last != NULL && last->line != NULL && strcmp(last->line, line) == 0) {
        return;
    }
    add_history(line);
    if (edit.history_path[0] != '\0') {
        write_history(edit.history_path);
    }
}

/* Read one line with libedit. The GIL is released for the whole wait: the
 * loop watches stdin with select(), reads one key at a time and hands it to
 * libedit (or to the history search), so Ctrl-C (select or read fails with
 * EINTR, our handler has recorded it) can cancel the line. Keys are read one
 * byte at a time, so what follows a line stays in the terminal for the code
 * it runs (input()). What other threads write through sys.stdout/sys.stderr
 * meanwhile goes above the prompt (repl_terminal_write_begin/_end, called by
 * textio). For output that bypasses those (os.write), the line is also
 * redrawn while threads are alive whenever the keyboard rests for a moment.
 * libedit runs under edit.lock, so the writers' redraws never interleave
 * with it. */
static ReadStatus edit_read(Interpreter *interp, Object *globals, const char *prompt,
                            char **out) {
    edit.done = false;
    edit.line = NULL;
    edit.globals = globals;
    edit.ts = threads_blocking_begin(BLOCK_IO);
    pthread_mutex_lock(&edit.lock);
    edit.reader = pthread_self();
    edit.partial = false;
    edit.prompt = prompt;
    edit.fresh = true;
    rl_callback_handler_install(prompt, edit_line_handler);
    atomic_store(&edit.prompt_active, true);
    pthread_mutex_unlock(&edit.lock);
    ReadStatus status = READ_LINE;
    bool dirty = false; /* threads were alive at the last idle moment */
    for (;;) {
        if (eval_take_sigint()) {
            status = READ_INTERRUPT;
            break;
        }
        fd_set fds;
        FD_ZERO(&fds);
        FD_SET(STDIN_FILENO, &fds);
        struct timeval tv = {0, 100000};
        int r = select(STDIN_FILENO + 1, &fds, NULL, NULL, &tv);
        if (r < 0) {
            if (errno == EINTR) {
                continue;
            }
            status = READ_EOF;
            break;
        }
        if (r == 0) {
            /* Once more after the last thread ended: it may have printed. */
            bool alive = threads_count() > 0;
            if (alive || dirty) { /* output that did not go through sys.stdout */
                pthread_mutex_lock(&edit.lock);
                if (!edit.partial) {
                    edit_redraw(edit_out(), true);
                }
                pthread_mutex_unlock(&edit.lock);
            }
            dirty = alive;
            continue;
        }
        unsigned char byte;
        ssize_t got = read(STDIN_FILENO, &byte, 1);
        if (got < 0 && (errno == EINTR || errno == EAGAIN)) {
            continue; /* EAGAIN: the program made stdin non-blocking */
        }
        if (got <= 0) {
            status = READ_EOF;
            break;
        }
        bool lone_escape = byte == KEY_ESCAPE && edit.search.active && !edit_input_within(50);
        pthread_mutex_lock(&edit.lock);
        edit_key(byte, lone_escape);
        if (edit.done) {
            atomic_store(&edit.prompt_active, false);
        }
        pthread_mutex_unlock(&edit.lock);
        if (edit.done) {
            status = edit.line != NULL ? READ_LINE : READ_EOF;
            break;
        }
    }
    if (!edit.done) {
        pthread_mutex_lock(&edit.lock);
        if (edit.search.active) {
            search_end(true); /* as readline, show the line found before "KeyboardInterrupt" */
        }
        atomic_store(&edit.prompt_active, false);
        rl_callback_handler_remove();
        pthread_mutex_unlock(&edit.lock);
    }
    threads_blocking_end(edit.ts);
    edit.ts = NULL;
    edit.globals = NULL;
    edit.prompt = NULL;
    edit_free_matches();
    if (status == READ_LINE) {
        *out = edit.line;
        edit_remember(edit.line);
    } else {
        free(edit.line);
    }
    edit.line = NULL;
    (void)interp;
    return status;
}

bool repl_terminal_write_begin(int fd) {
    if ((fd != STDOUT_FILENO && fd != STDERR_FILENO) || !atomic_load(&edit.prompt_active) ||
        pthread_equal(pthread_self(), edit.reader)) {
        return false; /* the reader's own writes (from completion) need no redraw */
    }
    pthread_mutex_lock(&edit.lock);
    if (!atomic_load(&edit.prompt_active)) {
        pthread_mutex_unlock(&edit.lock);
        return false;
    }
    if (!edit.partial) {
        FILE *out = edit_out();
        edit_erase(out);
        fflush(out);
    }
    return true;
}

void repl_terminal_write_end(bool began, bool ended_line) {
    if (began) {
        /* Once the output ends a line, the prompt and the typed text come back
         * below it; after part of a line, they wait for the rest. */
        edit.partial = !ended_line;
        if (ended_line) {
            edit_redraw(edit_out(), false);
        }
        pthread_mutex_unlock(&edit.lock);
    }
}

#else

bool repl_terminal_write_begin(int fd) {
    (void)fd;
    return false;
}

void repl_terminal_write_end(bool began, bool ended_line) {
    (void)began;
    (void)ended_line;
}

#endif /* GILPY_HAVE_LIBEDIT */

/* ================================================================ the loop */

typedef struct Reader {
    Interpreter *interp;
    bool use_edit;     /* libedit on a terminal */
    bool show_prompts; /* plain reader: write the prompts (to stderr) */
} Reader;

static ReadStatus reader_read(Reader *rd, Object *globals, const char *prompt_name, char **out) {
    *out = NULL;
    repl_flush(rd->interp, "stdout");
    repl_flush(rd->interp, "stderr");
    char *prompt = repl_prompt(rd->interp, prompt_name);
    if (prompt == NULL) {
        return READ_EOF;
    }
    ReadStatus st;
#ifdef GILPY_HAVE_LIBEDIT
    if (rd->use_edit) {
        st = edit_read(rd->interp, globals, prompt, out);
    } else {
        st = plain_read(rd->interp, prompt, rd->show_prompts, out);
    }
#else
    (void)globals;
    st = plain_read(rd->interp, prompt, rd->show_prompts, out);
#endif
    free(prompt);
    return st;
}

/* True when the text holds nothing but blanks. */
static bool repl_is_blank(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\f' && s[i] != '\r') {
            return false;
        }
    }
    return true;
}

/* Read lines into src until they form a complete statement (">>> " for the
 * first, "... " for the others; a blank first line just prompts again).
 * READ_LINE when src holds a statement to run. End of input after some
 * lines runs what was typed (CPython reports the unfinished block). */
static ReadStatus repl_read_statement(Reader *rd, Object *globals, StrBuilder *src) {
    bool first = true;
    for (;;) {
        char *line = NULL;
        ReadStatus st = reader_read(rd, globals, first ? "ps1" : "ps2", &line);
        if (st != READ_LINE) {
            return st == READ_EOF && !first ? READ_LINE : st;
        }
        sb_append_cstr(src, line);
        sb_append_char(src, '\n');
        free(line);
        if (src->failed) {
            return READ_ERROR;
        }
        if (first && repl_is_blank(src->data, src->size)) {
            src->size = 0;
            continue;
        }
        if (!lex_is_incomplete(src->data, src->size)) {
            return READ_LINE;
        }
        first = false;
    }
}

/* Compile and run one statement. Returns true when the REPL must stop
 * (SystemExit), with the status in *exit_status. */
static bool repl_run_statement(Interpreter *interp, Object *globals, const StrBuilder *src,
                               int *exit_status) {
    Object *fname = str_from_cstr("<stdin>");
    CodeObject *code = fname != NULL ? compile_source(src->data, src->size, fname,
                                                      COMPILE_SINGLE)
                                     : NULL;
    XDECREF(fname);
    Object *res = code != NULL ? vm_eval_code(code, globals, globals) : NULL;
    XDECREF((Object *)code);
    bool stop = false;
    if (res != NULL) {
        DECREF(res);
    } else {
        Object *exc = err_fetch();
        if (exc != NULL && obj_is_instance_of(exc, &ExcSystemExit)) {
            *exit_status = vm_system_exit_status(exc);
            stop = true;
        } else if (exc != NULL) {
            vm_set_last_exception(interp, exc);
            vm_print_exception(exc);
        }
        XDECREF(exc);
    }
    repl_flush(interp, "stdout");
    repl_flush(interp, "stderr");
    return stop;
}

int repl_run(Interpreter *interp, const char *banner) {
    Object *main_module = dict_get_cstr(interp->modules, "__main__");
    if (main_module == NULL) {
        fputs("gilpy: no __main__ module\n", stderr);
        return 1;
    }
    Object *globals = NEWREF(module_dict(main_module));
    repl_setup(interp);
    Reader rd = {.interp = interp, .use_edit = false, .show_prompts = true};
#ifdef GILPY_HAVE_LIBEDIT
    const char *term = getenv("TERM");
    rd.use_edit = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO) &&
                  !(term != NULL && strcmp(term, "dumb") == 0);
    if (rd.use_edit) {
        edit_init(interp);
    }
#endif
    if (banner != NULL) {
        repl_write_stderr(interp, banner);
    }
    int status = 0;
    StrBuilder src;
    deadlock_set_interactive(true); /* a deadlock at the prompt ends the wait, not gilpy */
    for (;;) {
        sb_init(&src);
        ReadStatus st = repl_read_statement(&rd, globals, &src);
        if (st == READ_EOF) {
            repl_write_stderr(interp, "\n");
            sb_discard(&src);
            break;
        }
        if (st == READ_INTERRUPT) {
            repl_write_stderr(interp, "\nKeyboardInterrupt\n");
            sb_discard(&src);
            continue;
        }
        if (st == READ_ERROR) {
            Object *exc = err_fetch();
            if (exc != NULL) {
                vm_print_exception(exc);
                DECREF(exc);
            }
            sb_discard(&src);
            status = 1;
            break;
        }
        bool stop = repl_run_statement(interp, globals, &src, &status);
        sb_discard(&src);
        if (stop) {
            break;
        }
    }
    deadlock_set_interactive(false);
    DECREF(globals);
    return status;
}
