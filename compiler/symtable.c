/* symtable.c: scope analysis (which names are local, global, free or cells),
 * done in two passes over the AST as CPython 3.11's Python/symtable.c does:
 * first record how each scope uses each name, then resolve the scopes. */
#include "symtable.h"

#include <stdarg.h>
#include <string.h>

#include "errors.h"
#include "exceptions.h"
#include "memory.h"
#include "state.h"
#include "str.h"

/* CPython's messages (Python/symtable.c). */
#define GLOBAL_PARAM          "name '%U' is parameter and global"
#define NONLOCAL_PARAM        "name '%U' is parameter and nonlocal"
#define GLOBAL_AFTER_ASSIGN   "name '%U' is assigned to before global declaration"
#define NONLOCAL_AFTER_ASSIGN "name '%U' is assigned to before nonlocal declaration"
#define GLOBAL_AFTER_USE      "name '%U' is used prior to global declaration"
#define NONLOCAL_AFTER_USE    "name '%U' is used prior to nonlocal declaration"
#define GLOBAL_ANNOT          "annotated name '%U' can't be global"
#define NONLOCAL_ANNOT        "annotated name '%U' can't be nonlocal"
#define IMPORT_STAR_WARNING   "import * only allowed at module level"
#define NAMED_EXPR_COMP_IN_CLASS \
    "assignment expression within a comprehension cannot be used in a class body"
#define NAMED_EXPR_COMP_CONFLICT \
    "assignment expression cannot rebind comprehension iteration variable '%U'"
#define NAMED_EXPR_COMP_INNER_LOOP_CONFLICT \
    "comprehension inner loop cannot rebind assignment expression target '%U'"
#define NAMED_EXPR_COMP_ITER_EXPR \
    "assignment expression cannot be used in a comprehension iterable expression"
#define DUPLICATE_ARGUMENT "duplicate argument '%U' in function definition"

/* ================================================================ errors */

/* The text of line `lineno` of `source` (with its newline), as a str, or
 * None when unknown. New reference; NULL only on error. */
static Object *source_line(Object *filename, const char *source, size_t size, int lineno) {
    if (source == NULL || lineno < 1 || filename == NULL || !str_check(filename) ||
        str_utf8(filename)[0] == '<') {
        return none_ref();
    }
    const char *p = source, *end = source + size;
    for (int line = 1; line < lineno && p < end; line++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (nl == NULL) {
            return none_ref();
        }
        p = nl + 1;
    }
    if (p >= end) {
        return none_ref();
    }
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    const char *stop = nl != NULL ? nl + 1 : end;
    return str_decode_utf8(p, (size_t)(stop - p));
}

int symtable_syntax_error(Object *filename, const char *source, size_t source_size, int lineno,
                          int col_offset, int end_lineno, int end_col_offset, const char *fmt,
                          ...) {
    va_list ap;
    va_start(ap, fmt);
    Object *msg = str_from_vformat(fmt, ap);
    va_end(ap);
    if (msg == NULL) {
        return -1;
    }
    Object *text = source_line(filename, source, source_size, lineno);
    if (text == NULL) {
        DECREF(msg);
        return -1;
    }
    Object *exc = syntax_error_new(&ExcSyntaxError, str_utf8(msg), filename, lineno, col_offset + 1,
                                   text, end_lineno, end_col_offset + 1);
    DECREF(msg);
    DECREF(text);
    if (exc == NULL) {
        return -1;
    }
    err_set_exception(exc);
    DECREF(exc);
    return -1;
}

#define ST_ERROR(st, node, ...)                                                            \
    symtable_syntax_error((st)->filename, (st)->source, (st)->source_size, (node)->lineno, \
                          (node)->col_offset, (node)->end_lineno, (node)->end_col_offset,  \
                          __VA_ARGS__)

/* ================================================================ small arena arrays */

/* Grow the arena array *items (of *capacity elements of `size` bytes) so it
 * holds at least `need` elements. The old block stays in the arena. */
static int grow(Arena *arena, void **items, size_t *capacity, size_t need, size_t size) {
    if (need <= *capacity) {
        return 0;
    }
    size_t cap = *capacity < 8 ? 8 : *capacity * 2;
    while (cap < need) {
        cap *= 2;
    }
    void *fresh = arena_alloc(arena, cap * size);
    if (fresh == NULL) {
        return -1;
    }
    if (*capacity > 0) {
        memcpy(fresh, *items, *capacity * size);
    }
    *items = fresh;
    *capacity = cap;
    return 0;
}

#define GROW(st, arr, cap, need) grow((st)->arena, (void **)&(arr), &(cap), (need), sizeof(*(arr)))

static size_t pointer_hash(const void *p) {
    uintptr_t x = (uintptr_t)p >> 3;
    x *= (uintptr_t)0x9E3779B97F4A7C15ull;
    return (size_t)(x ^ (x >> 29));
}

/* ================================================================ scopes */

Symbol *scope_lookup(const Scope *scope, Object *name) {
    if (scope->index_capacity == 0) {
        return NULL;
    }
    size_t mask = scope->index_capacity - 1;
    for (size_t i = pointer_hash(name) & mask;; i = (i + 1) & mask) {
        int32_t slot = scope->index[i];
        if (slot == 0) {
            return NULL;
        }
        if (scope->symbols[slot - 1].name == name) {
            return &scope->symbols[slot - 1];
        }
    }
}

int scope_symbol_scope(const Scope *scope, Object *name) {
    Symbol *sym = scope_lookup(scope, name);
    return sym != NULL ? sym->scope : 0;
}

static int scope_flags(const Scope *scope, Object *name) {
    Symbol *sym = scope_lookup(scope, name);
    return sym != NULL ? sym->flags : 0;
}

