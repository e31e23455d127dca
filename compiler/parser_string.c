/* parser_string.c: string literals for the parser: prefixes, escape
 * sequences, adjacent-literal concatenation, bytes, and f-strings (literal
 * text, replacement fields with !r/!s/!a, format specs, `{x=}`), with CPython
 * 3.11's rules and error messages (Parser/string_parser.c). \N{NAME} uses the
 * table of parser_unicode_names.c. */
#include <stdio.h>
#include <string.h>

#include "bytes.h"
#include "errors.h"
#include "exceptions.h"
#include "memory.h"
#include "parser_impl.h"
#include "str.h"

#define FSTRING_MAX_NESTING 2 /* f'{a:{b}}' is allowed, one level deeper is not */

/* One STRING token, split into its parts. */
typedef struct {
    Token *tok;
    bool raw, bytes, fstring, unicode;
    const char *body; /* between the quotes */
    size_t size;
} Literal;

static void split_literal(Token *t, Literal *lit) {
    memset(lit, 0, sizeof *lit);
    lit->tok = t;
    const char *s = t->start;
    while (*s != '\'' && *s != '"') {
        switch (*s) {
        case 'r': case 'R': lit->raw = true; break;
        case 'b': case 'B': lit->bytes = true; break;
        case 'f': case 'F': lit->fstring = true; break;
        case 'u': case 'U': lit->unicode = true; break;
        default: break;
        }
        s++;
    }
    size_t quote_len = (s[1] == s[0] && s[2] == s[0] && t->start + t->len - s >= 6) ? 3 : 1;
    lit->body = s + quote_len;
    lit->size = (size_t)(t->start + t->len - s) - 2 * quote_len;
}

/* Raise at the token after the literals, where CPython's string errors point. */
static void *error_after(Parser *p, const char *fmt, const char *detail) {
    Token *t = parser_token(p);
    if (p->error) {
        return NULL;
    }
    return parser_error_range(p, t->lineno, t->col_offset, t->end_lineno, t->end_col_offset, fmt,
                              detail);
}

