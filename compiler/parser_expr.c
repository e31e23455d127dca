/* parser_expr.c: the expression rules of the parser (and function
 * parameters), from `expression` down to `atom`, after CPython 3.11's
 * Grammar/python.gram. See parser.c for the overall design. */
#include <stdio.h>
#include <string.h>

#include "errors.h"
#include "exceptions.h"
#include "float.h"
#include "int.h"
#include "memory.h"
#include "parser_impl.h"
#include "str.h"

/* ================================================================ expressions */

static Expr *star_named_expression(Parser *p);
static Expr *bitwise_or(Parser *p);
static Expr *disjunction(Parser *p);
static Expr *primary(Parser *p);
static int comprehension_clauses(Parser *p, ComprehensionSeq *out);

/* Can token kind k begin an expression? (for "Perhaps you forgot a comma?") */
bool parser_starts_expression(TokenKind k) {
    switch (k) {
    case TOK_NAME: case TOK_NUMBER: case TOK_STRING: case TOK_LPAR: case TOK_LSQB:
    case TOK_LBRACE: case TOK_MINUS: case TOK_PLUS: case TOK_TILDE: case TOK_ELLIPSIS:
    case TOK_KW_NONE: case TOK_KW_TRUE: case TOK_KW_FALSE: case TOK_KW_LAMBDA:
    case TOK_KW_NOT: case TOK_KW_AWAIT:
        return true;
    default:
        return false;
    }
}

/* Parse something speculatively: run `fn`; on a parser (not lexer) failure
 * restore the position and clear the error. Returns the result or NULL. */
static Expr *try_parse(Parser *p, Expr *(*fn)(Parser *)) {
    size_t save = p->pos, save_far = p->furthest;
    /* Like CPython's *_without_invalid rules: no error hunting inside. */
    bool outer = p->in_invalid_check;
    p->in_invalid_check = true;
    Expr *e = fn(p);
    p->in_invalid_check = outer;
    if (e == NULL && p->error && !p->lexer_error && err_matches(&ExcSyntaxError)) {
        err_clear();
        p->error = false;
        p->pos = save;
        p->furthest = save_far;
    }
    return e;
}

/* CPython's invalid_expression and invalid_legacy_expression, checked after
 * a disjunction `a` when the next token could start another expression:
 *   print "hi"   -> Missing parentheses in call to 'print'. Did you mean print(...)?
 *   [a b]        -> invalid syntax. Perhaps you forgot a comma?
 * Returns -1 when an error was raised. */
static int check_juxtaposed(Parser *p, Expr *a, size_t a_start) {
    TokenKind k = peek_kind(p);
    if (p->error || !parser_starts_expression(k) || p->in_dict_key || p->in_invalid_check) {
        return 0;
    }
    bool legacy = a->kind == EXPR_NAME && k != TOK_LPAR &&
                  (str_equal_cstr(a->v.Name.id, "print") || str_equal_cstr(a->v.Name.id, "exec"));
    if (legacy) {
        size_t save = p->pos, save_far = p->furthest;
        Expr *b = try_parse(p, parse_star_expressions);
        if (b != NULL) {
            parser_error_range(p, a->lineno, a->col_offset, b->end_lineno, b->end_col_offset,
                               "Missing parentheses in call to '%s'. Did you mean %s(...)?",
                               str_utf8(a->v.Name.id), str_utf8(a->v.Name.id));
            return -1;
        }
        p->pos = save;
        p->furthest = save_far;
        return p->error ? -1 : 0;
    }
    /* !(NAME STRING): `f"..."`-like prefixes typed with a space are not a comma mistake */
    if (token_ref(p, a_start)->kind == TOK_NAME && p->pos == a_start + 1 && k == TOK_STRING) {
        return 0;
    }
    size_t save = p->pos, save_far = p->furthest;
    Expr *b = try_parse(p, parse_expression);
    if (b != NULL) {
        bool inside = false;
        /* Was the last token of b inside brackets? Count brackets from the
         * start of the file up to it (cheap enough for an error path; the
         * lexer's own count has moved on since). */
        int level = 0;
        for (size_t i = 0; i < p->pos; i++) {
            TokenKind t = token_ref(p, i)->kind;
            if (t == TOK_LPAR || t == TOK_LSQB || t == TOK_LBRACE) {
                level++;
            } else if ((t == TOK_RPAR || t == TOK_RSQB || t == TOK_RBRACE) && level > 0) {
                level--;
            }
        }
        inside = level > 0;
        if (inside) {
            parser_error_range(p, a->lineno, a->col_offset, b->end_lineno, b->end_col_offset,
                               "invalid syntax. Perhaps you forgot a comma?");
            return -1;
        }
    }
    if (p->error) {
        return -1;
    }
    p->pos = save;
    p->furthest = save_far;
    return 0;
}

/* expression: disjunction ['if' disjunction 'else' expression] | lambdef */
Expr *parse_expression(Parser *p) {
    if (!parser_enter(p)) {
        return NULL;
    }
    Expr *result = NULL;
    size_t start = p->pos;
    if (peek_kind(p) == TOK_KW_LAMBDA) {
        advance_token(p);
        Arguments *args = parse_parameters(p, true, TOK_COLON);
        if (args != NULL && parser_expect_colon(p)) {
            Expr *body = parse_expression(p);
            if (body != NULL && (result = parser_expr_from(p, EXPR_LAMBDA, start)) != NULL) {
                result->v.Lambda.args = args;
                result->v.Lambda.body = body;
            }
        }
        parser_leave(p);
        return result;
    }
    Expr *a = disjunction(p);
    if (a == NULL) {
        parser_leave(p);
        return NULL;
    }
    if (peek_kind(p) == TOK_KW_IF) {
        advance_token(p);
        Expr *test = disjunction(p);
        if (test == NULL) {
            parser_leave(p);
            return NULL;
        }
        if (peek_kind(p) != TOK_KW_ELSE) {
            if (peek_kind(p) != TOK_COLON) {
                parser_error_range(p, a->lineno, a->col_offset, test->end_lineno,
                                   test->end_col_offset, "expected 'else' after 'if' expression");
            } else {
                parser_error_generic(p);
            }
            parser_leave(p);
            return NULL;
        }
        advance_token(p);
        Expr *orelse = parse_expression(p);
        if (orelse != NULL && (result = parser_expr_from(p, EXPR_IF_EXP, start)) != NULL) {
            result->v.IfExp.test = test;
            result->v.IfExp.body = a;
            result->v.IfExp.orelse = orelse;
        }
        parser_leave(p);
        return result;
    }
    if (check_juxtaposed(p, a, start) < 0) {
        a = NULL;
    }
    parser_leave(p);
    return a;
}

