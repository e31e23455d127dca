/* traceback.c: traceback objects, and printing an uncaught exception the way
 * CPython 3.11's C printer does (Python/pythonrun.c print_exception and
 * Python/traceback.c tb_displayline): chained exceptions, source lines, the
 * "~~~^^^~~~" caret line under the failing expression, recursion elision,
 * and SyntaxError's own layout. */
#include "traceback.h"

#include <stdio.h>
#include <string.h>

#include "ast.h"
#include "dict.h"
#include "errors.h"
#include "exceptions.h"
#include "int.h"
#include "interp.h"
#include "list.h"
#include "module.h"
#include "parser.h"
#include "state.h"
#include "str.h"
#include "tuple.h"

/* ================================================================ objects */

void traceback_here(CodeObject *code, uint32_t lasti, Object *globals) {
    Object *exc = err_occurred();
    if (exc == NULL || !exception_check(exc)) {
        return;
    }
    TracebackObject *tb = (TracebackObject *)obj_alloc(&TracebackType, sizeof(TracebackObject));
    if (tb == NULL) {
        err_clear();
        err_restore(NEWREF(exc));
        return;
    }
    ExceptionObject *e = (ExceptionObject *)exc;
    tb->next = e->traceback; /* the reference moves to the new entry */
    tb->code = (CodeObject *)NEWREF((Object *)code);
    tb->globals = globals != NULL ? NEWREF(globals) : NULL;
    tb->lasti = (int)lasti;
    tb->lineno = code_line_of(code, lasti);
    e->traceback = (Object *)tb;
}

static void tb_dealloc(Object *self) {
    TracebackObject *tb = (TracebackObject *)self;
    XDECREF(tb->next);
    XDECREF((Object *)tb->code);
    XDECREF(tb->globals);
    obj_free(self);
}

static Object *tb_get_next(Object *self) {
    Object *next = ((TracebackObject *)self)->next;
    return NEWREF(next != NULL ? next : None);
}
static Object *tb_get_lineno(Object *self) {
    return small_int_make(((TracebackObject *)self)->lineno);
}
static Object *tb_get_lasti(Object *self) { return small_int_make(((TracebackObject *)self)->lasti); }
static Object *tb_get_frame(Object *self) { return none_ref(); }
static Object *tb_get_code(Object *self) {
    return NEWREF((Object *)((TracebackObject *)self)->code);
}

static const GetSetDef tb_getsets[] = {
    {"tb_next", tb_get_next, NULL, NULL},
    {"tb_lineno", tb_get_lineno, NULL, NULL},
    {"tb_lasti", tb_get_lasti, NULL, NULL},
    {"tb_frame", tb_get_frame, NULL, NULL},
    {"tb_code", tb_get_code, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

TypeObject TracebackType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "traceback",
    .basic_size = sizeof(TracebackObject),
    .dealloc = tb_dealloc,
    .getsets = tb_getsets,
};

/* ================================================================ source lines */

void traceback_remember_source(Object *filename, Object *source) {
    ThreadState *ts = ts_current();
    VMInterp *vi = ts != NULL && ts->interp != NULL ? vm_interp(ts->interp) : NULL;
    if (vi == NULL || vi->sources == NULL) {
        return;
    }
    if (dict_set(vi->sources, filename, source) < 0) {
        err_clear();
    }
}

/* The whole text of `filename` (borrowed str), from the cache or the disk. */
static Object *tb_source_of(Object *filename) {
    ThreadState *ts = ts_current();
    VMInterp *vi = vm_interp(ts->interp);
    if (vi->sources != NULL) {
        Object *s = dict_get_str(vi->sources, filename);
        if (s != NULL) {
            return s;
        }
    }
    FILE *fp = fopen(str_utf8(filename), "rb");
    if (fp == NULL) {
        return NULL;
    }
    StrBuilder sb;
    sb_init(&sb);
    char buf[8192];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, fp)) > 0) {
        sb_append(&sb, buf, n);
    }
    fclose(fp);
    Object *text = str_decode_utf8(sb.data != NULL ? sb.data : "", sb.size);
    sb_discard(&sb);
    if (text == NULL) {
        err_clear();
        return NULL;
    }
    if (vi->sources != NULL && dict_set(vi->sources, filename, text) < 0) {
        err_clear();
    }
    DECREF(text); /* the cache keeps it alive */
    return vi->sources != NULL ? dict_get_str(vi->sources, filename) : NULL;
}

