/* parser.c: a recursive-descent parser for Python 3.11 (without `match` and
 * async), producing the AST of ast.h. One function per grammar rule, named
 * after the rule in CPython's Grammar/python.gram, so the two read side by side.
 *
 * Errors. CPython parses twice: a fast pass, then on failure a second pass with
 * extra "invalid_*" rules that recognise common mistakes and give specific
 * messages. We parse once and check for those mistakes at the point where the
 * normal rule fails. A generic "invalid syntax" points at the furthest token
 * the parser looked at (CPython's rule too). When the parser fails, the rest of
 * the source is still tokenized: a tokenizer error there (an unterminated
 * string, an unclosed bracket...) wins, as in CPython.
 *
 * Files: parser.c (token buffer, errors, node helpers, targets, entry points,
 * f-string expressions), parser_expr.c (expressions and parameters),
 * parser_stmt.c (statements), parser_string.c (string literals and
 * f-strings); parser_impl.h is their shared private header. */
#include "parser.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "errors.h"
#include "exceptions.h"
#include "int.h" /* True, False */
#include "memory.h"
#include "parser_impl.h"
#include "str.h"

/* ================================================================ tokens */

/* Token i, reading tokens from the lexer as needed. Once an error is pending
 * this returns p->error_token (an ENDMARKER) so callers can unwind calmly. */
Token *parser_token_at(Parser *p, size_t i) {
    if (p->error) {
        return &p->error_token;
    }
    while (p->ntokens <= i) {
        if (p->ntokens > 0 && token_ref(p, p->ntokens - 1)->kind == TOK_ENDMARKER) {
            i = p->ntokens - 1;
            break;
        }
        if (p->ntokens == p->capacity) {
            /* Tokens live in fixed chunks that never move, so a Token * stays
             * valid while more tokens are read; only the chunk table grows. */
            size_t nchunks = p->capacity / PARSER_TOKEN_CHUNK;
            Token **chunks = mem_realloc_array(p->chunks, nchunks + 1, sizeof(Token *));
            if (chunks == NULL) {
                p->error = true;
                return &p->error_token;
            }
            p->chunks = chunks;
            chunks[nchunks] = mem_alloc_array(PARSER_TOKEN_CHUNK, sizeof(Token));
            if (chunks[nchunks] == NULL) {
                p->error = true;
                return &p->error_token;
            }
            p->capacity += PARSER_TOKEN_CHUNK;
        }
        if (lex_next(&p->lx, token_ref(p, p->ntokens)) < 0) {
            p->error = true;
            p->lexer_error = true;
            return &p->error_token;
        }
        p->ntokens++;
    }
    if (i > p->furthest) {
        p->furthest = i;
    }
    return token_ref(p, i);
}

Token *parser_token(Parser *p) { return parser_token_at(p, p->pos); }

void parser_free_tokens(Parser *p) {
    for (size_t i = 0; i < p->capacity / PARSER_TOKEN_CHUNK; i++) {
        mem_free(p->chunks[i]);
    }
    mem_free(p->chunks);
    p->chunks = NULL;
    p->capacity = p->ntokens = 0;
}

/* ================================================================ errors */

/* Raise `type` with a 1-based character offset range computed from byte
 * columns; with_newline as lex_raise_at. Prefixes "f-string: " inside
 * f-string expressions. */
static void *raise_located(Parser *p, TypeObject *type, int lineno, int col, int end_lineno,
                           int end_col, const char *fmt, va_list ap) {
    if (p->error) {
        return NULL;
    }
    char msg[600];
    int n = snprintf(msg, sizeof msg, "%s", p->in_fstring ? "f-string: " : "");
    vsnprintf(msg + n, sizeof msg - (size_t)n, fmt, ap);
    lex_raise_at(&p->lx, type, lineno, col, end_lineno, end_col, true, "%s", msg);
    p->error = true;
    return NULL;
}

void *parser_error_range(Parser *p, int lineno, int col, int end_lineno, int end_col,
                         const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    raise_located(p, &ExcSyntaxError, lineno, col, end_lineno, end_col, fmt, ap);
    va_end(ap);
    return NULL;
}