/* disjunction: conjunction ('or' conjunction)*; conjunction likewise with 'and'. */
static Expr *bool_chain(Parser *p, TokenKind kw, AstBoolOp op, Expr *(*operand)(Parser *)) {
    size_t start = p->pos;
    Expr *first = operand(p);
    if (first == NULL || peek_kind(p) != kw) {
        return first;
    }
    PtrVec values = {0};
    if (parser_vec_push(p, &values, first) < 0) {
        return NULL;
    }
    while (accept_token(p, kw)) {
        Expr *next = operand(p);
        if (next == NULL || parser_vec_push(p, &values, next) < 0) {
            return NULL;
        }
    }
    Expr *e = parser_expr_from(p, EXPR_BOOL_OP, start);
    if (e != NULL) {
        e->v.BoolOp.op = op;
        e->v.BoolOp.values = AS_SEQ(ExprSeq, Expr, values);
    }
    return e;
}

static Expr *comparison(Parser *p);

/* inversion: 'not' inversion | comparison */
static Expr *inversion(Parser *p) {
    if (peek_kind(p) != TOK_KW_NOT) {
        return comparison(p);
    }
    if (!parser_enter(p)) {
        return NULL;
    }
    size_t start = p->pos;
    advance_token(p);
    Expr *operand = inversion(p);
    Expr *e = NULL;
    if (operand != NULL && (e = parser_expr_from(p, EXPR_UNARY_OP, start)) != NULL) {
        e->v.UnaryOp.op = AST_NOT;
        e->v.UnaryOp.operand = operand;
    }
    parser_leave(p);
    return e;
}

static Expr *conjunction(Parser *p) { return bool_chain(p, TOK_KW_AND, AST_AND, inversion); }
static Expr *disjunction(Parser *p) { return bool_chain(p, TOK_KW_OR, AST_OR, conjunction); }

/* The comparison operator at the current position (consuming it), or -1. */
static int compare_op(Parser *p) {
    switch (peek_kind(p)) {
    case TOK_LESS: advance_token(p); return AST_CMP_LT;
    case TOK_LESSEQUAL: advance_token(p); return AST_CMP_LE;
    case TOK_EQEQUAL: advance_token(p); return AST_CMP_EQ;
    case TOK_NOTEQUAL:
        if (parser_token(p)->start[0] == '<') {
            parser_error_generic(p); /* `<>` is only valid under `from __future__ import barry_as_FLUFL` */
            return -1;
        }
        advance_token(p);
        return AST_CMP_NE;
    case TOK_GREATER: advance_token(p); return AST_CMP_GT;
    case TOK_GREATEREQUAL: advance_token(p); return AST_CMP_GE;
    case TOK_KW_IN: advance_token(p); return AST_CMP_IN;
    case TOK_KW_NOT:
        if (peek_kind_at(p, 1) == TOK_KW_IN) {
            advance_token(p);
            advance_token(p);
            return AST_CMP_NOT_IN;
        }
        return -1;
    case TOK_KW_IS:
        advance_token(p);
        return accept_token(p, TOK_KW_NOT) ? AST_CMP_IS_NOT : AST_CMP_IS;
    default:
        return -1;
    }
}

/* comparison: bitwise_or (compare_op bitwise_or)* */
static Expr *comparison(Parser *p) {
    size_t start = p->pos;
    Expr *left = bitwise_or(p);
    if (left == NULL) {
        return NULL;
    }
    int op = compare_op(p);
    if (op < 0) {
        return left;
    }
    PtrVec comparators = {0};
    size_t nops = 0, cap = 4;
    AstCmpOp *ops = arena_alloc(p->arena, cap * sizeof(AstCmpOp));
    if (ops == NULL) {
        p->error = true;
        return NULL;
    }
    while (op >= 0) {
        Expr *right = bitwise_or(p);
        if (right == NULL || parser_vec_push(p, &comparators, right) < 0) {
            return NULL;
        }
        if (nops == cap) {
            AstCmpOp *bigger = arena_alloc(p->arena, 2 * cap * sizeof(AstCmpOp));
            if (bigger == NULL) {
                p->error = true;
                return NULL;
            }
            memcpy(bigger, ops, cap * sizeof(AstCmpOp));
            ops = bigger;
            cap *= 2;
        }
        ops[nops++] = (AstCmpOp)op;
        op = compare_op(p);
    }
    Expr *e = parser_expr_from(p, EXPR_COMPARE, start);
    if (e != NULL) {
        e->v.Compare.left = left;
        e->v.Compare.ops = (CmpOpSeq){ops, nops};
        e->v.Compare.comparators = AS_SEQ(ExprSeq, Expr, comparators);
    }
    return e;
}

/* The binary operator levels, loosest first: each row lists the tokens of one
 * level. bitwise_or | xor ^ and & shift << >> sum + - term * / // % @ */
static const struct {
    TokenKind tok;
    BinaryOp op;
    int level;
} binary_ops[] = {
    {TOK_VBAR, BINOP_OR, 0},          {TOK_CIRCUMFLEX, BINOP_XOR, 1},
    {TOK_AMPER, BINOP_AND, 2},        {TOK_LEFTSHIFT, BINOP_LSHIFT, 3},
    {TOK_RIGHTSHIFT, BINOP_RSHIFT, 3}, {TOK_PLUS, BINOP_ADD, 4},
    {TOK_MINUS, BINOP_SUB, 4},        {TOK_STAR, BINOP_MUL, 5},
    {TOK_SLASH, BINOP_TRUEDIV, 5},    {TOK_DOUBLESLASH, BINOP_FLOORDIV, 5},
    {TOK_PERCENT, BINOP_MOD, 5},      {TOK_AT, BINOP_MATMUL, 5},
};
#define TERM_LEVEL 5