/* Line `lineno` (1-based) of filename without its line ending: *start and
 * *len point into the cached source. false when unavailable. */
static bool tb_source_line(Object *filename, int lineno, const char **start, size_t *len) {
    if (lineno <= 0) {
        return false;
    }
    Object *src = tb_source_of(filename);
    if (src == NULL) {
        return false;
    }
    const char *p = str_utf8(src), *end = p + str_size(src);
    for (int i = 1; i < lineno; i++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (nl == NULL) {
            return false;
        }
        p = nl + 1;
    }
    if (p >= end) {
        return false;
    }
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    const char *e = nl != NULL ? nl : end;
    if (e > p && e[-1] == '\r') {
        e--;
    }
    *start = p;
    *len = (size_t)(e - p);
    return true;
}

static bool tb_is_ws(char c) { return c == ' ' || c == '\t' || c == '\f'; }

/* Number of code points in the first `bytes` bytes of s (clamped to len). */
static ssize_t tb_chars(const char *s, size_t len, ssize_t bytes) {
    if (bytes < 0) {
        return -1;
    }
    size_t b = (size_t)bytes < len ? (size_t)bytes : len;
    ssize_t n = 0;
    for (size_t i = 0; i < b; i++) {
        if (((unsigned char)s[i] & 0xC0) != 0x80) {
            n++;
        }
    }
    return n;
}

/* Byte offset of code point `chars` in s. */
static size_t tb_bytes(const char *s, size_t len, ssize_t chars) {
    size_t i = 0;
    ssize_t n = 0;
    while (i < len && n < chars) {
        i++;
        while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80) {
            i++;
        }
        n++;
    }
    return i;
}

/* CPython's extract_anchors_from_line: parse the failing expression's text
 * and, for a binary operator or a subscript, find the part to mark with '^'
 * (the operator, or the brackets) inside the '~' of the whole expression.
 * Offsets are byte offsets into seg. Returns true when anchors were found. */
static bool tb_anchors(const char *seg, size_t seglen, Object *filename, ssize_t *left,
                       ssize_t *right) {
    Arena *arena = arena_new();
    if (arena == NULL) {
        err_clear();
        return false;
    }
    bool found = false;
    Mod *mod = parse_source(arena, seg, seglen, filename, COMPILE_FILE);
    if (mod == NULL) {
        err_clear();
    } else if (mod->kind == MOD_MODULE && mod->v.Module.body.count == 1 &&
               mod->v.Module.body.items[0]->kind == STMT_EXPR) {
        Expr *e = mod->v.Module.body.items[0]->v.Expr.value;
        if (e->kind == EXPR_BIN_OP) {
            int lend = e->v.BinOp.left->end_col_offset;
            int rstart = e->v.BinOp.right->col_offset;
            for (int i = lend; i < rstart && (size_t)i < seglen; i++) {
                if (tb_is_ws(seg[i])) {
                    continue;
                }
                *left = i;
                *right = i + 1;
                if (i + 1 < rstart && !tb_is_ws(seg[i + 1])) {
                    ++*right;
                }
                found = true;
                if (i + 1 < rstart && seg[i] == ')') {
                    continue;
                }
                break;
            }
        } else if (e->kind == EXPR_SUBSCRIPT) {
            ssize_t l = e->v.Subscript.value->end_col_offset;
            ssize_t r = e->v.Subscript.slice->end_col_offset + 1;
            ssize_t n = (ssize_t)seglen;
            while (l < n && (tb_is_ws(seg[l]) || seg[l] != '[')) {
                l++;
            }
            while (r < n && (tb_is_ws(seg[r]) || seg[r] != ']')) {
                r++;
            }
            if (r < n) {
                r++;
            }
            *left = l;
            *right = r;
            found = true;
        }
    }
    arena_free(arena);
    return found;
}