/* An error covering token t. INDENT, DEDENT and ENDMARKER have no extent in
 * CPython: the offset is the tokenizer's position (not plus one) and
 * end_offset is -1. */
void *parser_error_at_token(Parser *p, TypeObject *type, Token *t, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    if (t->kind == TOK_INDENT || t->kind == TOK_DEDENT || t->kind == TOK_ENDMARKER) {
        if (!p->error) {
            char msg[600];
            int n = snprintf(msg, sizeof msg, "%s", p->in_fstring ? "f-string: " : "");
            vsnprintf(msg + n, sizeof msg - (size_t)n, fmt, ap);
            lex_raise_raw(&p->lx, type, t->lineno, t->col_offset, t->end_lineno, -1, true, "%s",
                          msg);
            p->error = true;
        }
    } else {
        raise_located(p, type, t->lineno, t->col_offset, t->end_lineno, t->end_col_offset, fmt,
                      ap);
    }
    va_end(ap);
    return NULL;
}


/* The generic error: "invalid syntax" at the furthest token looked at, or an
 * IndentationError when that token is an unexpected INDENT/DEDENT. */
void *parser_error_generic(Parser *p) {
    if (p->error) {
        return NULL;
    }
    Token *t = token_ref(p, p->furthest < p->ntokens ? p->furthest : p->ntokens - 1);
    if (t->kind == TOK_INDENT || t->kind == TOK_DEDENT) {
        /* CPython reports these without looking at the rest of the source */
        p->skip_rest_check = true;
        return parser_error_at_token(p, &ExcIndentationError, t,
                                     t->kind == TOK_INDENT ? "unexpected indent"
                                                           : "unexpected unindent");
    }
    return parser_error_at_token(p, &ExcSyntaxError, t, "invalid syntax");
}

/* Consume a token of kind k or fail with the generic error. */
Token *parser_expect(Parser *p, TokenKind k) {
    if (peek_kind(p) == k && !p->error) {
        return advance_token(p);
    }
    return parser_error_generic(p);
}

/* A token the grammar insists on (CPython's &&':' "forced" tokens: the '('
 * and ':' of `def`, and the ':' of `try`, `else` and `finally`): anything else
 * there is "expected ':'" (or "expected '('"), located at that token. */
bool parser_expect_forced(Parser *p, TokenKind k) {
    if (accept_token(p, k)) {
        return true;
    }
    parser_error_at_token(p, &ExcSyntaxError, parser_token(p), "expected '%s'", token_kind_text[k]);
    return false;
}

/* Consume the ':' of a compound statement: "expected ':'" when the line ends
 * instead (CPython's invalid_*_stmt rules), else the generic error. */
bool parser_expect_colon(Parser *p) {
    if (accept_token(p, TOK_COLON)) {
        return true;
    }
    if (peek_kind(p) == TOK_NEWLINE) {
        parser_error_at_token(p, &ExcSyntaxError, parser_token(p), "expected ':'");
    } else {
        parser_error_generic(p);
    }
    return false;
}

bool parser_enter(Parser *p) {
    if (++p->depth > PARSER_MAX_DEPTH) {
        if (!p->error) {
            err_no_memory();
            p->error = true;
        }
        return false;
    }
    return true;
}
void parser_leave(Parser *p) { p->depth--; }

/* ================================================================ nodes */

int parser_vec_push(Parser *p, PtrVec *v, void *item) {
    if (v->count == v->capacity) {
        size_t cap = v->capacity ? v->capacity * 2 : 4;
        void **items = arena_alloc(p->arena, cap * sizeof(void *));
        if (items == NULL) {
            p->error = true;
            return -1;
        }
        if (v->count > 0) {
            memcpy(items, v->items, v->count * sizeof(void *));
        }
        v->items = items;
        v->capacity = cap;
    }
    v->items[v->count++] = item;
    return 0;
}


Object *parser_keep(Parser *p, Object *obj) {
    if (obj == NULL || arena_add_object(p->arena, obj) < 0) {
        p->error = true;
        return NULL;
    }
    return obj;
}