static Expr *factor(Parser *p);

/* One left-associative binary level (level 0 = bitwise_or ... 5 = term). */
static Expr *binary_level(Parser *p, int level) {
    size_t start = p->pos;
    Expr *left = level == TERM_LEVEL ? factor(p) : binary_level(p, level + 1);
    while (left != NULL) {
        TokenKind k = peek_kind(p);
        int found = -1;
        for (size_t i = 0; i < sizeof binary_ops / sizeof binary_ops[0]; i++) {
            if (binary_ops[i].level == level && binary_ops[i].tok == k) {
                found = (int)i;
                break;
            }
        }
        if (found < 0) {
            break;
        }
        advance_token(p);
        Expr *right = level == TERM_LEVEL ? factor(p) : binary_level(p, level + 1);
        if (right == NULL) {
            return NULL;
        }
        Expr *e = parser_expr_from(p, EXPR_BIN_OP, start);
        if (e == NULL) {
            return NULL;
        }
        e->v.BinOp.left = left;
        e->v.BinOp.op = binary_ops[found].op;
        e->v.BinOp.right = right;
        left = e;
    }
    return left;
}

static Expr *bitwise_or(Parser *p) { return binary_level(p, 0); }

/* factor: ('+' | '-' | '~') factor | power
 * power: await_primary ['**' factor] */
static Expr *factor(Parser *p) {
    TokenKind k = peek_kind(p);
    size_t start = p->pos;
    if (!parser_enter(p)) {
        return NULL;
    }
    Expr *e = NULL;
    if (k == TOK_PLUS || k == TOK_MINUS || k == TOK_TILDE) {
        advance_token(p);
        Expr *operand = factor(p);
        if (operand != NULL && (e = parser_expr_from(p, EXPR_UNARY_OP, start)) != NULL) {
            e->v.UnaryOp.op = k == TOK_PLUS ? AST_UADD : k == TOK_MINUS ? AST_USUB : AST_INVERT;
            e->v.UnaryOp.operand = operand;
        }
        parser_leave(p);
        return e;
    }
    Expr *base;
    if (k == TOK_KW_AWAIT) {
        advance_token(p);
        Expr *value = primary(p);
        base = NULL;
        if (value != NULL && (base = parser_expr_from(p, EXPR_AWAIT, start)) != NULL) {
            base->v.Await.value = value;
        }
    } else {
        base = primary(p);
    }
    if (base != NULL && accept_token(p, TOK_DOUBLESTAR)) {
        Expr *exponent = factor(p);
        if (exponent != NULL && (e = parser_expr_from(p, EXPR_BIN_OP, start)) != NULL) {
            e->v.BinOp.left = base;
            e->v.BinOp.op = BINOP_POW;
            e->v.BinOp.right = exponent;
        }
        parser_leave(p);
        return e;
    }
    parser_leave(p);
    return base;
}

/* slice: [expression] ':' [expression] [':' [expression]] | named_expression */
static Expr *slice_item(Parser *p) {
    size_t start = p->pos;
    Expr *lower = NULL;
    if (peek_kind(p) != TOK_COLON) {
        if (peek_kind(p) == TOK_STAR) {
            return star_named_expression(p); /* a[*b] is 3.11 syntax */
        }
        lower = parse_named_expression(p);
        if (lower == NULL || peek_kind(p) != TOK_COLON) {
            return lower;
        }
    }
    advance_token(p); /* ':' */
    Expr *upper = NULL, *step = NULL;
    TokenKind k = peek_kind(p);
    if (k != TOK_COLON && k != TOK_COMMA && k != TOK_RSQB) {
        if ((upper = parse_expression(p)) == NULL) {
            return NULL;
        }
    }
    if (accept_token(p, TOK_COLON)) {
        k = peek_kind(p);
        if (k != TOK_COMMA && k != TOK_RSQB) {
            if ((step = parse_expression(p)) == NULL) {
                return NULL;
            }
        }
    }
    Expr *e = parser_expr_from(p, EXPR_SLICE, start);
    if (e != NULL) {
        e->v.Slice.lower = lower;
        e->v.Slice.upper = upper;
        e->v.Slice.step = step;
    }
    return e;
}

/* slices: slice !',' | ','.slice+ [','] -> a Tuple (without brackets in its span) */
static Expr *slices(Parser *p) {
    size_t start = p->pos;
    Expr *first = slice_item(p);
    if (first == NULL || (peek_kind(p) != TOK_COMMA && first->kind != EXPR_STARRED)) {
        return first; /* (a lone a[*b] is still a tuple) */
    }
    PtrVec elts = {0};
    if (parser_vec_push(p, &elts, first) < 0) {
        return NULL;
    }
    while (accept_token(p, TOK_COMMA)) {
        if (peek_kind(p) == TOK_RSQB) {
            break;
        }
        Expr *item = slice_item(p);
        if (item == NULL || parser_vec_push(p, &elts, item) < 0) {
            return NULL;
        }
    }
    Expr *e = parser_expr_from(p, EXPR_TUPLE, start);
    if (e != NULL) {
        e->v.Tuple.elts = AS_SEQ(ExprSeq, Expr, elts);
        e->v.Tuple.ctx = AST_LOAD;
    }
    return e;
}

/* Call arguments after '(' up to and including ')':
 *   positional, *iterable, name=value, **mapping, or one generator expression.
 * CPython's ordering errors are reproduced. */
