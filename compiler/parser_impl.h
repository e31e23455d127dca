/* parser_impl.h: the parser's private state, shared by parser.c (statements
 * and expressions) and parser_string.c (string literals and f-strings).
 * Not for use outside the parser. */
#ifndef GILPY_PARSER_IMPL_H
#define GILPY_PARSER_IMPL_H

#include <stdbool.h>

#include "ast.h"
#include "exceptions.h"
#include "lexer.h"

typedef struct Parser {
    Lexer lx;
    Arena *arena;
    CompileMode mode;
    Object *filename;  /* borrowed */
    Token **chunks;    /* every token read so far, PARSER_TOKEN_CHUNK per chunk */
    size_t ntokens, capacity;
    size_t pos;        /* index of the current token */
    size_t furthest;   /* highest index ever looked at: where "invalid syntax" points */
    bool error;        /* an exception is pending: unwind */
    bool lexer_error;  /* ... and it came from the lexer */
    bool skip_rest_check; /* ... and the rest of the source must not be tokenized */
    int depth;         /* nesting, to fail cleanly on absurd inputs */
    bool in_dict_key;  /* parsing a dict display's key (for its own error message) */
    bool in_invalid_check; /* parsing speculatively to explain an error: no nested checks */
    Token error_token; /* returned by token access once an error is pending */
    /* f-string expressions are parsed by a nested Parser over a copy of their
     * text; these place its nodes back in the real source. */
    bool in_fstring;
    int line_delta;    /* add to every line number */
    int col_delta;     /* add to columns on the first line */
} Parser;

#define PARSER_TOKEN_CHUNK 256

/* Token i, already read (i < p->ntokens). Token pointers stay valid until
 * parser_free_tokens. */
static inline Token *token_ref(Parser *p, size_t i) {
    return &p->chunks[i / PARSER_TOKEN_CHUNK][i % PARSER_TOKEN_CHUNK];
}
void parser_free_tokens(Parser *p);

/* A growable array in the arena (items of any pointer type). */
typedef struct {
    void **items;
    size_t count, capacity;
} PtrVec;

MAY_RAISE int parser_vec_push(Parser *p, PtrVec *v, void *item);
/* Record an object in the arena (steals obj). NULL on failure (error set). */
MAY_RAISE Object *parser_keep(Parser *p, Object *obj);
/* A new expression node of `kind` with the given position. */
MAY_RAISE Expr *parser_new_expr(Parser *p, ExprKind kind, int lineno, int col, int end_lineno,
                                int end_col);
/* Raise a SyntaxError spanning [(lineno, col), (end_lineno, end_col)) in byte
 * columns (end_col -1: no end); marks the parser failed. Returns NULL. */
void *parser_error_range(Parser *p, int lineno, int col, int end_lineno, int end_col,
                         const char *fmt, ...);
/* The current token (reading it if needed). */
Token *parser_token(Parser *p);
/* Parse the string atom (one or more adjacent STRING tokens) at the current
 * position: a Constant (str or bytes) or a JoinedStr. parser_string.c. */
MAY_RAISE Expr *parser_strings(Parser *p);
/* The code point of Unicode character `name` (len bytes, any case), or -1
 * when gilpy does not know it (parser_unicode_names.c). */
int32_t parser_unicode_lookup(const char *name, size_t len);
/* Parse an f-string replacement field's expression text (parser.c): returns
 * the expression, positioned in the real source. `src` holds "(expr)". */
MAY_RAISE Expr *parser_fstring_expr(Parser *p, const char *src, size_t size, int lineno, int col);

/* ================================================================ shared by the parser files */

#define PARSER_MAX_DEPTH 1000 /* deeper nesting fails with MemoryError, as CPython's parser */

/* An error covering the node `e` (any node with position fields). */
#define ERROR_AT_NODE(p, e, ...)                                                                   \
    parser_error_range((p), (e)->lineno, (e)->col_offset, (e)->end_lineno, (e)->end_col_offset,   \
                       __VA_ARGS__)