void *parser_alloc(Parser *p, size_t size) {
    void *n = arena_alloc(p->arena, size);
    if (n == NULL) {
        p->error = true;
    }
    return n;
}

Expr *parser_new_expr(Parser *p, ExprKind kind, int lineno, int col, int end_lineno,
                      int end_col) {
    Expr *e = parser_alloc(p, sizeof(Expr));
    if (e != NULL) {
        e->kind = kind;
        e->lineno = lineno;
        e->col_offset = col;
        e->end_lineno = end_lineno;
        e->end_col_offset = end_col;
    }
    return e;
}

/* A node starting at token index `start` and ending with the last consumed token. */
Expr *parser_expr_from(Parser *p, ExprKind kind, size_t start) {
    Token *s = token_ref(p, start), *e = prev_token(p);
    return parser_new_expr(p, kind, s->lineno, s->col_offset, e->end_lineno, e->end_col_offset);
}

Stmt *parser_stmt_from(Parser *p, StmtKind kind, size_t start) {
    Stmt *st = parser_alloc(p, sizeof(Stmt));
    if (st != NULL) {
        Token *s = token_ref(p, start), *e = prev_token(p);
        st->kind = kind;
        st->lineno = s->lineno;
        st->col_offset = s->col_offset;
        st->end_lineno = e->end_lineno;
        st->end_col_offset = e->end_col_offset;
    }
    return st;
}


/* The identifier spelled by token t: an interned str owned by the arena. */
Object *parser_identifier(Parser *p, Token *t) {
    Object *s = str_from_utf8(t->start, t->len);
    if (s != NULL) {
        str_intern_in_place(&s);
    }
    return parser_keep(p, s);
}

Expr *parser_name_expr(Parser *p, Token *t, AstExprContext ctx) {
    Expr *e = parser_new_expr(p, EXPR_NAME, t->lineno, t->col_offset, t->end_lineno,
                              t->end_col_offset);
    if (e != NULL) {
        e->v.Name.id = parser_identifier(p, t);
        e->v.Name.ctx = ctx;
        if (e->v.Name.id == NULL) {
            return NULL;
        }
    }
    return e;
}

/* CPython's _PyPegen_get_expr_name: how error messages call an expression. */
const char *parser_expr_name(const Expr *e) {
    switch (e->kind) {
    case EXPR_ATTRIBUTE: return "attribute";
    case EXPR_SUBSCRIPT: return "subscript";
    case EXPR_STARRED: return "starred";
    case EXPR_NAME: return "name";
    case EXPR_LIST: return "list";
    case EXPR_TUPLE: return "tuple";
    case EXPR_LAMBDA: return "lambda";
    case EXPR_CALL: return "function call";
    case EXPR_BOOL_OP: case EXPR_BIN_OP: case EXPR_UNARY_OP: return "expression";
    case EXPR_GENERATOR_EXP: return "generator expression";
    case EXPR_YIELD: case EXPR_YIELD_FROM: return "yield expression";
    case EXPR_AWAIT: return "await expression";
    case EXPR_LIST_COMP: return "list comprehension";
    case EXPR_SET_COMP: return "set comprehension";
    case EXPR_DICT_COMP: return "dict comprehension";
    case EXPR_DICT: return "dict literal";
    case EXPR_SET: return "set display";
    case EXPR_JOINED_STR: case EXPR_FORMATTED_VALUE: return "f-string expression";
    case EXPR_CONSTANT: {
        Object *v = e->v.Constant.value;
        if (v == None) return "None";
        if (v == True) return "True";
        if (v == False) return "False";
        if (v == Ellipsis) return "ellipsis";
        return "literal";
    }
    case EXPR_COMPARE: return "comparison";
    case EXPR_IF_EXP: return "conditional expression";
    case EXPR_NAMED_EXPR: return "named expression";
    default: return "expression";
    }
}

/* ================================================================ targets */


/* CPython's _PyPegen_get_invalid_target: the first sub-expression of e that
 * cannot be assigned to (or deleted), or NULL when e is a valid target. */