int parse_call_arguments(Parser *p, Expr *call, size_t call_start, bool allow_genexp) {
    PtrVec args = {0}, keywords = {0};
    bool seen_keyword = false, seen_double_star = false;
    while (peek_kind(p) != TOK_RPAR) {
        size_t start = p->pos;
        TokenKind k = peek_kind(p);
        if (k == TOK_DOUBLESTAR) {
            advance_token(p);
            Expr *value = parse_expression(p);
            if (value == NULL) {
                return -1;
            }
            Keyword *kw = parser_alloc(p, sizeof(Keyword));
            if (kw == NULL) {
                return -1;
            }
            Token *s = token_ref(p, start);
            kw->lineno = s->lineno, kw->col_offset = s->col_offset;
            kw->end_lineno = prev_token(p)->end_lineno;
            kw->end_col_offset = prev_token(p)->end_col_offset;
            kw->value = value;
            if (parser_vec_push(p, &keywords, kw) < 0) {
                return -1;
            }
            seen_double_star = true;
        } else if (k == TOK_STAR) {
            advance_token(p);
            Expr *value = parse_expression(p);
            if (value == NULL) {
                return -1;
            }
            Expr *star = parser_expr_from(p, EXPR_STARRED, start);
            if (star == NULL) {
                return -1;
            }
            star->v.Starred.value = value;
            star->v.Starred.ctx = AST_LOAD;
            if (seen_double_star) {
                parser_error_at_token(p, &ExcSyntaxError, token_ref(p, start),
                               "iterable argument unpacking follows keyword argument unpacking");
                return -1;
            }
            if (parser_vec_push(p, &args, star) < 0) {
                return -1;
            }
        } else if ((k == TOK_KW_TRUE || k == TOK_KW_FALSE || k == TOK_KW_NONE) &&
                   peek_kind_at(p, 1) == TOK_EQUAL) {
            /* f(True=1): CPython's invalid_kwarg */
            Token *name = advance_token(p);
            Token *eq = advance_token(p);
            parser_error_range(p, name->lineno, name->col_offset, eq->end_lineno,
                               eq->end_col_offset, "cannot assign to %s",
                               token_kind_text[name->kind]);
            return -1;
        } else if (k == TOK_NAME && peek_kind_at(p, 1) == TOK_EQUAL) {
            Token *name = advance_token(p);
            advance_token(p); /* '=' */
            Expr *value = parse_expression(p);
            if (value == NULL) {
                return -1;
            }
            Keyword *kw = parser_alloc(p, sizeof(Keyword));
            if (kw == NULL || (kw->arg = parser_identifier(p, name)) == NULL) {
                return -1;
            }
            kw->lineno = name->lineno, kw->col_offset = name->col_offset;
            kw->end_lineno = prev_token(p)->end_lineno;
            kw->end_col_offset = prev_token(p)->end_col_offset;
            kw->value = value;
            if (parser_vec_push(p, &keywords, kw) < 0) {
                return -1;
            }
            seen_keyword = true;
        } else {
            Expr *value = parse_named_expression(p);
            if (value == NULL) {
                return -1;
            }
            if (peek_kind(p) == TOK_KW_FOR && !allow_genexp) {
                parser_error_generic(p); /* class C(x for x in y) */
                return -1;
            }
            if (peek_kind(p) == TOK_KW_FOR) {
                /* f(x for x in y): the generator expression spans the parentheses */
                ComprehensionSeq gens;
                if (comprehension_clauses(p, &gens) < 0) {
                    return -1;
                }
                if (args.count > 0 || keywords.count > 0 || peek_kind(p) != TOK_RPAR) {
                    if (peek_kind(p) == TOK_COMMA || args.count > 0 || keywords.count > 0) {
                        Token *e = prev_token(p);
                        parser_error_range(p, value->lineno, value->col_offset, e->end_lineno,
                                           e->end_col_offset,
                                           "Generator expression must be parenthesized");
                        return -1;
                    }
                    parser_error_generic(p);
                    return -1;
                }
                advance_token(p); /* ')' */
                Token *open = token_ref(p, call_start);
                Token *close = prev_token(p);
                Expr *gen = parser_new_expr(p, EXPR_GENERATOR_EXP, open->lineno,
                                            open->col_offset, close->end_lineno,
                                            close->end_col_offset);
                if (gen == NULL) {
                    return -1;
                }
                gen->v.GeneratorExp.elt = value;
                gen->v.GeneratorExp.generators = gens;
                if (parser_vec_push(p, &args, gen) < 0) {
                    return -1;
                }
                call->v.Call.args = AS_SEQ(ExprSeq, Expr, args);
                return 0;
            }
            if (peek_kind(p) == TOK_EQUAL) {
                /* f(x.y=1): invalid_kwarg */
                Token *eq = parser_token(p);
                parser_error_range(p, value->lineno, value->col_offset, eq->end_lineno,
                                   eq->end_col_offset,
                                   "expression cannot contain assignment, perhaps you meant "
                                   "\"==\"?");
                return -1;
            }
            if (seen_double_star || seen_keyword) {
                /* CPython reports it at the token after the argument */
                parser_error_at_token(p, &ExcSyntaxError, parser_token(p),
                              seen_double_star
                                  ? "positional argument follows keyword argument unpacking"
                                  : "positional argument follows keyword argument");
                return -1;
            }
            if (parser_vec_push(p, &args, value) < 0) {
                return -1;
            }
        }
        if (!accept_token(p, TOK_COMMA)) {
            break;
        }
    }
    if (parser_expect(p, TOK_RPAR) == NULL) {
        return -1;
    }
    call->v.Call.args = AS_SEQ(ExprSeq, Expr, args);
    call->v.Call.keywords = AS_SEQ(KeywordSeq, Keyword, keywords);
    return 0;
}

static Expr *atom(Parser *p);

