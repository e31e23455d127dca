/* lexer.h: Python source text to tokens (with INDENT/DEDENT), one token at a
 * time. Used by the parser, and on its own by the REPL to decide whether an
 * input line is complete (lex_is_incomplete). */
#ifndef GILPY_LEXER_H
#define GILPY_LEXER_H

#include <stdbool.h>
#include <stddef.h>

#include "object.h"
#include "tokens.h"

/* One token. `start`/`len` point into the lexer's copy of the source (valid
 * until lex_fini). Lines are 1-based, columns 0-based UTF-8 byte offsets, the
 * end is exclusive: the same convention as CPython's tokenize and ast. */
typedef struct Token {
    TokenKind kind;
    const char *start;
    size_t len;
    int lineno, col_offset, end_lineno, end_col_offset;
} Token;

#define LEX_MAX_INDENT 100 /* CPython's MAXINDENT: "too many levels of indentation" */
#define LEX_MAX_PAREN 200  /* CPython's MAXLEVEL: "too many nested parentheses" */

/* How the last error came about (see lex_next). */
typedef enum {
    LEX_OK,
    LEX_ERROR_HARD, /* a real tokenizer error (bad literal, bad character, ...) */
    LEX_ERROR_SOFT, /* indentation or end-of-file errors: CPython only reports
                       them when the parser actually reaches them */
} LexStatus;

/* The lexer's state. Stack-allocate it and call lex_init. */
typedef struct Lexer {
    char *buf;              /* private copy of the source: '\n'-terminated, then NUL */
    const char *end;        /* buf + size of the copy (points at the NUL) */
    const char *cur;        /* next character to read */
    const char *line_start; /* first byte of the current physical line */
    int lineno;             /* line of `cur` (1-based) */
    Object *filename;       /* borrowed: for SyntaxError.filename */
    bool at_line_start;     /* indentation must be measured before the next token */
    int indent_level;                      /* top of the stacks below */
    int indents[LEX_MAX_INDENT + 1];       /* indentation columns (tabs to multiples of 8) */
    int alt_indents[LEX_MAX_INDENT + 1];   /* same with tabs counted as 1: detects tab/space mixes */
    int pending;                           /* > 0: INDENTs to emit; < 0: DEDENTs to emit */
    int level;                             /* bracket nesting depth */
    char parens[LEX_MAX_PAREN];            /* the open brackets */
    int paren_lines[LEX_MAX_PAREN];        /* ... their lines */
    int paren_cols[LEX_MAX_PAREN];         /* ... and byte columns */
    bool done;              /* ENDMARKER produced */
    bool added_newline;     /* the source did not end with a newline: buf has one more */
    bool eof_in_triple_string; /* the source ended inside a triple-quoted string */
    bool eof_after_backslash;  /* the source ended with a backslash continuation */
    LexStatus status;       /* set when lex_next fails */
} Lexer;

/* Prepare to tokenize `size` bytes of UTF-8 `source` (a leading BOM is
 * skipped; \r\n and \r become \n). `filename` is borrowed and must outlive the
 * lexer. Returns 0, or -1 with MemoryError, or with a SyntaxError when the
 * source contains a NUL byte or is not valid UTF-8 (CPython's messages; gilpy
 * reads only UTF-8 and ignores `# coding:` declarations). */
MAY_RAISE int lex_init(Lexer *lx, const char *source, size_t size, Object *filename);

/* Produce the next token into *out. Returns 0, or -1 with a SyntaxError
 * (IndentationError, TabError) set and lx->status telling what kind of error
 * it was. After ENDMARKER every call returns ENDMARKER again. */
MAY_RAISE int lex_next(Lexer *lx, Token *out);

/* Release the lexer's buffer (tokens become invalid). */
void lex_fini(Lexer *lx);

/* Raise a SyntaxError (or `type`: IndentationError, TabError) located in the
 * lexer's source, the way CPython's parser computes the attributes when it
 * runs a file: `offset` and `end_offset` are the 0-based BYTE columns given
 * here plus one (CPython 3.11 does not convert them to characters for files,
 * so neither do we); `col` -1 gives offset 0, `end_col` -1 gives end_offset 0
 * (CPython's "unknown"). (The tokenizer's own errors, raised inside lexer.c,
 * count characters instead, again as CPython.) `with_newline`
 * keeps the '\n' at the end of SyntaxError.text (the parser's errors do,
 * the tokenizer's do not). Always returns -1. */
int lex_raise_at(Lexer *lx, TypeObject *type, int lineno, int col, int end_lineno, int end_col,
                 bool with_newline, const char *fmt, ...);

/* The same, with offset and end_offset given directly (1-based, final). */
int lex_raise_raw(Lexer *lx, TypeObject *type, int lineno, int offset, int end_lineno,
                  int end_offset, bool with_newline, const char *fmt, ...);

/* Spelling of keyword tokens: TOK_NAME when `s` (len bytes) is not a keyword. */
TokenKind lex_keyword_kind(const char *s, size_t len);

/* For a REPL: true when `source` cannot be complete yet and more lines should
 * be read before compiling it (the "..." prompt). That is the case when it
 * ends inside an open bracket, inside a triple-quoted string, after a
 * backslash continuation, or inside a compound statement (a line starting
 * with if/for/while/def/class/try/with/@, or ending with ':') that has not
 * been closed by an empty last line, as CPython's REPL. A source with any other error is "complete", so that
 * compiling it reports the error. Never leaves an exception set. The runtime
 * must be initialised. */
bool lex_is_incomplete(const char *source, size_t size);

#endif /* GILPY_LEXER_H */