Expr *parser_invalid_target(Expr *e, TargetsType type) {
    switch (e->kind) {
    case EXPR_LIST:
    case EXPR_TUPLE: {
        ExprSeq elts = e->kind == EXPR_LIST ? e->v.List.elts : e->v.Tuple.elts;
        for (size_t i = 0; i < elts.count; i++) {
            Expr *bad = parser_invalid_target(elts.items[i], type);
            if (bad != NULL) {
                return bad;
            }
        }
        return NULL;
    }
    case EXPR_STARRED:
        if (type == DEL_TARGETS) {
            return e;
        }
        return parser_invalid_target(e->v.Starred.value, type);
    case EXPR_COMPARE:
        if (type == FOR_TARGETS) {
            if (e->v.Compare.ops.items[0] == AST_CMP_IN) {
                return parser_invalid_target(e->v.Compare.left, type);
            }
            return NULL;
        }
        return e;
    case EXPR_NAME:
    case EXPR_SUBSCRIPT:
    case EXPR_ATTRIBUTE:
        return NULL;
    default:
        return e;
    }
}

/* Give a valid target tree its Store/Del context (recursively). */
void parser_set_context(Expr *e, AstExprContext ctx) {
    switch (e->kind) {
    case EXPR_NAME: e->v.Name.ctx = ctx; break;
    case EXPR_ATTRIBUTE: e->v.Attribute.ctx = ctx; break;
    case EXPR_SUBSCRIPT: e->v.Subscript.ctx = ctx; break;
    case EXPR_STARRED:
        e->v.Starred.ctx = ctx;
        parser_set_context(e->v.Starred.value, ctx);
        break;
    case EXPR_LIST:
        e->v.List.ctx = ctx;
        for (size_t i = 0; i < e->v.List.elts.count; i++) {
            parser_set_context(e->v.List.elts.items[i], ctx);
        }
        break;
    case EXPR_TUPLE:
        e->v.Tuple.ctx = ctx;
        for (size_t i = 0; i < e->v.Tuple.elts.count; i++) {
            parser_set_context(e->v.Tuple.elts.items[i], ctx);
        }
        break;
    default: break;
    }
}

/* Check and convert an assignment/for/with/del target. Returns -1 with
 * "cannot assign to X" / "cannot delete X" located at the bad part. */
int parser_make_target(Parser *p, Expr *e, TargetsType type) {
    Expr *bad = parser_invalid_target(e, type);
    if (bad != NULL) {
        ERROR_AT_NODE(p, bad, type == DEL_TARGETS ? "cannot delete %s" : "cannot assign to %s",
                      parser_expr_name(bad));
        return -1;
    }
    parser_set_context(e, type == DEL_TARGETS ? AST_DEL : AST_STORE);
    return 0;
}
/* ================================================================ entry points */

/* file: [statements] ENDMARKER */
static Mod *file_input(Parser *p) {
    PtrVec body = {0};
    while (peek_kind(p) != TOK_ENDMARKER && !p->error) {
        if (parse_statement(p, &body) < 0) {
            return NULL;
        }
    }
    if (p->error) {
        return NULL;
    }
    Mod *m = parser_alloc(p, sizeof(Mod));
    if (m != NULL) {
        m->kind = MOD_MODULE;
        m->v.Module.body = AS_SEQ(StmtSeq, Stmt, body);
    }
    return m;
}

/* eval: expressions NEWLINE* ENDMARKER */
static Mod *eval_input(Parser *p) {
    Expr *body = parse_expressions(p);
    if (body == NULL) {
        return NULL;
    }
    while (accept_token(p, TOK_NEWLINE)) {
    }
    if (parser_expect(p, TOK_ENDMARKER) == NULL) {
        return NULL;
    }
    Mod *m = parser_alloc(p, sizeof(Mod));
    if (m != NULL) {
        m->kind = MOD_EXPRESSION;
        m->v.Expression.body = body;
    }
    return m;
}

/* single (interactive): one statement (possibly several simple statements on
 * one line), or an empty line. */
