/* parser_stmt.c: the statement rules of the parser: simple statements
 * (assignments, import, del, ...) and compound ones (if, for, while, try,
 * with, def, class), with CPython 3.11's error messages for common mistakes. */
#include <stdio.h>
#include <string.h>

#include "errors.h"
#include "exceptions.h"
#include "int.h" /* True, False */
#include "memory.h"
#include "parser_impl.h"
#include "str.h"

/* ================================================================ statements */

static StmtSeq block(Parser *p, const char *what, int line, bool *ok);

/* Push a statement, or fail. */
static int push_stmt(Parser *p, PtrVec *out, Stmt *s) {
    return s == NULL ? -1 : parser_vec_push(p, out, s);
}

/* A dotted module name (a.b.c) as one identifier. */
static Object *dotted_name(Parser *p) {
    size_t first_index = p->pos;
    Token *first = parser_expect(p, TOK_NAME);
    if (first == NULL) {
        return NULL;
    }
    while (peek_kind(p) == TOK_DOT && peek_kind_at(p, 1) == TOK_NAME) {
        advance_token(p);
        advance_token(p);
    }
    if (p->pos == first_index + 1) {
        return parser_identifier(p, first);
    }
    /* Join the parts with single dots (the source may have spaces). */
    StrBuilder sb;
    sb_init(&sb);
    for (size_t i = first_index; i < p->pos; i++) {
        Token *t = token_ref(p, i);
        sb_append(&sb, t->start, t->len);
    }
    Object *s = sb_finish(&sb);
    if (s != NULL) {
        str_intern_in_place(&s);
    }
    return parser_keep(p, s);
}

/* import_name: 'import' dotted_as_names */
static Stmt *import_name(Parser *p, size_t start) {
    advance_token(p);
    PtrVec names = {0};
    do {
        size_t astart = p->pos;
        Alias *a = parser_alloc(p, sizeof(Alias));
        if (a == NULL || (a->name = dotted_name(p)) == NULL) {
            return NULL;
        }
        if (accept_token(p, TOK_KW_AS)) {
            Token *as = parser_expect(p, TOK_NAME);
            if (as == NULL || (a->asname = parser_identifier(p, as)) == NULL) {
                return NULL;
            }
        }
        Token *s = token_ref(p, astart), *e = prev_token(p);
        a->lineno = s->lineno, a->col_offset = s->col_offset;
        a->end_lineno = e->end_lineno, a->end_col_offset = e->end_col_offset;
        if (parser_vec_push(p, &names, a) < 0) {
            return NULL;
        }
    } while (accept_token(p, TOK_COMMA));
    Stmt *st = parser_stmt_from(p, STMT_IMPORT, start);
    if (st != NULL) {
        st->v.Import.names = AS_SEQ(AliasSeq, Alias, names);
    }
    return st;
}

/* import_from: 'from' ('.' | '...')* dotted_name 'import' import_from_targets
 *            | 'from' ('.' | '...')+ 'import' import_from_targets */
static Stmt *import_from(Parser *p, size_t start) {
    advance_token(p);
    int level = 0;
    for (;;) {
        if (accept_token(p, TOK_DOT)) {
            level++;
        } else if (accept_token(p, TOK_ELLIPSIS)) {
            level += 3;
        } else {
            break;
        }
    }
    Object *module = NULL;
    if (level == 0 || peek_kind(p) == TOK_NAME) {
        if ((module = dotted_name(p)) == NULL) {
            return NULL;
        }
    }
    if (parser_expect(p, TOK_KW_IMPORT) == NULL) {
        return NULL;
    }
    PtrVec names = {0};
    if (peek_kind(p) == TOK_STAR) {
        Token *star = advance_token(p);
        Alias *a = parser_alloc(p, sizeof(Alias));
        if (a == NULL || (a->name = parser_identifier(p, star)) == NULL ||
            parser_vec_push(p, &names, a) < 0) {
            return NULL;
        }
        a->lineno = star->lineno, a->col_offset = star->col_offset;
        a->end_lineno = star->end_lineno, a->end_col_offset = star->end_col_offset;
    } else {
        bool parens = accept_token(p, TOK_LPAR);
        for (;;) {
            Token *name = parser_expect(p, TOK_NAME);
            Alias *a = name != NULL ? parser_alloc(p, sizeof(Alias)) : NULL;
            if (a == NULL || (a->name = parser_identifier(p, name)) == NULL) {
                return NULL;
            }
            if (accept_token(p, TOK_KW_AS)) {
                Token *as = parser_expect(p, TOK_NAME);
                if (as == NULL || (a->asname = parser_identifier(p, as)) == NULL) {
                    return NULL;
                }
            }
            Token *e = prev_token(p);
            a->lineno = name->lineno, a->col_offset = name->col_offset;
            a->end_lineno = e->end_lineno, a->end_col_offset = e->end_col_offset;
            if (parser_vec_push(p, &names, a) < 0) {
                return NULL;
            }
            if (!accept_token(p, TOK_COMMA)) {
                break;
            }
            if (parens && peek_kind(p) == TOK_RPAR) {
                break;
            }
            if (!parens && peek_kind(p) == TOK_NEWLINE) {
                return parser_error_at_token(p, &ExcSyntaxError, parser_token(p),
                                      "trailing comma not allowed without surrounding "
                                      "parentheses");
            }
        }
        if (parens && parser_expect(p, TOK_RPAR) == NULL) {
            return NULL;
        }
    }
    Stmt *st = parser_stmt_from(p, STMT_IMPORT_FROM, start);
    if (st != NULL) {
        st->v.ImportFrom.module = module;
        st->v.ImportFrom.names = AS_SEQ(AliasSeq, Alias, names);
        st->v.ImportFrom.level = level;
    }
    return st;
}

