/* ast.h: the abstract syntax tree, a C mirror of CPython 3.11's Parser/Python.asdl.
 *
 * Node kinds, field names and their meaning are CPython's, so `ast.dump()` of
 * CPython and ast_dump() here print the same tree. Every node lives in an Arena
 * and is freed with it in one go; nodes never own anything individually.
 *
 * Layout, for each category (Mod, Stmt, Expr):
 *   - an X-macro list of kinds, which generates the `kind` enum and the names;
 *   - a struct with `kind`, the source position, and a union `v` holding one
 *     struct per kind, named as in CPython: `s->v.FunctionDef.name`,
 *     `e->v.BinOp.left`, `e->v.Call.keywords`.
 * Sequences (CPython's `expr*`, `stmt*`, ...) are small typed arrays
 * { items, count } allocated in the arena; an empty sequence is {NULL, 0}.
 * Optional fields (`expr?`) are NULL when absent.
 *
 * Positions: lineno/end_lineno are 1-based; col_offset/end_col_offset are
 * 0-based UTF-8 BYTE offsets, exactly as CPython's ast reports them.
 *
 * Python values inside the tree (identifiers and constants) are Object *:
 * identifiers are interned strs, constants are ints, floats, strs, bytes,
 * None, True, False or Ellipsis. The arena holds one reference to each and
 * drops it in arena_free(); borrow them, INCREF to keep them longer.
 *
 * Not supported (no nodes): match statements, async def/for/with, TryStar
 * (except*), type comments; the parser rejects them with a clear
 * SyntaxError. `await x` is parsed (anywhere, as CPython's parser does).
 *
 * For the code generator:
 *   - Trees can be very deep without any brackets: `1 + 1 + ... + 1` with
 *     50000 terms is a left-leaning chain of BinOps that CPython parses, then
 *     refuses in its compiler with RecursionError("maximum recursion depth
 *     exceeded during compilation"). Guard recursion when walking the tree.
 *   - As in CPython, some errors belong to the compiler, not the parser:
 *     'return'/'yield' outside function, 'break'/'continue' outside loop,
 *     nonlocal at module level, duplicate argument names, "keyword argument
 *     repeated", "multiple starred expressions in assignment", "starred
 *     assignment target must be in a list or tuple", "can't use starred
 *     expression here" (x = *a), assignments to __debug__.
 *   - f-strings: a JoinedStr holds Constant (str) and FormattedValue parts;
 *     `{x=}` has already been turned into the text "x=" plus a FormattedValue
 *     with conversion 'r' (unless a spec or conversion was given).
 *   - Adjacent literals are already concatenated: "a" "b" is one Constant.
 */
#ifndef GILPY_AST_H
#define GILPY_AST_H

#include <stdbool.h>
#include <stddef.h>

#include "object.h"
#include "str.h"

/* ================================================================ arena */

/* A region allocator: many allocations, one free. Also keeps a reference to
 * every Python object put in the tree (arena_add_object). */
typedef struct Arena Arena;

/* A new empty arena, or NULL with MemoryError. */
MAY_RAISE Arena *arena_new(void);
/* `size` zeroed bytes, aligned for any type, living until arena_free. NULL
 * with MemoryError on failure. */
MAY_RAISE void *arena_alloc(Arena *arena, size_t size);
/* Record `obj` (STEALS the reference) so that arena_free drops it. Returns 0,
 * or -1 with MemoryError (the reference is dropped in that case too). */
MAY_RAISE int arena_add_object(Arena *arena, Object *obj);
/* Free every allocation and drop every recorded object. NULL is allowed. */
void arena_free(Arena *arena);

/* How a source is compiled: a whole file (exec), one expression (eval), or
 * one interactive statement (the REPL's "single" mode). */
typedef enum { COMPILE_FILE, COMPILE_EVAL, COMPILE_SINGLE } CompileMode;

/* ================================================================ operators */

/* BinOp.op and AugAssign.op are runtime BinaryOp values (object.h). */

/* BoolOp.op */
typedef enum { AST_AND, AST_OR } AstBoolOp;

/* UnaryOp.op (CPython: Invert, Not, UAdd, USub). */
typedef enum { AST_INVERT, AST_NOT, AST_UADD, AST_USUB } AstUnaryOp;

/* Compare.ops. The first six have the same values as the runtime CompareOp
 * (object.h), so `(CompareOp)op` is valid when op < AST_CMP_IS. */