static Mod *single_input(Parser *p) {
    PtrVec body = {0};
    if (peek_kind(p) != TOK_NEWLINE && peek_kind(p) != TOK_ENDMARKER) {
        if (parse_statement(p, &body) < 0) {
            return NULL;
        }
    }
    while (accept_token(p, TOK_NEWLINE)) {
    }
    if (peek_kind(p) != TOK_ENDMARKER) {
        if (p->error) {
            return NULL;
        }
        /* CPython points at the end of the first statement's line */
        Token *t = prev_token(p)->kind == TOK_NEWLINE ? prev_token(p) : parser_token(p);
        parser_error_at_token(p, &ExcSyntaxError, t,
                              "multiple statements found while compiling a single statement");
        return NULL;
    }
    Mod *m = parser_alloc(p, sizeof(Mod));
    if (m != NULL) {
        m->kind = MOD_INTERACTIVE;
        m->v.Interactive.body = AS_SEQ(StmtSeq, Stmt, body);
    }
    return m;
}

/* After a parser error, read the rest of the source: a tokenizer error there
 * replaces the parser's error (CPython's
 * _PyPegen_tokenize_full_source_to_check_for_errors), and an unclosed
 * bracket opened before the error's position explains it better. */
static void check_rest_of_source(Parser *p) {
    if (p->lexer_error || p->skip_rest_check || !err_matches(&ExcSyntaxError)) {
        return;
    }
    /* The position of the parser's error. */
    Token *err_tok = p->ntokens > 0 ? token_ref(p, p->furthest < p->ntokens ? p->furthest
                                                                          : p->ntokens - 1)
                                    : NULL;
    int err_line = err_tok != NULL ? err_tok->lineno : 0;
    int err_col = err_tok != NULL ? err_tok->col_offset : 0;
    Object *saved = err_fetch();
    Token t;
    for (;;) {
        if (p->ntokens > 0 && token_ref(p, p->ntokens - 1)->kind == TOK_ENDMARKER) {
            break;
        }
        if (lex_next(&p->lx, &t) < 0) {
            if (p->lx.status == LEX_ERROR_HARD) {
                XDECREF(saved);
                return; /* the tokenizer's error wins */
            }
            if (p->lx.level > 0 && p->lx.cur >= p->lx.end) {
                int i = p->lx.level - 1;
                int line = p->lx.paren_lines[i], col = p->lx.paren_cols[i];
                (void)col;
                (void)err_col;
                if (line < err_line) {
                    XDECREF(saved);
                    return; /* "'(' was never closed" */
                }
            }
            err_clear();
            break;
        }
        if (t.kind == TOK_ENDMARKER) {
            break;
        }
    }
    err_restore(saved);
}

/* Run the parser for `mode` over an initialised Parser. */
static Mod *run_parser(Parser *p) {
    p->error_token.kind = TOK_ENDMARKER;
    p->error_token.start = "";
    Mod *m;
    switch (p->mode) {
    case COMPILE_EVAL: m = eval_input(p); break;
    case COMPILE_SINGLE: m = single_input(p); break;
    default: m = file_input(p); break;
    }
    if (p->error) {
        m = NULL; /* an error found while looking ahead, after the tree was built */
    }
    if (m == NULL) {
        if (!err_occurred()) {
            parser_error_generic(p);
        }
        if (!p->in_fstring) {
            check_rest_of_source(p);
        }
    }
    return m;
}

Mod *parse_source(Arena *arena, const char *source, size_t size, Object *filename,
                  CompileMode mode) {
    Parser p;
    memset(&p, 0, sizeof p);
    p.arena = arena;
    p.mode = mode;
    p.filename = filename;
    if (lex_init(&p.lx, source, size, filename) < 0) {
        return NULL;
    }
    if (mode == COMPILE_FILE) {
        /* CPython adds the missing final newline to a file's text for good:
         * error lines then show it. (Not for eval() and the REPL.) */
        p.lx.added_newline = false;
    }
    Mod *m = run_parser(&p);
    parser_free_tokens(&p);
    lex_fini(&p.lx);
    return m;
}

/* ================================================================ f-string expressions */

/* Move every position in the subtree of e: lines by line_delta, and columns
 * on the expression's first line by col_delta (CPython 3.11 does the same
 * after parsing an f-string's expression on its own). */