/* One traceback entry: the File line, the source line and the carets. */
/* "  File ..., line N, in name" and the stripped source line. Returns
 * false when the source is unknown; else the line and its indent. */
static bool tb_display_location(StrBuilder *out, CodeObject *code, int lineno, const char **line,
                                size_t *len, size_t *indent) {
    sb_appendf(out, "  File \"%s\", line %d, in %s\n", str_utf8(code->filename), lineno,
               str_utf8(code->name));
    if (!tb_source_line(code->filename, lineno, line, len)) {
        return false;
    }
    *indent = 0;
    while (*indent < *len && tb_is_ws((*line)[*indent])) {
        (*indent)++;
    }
    sb_append_cstr(out, "    ");
    sb_append(out, *line + *indent, *len - *indent);
    sb_append_char(out, '\n');
    return true;
}

static void tb_display_entry(StrBuilder *out, TracebackObject *tb) {
    CodeObject *code = tb->code;
    const char *line;
    size_t len, indent;
    if (!tb_display_location(out, code, tb->lineno, &line, &len, &indent)) {
        return;
    }

    if (code->positions == NULL || tb->lasti < 0 || (size_t)tb->lasti >= code->ncode) {
        return;
    }
    SourcePosition pos = code->positions[tb->lasti];
    if (pos.line <= 0 || pos.end_line <= 0 || pos.col < 0 || pos.end_col < 0) {
        return;
    }
    ssize_t line_chars = tb_chars(line, len, (ssize_t)len);
    ssize_t start = tb_chars(line, len, pos.col);
    ssize_t end = tb_chars(line, len, pos.end_col);
    ssize_t left = -1, right = -1;
    if (pos.line == pos.end_line) {
        size_t sb_start = tb_bytes(line, len, start), sb_end = tb_bytes(line, len, end);
        ssize_t bl, br;
        if (sb_end > sb_start &&
            tb_anchors(line + sb_start, sb_end - sb_start, code->filename, &bl, &br)) {
            const char *seg = line + sb_start;
            size_t seglen = sb_end - sb_start;
            left = tb_chars(seg, seglen, bl) + start;
            right = tb_chars(seg, seglen, br) + start;
        }
    } else {
        ssize_t i = (ssize_t)len;
        while (--i >= 0) {
            if (!tb_is_ws(line[i])) {
                break;
            }
        }
        end = tb_chars(line, len, i + 1);
    }
    ssize_t indent_chars = tb_chars(line, len, (ssize_t)indent);
    ssize_t stripped_len = line_chars - indent_chars;
    bool secondary = left != -1 || right != -1;
    if (end - start == stripped_len && !secondary) {
        return;
    }
    for (ssize_t offset = indent_chars - 4 + 1; offset <= end; offset++) {
        if (offset <= start) {
            sb_append_char(out, ' ');
        } else if (secondary && left < offset && offset <= right) {
            sb_append_char(out, '^');
        } else {
            sb_append_char(out, secondary ? '~' : '^');
        }
    }
    sb_append_char(out, '\n');
}

void traceback_format_frame(StrBuilder *out, CodeObject *code, uint32_t lasti) {
    const char *line;
    size_t len, indent;
    tb_display_location(out, code, code_line_of(code, lasti), &line, &len, &indent);
}

#define TB_RECURSIVE_CUTOFF 3
#define TB_LIMIT 1000