/* Insert a new symbol (the name must not be present). Returns it or NULL. */
static Symbol *scope_insert(SymTable *st, Scope *scope, Object *name, int flags) {
    if (GROW(st, scope->symbols, scope->symbols_capacity, scope->nsymbols + 1) < 0) {
        return NULL;
    }
    if ((scope->nsymbols + 1) * 2 > scope->index_capacity) {
        size_t cap = scope->index_capacity < 16 ? 16 : scope->index_capacity * 2;
        int32_t *index = arena_alloc(st->arena, cap * sizeof(int32_t));
        if (index == NULL) {
            return NULL;
        }
        for (size_t k = 0; k < scope->nsymbols; k++) {
            size_t i = pointer_hash(scope->symbols[k].name) & (cap - 1);
            while (index[i] != 0) {
                i = (i + 1) & (cap - 1);
            }
            index[i] = (int32_t)k + 1;
        }
        scope->index = index;
        scope->index_capacity = cap;
    }
    size_t mask = scope->index_capacity - 1;
    size_t i = pointer_hash(name) & mask;
    while (scope->index[i] != 0) {
        i = (i + 1) & mask;
    }
    Symbol *sym = &scope->symbols[scope->nsymbols];
    sym->name = name;
    sym->flags = flags;
    sym->scope = 0;
    scope->index[i] = (int32_t)(++scope->nsymbols);
    return sym;
}

Scope *symtable_scope_of(const SymTable *st, const void *key) {
    for (size_t i = 0; i < st->nall; i++) {
        if (st->all[i]->key == key) {
            return st->all[i];
        }
    }
    return NULL;
}

/* ================================================================ mangling */

Object *symtable_mangle(Arena *arena, Object *private_name, Object *name) {
    if (private_name == NULL) {
        return name;
    }
    const char *s = str_utf8(name);
    size_t n = str_size(name);
    /* Only __spam (not __spam__, not dotted names) is mangled. */
    if (n < 2 || s[0] != '_' || s[1] != '_') {
        return name;
    }
    if ((n >= 4 && s[n - 1] == '_' && s[n - 2] == '_') || memchr(s, '.', n) != NULL) {
        return name;
    }
    const char *cls = str_utf8(private_name);
    while (*cls == '_') {
        cls++;
    }
    if (*cls == '\0') {
        return name; /* the class name is all underscores */
    }
    size_t clen = strlen(cls);
    char *buf = mem_alloc(clen + n + 2);
    if (buf == NULL) {
        return NULL;
    }
    buf[0] = '_';
    memcpy(buf + 1, cls, clen);
    memcpy(buf + 1 + clen, s, n + 1);
    Object *mangled = str_intern_cstr(buf);
    mem_free(buf);
    if (mangled == NULL || arena_add_object(arena, mangled) < 0) {
        return NULL;
    }
    return mangled;
}

/* ================================================================ pass 1: collect */

static Object *intern(SymTable *st, const char *s) {
    Object *o = str_intern_cstr(s);
    if (o == NULL || arena_add_object(st->arena, o) < 0) {
        return NULL;
    }
    return o;
}

static int enter_block(SymTable *st, Object *name, ScopeKind kind, const void *key, int lineno,
                       int col_offset) {
    Scope *scope = arena_alloc(st->arena, sizeof(Scope));
    if (scope == NULL) {
        return -1;
    }
    scope->kind = kind;
    scope->name = name;
    scope->key = key;
    scope->lineno = lineno;
    scope->col_offset = col_offset;
    Scope *prev = st->cur;
    if (prev != NULL) {
        scope->nested = prev->nested || prev->kind == SCOPE_FUNCTION;
        scope->comp_iter_expr = prev->comp_iter_expr;
        if (GROW(st, prev->children, prev->children_capacity, prev->nchildren + 1) < 0) {
            return -1;
        }
        prev->children[prev->nchildren++] = scope;
    }
    if (GROW(st, st->stack, st->stack_capacity, st->depth + 1) < 0 ||
        GROW(st, st->all, st->all_capacity, st->nall + 1) < 0) {
        return -1;
    }
    st->stack[st->depth++] = scope;
    st->all[st->nall++] = scope;
    st->cur = scope;
    if (kind == SCOPE_MODULE) {
        st->top = scope;
    }
    return 0;
}

static void exit_block(SymTable *st) {
    st->depth--;
    st->cur = st->depth > 0 ? st->stack[st->depth - 1] : NULL;
}

/* Position of the node that defines a name, for error messages. */
typedef struct Location {
    int lineno, col_offset, end_lineno, end_col_offset;
} Location;

#define LOC(node) \
    ((Location){(node)->lineno, (node)->col_offset, (node)->end_lineno, (node)->end_col_offset})

/* Record that `name` is used with `flag` in `scope` (CPython's
 * symtable_add_def_helper). */
static int add_def_in(SymTable *st, Object *name, int flag, Scope *scope, Location loc) {
    Object *mangled = symtable_mangle(st->arena, st->private_name, name);
    if (mangled == NULL) {
        return -1;
    }
    Symbol *sym = scope_lookup(scope, mangled);
    int val;
    if (sym != NULL) {
        if ((flag & DEF_PARAM) && (sym->flags & DEF_PARAM)) {
            return ST_ERROR(st, &loc, DUPLICATE_ARGUMENT, name);
        }
        val = sym->flags | flag;
    } else {
        val = flag;
    }
    if (scope->comp_iter_target) {
        if (val & (DEF_GLOBAL | DEF_NONLOCAL)) {
            return ST_ERROR(st, &loc, NAMED_EXPR_COMP_INNER_LOOP_CONFLICT, name);
        }
        val |= DEF_COMP_ITER;
    }
    if (sym != NULL) {
        sym->flags = val;
    } else if (scope_insert(st, scope, mangled, val) == NULL) {
        return -1;
    }
    if (flag & DEF_PARAM) {
        if (GROW(st, scope->params, scope->params_capacity, scope->nparams + 1) < 0) {
            return -1;
        }
        scope->params[scope->nparams++] = mangled;
    } else if (flag & DEF_GLOBAL) {
        /* `global x` anywhere also marks x in the module scope. */
        Symbol *g = scope_lookup(st->top, mangled);
        if (g != NULL) {
            g->flags |= flag;
        } else if (scope_insert(st, st->top, mangled, flag) == NULL) {
            return -1;
        }
    }
    return 0;
}