/* primary: atom followed by any number of .name, (args) and [slices] */
static Expr *primary(Parser *p) {
    size_t start = p->pos;
    Expr *e = atom(p);
    while (e != NULL) {
        TokenKind k = peek_kind(p);
        if (k == TOK_DOT) {
            advance_token(p);
            Token *name = parser_expect(p, TOK_NAME);
            if (name == NULL) {
                return NULL;
            }
            Expr *attr = parser_expr_from(p, EXPR_ATTRIBUTE, start);
            if (attr == NULL || (attr->v.Attribute.attr = parser_identifier(p, name)) == NULL) {
                return NULL;
            }
            attr->v.Attribute.value = e;
            attr->v.Attribute.ctx = AST_LOAD;
            e = attr;
        } else if (k == TOK_LPAR) {
            size_t open = p->pos;
            advance_token(p);
            Expr *call = parser_expr_from(p, EXPR_CALL, start);
            if (call == NULL) {
                return NULL;
            }
            call->v.Call.func = e;
            if (!parser_enter(p)) {
                return NULL;
            }
            int r = parse_call_arguments(p, call, open, true);
            parser_leave(p);
            if (r < 0) {
                return NULL;
            }
            Token *close = prev_token(p);
            call->end_lineno = close->end_lineno;
            call->end_col_offset = close->end_col_offset;
            e = call;
        } else if (k == TOK_LSQB) {
            advance_token(p);
            if (!parser_enter(p)) {
                return NULL;
            }
            Expr *index = slices(p);
            parser_leave(p);
            if (index == NULL || parser_expect(p, TOK_RSQB) == NULL) {
                return NULL;
            }
            Expr *sub = parser_expr_from(p, EXPR_SUBSCRIPT, start);
            if (sub == NULL) {
                return NULL;
            }
            sub->v.Subscript.value = e;
            sub->v.Subscript.slice = index;
            sub->v.Subscript.ctx = AST_LOAD;
            e = sub;
        } else {
            break;
        }
    }
    return e;
}

/* A Constant node for `value` (stolen) spanning the token range. */
static Expr *constant(Parser *p, Object *value, size_t start) {
    if (parser_keep(p, value) == NULL) {
        return NULL;
    }
    Expr *e = parser_expr_from(p, EXPR_CONSTANT, start);
    if (e != NULL) {
        e->v.Constant.value = value;
    }
    return e;
}

/* The value of a NUMBER token (the lexer has validated its form). */
static Object *number_value(Token *t) {
    bool is_float = false;
    bool hex = t->len > 1 && t->start[0] == '0' && (t->start[1] == 'x' || t->start[1] == 'X');
    for (size_t i = 0; i < t->len && !hex; i++) {
        char c = t->start[i];
        if (c == '.' || c == 'e' || c == 'E') {
            is_float = true;
        }
    }
    if (is_float) {
        return float_from_string(t->start, t->len);
    }
    return int_from_string(t->start, t->len, 0);
}

/* The elements of a tuple, list or set display, from its already parsed
 * `first` element: (',' star_named_expression)* [','] up to (not
 * including) the `closer` bracket. */
static int display_elements(Parser *p, PtrVec *elts, TokenKind closer, Expr *first) {
    if (parser_vec_push(p, elts, first) < 0) {
        return -1;
    }
    while (accept_token(p, TOK_COMMA) && peek_kind(p) != closer) {
        Expr *item = star_named_expression(p);
        if (item == NULL || parser_vec_push(p, elts, item) < 0) {
            return -1;
        }
    }
    return 0;
}

/* '(' ... ')': a parenthesised expression, a tuple, a generator expression,
 * or a parenthesised yield. */
static Expr *paren_atom(Parser *p, size_t start) {
    advance_token(p); /* '(' */
    if (accept_token(p, TOK_RPAR)) {
        Expr *e = parser_expr_from(p, EXPR_TUPLE, start);
        if (e != NULL) {
            e->v.Tuple.ctx = AST_LOAD;
        }
        return e;
    }
    if (peek_kind(p) == TOK_KW_YIELD) {
        Expr *y = parse_yield_expr(p);
        if (y == NULL || parser_expect(p, TOK_RPAR) == NULL) {
            return NULL;
        }
        return y;
    }
    Expr *first = star_named_expression(p);
    if (first == NULL) {
        return NULL;
    }
    if (peek_kind(p) == TOK_KW_FOR) {
        Expr *e = parser_new_expr(p, EXPR_GENERATOR_EXP, 0, 0, 0, 0);
        if (e == NULL || comprehension_clauses(p, &e->v.GeneratorExp.generators) < 0 ||
            parser_expect(p, TOK_RPAR) == NULL) {
            return NULL;
        }
        Expr *span = parser_expr_from(p, EXPR_GENERATOR_EXP, start);
        if (span == NULL) {
            return NULL;
        }
        SPAN(e, span, span);
        e->v.GeneratorExp.elt = first;
        return e;
    }
    if (accept_token(p, TOK_RPAR)) {
        if (first->kind == EXPR_STARRED) {
            /* (*a) alone is not a tuple */
            return ERROR_AT_NODE(p, first, "cannot use starred expression here");
        }
        return first; /* a group keeps the inner expression's own position */
    }
    if (peek_kind(p) != TOK_COMMA) {
        return parser_error_generic(p);
    }
    PtrVec elts = {0};
    if (display_elements(p, &elts, TOK_RPAR, first) < 0 || parser_expect(p, TOK_RPAR) == NULL) {
        return NULL;
    }
    Expr *e = parser_expr_from(p, EXPR_TUPLE, start);
    if (e != NULL) {
        e->v.Tuple.elts = AS_SEQ(ExprSeq, Expr, elts);
        e->v.Tuple.ctx = AST_LOAD;
    }
    return e;
}

/* '[' ... ']': a list display or list comprehension. */
static Expr *list_atom(Parser *p, size_t start) {
    advance_token(p);
    PtrVec elts = {0};
    if (peek_kind(p) != TOK_RSQB) {
        Expr *first = star_named_expression(p);
        if (first == NULL) {
            return NULL;
        }
        if (peek_kind(p) == TOK_KW_FOR) {
            Expr *e = parser_new_expr(p, EXPR_LIST_COMP, 0, 0, 0, 0);
            if (e == NULL || comprehension_clauses(p, &e->v.ListComp.generators) < 0 ||
                parser_expect(p, TOK_RSQB) == NULL) {
                return NULL;
            }
            Expr *span = parser_expr_from(p, EXPR_LIST_COMP, start);
            if (span == NULL) {
                return NULL;
            }
            SPAN(e, span, span);
            e->v.ListComp.elt = first;
            return e;
        }
        if (display_elements(p, &elts, TOK_RSQB, first) < 0) {
            return NULL;
        }
    }
    if (parser_expect(p, TOK_RSQB) == NULL) {
        return NULL;
    }
    Expr *e = parser_expr_from(p, EXPR_LIST, start);
    if (e != NULL) {
        e->v.List.elts = AS_SEQ(ExprSeq, Expr, elts);
        e->v.List.ctx = AST_LOAD;
    }
    return e;
}