static void shift_expr(Expr *e, int first_line, int line_delta, int col_delta);

static void shift_seq(ExprSeq seq, int first_line, int line_delta, int col_delta) {
    for (size_t i = 0; i < seq.count; i++) {
        if (seq.items[i] != NULL) {
            shift_expr(seq.items[i], first_line, line_delta, col_delta);
        }
    }
}

static void shift_pos(int *line, int *col, int first_line, int line_delta, int col_delta) {
    if (*line == first_line) {
        *col += col_delta;
    }
    *line += line_delta;
}

static void shift_args(Arguments *a, int first_line, int line_delta, int col_delta) {
    ArgSeq seqs[3] = {a->posonlyargs, a->args, a->kwonlyargs};
    Arg *singles[2] = {a->vararg, a->kwarg};
    for (int s = 0; s < 5; s++) {
        size_t n = s < 3 ? seqs[s].count : 1;
        for (size_t i = 0; i < n; i++) {
            Arg *arg = s < 3 ? seqs[s].items[i] : singles[s - 3];
            if (arg == NULL) {
                continue;
            }
            shift_pos(&arg->lineno, &arg->col_offset, first_line, line_delta, col_delta);
            shift_pos(&arg->end_lineno, &arg->end_col_offset, first_line, line_delta, col_delta);
            if (arg->annotation != NULL) {
                shift_expr(arg->annotation, first_line, line_delta, col_delta);
            }
        }
    }
    shift_seq(a->defaults, first_line, line_delta, col_delta);
    shift_seq(a->kw_defaults, first_line, line_delta, col_delta);
}

static void shift_comprehensions(ComprehensionSeq gens, int first_line, int line_delta,
                                 int col_delta) {
    for (size_t i = 0; i < gens.count; i++) {
        shift_expr(gens.items[i]->target, first_line, line_delta, col_delta);
        shift_expr(gens.items[i]->iter, first_line, line_delta, col_delta);
        shift_seq(gens.items[i]->ifs, first_line, line_delta, col_delta);
    }
}