static int hex_value(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Decode the escapes of s[0..n) (a literal's body, or a piece of an
 * f-string's literal text) into sb. `bytes`: \u, \U and \N are not escapes
 * and values are bytes. `body_offset` is where s starts within the literal's
 * body, for CPython's "position a-b" in error messages. Unknown escapes keep
 * their backslash (3.11 only warns). Returns 0 or -1 (error raised). */
static int decode_escapes(Parser *p, StrBuilder *sb, const char *s, size_t n, bool bytes,
                          size_t body_offset) {
    size_t i = 0;
    while (i < n) {
        const char *bs = memchr(s + i, '\\', n - i);
        size_t run = bs == NULL ? n - i : (size_t)(bs - (s + i));
        sb_append(sb, s + i, run);
        i += run;
        if (i >= n) {
            break;
        }
        size_t esc_start = i;
        i++; /* the backslash */
        if (i >= n) {
            sb_append_char(sb, '\\');
            break;
        }
        char c = s[i++];
        switch (c) {
        case '\n': break; /* line continuation inside the literal */
        case '\\': sb_append_char(sb, '\\'); break;
        case '\'': sb_append_char(sb, '\''); break;
        case '"': sb_append_char(sb, '"'); break;
        case 'a': sb_append_char(sb, '\a'); break;
        case 'b': sb_append_char(sb, '\b'); break;
        case 'f': sb_append_char(sb, '\f'); break;
        case 'n': sb_append_char(sb, '\n'); break;
        case 'r': sb_append_char(sb, '\r'); break;
        case 't': sb_append_char(sb, '\t'); break;
        case 'v': sb_append_char(sb, '\v'); break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            unsigned value = (unsigned)(c - '0');
            for (int k = 0; k < 2 && i < n && s[i] >= '0' && s[i] <= '7'; k++) {
                value = value * 8 + (unsigned)(s[i++] - '0');
            }
            if (bytes) {
                sb_append_char(sb, (char)(value & 0xFF));
            } else {
                sb_append_codepoint(sb, value);
            }
            break;
        }
        case 'x': case 'u': case 'U': {
            if (bytes && c != 'x') {
                sb_append_char(sb, '\\');
                sb_append_char(sb, c);
                break;
            }
            int digits = c == 'x' ? 2 : c == 'u' ? 4 : 8;
            uint32_t value = 0;
            int k = 0;
            for (; k < digits && i < n && hex_value((unsigned char)s[i]) >= 0; k++) {
                value = value * 16 + (uint32_t)hex_value((unsigned char)s[i++]);
            }
            char detail[160];
            if (k < digits) {
                if (bytes) {
                    snprintf(detail, sizeof detail, "invalid \\x escape at position %zu",
                             body_offset + esc_start);
                    error_after(p, "(value error) %s", detail);
                } else {
                    snprintf(detail, sizeof detail,
                             "'unicodeescape' codec can't decode bytes in position %zu-%zu: "
                             "truncated \\%c%s escape",
                             body_offset + esc_start, body_offset + i - 1, c,
                             c == 'x' ? "XX" : c == 'u' ? "XXXX" : "XXXXXXXX");
                    error_after(p, "(unicode error) %s", detail);
                }
                return -1;
            }
            if (bytes) {
                sb_append_char(sb, (char)value);
            } else if (value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
                snprintf(detail, sizeof detail,
                         "'unicodeescape' codec can't decode bytes in position %zu-%zu: %s",
                         body_offset + esc_start, body_offset + i - 1,
                         value > 0x10FFFF ? "illegal Unicode character"
                                          : "surrogate characters are not supported by gilpy");
                error_after(p, "(unicode error) %s", detail);
                return -1;
            } else {
                sb_append_codepoint(sb, value);
            }
            break;
        }
        case 'N':
            if (!bytes) {
                /* \N{NAME}: looked up in parser_unicode_names.c (a subset of
                 * the Unicode names; others count as unknown). */
                size_t end = i;
                while (end < n && s[end] != '}') {
                    end++;
                }
                bool brace = i < n && s[i] == '{';
                bool malformed = !brace || end >= n || end == i + 1;
                if (!malformed) {
                    int32_t cp = parser_unicode_lookup(s + i + 1, end - i - 1);
                    if (cp >= 0) {
                        sb_append_codepoint(sb, (uint32_t)cp);
                        i = end + 1;
                        break;
                    }
                }
                size_t last = !brace ? i - 1 : end >= n ? n - 1 : end == i + 1 ? i : end;
                char detail[160];
                snprintf(detail, sizeof detail,
                         "'unicodeescape' codec can't decode bytes in position %zu-%zu: %s",
                         body_offset + esc_start, body_offset + last,
                         malformed ? "malformed \\N character escape"
                                   : "unknown Unicode character name");
                error_after(p, "(unicode error) %s", detail);
                return -1;
            }
            /* \N in bytes is an unknown escape, handled below */
            /* fall through */
        default:
            /* Not an escape: keep the backslash (3.11 warns, we stay quiet). */
            sb_append_char(sb, '\\');
            i--;
            break;
        }
    }
    if (sb->failed) {
        p->error = true;
        return -1;
    }
    return 0;
}

/* ================================================================ f-strings */

/* Collects the parts of a JoinedStr: literal text waiting in `text`, and the
 * finished values. */
typedef struct {
    PtrVec values;
    StrBuilder text;
    Token *first, *last; /* span for the parts' positions (CPython gives them all
                            the span of the whole string) */
} FStringBuilder;

static Expr *span_expr(Parser *p, FStringBuilder *fb, ExprKind kind) {
    return parser_new_expr(p, kind, fb->first->lineno, fb->first->col_offset, fb->last->end_lineno,
                           fb->last->end_col_offset);
}

/* Turn pending literal text into a Constant part spanning tokens
 * first..last (CPython 3.11: the whole string, except for the text that ends
 * a format spec, which spans only the token holding it). */
static int flush_text_span(Parser *p, FStringBuilder *fb, Token *first, Token *last) {
    if (fb->text.size == 0) {
        return 0;
    }
    Object *s = sb_finish(&fb->text);
    sb_init(&fb->text);
    if (parser_keep(p, s) == NULL) {
        return -1;
    }
    Expr *c = parser_new_expr(p, EXPR_CONSTANT, first->lineno, first->col_offset,
                              last->end_lineno, last->end_col_offset);
    if (c == NULL) {
        return -1;
    }
    c->v.Constant.value = s;
    return parser_vec_push(p, &fb->values, c);
}

static int flush_text(Parser *p, FStringBuilder *fb) {
    return flush_text_span(p, fb, fb->first, fb->last);
}

static int fstring_parse(Parser *p, FStringBuilder *fb, Literal *lit, size_t *pos, int level);

/* Line and column in the source of byte `offset` of lit's body. */
static void body_position(Literal *lit, size_t offset, int *line, int *col) {
    *line = lit->tok->lineno;
    const char *line_start = lit->tok->start - lit->tok->col_offset;
    for (const char *s = lit->tok->start; s < lit->body + offset; s++) {
        if (*s == '\n') {
            (*line)++;
            line_start = s + 1;
        }
    }
    *col = (int)(lit->body + offset - line_start);
}

/* A replacement field starting at body[*pos] == '{'. Appends a
 * FormattedValue (and for `{x=}` the text "x=") to fb. */
static int fstring_field(Parser *p, FStringBuilder *fb, Literal *lit, size_t *pos, int level) {
    const char *s = lit->body;
    size_t n = lit->size;
    if (level >= FSTRING_MAX_NESTING) {
        error_after(p, "%s", "f-string: expressions nested too deeply");
        return -1;
    }
    size_t i = *pos + 1;
    size_t expr_start = i;
    char quote = 0;
    bool triple = false;
    char brackets[200];
    int depth = 0;
    for (; i < n; i++) {
        char ch = s[i];
        if (ch == '\\') {
            error_after(p, "%s", "f-string expression part cannot include a backslash");
            return -1;
        }
        if (quote) {
            if (ch == quote) {
                if (!triple) {
                    quote = 0;
                } else if (i + 2 < n && s[i + 1] == quote && s[i + 2] == quote) {
                    i += 2;
                    quote = 0;
                }
            }
            continue;
        }
        if (ch == '\'' || ch == '"') {
            triple = i + 2 < n && s[i + 1] == ch && s[i + 2] == ch;
            if (triple) {
                i += 2;
            }
            quote = ch;
        } else if (ch == '[' || ch == '{' || ch == '(') {
            if (depth >= (int)sizeof brackets) {
                error_after(p, "%s", "f-string: too many nested parenthesis");
                return -1;
            }
            brackets[depth++] = ch;
        } else if (ch == '#') {
            error_after(p, "%s", "f-string expression part cannot include '#'");
            return -1;
        } else if (depth == 0 && (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' ||
                                  ch == '<')) {
            if (i + 1 < n && s[i + 1] == '=' && (ch == '!' || ch == '=' || ch == '<' || ch == '>')) {
                i++;
                continue;
            }
            if (ch == '>' || ch == '<') {
                continue;
            }
            break;
        } else if (ch == ']' || ch == '}' || ch == ')') {
            if (depth == 0) {
                char detail[40];
                snprintf(detail, sizeof detail, "%c", ch);
                error_after(p, "f-string: unmatched '%s'", detail);
                return -1;
            }
            char open = brackets[--depth];
            if (!((open == '(' && ch == ')') || (open == '[' && ch == ']') ||
                  (open == '{' && ch == '}'))) {
                char detail[120];
                snprintf(detail, sizeof detail,
                         "closing parenthesis '%c' does not match opening parenthesis '%c'", ch,
                         open);
                error_after(p, "f-string: %s", detail);
                return -1;
            }
        }
    }
    size_t expr_end = i;
    if (quote) {
        error_after(p, "%s", "f-string: unterminated string");
        return -1;
    }
    if (depth > 0) {
        char detail[8];
        snprintf(detail, sizeof detail, "%c", brackets[depth - 1]);
        error_after(p, "f-string: unmatched '%s'", detail);
        return -1;
    }
    if (i >= n) {
        error_after(p, "%s", "f-string: expecting '}'");
        return -1;
    }
    /* The expression itself: all blank is an error; else parse "(text)". */
    bool blank = true;
    for (size_t k = expr_start; k < expr_end; k++) {
        if (s[k] != ' ' && s[k] != '\t' && s[k] != '\n' && s[k] != '\f' && s[k] != '\r') {
            blank = false;
        }
    }
    if (blank) {
        error_after(p, "%s", "f-string: empty expression not allowed");
        return -1;
    }
    size_t len = expr_end - expr_start;
    char *buf = mem_alloc(len + 4);
    if (buf == NULL) {
        p->error = true;
        return -1;
    }
    buf[0] = '(';
    memcpy(buf + 1, s + expr_start, len);
    buf[len + 1] = ')';
    buf[len + 2] = '\n'; /* errors show "(expr)\n" as their text, as CPython */
    int line, col;
    body_position(lit, expr_start, &line, &col);
    Expr *value = parser_fstring_expr(p, buf, len + 3, line, col);
    mem_free(buf);
    if (value == NULL) {
        return -1;
    }
    /* {x=}: the expression's text (with the '=' and following spaces) goes
     * into the literal text, and the conversion defaults to !r. */
    bool self_documenting = false;
    if (s[i] == '=') {
        i++;
        while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\f')) {
            i++;
        }
        if (i >= n) {
            error_after(p, "%s", "f-string: expecting '}'");
            return -1;
        }
        sb_append(&fb->text, s + expr_start, i - expr_start);
        self_documenting = true;
    }
    int conversion = -1;
    if (s[i] == '!') {
        i++;
        if (i >= n) {
            error_after(p, "%s", "f-string: expecting '}'");
            return -1;
        }
        conversion = (unsigned char)s[i++];
        if (conversion != 's' && conversion != 'r' && conversion != 'a') {
            error_after(p, "%s", "f-string: invalid conversion character: expected 's', 'r', or 'a'");
            return -1;
        }
    }
    Expr *spec = NULL;
    if (i < n && s[i] == ':') {
        i++;
        if (i >= n) {
            error_after(p, "%s", "f-string: expecting '}'");
            return -1;
        }
        FStringBuilder inner = {.first = fb->first, .last = fb->last};
        sb_init(&inner.text);
        if (fstring_parse(p, &inner, lit, &i, level + 1) < 0 ||
            flush_text_span(p, &inner, lit->tok, lit->tok) < 0) {
            sb_discard(&inner.text);
            return -1;
        }
        Token *t = lit->tok;
        spec = parser_new_expr(p, EXPR_JOINED_STR, t->lineno, t->col_offset, t->end_lineno,
                               t->end_col_offset);
        if (spec == NULL) {
            return -1;
        }
        spec->v.JoinedStr.values = (ExprSeq){(Expr **)inner.values.items, inner.values.count};
    }
    if (i >= n || s[i] != '}') {
        error_after(p, "%s", "f-string: expecting '}'");
        return -1;
    }
    i++;
    if (self_documenting && spec == NULL && conversion == -1) {
        conversion = 'r';
    }
    if (flush_text(p, fb) < 0) {
        return -1;
    }
    Expr *fv = span_expr(p, fb, EXPR_FORMATTED_VALUE);
    if (fv == NULL) {
        return -1;
    }
    fv->v.FormattedValue.value = value;
    fv->v.FormattedValue.conversion = conversion;
    fv->v.FormattedValue.format_spec = spec;
    *pos = i;
    return parser_vec_push(p, &fb->values, fv);
}