static void tb_print_repeated(StrBuilder *out, long cnt) {
    cnt -= TB_RECURSIVE_CUTOFF;
    sb_appendf(out, "  [Previous line repeated %ld more time%s]\n", cnt, cnt > 1 ? "s" : "");
}

/* The next entry of a traceback chain, or NULL (guards against anything
 * but a traceback object put there through with_traceback). */
static TracebackObject *tb_next(TracebackObject *tb) {
    Object *n = tb->next;
    return n != NULL && !is_small_int(n) && n->type == &TracebackType ? (TracebackObject *)n
                                                                       : NULL;
}

/* The entries of a traceback chain (no header), CPython's limit and
 * "[Previous line repeated N more times]" folding included. When `list` is
 * not NULL each entry becomes one str appended to it (traceback.format_tb),
 * else everything is appended to `out`. Returns -1 only when appending to
 * `list` failed (exception set). */
static int tb_print_entries(StrBuilder *out, TracebackObject *tb, long limit, Object *list) {
    long depth = 0;
    for (TracebackObject *t = tb; t != NULL; t = tb_next(t)) {
        depth++;
    }
    while (tb != NULL && depth > limit) {
        depth--;
        tb = tb_next(tb);
    }
    Object *last_file = NULL, *last_name = NULL;
    int last_line = -1;
    long cnt = 0;
    for (; tb != NULL || cnt > TB_RECURSIVE_CUTOFF; tb = tb != NULL ? tb_next(tb) : NULL) {
        bool emitted = false;
        if (tb == NULL) {
            tb_print_repeated(out, cnt); /* the fold after the last entry */
            cnt = 0;
            emitted = true;
        } else {
            CodeObject *code = tb->code;
            if (last_file == NULL || !str_equal(code->filename, last_file) || last_line == -1 ||
                tb->lineno != last_line || last_name == NULL ||
                !str_equal(code->name, last_name)) {
                if (cnt > TB_RECURSIVE_CUTOFF) {
                    tb_print_repeated(out, cnt);
                    if (list != NULL) {
                        Object *s = sb_finish(out);
                        if (s == NULL || list_append(list, s) < 0) {
                            XDECREF(s);
                            sb_init(out);
                            return -1;
                        }
                        DECREF(s);
                        sb_init(out);
                    }
                }
                last_file = code->filename;
                last_line = tb->lineno;
                last_name = code->name;
                cnt = 0;
            }
            cnt++;
            if (cnt <= TB_RECURSIVE_CUTOFF) {
                tb_display_entry(out, tb);
                emitted = true;
            }
        }
        if (emitted && list != NULL) {
            Object *s = sb_finish(out);
            if (s == NULL || list_append(list, s) < 0) {
                XDECREF(s);
                sb_init(out);
                return -1;
            }
            DECREF(s);
            sb_init(out);
        }
    }
    return 0;
}

/* sys.tracebacklimit, or TB_LIMIT when unset. */
static long tb_limit(void) {
    ThreadState *ts = ts_current();
    Object *lim = dict_get_cstr(ts->interp->sysdict, "tracebacklimit");
    if (lim != NULL && is_small_int(lim)) {
        return (long)small_int_value(lim);
    }
    return TB_LIMIT;
}

static void tb_print(StrBuilder *out, TracebackObject *tb) {
    long limit = tb_limit();
    if (limit <= 0) {
        return;
    }
    sb_append_cstr(out, "Traceback (most recent call last):\n");
    (void)tb_print_entries(out, tb, limit, NULL);
}

int traceback_format_tb(Object *tb, Object *list) {
    if (tb == NULL || is_small_int(tb) || tb->type != &TracebackType) {
        return 0;
    }
    StrBuilder sb;
    sb_init(&sb);
    int r = tb_print_entries(&sb, (TracebackObject *)tb, TB_LIMIT, list);
    sb_discard(&sb);
    return r;
}

/* ================================================================ exceptions */