static void shift_expr(Expr *e, int first_line, int line_delta, int col_delta) {
#define SHIFT(x)                                                                                   \
    do {                                                                                           \
        if ((x) != NULL) {                                                                         \
            shift_expr((x), first_line, line_delta, col_delta);                                    \
        }                                                                                          \
    } while (0)
    shift_pos(&e->lineno, &e->col_offset, first_line, line_delta, col_delta);
    shift_pos(&e->end_lineno, &e->end_col_offset, first_line, line_delta, col_delta);
    switch (e->kind) {
    case EXPR_BOOL_OP: shift_seq(e->v.BoolOp.values, first_line, line_delta, col_delta); break;
    case EXPR_NAMED_EXPR: SHIFT(e->v.NamedExpr.target); SHIFT(e->v.NamedExpr.value); break;
    case EXPR_BIN_OP: SHIFT(e->v.BinOp.left); SHIFT(e->v.BinOp.right); break;
    case EXPR_UNARY_OP: SHIFT(e->v.UnaryOp.operand); break;
    case EXPR_LAMBDA:
        shift_args(e->v.Lambda.args, first_line, line_delta, col_delta);
        SHIFT(e->v.Lambda.body);
        break;
    case EXPR_IF_EXP: SHIFT(e->v.IfExp.test); SHIFT(e->v.IfExp.body); SHIFT(e->v.IfExp.orelse); break;
    case EXPR_DICT:
        shift_seq(e->v.Dict.keys, first_line, line_delta, col_delta);
        shift_seq(e->v.Dict.values, first_line, line_delta, col_delta);
        break;
    case EXPR_SET: shift_seq(e->v.Set.elts, first_line, line_delta, col_delta); break;
    case EXPR_LIST_COMP:
        SHIFT(e->v.ListComp.elt);
        shift_comprehensions(e->v.ListComp.generators, first_line, line_delta, col_delta);
        break;
    case EXPR_SET_COMP:
        SHIFT(e->v.SetComp.elt);
        shift_comprehensions(e->v.SetComp.generators, first_line, line_delta, col_delta);
        break;
    case EXPR_DICT_COMP:
        SHIFT(e->v.DictComp.key);
        SHIFT(e->v.DictComp.value);
        shift_comprehensions(e->v.DictComp.generators, first_line, line_delta, col_delta);
        break;
    case EXPR_GENERATOR_EXP:
        SHIFT(e->v.GeneratorExp.elt);
        shift_comprehensions(e->v.GeneratorExp.generators, first_line, line_delta, col_delta);
        break;
    case EXPR_AWAIT: SHIFT(e->v.Await.value); break;
    case EXPR_YIELD: SHIFT(e->v.Yield.value); break;
    case EXPR_YIELD_FROM: SHIFT(e->v.YieldFrom.value); break;
    case EXPR_COMPARE:
        SHIFT(e->v.Compare.left);
        shift_seq(e->v.Compare.comparators, first_line, line_delta, col_delta);
        break;
    case EXPR_CALL:
        SHIFT(e->v.Call.func);
        shift_seq(e->v.Call.args, first_line, line_delta, col_delta);
        for (size_t i = 0; i < e->v.Call.keywords.count; i++) {
            Keyword *k = e->v.Call.keywords.items[i];
            shift_pos(&k->lineno, &k->col_offset, first_line, line_delta, col_delta);
            shift_pos(&k->end_lineno, &k->end_col_offset, first_line, line_delta, col_delta);
            SHIFT(k->value);
        }
        break;
    case EXPR_FORMATTED_VALUE: SHIFT(e->v.FormattedValue.value); SHIFT(e->v.FormattedValue.format_spec); break;
    case EXPR_JOINED_STR: shift_seq(e->v.JoinedStr.values, first_line, line_delta, col_delta); break;
    case EXPR_ATTRIBUTE: SHIFT(e->v.Attribute.value); break;
    case EXPR_SUBSCRIPT: SHIFT(e->v.Subscript.value); SHIFT(e->v.Subscript.slice); break;
    case EXPR_STARRED: SHIFT(e->v.Starred.value); break;
    case EXPR_LIST: shift_seq(e->v.List.elts, first_line, line_delta, col_delta); break;
    case EXPR_TUPLE: shift_seq(e->v.Tuple.elts, first_line, line_delta, col_delta); break;
    case EXPR_SLICE: SHIFT(e->v.Slice.lower); SHIFT(e->v.Slice.upper); SHIFT(e->v.Slice.step); break;
    default: break;
    }
#undef SHIFT
}

Expr *parser_fstring_expr(Parser *p, const char *src, size_t size, int lineno, int col) {
    if (p->depth > PARSER_MAX_DEPTH / 2) {
        err_no_memory();
        p->error = true;
        return NULL;
    }
    Parser sub;
    memset(&sub, 0, sizeof sub);
    sub.arena = p->arena;
    sub.mode = COMPILE_EVAL;
    sub.filename = p->filename;
    sub.in_fstring = true;
    sub.depth = p->depth + 10;
    if (lex_init(&sub.lx, src, size, p->filename) < 0) {
        p->error = true;
        return NULL;
    }
    sub.error_token.kind = TOK_ENDMARKER;
    sub.error_token.start = "";
    /* fstring: star_expressions (CPython 3.11 parses "(expr)") */
    Expr *e = parse_star_expressions(&sub);
    if (e != NULL) {
        while (accept_token(&sub, TOK_NEWLINE)) {
        }
        if (parser_expect(&sub, TOK_ENDMARKER) == NULL) {
            e = NULL;
        }
    }
    if (sub.error) {
        e = NULL;
    }
    if (e == NULL && !err_occurred()) {
        parser_error_generic(&sub);
    }
    parser_free_tokens(&sub);
    lex_fini(&sub.lx);
    if (e == NULL) {
        p->error = true;
        return NULL;
    }
    /* The "(" we added sits at column 0 of line 1; the expression text
     * starts at (lineno, col) in the real source. */
    shift_expr(e, 1, lineno - 1, col - 1);
    return e;
}
