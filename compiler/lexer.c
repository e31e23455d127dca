/* lexer.c: the tokenizer. Turns UTF-8 source into the token stream the parser
 * reads: NAME, NUMBER, STRING, operators, NEWLINE, and INDENT/DEDENT computed
 * from leading whitespace, with CPython 3.11's rules and error messages. */
#include "lexer.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "errors.h"
#include "exceptions.h"
#include "memory.h"
#include "str.h"
#include "unicode_data.h"

#define TAB_SIZE 8 /* a tab moves to the next multiple of 8, as in CPython */

const char *const token_kind_text[TOK_COUNT] = {
#define X(name, text) text,
    TOKEN_LIST(X)
#undef X
#define X(name, text) text,
    KEYWORD_LIST(X)
#undef X
};

/* ================================================================ errors */

/* Number of UTF-8 characters in the first `nbytes` bytes of `s`. */
static int char_count(const char *s, int nbytes) {
    int n = 0;
    for (int i = 0; i < nbytes && s[i] != '\0'; i++) {
        if (((unsigned char)s[i] & 0xC0) != 0x80) {
            n++;
        }
    }
    return n;
}

/* The start of physical line `lineno` in the buffer (the end of the buffer
 * when there is no such line). */
static const char *line_at(Lexer *lx, int lineno) {
    const char *p = lx->buf;
    for (int line = 1; line < lineno && p < lx->end; line++) {
        const char *nl = memchr(p, '\n', (size_t)(lx->end - p));
        if (nl == NULL) {
            return lx->end;
        }
        p = nl + 1;
    }
    return p;
}

/* Build and raise the SyntaxError. Offsets are final (1-based characters). */
static int raise_error(Lexer *lx, TypeObject *type, int lineno, int offset, int end_lineno,
                       int end_offset, bool with_newline, const char *fmt, va_list ap) {
    char msg[512];
    vsnprintf(msg, sizeof msg, fmt, ap);
    const char *line = line_at(lx, lineno);
    const char *eol = line;
    while (eol < lx->end && *eol != '\n') {
        eol++;
    }
    if (with_newline && eol < lx->end && !(lx->added_newline && eol + 1 == lx->end)) {
        eol++; /* keep the line's own newline (not one we added) */
    }
    Object *text = str_decode_utf8(line, (size_t)(eol - line));
    if (text == NULL) {
        err_clear();
        text = none_ref();
    }
    Object *exc = syntax_error_new(type, msg, lx->filename, lineno, offset, text, end_lineno,
                                   end_offset);
    DECREF(text);
    if (exc != NULL) {
        err_set_exception(exc);
        DECREF(exc);
    }
    return -1;
}

int lex_raise_raw(Lexer *lx, TypeObject *type, int lineno, int offset, int end_lineno,
                  int end_offset, bool with_newline, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    raise_error(lx, type, lineno, offset, end_lineno, end_offset, with_newline, fmt, ap);
    va_end(ap);
    return -1;
}

int lex_raise_at(Lexer *lx, TypeObject *type, int lineno, int col, int end_lineno, int end_col,
                 bool with_newline, const char *fmt, ...) {
    int offset = col < 0 ? 0 : col + 1;
    int end_offset = end_col < 0 ? 0 : end_col + 1;
    va_list ap;
    va_start(ap, fmt);
    raise_error(lx, type, lineno, offset, end_lineno, end_offset, with_newline, fmt, ap);
    va_end(ap);
    return -1;
}

/* A tokenizer error reported at the current position, as CPython's
 * tokenizer `syntaxerror()` does: offset = number of characters before `cur`
 * on the line (so the caret sits on the character just before `cur`). */
static int error_here(Lexer *lx, const char *fmt, ...) {
    int offset = char_count(lx->line_start, (int)(lx->cur - lx->line_start));
    va_list ap;
    va_start(ap, fmt);
    raise_error(lx, &ExcSyntaxError, lx->lineno, offset, lx->lineno, offset, false, fmt, ap);
    va_end(ap);
    lx->status = LEX_ERROR_HARD;
    return -1;
}

/* A tokenizer error with a known byte range [col, end_col) on the current
 * line. Such offsets stay in bytes, as CPython's _syntaxerror_range. */