/* '{' ... '}': dict or set display, dict or set comprehension. */
static Expr *brace_atom(Parser *p, size_t start) {
    advance_token(p);
    PtrVec keys = {0}, values = {0};
    if (accept_token(p, TOK_RBRACE)) {
        return parser_expr_from(p, EXPR_DICT, start);
    }
    /* The first item decides between dict and set. */
    Expr *first_key = NULL, *first_value = NULL;
    if (accept_token(p, TOK_DOUBLESTAR)) {
        if ((first_value = bitwise_or(p)) == NULL) {
            return NULL;
        }
    } else {
        Expr *first = star_named_expression(p);
        if (first == NULL) {
            return NULL;
        }
        if (!accept_token(p, TOK_COLON)) {
            /* a set */
            if (peek_kind(p) == TOK_KW_FOR) {
                Expr *e = parser_new_expr(p, EXPR_SET_COMP, 0, 0, 0, 0);
                if (e == NULL || comprehension_clauses(p, &e->v.SetComp.generators) < 0 ||
                    parser_expect(p, TOK_RBRACE) == NULL) {
                    return NULL;
                }
                Expr *span = parser_expr_from(p, EXPR_SET_COMP, start);
                if (span == NULL) {
                    return NULL;
                }
                SPAN(e, span, span);
                e->v.SetComp.elt = first;
                return e;
            }
            PtrVec elts = {0};
            if (display_elements(p, &elts, TOK_RBRACE, first) < 0 ||
                parser_expect(p, TOK_RBRACE) == NULL) {
                return NULL;
            }
            Expr *e = parser_expr_from(p, EXPR_SET, start);
            if (e != NULL) {
                e->v.Set.elts = AS_SEQ(ExprSeq, Expr, elts);
            }
            return e;
        }
        if (first->kind == EXPR_STARRED) {
            return parser_error_generic(p); /* {*a: b} */
        }
        first_key = first;
        if ((first_value = parse_expression(p)) == NULL) {
            return NULL;
        }
        if (peek_kind(p) == TOK_KW_FOR) {
            Expr *e = parser_new_expr(p, EXPR_DICT_COMP, 0, 0, 0, 0);
            if (e == NULL || comprehension_clauses(p, &e->v.DictComp.generators) < 0 ||
                parser_expect(p, TOK_RBRACE) == NULL) {
                return NULL;
            }
            Expr *span = parser_expr_from(p, EXPR_DICT_COMP, start);
            if (span == NULL) {
                return NULL;
            }
            SPAN(e, span, span);
            e->v.DictComp.key = first_key;
            e->v.DictComp.value = first_value;
            return e;
        }
    }
    if (parser_vec_push(p, &keys, first_key) < 0 || parser_vec_push(p, &values, first_value) < 0) {
        return NULL;
    }
    while (accept_token(p, TOK_COMMA)) {
        if (peek_kind(p) == TOK_RBRACE) {
            break;
        }
        Expr *key = NULL, *value;
        if (accept_token(p, TOK_DOUBLESTAR)) {
            value = bitwise_or(p);
        } else {
            p->in_dict_key = true;
            key = parse_expression(p);
            p->in_dict_key = false;
            if (key != NULL && !accept_token(p, TOK_COLON)) {
                /* CPython's invalid_kvpair */
                return parser_error_range(p, key->lineno, key->end_col_offset - 1,
                                          key->end_lineno, -1, "':' expected after dictionary key");
            }
            if (key == NULL) {
                return NULL;
            }
            value = parse_expression(p);
        }
        if (value == NULL || parser_vec_push(p, &keys, key) < 0 ||
            parser_vec_push(p, &values, value) < 0) {
            return NULL;
        }
    }
    if (parser_expect(p, TOK_RBRACE) == NULL) {
        return NULL;
    }
    Expr *e = parser_expr_from(p, EXPR_DICT, start);
    if (e != NULL) {
        e->v.Dict.keys = AS_SEQ(ExprSeq, Expr, keys);
        e->v.Dict.values = AS_SEQ(ExprSeq, Expr, values);
    }
    return e;
}

/* atom: NAME | True | False | None | strings | NUMBER | tuple/group/genexp
 *     | list/listcomp | dict/set/dictcomp/setcomp | '...' */
static Expr *atom(Parser *p) {
    size_t start = p->pos;
    Token *t = parser_token(p);
    if (!parser_enter(p)) {
        return NULL;
    }
    Expr *e = NULL;
    switch (t->kind) {
    case TOK_NAME:
        advance_token(p);
        e = parser_name_expr(p, t, AST_LOAD);
        break;
    case TOK_KW_TRUE:
        advance_token(p);
        e = constant(p, NEWREF(True), start);
        break;
    case TOK_KW_FALSE:
        advance_token(p);
        e = constant(p, NEWREF(False), start);
        break;
    case TOK_KW_NONE:
        advance_token(p);
        e = constant(p, NEWREF(None), start);
        break;
    case TOK_ELLIPSIS:
        advance_token(p);
        e = constant(p, NEWREF(Ellipsis), start);
        break;
    case TOK_NUMBER:
        advance_token(p);
        e = constant(p, number_value(t), start);
        break;
    case TOK_STRING:
        e = parser_strings(p);
        break;
    case TOK_LPAR:
        e = paren_atom(p, start);
        break;
    case TOK_LSQB:
        e = list_atom(p, start);
        break;
    case TOK_LBRACE:
        e = brace_atom(p, start);
        break;
    default:
        e = parser_error_generic(p);
        break;
    }
    parser_leave(p);
    return e;
}