/* global_stmt / nonlocal_stmt: ('global' | 'nonlocal') ','.NAME+ */
static Stmt *global_or_nonlocal(Parser *p, size_t start, StmtKind kind) {
    advance_token(p);
    PtrVec names = {0};
    do {
        Token *t = parser_expect(p, TOK_NAME);
        Object *name = t != NULL ? parser_identifier(p, t) : NULL;
        if (name == NULL || parser_vec_push(p, &names, name) < 0) {
            return NULL;
        }
    } while (accept_token(p, TOK_COMMA));
    Stmt *st = parser_stmt_from(p, kind, start);
    if (st != NULL) {
        IdentifierSeq seq = {(Object **)names.items, names.count};
        if (kind == STMT_GLOBAL) {
            st->v.Global.names = seq;
        } else {
            st->v.Nonlocal.names = seq;
        }
    }
    return st;
}

/* The right-hand side of an assignment: yield_expr | star_expressions. */
static Expr *assignment_value(Parser *p) {
    if (peek_kind(p) == TOK_KW_YIELD) {
        return parse_yield_expr(p);
    }
    return parse_star_expressions(p);
}

/* Is `e` a Name/Attribute/Subscript: what augmented and annotated
 * assignments accept? */
static bool single_target(const Expr *e) {
    return e->kind == EXPR_NAME || e->kind == EXPR_ATTRIBUTE || e->kind == EXPR_SUBSCRIPT;
}

/* The augmented assignment operator at the current token, or -1. */
static int augassign_op(TokenKind k) {
    switch (k) {
    case TOK_PLUSEQUAL: return BINOP_ADD;
    case TOK_MINEQUAL: return BINOP_SUB;
    case TOK_STAREQUAL: return BINOP_MUL;
    case TOK_ATEQUAL: return BINOP_MATMUL;
    case TOK_SLASHEQUAL: return BINOP_TRUEDIV;
    case TOK_PERCENTEQUAL: return BINOP_MOD;
    case TOK_AMPEREQUAL: return BINOP_AND;
    case TOK_VBAREQUAL: return BINOP_OR;
    case TOK_CIRCUMFLEXEQUAL: return BINOP_XOR;
    case TOK_LEFTSHIFTEQUAL: return BINOP_LSHIFT;
    case TOK_RIGHTSHIFTEQUAL: return BINOP_RSHIFT;
    case TOK_DOUBLESTAREQUAL: return BINOP_POW;
    case TOK_DOUBLESLASHEQUAL: return BINOP_FLOORDIV;
    default: return -1;
    }
}

/* Is e an expression at the `bitwise_or` level of the grammar or below
 * (so not a comparison, `not`, `and`/`or`, conditional, lambda...)? */
static bool is_bitwise_or_level(const Expr *e) {
    switch (e->kind) {
    case EXPR_BOOL_OP: case EXPR_COMPARE: case EXPR_IF_EXP: case EXPR_LAMBDA:
    case EXPR_NAMED_EXPR: case EXPR_YIELD: case EXPR_YIELD_FROM: case EXPR_STARRED:
        return false;
    case EXPR_UNARY_OP:
        return e->v.UnaryOp.op != AST_NOT;
    default:
        return true;
    }
}

/* A tuple written without parentheses starts where its first element starts. */
static bool is_bare_tuple(const Expr *e) {
    return e->kind == EXPR_TUPLE && e->v.Tuple.elts.count > 0 &&
           e->lineno == e->v.Tuple.elts.items[0]->lineno &&
           e->col_offset == e->v.Tuple.elts.items[0]->col_offset;
}