static int error_range(Lexer *lx, int col, int end_col, const char *fmt, ...) {
    int offset = col + 1;
    int end_offset = end_col + 1;
    va_list ap;
    va_start(ap, fmt);
    raise_error(lx, &ExcSyntaxError, lx->lineno, offset, lx->lineno, end_offset, false, fmt, ap);
    va_end(ap);
    lx->status = LEX_ERROR_HARD;
    return -1;
}

/* ================================================================ setup */

/* Check that s[0..n) is well-formed UTF-8; returns the offset of the first
 * bad byte or n. */
static size_t utf8_check(const unsigned char *s, size_t n) {
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        size_t len;
        uint32_t cp;
        if (c < 0x80) {
            i++;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            cp = c & 0x07;
        } else {
            return i;
        }
        if (i + len > n) {
            return i;
        }
        for (size_t k = 1; k < len; k++) {
            if ((s[i + k] & 0xC0) != 0x80) {
                return i;
            }
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
            (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))) {
            return i;
        }
        i += len;
    }
    return n;
}

int lex_init(Lexer *lx, const char *source, size_t size, Object *filename) {
    memset(lx, 0, sizeof *lx);
    lx->filename = filename;
    if (size >= 3 && memcmp(source, "\xEF\xBB\xBF", 3) == 0) {
        source += 3; /* the UTF-8 byte order mark */
        size -= 3;
    }
    /* Copy with newlines normalised and a final '\n' guaranteed. */
    lx->buf = mem_alloc(size + 2);
    if (lx->buf == NULL) {
        return -1;
    }
    size_t n = 0;
    for (size_t i = 0; i < size; i++) {
        char c = source[i];
        if (c == '\0') {
            /* As CPython running a file: located on the line, no caret. */
            int line = 1;
            size_t line_start = 0;
            for (size_t k = 0; k < i; k++) {
                if (source[k] == '\n') {
                    line++;
                    line_start = k + 1;
                }
            }
            lex_fini(lx);
            Object *text = str_decode_utf8(source + line_start, i - line_start);
            if (text == NULL) {
                err_clear();
            }
            Object *exc = syntax_error_new(&ExcSyntaxError, "source code cannot contain null bytes",
                                           filename, line, 0, text, line, 0);
            XDECREF(text);
            if (exc != NULL) {
                err_set_exception(exc);
                DECREF(exc);
            }
            return -1;
        }
        if (c == '\r') {
            if (i + 1 < size && source[i + 1] == '\n') {
                continue;
            }
            c = '\n';
        }
        lx->buf[n++] = c;
    }
    if (n == 0 || lx->buf[n - 1] != '\n') {
        lx->buf[n++] = '\n';
        lx->added_newline = true;
    }
    lx->buf[n] = '\0';
    lx->end = lx->buf + n;
    lx->cur = lx->line_start = lx->buf;
    lx->lineno = 1;
    lx->at_line_start = true;
    size_t bad = utf8_check((const unsigned char *)lx->buf, n);
    if (bad < n) {
        int line = 1;
        for (size_t i = 0; i < bad; i++) {
            line += lx->buf[i] == '\n';
        }
        char msg[200];
        snprintf(msg, sizeof msg,
                 "Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, but no encoding "
                 "declared; see https://peps.python.org/pep-0263/ for details",
                 (unsigned char)lx->buf[bad],
                 filename != NULL && str_check(filename) ? str_utf8(filename) : "<string>", line);
        lex_fini(lx);
        /* CPython gives this one no location at all. */
        Object *exc = syntax_error_new(&ExcSyntaxError, msg, NULL, 0, 0, NULL, 0, 0);
        if (exc != NULL) {
            err_set_exception(exc);
            DECREF(exc);
        }
        return -1;
    }
    return 0;
}

void lex_fini(Lexer *lx) {
    mem_free(lx->buf);
    lx->buf = NULL;
}

/* ================================================================ characters */