/* An int attribute of exc, or `dflt` when absent, None or not an int. */
static ssize_t tb_int_attr(Object *exc, const char *name, ssize_t dflt, bool *was_none) {
    Object *v = obj_getattr_cstr(exc, name);
    if (was_none != NULL) {
        *was_none = v == NULL || v == None;
    }
    if (v == NULL) {
        err_clear();
        return dflt;
    }
    ssize_t r = dflt;
    if (int_check(v) && int_to_ssize(v, &r) < 0) {
        err_clear();
        r = dflt;
    }
    DECREF(v);
    return r;
}

/* CPython's print_error_text: the offending line and a caret run. */
static void tb_print_error_text(StrBuilder *out, ssize_t offset, ssize_t end_offset,
                                const char *text) {
    size_t caret_repetitions =
        (end_offset > 0 && end_offset > offset) ? (size_t)(end_offset - offset) : 1;
    offset--;
    while (*text == ' ' || *text == '\t' || *text == '\f') {
        text++;
        offset--;
    }
    ssize_t len = (ssize_t)strlen(text);
    if (len > 0 && text[len - 1] == '\n') {
        len--;
    }
    if (offset > len) {
        offset = len;
    }
    for (;;) {
        const char *nl = strchr(text, '\n');
        if (nl == NULL) {
            break;
        }
        ssize_t inl = nl - text;
        if (inl >= offset) {
            break;
        }
        inl += 1;
        text += inl;
        len -= inl;
        offset -= inl;
    }
    sb_append_cstr(out, "    ");
    sb_append_cstr(out, text);
    if (text[len] != '\n') {
        sb_append_char(out, '\n');
    }
    if (offset < 0) {
        return;
    }
    sb_append_cstr(out, "    ");
    while (--offset >= 0) {
        sb_append_char(out, ' ');
    }
    for (size_t i = 0; i < caret_repetitions; i++) {
        sb_append_char(out, '^');
    }
    sb_append_char(out, '\n');
}

/* SyntaxError's location block. Returns its msg (new ref) to print after
 * the type name, or NULL to print str(exc) instead. */
static Object *tb_print_syntax_error(StrBuilder *out, Object *exc) {
    Object *msg = obj_getattr_cstr(exc, "msg");
    if (msg == NULL) {
        err_clear();
        return NULL;
    }
    Object *filename = obj_getattr_cstr(exc, "filename");
    if (filename == NULL) {
        err_clear();
        DECREF(msg);
        return NULL;
    }
    ssize_t lineno = tb_int_attr(exc, "lineno", 0, NULL);
    bool none;
    ssize_t offset = tb_int_attr(exc, "offset", -1, &none);
    if (none) {
        offset = -1;
    }
    ssize_t end_lineno = lineno, end_offset = -1;
    if (obj_type(exc) == &ExcSyntaxError) {
        end_lineno = tb_int_attr(exc, "end_lineno", lineno, &none);
        if (none) {
            end_lineno = lineno;
        }
        end_offset = tb_int_attr(exc, "end_offset", -1, &none);
        if (none) {
            end_offset = -1;
        }
    }
    sb_appendf(out, "  File \"%s\", line %zd\n",
               str_check(filename) ? str_utf8(filename) : "<string>", lineno);
    DECREF(filename);
    Object *text = obj_getattr_cstr(exc, "text");
    if (text == NULL) {
        err_clear();
    } else if (str_check(text)) {
        ssize_t line_size = (ssize_t)str_size(text);
        if (end_lineno > lineno) {
            end_offset = line_size;
        }
        if (end_offset > line_size + 1) {
            end_offset = line_size + 1;
        }
        tb_print_error_text(out, offset, end_offset, str_utf8(text));
    }
    XDECREF(text);
    return msg;
}

/* ---------------------------------------------------------------- suggestions */