/* Views of a PtrVec as the typed sequences of ast.h. */
#define AS_SEQ(SeqType, ItemType, vec) ((SeqType){(ItemType **)(vec).items, (vec).count})

/* Same positions as node a through node b. */
#define SPAN(dst, a, b)                                                                            \
    do {                                                                                           \
        (dst)->lineno = (a)->lineno;                                                               \
        (dst)->col_offset = (a)->col_offset;                                                       \
        (dst)->end_lineno = (b)->end_lineno;                                                       \
        (dst)->end_col_offset = (b)->end_col_offset;                                               \
    } while (0)

/* What a target is for: assignment (and with/as), `del`, or `for`. */
typedef enum { STAR_TARGETS, DEL_TARGETS, FOR_TARGETS } TargetsType;

/* Reading tokens (parser.c). parser_token_at reads ahead as needed and
 * remembers the furthest token seen; once an error is pending it returns an
 * ENDMARKER so that callers unwind calmly. */
Token *parser_token_at(Parser *p, size_t i);

static inline TokenKind peek_kind(Parser *p) { return parser_token_at(p, p->pos)->kind; }
static inline TokenKind peek_kind_at(Parser *p, size_t k) {
    return parser_token_at(p, p->pos + k)->kind;
}
/* The last token consumed. */
static inline Token *prev_token(Parser *p) {
    return p->pos > 0 ? token_ref(p, p->pos - 1) : &p->error_token;
}
static inline Token *advance_token(Parser *p) {
    Token *t = parser_token_at(p, p->pos);
    if (!p->error) {
        p->pos++;
    }
    return t;
}
static inline bool accept_token(Parser *p, TokenKind k) {
    if (peek_kind(p) == k && !p->error) {
        p->pos++;
        return true;
    }
    return false;
}

/* Errors (parser.c): each raises (unless an error is already pending), marks
 * the parser failed and returns NULL / false. */
void *parser_error_at_token(Parser *p, TypeObject *type, Token *t, const char *fmt, ...);
void *parser_error_generic(Parser *p);
Token *parser_expect(Parser *p, TokenKind k);
bool parser_expect_colon(Parser *p);
bool parser_expect_forced(Parser *p, TokenKind k);
/* Nesting guard: parser_enter fails with MemoryError past PARSER_MAX_DEPTH. */
bool parser_enter(Parser *p);
void parser_leave(Parser *p);

/* Nodes (parser.c): parser_expr_from / parser_stmt_from span from token index
 * `start` to the last consumed token. */
void *parser_alloc(Parser *p, size_t size);
Expr *parser_expr_from(Parser *p, ExprKind kind, size_t start);
Stmt *parser_stmt_from(Parser *p, StmtKind kind, size_t start);
Object *parser_identifier(Parser *p, Token *t);
Expr *parser_name_expr(Parser *p, Token *t, AstExprContext ctx);
const char *parser_expr_name(const Expr *e);

/* Assignment targets (parser.c). */
Expr *parser_invalid_target(Expr *e, TargetsType type);
void parser_set_context(Expr *e, AstExprContext ctx);
int parser_make_target(Parser *p, Expr *e, TargetsType type);

/* Expressions (parser_expr.c), one function per grammar rule. */
bool parser_starts_expression(TokenKind k);
Expr *parse_expression(Parser *p);
Expr *parse_named_expression(Parser *p);
Expr *parse_star_expressions(Parser *p);
Expr *parse_expressions(Parser *p);
Expr *parse_yield_expr(Parser *p);
Expr *parse_star_target(Parser *p);
Expr *parse_for_targets(Parser *p);
Expr *parse_expression_list(Parser *p, Expr *(*item)(Parser *));
int parse_call_arguments(Parser *p, Expr *call, size_t call_start, bool allow_genexp);
Arguments *parse_parameters(Parser *p, bool is_lambda, TokenKind closer);

/* Statements (parser_stmt.c): parse one statement line or compound
 * statement, appending the Stmt(s) to `out`. */
int parse_statement(Parser *p, PtrVec *out);

#endif /* GILPY_PARSER_IMPL_H */