static inline bool is_ascii_letter(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
static inline bool is_digit(int c) { return c >= '0' && c <= '9'; }
static inline bool is_ident_start(int c) { return is_ascii_letter(c) || c >= 128; }
static inline bool is_ident_char(int c) { return is_ident_start(c) || is_digit(c); }

/* Current character (as unsigned), or -1 at the end of the buffer. */
static inline int peek(Lexer *lx) {
    return lx->cur < lx->end ? (unsigned char)*lx->cur : -1;
}
static inline int peek_at(Lexer *lx, size_t k) {
    return lx->cur + k < lx->end ? (unsigned char)lx->cur[k] : -1;
}

/* Consume one character, keeping the line bookkeeping right. */
static inline int advance(Lexer *lx) {
    if (lx->cur >= lx->end) {
        return -1;
    }
    int c = (unsigned char)*lx->cur++;
    if (c == '\n') {
        lx->lineno++;
        lx->line_start = lx->cur;
    }
    return c;
}

/* Decode the code point at p (valid UTF-8 guaranteed); *len gets its size. */
static uint32_t decode_utf8(const char *p, int *len) {
    const unsigned char *s = (const unsigned char *)p;
    if (s[0] < 0x80) {
        *len = 1;
        return s[0];
    } else if (s[0] < 0xE0) {
        *len = 2;
        return ((uint32_t)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
    } else if (s[0] < 0xF0) {
        *len = 3;
        return ((uint32_t)(s[0] & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    }
    *len = 4;
    return ((uint32_t)(s[0] & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
           ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
}

/* Non-printable characters: str.isprintable() is false (Unicode tables of
 * runtime/unicode_data.c, generated from CPython's). */
static bool is_nonprintable(uint32_t cp) {
    if (cp < 0x80) {
        return cp < 0x20 || cp == 0x7F;
    }
    return (unicode_props(cp) & UNI_PRINTABLE) == 0;
}

/* May code point cp appear in an identifier (first: at its start)? Python's
 * rule: XID_Start (or '_') first, XID_Continue after. */
static bool is_identifier_codepoint(uint32_t cp, bool first) {
    if (cp < 0x80) {
        return is_ascii_letter((int)cp) || (!first && is_digit((int)cp));
    }
    return (unicode_props(cp) & (first ? UNI_XID_START : UNI_XID_CONTINUE)) != 0;
}

TokenKind lex_keyword_kind(const char *s, size_t len) {
#define X(name, text)                                                                              \
    if (len == sizeof(text) - 1 && memcmp(s, text, len) == 0) {                                    \
        return TOK_KW_##name;                                                                      \
    }
    KEYWORD_LIST(X)
#undef X
    return TOK_NAME;
}

/* ================================================================ numbers */

/* After a number: a letter glued to it is an error ("1abc": invalid decimal
 * literal), except the keywords that may legally follow a number (`1if x
 * else y` only warns in 3.11). `kind` is "decimal", "hexadecimal", ... */
static int verify_end_of_number(Lexer *lx, const char *kind) {
    int c = peek(lx);
    static const char *const allowed[] = {"and", "else", "for", "if", "in", "is", "or", "not"};
    for (size_t i = 0; i < sizeof allowed / sizeof allowed[0]; i++) {
        size_t n = strlen(allowed[i]);
        if ((size_t)(lx->end - lx->cur) >= n && memcmp(lx->cur, allowed[i], n) == 0) {
            return 0;
        }
    }
    if (is_ident_char(c)) {
        return error_here(lx, "invalid %s literal", kind);
    }
    return 0;
}

/* Digits of `base` with single underscores between them. At least one digit
 * must come first unless `have_digit`. Errors as CPython: "invalid decimal
 * literal" for `1_`, "invalid digit '8' in octal literal". */
static int scan_digits(Lexer *lx, int base, const char *kind, bool have_digit) {
    for (;;) {
        int c = peek(lx);
        bool ok = base == 16 ? (is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))
                             : (c >= '0' && c < '0' + base);
        if (ok) {
            advance(lx);
            have_digit = true;
            continue;
        }
        if (c == '_' && have_digit) {
            advance(lx);
            c = peek(lx);
            ok = base == 16 ? (is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))
                            : (c >= '0' && c < '0' + base);
            if (!ok) {
                if (base != 10 && base != 16 && is_digit(c)) {
                    advance(lx);
                    return error_here(lx, "invalid digit '%c' in %s literal", c, kind);
                }
                return error_here(lx, "invalid %s literal", kind);
            }
            continue;
        }
        if (base < 10 && is_digit(c)) {
            advance(lx);
            return error_here(lx, "invalid digit '%c' in %s literal", c, kind);
        }
        if (!have_digit) {
            return error_here(lx, "invalid %s literal", kind);
        }
        return 0;
    }
}

/* Imaginary literals need a complex type, which gilpy does not have. */
static int no_complex(Lexer *lx, const char *start) {
    return error_range(lx, (int)(start - lx->line_start), (int)(lx->cur - lx->line_start),
                       "complex literals are not supported by gilpy");
}

/* The exponent and imaginary suffix of a decimal number whose digits (and
 * fraction) have been read. */
static int scan_float_tail(Lexer *lx, const char *start) {
    int c = peek(lx);
    if (c == 'e' || c == 'E') {
        const char *e_pos = lx->cur;
        advance(lx);
        c = peek(lx);
        if (c == '+' || c == '-') {
            advance(lx);
            if (!is_digit(peek(lx))) {
                return error_here(lx, "invalid decimal literal"); /* "1e+" */
            }
        } else if (!is_digit(c)) {
            /* "1e": the number ends before the 'e', which must then be a
             * keyword ("1else" only warns in 3.11) */
            lx->cur = e_pos;
            return verify_end_of_number(lx, "decimal");
        }
        if (scan_digits(lx, 10, "decimal", false) < 0) {
            return -1;
        }
    }
    c = peek(lx);
    if (c == 'j' || c == 'J') {
        advance(lx);
        return no_complex(lx, start);
    }
    return verify_end_of_number(lx, "decimal");
}

/* A NUMBER token starting at lx->cur (a digit, or '.' followed by a digit). */
static int scan_number(Lexer *lx) {
    const char *start = lx->cur;
    int c = peek(lx);
    if (c == '.') {
        advance(lx);
        if (scan_digits(lx, 10, "decimal", false) < 0) {
            return -1;
        }
        return scan_float_tail(lx, start);
    }
    if (c == '0') {
        int next = peek_at(lx, 1);
        int base = 0;
        const char *kind = NULL;
        if (next == 'x' || next == 'X') {
            base = 16, kind = "hexadecimal";
        } else if (next == 'o' || next == 'O') {
            base = 8, kind = "octal";
        } else if (next == 'b' || next == 'B') {
            base = 2, kind = "binary";
        }
        if (base != 0) {
            advance(lx);
            advance(lx);
            if (peek(lx) == '_') {
                advance(lx); /* 0x_1f is allowed */
            }
            if (scan_digits(lx, base, kind, false) < 0) {
                return -1;
            }
            return verify_end_of_number(lx, kind);
        }
        /* Decimal starting with 0: only zeros, unless it turns out to be a float. */
        bool nonzero = false;
        const char *zeros_end = NULL;
        advance(lx);
        for (;;) {
            c = peek(lx);
            if (c == '0') {
                advance(lx);
            } else if (c == '_' && is_digit(peek_at(lx, 1))) {
                advance(lx);
            } else if (c == '_') {
                advance(lx);
                return error_here(lx, "invalid decimal literal");
            } else {
                break;
            }
        }
        zeros_end = lx->cur;
        if (is_digit(peek(lx))) {
            nonzero = true;
            if (scan_digits(lx, 10, "decimal", true) < 0) {
                return -1;
            }
        }
        c = peek(lx);
        if (c == '.' || c == 'e' || c == 'E' || c == 'j' || c == 'J') {
            if (c == '.') {
                advance(lx);
                if (is_digit(peek(lx)) && scan_digits(lx, 10, "decimal", false) < 0) {
                    return -1;
                }
            }
            return scan_float_tail(lx, start);
        }
        if (nonzero) {
            return error_range(lx, (int)(start - lx->line_start),
                               (int)(zeros_end - lx->line_start),
                               "leading zeros in decimal integer literals are not permitted; "
                               "use an 0o prefix for octal integers");
        }
        return verify_end_of_number(lx, "decimal");
    }
    if (scan_digits(lx, 10, "decimal", false) < 0) {
        return -1;
    }
    c = peek(lx);
    if (c == '.') {
        advance(lx);
        if (is_digit(peek(lx)) && scan_digits(lx, 10, "decimal", false) < 0) {
            return -1;
        }
        return scan_float_tail(lx, start);
    }
    return scan_float_tail(lx, start);
}

/* ================================================================ strings */

/* Is s[0..n) a valid string prefix (r, u, b, br, rb, f, fr, rf; any case)? */
static bool is_string_prefix(const char *s, size_t n) {
    bool r = false, b = false, u = false, f = false;
    for (size_t i = 0; i < n; i++) {
        switch (s[i]) {
        case 'r': case 'R': if (r) return false; r = true; break;
        case 'b': case 'B': if (b) return false; b = true; break;
        case 'u': case 'U': if (u) return false; u = true; break;
        case 'f': case 'F': if (f) return false; f = true; break;
        default: return false;
        }
    }
    if (u) {
        return n == 1;
    }
    return !(b && f) && n <= 2;
}

/* The body of a string literal; lx->cur is on the opening quote and `start`
 * is the first byte of the token (its prefix). Escapes are only skipped here;
 * the parser decodes them. */
static int scan_string(Lexer *lx, const char *start, int start_line, const char *start_line_ptr) {
    int quote = advance(lx);
    bool triple = false;
    if (peek(lx) == quote && peek_at(lx, 1) == quote) {
        advance(lx);
        advance(lx);
        triple = true;
    }
    for (;;) {
        int c = peek(lx);
        if (c < 0 || (c == '\n' && !triple)) {
            /* Report at the start of the literal, as CPython. The line where the
             * problem was detected is the last line read. */
            int detected = lx->lineno;
            if (c < 0 && lx->cur > lx->buf && lx->cur[-1] == '\n') {
                detected--;
            }
            lx->eof_in_triple_string = triple && c < 0;
            lx->lineno = start_line;
            lx->line_start = start_line_ptr;
            lx->cur = start + 1;
            lx->status = LEX_ERROR_HARD;
            return error_here(lx, triple ? "unterminated triple-quoted string literal "
                                           "(detected at line %d)"
                                         : "unterminated string literal (detected at line %d)",
                              detected);
        }
        advance(lx);
        if (c == '\\') {
            if (peek(lx) >= 0) {
                advance(lx);
            }
        } else if (c == quote) {
            if (!triple) {
                return 0;
            }
            if (peek(lx) == quote && peek_at(lx, 1) == quote) {
                advance(lx);
                advance(lx);
                return 0;
            }
        }
    }
}

/* ================================================================ indentation */

/* Measure the indentation of a new logical line and queue INDENT/DEDENTs.
 * Blank lines and comment-only lines do not count. Returns 0 or -1. */
static int measure_indent(Lexer *lx) {
    int col = 0, alt = 0;
    for (;;) {
        int c = peek(lx);
        if (c == ' ') {
            col++, alt++;
        } else if (c == '\t') {
            col = (col / TAB_SIZE + 1) * TAB_SIZE;
            alt++;
        } else if (c == '\f') {
            col = alt = 0;
        } else {
            break;
        }
        advance(lx);
    }
    int c = peek(lx);
    if (c == '#' || c == '\n' || c < 0 || (c == '\\' && peek_at(lx, 1) == '\n')) {
        /* blank line: no indentation change (a backslash line joins the next one) */
        if (c == '\\') {
            return 0;
        }
        return 1;
    }
    int top = lx->indent_level;
    if (col == lx->indents[top]) {
        if (alt != lx->alt_indents[top]) {
            goto tab_error;
        }
    } else if (col > lx->indents[top]) {
        if (top + 1 >= LEX_MAX_INDENT) {
            lx->status = LEX_ERROR_SOFT;
            return lex_raise_raw(lx, &ExcIndentationError, lx->lineno, 1, lx->lineno, 0, true,
                                 "too many levels of indentation");
        }
        if (alt <= lx->alt_indents[top]) {
            goto tab_error;
        }
        lx->indent_level++;
        lx->indents[lx->indent_level] = col;
        lx->alt_indents[lx->indent_level] = alt;
        lx->pending++;
    } else {
        while (lx->indent_level > 0 && col < lx->indents[lx->indent_level]) {
            lx->pending--;
            lx->indent_level--;
        }
        if (col != lx->indents[lx->indent_level]) {
            /* CPython reports this with the offset just past the end of
             * the line, and no end position. */
            const char *eol = strchr(lx->cur, '\n');
            int offset = char_count(lx->line_start, (int)(eol + 1 - lx->line_start));
            lx->status = LEX_ERROR_SOFT;
            return lex_raise_raw(lx, &ExcIndentationError, lx->lineno, offset, lx->lineno, -1,
                                 true, "unindent does not match any outer indentation level");
        }
        if (alt != lx->alt_indents[lx->indent_level]) {
            goto tab_error;
        }
    }
    return 0;
tab_error:
    lx->status = LEX_ERROR_SOFT;
    return lex_raise_raw(lx, &ExcTabError, lx->lineno, 1, lx->lineno, 0, true,
                         "inconsistent use of tabs and spaces in indentation");
}

/* ================================================================ operators */

/* Operators sorted so that longer spellings come first. */
static const struct {
    const char *text;
    TokenKind kind;
} operators[] = {
    {"**=", TOK_DOUBLESTAREQUAL}, {"//=", TOK_DOUBLESLASHEQUAL}, {">>=", TOK_RIGHTSHIFTEQUAL},
    {"<<=", TOK_LEFTSHIFTEQUAL}, {"...", TOK_ELLIPSIS}, {"==", TOK_EQEQUAL},
    {"!=", TOK_NOTEQUAL}, {"<>", TOK_NOTEQUAL}, {"<=", TOK_LESSEQUAL}, {">=", TOK_GREATEREQUAL},
    {"<<", TOK_LEFTSHIFT}, {">>", TOK_RIGHTSHIFT}, {"**", TOK_DOUBLESTAR},
    {"+=", TOK_PLUSEQUAL}, {"-=", TOK_MINEQUAL}, {"*=", TOK_STAREQUAL},
    {"/=", TOK_SLASHEQUAL}, {"%=", TOK_PERCENTEQUAL}, {"&=", TOK_AMPEREQUAL},
    {"|=", TOK_VBAREQUAL}, {"^=", TOK_CIRCUMFLEXEQUAL}, {"//", TOK_DOUBLESLASH},
    {"@=", TOK_ATEQUAL}, {"->", TOK_RARROW}, {":=", TOK_COLONEQUAL},
    {"(", TOK_LPAR}, {")", TOK_RPAR}, {"[", TOK_LSQB}, {"]", TOK_RSQB},
    {"{", TOK_LBRACE}, {"}", TOK_RBRACE}, {":", TOK_COLON}, {",", TOK_COMMA},
    {";", TOK_SEMI}, {"+", TOK_PLUS}, {"-", TOK_MINUS}, {"*", TOK_STAR},
    {"/", TOK_SLASH}, {"|", TOK_VBAR}, {"&", TOK_AMPER}, {"<", TOK_LESS},
    {">", TOK_GREATER}, {"=", TOK_EQUAL}, {".", TOK_DOT}, {"%", TOK_PERCENT},
    {"~", TOK_TILDE}, {"^", TOK_CIRCUMFLEX}, {"@", TOK_AT},
};

/* Track brackets: push openers, check closers against them. */
static int track_bracket(Lexer *lx, Token *tok) {
    int c = (unsigned char)tok->start[0];
    if (c == '(' || c == '[' || c == '{') {
        if (lx->level >= LEX_MAX_PAREN) {
            return error_here(lx, "too many nested parentheses");
        }
        lx->parens[lx->level] = (char)c;
        lx->paren_lines[lx->level] = tok->lineno;
        lx->paren_cols[lx->level] = tok->col_offset;
        lx->level++;
    } else if (c == ')' || c == ']' || c == '}') {
        if (lx->level == 0) {
            return error_here(lx, "unmatched '%c'", c);
        }
        lx->level--;
        int open = lx->parens[lx->level];
        if (!((open == '(' && c == ')') || (open == '[' && c == ']') || (open == '{' && c == '}'))) {
            if (lx->paren_lines[lx->level] != tok->lineno) {
                return error_here(lx,
                                  "closing parenthesis '%c' does not match opening parenthesis "
                                  "'%c' on line %d",
                                  c, open, lx->paren_lines[lx->level]);
            }
            return error_here(lx,
                              "closing parenthesis '%c' does not match opening parenthesis '%c'",
                              c, open);
        }
    }
    return 0;
}

/* ================================================================ tokens */

static void set_token(Lexer *lx, Token *out, TokenKind kind, const char *start, int lineno,
                      int col) {
    out->kind = kind;
    out->start = start;
    out->len = (size_t)(lx->cur - start);
    out->lineno = lineno;
    out->col_offset = col;
    out->end_lineno = lx->lineno;
    out->end_col_offset = (int)(lx->cur - lx->line_start);
}

/* A zero-width token (DEDENT, ENDMARKER) at the current position. At the end
 * of the source CPython places them on the last line, and its file tokenizer
 * reports errors there with offset 0 (so no caret is shown). */
static void set_empty_token(Lexer *lx, Token *out, TokenKind kind) {
    if (lx->cur >= lx->end && lx->lineno > 1) {
        const char *last = lx->end - 1; /* the final '\n' */
        while (last > lx->buf && last[-1] != '\n') {
            last--;
        }
        out->kind = kind;
        out->start = last;
        out->len = 0;
        out->lineno = out->end_lineno = lx->lineno - 1;
        out->col_offset = out->end_col_offset = 0;
        return;
    }
    set_token(lx, out, kind, lx->cur, lx->lineno, (int)(lx->cur - lx->line_start));
}

int lex_next(Lexer *lx, Token *out) {
    lx->status = LEX_OK;
    if (lx->done) {
        set_empty_token(lx, out, TOK_ENDMARKER);
        return 0;
    }
again:
    if (lx->at_line_start && lx->level == 0) {
        int r = measure_indent(lx);
        if (r < 0) {
            return -1;
        }
        if (r == 1) {
            /* A blank or comment-only line: skip it entirely. */
            while (peek(lx) >= 0 && peek(lx) != '\n') {
                advance(lx);
            }
            if (peek(lx) < 0) {
                goto at_eof;
            }
            advance(lx);
            goto again;
        }
        lx->at_line_start = false;
    }
    if (lx->pending > 0) {
        lx->pending--;
        /* The indentation itself; errors point after it. */
        set_token(lx, out, TOK_INDENT, lx->line_start, lx->lineno, 0);
        out->col_offset = out->end_col_offset;
        out->start = lx->cur;
        out->len = 0;
        return 0;
    }
    if (lx->pending < 0) {
        lx->pending++;
        set_empty_token(lx, out, TOK_DEDENT);
        return 0;
    }

    /* Skip spaces, comments and backslash continuations. */
    for (;;) {
        int c = peek(lx);
        if (c == ' ' || c == '\t' || c == '\f') {
            advance(lx);
        } else if (c == '#') {
            while (peek(lx) >= 0 && peek(lx) != '\n') {
                advance(lx);
            }
        } else if (c == '\\') {
            int next = peek_at(lx, 1);
            if (next == '\n') {
                advance(lx);
                advance(lx);
                if (peek(lx) < 0) {
                    lx->eof_after_backslash = true;
                    /* Reported after the backslash, with end_offset -1 as CPython. */
                    const char *line = line_at(lx, lx->lineno - 1);
                    int offset = char_count(line, (int)(lx->cur - 1 - line)) + 1;
                    lx->status = LEX_ERROR_SOFT;
                    return lex_raise_raw(lx, &ExcSyntaxError, lx->lineno - 1, offset,
                                         lx->lineno - 1, -1, true, "unexpected EOF while parsing");
                }
            } else {
                advance(lx);
                lx->status = LEX_ERROR_SOFT;
                return lex_raise_at(lx, &ExcSyntaxError, lx->lineno,
                                    (int)(lx->cur - lx->line_start), lx->lineno, -1, true,
                                    "unexpected character after line continuation character");
            }
        } else {
            break;
        }
    }

    const char *start = lx->cur;
    int lineno = lx->lineno;
    int col = (int)(lx->cur - lx->line_start);
    int c = peek(lx);

    if (c < 0) {
        goto at_eof;
    }
    if (c == '\n') {
        advance(lx);
        if (lx->level > 0) {
            goto again; /* implicit line joining inside brackets */
        }
        lx->at_line_start = true;
        out->kind = TOK_NEWLINE;
        out->start = start;
        out->len = 1;
        out->lineno = out->end_lineno = lineno;
        out->col_offset = col;
        out->end_col_offset = col; /* CPython leaves the '\n' out of the token */
        return 0;
    }

    /* Identifiers, keywords, and string prefixes. */
    if (is_ident_start(c)) {
        while (is_ident_char(peek(lx))) {
            advance(lx);
        }
        int q = peek(lx);
        if ((q == '"' || q == '\'') && is_string_prefix(start, (size_t)(lx->cur - start))) {
            if (scan_string(lx, start, lineno, lx->line_start) < 0) {
                return -1;
            }
            set_token(lx, out, TOK_STRING, start, lineno, col);
            return 0;
        }
        /* Non-ASCII characters must be identifier characters. */
        for (const char *p = start; p < lx->cur;) {
            if ((unsigned char)*p < 128) {
                p++;
                continue;
            }
            int len;
            uint32_t cp = decode_utf8(p, &len);
            if (!is_identifier_codepoint(cp, p == start)) {
                lx->cur = p + len;
                if (is_nonprintable(cp)) {
                    return error_here(lx, "invalid non-printable character U+%04X", cp);
                }
                char utf8[5] = {0};
                memcpy(utf8, p, (size_t)len);
                return error_here(lx, "invalid character '%s' (U+%04X)", utf8, cp);
            }
            p += len;
        }
        set_token(lx, out, lex_keyword_kind(start, (size_t)(lx->cur - start)), start, lineno, col);
        return 0;
    }
    if (is_digit(c) || (c == '.' && is_digit(peek_at(lx, 1)))) {
        if (scan_number(lx) < 0) {
            return -1;
        }
        set_token(lx, out, TOK_NUMBER, start, lineno, col);
        return 0;
    }
    if (c == '"' || c == '\'') {
        if (scan_string(lx, start, lineno, lx->line_start) < 0) {
            return -1;
        }
        set_token(lx, out, TOK_STRING, start, lineno, col);
        return 0;
    }
    for (size_t i = 0; i < sizeof operators / sizeof operators[0]; i++) {
        size_t n = strlen(operators[i].text);
        if ((size_t)(lx->end - lx->cur) >= n && memcmp(lx->cur, operators[i].text, n) == 0) {
            lx->cur += n;
            set_token(lx, out, operators[i].kind, start, lineno, col);
            if (n == 1 && track_bracket(lx, out) < 0) {
                return -1;
            }
            return 0;
        }
    }
    /* Anything else is a stray character. */
    if (c < 128 && is_nonprintable((uint32_t)c)) {
        advance(lx);
        return error_here(lx, "invalid non-printable character U+%04X", c);
    }
    advance(lx);
    set_token(lx, out, TOK_ERRORTOKEN, start, lineno, col);
    return 0;

at_eof:
    if (lx->level > 0) {
        /* Reported by the caller as "'(' was never closed". */
        lx->status = LEX_ERROR_SOFT;
        int i = lx->level - 1;
        return lex_raise_at(lx, &ExcSyntaxError, lx->paren_lines[i], lx->paren_cols[i],
                            lx->paren_lines[i], -1, true, "'%c' was never closed", lx->parens[i]);
    }
    if (lx->indent_level > 0) {
        lx->indent_level--;
        set_empty_token(lx, out, TOK_DEDENT);
        return 0;
    }
    lx->done = true;
    set_empty_token(lx, out, TOK_ENDMARKER);
    return 0;
}

/* ================================================================ REPL helper */

bool lex_is_incomplete(const char *source, size_t size) {
    Lexer lx;
    if (lex_init(&lx, source, size, NULL) < 0) {
        err_clear();
        return false;
    }
    bool incomplete = false;
    bool block_started = false; /* a line ended with ':' or started with '@' */
    TokenKind last = TOK_NEWLINE;
    bool at_line_start = true;
    Token tok;
    for (;;) {
        if (lex_next(&lx, &tok) < 0) {
            /* Waiting for a closing bracket, the end of a triple-quoted
             * string, or the line after a backslash: more input may fix it.
             * Any other error is final: compiling will report it. */
            err_clear();
            incomplete = lx.eof_in_triple_string || lx.eof_after_backslash ||
                         (lx.level > 0 && lx.cur >= lx.end);
            break;
        }
        if (tok.kind == TOK_ENDMARKER) {
            break;
        }
        if (tok.kind == TOK_NEWLINE) {
            block_started |= last == TOK_COLON;
            at_line_start = true;
        } else if (tok.kind != TOK_INDENT && tok.kind != TOK_DEDENT) {
            /* `for x in y: f(x)` on one line also waits for an empty line */
            TokenKind k = tok.kind;
            block_started |= at_line_start && (k == TOK_AT || k == TOK_KW_IF || k == TOK_KW_FOR ||
                                               k == TOK_KW_WHILE || k == TOK_KW_DEF ||
                                               k == TOK_KW_CLASS || k == TOK_KW_TRY ||
                                               k == TOK_KW_WITH || k == TOK_KW_ASYNC);
            at_line_start = false;
            last = tok.kind;
        }
    }
    if (!incomplete && block_started) {
        /* A compound statement ends with an empty line, as at the REPL. */
        const char *end = lx.end; /* lx.buf always ends with '\n' */
        const char *p = end - 1;
        while (p > lx.buf && (p[-1] == ' ' || p[-1] == '\t' || p[-1] == '\f')) {
            p--;
        }
        bool ends_with_blank = p == lx.buf || p[-1] == '\n';
        incomplete = !ends_with_blank;
    }
    lex_fini(&lx);
    return incomplete;
}