/* "Did you mean" for NameError and AttributeError, as CPython 3.11's
 * Python/suggestions.c: the candidate with the smallest Levenshtein
 * distance (case flips cost 1, other edits 2), within a third of the size. */
#define SUGGEST_MAX_CANDIDATES 750
#define SUGGEST_MAX_STRING 40
#define SUGGEST_MOVE_COST 2
#define SUGGEST_CASE_COST 1

static size_t tb_substitution_cost(char a, char b) {
    if ((a & 31) != (b & 31)) {
        return SUGGEST_MOVE_COST;
    }
    if (a == b) {
        return 0;
    }
    if ('A' <= a && a <= 'Z') {
        a += 'a' - 'A';
    }
    if ('A' <= b && b <= 'Z') {
        b += 'a' - 'A';
    }
    return a == b ? SUGGEST_CASE_COST : SUGGEST_MOVE_COST;
}

static size_t tb_levenshtein(const char *a, size_t a_size, const char *b, size_t b_size,
                             size_t max_cost) {
    size_t buffer[SUGGEST_MAX_STRING];
    if (a == b) {
        return 0;
    }
    while (a_size && b_size && a[0] == b[0]) {
        a++;
        a_size--;
        b++;
        b_size--;
    }
    while (a_size && b_size && a[a_size - 1] == b[b_size - 1]) {
        a_size--;
        b_size--;
    }
    if (a_size == 0 || b_size == 0) {
        return (a_size + b_size) * SUGGEST_MOVE_COST;
    }
    if (a_size > SUGGEST_MAX_STRING || b_size > SUGGEST_MAX_STRING) {
        return max_cost + 1;
    }
    if (b_size < a_size) {
        const char *t = a;
        a = b;
        b = t;
        size_t ts = a_size;
        a_size = b_size;
        b_size = ts;
    }
    if ((b_size - a_size) * SUGGEST_MOVE_COST > max_cost) {
        return max_cost + 1;
    }
    size_t tmp = SUGGEST_MOVE_COST;
    for (size_t i = 0; i < a_size; i++) {
        buffer[i] = tmp;
        tmp += SUGGEST_MOVE_COST;
    }
    size_t result = 0;
    for (size_t bi = 0; bi < b_size; bi++) {
        char code = b[bi];
        size_t distance = result = bi * SUGGEST_MOVE_COST;
        size_t minimum = SIZE_MAX;
        for (size_t i = 0; i < a_size; i++) {
            size_t substitute = distance + tb_substitution_cost(code, a[i]);
            distance = buffer[i];
            size_t insert_delete = (result < distance ? result : distance) + SUGGEST_MOVE_COST;
            result = insert_delete < substitute ? insert_delete : substitute;
            buffer[i] = result;
            if (result < minimum) {
                minimum = result;
            }
        }
        if (minimum > max_cost) {
            return max_cost + 1;
        }
    }
    return result;
}

/* The best candidate among the strs of `list` (borrowed item) or NULL. */
static Object *tb_calculate_suggestion(Object *list, Object *name) {
    size_t n = list_size(list);
    if (n >= SUGGEST_MAX_CANDIDATES) {
        return NULL;
    }
    Object *best = NULL;
    size_t best_distance = SIZE_MAX;
    size_t name_size = str_size(name);
    for (size_t i = 0; i < n; i++) {
        Object *item = list_get(list, i);
        if (!str_check(item)) {
            continue;
        }
        if (str_equal(item, name)) {
            continue;
        }
        size_t item_size = str_size(item);
        size_t max_distance = (name_size + item_size + 3) * SUGGEST_MOVE_COST / 6;
        if (best_distance - 1 < max_distance) {
            max_distance = best_distance - 1;
        }
        size_t d = tb_levenshtein(str_utf8(name), name_size, str_utf8(item), item_size,
                                  max_distance);
        if (d > max_distance) {
            continue;
        }
        if (best == NULL || d < best_distance) {
            best = item;
            best_distance = d;
        }
    }
    return best;
}