typedef enum {
    AST_CMP_LT = CMP_LT,
    AST_CMP_LE = CMP_LE,
    AST_CMP_EQ = CMP_EQ,
    AST_CMP_NE = CMP_NE,
    AST_CMP_GT = CMP_GT,
    AST_CMP_GE = CMP_GE,
    AST_CMP_IS = CMP_COUNT,
    AST_CMP_IS_NOT,
    AST_CMP_IN,
    AST_CMP_NOT_IN,
    AST_CMP_COUNT
} AstCmpOp;

/* expr_context: where a Name/Attribute/Subscript/Starred/List/Tuple appears. */
typedef enum { AST_LOAD, AST_STORE, AST_DEL } AstExprContext;

/* ================================================================ sequences */

typedef struct Mod Mod;
typedef struct Stmt Stmt;
typedef struct Expr Expr;
typedef struct Comprehension Comprehension;
typedef struct ExceptHandler ExceptHandler;
typedef struct Arguments Arguments;
typedef struct Arg Arg;
typedef struct Keyword Keyword;
typedef struct Alias Alias;
typedef struct WithItem WithItem;

typedef struct { Stmt **items; size_t count; } StmtSeq;
typedef struct { Expr **items; size_t count; } ExprSeq;   /* Dict.keys / kw_defaults may hold NULL */
typedef struct { Comprehension **items; size_t count; } ComprehensionSeq;
typedef struct { ExceptHandler **items; size_t count; } ExceptHandlerSeq;
typedef struct { Arg **items; size_t count; } ArgSeq;
typedef struct { Keyword **items; size_t count; } KeywordSeq;
typedef struct { Alias **items; size_t count; } AliasSeq;
typedef struct { WithItem **items; size_t count; } WithItemSeq;
typedef struct { Object **items; size_t count; } IdentifierSeq; /* interned strs */
typedef struct { AstCmpOp *items; size_t count; } CmpOpSeq;

/* The four position fields every located node carries. */
#define AST_POSITION_FIELDS                                                                        \
    int lineno;                                                                                    \
    int col_offset;                                                                                \
    int end_lineno;                                                                                \
    int end_col_offset

/* ================================================================ mod */

#define AST_MOD_KINDS(X)                                                                           \
    X(MODULE, Module)           /* a file: body */                                                 \
    X(INTERACTIVE, Interactive) /* a REPL input: body */                                           \
    X(EXPRESSION, Expression)   /* eval(): body is one expr */

typedef enum {
#define X(upper, camel) MOD_##upper,
    AST_MOD_KINDS(X)
#undef X
        MOD_KIND_COUNT
} ModKind;

struct Mod {
    ModKind kind;
    union {
        struct { StmtSeq body; } Module; /* (CPython's type_ignores: always empty, omitted) */
        struct { StmtSeq body; } Interactive;
        struct { Expr *body; } Expression;
    } v;
};

/* ================================================================ stmt */

#define AST_STMT_KINDS(X)                                                                          \
    X(FUNCTION_DEF, FunctionDef)                                                                   \
    X(CLASS_DEF, ClassDef)                                                                         \
    X(RETURN, Return)                                                                              \
    X(DELETE, Delete)                                                                              \
    X(ASSIGN, Assign)                                                                              \
    X(AUG_ASSIGN, AugAssign)                                                                       \
    X(ANN_ASSIGN, AnnAssign)                                                                       \
    X(FOR, For)                                                                                    \
    X(WHILE, While)                                                                                \
    X(IF, If)                                                                                      \
    X(WITH, With)                                                                                  \
    X(RAISE, Raise)                                                                                \
    X(TRY, Try)                                                                                    \
    X(ASSERT, Assert)                                                                              \
    X(IMPORT, Import)                                                                              \
    X(IMPORT_FROM, ImportFrom)                                                                     \
    X(GLOBAL, Global)                                                                              \
    X(NONLOCAL, Nonlocal)                                                                          \
    X(EXPR, Expr)                                                                                  \
    X(PASS, Pass)                                                                                  \
    X(BREAK, Break)                                                                                \
    X(CONTINUE, Continue)

typedef enum {
#define X(upper, camel) STMT_##upper,
    AST_STMT_KINDS(X)
#undef X
        STMT_KIND_COUNT
} StmtKind;

