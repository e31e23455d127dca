/* symtable.h: scope analysis. Before any code is generated, the symbol table
 * walks the AST once and decides, for every name in every scope, whether it
 * is a local, a global (declared or implicit), a free variable (a local of an
 * enclosing function), or a cell (a local captured by an inner function).
 * The rules and the SyntaxErrors are CPython 3.11's (Python/symtable.c). */
#ifndef GILPY_SYMTABLE_H
#define GILPY_SYMTABLE_H

#include <stdbool.h>
#include <stddef.h>

#include "ast.h"
#include "object.h"

/* What kind of block a scope is. Lambdas, comprehensions and generator
 * expressions are SCOPE_FUNCTION blocks, as in CPython. */
typedef enum { SCOPE_MODULE, SCOPE_FUNCTION, SCOPE_CLASS } ScopeKind;

/* How a name was used in its scope (Symbol.flags); several can combine. */
enum {
    DEF_GLOBAL = 1 << 0,     /* `global name` */
    DEF_LOCAL = 1 << 1,      /* assigned, deleted, def/class name, loop target... */
    DEF_PARAM = 1 << 2,      /* a parameter */
    DEF_NONLOCAL = 1 << 3,   /* `nonlocal name` */
    DEF_USE = 1 << 4,        /* read */
    DEF_FREE = 1 << 5,       /* (unused; kept for CPython parity) */
    DEF_FREE_CLASS = 1 << 6, /* free in a method, and also bound in the class body */
    DEF_IMPORT = 1 << 7,     /* bound by an import */
    DEF_ANNOT = 1 << 8,      /* annotated (`x: int`) */
    DEF_COMP_ITER = 1 << 9,  /* a comprehension's iteration variable */
};
#define DEF_BOUND (DEF_LOCAL | DEF_PARAM | DEF_IMPORT)

/* The resolved scope of a name (Symbol.scope). 0: not in the table. */
typedef enum {
    SYM_LOCAL = 1,
    SYM_GLOBAL_EXPLICIT, /* declared `global` (or global because a parent declared it) */
    SYM_GLOBAL_IMPLICIT, /* not bound anywhere enclosing: globals, then builtins */
    SYM_FREE,            /* a local of an enclosing function, reached through a cell */
    SYM_CELL,            /* a local of this function captured by an inner one */
} SymbolScope;

typedef enum {
    COMP_NONE,
    COMP_LIST,
    COMP_SET,
    COMP_DICT,
    COMP_GENERATOR,
} ComprehensionKind;

typedef struct Symbol {
    Object *name; /* interned str (mangled for private names) */
    int flags;    /* DEF_* */
    int scope;    /* SymbolScope once analysed */
} Symbol;

/* A `global`/`nonlocal` statement, remembered to place later errors. */
typedef struct Directive {
    Object *name;
    int lineno, col_offset, end_lineno, end_col_offset;
} Directive;

typedef struct Scope Scope;

struct Scope {
    ScopeKind kind;
    Object *name;    /* "top", the def/class name, "lambda", "listcomp", "genexpr", ... */
    const void *key; /* the AST node that opened the scope (Stmt or Expr), NULL for the module */
    int lineno, col_offset;

    Symbol *symbols; /* in order of first occurrence */
    size_t nsymbols, symbols_capacity;
    int32_t *index; /* open-addressing hash: symbol index + 1, 0 = empty */
    size_t index_capacity;

    Object **params; /* parameter names in CPython's co_varnames order */
    size_t nparams, params_capacity;

    Scope **children; /* nested scopes in source order */
    size_t nchildren, children_capacity;

    Directive *directives;
    size_t ndirectives, directives_capacity;

    ComprehensionKind comprehension;
    bool nested;              /* inside a function (CODE_FLAG_NESTED) */
    bool generator;           /* contains yield / yield from */
    bool coroutine;           /* contains await (unsupported) */
    bool has_free;            /* uses free variables */
    bool child_free;          /* a nested scope has free variables */
    bool needs_class_closure; /* a class whose methods use __class__ or super() */
    bool varargs, varkeywords;
    bool comp_iter_target; /* visiting a comprehension's target */
    int comp_iter_expr;    /* > 0 while visiting a comprehension's outermost iterable */
};

typedef struct SymTable {
    Arena *arena;       /* every Scope and array lives here */
    Object *filename;   /* borrowed */
    const char *source; /* the source text (for SyntaxError.text), may be NULL */
    size_t source_size;
    Scope *top;    /* the module scope */
    Scope *cur;    /* scope being built */
    Scope **stack; /* enclosing scopes while building */
    size_t depth, stack_capacity;
    Object *private_name; /* enclosing class name (for __mangling), or NULL */
    Scope **all;          /* every scope, to find one by its AST node */
    size_t nall, all_capacity;
    int recursion_depth, recursion_limit; /* nesting of the AST walk (a C stack guard) */
} SymTable;

/* Build the symbol table of `mod`. The table and everything in it is
 * allocated in `arena`. Returns NULL with a SyntaxError (CPython's message
 * and position) or MemoryError set. `source` may be NULL (then SyntaxErrors
 * carry no text). */
MAY_RAISE SymTable *symtable_build(Arena *arena, const Mod *mod, Object *filename,
                                   const char *source, size_t source_size);

/* The scope opened by AST node `key` (a FunctionDef/ClassDef Stmt, or a
 * Lambda/comprehension Expr), or NULL. */
Scope *symtable_scope_of(const SymTable *st, const void *key);

/* The symbol for `name` (interned str) in `scope`, or NULL. */
Symbol *scope_lookup(const Scope *scope, Object *name);

/* The resolved SymbolScope of `name` in `scope`, 0 if the name is unknown. */
int scope_symbol_scope(const Scope *scope, Object *name);

/* Python's private-name mangling: inside class `private_name`, `__spam`
 * becomes `_Class__spam`. Returns `name` itself (borrowed) when no mangling
 * applies, else a new interned str that the arena keeps alive. NULL on error. */
MAY_RAISE Object *symtable_mangle(Arena *arena, Object *private_name, Object *name);

/* Raise a SyntaxError at the given span (0-based byte columns, converted to
 * CPython's 1-based offsets). `msg` is a printf format with %U for strs.
 * Always returns -1. The text of the line comes from `source` unless the
 * filename is a pseudo-file such as "<string>" (as CPython, which re-reads
 * the file). */
int symtable_syntax_error(Object *filename, const char *source, size_t source_size, int lineno,
                          int col_offset, int end_lineno, int end_col_offset, const char *fmt, ...);

#endif /* GILPY_SYMTABLE_H */