/* Suggest from a list made of `source` (new ref or NULL; the list is dropped). */
static Object *tb_suggest_from(Object *list, Object *name) {
    if (list == NULL) {
        err_clear();
        return NULL;
    }
    Object *s = tb_calculate_suggestion(list, name);
    XINCREF(s);
    DECREF(list);
    return s;
}

static Object *tb_exc_attr(Object *exc, const char *name) {
    Object *v = NULL;
    if (vm_lookup_attr_cstr(exc, name, &v) < 0) {
        err_clear();
        return NULL;
    }
    if (v == None) {
        DECREF(v);
        return NULL;
    }
    return v;
}

/* New reference to the suggested name, or NULL. */
static Object *tb_offer_suggestion(Object *exc) {
    ThreadState *ts = ts_current();
    Object *name = NULL, *res = NULL;
    if (obj_type(exc) == &ExcAttributeError) {
        name = tb_exc_attr(exc, "name");
        Object *obj = tb_exc_attr(exc, "obj");
        Object *dir = dict_get_cstr(ts->interp->builtins, "dir");
        if (name != NULL && obj != NULL && dir != NULL && str_check(name)) {
            Object *names = obj_call1(dir, obj);
            if (names != NULL && !list_check(names)) {
                CLEAR(names);
            }
            res = tb_suggest_from(names, name);
        }
        XDECREF(obj);
    } else if (obj_type(exc) == &ExcNameError) {
        name = tb_exc_attr(exc, "name");
        Object *tbo = ((ExceptionObject *)exc)->traceback;
        TracebackObject *tb = tbo != NULL && !is_small_int(tbo) && tbo->type == &TracebackType
                                  ? (TracebackObject *)tbo
                                  : NULL;
        if (name != NULL && str_check(name) && tb != NULL) {
            while (tb_next(tb) != NULL) {
                tb = tb_next(tb);
            }
            Object *varnames = tb->code->varnames;
            Object *locals = list_new(0);
            for (size_t i = 0; locals != NULL && i < tuple_size(varnames); i++) {
                if (list_append(locals, tuple_get(varnames, i)) < 0) {
                    CLEAR(locals);
                }
            }
            res = tb_suggest_from(locals, name);
            if (res == NULL && tb->globals != NULL) {
                res = tb_suggest_from(dict_keys_list(tb->globals), name);
            }
            if (res == NULL && tb->globals != NULL) {
                Object *b = dict_get_cstr(tb->globals, "__builtins__");
                if (b != NULL && module_check(b)) {
                    b = module_dict(b);
                }
                if (b == NULL || !dict_check(b)) {
                    b = ts->interp->builtins;
                }
                res = tb_suggest_from(dict_keys_list(b), name);
            }
        }
    }
    XDECREF(name);
    err_clear();
    return res;
}

/* The "Type: message" line (module-qualified for non-builtin types). */
static void tb_print_type_line(StrBuilder *out, Object *exc, Object *message) {
    TypeObject *t = obj_type(exc);
    Object *module = NULL;
    if (vm_lookup_attr_cstr((Object *)t, "__module__", &module) < 0) {
        err_clear();
    }
    if (module == NULL || !str_check(module)) {
        sb_append_cstr(out, "<unknown>");
    } else if (!str_equal_cstr(module, "builtins") && !str_equal_cstr(module, "__main__")) {
        sb_append_str(out, module);
        sb_append_char(out, '.');
    }
    XDECREF(module);
    if (t->qualname != NULL && str_check(t->qualname)) {
        sb_append_str(out, t->qualname);
    } else {
        sb_append_cstr(out, t->name);
    }
    Object *s = message != NULL ? NEWREF(message) : exception_str(exc);
    if (s == NULL) {
        err_clear();
        sb_append_cstr(out, ": <exception str() failed>");
    } else {
        if (!str_check(s) || str_length(s) != 0) {
            sb_append_cstr(out, ": ");
        }
        if (str_check(s)) {
            sb_append_str(out, s);
        }
        DECREF(s);
    }
    Object *suggestion = tb_offer_suggestion(exc);
    if (suggestion != NULL) {
        sb_append_cstr(out, ". Did you mean: '");
        sb_append_str(out, suggestion);
        sb_append_cstr(out, "'?");
        DECREF(suggestion);
    }
    sb_append_char(out, '\n');
}