/* Report a bad assignment target as CPython 3.11 does. Its second pass tries,
 * at the expression just before a single '=', the rule
 *     a=bitwise_or '=' bitwise_or !('=' | ':=')
 * which gives "cannot assign to X here. Maybe you meant '==' instead of
 * '='?" (or, when that expression is a plain name, "invalid syntax. Maybe
 * you meant '==' or ':=' instead of '='?"). Otherwise the message is
 * "cannot assign to X" at the first bad part of the targets. */
static void bad_assignment(Parser *p, PtrVec *targets, Expr *value, Token *stmt_start) {
    Expr *first = targets->items[0];
    Expr *candidate = is_bare_tuple(first)
                          ? first->v.Tuple.elts.items[first->v.Tuple.elts.count - 1]
                          : first;
    Object *c = candidate->kind == EXPR_CONSTANT ? candidate->v.Constant.value : NULL;
    /* a yield in parentheses is an atom, so it counts; a bare one does not */
    bool parenthesised_yield = candidate->kind == EXPR_YIELD &&
                               (candidate->lineno != stmt_start->lineno ||
                                candidate->col_offset != stmt_start->col_offset);
    bool comparison_typo = targets->count == 1 &&
                           (is_bitwise_or_level(candidate) || parenthesised_yield) &&
                           candidate->kind != EXPR_LIST && candidate->kind != EXPR_TUPLE &&
                           candidate->kind != EXPR_GENERATOR_EXP && c != None && c != True &&
                           c != False && value->kind != EXPR_YIELD &&
                           value->kind != EXPR_YIELD_FROM;
    if (comparison_typo && candidate->kind == EXPR_NAME) {
        /* `1, a = x`: the range runs to the end of the first operand after '=' */
        Expr *rhs = is_bare_tuple(value) ? value->v.Tuple.elts.items[0] : value;
        while (!is_bitwise_or_level(rhs)) {
            if (rhs->kind == EXPR_COMPARE) {
                rhs = rhs->v.Compare.left;
            } else if (rhs->kind == EXPR_BOOL_OP) {
                rhs = rhs->v.BoolOp.values.items[0];
            } else if (rhs->kind == EXPR_IF_EXP) {
                rhs = rhs->v.IfExp.body;
            } else if (rhs->kind == EXPR_UNARY_OP) {
                rhs = rhs->v.UnaryOp.operand;
            } else {
                break;
            }
        }
        parser_error_range(p, candidate->lineno, candidate->col_offset, rhs->end_lineno,
                           rhs->end_col_offset,
                           "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        return;
    }
    if (comparison_typo) { /* (even `1, a.b = 2` says "cannot assign to attribute here") */
        ERROR_AT_NODE(p, candidate, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                      parser_expr_name(candidate));
        return;
    }
    for (size_t i = 0; i < targets->count; i++) {
        Expr *t = targets->items[i];
        if (t->kind == EXPR_YIELD || t->kind == EXPR_YIELD_FROM) {
            ERROR_AT_NODE(p, t, "assignment to yield expression not possible");
            return;
        }
        if (parser_make_target(p, t, STAR_TARGETS) < 0) {
            return;
        }
    }
}

/* An expression statement or any kind of assignment. */
static Stmt *expression_statement(Parser *p, size_t start) {
    Expr *first = peek_kind(p) == TOK_KW_YIELD ? parse_yield_expr(p) : parse_star_expressions(p);
    if (first == NULL) {
        return NULL;
    }
    TokenKind k = peek_kind(p);
    if (k == TOK_COLON) {
        /* annotated assignment */
        if (!single_target(first)) {
            if (first->kind == EXPR_TUPLE || first->kind == EXPR_LIST) {
                ERROR_AT_NODE(p, first, "only single target (not %s) can be annotated",
                              first->kind == EXPR_TUPLE ? "tuple" : "list");
            } else {
                ERROR_AT_NODE(p, first, "illegal target for annotation");
            }
            return NULL;
        }
        advance_token(p);
        Expr *annotation = parse_expression(p);
        if (annotation == NULL) {
            return NULL;
        }
        Expr *value = NULL;
        if (accept_token(p, TOK_EQUAL)) {
            if ((value = assignment_value(p)) == NULL) {
                return NULL;
            }
        }
        parser_set_context(first, AST_STORE);
        Stmt *st = parser_stmt_from(p, STMT_ANN_ASSIGN, start);
        if (st != NULL) {
            st->v.AnnAssign.target = first;
            st->v.AnnAssign.annotation = annotation;
            st->v.AnnAssign.value = value;
            st->v.AnnAssign.simple = first->kind == EXPR_NAME && token_ref(p, start)->kind != TOK_LPAR;
        }
        return st;
    }
    int op = augassign_op(k);
    if (op >= 0) {
        if (!single_target(first)) {
            ERROR_AT_NODE(p, first, "'%s' is an illegal expression for augmented assignment",
                          parser_expr_name(first));
            return NULL;
        }
        advance_token(p);
        Expr *value = assignment_value(p);
        if (value == NULL) {
            return NULL;
        }
        parser_set_context(first, AST_STORE);
        Stmt *st = parser_stmt_from(p, STMT_AUG_ASSIGN, start);
        if (st != NULL) {
            st->v.AugAssign.target = first;
            st->v.AugAssign.op = (BinaryOp)op;
            st->v.AugAssign.value = value;
        }
        return st;
    }
    if (k == TOK_EQUAL) {
        PtrVec targets = {0};
        Expr *value = first;
        while (accept_token(p, TOK_EQUAL)) {
            if (parser_vec_push(p, &targets, value) < 0) {
                return NULL;
            }
            if ((value = assignment_value(p)) == NULL) {
                return NULL;
            }
        }
        for (size_t i = 0; i < targets.count; i++) {
            Expr *t = targets.items[i];
            if (parser_invalid_target(t, STAR_TARGETS) != NULL) {
                bad_assignment(p, &targets, value, token_ref(p, start));
                return NULL;
            }
        }
        for (size_t i = 0; i < targets.count; i++) {
            parser_set_context(targets.items[i], AST_STORE);
        }
        Stmt *st = parser_stmt_from(p, STMT_ASSIGN, start);
        if (st != NULL) {
            st->v.Assign.targets = AS_SEQ(ExprSeq, Expr, targets);
            st->v.Assign.value = value;
        }
        return st;
    }
    Stmt *st = parser_stmt_from(p, STMT_EXPR, start);
    if (st != NULL) {
        st->v.Expr.value = first;
    }
    return st;
}

/* One simple statement (no NEWLINE). */
static Stmt *simple_statement(Parser *p) {
    size_t start = p->pos;
    Stmt *st;
    switch (peek_kind(p)) {
    case TOK_KW_PASS:
        advance_token(p);
        return parser_stmt_from(p, STMT_PASS, start);
    case TOK_KW_BREAK:
        advance_token(p);
        return parser_stmt_from(p, STMT_BREAK, start);
    case TOK_KW_CONTINUE:
        advance_token(p);
        return parser_stmt_from(p, STMT_CONTINUE, start);
    case TOK_KW_RETURN: {
        advance_token(p);
        Expr *value = NULL;
        if (parser_starts_expression(peek_kind(p)) || peek_kind(p) == TOK_STAR) {
            if ((value = parse_star_expressions(p)) == NULL) {
                return NULL;
            }
        }
        if ((st = parser_stmt_from(p, STMT_RETURN, start)) != NULL) {
            st->v.Return.value = value;
        }
        return st;
    }
    case TOK_KW_RAISE: {
        advance_token(p);
        Expr *exc = NULL, *cause = NULL;
        if (parser_starts_expression(peek_kind(p))) {
            if ((exc = parse_expression(p)) == NULL) {
                return NULL;
            }
            if (accept_token(p, TOK_KW_FROM) && (cause = parse_expression(p)) == NULL) {
                return NULL;
            }
        }
        if ((st = parser_stmt_from(p, STMT_RAISE, start)) != NULL) {
            st->v.Raise.exc = exc;
            st->v.Raise.cause = cause;
        }
        return st;
    }
    case TOK_KW_ASSERT: {
        advance_token(p);
        Expr *test = parse_expression(p), *msg = NULL;
        if (test == NULL || (accept_token(p, TOK_COMMA) && (msg = parse_expression(p)) == NULL)) {
            return NULL;
        }
        if ((st = parser_stmt_from(p, STMT_ASSERT, start)) != NULL) {
            st->v.Assert.test = test;
            st->v.Assert.msg = msg;
        }
        return st;
    }
    case TOK_KW_DEL: {
        advance_token(p);
        Expr *targets = parse_expression_list(p, parse_star_target);
        if (targets == NULL) {
            return NULL;
        }
        if (peek_kind(p) != TOK_NEWLINE && peek_kind(p) != TOK_SEMI) {
            return parser_error_generic(p);
        }
        PtrVec seq = {0};
        if (targets->kind == EXPR_TUPLE && token_ref(p, start + 1)->kind != TOK_LPAR) {
            for (size_t i = 0; i < targets->v.Tuple.elts.count; i++) {
                if (parser_vec_push(p, &seq, targets->v.Tuple.elts.items[i]) < 0) {
                    return NULL;
                }
            }
        } else if (parser_vec_push(p, &seq, targets) < 0) {
            return NULL;
        }
        for (size_t i = 0; i < seq.count; i++) {
            if (parser_make_target(p, seq.items[i], DEL_TARGETS) < 0) {
                return NULL;
            }
        }
        if ((st = parser_stmt_from(p, STMT_DELETE, start)) != NULL) {
            st->v.Delete.targets = AS_SEQ(ExprSeq, Expr, seq);
        }
        return st;
    }
    case TOK_KW_IMPORT:
        return import_name(p, start);
    case TOK_KW_FROM:
        return import_from(p, start);
    case TOK_KW_GLOBAL:
        return global_or_nonlocal(p, start, STMT_GLOBAL);
    case TOK_KW_NONLOCAL:
        return global_or_nonlocal(p, start, STMT_NONLOCAL);
    default:
        return expression_statement(p, start);
    }
}

/* simple_stmts: simple_stmt (';' simple_stmt)* [';'] NEWLINE */
static int simple_statements(Parser *p, PtrVec *out) {
    for (;;) {
        if (push_stmt(p, out, simple_statement(p)) < 0) {
            return -1;
        }
        if (!accept_token(p, TOK_SEMI) || peek_kind(p) == TOK_NEWLINE) {
            break;
        }
    }
    if (parser_expect(p, TOK_NEWLINE) == NULL) {
        return -1;
    }
    return 0;
}

/* block: NEWLINE INDENT statements DEDENT | simple_stmts
 * On a missing indentation: "expected an indented block after <what> on line N". */
static StmtSeq block(Parser *p, const char *what, int line, bool *ok) {
    PtrVec body = {0};
    *ok = false;
    if (!parser_enter(p)) {
        return (StmtSeq){NULL, 0};
    }
    if (accept_token(p, TOK_NEWLINE)) {
        if (peek_kind(p) != TOK_INDENT) {
            if (!p->error) {
                parser_error_at_token(p, &ExcIndentationError, parser_token(p),
                               "expected an indented block after %s on line %d", what, line);
            }
            parser_leave(p);
            return (StmtSeq){NULL, 0};
        }
        advance_token(p);
        do {
            if (parse_statement(p, &body) < 0) {
                parser_leave(p);
                return (StmtSeq){NULL, 0};
            }
        } while (peek_kind(p) != TOK_DEDENT && !p->error);
        if (parser_expect(p, TOK_DEDENT) == NULL) {
            parser_leave(p);
            return (StmtSeq){NULL, 0};
        }
    } else if (simple_statements(p, &body) < 0) {
        parser_leave(p);
        return (StmtSeq){NULL, 0};
    }
    parser_leave(p);
    *ok = true;
    return AS_SEQ(StmtSeq, Stmt, body);
}

/* Set a compound statement's end to the end of its last statement. */
static void end_at_body(Stmt *st, StmtSeq body) {
    if (body.count > 0) {
        Stmt *last = body.items[body.count - 1];
        st->end_lineno = last->end_lineno;
        st->end_col_offset = last->end_col_offset;
    }
}

/* if_stmt / elif_stmt: 'if' named_expression ':' block [elif_stmt | else_block] */
static Stmt *if_statement(Parser *p, const char *what) {
    size_t start = p->pos;
    Token *kw = advance_token(p);
    Expr *test = parse_named_expression(p);
    if (test == NULL || !parser_expect_colon(p)) {
        return NULL;
    }
    bool ok;
    StmtSeq body = block(p, what, kw->lineno, &ok);
    if (!ok) {
        return NULL;
    }
    Stmt *st = parser_stmt_from(p, STMT_IF, start);
    if (st == NULL) {
        return NULL;
    }
    st->v.If.test = test;
    st->v.If.body = body;
    end_at_body(st, body);
    if (peek_kind(p) == TOK_KW_ELIF) {
        Stmt *elif = if_statement(p, "'elif' statement");
        PtrVec orelse = {0};
        if (elif == NULL || parser_vec_push(p, &orelse, elif) < 0) {
            return NULL;
        }
        st->v.If.orelse = AS_SEQ(StmtSeq, Stmt, orelse);
        st->end_lineno = elif->end_lineno;
        st->end_col_offset = elif->end_col_offset;
    } else if (peek_kind(p) == TOK_KW_ELSE) {
        Token *else_kw = advance_token(p);
        if (!parser_expect_forced(p, TOK_COLON)) {
            return NULL;
        }
        st->v.If.orelse = block(p, "'else' statement", else_kw->lineno, &ok);
        if (!ok) {
            return NULL;
        }
        end_at_body(st, st->v.If.orelse);
    }
    return st;
}

/* An optional `else:` block of for/while/try. */
static int else_block(Parser *p, StmtSeq *out) {
    if (peek_kind(p) != TOK_KW_ELSE) {
        return 0;
    }
    Token *kw = advance_token(p);
    if (!parser_expect_forced(p, TOK_COLON)) {
        return -1;
    }
    bool ok;
    *out = block(p, "'else' statement", kw->lineno, &ok);
    return ok ? 0 : -1;
}

/* while_stmt: 'while' named_expression ':' block [else_block] */
static Stmt *while_statement(Parser *p) {
    size_t start = p->pos;
    Token *kw = advance_token(p);
    Expr *test = parse_named_expression(p);
    if (test == NULL || !parser_expect_colon(p)) {
        return NULL;
    }
    bool ok;
    StmtSeq body = block(p, "'while' statement", kw->lineno, &ok);
    Stmt *st = ok ? parser_stmt_from(p, STMT_WHILE, start) : NULL;
    if (st == NULL) {
        return NULL;
    }
    st->v.While.test = test;
    st->v.While.body = body;
    end_at_body(st, body);
    if (else_block(p, &st->v.While.orelse) < 0) {
        return NULL;
    }
    end_at_body(st, st->v.While.orelse);
    return st;
}

/* for_stmt: 'for' star_targets 'in' star_expressions ':' block [else_block] */
static Stmt *for_statement(Parser *p) {
    size_t start = p->pos;
    Token *kw = advance_token(p);
    Expr *target = parse_for_targets(p);
    if (target == NULL || parser_expect(p, TOK_KW_IN) == NULL) {
        return NULL;
    }
    Expr *iter = parse_star_expressions(p);
    if (iter == NULL || !parser_expect_colon(p)) {
        return NULL;
    }
    bool ok;
    StmtSeq body = block(p, "'for' statement", kw->lineno, &ok);
    Stmt *st = ok ? parser_stmt_from(p, STMT_FOR, start) : NULL;
    if (st == NULL) {
        return NULL;
    }
    st->v.For.target = target;
    st->v.For.iter = iter;
    st->v.For.body = body;
    end_at_body(st, body);
    if (else_block(p, &st->v.For.orelse) < 0) {
        return NULL;
    }
    end_at_body(st, st->v.For.orelse);
    return st;
}

/* with_item: expression ['as' star_target] */
static WithItem *with_item(Parser *p) {
    WithItem *item = parser_alloc(p, sizeof(WithItem));
    if (item == NULL || (item->context_expr = parse_expression(p)) == NULL) {
        return NULL;
    }
    if (accept_token(p, TOK_KW_AS)) {
        Expr *target = parse_star_target(p);
        if (target == NULL || parser_make_target(p, target, STAR_TARGETS) < 0) {
            return NULL;
        }
        TokenKind k = peek_kind(p);
        if (k != TOK_COMMA && k != TOK_RPAR && k != TOK_COLON) {
            return parser_error_generic(p);
        }
        item->optional_vars = target;
    }
    return item;
}

/* with_stmt: 'with' ','.with_item+ ':' block
 *          | 'with' '(' ','.with_item+ ','? ')' ':' block */
static Stmt *with_statement(Parser *p) {
    size_t start = p->pos;
    Token *kw = advance_token(p);
    PtrVec items = {0};
    bool parenthesised = false;
    if (peek_kind(p) == TOK_LPAR) {
        /* Either parenthesised with-items or an expression starting with '(':
         * try the first reading, fall back to the second. */
        size_t save = p->pos;
        advance_token(p);
        bool good = true;
        for (;;) {
            WithItem *item = with_item(p);
            if (item == NULL || parser_vec_push(p, &items, item) < 0) {
                good = false;
                break;
            }
            if (!accept_token(p, TOK_COMMA) || peek_kind(p) == TOK_RPAR) {
                break;
            }
        }
        if (good && accept_token(p, TOK_RPAR) && peek_kind(p) == TOK_COLON) {
            parenthesised = true;
        } else {
            if (p->lexer_error || (p->error && !err_matches(&ExcSyntaxError))) {
                return NULL;
            }
            if (p->error) {
                err_clear();
                p->error = false;
            }
            p->pos = save;
            items = (PtrVec){0};
        }
    }
    if (!parenthesised) {
        do {
            WithItem *item = with_item(p);
            if (item == NULL || parser_vec_push(p, &items, item) < 0) {
                return NULL;
            }
        } while (accept_token(p, TOK_COMMA));
    }
    if (!parser_expect_colon(p)) {
        return NULL;
    }
    bool ok;
    StmtSeq body = block(p, "'with' statement", kw->lineno, &ok);
    Stmt *st = ok ? parser_stmt_from(p, STMT_WITH, start) : NULL;
    if (st == NULL) {
        return NULL;
    }
    st->v.With.items = AS_SEQ(WithItemSeq, WithItem, items);
    st->v.With.body = body;
    end_at_body(st, body);
    return st;
}

/* try_stmt: 'try' ':' block finally_block
 *         | 'try' ':' block except_block+ [else_block] [finally_block] */
static Stmt *try_statement(Parser *p) {
    size_t start = p->pos;
    Token *kw = advance_token(p);
    if (!parser_expect_forced(p, TOK_COLON)) {
        return NULL;
    }
    bool ok;
    StmtSeq body = block(p, "'try' statement", kw->lineno, &ok);
    Stmt *st = ok ? parser_stmt_from(p, STMT_TRY, start) : NULL;
    if (st == NULL) {
        return NULL;
    }
    st->v.Try.body = body;
    end_at_body(st, body);
    PtrVec handlers = {0};
    while (peek_kind(p) == TOK_KW_EXCEPT) {
        size_t hstart = p->pos;
        Token *ex = advance_token(p);
        ExceptHandler *h = parser_alloc(p, sizeof(ExceptHandler));
        if (h == NULL) {
            return NULL;
        }
        if (peek_kind(p) == TOK_STAR) {
            return parser_error_at_token(p, &ExcSyntaxError, parser_token(p),
                                  "except* is not supported by gilpy");
        }
        if (peek_kind(p) != TOK_COLON && peek_kind(p) != TOK_NEWLINE) {
            size_t type_start = p->pos;
            if ((h->type = parse_expression(p)) == NULL) {
                return NULL;
            }
            if (peek_kind(p) == TOK_COMMA) {
                /* except A, B: -> needs parentheses */
                p->pos = type_start;
                Expr *types = parse_expressions(p);
                if (types == NULL) {
                    return NULL;
                }
                if (peek_kind(p) == TOK_COLON || peek_kind(p) == TOK_KW_AS) {
                    return ERROR_AT_NODE(p, types, "multiple exception types must be parenthesized");
                }
                return parser_error_generic(p);
            }
            if (accept_token(p, TOK_KW_AS)) {
                Token *name = parser_expect(p, TOK_NAME);
                if (name == NULL || (h->name = parser_identifier(p, name)) == NULL) {
                    return NULL;
                }
            }
        }
        if (!parser_expect_colon(p)) {
            return NULL;
        }
        h->body = block(p, "'except' statement", ex->lineno, &ok);
        if (!ok) {
            return NULL;
        }
        Token *s = token_ref(p, hstart), *e = prev_token(p);
        h->lineno = s->lineno, h->col_offset = s->col_offset;
        h->end_lineno = e->end_lineno, h->end_col_offset = e->end_col_offset;
        if (h->body.count > 0) {
            Stmt *last = h->body.items[h->body.count - 1];
            h->end_lineno = last->end_lineno, h->end_col_offset = last->end_col_offset;
        }
        st->end_lineno = h->end_lineno, st->end_col_offset = h->end_col_offset;
        if (parser_vec_push(p, &handlers, h) < 0) {
            return NULL;
        }
    }
    st->v.Try.handlers = AS_SEQ(ExceptHandlerSeq, ExceptHandler, handlers);
    if (handlers.count > 0) {
        if (else_block(p, &st->v.Try.orelse) < 0) {
            return NULL;
        }
        end_at_body(st, st->v.Try.orelse);
    }
    if (peek_kind(p) == TOK_KW_FINALLY) {
        Token *fin = advance_token(p);
        if (!parser_expect_forced(p, TOK_COLON)) {
            return NULL;
        }
        st->v.Try.finalbody = block(p, "'finally' statement", fin->lineno, &ok);
        if (!ok) {
            return NULL;
        }
        end_at_body(st, st->v.Try.finalbody);
    } else if (handlers.count == 0) {
        /* CPython: invalid_try_stmt */
        Token *t = parser_token(p);
        return parser_error_at_token(p, &ExcSyntaxError, t, "expected 'except' or 'finally' block");
    }
    return st;
}

/* function_def: decorators 'def' NAME '(' [params] ')' ['->' expression] ':' block */
static Stmt *function_def(Parser *p, ExprSeq decorators) {
    size_t start = p->pos;
    Token *kw = advance_token(p);
    Token *name = parser_expect(p, TOK_NAME);
    if (name == NULL || !parser_expect_forced(p, TOK_LPAR)) {
        return NULL;
    }
    Arguments *args = parse_parameters(p, false, TOK_RPAR);
    if (args == NULL || parser_expect(p, TOK_RPAR) == NULL) {
        return NULL;
    }
    Expr *returns = NULL;
    if (accept_token(p, TOK_RARROW) && (returns = parse_expression(p)) == NULL) {
        return NULL;
    }
    if (!parser_expect_forced(p, TOK_COLON)) {
        return NULL;
    }
    bool ok;
    StmtSeq body = block(p, "function definition", kw->lineno, &ok);
    Stmt *st = ok ? parser_stmt_from(p, STMT_FUNCTION_DEF, start) : NULL;
    if (st == NULL || (st->v.FunctionDef.name = parser_identifier(p, name)) == NULL) {
        return NULL;
    }
    st->v.FunctionDef.args = args;
    st->v.FunctionDef.body = body;
    st->v.FunctionDef.decorator_list = decorators;
    st->v.FunctionDef.returns = returns;
    end_at_body(st, body);
    return st;
}

/* class_def: decorators 'class' NAME ['(' [arguments] ')'] ':' block */
static Stmt *class_def(Parser *p, ExprSeq decorators) {
    size_t start = p->pos;
    Token *kw = advance_token(p);
    Token *name = parser_expect(p, TOK_NAME);
    if (name == NULL) {
        return NULL;
    }
    Expr *call = NULL;
    if (peek_kind(p) == TOK_LPAR) {
        size_t open = p->pos;
        advance_token(p);
        call = parser_new_expr(p, EXPR_CALL, 0, 0, 0, 0);
        if (call == NULL || parse_call_arguments(p, call, open, false) < 0) {
            return NULL;
        }
    }
    if (!parser_expect_colon(p)) {
        return NULL;
    }
    bool ok;
    StmtSeq body = block(p, "class definition", kw->lineno, &ok);
    Stmt *st = ok ? parser_stmt_from(p, STMT_CLASS_DEF, start) : NULL;
    if (st == NULL || (st->v.ClassDef.name = parser_identifier(p, name)) == NULL) {
        return NULL;
    }
    if (call != NULL) {
        st->v.ClassDef.bases = call->v.Call.args;
        st->v.ClassDef.keywords = call->v.Call.keywords;
    }
    st->v.ClassDef.body = body;
    st->v.ClassDef.decorator_list = decorators;
    end_at_body(st, body);
    return st;
}

/* decorators: ('@' named_expression NEWLINE)+ then a def or class. */
static Stmt *decorated(Parser *p) {
    PtrVec decorators = {0};
    while (accept_token(p, TOK_AT)) {
        Expr *d = parse_named_expression(p);
        if (d == NULL || parser_expect(p, TOK_NEWLINE) == NULL || parser_vec_push(p, &decorators, d) < 0) {
            return NULL;
        }
    }
    ExprSeq seq = AS_SEQ(ExprSeq, Expr, decorators);
    if (peek_kind(p) == TOK_KW_DEF) {
        return function_def(p, seq);
    }
    if (peek_kind(p) == TOK_KW_CLASS) {
        return class_def(p, seq);
    }
    return parser_error_generic(p);
}

/* Does a `match` statement start here? (`match` is a soft keyword: only a
 * line `match <subject>:` is one.) gilpy does not support it: say so. */
static bool is_match_statement(Parser *p) {
    Token *t = parser_token(p);
    if (t->kind != TOK_NAME || t->len != 5 || memcmp(t->start, "match", 5) != 0) {
        return false;
    }
    TokenKind next = peek_kind_at(p, 1);
    if (!parser_starts_expression(next) && next != TOK_STAR) {
        return false;
    }
    for (size_t k = 1;; k++) {
        TokenKind kind = peek_kind_at(p, k);
        if (kind == TOK_NEWLINE || kind == TOK_ENDMARKER) {
            return peek_kind_at(p, k - 1) == TOK_COLON && peek_kind_at(p, k + 1) == TOK_INDENT;
        }
    }
}

/* statement: compound_stmt | simple_stmts */
int parse_statement(Parser *p, PtrVec *out) {
    if (is_match_statement(p)) {
        parser_error_at_token(p, &ExcSyntaxError, parser_token(p),
                       "match statements are not supported by gilpy");
        return -1;
    }
    switch (peek_kind(p)) {
    case TOK_KW_IF: return push_stmt(p, out, if_statement(p, "'if' statement"));
    case TOK_KW_WHILE: return push_stmt(p, out, while_statement(p));
    case TOK_KW_FOR: return push_stmt(p, out, for_statement(p));
    case TOK_KW_WITH: return push_stmt(p, out, with_statement(p));
    case TOK_KW_TRY: return push_stmt(p, out, try_statement(p));
    case TOK_KW_DEF: return push_stmt(p, out, function_def(p, (ExprSeq){NULL, 0}));
    case TOK_KW_CLASS: return push_stmt(p, out, class_def(p, (ExprSeq){NULL, 0}));
    case TOK_AT: return push_stmt(p, out, decorated(p));
    case TOK_KW_ASYNC: {
        TokenKind next = peek_kind_at(p, 1);
        if (next == TOK_KW_DEF || next == TOK_KW_FOR || next == TOK_KW_WITH) {
            parser_error_at_token(p, &ExcSyntaxError, parser_token(p),
                                  "async is not supported by gilpy");
            return -1;
        }
        return simple_statements(p, out); /* `async = 1`: invalid syntax, as CPython */
    }
    default:
        return simple_statements(p, out);
    }
}