/* Parse f-string text from body[*pos]: literal text (with escapes unless
 * raw, `{{` and `}}`) and replacement fields. At level > 0 (a format spec)
 * stop before the '}' that closes the field. */
static int fstring_parse(Parser *p, FStringBuilder *fb, Literal *lit, size_t *pos, int level) {
    const char *s = lit->body;
    size_t n = lit->size;
    size_t i = *pos;
    while (i < n) {
        /* literal text up to the next brace */
        size_t start = i;
        while (i < n && s[i] != '{' && s[i] != '}') {
            if (s[i] == '\\' && !lit->raw && i + 1 < n) {
                i++; /* an escaped character is never a brace */
                if (s[i] == 'N' && i + 1 < n && s[i + 1] == '{') {
                    while (i < n && s[i] != '}') {
                        i++;
                    }
                }
            }
            i++;
        }
        if (i > n) {
            i = n;
        }
        if (i > start) {
            if (lit->raw) {
                sb_append(&fb->text, s + start, i - start);
            } else if (decode_escapes(p, &fb->text, s + start, i - start, false, start) < 0) {
                return -1;
            }
        }
        if (i >= n) {
            break;
        }
        if (s[i] == '{') {
            if (level == 0 && i + 1 < n && s[i + 1] == '{') {
                sb_append_char(&fb->text, '{');
                i += 2;
                continue;
            }
            if (fstring_field(p, fb, lit, &i, level) < 0) {
                return -1;
            }
            continue;
        }
        /* '}' */
        if (level > 0) {
            break; /* ends the format spec */
        }
        if (i + 1 < n && s[i + 1] == '}') {
            sb_append_char(&fb->text, '}');
            i += 2;
            continue;
        }
        error_after(p, "%s", "f-string: single '}' is not allowed");
        return -1;
    }
    *pos = i;
    return 0;
}