static void tb_print_notes(StrBuilder *out, Object *exc) {
    Object *notes = NULL;
    if (vm_lookup_attr_cstr(exc, "__notes__", &notes) < 0) {
        err_clear();
        return;
    }
    if (notes == NULL) {
        return;
    }
    Object *it = obj_iter(notes);
    if (it != NULL) {
        Object *note;
        while ((note = obj_next(it)) != NULL) {
            if (str_check(note)) {
                sb_append_str(out, note);
            } else if (sb_append_strof(out, note) < 0) {
                err_clear();
                sb_append_cstr(out, "<note str() failed>");
            }
            sb_append_char(out, '\n');
            DECREF(note);
        }
        DECREF(it);
    }
    err_clear();
    DECREF(notes);
}

static void tb_print_one(StrBuilder *out, Object *exc) {
    if (!exception_check(exc)) {
        sb_append_cstr(out, "TypeError: print_exception(): Exception expected for value, ");
        sb_append_cstr(out, obj_type_name(exc));
        sb_append_cstr(out, " found\n");
        return;
    }
    ExceptionObject *e = (ExceptionObject *)exc;
    if (e->traceback != NULL && !is_small_int(e->traceback) &&
        e->traceback->type == &TracebackType) {
        tb_print(out, (TracebackObject *)e->traceback);
    }
    traceback_format_exception_only(exc, out);
}

void traceback_format_exception_only(Object *exc, StrBuilder *out) {
    if (!exception_check(exc)) {
        sb_append_cstr(out, obj_type_name(exc));
        sb_append_cstr(out, "\n");
        return;
    }
    Object *message = NULL;
    if (obj_is_instance_of(exc, &ExcSyntaxError)) {
        message = tb_print_syntax_error(out, exc);
    }
    tb_print_type_line(out, exc, message);
    XDECREF(message);
    tb_print_notes(out, exc);
}

/* Exceptions already printed (cycle guard of the chain walk). */
typedef struct TbSeen {
    Object *items[64];
    size_t count;
} TbSeen;

static bool tb_seen(const TbSeen *seen, Object *exc) {
    for (size_t i = 0; i < seen->count; i++) {
        if (seen->items[i] == exc) {
            return true;
        }
    }
    return false;
}

static void tb_print_recursive(StrBuilder *out, Object *exc, TbSeen *seen) {
    if (seen->count < sizeof seen->items / sizeof seen->items[0]) {
        seen->items[seen->count++] = exc;
    }
    if (exception_check(exc)) {
        ExceptionObject *e = (ExceptionObject *)exc;
        if (e->cause != NULL && e->cause != None) {
            if (!tb_seen(seen, e->cause)) {
                tb_print_recursive(out, e->cause, seen);
                sb_append_cstr(out, "\nThe above exception was the direct cause of the following "
                                    "exception:\n\n");
            }
        } else if (!e->suppress_context && e->context != NULL && e->context != None) {
            if (!tb_seen(seen, e->context)) {
                tb_print_recursive(out, e->context, seen);
                sb_append_cstr(out, "\nDuring handling of the above exception, another "
                                    "exception occurred:\n\n");
            }
        }
    }
    tb_print_one(out, exc);
}

void traceback_format_exception(Object *exc, StrBuilder *out) {
    TbSeen seen;
    seen.count = 0;
    tb_print_recursive(out, exc, &seen);
}