struct Stmt {
    StmtKind kind;
    AST_POSITION_FIELDS;
    union {
        struct {
            Object *name;
            Arguments *args;
            StmtSeq body;
            ExprSeq decorator_list;
            Expr *returns; /* optional */
        } FunctionDef;
        struct {
            Object *name;
            ExprSeq bases;
            KeywordSeq keywords;
            StmtSeq body;
            ExprSeq decorator_list;
        } ClassDef;
        struct { Expr *value; } Return; /* value optional */
        struct { ExprSeq targets; } Delete;
        struct {
            ExprSeq targets; /* a = b = value: two targets */
            Expr *value;
        } Assign;
        struct {
            Expr *target;
            BinaryOp op;
            Expr *value;
        } AugAssign;
        struct {
            Expr *target;
            Expr *annotation;
            Expr *value; /* optional */
            int simple;  /* 1 when target is a plain Name not in parentheses */
        } AnnAssign;
        struct {
            Expr *target;
            Expr *iter;
            StmtSeq body;
            StmtSeq orelse;
        } For;
        struct {
            Expr *test;
            StmtSeq body;
            StmtSeq orelse;
        } While;
        struct {
            Expr *test;
            StmtSeq body;
            StmtSeq orelse; /* `elif` is a nested If alone in orelse */
        } If;
        struct {
            WithItemSeq items;
            StmtSeq body;
        } With;
        struct {
            Expr *exc;   /* optional */
            Expr *cause; /* optional */
        } Raise;
        struct {
            StmtSeq body;
            ExceptHandlerSeq handlers;
            StmtSeq orelse;
            StmtSeq finalbody;
        } Try;
        struct {
            Expr *test;
            Expr *msg; /* optional */
        } Assert;
        struct { AliasSeq names; } Import;
        struct {
            Object *module; /* optional: NULL for `from . import x` */
            AliasSeq names;
            int level; /* number of leading dots */
        } ImportFrom;
        struct { IdentifierSeq names; } Global;
        struct { IdentifierSeq names; } Nonlocal;
        struct { Expr *value; } Expr; /* an expression statement */
    } v;
};

/* ================================================================ expr */

#define AST_EXPR_KINDS(X)                                                                          \
    X(BOOL_OP, BoolOp)                                                                             \
    X(NAMED_EXPR, NamedExpr)                                                                       \
    X(BIN_OP, BinOp)                                                                               \
    X(UNARY_OP, UnaryOp)                                                                           \
    X(LAMBDA, Lambda)                                                                              \
    X(IF_EXP, IfExp)                                                                               \
    X(DICT, Dict)                                                                                  \
    X(SET, Set)                                                                                    \
    X(LIST_COMP, ListComp)                                                                         \
    X(SET_COMP, SetComp)                                                                           \
    X(DICT_COMP, DictComp)                                                                         \
    X(GENERATOR_EXP, GeneratorExp)                                                                 \
    X(AWAIT, Await)                                                                                \
    X(YIELD, Yield)                                                                                \
    X(YIELD_FROM, YieldFrom)                                                                       \
    X(COMPARE, Compare)                                                                            \
    X(CALL, Call)                                                                                  \
    X(FORMATTED_VALUE, FormattedValue)                                                             \
    X(JOINED_STR, JoinedStr)                                                                       \
    X(CONSTANT, Constant)                                                                          \
    X(ATTRIBUTE, Attribute)                                                                        \
    X(SUBSCRIPT, Subscript)                                                                        \
    X(STARRED, Starred)                                                                            \
    X(NAME, Name)                                                                                  \
    X(LIST, List)                                                                                  \
    X(TUPLE, Tuple)                                                                                \
    X(SLICE, Slice)

typedef enum {
#define X(upper, camel) EXPR_##upper,
    AST_EXPR_KINDS(X)
#undef X
        EXPR_KIND_COUNT
} ExprKind;