/* named_expression: NAME ':=' expression | expression !':=' */
Expr *parse_named_expression(Parser *p) {
    size_t start = p->pos;
    if (peek_kind(p) == TOK_NAME && peek_kind_at(p, 1) == TOK_COLONEQUAL) {
        Token *name = advance_token(p);
        advance_token(p);
        Expr *target = parser_name_expr(p, name, AST_STORE);
        Expr *value = target != NULL ? parse_expression(p) : NULL;
        if (value == NULL) {
            return NULL;
        }
        Expr *e = parser_expr_from(p, EXPR_NAMED_EXPR, start);
        if (e != NULL) {
            e->v.NamedExpr.target = target;
            e->v.NamedExpr.value = value;
        }
        return e;
    }
    Expr *e = parse_expression(p);
    if (e != NULL && peek_kind(p) == TOK_COLONEQUAL) {
        return ERROR_AT_NODE(p, e, "cannot use assignment expressions with %s", parser_expr_name(e));
    }
    if (e != NULL && peek_kind(p) == TOK_EQUAL && e->kind == EXPR_NAME && !p->in_invalid_check &&
        token_ref(p, start)->kind == TOK_NAME && p->pos == start + 1) {
        /* `if x = 1:` (CPython's invalid_named_expression) */
        size_t save = p->pos;
        advance_token(p);
        Expr *rhs = try_parse(p, bitwise_or);
        if (rhs != NULL && peek_kind(p) != TOK_EQUAL && peek_kind(p) != TOK_COLONEQUAL) {
            return parser_error_range(p, e->lineno, e->col_offset, rhs->end_lineno,
                                      rhs->end_col_offset,
                                      "invalid syntax. Maybe you meant '==' or ':=' instead of "
                                      "'='?");
        }
        if (p->error) {
            return NULL;
        }
        p->pos = save;
    }
    return e;
}

/* star_named_expression: '*' bitwise_or | named_expression */
static Expr *star_named_expression(Parser *p) {
    size_t start = p->pos;
    if (accept_token(p, TOK_STAR)) {
        Expr *value = bitwise_or(p);
        if (value == NULL) {
            return NULL;
        }
        Expr *e = parser_expr_from(p, EXPR_STARRED, start);
        if (e != NULL) {
            e->v.Starred.value = value;
            e->v.Starred.ctx = AST_LOAD;
        }
        return e;
    }
    return parse_named_expression(p);
}

/* star_expression: '*' bitwise_or | expression */
static Expr *star_expression(Parser *p) {
    if (peek_kind(p) == TOK_STAR) {
        return star_named_expression(p);
    }
    return parse_expression(p);
}

/* Can the current token end an expression list? (after a trailing comma) */
static bool ends_expression_list(TokenKind k) {
    return !parser_starts_expression(k) && k != TOK_STAR;
}

/* A comma-separated list of `item`s, a Tuple when there is a comma. */
Expr *parse_expression_list(Parser *p, Expr *(*item)(Parser *)) {
    size_t start = p->pos;
    Expr *first = item(p);
    if (first == NULL || peek_kind(p) != TOK_COMMA) {
        return first;
    }
    PtrVec elts = {0};
    if (parser_vec_push(p, &elts, first) < 0) {
        return NULL;
    }
    while (accept_token(p, TOK_COMMA)) {
        if (ends_expression_list(peek_kind(p))) {
            break;
        }
        Expr *next = item(p);
        if (next == NULL || parser_vec_push(p, &elts, next) < 0) {
            return NULL;
        }
    }
    Expr *e = parser_expr_from(p, EXPR_TUPLE, start);
    if (e != NULL) {
        e->v.Tuple.elts = AS_SEQ(ExprSeq, Expr, elts);
        e->v.Tuple.ctx = AST_LOAD;
    }
    return e;
}

/* star_expressions: star_expression (',' star_expression)* [','] */
Expr *parse_star_expressions(Parser *p) { return parse_expression_list(p, star_expression); }
/* expressions: expression (',' expression)* [','] */
Expr *parse_expressions(Parser *p) { return parse_expression_list(p, parse_expression); }

/* yield_expr: 'yield' 'from' expression | 'yield' [star_expressions] */
Expr *parse_yield_expr(Parser *p) {
    size_t start = p->pos;
    advance_token(p); /* 'yield' */
    if (accept_token(p, TOK_KW_FROM)) {
        Expr *value = parse_expression(p);
        Expr *e = value != NULL ? parser_expr_from(p, EXPR_YIELD_FROM, start) : NULL;
        if (e != NULL) {
            e->v.YieldFrom.value = value;
        }
        return e;
    }
    Expr *value = NULL;
    if (parser_starts_expression(peek_kind(p)) || peek_kind(p) == TOK_STAR) {
        if ((value = parse_star_expressions(p)) == NULL) {
            return NULL;
        }
    }
    Expr *e = parser_expr_from(p, EXPR_YIELD, start);
    if (e != NULL) {
        e->v.Yield.value = value;
    }
    return e;
}

/* star_targets for `for` and comprehensions: parsed as an expression list of
 * bitwise_or-level items (so that `in` is not taken as a comparison), then
 * checked. */
Expr *parse_star_target(Parser *p) {
    size_t start = p->pos;
    if (accept_token(p, TOK_STAR)) {
        Expr *value = bitwise_or(p);
        Expr *e = value != NULL ? parser_expr_from(p, EXPR_STARRED, start) : NULL;
        if (e != NULL) {
            e->v.Starred.value = value;
        }
        return e;
    }
    return bitwise_or(p);
}

Expr *parse_for_targets(Parser *p) {
    Expr *target = parse_expression_list(p, parse_star_target);
    if (target == NULL) {
        return NULL;
    }
    if (peek_kind(p) != TOK_KW_IN) {
        /* for x of y / for 1 in ...: let the expression rules explain */
        if (parser_make_target(p, target, FOR_TARGETS) < 0) {
            return NULL;
        }
        return parser_error_generic(p);
    }
    if (parser_make_target(p, target, FOR_TARGETS) < 0) {
        return NULL;
    }
    return target;
}