static int add_def(SymTable *st, Object *name, int flag, Location loc) {
    return add_def_in(st, name, flag, st->cur, loc);
}

static int record_directive(SymTable *st, Object *name, Location loc) {
    Scope *s = st->cur;
    if (GROW(st, s->directives, s->directives_capacity, s->ndirectives + 1) < 0) {
        return -1;
    }
    Object *mangled = symtable_mangle(st->arena, st->private_name, name);
    if (mangled == NULL) {
        return -1;
    }
    s->directives[s->ndirectives++] =
        (Directive){mangled, loc.lineno, loc.col_offset, loc.end_lineno, loc.end_col_offset};
    return 0;
}

static int visit_stmt(SymTable *st, const Stmt *s);
static int visit_expr(SymTable *st, const Expr *e);
static int visit_stmt_inner(SymTable *st, const Stmt *s);
static int visit_expr_inner(SymTable *st, const Expr *e);

static int visit_stmts(SymTable *st, StmtSeq seq) {
    for (size_t i = 0; i < seq.count; i++) {
        if (visit_stmt(st, seq.items[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

/* Visit a sequence of expressions; NULL items (Dict keys, kw_defaults) are skipped. */
static int visit_exprs(SymTable *st, ExprSeq seq) {
    for (size_t i = 0; i < seq.count; i++) {
        if (seq.items[i] != NULL && visit_expr(st, seq.items[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

static int visit_params(SymTable *st, ArgSeq args) {
    for (size_t i = 0; i < args.count; i++) {
        if (add_def(st, args.items[i]->arg, DEF_PARAM, LOC(args.items[i])) < 0) {
            return -1;
        }
    }
    return 0;
}

/* Parameters, in CPython's co_varnames order: positional-only, positional,
 * keyword-only, *args, **kwargs. */
static int visit_arguments(SymTable *st, const Arguments *a) {
    if (visit_params(st, a->posonlyargs) < 0 || visit_params(st, a->args) < 0 ||
        visit_params(st, a->kwonlyargs) < 0) {
        return -1;
    }
    if (a->vararg != NULL) {
        if (add_def(st, a->vararg->arg, DEF_PARAM, LOC(a->vararg)) < 0) {
            return -1;
        }
        st->cur->varargs = true;
    }
    if (a->kwarg != NULL) {
        if (add_def(st, a->kwarg->arg, DEF_PARAM, LOC(a->kwarg)) < 0) {
            return -1;
        }
        st->cur->varkeywords = true;
    }
    return 0;
}

static int visit_arg_annotations(SymTable *st, ArgSeq args) {
    for (size_t i = 0; i < args.count; i++) {
        if (args.items[i]->annotation != NULL && visit_expr(st, args.items[i]->annotation) < 0) {
            return -1;
        }
    }
    return 0;
}

/* Annotations of a def are evaluated in the enclosing scope. */
static int visit_annotations(SymTable *st, const Arguments *a, const Expr *returns) {
    if (visit_arg_annotations(st, a->posonlyargs) < 0 || visit_arg_annotations(st, a->args) < 0) {
        return -1;
    }
    if (a->vararg != NULL && a->vararg->annotation != NULL &&
        visit_expr(st, a->vararg->annotation) < 0) {
        return -1;
    }
    if (visit_arg_annotations(st, a->kwonlyargs) < 0) {
        return -1;
    }
    if (a->kwarg != NULL && a->kwarg->annotation != NULL &&
        visit_expr(st, a->kwarg->annotation) < 0) {
        return -1;
    }
    if (returns != NULL && visit_expr(st, returns) < 0) {
        return -1;
    }
    return 0;
}

/* `import a.b.c` binds `a`; `import a.b as c` binds `c`; `*` binds nothing
 * (and is only allowed at module level). */
static int visit_alias(SymTable *st, const Alias *a) {
    Object *name = a->asname != NULL ? a->asname : a->name;
    const char *s = str_utf8(name);
    if (strcmp(s, "*") == 0) {
        if (st->cur->kind != SCOPE_MODULE) {
            return ST_ERROR(st, a, IMPORT_STAR_WARNING);
        }
        return 0;
    }
    const char *dot = strchr(s, '.');
    Object *store = name;
    if (dot != NULL) {
        size_t n = (size_t)(dot - s);
        char *buf = mem_alloc(n + 1);
        if (buf == NULL) {
            return -1;
        }
        memcpy(buf, s, n);
        buf[n] = '\0';
        store = intern(st, buf);
        mem_free(buf);
        if (store == NULL) {
            return -1;
        }
    }
    return add_def(st, store, DEF_IMPORT, LOC(a));
}

/* `global a, b` / `nonlocal a, b`. */
static int visit_declaration(SymTable *st, const Stmt *s, IdentifierSeq names, bool is_global) {
    for (size_t i = 0; i < names.count; i++) {
        Object *name = names.items[i];
        Object *mangled = symtable_mangle(st->arena, st->private_name, name);
        if (mangled == NULL) {
            return -1;
        }
        int cur = scope_flags(st->cur, mangled);
        if (cur & (DEF_PARAM | DEF_LOCAL | DEF_USE | DEF_ANNOT)) {
            const char *msg;
            if (cur & DEF_PARAM) {
                msg = is_global ? GLOBAL_PARAM : NONLOCAL_PARAM;
            } else if (cur & DEF_USE) {
                msg = is_global ? GLOBAL_AFTER_USE : NONLOCAL_AFTER_USE;
            } else if (cur & DEF_ANNOT) {
                msg = is_global ? GLOBAL_ANNOT : NONLOCAL_ANNOT;
            } else {
                msg = is_global ? GLOBAL_AFTER_ASSIGN : NONLOCAL_AFTER_ASSIGN;
            }
            return ST_ERROR(st, s, msg, name);
        }
        if (add_def(st, name, is_global ? DEF_GLOBAL : DEF_NONLOCAL, LOC(s)) < 0 ||
            record_directive(st, name, LOC(s)) < 0) {
            return -1;
        }
    }
    return 0;
}

static int visit_stmt_inner(SymTable *st, const Stmt *s) {
    switch (s->kind) {
        case STMT_FUNCTION_DEF: {
            const Arguments *a = s->v.FunctionDef.args;
            if (add_def(st, s->v.FunctionDef.name, DEF_LOCAL, LOC(s)) < 0 ||
                visit_exprs(st, a->defaults) < 0 || visit_exprs(st, a->kw_defaults) < 0 ||
                visit_annotations(st, a, s->v.FunctionDef.returns) < 0 ||
                visit_exprs(st, s->v.FunctionDef.decorator_list) < 0) {
                return -1;
            }
            if (enter_block(st, s->v.FunctionDef.name, SCOPE_FUNCTION, s, s->lineno,
                            s->col_offset) < 0 ||
                visit_arguments(st, a) < 0 || visit_stmts(st, s->v.FunctionDef.body) < 0) {
                return -1;
            }
            exit_block(st);
            return 0;
        }
        case STMT_CLASS_DEF: {
            if (add_def(st, s->v.ClassDef.name, DEF_LOCAL, LOC(s)) < 0 ||
                visit_exprs(st, s->v.ClassDef.bases) < 0) {
                return -1;
            }
            for (size_t i = 0; i < s->v.ClassDef.keywords.count; i++) {
                if (visit_expr(st, s->v.ClassDef.keywords.items[i]->value) < 0) {
                    return -1;
                }
            }
            if (visit_exprs(st, s->v.ClassDef.decorator_list) < 0 ||
                enter_block(st, s->v.ClassDef.name, SCOPE_CLASS, s, s->lineno, s->col_offset) < 0) {
                return -1;
            }
            Object *saved = st->private_name;
            st->private_name = s->v.ClassDef.name;
            int r = visit_stmts(st, s->v.ClassDef.body);
            st->private_name = saved;
            if (r < 0) {
                return -1;
            }
            exit_block(st);
            return 0;
        }
        case STMT_RETURN:
            return s->v.Return.value != NULL ? visit_expr(st, s->v.Return.value) : 0;
        case STMT_DELETE:
            return visit_exprs(st, s->v.Delete.targets);
        case STMT_ASSIGN:
            if (visit_exprs(st, s->v.Assign.targets) < 0) {
                return -1;
            }
            return visit_expr(st, s->v.Assign.value);
        case STMT_ANN_ASSIGN: {
            const Expr *target = s->v.AnnAssign.target;
            if (target->kind == EXPR_NAME) {
                Object *mangled = symtable_mangle(st->arena, st->private_name, target->v.Name.id);
                if (mangled == NULL) {
                    return -1;
                }
                int cur = scope_flags(st->cur, mangled);
                if ((cur & (DEF_GLOBAL | DEF_NONLOCAL)) && st->cur != st->top &&
                    s->v.AnnAssign.simple) {
                    return ST_ERROR(st, s, (cur & DEF_GLOBAL) ? GLOBAL_ANNOT : NONLOCAL_ANNOT,
                                    target->v.Name.id);
                }
                if (s->v.AnnAssign.simple) {
                    if (add_def(st, target->v.Name.id, DEF_ANNOT | DEF_LOCAL, LOC(target)) < 0) {
                        return -1;
                    }
                } else if (s->v.AnnAssign.value != NULL &&
                           add_def(st, target->v.Name.id, DEF_LOCAL, LOC(target)) < 0) {
                    return -1;
                }
            } else if (visit_expr(st, target) < 0) {
                return -1;
            }
            if (visit_expr(st, s->v.AnnAssign.annotation) < 0) {
                return -1;
            }
            return s->v.AnnAssign.value != NULL ? visit_expr(st, s->v.AnnAssign.value) : 0;
        }
        case STMT_AUG_ASSIGN:
            if (visit_expr(st, s->v.AugAssign.target) < 0) {
                return -1;
            }
            return visit_expr(st, s->v.AugAssign.value);
        case STMT_FOR:
            if (visit_expr(st, s->v.For.target) < 0 || visit_expr(st, s->v.For.iter) < 0 ||
                visit_stmts(st, s->v.For.body) < 0) {
                return -1;
            }
            return visit_stmts(st, s->v.For.orelse);
        case STMT_WHILE:
            if (visit_expr(st, s->v.While.test) < 0 || visit_stmts(st, s->v.While.body) < 0) {
                return -1;
            }
            return visit_stmts(st, s->v.While.orelse);
        case STMT_IF:
            if (visit_expr(st, s->v.If.test) < 0 || visit_stmts(st, s->v.If.body) < 0) {
                return -1;
            }
            return visit_stmts(st, s->v.If.orelse);
        case STMT_WITH:
            for (size_t i = 0; i < s->v.With.items.count; i++) {
                const WithItem *item = s->v.With.items.items[i];
                if (visit_expr(st, item->context_expr) < 0) {
                    return -1;
                }
                if (item->optional_vars != NULL && visit_expr(st, item->optional_vars) < 0) {
                    return -1;
                }
            }
            return visit_stmts(st, s->v.With.body);
        case STMT_RAISE:
            if (s->v.Raise.exc != NULL && visit_expr(st, s->v.Raise.exc) < 0) {
                return -1;
            }
            return s->v.Raise.cause != NULL ? visit_expr(st, s->v.Raise.cause) : 0;
        case STMT_TRY:
            if (visit_stmts(st, s->v.Try.body) < 0 || visit_stmts(st, s->v.Try.orelse) < 0) {
                return -1;
            }
            for (size_t i = 0; i < s->v.Try.handlers.count; i++) {
                const ExceptHandler *h = s->v.Try.handlers.items[i];
                if (h->type != NULL && visit_expr(st, h->type) < 0) {
                    return -1;
                }
                if (h->name != NULL && add_def(st, h->name, DEF_LOCAL, LOC(h)) < 0) {
                    return -1;
                }
                if (visit_stmts(st, h->body) < 0) {
                    return -1;
                }
            }
            return visit_stmts(st, s->v.Try.finalbody);
        case STMT_ASSERT:
            if (visit_expr(st, s->v.Assert.test) < 0) {
                return -1;
            }
            return s->v.Assert.msg != NULL ? visit_expr(st, s->v.Assert.msg) : 0;
        case STMT_IMPORT:
            for (size_t i = 0; i < s->v.Import.names.count; i++) {
                if (visit_alias(st, s->v.Import.names.items[i]) < 0) {
                    return -1;
                }
            }
            return 0;
        case STMT_IMPORT_FROM:
            for (size_t i = 0; i < s->v.ImportFrom.names.count; i++) {
                if (visit_alias(st, s->v.ImportFrom.names.items[i]) < 0) {
                    return -1;
                }
            }
            return 0;
        case STMT_GLOBAL:
            return visit_declaration(st, s, s->v.Global.names, true);
        case STMT_NONLOCAL:
            return visit_declaration(st, s, s->v.Nonlocal.names, false);
        case STMT_EXPR:
            return visit_expr(st, s->v.Expr.value);
        case STMT_PASS:
        case STMT_BREAK:
        case STMT_CONTINUE:
            return 0;
        default:
            err_format(&ExcSystemError, "symtable: unknown statement kind %d", (int)s->kind);
            return -1;
    }
}

static const char *yield_in_comprehension_message(ComprehensionKind kind) {
    switch (kind) {
        case COMP_LIST:
            return "'yield' inside list comprehension";
        case COMP_SET:
            return "'yield' inside set comprehension";
        case COMP_DICT:
            return "'yield' inside dict comprehension";
        default:
            return "'yield' inside generator expression";
    }
}

/* A walrus inside a comprehension binds in the nearest enclosing function
 * (or module) scope, not in the comprehension (CPython's
 * symtable_extend_namedexpr_scope). */
static int extend_namedexpr_scope(SymTable *st, const Expr *target) {
    Object *name = target->v.Name.id;
    for (size_t k = st->depth; k-- > 0;) {
        Scope *scope = st->stack[k];
        if (scope->comprehension != COMP_NONE) {
            if (scope_flags(scope, name) & DEF_COMP_ITER) {
                return ST_ERROR(st, target, NAMED_EXPR_COMP_CONFLICT, name);
            }
            continue;
        }
        if (scope->kind == SCOPE_FUNCTION) {
            int flag = (scope_flags(scope, name) & DEF_GLOBAL) ? DEF_GLOBAL : DEF_NONLOCAL;
            if (add_def(st, name, flag, LOC(target)) < 0 ||
                record_directive(st, name, LOC(target)) < 0) {
                return -1;
            }
            return add_def_in(st, name, DEF_LOCAL, scope, LOC(target));
        }
        if (scope->kind == SCOPE_MODULE) {
            if (add_def(st, name, DEF_GLOBAL, LOC(target)) < 0 ||
                record_directive(st, name, LOC(target)) < 0) {
                return -1;
            }
            return add_def_in(st, name, DEF_GLOBAL, scope, LOC(target));
        }
        return ST_ERROR(st, target, NAMED_EXPR_COMP_IN_CLASS);
    }
    return 0;
}

/* A comprehension or generator expression: the outermost iterable is
 * evaluated in the current scope; the rest is a new function scope whose
 * single parameter ".0" receives the iterator. */
static int visit_comprehension_scope(SymTable *st, const Expr *e, const char *scope_name,
                                     ComprehensionKind kind, ComprehensionSeq generators,
                                     const Expr *elt, const Expr *value) {
    const Comprehension *outermost = generators.items[0];
    st->cur->comp_iter_expr++;
    int r = visit_expr(st, outermost->iter);
    st->cur->comp_iter_expr--;
    if (r < 0) {
        return -1;
    }
    Object *name = intern(st, scope_name);
    if (name == NULL || enter_block(st, name, SCOPE_FUNCTION, e, e->lineno, e->col_offset) < 0) {
        return -1;
    }
    Scope *scope = st->cur;
    scope->comprehension = kind;
    Object *dot0 = intern(st, ".0");
    if (dot0 == NULL || add_def(st, dot0, DEF_PARAM, LOC(e)) < 0) {
        return -1;
    }
    scope->comp_iter_target = true;
    r = visit_expr(st, outermost->target);
    scope->comp_iter_target = false;
    if (r < 0 || visit_exprs(st, outermost->ifs) < 0) {
        return -1;
    }
    for (size_t i = 1; i < generators.count; i++) {
        const Comprehension *gen = generators.items[i];
        scope->comp_iter_target = true;
        r = visit_expr(st, gen->target);
        scope->comp_iter_target = false;
        if (r < 0) {
            return -1;
        }
        scope->comp_iter_expr++;
        r = visit_expr(st, gen->iter);
        scope->comp_iter_expr--;
        if (r < 0 || visit_exprs(st, gen->ifs) < 0) {
            return -1;
        }
    }
    if (value != NULL && visit_expr(st, value) < 0) {
        return -1;
    }
    if (visit_expr(st, elt) < 0) {
        return -1;
    }
    scope->generator = kind == COMP_GENERATOR;
    exit_block(st);
    return 0;
}

static int visit_expr_inner(SymTable *st, const Expr *e) {
    switch (e->kind) {
        case EXPR_NAMED_EXPR:
            if (st->cur->comp_iter_expr > 0) {
                return ST_ERROR(st, e, NAMED_EXPR_COMP_ITER_EXPR);
            }
            if (st->cur->comprehension != COMP_NONE &&
                extend_namedexpr_scope(st, e->v.NamedExpr.target) < 0) {
                return -1;
            }
            if (visit_expr(st, e->v.NamedExpr.value) < 0) {
                return -1;
            }
            return visit_expr(st, e->v.NamedExpr.target);
        case EXPR_BOOL_OP:
            return visit_exprs(st, e->v.BoolOp.values);
        case EXPR_BIN_OP:
            if (visit_expr(st, e->v.BinOp.left) < 0) {
                return -1;
            }
            return visit_expr(st, e->v.BinOp.right);
        case EXPR_UNARY_OP:
            return visit_expr(st, e->v.UnaryOp.operand);
        case EXPR_LAMBDA: {
            const Arguments *a = e->v.Lambda.args;
            if (visit_exprs(st, a->defaults) < 0 || visit_exprs(st, a->kw_defaults) < 0) {
                return -1;
            }
            Object *name = intern(st, "lambda");
            if (name == NULL ||
                enter_block(st, name, SCOPE_FUNCTION, e, e->lineno, e->col_offset) < 0 ||
                visit_arguments(st, a) < 0 || visit_expr(st, e->v.Lambda.body) < 0) {
                return -1;
            }
            exit_block(st);
            return 0;
        }
        case EXPR_IF_EXP:
            if (visit_expr(st, e->v.IfExp.test) < 0 || visit_expr(st, e->v.IfExp.body) < 0) {
                return -1;
            }
            return visit_expr(st, e->v.IfExp.orelse);
        case EXPR_DICT:
            if (visit_exprs(st, e->v.Dict.keys) < 0) {
                return -1;
            }
            return visit_exprs(st, e->v.Dict.values);
        case EXPR_SET:
            return visit_exprs(st, e->v.Set.elts);
        case EXPR_LIST_COMP:
            return visit_comprehension_scope(st, e, "listcomp", COMP_LIST, e->v.ListComp.generators,
                                             e->v.ListComp.elt, NULL);
        case EXPR_SET_COMP:
            return visit_comprehension_scope(st, e, "setcomp", COMP_SET, e->v.SetComp.generators,
                                             e->v.SetComp.elt, NULL);
        case EXPR_DICT_COMP:
            return visit_comprehension_scope(st, e, "dictcomp", COMP_DICT, e->v.DictComp.generators,
                                             e->v.DictComp.key, e->v.DictComp.value);
        case EXPR_GENERATOR_EXP:
            return visit_comprehension_scope(st, e, "genexpr", COMP_GENERATOR,
                                             e->v.GeneratorExp.generators, e->v.GeneratorExp.elt,
                                             NULL);
        case EXPR_AWAIT:
            st->cur->coroutine = true;
            return visit_expr(st, e->v.Await.value);
        case EXPR_YIELD:
        case EXPR_YIELD_FROM: {
            const Expr *value = e->kind == EXPR_YIELD ? e->v.Yield.value : e->v.YieldFrom.value;
            if (value != NULL && visit_expr(st, value) < 0) {
                return -1;
            }
            st->cur->generator = true;
            if (st->cur->comprehension != COMP_NONE) {
                return ST_ERROR(st, e, yield_in_comprehension_message(st->cur->comprehension));
            }
            return 0;
        }
        case EXPR_COMPARE:
            if (visit_expr(st, e->v.Compare.left) < 0) {
                return -1;
            }
            return visit_exprs(st, e->v.Compare.comparators);
        case EXPR_CALL:
            if (visit_expr(st, e->v.Call.func) < 0 || visit_exprs(st, e->v.Call.args) < 0) {
                return -1;
            }
            for (size_t i = 0; i < e->v.Call.keywords.count; i++) {
                if (visit_expr(st, e->v.Call.keywords.items[i]->value) < 0) {
                    return -1;
                }
            }
            return 0;
        case EXPR_FORMATTED_VALUE:
            if (visit_expr(st, e->v.FormattedValue.value) < 0) {
                return -1;
            }
            return e->v.FormattedValue.format_spec != NULL
                       ? visit_expr(st, e->v.FormattedValue.format_spec)
                       : 0;
        case EXPR_JOINED_STR:
            return visit_exprs(st, e->v.JoinedStr.values);
        case EXPR_CONSTANT:
            return 0;
        case EXPR_ATTRIBUTE:
            return visit_expr(st, e->v.Attribute.value);
        case EXPR_SUBSCRIPT:
            if (visit_expr(st, e->v.Subscript.value) < 0) {
                return -1;
            }
            return visit_expr(st, e->v.Subscript.slice);
        case EXPR_STARRED:
            return visit_expr(st, e->v.Starred.value);
        case EXPR_SLICE:
            if (e->v.Slice.lower != NULL && visit_expr(st, e->v.Slice.lower) < 0) {
                return -1;
            }
            if (e->v.Slice.upper != NULL && visit_expr(st, e->v.Slice.upper) < 0) {
                return -1;
            }
            return e->v.Slice.step != NULL ? visit_expr(st, e->v.Slice.step) : 0;
        case EXPR_NAME: {
            bool load = e->v.Name.ctx == AST_LOAD;
            if (add_def(st, e->v.Name.id, load ? DEF_USE : DEF_LOCAL, LOC(e)) < 0) {
                return -1;
            }
            /* super() needs the __class__ cell of the enclosing class. */
            if (load && st->cur->kind == SCOPE_FUNCTION && str_equal_cstr(e->v.Name.id, "super")) {
                Object *cls = intern(st, "__class__");
                if (cls == NULL || add_def(st, cls, DEF_USE, LOC(e)) < 0) {
                    return -1;
                }
            }
            return 0;
        }
        case EXPR_LIST:
            return visit_exprs(st, e->v.List.elts);
        case EXPR_TUPLE:
            return visit_exprs(st, e->v.Tuple.elts);
        default:
            err_format(&ExcSystemError, "symtable: unknown expression kind %d", (int)e->kind);
            return -1;
    }
}

/* Deeply nested code ("1 + 1 + ... + 1" ten thousand times) would overflow
 * the C stack in the recursive passes; like CPython, refuse it. */
static int enter_recursion(SymTable *st) {
    if (++st->recursion_depth > st->recursion_limit) {
        st->recursion_depth--;
        err_set_string(&ExcRecursionError, "maximum recursion depth exceeded during compilation");
        return -1;
    }
    return 0;
}

static int visit_stmt(SymTable *st, const Stmt *s) {
    if (enter_recursion(st) < 0) {
        return -1;
    }
    int r = visit_stmt_inner(st, s);
    st->recursion_depth--;
    return r;
}

static int visit_expr(SymTable *st, const Expr *e) {
    if (enter_recursion(st) < 0) {
        return -1;
    }
    int r = visit_expr_inner(st, e);
    st->recursion_depth--;
    return r;
}

/* ================================================================ name sets (pass 2) */

/* A small open-addressing set of interned names (compared by pointer), for
 * the sets CPython's analysis passes around: bound, free, global. */
typedef struct NameSet {
    Object **slots; /* NULL: empty; TOMBSTONE: deleted */
    size_t capacity, used;
} NameSet;

#define TOMBSTONE ((Object *)(uintptr_t)1)

static void set_free(NameSet *s) {
    mem_free(s->slots);
    s->slots = NULL;
    s->capacity = s->used = 0;
}

static bool set_contains(const NameSet *s, Object *name) {
    if (s == NULL || s->capacity == 0) {
        return false;
    }
    size_t mask = s->capacity - 1;
    for (size_t i = pointer_hash(name) & mask;; i = (i + 1) & mask) {
        if (s->slots[i] == NULL) {
            return false;
        }
        if (s->slots[i] == name) {
            return true;
        }
    }
}

static int set_add(NameSet *s, Object *name);

static int set_resize(NameSet *s, size_t cap) {
    NameSet fresh = {mem_alloc_array(cap, sizeof(Object *)), cap, 0};
    if (fresh.slots == NULL) {
        return -1;
    }
    for (size_t i = 0; i < s->capacity; i++) {
        if (s->slots[i] != NULL && s->slots[i] != TOMBSTONE) {
            set_add(&fresh, s->slots[i]);
        }
    }
    mem_free(s->slots);
    *s = fresh;
    return 0;
}

static int set_add(NameSet *s, Object *name) {
    if ((s->used + 1) * 2 > s->capacity &&
        set_resize(s, s->capacity < 16 ? 16 : s->capacity * 2) < 0) {
        return -1;
    }
    size_t mask = s->capacity - 1;
    size_t i = pointer_hash(name) & mask;
    while (s->slots[i] != NULL) {
        if (s->slots[i] == name) {
            return 0;
        }
        i = (i + 1) & mask;
    }
    s->slots[i] = name;
    s->used++;
    return 0;
}

static void set_discard(NameSet *s, Object *name) {
    if (s == NULL || s->capacity == 0) {
        return;
    }
    size_t mask = s->capacity - 1;
    for (size_t i = pointer_hash(name) & mask; s->slots[i] != NULL; i = (i + 1) & mask) {
        if (s->slots[i] == name) {
            s->slots[i] = TOMBSTONE;
            return;
        }
    }
}

/* dst |= src */
static int set_update(NameSet *dst, const NameSet *src) {
    if (src == NULL) {
        return 0;
    }
    for (size_t i = 0; i < src->capacity; i++) {
        Object *n = src->slots[i];
        if (n != NULL && n != TOMBSTONE && set_add(dst, n) < 0) {
            return -1;
        }
    }
    return 0;
}

/* ================================================================ pass 2: analyse */

static int error_at_directive(SymTable *st, Scope *scope, Object *name, const char *fmt) {
    for (size_t i = 0; i < scope->ndirectives; i++) {
        Directive *d = &scope->directives[i];
        if (d->name == name) {
            return ST_ERROR(st, d, fmt, name);
        }
    }
    return symtable_syntax_error(st->filename, st->source, st->source_size, scope->lineno,
                                 scope->col_offset, scope->lineno, scope->col_offset, fmt, name);
}

/* Decide the scope of one name (CPython's analyze_name). `scopes` receives
 * the result in sym->scope. bound is NULL at module level. */
static int analyze_name(SymTable *st, Scope *scope, Symbol *sym, NameSet *bound, NameSet *local,
                        NameSet *free, NameSet *global) {
    Object *name = sym->name;
    int flags = sym->flags;
    if (flags & DEF_GLOBAL) {
        if (flags & DEF_NONLOCAL) {
            return error_at_directive(st, scope, name, "name '%U' is nonlocal and global");
        }
        sym->scope = SYM_GLOBAL_EXPLICIT;
        if (set_add(global, name) < 0) {
            return -1;
        }
        set_discard(bound, name);
        return 0;
    }
    if (flags & DEF_NONLOCAL) {
        if (bound == NULL) {
            return error_at_directive(st, scope, name,
                                      "nonlocal declaration not allowed at module level");
        }
        if (!set_contains(bound, name)) {
            return error_at_directive(st, scope, name, "no binding for nonlocal '%U' found");
        }
        sym->scope = SYM_FREE;
        scope->has_free = true;
        return set_add(free, name);
    }
    if (flags & DEF_BOUND) {
        sym->scope = SYM_LOCAL;
        if (set_add(local, name) < 0) {
            return -1;
        }
        set_discard(global, name);
        return 0;
    }
    if (bound != NULL && set_contains(bound, name)) {
        sym->scope = SYM_FREE;
        scope->has_free = true;
        return set_add(free, name);
    }
    if (set_contains(global, name)) {
        sym->scope = SYM_GLOBAL_IMPLICIT;
        return 0;
    }
    if (scope->nested) {
        scope->has_free = true;
    }
    sym->scope = SYM_GLOBAL_IMPLICIT;
    return 0;
}

/* Record the analysis, and the free variables of children that pass through
 * this scope (CPython's update_symbols). */
static int update_symbols(SymTable *st, Scope *scope, NameSet *bound, NameSet *free) {
    bool classflag = scope->kind == SCOPE_CLASS;
    for (size_t i = 0; i < free->capacity; i++) {
        Object *name = free->slots[i];
        if (name == NULL || name == TOMBSTONE) {
            continue;
        }
        Symbol *sym = scope_lookup(scope, name);
        if (sym != NULL) {
            /* A method's free variable with the same name as a class-level binding. */
            if (classflag && (sym->flags & (DEF_BOUND | DEF_GLOBAL))) {
                sym->flags |= DEF_FREE_CLASS;
            }
            continue; /* a cell, or already free here */
        }
        if (bound != NULL && !set_contains(bound, name)) {
            continue; /* a global */
        }
        sym = scope_insert(st, scope, name, 0);
        if (sym == NULL) {
            return -1;
        }
        sym->scope = SYM_FREE;
    }
    return 0;
}

static int analyze_block(SymTable *st, Scope *scope, NameSet *bound, NameSet *free,
                         NameSet *global);

/* Analyse a child with copies of the sets, then collect its free names. */
static int analyze_child_block(SymTable *st, Scope *child, NameSet *bound, NameSet *free,
                               NameSet *global, NameSet *child_free) {
    NameSet temp_bound = {0}, temp_free = {0}, temp_global = {0};
    int r = -1;
    if (set_update(&temp_bound, bound) < 0 || set_update(&temp_free, free) < 0 ||
        set_update(&temp_global, global) < 0) {
        goto done;
    }
    if (analyze_block(st, child, &temp_bound, &temp_free, &temp_global) < 0) {
        goto done;
    }
    r = set_update(child_free, &temp_free);
done:
    set_free(&temp_bound);
    set_free(&temp_free);
    set_free(&temp_global);
    return r;
}

/* CPython's analyze_block: resolve every name of `scope`, then of its
 * children, then turn locals captured by children into cells. On return,
 * `free` holds the names free in this scope or its children. */
static int analyze_block(SymTable *st, Scope *scope, NameSet *bound, NameSet *free,
                         NameSet *global) {
    NameSet local = {0}, newbound = {0}, newglobal = {0}, newfree = {0}, allfree = {0};
    int r = -1;

    /* Class bindings are not visible in methods: a class passes down what
     * it received, before looking at its own names. */
    if (scope->kind == SCOPE_CLASS) {
        if (set_update(&newglobal, global) < 0 || set_update(&newbound, bound) < 0) {
            goto done;
        }
    }
    for (size_t i = 0; i < scope->nsymbols; i++) {
        if (analyze_name(st, scope, &scope->symbols[i], bound, &local, free, global) < 0) {
            goto done;
        }
    }
    if (scope->kind != SCOPE_CLASS) {
        if (scope->kind == SCOPE_FUNCTION && set_update(&newbound, &local) < 0) {
            goto done;
        }
        if (set_update(&newbound, bound) < 0 || set_update(&newglobal, global) < 0) {
            goto done;
        }
    } else {
        Object *cls = intern(st, "__class__");
        if (cls == NULL || set_add(&newbound, cls) < 0) {
            goto done;
        }
    }
    for (size_t i = 0; i < scope->nchildren; i++) {
        Scope *child = scope->children[i];
        if (analyze_child_block(st, child, &newbound, &newfree, &newglobal, &allfree) < 0) {
            goto done;
        }
        if (child->has_free || child->child_free) {
            scope->child_free = true;
        }
    }
    if (set_update(&newfree, &allfree) < 0) {
        goto done;
    }
    if (scope->kind == SCOPE_FUNCTION) {
        /* Locals that children capture become cells. */
        for (size_t i = 0; i < scope->nsymbols; i++) {
            Symbol *sym = &scope->symbols[i];
            if (sym->scope == SYM_LOCAL && set_contains(&newfree, sym->name)) {
                sym->scope = SYM_CELL;
                set_discard(&newfree, sym->name);
            }
        }
    } else if (scope->kind == SCOPE_CLASS) {
        Object *cls = intern(st, "__class__");
        if (cls == NULL) {
            goto done;
        }
        if (set_contains(&newfree, cls)) {
            set_discard(&newfree, cls);
            scope->needs_class_closure = true;
        }
    }
    if (update_symbols(st, scope, bound, &newfree) < 0) {
        goto done;
    }
    r = set_update(free, &newfree);
done:
    set_free(&local);
    set_free(&newbound);
    set_free(&newglobal);
    set_free(&newfree);
    set_free(&allfree);
    return r;
}

/* ================================================================ entry point */

SymTable *symtable_build(Arena *arena, const Mod *mod, Object *filename, const char *source,
                         size_t source_size) {
    SymTable *st = arena_alloc(arena, sizeof(SymTable));
    if (st == NULL) {
        return NULL;
    }
    st->arena = arena;
    st->filename = filename;
    st->source = source;
    st->source_size = source_size;
    /* CPython allows three levels of nesting per level of the recursion limit. */
    ThreadState *ts = ts_current();
    int limit = ts != NULL && ts->interp != NULL ? ts->interp->recursion_limit : 1000;
    st->recursion_depth = ts != NULL ? ts->recursion_depth * 3 : 0;
    st->recursion_limit = limit * 3;
    Object *top = intern(st, "top");
    if (top == NULL || enter_block(st, top, SCOPE_MODULE, NULL, 0, 0) < 0) {
        return NULL;
    }
    int r = 0;
    switch (mod->kind) {
        case MOD_MODULE:
            r = visit_stmts(st, mod->v.Module.body);
            break;
        case MOD_INTERACTIVE:
            r = visit_stmts(st, mod->v.Interactive.body);
            break;
        case MOD_EXPRESSION:
            r = visit_expr(st, mod->v.Expression.body);
            break;
        default:
            err_set_string(&ExcSystemError, "symtable: unknown module kind");
            return NULL;
    }
    if (r < 0) {
        return NULL;
    }
    exit_block(st);
    NameSet free = {0}, global = {0};
    r = analyze_block(st, st->top, NULL, &free, &global);
    set_free(&free);
    set_free(&global);
    return r < 0 ? NULL : st;
}