struct Expr {
    ExprKind kind;
    AST_POSITION_FIELDS;
    union {
        struct {
            AstBoolOp op;
            ExprSeq values; /* a or b or c: one BoolOp with three values */
        } BoolOp;
        struct {
            Expr *target; /* always a Name (Store) */
            Expr *value;
        } NamedExpr;
        struct {
            Expr *left;
            BinaryOp op;
            Expr *right;
        } BinOp;
        struct {
            AstUnaryOp op;
            Expr *operand;
        } UnaryOp;
        struct {
            Arguments *args;
            Expr *body;
        } Lambda;
        struct {
            Expr *test;
            Expr *body;
            Expr *orelse;
        } IfExp;
        struct {
            ExprSeq keys; /* a NULL key means `**values[i]` */
            ExprSeq values;
        } Dict;
        struct { ExprSeq elts; } Set;
        struct {
            Expr *elt;
            ComprehensionSeq generators;
        } ListComp;
        struct {
            Expr *elt;
            ComprehensionSeq generators;
        } SetComp;
        struct {
            Expr *key;
            Expr *value;
            ComprehensionSeq generators;
        } DictComp;
        struct {
            Expr *elt;
            ComprehensionSeq generators;
        } GeneratorExp;
        struct { Expr *value; } Await;
        struct { Expr *value; } Yield; /* value optional */
        struct { Expr *value; } YieldFrom;
        struct {
            Expr *left;
            CmpOpSeq ops; /* a < b < c: ops [<, <], comparators [b, c] */
            ExprSeq comparators;
        } Compare;
        struct {
            Expr *func;
            ExprSeq args; /* may contain Starred (*x) */
            KeywordSeq keywords; /* Keyword.arg NULL means **x */
        } Call;
        struct {
            Expr *value;
            int conversion;     /* -1 (none), 's', 'r' or 'a' */
            Expr *format_spec;  /* optional: a JoinedStr */
        } FormattedValue;
        struct { ExprSeq values; } JoinedStr; /* Constant strs and FormattedValues */
        struct {
            Object *value;
            Object *kind; /* optional: the str "u" for u'...' literals, else NULL */
        } Constant;
        struct {
            Expr *value;
            Object *attr;
            AstExprContext ctx;
        } Attribute;
        struct {
            Expr *value;
            Expr *slice; /* a Slice, a Tuple (possibly holding Slices), or any expr */
            AstExprContext ctx;
        } Subscript;
        struct {
            Expr *value;
            AstExprContext ctx;
        } Starred;
        struct {
            Object *id;
            AstExprContext ctx;
        } Name;
        struct {
            ExprSeq elts;
            AstExprContext ctx;
        } List;
        struct {
            ExprSeq elts;
            AstExprContext ctx;
        } Tuple;
        struct {
            Expr *lower; /* each optional */
            Expr *upper;
            Expr *step;
        } Slice;
    } v;
};

/* ================================================================ other nodes */

/* `for target in iter if ifs...` inside a comprehension. */
struct Comprehension {
    Expr *target;
    Expr *iter;
    ExprSeq ifs;
    int is_async; /* always 0 in gilpy */
};

/* `except type as name: body` (CPython's ExceptHandler, the only excepthandler kind). */
struct ExceptHandler {
    AST_POSITION_FIELDS;
    Expr *type;   /* optional: bare `except:` */
    Object *name; /* optional */
    StmtSeq body;
};

/* The parameter list of a def or lambda:
 *   def f(posonlyargs..., /, args..., *vararg, kwonlyargs..., **kwarg)
 * defaults: for the LAST len(defaults) of posonlyargs+args.
 * kw_defaults: one per kwonlyarg, NULL where there is no default. */
struct Arguments {
    ArgSeq posonlyargs;
    ArgSeq args;
    Arg *vararg; /* optional */
    ArgSeq kwonlyargs;
    ExprSeq kw_defaults;
    Arg *kwarg; /* optional */
    ExprSeq defaults;
};

/* One parameter. */
struct Arg {
    AST_POSITION_FIELDS;
    Object *arg;
    Expr *annotation; /* optional */
};

/* `name=value` in a call or class header; arg NULL for `**value`. */
struct Keyword {
    AST_POSITION_FIELDS;
    Object *arg; /* optional */
    Expr *value;
};

/* `name as asname` in an import; name may be dotted ("os.path") or "*". */
struct Alias {
    AST_POSITION_FIELDS;
    Object *name;
    Object *asname; /* optional */
};

/* One `context_expr as optional_vars` of a with statement (no positions, as CPython). */
struct WithItem {
    Expr *context_expr;
    Expr *optional_vars; /* optional */
};

/* ================================================================ helpers */

extern const char *const ast_mod_kind_names[MOD_KIND_COUNT];   /* "Module", ... */
extern const char *const ast_stmt_kind_names[STMT_KIND_COUNT]; /* "FunctionDef", ... */
extern const char *const ast_expr_kind_names[EXPR_KIND_COUNT]; /* "BoolOp", ... */

/* Append to `out` the same text as CPython's
 *   ast.dump(tree, include_attributes=include_attributes)
 * (one line, no indentation). Returns 0, or -1 with an exception set (a
 * constant's repr failed, or out of memory). For debugging and tests. */
MAY_RAISE int ast_dump(const Mod *mod, StrBuilder *out, bool include_attributes);

#endif /* GILPY_AST_H */