/* for_if_clauses: ('for' star_targets 'in' disjunction ('if' disjunction)*)+ */
static int comprehension_clauses(Parser *p, ComprehensionSeq *out) {
    PtrVec gens = {0};
    while (peek_kind(p) == TOK_KW_FOR) {
        advance_token(p);
        Comprehension *c = parser_alloc(p, sizeof(Comprehension));
        if (c == NULL || (c->target = parse_for_targets(p)) == NULL || parser_expect(p, TOK_KW_IN) == NULL) {
            return -1;
        }
        if ((c->iter = disjunction(p)) == NULL) {
            return -1;
        }
        PtrVec ifs = {0};
        while (accept_token(p, TOK_KW_IF)) {
            Expr *cond = disjunction(p);
            if (cond == NULL || parser_vec_push(p, &ifs, cond) < 0) {
                return -1;
            }
        }
        c->ifs = AS_SEQ(ExprSeq, Expr, ifs);
        if (parser_vec_push(p, &gens, c) < 0) {
            return -1;
        }
    }
    *out = AS_SEQ(ComprehensionSeq, Comprehension, gens);
    return 0;
}

/* ================================================================ parameters */

/* One parameter name with an optional annotation (not for lambdas). */
static Arg *parameter(Parser *p, bool is_lambda, bool star_annotation) {
    Token *name = parser_expect(p, TOK_NAME);
    if (name == NULL) {
        return NULL;
    }
    Arg *a = parser_alloc(p, sizeof(Arg));
    if (a == NULL || (a->arg = parser_identifier(p, name)) == NULL) {
        return NULL;
    }
    a->lineno = name->lineno, a->col_offset = name->col_offset;
    a->end_lineno = name->end_lineno, a->end_col_offset = name->end_col_offset;
    if (!is_lambda && accept_token(p, TOK_COLON)) {
        Expr *ann = star_annotation && peek_kind(p) == TOK_STAR ? star_expression(p)
                                                                 : parse_expression(p);
        if (ann == NULL) {
            return NULL;
        }
        a->annotation = ann;
        a->end_lineno = prev_token(p)->end_lineno;
        a->end_col_offset = prev_token(p)->end_col_offset;
    }
    return a;
}

/* The parameter list of a def (up to `closer` ')') or a lambda (up to ':').
 * Checks CPython's ordering rules. */
Arguments *parse_parameters(Parser *p, bool is_lambda, TokenKind closer) {
    Arguments *args = parser_alloc(p, sizeof(Arguments));
    if (args == NULL) {
        return NULL;
    }
    PtrVec positional = {0}, kwonly = {0}, defaults = {0}, kw_defaults = {0};
    size_t posonly_count = 0;
    bool seen_star = false, seen_slash = false, seen_default = false;
    while (peek_kind(p) != closer) {
        Token *t = parser_token(p);
        if (t->kind == TOK_SLASH) {
            if (seen_slash) {
                return parser_error_at_token(p, &ExcSyntaxError, t, "/ may appear only once");
            }
            if (seen_star) {
                return parser_error_at_token(p, &ExcSyntaxError, t, "/ must be ahead of *");
            }
            if (positional.count == 0) {
                return parser_error_generic(p); /* def f(/) */
            }
            advance_token(p);
            seen_slash = true;
            posonly_count = positional.count;
        } else if (t->kind == TOK_STAR) {
            advance_token(p);
            if (seen_star) {
                return parser_error_at_token(p, &ExcSyntaxError, t, "* argument may appear only once");
            }
            seen_star = true;
            if (peek_kind(p) == TOK_NAME) {
                if ((args->vararg = parameter(p, is_lambda, true)) == NULL) {
                    return NULL;
                }
            } else if (peek_kind(p) == closer ||
                       (peek_kind(p) == TOK_COMMA && (peek_kind_at(p, 1) == closer ||
                                                      peek_kind_at(p, 1) == TOK_DOUBLESTAR))) {
                /* def f(*), def f(*,), def f(*, **kw); for a lambda CPython
                 * points at the furthest token read instead of the '*' */
                return parser_error_at_token(p, &ExcSyntaxError,
                                             is_lambda ? token_ref(p, p->furthest) : t,
                                      "named arguments must follow bare *");
            } else if (peek_kind(p) != TOK_COMMA) {
                return parser_error_generic(p);
            }
        } else if (t->kind == TOK_DOUBLESTAR) {
            advance_token(p);
            if ((args->kwarg = parameter(p, is_lambda, false)) == NULL) {
                return NULL;
            }
            if (accept_token(p, TOK_COMMA) && peek_kind(p) != closer) {
                Token *bad = parser_token(p);
                return parser_error_at_token(p, &ExcSyntaxError, bad,
                                      "arguments cannot follow var-keyword argument");
            }
            break;
        } else {
            Arg *a = parameter(p, is_lambda, false);
            if (a == NULL) {
                return NULL;
            }
            Expr *def = NULL;
            if (accept_token(p, TOK_EQUAL)) {
                if ((def = parse_expression(p)) == NULL) {
                    return NULL;
                }
            }
            if (seen_star) {
                if (parser_vec_push(p, &kwonly, a) < 0 || parser_vec_push(p, &kw_defaults, def) < 0) {
                    return NULL;
                }
            } else {
                if (def != NULL) {
                    seen_default = true;
                    if (parser_vec_push(p, &defaults, def) < 0) {
                        return NULL;
                    }
                } else if (seen_default) {
                    return ERROR_AT_NODE(p, a, "non-default argument follows default argument");
                }
                if (parser_vec_push(p, &positional, a) < 0) {
                    return NULL;
                }
            }
        }
        if (!accept_token(p, TOK_COMMA)) {
            break;
        }
    }
    if (peek_kind(p) != closer) {
        if (closer == TOK_COLON) {
            /* lambda: the colon is checked by the caller */
            if (peek_kind(p) == TOK_NEWLINE) {
                return args;
            }
        }
        return parser_error_generic(p);
    }
    /* positional holds the positional-only parameters, then the others */
    if (posonly_count > 0) {
        args->posonlyargs = (ArgSeq){(Arg **)positional.items, posonly_count};
    }
    if (positional.count > posonly_count) {
        args->args = (ArgSeq){(Arg **)positional.items + posonly_count,
                              positional.count - posonly_count};
    }
    args->kwonlyargs = AS_SEQ(ArgSeq, Arg, kwonly);
    args->kw_defaults = AS_SEQ(ExprSeq, Expr, kw_defaults);
    args->defaults = AS_SEQ(ExprSeq, Expr, defaults);
    return args;
}

