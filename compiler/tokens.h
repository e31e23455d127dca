/* tokens.h: the kinds of token the lexer produces, as one X-macro list
 * (STYLE section 4). Names follow CPython's Grammar/Tokens where they exist. */
#ifndef GILPY_TOKENS_H
#define GILPY_TOKENS_H

/* X(NAME, "text"): structural tokens and operators. The text is what error
 * messages and debug dumps show; operators are matched by the lexer from
 * this text, longest first. */
#define TOKEN_LIST(X)                                                                              \
    X(ENDMARKER, "end of file")                                                                    \
    X(NAME, "identifier")                                                                          \
    X(NUMBER, "number")                                                                            \
    X(STRING, "string")                                                                            \
    X(NEWLINE, "newline")                                                                          \
    X(INDENT, "indent")                                                                            \
    X(DEDENT, "dedent")                                                                            \
    X(ERRORTOKEN, "error") /* a stray character such as `$` or `?`: never valid */                 \
    X(LPAR, "(")                                                                                   \
    X(RPAR, ")")                                                                                   \
    X(LSQB, "[")                                                                                   \
    X(RSQB, "]")                                                                                   \
    X(LBRACE, "{")                                                                                 \
    X(RBRACE, "}")                                                                                 \
    X(COLON, ":")                                                                                  \
    X(COMMA, ",")                                                                                  \
    X(SEMI, ";")                                                                                   \
    X(PLUS, "+")                                                                                   \
    X(MINUS, "-")                                                                                  \
    X(STAR, "*")                                                                                   \
    X(SLASH, "/")                                                                                  \
    X(VBAR, "|")                                                                                   \
    X(AMPER, "&")                                                                                  \
    X(LESS, "<")                                                                                   \
    X(GREATER, ">")                                                                                \
    X(EQUAL, "=")                                                                                  \
    X(DOT, ".")                                                                                    \
    X(PERCENT, "%")                                                                                \
    X(EQEQUAL, "==")                                                                               \
    X(NOTEQUAL, "!=")                                                                              \
    X(LESSEQUAL, "<=")                                                                             \
    X(GREATEREQUAL, ">=")                                                                          \
    X(TILDE, "~")                                                                                  \
    X(CIRCUMFLEX, "^")                                                                             \
    X(LEFTSHIFT, "<<")                                                                             \
    X(RIGHTSHIFT, ">>")                                                                            \
    X(DOUBLESTAR, "**")                                                                            \
    X(PLUSEQUAL, "+=")                                                                             \
    X(MINEQUAL, "-=")                                                                              \
    X(STAREQUAL, "*=")                                                                             \
    X(SLASHEQUAL, "/=")                                                                            \
    X(PERCENTEQUAL, "%=")                                                                          \
    X(AMPEREQUAL, "&=")                                                                            \
    X(VBAREQUAL, "|=")                                                                             \
    X(CIRCUMFLEXEQUAL, "^=")                                                                       \
    X(LEFTSHIFTEQUAL, "<<=")                                                                       \
    X(RIGHTSHIFTEQUAL, ">>=")                                                                      \
    X(DOUBLESTAREQUAL, "**=")                                                                      \
    X(DOUBLESLASH, "//")                                                                           \
    X(DOUBLESLASHEQUAL, "//=")                                                                     \
    X(AT, "@")                                                                                     \
    X(ATEQUAL, "@=")                                                                               \
    X(RARROW, "->")                                                                                \
    X(ELLIPSIS, "...")                                                                             \
    X(COLONEQUAL, ":=")

/* Keywords: X(NAME, "spelling"). The lexer turns a NAME whose spelling is a
 * keyword into TOK_KW_<NAME>. */
#define KEYWORD_LIST(X)                                                                            \
    X(FALSE, "False")                                                                              \
    X(NONE, "None")                                                                                \
    X(TRUE, "True")                                                                                \
    X(AND, "and")                                                                                  \
    X(AS, "as")                                                                                    \
    X(ASSERT, "assert")                                                                            \
    X(ASYNC, "async")                                                                              \
    X(AWAIT, "await")                                                                              \
    X(BREAK, "break")                                                                              \
    X(CLASS, "class")                                                                              \
    X(CONTINUE, "continue")                                                                        \
    X(DEF, "def")                                                                                  \
    X(DEL, "del")                                                                                  \
    X(ELIF, "elif")                                                                                \
    X(ELSE, "else")                                                                                \
    X(EXCEPT, "except")                                                                            \
    X(FINALLY, "finally")                                                                          \
    X(FOR, "for")                                                                                  \
    X(FROM, "from")                                                                                \
    X(GLOBAL, "global")                                                                            \
    X(IF, "if")                                                                                    \
    X(IMPORT, "import")                                                                            \
    X(IN, "in")                                                                                    \
    X(IS, "is")                                                                                    \
    X(LAMBDA, "lambda")                                                                            \
    X(NONLOCAL, "nonlocal")                                                                        \
    X(NOT, "not")                                                                                  \
    X(OR, "or")                                                                                    \
    X(PASS, "pass")                                                                                \
    X(RAISE, "raise")                                                                              \
    X(RETURN, "return")                                                                            \
    X(TRY, "try")                                                                                  \
    X(WHILE, "while")                                                                              \
    X(WITH, "with")                                                                                \
    X(YIELD, "yield")

typedef enum {
#define X(name, text) TOK_##name,
    TOKEN_LIST(X)
#undef X
#define X(name, text) TOK_KW_##name,
    KEYWORD_LIST(X)
#undef X
        TOK_COUNT
} TokenKind;

/* The display text of each kind ("(", "if", "identifier"...). */
extern const char *const token_kind_text[TOK_COUNT];

static inline int token_is_keyword(TokenKind k) { return k >= TOK_KW_FALSE && k < TOK_COUNT; }

#endif /* GILPY_TOKENS_H */