/* ================================================================ entry point */

Expr *parser_strings(Parser *p) {
    /* Gather the adjacent STRING tokens. */
    Literal stack_lits[8];
    Literal *lits = stack_lits;
    size_t count = 0, capacity = 8;
    bool any_bytes = false, any_text = false, any_f = false;
    while (parser_token(p)->kind == TOK_STRING && !p->error) {
        if (count == capacity) {
            Literal *bigger = arena_alloc(p->arena, 2 * capacity * sizeof(Literal));
            if (bigger == NULL) {
                p->error = true;
                return NULL;
            }
            memcpy(bigger, lits, count * sizeof(Literal));
            lits = bigger;
            capacity *= 2;
        }
        Token *t = parser_token(p);
        split_literal(t, &lits[count]);
        any_bytes |= lits[count].bytes;
        any_text |= !lits[count].bytes;
        any_f |= lits[count].fstring;
        count++;
        p->pos++;
    }
    if (p->error) {
        return NULL;
    }
    Token *first = lits[0].tok, *last = lits[count - 1].tok;
    if (any_bytes && any_text) {
        return error_after(p, "%s", "cannot mix bytes and nonbytes literals");
    }
    if (any_bytes) {
        for (size_t k = 0; k < count; k++) {
            for (size_t i = 0; i < lits[k].size; i++) {
                if ((unsigned char)lits[k].body[i] >= 0x80) {
                    Token *t = lits[k].tok;
                    return parser_error_range(p, t->lineno, t->col_offset, t->end_lineno,
                                              t->end_col_offset,
                                              "bytes can only contain ASCII literal characters");
                }
            }
        }
    }
    FStringBuilder fb = {.first = first, .last = last};
    sb_init(&fb.text);
    for (size_t k = 0; k < count; k++) {
        Literal *lit = &lits[k];
        int r;
        if (lit->fstring) {
            size_t pos = 0;
            r = fstring_parse(p, &fb, lit, &pos, 0);
        } else if (lit->raw) {
            sb_append(&fb.text, lit->body, lit->size);
            r = 0;
        } else {
            r = decode_escapes(p, &fb.text, lit->body, lit->size, lit->bytes, 0);
        }
        if (r < 0 || fb.text.failed) {
            sb_discard(&fb.text);
            p->error = true;
            return NULL;
        }
    }
    if (!any_f) {
        /* A plain constant: str or bytes. */
        Object *value;
        if (any_bytes) {
            value = bytes_from_data(fb.text.data != NULL ? fb.text.data : "", fb.text.size);
            sb_discard(&fb.text);
        } else {
            value = sb_finish(&fb.text);
        }
        if (parser_keep(p, value) == NULL) {
            return NULL;
        }
        Expr *e = span_expr(p, &fb, EXPR_CONSTANT);
        if (e == NULL) {
            return NULL;
        }
        e->v.Constant.value = value;
        if (lits[0].unicode) {
            e->v.Constant.kind = parser_keep(p, str_from_cstr("u"));
            if (e->v.Constant.kind == NULL) {
                return NULL;
            }
        }
        return e;
    }
    if (flush_text(p, &fb) < 0) {
        sb_discard(&fb.text);
        return NULL;
    }
    sb_discard(&fb.text);
    Expr *e = span_expr(p, &fb, EXPR_JOINED_STR);
    if (e != NULL) {
        e->v.JoinedStr.values = (ExprSeq){(Expr **)fb.values.items, fb.values.count};
    }
    return e;
}
