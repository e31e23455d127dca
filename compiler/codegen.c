/* codegen.c: the code generator. It walks the AST and emits, for each scope
 * (module, class body, function, lambda, comprehension), an instruction list
 * with labels and exception-handler regions, following CPython 3.11's
 * Python/compile.c closely (same instruction sequences, same positions, same
 * SyntaxErrors). compile.c's assembler turns each list into a CodeObject.
 *
 * How exceptions are compiled (zero-cost, as CPython 3.11): there is no
 * "setup" instruction at run time. While generating code we keep a stack of
 * active handlers; every emitted instruction records the innermost one, and
 * the assembler turns runs of instructions with the same handler into the
 * exception table. `return`/`break`/`continue` inside try/finally or with
 * blocks copy the cleanup code (the finally body, the __exit__ call) onto
 * their own exit path, as CPython does. */
#include "codegen.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "compile.h"
#include "errors.h"
#include "exceptions.h"
#include "float.h"
#include "int.h"
#include "memory.h"
#include "opcode.h"
#include "set.h"
#include "str.h"
#include "tuple.h"

/* CPython: avoid pushing more than this many items for one display/call. */
#define STACK_USE_GUIDELINE 30
/* CPython's CO_MAXBLOCKS: "too many statically nested blocks". */
#define MAX_BLOCKS 20

/* ================================================================ data */

typedef enum {
    UNIT_MODULE,
    UNIT_CLASS,
    UNIT_FUNCTION,
    UNIT_LAMBDA,
    UNIT_COMPREHENSION,
} UnitKind;

/* Blocks that `return`, `break` and `continue` must unwind (CPython's fblocks). */
typedef enum {
    FB_WHILE_LOOP,
    FB_FOR_LOOP,
    FB_TRY_EXCEPT,
    FB_FINALLY_TRY,
    FB_FINALLY_END,
    FB_WITH,
    FB_HANDLER_CLEANUP,
    FB_POP_VALUE,
    FB_EXCEPTION_HANDLER,
} FBlockKind;

typedef struct FBlock {
    FBlockKind kind;
    int32_t block_label;      /* loops: the `continue` target */
    int32_t exit_label;       /* loops: the `break` target */
    const StmtSeq *finalbody; /* FB_FINALLY_TRY */
    Object *name;             /* FB_HANDLER_CLEANUP: `except E as name`, or NULL */
    const Stmt *stmt;         /* FB_WITH: the with statement (position) */
    size_t handler_depth;     /* handler-stack size outside this block's handlers */
} FBlock;

typedef struct Unit {
    CodeUnit code;
    struct Unit *parent;
    UnitKind kind;
    Scope *scope;
    Object *private_name; /* class name for __mangling, or NULL */
    SourcePosition loc;   /* position given to the next instruction */
    FBlock fblocks[MAX_BLOCKS];
    int nfblocks;
    int32_t *hstack; /* active exception handlers (indices in code.handlers) */
    size_t nhstack, hstack_capacity;
    int32_t *const_index; /* hash of co_consts: index + 1, 0 = empty */
    size_t const_index_capacity;
} Unit;

typedef struct Compiler {
    Arena *arena;
    SymTable *st;
    Object *filename;
    const char *source;
    size_t source_size;
    bool interactive;        /* COMPILE_SINGLE: module-level expression statements print */
    bool future_annotations; /* `from __future__ import annotations`: annotations are strs */
    int nest_level;          /* 1 in the module unit */
    Unit *u;
} Compiler;

#define LOC_OF(n) \
    ((SourcePosition){(n)->lineno, (n)->end_lineno, (n)->col_offset, (n)->end_col_offset})

#define TRY(x)         \
    do {               \
        if ((x) < 0) { \
            return -1; \
        }              \
    } while (0)

static int compile_stmt(Compiler *c, const Stmt *s);
static int compile_stmts(Compiler *c, StmtSeq seq);
static int compile_expr(Compiler *c, const Expr *e);
static int compile_expr_inner(Compiler *c, const Expr *e);
static int compile_jump_if(Compiler *c, const Expr *e, int32_t label, bool cond);

/* ================================================================ errors */

/* Raise SyntaxError(msg) at the current position (CPython's compiler_error). */
static int compiler_error(Compiler *c, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    Object *msg = str_from_vformat(fmt, ap);
    va_end(ap);
    if (msg == NULL) {
        return -1;
    }
    SourcePosition p = c->u->loc;
    symtable_syntax_error(c->filename, c->source, c->source_size, p.line, p.col, p.end_line,
                          p.end_col, "%U", msg);
    DECREF(msg);
    return -1;
}

/* ================================================================ arena arrays */

static int grow(Arena *arena, void **items, size_t *capacity, size_t need, size_t size) {
    if (need <= *capacity) {
        return 0;
    }
    size_t cap = *capacity < 16 ? 16 : *capacity * 2;
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

#define GROW(c, arr, cap, need) grow((c)->arena, (void **)&(arr), &(cap), (need), sizeof(*(arr)))

/* Keep `obj` (a new reference, stolen) alive until the arena dies. Returns it
 * borrowed, or NULL. */
static Object *keep(Compiler *c, Object *obj) {
    if (obj == NULL || arena_add_object(c->arena, obj) < 0) {
        return NULL;
    }
    return obj;
}

static Object *intern(Compiler *c, const char *s) {
    return keep(c, str_intern_cstr(s));
}

/* ================================================================ emitting */

static int emit(Compiler *c, Opcode op, uint32_t arg) {
    Unit *u = c->u;
    CodeUnit *cu = &u->code;
    if (arg > 0xffffffu) {
        err_set_string(&ExcSystemError, "compiler: instruction operand too large");
        return -1;
    }
    if (GROW(c, cu->instrs, cu->instrs_capacity, cu->ninstrs + 1) < 0) {
        return -1;
    }
    CgInstr *in = &cu->instrs[cu->ninstrs++];
    in->opcode = (uint8_t)op;
    in->arg = arg;
    in->handler = u->nhstack > 0 ? u->hstack[u->nhstack - 1] : -1;
    in->pos = u->loc;
    return 0;
}

#define EMIT(c, op, arg) TRY(emit((c), OP_##op, (uint32_t)(arg)))

static int32_t new_label(Compiler *c) {
    CodeUnit *cu = &c->u->code;
    if (GROW(c, cu->labels, cu->labels_capacity, cu->nlabels + 1) < 0) {
        return -1;
    }
    cu->labels[cu->nlabels] = -1;
    return (int32_t)cu->nlabels++;
}

#define NEW_LABEL(c, var)       \
    int32_t var = new_label(c); \
    TRY(var)

static void bind_label(Compiler *c, int32_t label) {
    c->u->code.labels[label] = (int32_t)c->u->code.ninstrs;
}

/* Jumps: `label` until the assembler resolves it. JUMP_FORWARD stands for
 * any unconditional jump (the assembler picks the direction). */
static int emit_jump(Compiler *c, Opcode op, int32_t label) {
    return emit(c, op, (uint32_t)label);
}

#define EMIT_JUMP(c, op, label) TRY(emit_jump((c), OP_##op, (label)))

/* Start a protected region whose handler is at `label`. `lasti`: the VM
 * pushes the raising instruction's index before the exception. `adjust` is
 * added to the stack depth measured at the start of the region (-1 for
 * `with`, whose region starts while __enter__'s result is still on the
 * stack). Returns the handler's index, pushed on the handler stack. */
static int32_t push_handler(Compiler *c, int32_t label, bool lasti, int adjust) {
    Unit *u = c->u;
    CodeUnit *cu = &u->code;
    if (GROW(c, cu->handlers, cu->handlers_capacity, cu->nhandlers + 1) < 0 ||
        GROW(c, u->hstack, u->hstack_capacity, u->nhstack + 1) < 0) {
        return -1;
    }
    CgHandler *h = &cu->handlers[cu->nhandlers];
    h->label = label;
    h->setup = (int32_t)cu->ninstrs;
    h->adjust = adjust;
    h->lasti = lasti;
    u->hstack[u->nhstack++] = (int32_t)cu->nhandlers;
    return (int32_t)cu->nhandlers++;
}

/* Re-activate a handler created earlier (the same region continues). */
static int repush_handler(Compiler *c, int32_t handler) {
    Unit *u = c->u;
    if (GROW(c, u->hstack, u->hstack_capacity, u->nhstack + 1) < 0) {
        return -1;
    }
    u->hstack[u->nhstack++] = handler;
    return 0;
}

static void pop_handler(Compiler *c) {
    c->u->nhstack--;
}

/* ================================================================ tables */

/* Two constants are the same entry of co_consts only if they have the same
 * type and value (1, 1.0 and True are three constants; so are 0.0 and -0.0). */
static bool const_same(Object *a, Object *b) {
    if (a == b) {
        return true;
    }
    if (is_small_int(a) || is_small_int(b) || obj_type(a) != obj_type(b)) {
        return false;
    }
    TypeObject *t = obj_type(a);
    if (t == &IntType) {
        return int_compare(a, b) == 0;
    }
    if (t == &FloatType) {
        double x = float_value(a), y = float_value(b);
        return memcmp(&x, &y, sizeof(double)) == 0;
    }
    if (t == &StrType) {
        return str_equal(a, b);
    }
    if (t == &BytesType) {
        return bytes_size(a) == bytes_size(b) &&
               memcmp(bytes_data(a), bytes_data(b), bytes_size(a)) == 0;
    }
    if (t == &TupleType) {
        size_t n = tuple_size(a);
        if (n != tuple_size(b)) {
            return false;
        }
        for (size_t i = 0; i < n; i++) {
            if (!const_same(tuple_get(a, i), tuple_get(b, i))) {
                return false;
            }
        }
        return true;
    }
    return false;
}

/* True for a str made only of identifier characters (CPython interns those
 * constants, so equal ones are the same object everywhere). */
static bool is_name_like(Object *v) {
    if (is_small_int(v) || v->type != &StrType) {
        return false;
    }
    for (const char *p = str_utf8(v); *p != '\0'; p++) {
        char ch = *p;
        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
              ch == '_')) {
            return false;
        }
    }
    return true;
}

/* A hash consistent with const_same (never fails: unhashable constants do
 * not exist). */
static size_t const_hash(Object *v) {
    if (is_small_int(v)) {
        return (size_t)(uintptr_t)v * 0x9E3779B97F4A7C15ull;
    }
    TypeObject *t = v->type;
    size_t h = (size_t)((uintptr_t)t >> 4);
    if (t == &IntType) {
        h ^= (size_t)int_hash(v);
    } else if (t == &FloatType) {
        double d = float_value(v);
        uint64_t bits;
        memcpy(&bits, &d, sizeof(bits));
        h ^= (size_t)bits;
    } else if (t == &StrType) {
        h ^= (size_t)str_hash(v);
    } else if (t == &BytesType) {
        for (size_t i = 0; i < bytes_size(v); i++) {
            h = (h ^ (unsigned char)bytes_data(v)[i]) * 1099511628211ull;
        }
    } else if (t == &TupleType) {
        for (size_t i = 0; i < tuple_size(v); i++) {
            h = (h ^ const_hash(tuple_get(v, i))) * 1099511628211ull;
        }
    } else {
        h ^= (size_t)((uintptr_t)v >> 4);
    }
    return h * 0x9E3779B97F4A7C15ull;
}

/* Index of `value` (borrowed; the arena must keep it alive) in co_consts,
 * adding it if needed. Equal constants share one entry (CPython's
 * const cache); code objects are never shared. */
static int64_t add_const(Compiler *c, Object *value) {
    Unit *u = c->u;
    CodeUnit *cu = &u->code;
    if (is_name_like(value)) {
        Object *v = NEWREF(value);
        str_intern_in_place(&v);
        if (keep(c, v) == NULL) {
            return -1;
        }
        value = v;
    }
    bool code_object = !is_small_int(value) && value->type == &CodeType;
    size_t h = const_hash(value);
    if (!code_object && u->const_index_capacity > 0) {
        size_t mask = u->const_index_capacity - 1;
        for (size_t i = h & mask; u->const_index[i] != 0; i = (i + 1) & mask) {
            if (const_same(cu->consts[u->const_index[i] - 1], value)) {
                return (int64_t)(u->const_index[i] - 1);
            }
        }
    }
    if (GROW(c, cu->consts, cu->consts_capacity, cu->nconsts + 1) < 0) {
        return -1;
    }
    int64_t index = (int64_t)cu->nconsts++;
    cu->consts[index] = value;
    if (code_object) {
        return index;
    }
    if (cu->nconsts * 2 > u->const_index_capacity) {
        /* Rebuild the index, twice as large. */
        size_t cap = u->const_index_capacity < 32 ? 32 : u->const_index_capacity * 2;
        int32_t *table = arena_alloc(c->arena, cap * sizeof(int32_t));
        if (table == NULL) {
            return -1;
        }
        for (size_t k = 0; k < cu->nconsts; k++) {
            Object *v = cu->consts[k];
            if (!is_small_int(v) && v->type == &CodeType) {
                continue;
            }
            size_t i = const_hash(v) & (cap - 1);
            while (table[i] != 0) {
                i = (i + 1) & (cap - 1);
            }
            table[i] = (int32_t)k + 1;
        }
        u->const_index = table;
        u->const_index_capacity = cap;
        return index;
    }
    size_t mask = u->const_index_capacity - 1;
    size_t i = h & mask;
    while (u->const_index[i] != 0) {
        i = (i + 1) & mask;
    }
    u->const_index[i] = (int32_t)index + 1;
    return index;
}

static int emit_load_const(Compiler *c, Object *value) {
    int64_t i = add_const(c, value);
    TRY(i);
    return emit(c, OP_LOAD_CONST, (uint32_t)i);
}

#define EMIT_CONST(c, value) TRY(emit_load_const((c), (value)))

/* Index of `name` in an array of interned names, appending it if missing. */
static int64_t name_index(Compiler *c, Object ***items, size_t *n, size_t *cap, Object *name) {
    for (size_t i = 0; i < *n; i++) {
        if ((*items)[i] == name) {
            return (int64_t)i;
        }
    }
    if (grow(c->arena, (void **)items, cap, *n + 1, sizeof(Object *)) < 0) {
        return -1;
    }
    (*items)[*n] = name;
    return (int64_t)(*n)++;
}

static Object *mangle(Compiler *c, Object *name) {
    return symtable_mangle(c->arena, c->u->private_name, name);
}

/* Emit an instruction whose operand is co_names[name] (mangled, as CPython's ADDOP_NAME). */
static int emit_name(Compiler *c, Opcode op, Object *name) {
    Object *mangled = mangle(c, name);
    if (mangled == NULL) {
        return -1;
    }
    CodeUnit *cu = &c->u->code;
    int64_t i = name_index(c, &cu->names, &cu->nnames, &cu->names_capacity, mangled);
    TRY(i);
    return emit(c, op, (uint32_t)i);
}

#define EMIT_NAME(c, op, name) TRY(emit_name((c), OP_##op, (name)))

/* Index of a cell or free variable in cellvars + freevars, or -1 (SystemError). */
static int64_t deref_index(Compiler *c, Object *name, bool want_cell) {
    CodeUnit *cu = &c->u->code;
    if (want_cell) {
        for (size_t i = 0; i < cu->ncellvars; i++) {
            if (cu->cellvars[i] == name) {
                return (int64_t)i;
            }
        }
    } else {
        for (size_t i = 0; i < cu->nfreevars; i++) {
            if (cu->freevars[i] == name) {
                return (int64_t)(cu->ncellvars + i);
            }
        }
    }
    err_format(&ExcSystemError, "compiler: no cell for %R in %U", name, cu->name);
    return -1;
}

/* ================================================================ units (scopes) */

static int name_compare(const void *a, const void *b) {
    return strcmp(str_utf8(*(Object *const *)a), str_utf8(*(Object *const *)b));
}

/* Qualified name as CPython's compiler_set_qualname: `f.<locals>.g`, `C.m`. */
static Object *make_qualname(Compiler *c, Unit *u) {
    Unit *parent = u->parent;
    if (parent == NULL || parent->kind == UNIT_MODULE) {
        return u->code.name;
    }
    if (u->kind == UNIT_FUNCTION || u->kind == UNIT_CLASS) {
        Object *mangled = symtable_mangle(c->arena, parent->private_name, u->code.name);
        if (mangled == NULL) {
            return NULL;
        }
        if (scope_symbol_scope(parent->scope, mangled) == SYM_GLOBAL_EXPLICIT) {
            return u->code.name;
        }
    }
    const char *suffix =
        parent->kind == UNIT_FUNCTION || parent->kind == UNIT_LAMBDA ? ".<locals>." : ".";
    return keep(c, str_from_format("%U%s%U", parent->code.qualname, suffix, u->code.name));
}

/* Open a code unit for the scope created by AST node `key` (NULL: module). */
static int unit_enter(Compiler *c, UnitKind kind, Object *name, const void *key, int firstlineno) {
    Unit *u = arena_alloc(c->arena, sizeof(Unit));
    if (u == NULL) {
        return -1;
    }
    Scope *scope = key != NULL ? symtable_scope_of(c->st, key) : c->st->top;
    if (scope == NULL) {
        err_set_string(&ExcSystemError, "compiler: no symbol table for scope");
        return -1;
    }
    u->parent = c->u;
    u->kind = kind;
    u->scope = scope;
    u->private_name = c->u != NULL ? c->u->private_name : NULL;
    u->loc = (SourcePosition){firstlineno, firstlineno, 0, 0};
    CodeUnit *cu = &u->code;
    cu->name = name;
    cu->filename = c->filename;
    cu->firstlineno = firstlineno;
    c->u = u;
    c->nest_level++;

    /* Parameters first (the symbol table recorded them in order). */
    for (size_t i = 0; i < scope->nparams; i++) {
        TRY(name_index(c, &cu->varnames, &cu->nvarnames, &cu->varnames_capacity, scope->params[i]));
    }
    /* Cells and free variables, sorted by name as CPython does. */
    size_t ncell = 0, nfree = 0;
    for (size_t i = 0; i < scope->nsymbols; i++) {
        Symbol *sym = &scope->symbols[i];
        if (sym->scope == SYM_CELL) {
            ncell++;
        } else if (sym->scope == SYM_FREE || (sym->flags & DEF_FREE_CLASS)) {
            nfree++;
        }
    }
    if (scope->needs_class_closure) {
        ncell++;
    }
    cu->cellvars = arena_alloc(c->arena, (ncell + 1) * sizeof(Object *));
    cu->freevars = arena_alloc(c->arena, (nfree + 1) * sizeof(Object *));
    if (cu->cellvars == NULL || cu->freevars == NULL) {
        return -1;
    }
    if (scope->needs_class_closure) {
        Object *cls = intern(c, "__class__");
        if (cls == NULL) {
            return -1;
        }
        cu->cellvars[cu->ncellvars++] = cls;
    }
    for (size_t i = 0; i < scope->nsymbols; i++) {
        Symbol *sym = &scope->symbols[i];
        if (sym->scope == SYM_CELL) {
            cu->cellvars[cu->ncellvars++] = sym->name;
        } else if (sym->scope == SYM_FREE || (sym->flags & DEF_FREE_CLASS)) {
            cu->freevars[cu->nfreevars++] = sym->name;
        }
    }
    qsort(cu->cellvars, cu->ncellvars, sizeof(Object *), name_compare);
    qsort(cu->freevars, cu->nfreevars, sizeof(Object *), name_compare);

    if (scope->kind == SCOPE_FUNCTION) {
        cu->flags |= CODE_FLAG_NEWLOCALS;
        if (scope->nested) {
            cu->flags |= CODE_FLAG_NESTED;
        }
        if (scope->generator) {
            cu->flags |= CODE_FLAG_GENERATOR;
        }
        if (scope->varargs) {
            cu->flags |= CODE_FLAG_VARARGS;
        }
        if (scope->varkeywords) {
            cu->flags |= CODE_FLAG_VARKEYWORDS;
        }
    } else {
        cu->flags |= CODE_FLAG_MODULE;
    }
    if (kind == UNIT_MODULE) {
        cu->qualname = name;
    } else {
        cu->qualname = make_qualname(c, u);
        if (cu->qualname == NULL) {
            return -1;
        }
    }
    if (cu->flags & CODE_FLAG_GENERATOR) {
        EMIT(c, RETURN_GENERATOR, 0);
    }
    return 0;
}

/* True when control cannot fall off the end of the unit's code. */
static bool unit_ends_terminally(const Unit *u) {
    const CodeUnit *cu = &u->code;
    if (cu->ninstrs == 0) {
        return false;
    }
    for (size_t i = 0; i < cu->nlabels; i++) {
        if (cu->labels[i] == (int32_t)cu->ninstrs) {
            return false; /* something jumps to the end */
        }
    }
    switch (cu->instrs[cu->ninstrs - 1].opcode) {
        case OP_RETURN_VALUE:
        case OP_RAISE_VARARGS:
        case OP_RERAISE:
        case OP_JUMP_FORWARD:
        case OP_JUMP_BACKWARD:
            return true;
        default:
            return false;
    }
}

/* Close the current unit: add the implicit `return None` if needed,
 * assemble it, and return to the parent. New reference or NULL. */
static CodeObject *unit_finish(Compiler *c, bool add_return_none) {
    Unit *u = c->u;
    CodeObject *code = NULL;
    if (add_return_none && !unit_ends_terminally(u)) {
        if (emit_load_const(c, None) < 0 || emit(c, OP_RETURN_VALUE, 0) < 0) {
            goto done;
        }
    }
    code = compile_assemble(&u->code);
done:
    c->u = u->parent;
    c->nest_level--;
    return code;
}

/* Leave the current unit after an error. */
static void unit_abandon(Compiler *c) {
    c->u = c->u->parent;
    c->nest_level--;
}

/* ================================================================ fblocks */

static int push_fblock(Compiler *c, FBlockKind kind, int32_t block_label, int32_t exit_label,
                       size_t handler_depth) {
    Unit *u = c->u;
    if (u->nfblocks >= MAX_BLOCKS) {
        return compiler_error(c, "too many statically nested blocks");
    }
    FBlock *f = &u->fblocks[u->nfblocks++];
    memset(f, 0, sizeof(*f));
    f->kind = kind;
    f->block_label = block_label;
    f->exit_label = exit_label;
    f->handler_depth = handler_depth;
    return 0;
}

static void pop_fblock(Compiler *c) {
    c->u->nfblocks--;
}

static FBlock *top_fblock(Compiler *c) {
    return &c->u->fblocks[c->u->nfblocks - 1];
}

/* Call the __exit__ below TOS with (None, None, None). */
static int call_exit_with_nones(Compiler *c) {
    EMIT_CONST(c, None);
    EMIT_CONST(c, None);
    EMIT_CONST(c, None);
    EMIT(c, CALL, 3);
    return 0;
}

static int compile_nameop(Compiler *c, Object *name, AstExprContext ctx);

/* Emit the code that leaves block `f` early (CPython's compiler_unwind_fblock).
 * preserve_tos: a return value sits on top of the stack and must survive. */
static int unwind_fblock(Compiler *c, const FBlock *f, bool preserve_tos) {
    Unit *u = c->u;
    u->nhstack = f->handler_depth; /* POP_BLOCK: the block's handlers end here */
    switch (f->kind) {
        case FB_WHILE_LOOP:
        case FB_EXCEPTION_HANDLER:
            return 0;
        case FB_FOR_LOOP:
            if (preserve_tos) {
                EMIT(c, SWAP, 2);
            }
            EMIT(c, POP_TOP, 0); /* the iterator */
            return 0;
        case FB_TRY_EXCEPT:
            return 0;
        case FB_FINALLY_TRY: {
            if (preserve_tos) {
                TRY(push_fblock(c, FB_POP_VALUE, -1, -1, u->nhstack));
            }
            TRY(compile_stmts(c, *f->finalbody));
            if (preserve_tos) {
                pop_fblock(c);
            }
            return 0;
        }
        case FB_FINALLY_END:
            if (preserve_tos) {
                EMIT(c, SWAP, 2);
            }
            EMIT(c, POP_TOP, 0); /* the exception */
            if (preserve_tos) {
                EMIT(c, SWAP, 2);
            }
            EMIT(c, POP_EXCEPT, 0);
            return 0;
        case FB_WITH: {
            SourcePosition saved = u->loc;
            u->loc = LOC_OF(f->stmt);
            if (preserve_tos) {
                EMIT(c, SWAP, 2);
            }
            TRY(call_exit_with_nones(c));
            EMIT(c, POP_TOP, 0);
            u->loc = saved;
            return 0;
        }
        case FB_HANDLER_CLEANUP:
            if (preserve_tos) {
                EMIT(c, SWAP, 2);
            }
            EMIT(c, POP_EXCEPT, 0);
            if (f->name != NULL) {
                EMIT_CONST(c, None);
                TRY(compile_nameop(c, f->name, AST_STORE));
                TRY(compile_nameop(c, f->name, AST_DEL));
            }
            return 0;
        case FB_POP_VALUE:
            if (preserve_tos) {
                EMIT(c, SWAP, 2);
            }
            EMIT(c, POP_TOP, 0);
            return 0;
    }
    return 0;
}

/* Unwind every block up to (not including) the innermost loop when `loop`
 * is non-NULL (break/continue), or all of them (return). */
static int unwind_fblock_stack(Compiler *c, bool preserve_tos, FBlock **loop) {
    Unit *u = c->u;
    if (u->nfblocks == 0) {
        return 0;
    }
    FBlock *top = &u->fblocks[u->nfblocks - 1];
    if (loop != NULL && (top->kind == FB_WHILE_LOOP || top->kind == FB_FOR_LOOP)) {
        *loop = top;
        return 0;
    }
    FBlock copy = *top;
    u->nfblocks--;
    int r = unwind_fblock(c, &copy, preserve_tos);
    if (r == 0) {
        r = unwind_fblock_stack(c, preserve_tos, loop);
    }
    u->fblocks[u->nfblocks++] = copy;
    return r;
}

/* Save / restore the handler stack around code that leaves blocks early. */
typedef struct HandlerStackCopy {
    int32_t *items;
    size_t n;
} HandlerStackCopy;

static int save_handlers(Compiler *c, HandlerStackCopy *copy) {
    Unit *u = c->u;
    copy->n = u->nhstack;
    copy->items = arena_alloc(c->arena, (u->nhstack + 1) * sizeof(int32_t));
    if (copy->items == NULL) {
        return -1;
    }
    if (u->nhstack > 0) {
        memcpy(copy->items, u->hstack, u->nhstack * sizeof(int32_t));
    }
    return 0;
}

static void restore_handlers(Compiler *c, const HandlerStackCopy *copy) {
    if (copy->n > 0) {
        memcpy(c->u->hstack, copy->items, copy->n * sizeof(int32_t));
    }
    c->u->nhstack = copy->n;
}

/* ================================================================ names */

static bool in_function_scope(const Compiler *c) {
    return c->u->scope->kind == SCOPE_FUNCTION;
}

/* Load, store or delete a variable with the right family of opcodes
 * (CPython's compiler_nameop): fast locals in functions, cells for captured
 * variables, globals, and the dict-based *_NAME forms in module and class
 * bodies. */
static int compile_nameop(Compiler *c, Object *name, AstExprContext ctx) {
    enum { FAMILY_NAME, FAMILY_FAST, FAMILY_GLOBAL, FAMILY_DEREF };
    /* Indexed by family, then by ctx (AST_LOAD, AST_STORE, AST_DEL). */
    static const Opcode ops[4][3] = {
        [FAMILY_NAME] = {OP_LOAD_NAME, OP_STORE_NAME, OP_DELETE_NAME},
        [FAMILY_FAST] = {OP_LOAD_FAST, OP_STORE_FAST, OP_DELETE_FAST},
        [FAMILY_GLOBAL] = {OP_LOAD_GLOBAL, OP_STORE_GLOBAL, OP_DELETE_GLOBAL},
        [FAMILY_DEREF] = {OP_LOAD_DEREF, OP_STORE_DEREF, OP_DELETE_DEREF},
    };
    if (ctx == AST_LOAD && str_equal_cstr(name, "__debug__")) {
        return emit_load_const(c, True);
    }
    Object *mangled = mangle(c, name);
    if (mangled == NULL) {
        return -1;
    }
    Unit *u = c->u;
    CodeUnit *cu = &u->code;
    int scope = scope_symbol_scope(u->scope, mangled);
    bool fn = in_function_scope(c);
    int family = FAMILY_NAME;
    switch (scope) {
        case SYM_FREE:
        case SYM_CELL:
            family = FAMILY_DEREF;
            break;
        case SYM_LOCAL:
            family = fn ? FAMILY_FAST : FAMILY_NAME;
            break;
        case SYM_GLOBAL_IMPLICIT:
            family = fn ? FAMILY_GLOBAL : FAMILY_NAME;
            break;
        case SYM_GLOBAL_EXPLICIT:
            family = FAMILY_GLOBAL;
            break;
        default: /* not in the symbol table: __doc__, __module__, __classcell__... */
            break;
    }
    Opcode op = ops[family][ctx];
    int64_t index;
    if (family == FAMILY_DEREF) {
        /* A class body reads a free variable from its namespace first. */
        if (op == OP_LOAD_DEREF && u->scope->kind == SCOPE_CLASS) {
            op = OP_LOAD_CLASSDEREF;
        }
        index = deref_index(c, mangled, scope == SYM_CELL);
    } else if (family == FAMILY_FAST) {
        index = name_index(c, &cu->varnames, &cu->nvarnames, &cu->varnames_capacity, mangled);
    } else {
        index = name_index(c, &cu->names, &cu->nnames, &cu->names_capacity, mangled);
    }
    TRY(index);
    return emit(c, op, (uint32_t)index);
}

static int nameop_cstr(Compiler *c, const char *name, AstExprContext ctx) {
    Object *o = intern(c, name);
    if (o == NULL) {
        return -1;
    }
    return compile_nameop(c, o, ctx);
}

/* ================================================================ constant folding */

/* The value of `e` when it is a compile-time constant (a Constant, a tuple
 * of constants, or simple arithmetic on numbers), else NULL. Never raises:
 * an operation that would fail is simply not folded. Borrowed result (the
 * arena keeps it). */
static Object *fold_constant(Compiler *c, const Expr *e);

static bool is_number(Object *v) {
    return int_check_exact(v) || (!is_small_int(v) && v->type == &FloatType);
}

/* Bit length of a small int (0 for big ints: we do not fold those). */
static int small_bits(Object *v) {
    if (!is_small_int(v)) {
        return 1000;
    }
    intptr_t x = small_int_value(v);
    uintptr_t m = x < 0 ? (uintptr_t)(-(x + 1)) + 1 : (uintptr_t)x;
    int bits = 0;
    while (m != 0) {
        bits++;
        m >>= 1;
    }
    return bits;
}

static Object *fold_binop(Compiler *c, Object *l, Object *r, BinaryOp op) {
    if (!is_small_int(l) && l->type == &StrType) {
        /* 'ab' + 'cd' and 'ab' * 3, within CPython's size limit. */
        bool ok = false;
        if (op == BINOP_ADD && !is_small_int(r) && r->type == &StrType) {
            ok = str_size(l) + str_size(r) <= 4096;
        } else if (op == BINOP_MUL && is_small_int(r)) {
            intptr_t n = small_int_value(r);
            ok = n >= 0 && n <= 4096 && str_size(l) * (size_t)n <= 4096;
        }
        if (!ok) {
            return NULL;
        }
    } else {
        if (!is_number(l) || !is_number(r)) {
            return NULL;
        }
        if (obj_type(l) == &IntType && obj_type(r) == &IntType) {
            /* Keep folded ints small, as CPython limits them to 128 bits. */
            int lb = small_bits(l), rb = small_bits(r);
            if (lb > 62 || rb > 62) {
                return NULL;
            }
            if (op == BINOP_POW && small_int_value(r) > 0 &&
                (intptr_t)lb * small_int_value(r) > 128) {
                return NULL;
            }
            if (op == BINOP_LSHIFT && small_int_value(r) + lb > 128) {
                return NULL;
            }
        }
    }
    Object *v = obj_binary_op(l, r, op);
    if (v == NULL) {
        err_clear(); /* e.g. 1/0: left for run time, which raises with a traceback */
        return NULL;
    }
    return keep(c, v);
}

static Object *fold_constant(Compiler *c, const Expr *e) {
    switch (e->kind) {
        case EXPR_CONSTANT:
            return e->v.Constant.value;
        case EXPR_UNARY_OP: {
            if (e->v.UnaryOp.op == AST_NOT) {
                return NULL;
            }
            Object *v = fold_constant(c, e->v.UnaryOp.operand);
            if (v == NULL || !is_number(v)) {
                return NULL;
            }
            if (e->v.UnaryOp.op == AST_INVERT && obj_type(v) != &IntType) {
                return NULL;
            }
            UnaryOp op = e->v.UnaryOp.op == AST_USUB   ? UNARY_NEG
                         : e->v.UnaryOp.op == AST_UADD ? UNARY_POS
                                                       : UNARY_INVERT;
            Object *r = obj_unary_op(v, op);
            if (r == NULL) {
                err_clear();
                return NULL;
            }
            return keep(c, r);
        }
        case EXPR_BIN_OP: {
            Object *l = fold_constant(c, e->v.BinOp.left);
            if (l == NULL) {
                return NULL;
            }
            Object *r = fold_constant(c, e->v.BinOp.right);
            if (r == NULL) {
                return NULL;
            }
            return fold_binop(c, l, r, e->v.BinOp.op);
        }
        case EXPR_TUPLE: {
            if (e->v.Tuple.ctx != AST_LOAD) {
                return NULL;
            }
            size_t n = e->v.Tuple.elts.count;
            Object *small[16] = {NULL};
            Object **items = n <= 16 ? small : mem_alloc_array(n, sizeof(Object *));
            if (items == NULL) {
                err_clear();
                return NULL;
            }
            Object *result = NULL;
            size_t i = 0;
            for (; i < n; i++) {
                items[i] = fold_constant(c, e->v.Tuple.elts.items[i]);
                if (items[i] == NULL) {
                    break;
                }
            }
            if (i == n) {
                result = keep(c, tuple_from_array(items, n));
                if (result == NULL) {
                    err_clear();
                }
            }
            if (items != small) {
                mem_free(items);
            }
            return result;
        }
        default:
            return NULL;
    }
}

/* ================================================================ expressions */

/* Position of an attribute access: the whole `a.b` unless it spans lines,
 * then just the attribute name on the last line (CPython's
 * update_start_location_to_match_attr). */
static SourcePosition attribute_loc(const Expr *e) {
    SourcePosition p = LOC_OF(e);
    if (p.line != e->end_lineno || e->lineno != e->end_lineno) {
        p.line = e->end_lineno;
        int len = (int)str_size(e->v.Attribute.attr);
        p.col = len <= e->end_col_offset ? e->end_col_offset - len : 0;
        p.end_line = e->end_lineno;
        if (p.end_col < p.col) {
            p.end_col = p.col;
        }
    }
    return p;
}

/* The instruction for each comparison operator. */
static int emit_compare(Compiler *c, AstCmpOp op) {
    switch (op) {
        case AST_CMP_IS:
            return emit(c, OP_IS_OP, 0);
        case AST_CMP_IS_NOT:
            return emit(c, OP_IS_OP, 1);
        case AST_CMP_IN:
            return emit(c, OP_CONTAINS_OP, 0);
        case AST_CMP_NOT_IN:
            return emit(c, OP_CONTAINS_OP, 1);
        default:
            return emit(c, OP_COMPARE_OP, (uint32_t)op);
    }
}

static int compile_iterable(Compiler *c, const Expr *e);

/* The last operand of a comparison; `x in [1, 2]` tests a tuple constant. */
static int compile_last_comparator(Compiler *c, const Expr *e) {
    size_t n = e->v.Compare.ops.count - 1;
    AstCmpOp op = e->v.Compare.ops.items[n];
    const Expr *last = e->v.Compare.comparators.items[n];
    if (op == AST_CMP_IN || op == AST_CMP_NOT_IN) {
        return compile_iterable(c, last);
    }
    return compile_expr(c, last);
}

/* a < b < c: each middle operand is evaluated once and compared twice; the
 * chain stops at the first false result, which is the value. */
static int compile_compare(Compiler *c, const Expr *e) {
    size_t n = e->v.Compare.ops.count - 1;
    TRY(compile_expr(c, e->v.Compare.left));
    if (n == 0) {
        TRY(compile_last_comparator(c, e));
        return emit_compare(c, e->v.Compare.ops.items[0]);
    }
    NEW_LABEL(c, cleanup);
    for (size_t i = 0; i < n; i++) {
        TRY(compile_expr(c, e->v.Compare.comparators.items[i]));
        EMIT(c, SWAP, 2);
        EMIT(c, COPY, 2);
        TRY(emit_compare(c, e->v.Compare.ops.items[i]));
        EMIT_JUMP(c, JUMP_IF_FALSE_OR_POP, cleanup);
    }
    TRY(compile_last_comparator(c, e));
    TRY(emit_compare(c, e->v.Compare.ops.items[n]));
    NEW_LABEL(c, end);
    EMIT_JUMP(c, JUMP_FORWARD, end);
    bind_label(c, cleanup);
    EMIT(c, SWAP, 2);
    EMIT(c, POP_TOP, 0);
    bind_label(c, end);
    return 0;
}

/* Jump to `label` if `e` is true (cond) or false (!cond), consuming it;
 * `not`, `and`/`or`, conditional expressions and comparison chains become
 * jumps directly (CPython's compiler_jump_if). */
static int compile_jump_if(Compiler *c, const Expr *e, int32_t label, bool cond) {
    switch (e->kind) {
        case EXPR_UNARY_OP:
            if (e->v.UnaryOp.op == AST_NOT) {
                return compile_jump_if(c, e->v.UnaryOp.operand, label, !cond);
            }
            break;
        case EXPR_BOOL_OP: {
            ExprSeq values = e->v.BoolOp.values;
            size_t n = values.count - 1;
            bool cond2 = e->v.BoolOp.op == AST_OR;
            int32_t next2 = label;
            if (cond2 != cond) {
                next2 = new_label(c);
                TRY(next2);
            }
            for (size_t i = 0; i < n; i++) {
                TRY(compile_jump_if(c, values.items[i], next2, cond2));
            }
            TRY(compile_jump_if(c, values.items[n], label, cond));
            if (next2 != label) {
                bind_label(c, next2);
            }
            return 0;
        }
        case EXPR_IF_EXP: {
            NEW_LABEL(c, end);
            NEW_LABEL(c, next2);
            TRY(compile_jump_if(c, e->v.IfExp.test, next2, false));
            TRY(compile_jump_if(c, e->v.IfExp.body, label, cond));
            EMIT_JUMP(c, JUMP_FORWARD, end);
            bind_label(c, next2);
            TRY(compile_jump_if(c, e->v.IfExp.orelse, label, cond));
            bind_label(c, end);
            return 0;
        }
        case EXPR_COMPARE: {
            /* As CPython 3.11, the comparison's position stays in effect for the
             * rest of the statement (an assert's AssertionError underlines it). */
            c->u->loc = LOC_OF(e);
            size_t n = e->v.Compare.ops.count - 1;
            if (n == 0) {
                break;
            }
            NEW_LABEL(c, cleanup);
            TRY(compile_expr(c, e->v.Compare.left));
            for (size_t i = 0; i < n; i++) {
                TRY(compile_expr(c, e->v.Compare.comparators.items[i]));
                EMIT(c, SWAP, 2);
                EMIT(c, COPY, 2);
                TRY(emit_compare(c, e->v.Compare.ops.items[i]));
                EMIT_JUMP(c, POP_JUMP_IF_FALSE, cleanup);
            }
            TRY(compile_last_comparator(c, e));
            TRY(emit_compare(c, e->v.Compare.ops.items[n]));
            TRY(emit_jump(c, cond ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, label));
            NEW_LABEL(c, end);
            EMIT_JUMP(c, JUMP_FORWARD, end);
            bind_label(c, cleanup);
            EMIT(c, POP_TOP, 0);
            if (!cond) {
                EMIT_JUMP(c, JUMP_FORWARD, label);
            }
            bind_label(c, end);
            return 0;
        }
        default:
            break;
    }
    TRY(compile_expr(c, e));
    return emit_jump(c, cond ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, label);
}

static int compile_boolop(Compiler *c, const Expr *e) {
    Opcode jump = e->v.BoolOp.op == AST_AND ? OP_JUMP_IF_FALSE_OR_POP : OP_JUMP_IF_TRUE_OR_POP;
    NEW_LABEL(c, end);
    ExprSeq values = e->v.BoolOp.values;
    for (size_t i = 0; i + 1 < values.count; i++) {
        TRY(compile_expr(c, values.items[i]));
        TRY(emit_jump(c, jump, end));
    }
    TRY(compile_expr(c, values.items[values.count - 1]));
    bind_label(c, end);
    return 0;
}

/* When every element of `elts` is a compile-time constant, *out is their
 * tuple, or their frozenset if `frozen` (borrowed; the arena keeps it);
 * else *out is NULL. Returns -1 on error. CPython builds a constant
 * frozenset twice (the second time from the first one's iteration order,
 * when it merges constants); we do the same so sets iterate and print in
 * CPython's order. */
static int fold_elements(Compiler *c, ExprSeq elts, bool frozen, Object **out) {
    size_t n = elts.count;
    *out = NULL;
    Object *small[16] = {NULL};
    Object **values = n <= 16 ? small : mem_alloc_array(n, sizeof(Object *));
    if (values == NULL) {
        return -1;
    }
    bool all = true;
    for (size_t i = 0; i < n && all; i++) {
        values[i] = fold_constant(c, elts.items[i]);
        all = values[i] != NULL;
    }
    Object *t = all ? keep(c, tuple_from_array(values, n)) : NULL;
    if (values != small) {
        mem_free(values);
    }
    if (!all) {
        return 0;
    }
    if (t != NULL && frozen) {
        Object *first = keep(c, frozenset_new(t));
        Object *items = first != NULL ? keep(c, tuple_from_iterable(first)) : NULL;
        t = items != NULL ? keep(c, frozenset_new(items)) : NULL;
    }
    if (t == NULL) {
        return -1;
    }
    *out = t;
    return 0;
}

/* Build a list/tuple/set display from `elts`, which may hold starred items
 * (CPython's starunpack_helper). `pushed` items are already on the stack. */
static int starunpack(Compiler *c, ExprSeq elts, size_t pushed, Opcode build, Opcode add,
                      Opcode extend, bool tuple) {
    size_t n = elts.count;
    if (n > 2 && (build == OP_BUILD_LIST || build == OP_BUILD_SET)) {
        /* [1, 2, 3] is BUILD_LIST 0 + LIST_EXTEND of a constant tuple; {1, 2, 3}
         * is BUILD_SET 0 + SET_UPDATE of a constant frozenset (as CPython). */
        Object *t;
        TRY(fold_elements(c, elts, build == OP_BUILD_SET, &t));
        if (t != NULL) {
            if (tuple && pushed == 0) {
                return emit_load_const(c, t);
            }
            TRY(emit(c, build, (uint32_t)pushed));
            EMIT_CONST(c, t);
            TRY(emit(c, extend, 1));
            if (tuple) {
                EMIT(c, LIST_TO_TUPLE, 0);
            }
            return 0;
        }
    }
    bool big = n + pushed > STACK_USE_GUIDELINE;
    bool seen_star = false;
    for (size_t i = 0; i < n; i++) {
        if (elts.items[i]->kind == EXPR_STARRED) {
            seen_star = true;
        }
    }
    if (!seen_star && !big) {
        for (size_t i = 0; i < n; i++) {
            TRY(compile_expr(c, elts.items[i]));
        }
        return emit(c, tuple ? OP_BUILD_TUPLE : build, (uint32_t)(n + pushed));
    }
    bool built = false;
    if (big) {
        TRY(emit(c, build, (uint32_t)pushed));
        built = true;
    }
    for (size_t i = 0; i < n; i++) {
        const Expr *elt = elts.items[i];
        if (elt->kind == EXPR_STARRED) {
            if (!built) {
                TRY(emit(c, build, (uint32_t)(i + pushed)));
                built = true;
            }
            TRY(compile_expr(c, elt->v.Starred.value));
            TRY(emit(c, extend, 1));
        } else {
            TRY(compile_expr(c, elt));
            if (built) {
                TRY(emit(c, add, 1));
            }
        }
    }
    if (tuple) {
        EMIT(c, LIST_TO_TUPLE, 0);
    }
    return 0;
}

/* An iterable operand of `for`, of a comprehension, or on the right of
 * `in`: a list display becomes a tuple and a set display of constants a
 * frozenset constant (CPython's AST optimizer, fold_iter). */
static int compile_iterable(Compiler *c, const Expr *e) {
    if (e->kind == EXPR_LIST || e->kind == EXPR_SET) {
        ExprSeq elts = e->kind == EXPR_LIST ? e->v.List.elts : e->v.Set.elts;
        bool starred = false;
        for (size_t i = 0; i < elts.count; i++) {
            starred = starred || elts.items[i]->kind == EXPR_STARRED;
        }
        if (!starred) {
            Object *folded;
            TRY(fold_elements(c, elts, e->kind == EXPR_SET, &folded));
            SourcePosition saved = c->u->loc;
            c->u->loc = LOC_OF(e);
            int r;
            if (folded != NULL) {
                r = emit_load_const(c, folded);
            } else if (e->kind == EXPR_LIST) {
                r = starunpack(c, elts, 0, OP_BUILD_LIST, OP_LIST_APPEND, OP_LIST_EXTEND, true);
            } else {
                r = compile_expr_inner(c, e);
            }
            c->u->loc = saved;
            return r;
        }
    }
    return compile_expr(c, e);
}

/* Store TOS into the targets `elts` (a, *b, c = ...). */
static int unpack_assign(Compiler *c, ExprSeq elts) {
    size_t n = elts.count;
    bool seen_star = false;
    for (size_t i = 0; i < n; i++) {
        if (elts.items[i]->kind != EXPR_STARRED) {
            continue;
        }
        if (seen_star) {
            return compiler_error(c, "multiple starred expressions in assignment");
        }
        if (i >= (1u << 8) || n - i - 1 >= (1u << 16)) {
            return compiler_error(c, "too many expressions in star-unpacking assignment");
        }
        EMIT(c, UNPACK_EX, i + ((n - i - 1) << 8));
        seen_star = true;
    }
    if (!seen_star) {
        EMIT(c, UNPACK_SEQUENCE, n);
    }
    for (size_t i = 0; i < n; i++) {
        const Expr *elt = elts.items[i];
        TRY(compile_expr(c, elt->kind == EXPR_STARRED ? elt->v.Starred.value : elt));
    }
    return 0;
}

static int compile_sequence(Compiler *c, const Expr *e, ExprSeq elts, AstExprContext ctx,
                            bool tuple) {
    if (ctx == AST_STORE) {
        return unpack_assign(c, elts);
    }
    if (ctx == AST_DEL) {
        for (size_t i = 0; i < elts.count; i++) {
            TRY(compile_expr(c, elts.items[i]));
        }
        return 0;
    }
    if (tuple) {
        Object *folded = fold_constant(c, e);
        if (folded != NULL) {
            return emit_load_const(c, folded);
        }
    }
    return starunpack(c, elts, 0, OP_BUILD_LIST, OP_LIST_APPEND, OP_LIST_EXTEND, tuple);
}

/* {k: v, ...} for items [begin, end) with no ** among them. */
static int compile_subdict(Compiler *c, const Expr *e, size_t begin, size_t end) {
    size_t n = end - begin;
    ExprSeq keys = e->v.Dict.keys, values = e->v.Dict.values;
    if (n > 1) {
        Object *small[16] = {NULL};
        Object **consts = n <= 16 ? small : mem_alloc_array(n, sizeof(Object *));
        if (consts == NULL) {
            return -1;
        }
        bool all_const = true;
        for (size_t i = begin; i < end; i++) {
            consts[i - begin] =
                keys.items[i]->kind == EXPR_CONSTANT ? keys.items[i]->v.Constant.value : NULL;
            if (consts[i - begin] == NULL) {
                all_const = false;
                break;
            }
        }
        if (all_const) {
            Object *t = keep(c, tuple_from_array(consts, n));
            if (consts != small) {
                mem_free(consts);
            }
            if (t == NULL) {
                return -1;
            }
            for (size_t i = begin; i < end; i++) {
                TRY(compile_expr(c, values.items[i]));
            }
            EMIT_CONST(c, t);
            EMIT(c, BUILD_CONST_KEY_MAP, n);
            return 0;
        }
        if (consts != small) {
            mem_free(consts);
        }
    }
    for (size_t i = begin; i < end; i++) {
        TRY(compile_expr(c, keys.items[i]));
        TRY(compile_expr(c, values.items[i]));
    }
    EMIT(c, BUILD_MAP, n);
    return 0;
}

static int compile_dict(Compiler *c, const Expr *e) {
    size_t n = e->v.Dict.values.count, elements = 0;
    bool have_dict = false;
    for (size_t i = 0; i < n; i++) {
        if (e->v.Dict.keys.items[i] == NULL) { /* **mapping */
            if (elements > 0) {
                TRY(compile_subdict(c, e, i - elements, i));
                if (have_dict) {
                    EMIT(c, DICT_UPDATE, 1);
                }
                have_dict = true;
                elements = 0;
            }
            if (!have_dict) {
                EMIT(c, BUILD_MAP, 0);
                have_dict = true;
            }
            TRY(compile_expr(c, e->v.Dict.values.items[i]));
            EMIT(c, DICT_UPDATE, 1);
        } else if (elements * 2 > STACK_USE_GUIDELINE) {
            TRY(compile_subdict(c, e, i - elements, i + 1));
            if (have_dict) {
                EMIT(c, DICT_UPDATE, 1);
            }
            have_dict = true;
            elements = 0;
        } else {
            elements++;
        }
    }
    if (elements > 0) {
        TRY(compile_subdict(c, e, n - elements, n));
        if (have_dict) {
            EMIT(c, DICT_UPDATE, 1);
        }
        have_dict = true;
    }
    if (!have_dict) {
        EMIT(c, BUILD_MAP, 0);
    }
    return 0;
}

/* "keyword argument repeated: x", at the second occurrence. */
static int validate_keywords(Compiler *c, KeywordSeq keywords) {
    for (size_t i = 0; i < keywords.count; i++) {
        Object *name = keywords.items[i]->arg;
        if (name == NULL) {
            continue;
        }
        for (size_t j = i + 1; j < keywords.count; j++) {
            const Keyword *other = keywords.items[j];
            if (other->arg != NULL && str_equal(name, other->arg)) {
                c->u->loc = LOC_OF(other);
                return compiler_error(c, "keyword argument repeated: %U", name);
            }
        }
    }
    return 0;
}

/* Push the tuple of keyword names for CALL_KW / CALL_METHOD_KW. */
static int emit_kwnames(Compiler *c, KeywordSeq keywords) {
    Object *t = tuple_new(keywords.count);
    if (t == NULL) {
        return -1;
    }
    for (size_t i = 0; i < keywords.count; i++) {
        tuple_init_item(t, i, NEWREF(keywords.items[i]->arg));
    }
    if (keep(c, t) == NULL) {
        return -1;
    }
    return emit_load_const(c, t);
}

/* A dict of the keyword arguments [begin, end) (none of them **). */
static int compile_subkwargs(Compiler *c, KeywordSeq keywords, size_t begin, size_t end) {
    size_t n = end - begin;
    bool big = n * 2 > STACK_USE_GUIDELINE;
    if (n > 1 && !big) {
        Object *keys = tuple_new(n);
        if (keys == NULL) {
            return -1;
        }
        for (size_t i = begin; i < end; i++) {
            tuple_init_item(keys, i - begin, NEWREF(keywords.items[i]->arg));
        }
        if (keep(c, keys) == NULL) {
            return -1;
        }
        for (size_t i = begin; i < end; i++) {
            TRY(compile_expr(c, keywords.items[i]->value));
        }
        EMIT_CONST(c, keys);
        EMIT(c, BUILD_CONST_KEY_MAP, n);
        return 0;
    }
    if (big) {
        EMIT(c, BUILD_MAP, 0);
    }
    for (size_t i = begin; i < end; i++) {
        EMIT_CONST(c, keywords.items[i]->arg);
        TRY(compile_expr(c, keywords.items[i]->value));
        if (big) {
            EMIT(c, MAP_ADD, 1);
        }
    }
    if (!big) {
        EMIT(c, BUILD_MAP, n);
    }
    return 0;
}

/* The arguments of a call whose callable (and `pushed` extra leading
 * arguments) are already on the stack (CPython's compiler_call_helper). */
static int compile_call_helper(Compiler *c, size_t pushed, ExprSeq args, KeywordSeq keywords) {
    TRY(validate_keywords(c, keywords));
    size_t nargs = args.count, nkw = keywords.count;
    bool ex_call = nargs + nkw * 2 > STACK_USE_GUIDELINE;
    for (size_t i = 0; i < nargs && !ex_call; i++) {
        ex_call = args.items[i]->kind == EXPR_STARRED;
    }
    for (size_t i = 0; i < nkw && !ex_call; i++) {
        ex_call = keywords.items[i]->arg == NULL;
    }
    if (!ex_call) {
        for (size_t i = 0; i < nargs; i++) {
            TRY(compile_expr(c, args.items[i]));
        }
        if (nkw > 0) {
            for (size_t i = 0; i < nkw; i++) {
                TRY(compile_expr(c, keywords.items[i]->value));
            }
            TRY(emit_kwnames(c, keywords));
            EMIT(c, CALL_KW, pushed + nargs + nkw);
            return 0;
        }
        EMIT(c, CALL, pushed + nargs);
        return 0;
    }
    /* Positional arguments as one iterable (f(*x) passes x itself). */
    if (pushed == 0 && nargs == 1 && args.items[0]->kind == EXPR_STARRED) {
        TRY(compile_expr(c, args.items[0]->v.Starred.value));
    } else {
        TRY(starunpack(c, args, pushed, OP_BUILD_LIST, OP_LIST_APPEND, OP_LIST_EXTEND, true));
    }
    /* Keyword arguments as one fresh dict. */
    if (nkw > 0) {
        bool have_dict = false;
        size_t nseen = 0;
        for (size_t i = 0; i < nkw; i++) {
            const Keyword *kw = keywords.items[i];
            if (kw->arg != NULL) {
                nseen++;
                continue;
            }
            if (nseen > 0) {
                TRY(compile_subkwargs(c, keywords, i - nseen, i));
                if (have_dict) {
                    EMIT(c, DICT_MERGE, 1);
                }
                have_dict = true;
                nseen = 0;
            }
            if (!have_dict) {
                EMIT(c, BUILD_MAP, 0);
                have_dict = true;
            }
            TRY(compile_expr(c, kw->value));
            EMIT(c, DICT_MERGE, 1);
        }
        if (nseen > 0) {
            TRY(compile_subkwargs(c, keywords, nkw - nseen, nkw));
            if (have_dict) {
                EMIT(c, DICT_MERGE, 1);
            }
        }
    }
    EMIT(c, CALL_FUNCTION_EX, nkw > 0 ? 1 : 0);
    return 0;
}

/* obj.name(args) without * or ** arguments: LOAD_METHOD + CALL_METHOD[_KW],
 * which avoids creating a bound method. Returns 1 if done, 0 if not
 * applicable, -1 on error. */
static int maybe_method_call(Compiler *c, const Expr *e) {
    const Expr *meth = e->v.Call.func;
    ExprSeq args = e->v.Call.args;
    KeywordSeq kws = e->v.Call.keywords;
    if (meth->kind != EXPR_ATTRIBUTE || meth->v.Attribute.ctx != AST_LOAD) {
        return 0;
    }
    if (args.count + kws.count + (kws.count != 0) >= STACK_USE_GUIDELINE) {
        return 0;
    }
    for (size_t i = 0; i < args.count; i++) {
        if (args.items[i]->kind == EXPR_STARRED) {
            return 0;
        }
    }
    for (size_t i = 0; i < kws.count; i++) {
        if (kws.items[i]->arg == NULL) {
            return 0;
        }
    }
    TRY(validate_keywords(c, kws));
    TRY(compile_expr(c, meth->v.Attribute.value));
    SourcePosition saved = c->u->loc;
    c->u->loc = attribute_loc(meth);
    TRY(emit_name(c, OP_LOAD_METHOD, meth->v.Attribute.attr));
    c->u->loc = saved;
    for (size_t i = 0; i < args.count; i++) {
        TRY(compile_expr(c, args.items[i]));
    }
    if (kws.count > 0) {
        for (size_t i = 0; i < kws.count; i++) {
            TRY(compile_expr(c, kws.items[i]->value));
        }
        TRY(emit_kwnames(c, kws));
        EMIT(c, CALL_METHOD_KW, args.count + kws.count);
    } else {
        EMIT(c, CALL_METHOD, args.count);
    }
    return 1;
}

static int compile_call(Compiler *c, const Expr *e) {
    int r = maybe_method_call(c, e);
    if (r != 0) {
        return r < 0 ? -1 : 0;
    }
    TRY(compile_expr(c, e->v.Call.func));
    return compile_call_helper(c, 0, e->v.Call.args, e->v.Call.keywords);
}

static int compile_formatted_value(Compiler *c, const Expr *e) {
    TRY(compile_expr(c, e->v.FormattedValue.value));
    uint32_t flags;
    switch (e->v.FormattedValue.conversion) {
        case 's':
            flags = 1;
            break;
        case 'r':
            flags = 2;
            break;
        case 'a':
            flags = 3;
            break;
        case -1:
            flags = 0;
            break;
        default:
            err_format(&ExcSystemError, "Unrecognized conversion character %d",
                       e->v.FormattedValue.conversion);
            return -1;
    }
    if (e->v.FormattedValue.format_spec != NULL) {
        TRY(compile_expr(c, e->v.FormattedValue.format_spec));
        flags |= 4;
    }
    EMIT(c, FORMAT_VALUE, flags);
    return 0;
}

static int compile_joined_str(Compiler *c, const Expr *e) {
    ExprSeq values = e->v.JoinedStr.values;
    for (size_t i = 0; i < values.count; i++) {
        TRY(compile_expr(c, values.items[i]));
    }
    if (values.count != 1) {
        EMIT(c, BUILD_STRING, values.count);
    }
    return 0;
}

static int compile_slice(Compiler *c, const Expr *e) {
    uint32_t n = 2;
    if (e->v.Slice.lower != NULL) {
        TRY(compile_expr(c, e->v.Slice.lower));
    } else {
        EMIT_CONST(c, None);
    }
    if (e->v.Slice.upper != NULL) {
        TRY(compile_expr(c, e->v.Slice.upper));
    } else {
        EMIT_CONST(c, None);
    }
    if (e->v.Slice.step != NULL) {
        TRY(compile_expr(c, e->v.Slice.step));
        n = 3;
    }
    EMIT(c, BUILD_SLICE, n);
    return 0;
}

/* ---- functions, lambdas, closures ---- */

/* Push the closure tuple for `code` (if it has free variables) and the code,
 * then MAKE_FUNCTION with `flags` (CPython's compiler_make_closure). */
static int make_closure(Compiler *c, CodeObject *code, uint32_t flags) {
    CodeUnit *cu = &c->u->code;
    if (keep(c, (Object *)code) == NULL) { /* the arena now owns `code` */
        return -1;
    }
    size_t nfree = tuple_size(code->freevars);
    if (nfree > 0) {
        for (size_t i = 0; i < nfree; i++) {
            Object *name = tuple_get(code->freevars, i);
            /* A class-level name that is also free in a method is reached
             * through the class's own free variable; __class__ is the class's cell. */
            bool cell = false;
            if (c->u->kind == UNIT_CLASS && str_equal_cstr(name, "__class__")) {
                cell = true;
            } else {
                cell = scope_symbol_scope(c->u->scope, name) == SYM_CELL;
            }
            int64_t index = -1;
            if (cell) {
                for (size_t k = 0; k < cu->ncellvars; k++) {
                    if (cu->cellvars[k] == name) {
                        index = (int64_t)k;
                    }
                }
            } else {
                for (size_t k = 0; k < cu->nfreevars; k++) {
                    if (cu->freevars[k] == name) {
                        index = (int64_t)(cu->ncellvars + k);
                    }
                }
            }
            if (index < 0) {
                err_format(&ExcSystemError, "compiler: cannot find closure variable %R for %U",
                           name, code->name);
                return -1;
            }
            EMIT(c, LOAD_CLOSURE, index);
        }
        EMIT(c, BUILD_TUPLE, nfree);
        flags |= 8;
    }
    EMIT_CONST(c, (Object *)code);
    EMIT(c, MAKE_FUNCTION, flags);
    return 0;
}

/* Push defaults (a tuple) and keyword-only defaults (a dict); return the
 * MAKE_FUNCTION flags, or -1. */
static int compile_defaults(Compiler *c, const Arguments *a) {
    int flags = 0;
    if (a->defaults.count > 0) {
        for (size_t i = 0; i < a->defaults.count; i++) {
            TRY(compile_expr(c, a->defaults.items[i]));
        }
        EMIT(c, BUILD_TUPLE, a->defaults.count);
        flags |= 1;
    }
    size_t nkw = 0;
    for (size_t i = 0; i < a->kwonlyargs.count; i++) {
        if (a->kw_defaults.items[i] != NULL) {
            nkw++;
        }
    }
    if (nkw > 0) {
        Object *keys = tuple_new(nkw);
        if (keys == NULL || keep(c, keys) == NULL) {
            return -1;
        }
        size_t k = 0;
        for (size_t i = 0; i < a->kwonlyargs.count; i++) {
            const Expr *d = a->kw_defaults.items[i];
            if (d == NULL) {
                continue;
            }
            Object *mangled = mangle(c, a->kwonlyargs.items[i]->arg);
            if (mangled == NULL) {
                return -1;
            }
            tuple_init_item(keys, k++, NEWREF(mangled));
            TRY(compile_expr(c, d));
        }
        EMIT_CONST(c, keys);
        EMIT(c, BUILD_CONST_KEY_MAP, nkw);
        flags |= 2;
    }
    return flags;
}

/* Push an annotation's value. Under `from __future__ import annotations`
 * it is not evaluated: its source text becomes a str constant (CPython
 * stores ast.unparse() of it, which is the same text for ordinary
 * annotations such as `int` or `list[str]`). */
static int compile_annotation(Compiler *c, const Expr *e) {
    if (!c->future_annotations || c->source == NULL) {
        return compile_expr(c, e);
    }
    const char *p = c->source, *end = c->source + c->source_size;
    for (int line = 1; line < e->lineno && p < end; line++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        p = nl != NULL ? nl + 1 : end;
    }
    const char *start = p + e->col_offset;
    for (int line = e->lineno; line < e->end_lineno && p < end; line++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        p = nl != NULL ? nl + 1 : end;
    }
    const char *stop = p + e->end_col_offset;
    if (start > end || stop > end || stop < start) {
        return compile_expr(c, e);
    }
    Object *text = keep(c, str_from_utf8(start, (size_t)(stop - start)));
    if (text == NULL) {
        return -1;
    }
    return emit_load_const(c, text);
}

static int add_annotation(Compiler *c, Object ***names, size_t *n, size_t *cap, Object *name,
                          const Expr *value) {
    if (value == NULL) {
        return 0;
    }
    Object *mangled = mangle(c, name);
    if (mangled == NULL) {
        return -1;
    }
    TRY(grow(c->arena, (void **)names, cap, *n + 1, sizeof(Object *)));
    (*names)[(*n)++] = mangled;
    return compile_annotation(c, value);
}

/* Evaluate the annotations of a def and build their dict. Returns 1 if one
 * was pushed, 0 if there are none, -1 on error. */
static int compile_annotations(Compiler *c, const Arguments *a, const Expr *returns) {
    Object **names = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < a->args.count; i++) {
        TRY(add_annotation(c, &names, &n, &cap, a->args.items[i]->arg,
                           a->args.items[i]->annotation));
    }
    for (size_t i = 0; i < a->posonlyargs.count; i++) {
        TRY(add_annotation(c, &names, &n, &cap, a->posonlyargs.items[i]->arg,
                           a->posonlyargs.items[i]->annotation));
    }
    if (a->vararg != NULL) {
        TRY(add_annotation(c, &names, &n, &cap, a->vararg->arg, a->vararg->annotation));
    }
    for (size_t i = 0; i < a->kwonlyargs.count; i++) {
        TRY(add_annotation(c, &names, &n, &cap, a->kwonlyargs.items[i]->arg,
                           a->kwonlyargs.items[i]->annotation));
    }
    if (a->kwarg != NULL) {
        TRY(add_annotation(c, &names, &n, &cap, a->kwarg->arg, a->kwarg->annotation));
    }
    if (returns != NULL) {
        Object *ret = intern(c, "return");
        if (ret == NULL) {
            return -1;
        }
        TRY(grow(c->arena, (void **)&names, &cap, n + 1, sizeof(Object *)));
        names[n++] = ret;
        TRY(compile_annotation(c, returns));
    }
    if (n == 0) {
        return 0;
    }
    Object *keys = keep(c, tuple_from_array(names, n));
    if (keys == NULL) {
        return -1;
    }
    EMIT_CONST(c, keys);
    EMIT(c, BUILD_CONST_KEY_MAP, n);
    return 1;
}

/* The docstring of a body: its first statement when that is a str constant. */
static Object *get_docstring(StmtSeq body) {
    if (body.count == 0) {
        return NULL;
    }
    const Stmt *s = body.items[0];
    if (s->kind != STMT_EXPR || s->v.Expr.value->kind != EXPR_CONSTANT) {
        return NULL;
    }
    Object *v = s->v.Expr.value->v.Constant.value;
    return !is_small_int(v) && v->type == &StrType ? v : NULL;
}

static int compile_decorators(Compiler *c, ExprSeq decorators) {
    for (size_t i = 0; i < decorators.count; i++) {
        TRY(compile_expr(c, decorators.items[i]));
    }
    return 0;
}

static int apply_decorators(Compiler *c, ExprSeq decorators) {
    SourcePosition saved = c->u->loc;
    for (size_t i = decorators.count; i-- > 0;) {
        c->u->loc = LOC_OF(decorators.items[i]);
        EMIT(c, CALL, 1);
    }
    c->u->loc = saved;
    return 0;
}

static void set_arg_counts(Compiler *c, const Arguments *a) {
    c->u->code.argcount = (int)(a->args.count + a->posonlyargs.count);
    c->u->code.posonlyargcount = (int)a->posonlyargs.count;
    c->u->code.kwonlyargcount = (int)a->kwonlyargs.count;
}

static int compile_function_def(Compiler *c, const Stmt *s) {
    const Arguments *a = s->v.FunctionDef.args;
    ExprSeq decorators = s->v.FunctionDef.decorator_list;
    TRY(compile_decorators(c, decorators));
    int firstlineno = decorators.count > 0 ? decorators.items[0]->lineno : s->lineno;
    int flags = compile_defaults(c, a);
    TRY(flags);
    int ann = compile_annotations(c, a, s->v.FunctionDef.returns);
    TRY(ann);
    if (ann > 0) {
        flags |= 4;
    }
    TRY(unit_enter(c, UNIT_FUNCTION, s->v.FunctionDef.name, s, firstlineno));
    StmtSeq body = s->v.FunctionDef.body;
    Object *doc = get_docstring(body);
    c->u->code.docstring = doc;
    if (add_const(c, doc != NULL ? doc : None) < 0) {
        unit_abandon(c);
        return -1;
    }
    set_arg_counts(c, a);
    for (size_t i = doc != NULL ? 1 : 0; i < body.count; i++) {
        if (compile_stmt(c, body.items[i]) < 0) {
            unit_abandon(c);
            return -1;
        }
    }
    CodeObject *code = unit_finish(c, true);
    if (code == NULL) {
        return -1;
    }
    c->u->loc = LOC_OF(s);
    TRY(make_closure(c, code, (uint32_t)flags));
    TRY(apply_decorators(c, decorators));
    return compile_nameop(c, s->v.FunctionDef.name, AST_STORE);
}

static int compile_lambda(Compiler *c, const Expr *e) {
    const Arguments *a = e->v.Lambda.args;
    int flags = compile_defaults(c, a);
    TRY(flags);
    Object *name = intern(c, "<lambda>");
    if (name == NULL) {
        return -1;
    }
    TRY(unit_enter(c, UNIT_LAMBDA, name, e, e->lineno));
    c->u->loc = LOC_OF(e);
    /* None first, so a lambda never has a docstring. */
    if (add_const(c, None) < 0) {
        unit_abandon(c);
        return -1;
    }
    set_arg_counts(c, a);
    if (compile_expr(c, e->v.Lambda.body) < 0 || emit(c, OP_RETURN_VALUE, 0) < 0) {
        unit_abandon(c);
        return -1;
    }
    CodeObject *code = unit_finish(c, false);
    if (code == NULL) {
        return -1;
    }
    return make_closure(c, code, (uint32_t)flags);
}

/* ---- comprehensions ---- */

static int comprehension_generator(Compiler *c, ComprehensionSeq generators, size_t index,
                                   int depth, const Expr *elt, const Expr *value,
                                   ComprehensionKind kind) {
    const Comprehension *gen = generators.items[index];
    NEW_LABEL(c, start);
    NEW_LABEL(c, if_cleanup);
    NEW_LABEL(c, anchor);
    bool loop = true;
    if (index == 0) {
        EMIT(c, LOAD_FAST, 0); /* .0, the outermost iterator */
    } else {
        /* `for y in [f(x)]` binds y without a loop. */
        const ExprSeq *elts = gen->iter->kind == EXPR_LIST    ? &gen->iter->v.List.elts
                              : gen->iter->kind == EXPR_TUPLE ? &gen->iter->v.Tuple.elts
                                                              : NULL;
        if (elts != NULL && elts->count == 1 && elts->items[0]->kind != EXPR_STARRED) {
            TRY(compile_expr(c, elts->items[0]));
            loop = false;
        } else {
            TRY(compile_iterable(c, gen->iter));
            EMIT(c, GET_ITER, 0);
        }
    }
    if (loop) {
        depth++;
        bind_label(c, start);
        EMIT_JUMP(c, FOR_ITER, anchor);
    }
    TRY(compile_expr(c, gen->target));
    for (size_t i = 0; i < gen->ifs.count; i++) {
        TRY(compile_jump_if(c, gen->ifs.items[i], if_cleanup, false));
    }
    if (index + 1 < generators.count) {
        TRY(comprehension_generator(c, generators, index + 1, depth, elt, value, kind));
    } else {
        switch (kind) {
            case COMP_GENERATOR:
                TRY(compile_expr(c, elt));
                EMIT(c, YIELD_VALUE, 0);
                EMIT(c, POP_TOP, 0);
                break;
            case COMP_LIST:
                TRY(compile_expr(c, elt));
                EMIT(c, LIST_APPEND, depth + 1);
                break;
            case COMP_SET:
                TRY(compile_expr(c, elt));
                EMIT(c, SET_ADD, depth + 1);
                break;
            case COMP_DICT:
                TRY(compile_expr(c, elt));
                TRY(compile_expr(c, value));
                EMIT(c, MAP_ADD, depth + 1);
                break;
            default:
                break;
        }
    }
    bind_label(c, if_cleanup);
    if (loop) {
        EMIT_JUMP(c, JUMP_FORWARD, start);
        bind_label(c, anchor);
    }
    return 0;
}

static int compile_comprehension(Compiler *c, const Expr *e, const char *name,
                                 ComprehensionKind kind, ComprehensionSeq generators,
                                 const Expr *elt, const Expr *value) {
    Object *uname = intern(c, name);
    if (uname == NULL) {
        return -1;
    }
    TRY(unit_enter(c, UNIT_COMPREHENSION, uname, e, e->lineno));
    c->u->loc = LOC_OF(e);
    c->u->code.argcount = 1;
    int r = 0;
    if (kind == COMP_LIST) {
        r = emit(c, OP_BUILD_LIST, 0);
    } else if (kind == COMP_SET) {
        r = emit(c, OP_BUILD_SET, 0);
    } else if (kind == COMP_DICT) {
        r = emit(c, OP_BUILD_MAP, 0);
    }
    if (r == 0) {
        r = comprehension_generator(c, generators, 0, 0, elt, value, kind);
    }
    if (r == 0 && kind != COMP_GENERATOR) {
        r = emit(c, OP_RETURN_VALUE, 0);
    }
    if (r < 0) {
        unit_abandon(c);
        return -1;
    }
    CodeObject *code = unit_finish(c, kind == COMP_GENERATOR);
    if (code == NULL) {
        return -1;
    }
    TRY(make_closure(c, code, 0));
    TRY(compile_iterable(c, generators.items[0]->iter));
    EMIT(c, GET_ITER, 0);
    EMIT(c, CALL, 1);
    return 0;
}

/* ---- yield ---- */

static int compile_yield_from_loop(Compiler *c) {
    NEW_LABEL(c, send);
    NEW_LABEL(c, exit);
    bind_label(c, send);
    EMIT_JUMP(c, SEND, exit);
    EMIT(c, YIELD_VALUE, 0);
    EMIT_JUMP(c, JUMP_FORWARD, send);
    bind_label(c, exit);
    return 0;
}

/* The body of compile_expr: emit code that pushes the value of `e` (or
 * stores/deletes for targets). */
static int compile_expr_inner(Compiler *c, const Expr *e) {
    switch (e->kind) {
        case EXPR_NAMED_EXPR:
            TRY(compile_expr(c, e->v.NamedExpr.value));
            EMIT(c, COPY, 1);
            return compile_expr(c, e->v.NamedExpr.target);
        case EXPR_BOOL_OP:
            return compile_boolop(c, e);
        case EXPR_BIN_OP: {
            Object *folded = fold_constant(c, e);
            if (folded != NULL) {
                return emit_load_const(c, folded);
            }
            TRY(compile_expr(c, e->v.BinOp.left));
            TRY(compile_expr(c, e->v.BinOp.right));
            EMIT(c, BINARY_OP, e->v.BinOp.op);
            return 0;
        }
        case EXPR_UNARY_OP: {
            Object *folded = fold_constant(c, e);
            if (folded != NULL) {
                return emit_load_const(c, folded);
            }
            TRY(compile_expr(c, e->v.UnaryOp.operand));
            switch (e->v.UnaryOp.op) {
                case AST_INVERT:
                    EMIT(c, UNARY_INVERT, 0);
                    break;
                case AST_NOT:
                    EMIT(c, UNARY_NOT, 0);
                    break;
                case AST_UADD:
                    EMIT(c, UNARY_POSITIVE, 0);
                    break;
                case AST_USUB:
                    EMIT(c, UNARY_NEGATIVE, 0);
                    break;
            }
            return 0;
        }
        case EXPR_LAMBDA:
            return compile_lambda(c, e);
        case EXPR_IF_EXP: {
            NEW_LABEL(c, end);
            NEW_LABEL(c, next);
            TRY(compile_jump_if(c, e->v.IfExp.test, next, false));
            TRY(compile_expr(c, e->v.IfExp.body));
            EMIT_JUMP(c, JUMP_FORWARD, end);
            bind_label(c, next);
            TRY(compile_expr(c, e->v.IfExp.orelse));
            bind_label(c, end);
            return 0;
        }
        case EXPR_DICT:
            return compile_dict(c, e);
        case EXPR_SET:
            return starunpack(c, e->v.Set.elts, 0, OP_BUILD_SET, OP_SET_ADD, OP_SET_UPDATE, false);
        case EXPR_LIST_COMP:
            return compile_comprehension(c, e, "<listcomp>", COMP_LIST, e->v.ListComp.generators,
                                         e->v.ListComp.elt, NULL);
        case EXPR_SET_COMP:
            return compile_comprehension(c, e, "<setcomp>", COMP_SET, e->v.SetComp.generators,
                                         e->v.SetComp.elt, NULL);
        case EXPR_DICT_COMP:
            return compile_comprehension(c, e, "<dictcomp>", COMP_DICT, e->v.DictComp.generators,
                                         e->v.DictComp.key, e->v.DictComp.value);
        case EXPR_GENERATOR_EXP:
            return compile_comprehension(c, e, "<genexpr>", COMP_GENERATOR,
                                         e->v.GeneratorExp.generators, e->v.GeneratorExp.elt, NULL);
        case EXPR_AWAIT:
            if (!in_function_scope(c)) {
                return compiler_error(c, "'await' outside function");
            }
            return compiler_error(c, "'await' outside async function");
        case EXPR_YIELD:
            if (!in_function_scope(c)) {
                return compiler_error(c, "'yield' outside function");
            }
            if (e->v.Yield.value != NULL) {
                TRY(compile_expr(c, e->v.Yield.value));
            } else {
                EMIT_CONST(c, None);
            }
            EMIT(c, YIELD_VALUE, 0);
            return 0;
        case EXPR_YIELD_FROM:
            if (!in_function_scope(c)) {
                return compiler_error(c, "'yield' outside function");
            }
            TRY(compile_expr(c, e->v.YieldFrom.value));
            EMIT(c, GET_YIELD_FROM_ITER, 0);
            EMIT_CONST(c, None);
            return compile_yield_from_loop(c);
        case EXPR_COMPARE:
            return compile_compare(c, e);
        case EXPR_CALL:
            return compile_call(c, e);
        case EXPR_FORMATTED_VALUE:
            return compile_formatted_value(c, e);
        case EXPR_JOINED_STR:
            return compile_joined_str(c, e);
        case EXPR_CONSTANT:
            return emit_load_const(c, e->v.Constant.value);
        case EXPR_ATTRIBUTE: {
            TRY(compile_expr(c, e->v.Attribute.value));
            c->u->loc = attribute_loc(e);
            Opcode op = e->v.Attribute.ctx == AST_LOAD    ? OP_LOAD_ATTR
                        : e->v.Attribute.ctx == AST_STORE ? OP_STORE_ATTR
                                                          : OP_DELETE_ATTR;
            return emit_name(c, op, e->v.Attribute.attr);
        }
        case EXPR_SUBSCRIPT: {
            TRY(compile_expr(c, e->v.Subscript.value));
            TRY(compile_expr(c, e->v.Subscript.slice));
            Opcode op = e->v.Subscript.ctx == AST_LOAD    ? OP_BINARY_SUBSCR
                        : e->v.Subscript.ctx == AST_STORE ? OP_STORE_SUBSCR
                                                          : OP_DELETE_SUBSCR;
            return emit(c, op, 0);
        }
        case EXPR_STARRED:
            if (e->v.Starred.ctx == AST_STORE) {
                return compiler_error(c, "starred assignment target must be in a list or tuple");
            }
            return compiler_error(c, "can't use starred expression here");
        case EXPR_SLICE:
            return compile_slice(c, e);
        case EXPR_NAME:
            return compile_nameop(c, e->v.Name.id, e->v.Name.ctx);
        case EXPR_LIST:
            return compile_sequence(c, e, e->v.List.elts, e->v.List.ctx, false);
        case EXPR_TUPLE:
            return compile_sequence(c, e, e->v.Tuple.elts, e->v.Tuple.ctx, true);
        default:
            err_format(&ExcSystemError, "compiler: unknown expression kind %d", (int)e->kind);
            return -1;
    }
}

/* Every instruction of an expression carries that expression's position
 * (the innermost one that contains it), as in CPython. */
static int compile_expr(Compiler *c, const Expr *e) {
    SourcePosition saved = c->u->loc;
    c->u->loc = LOC_OF(e);
    int r = compile_expr_inner(c, e);
    c->u->loc = saved;
    return r;
}

/* ================================================================ statements */

static int compile_return(Compiler *c, const Stmt *s) {
    const Expr *value = s->v.Return.value;
    bool preserve_tos = value != NULL && value->kind != EXPR_CONSTANT;
    if (!in_function_scope(c)) {
        return compiler_error(c, "'return' outside function");
    }
    if (preserve_tos) {
        TRY(compile_expr(c, value));
    }
    HandlerStackCopy saved;
    TRY(save_handlers(c, &saved));
    TRY(unwind_fblock_stack(c, preserve_tos, NULL));
    c->u->loc = LOC_OF(s);
    if (value == NULL) {
        EMIT_CONST(c, None);
    } else if (!preserve_tos) {
        EMIT_CONST(c, value->v.Constant.value);
    }
    EMIT(c, RETURN_VALUE, 0);
    restore_handlers(c, &saved);
    return 0;
}

static int compile_break_continue(Compiler *c, const Stmt *s, bool is_break) {
    FBlock *loop = NULL;
    HandlerStackCopy saved;
    TRY(save_handlers(c, &saved));
    TRY(unwind_fblock_stack(c, false, &loop));
    c->u->loc = LOC_OF(s);
    if (loop == NULL) {
        return compiler_error(c, is_break ? "'break' outside loop"
                                          : "'continue' not properly in loop");
    }
    if (is_break) {
        TRY(unwind_fblock(c, loop, false));
        EMIT_JUMP(c, JUMP_FORWARD, loop->exit_label);
    } else {
        EMIT_JUMP(c, JUMP_FORWARD, loop->block_label);
    }
    restore_handlers(c, &saved);
    return 0;
}

static bool is_true_constant(const Expr *e) {
    if (e->kind != EXPR_CONSTANT) {
        return false;
    }
    Object *v = e->v.Constant.value;
    if (v == True) {
        return true;
    }
    return is_small_int(v) && small_int_value(v) != 0;
}

static int compile_if(Compiler *c, const Stmt *s) {
    NEW_LABEL(c, end);
    StmtSeq orelse = s->v.If.orelse;
    int32_t next = end;
    if (orelse.count > 0) {
        next = new_label(c);
        TRY(next);
    }
    TRY(compile_jump_if(c, s->v.If.test, next, false));
    TRY(compile_stmts(c, s->v.If.body));
    if (orelse.count > 0) {
        EMIT_JUMP(c, JUMP_FORWARD, end);
        bind_label(c, next);
        TRY(compile_stmts(c, orelse));
    }
    bind_label(c, end);
    return 0;
}

static int compile_while(Compiler *c, const Stmt *s) {
    NEW_LABEL(c, loop);
    NEW_LABEL(c, anchor);
    NEW_LABEL(c, end);
    bind_label(c, loop);
    TRY(push_fblock(c, FB_WHILE_LOOP, loop, end, c->u->nhstack));
    if (!is_true_constant(s->v.While.test)) {
        TRY(compile_jump_if(c, s->v.While.test, anchor, false));
    }
    TRY(compile_stmts(c, s->v.While.body));
    c->u->loc = LOC_OF(s);
    EMIT_JUMP(c, JUMP_FORWARD, loop);
    pop_fblock(c);
    bind_label(c, anchor);
    TRY(compile_stmts(c, s->v.While.orelse));
    bind_label(c, end);
    return 0;
}

static int compile_for(Compiler *c, const Stmt *s) {
    NEW_LABEL(c, start);
    NEW_LABEL(c, cleanup);
    NEW_LABEL(c, end);
    TRY(push_fblock(c, FB_FOR_LOOP, start, end, c->u->nhstack));
    TRY(compile_iterable(c, s->v.For.iter));
    EMIT(c, GET_ITER, 0);
    bind_label(c, start);
    EMIT_JUMP(c, FOR_ITER, cleanup);
    TRY(compile_expr(c, s->v.For.target));
    TRY(compile_stmts(c, s->v.For.body));
    EMIT_JUMP(c, JUMP_FORWARD, start);
    bind_label(c, cleanup);
    pop_fblock(c);
    TRY(compile_stmts(c, s->v.For.orelse));
    bind_label(c, end);
    return 0;
}

/* COPY 3; POP_EXCEPT; RERAISE 1: the cleanup handler of an except/finally block. */
static int pop_except_and_reraise(Compiler *c) {
    EMIT(c, COPY, 3);
    EMIT(c, POP_EXCEPT, 0);
    EMIT(c, RERAISE, 1);
    return 0;
}

/* try: body except...: handlers else: orelse (CPython's compiler_try_except).
 * The layout, with the handler regions on the right:
 *
 *         <body>                                  region -> except
 *         <orelse>
 *         JUMP end
 *   except:                       (stack: exc)
 *         PUSH_EXC_INFO                           region -> cleanup (lasti)
 *         <type>; CHECK_EXC_MATCH; POP_JUMP_IF_FALSE next
 *         STORE name                              (or POP_TOP without `as`)
 *         <handler body>                          region -> cleanup_end (lasti)
 *         POP_EXCEPT; name = None; del name; JUMP end
 *   cleanup_end: name = None; del name; RERAISE 1 region -> cleanup
 *   next: ... the next clause ...
 *         RERAISE 0                               (no clause matched)
 *   cleanup: COPY 3; POP_EXCEPT; RERAISE 1        (restore sys.exc_info, re-raise)
 *   end:
 */
static int compile_try_except(Compiler *c, const Stmt *s) {
    Unit *u = c->u;
    NEW_LABEL(c, except);
    NEW_LABEL(c, end);
    NEW_LABEL(c, cleanup);
    size_t outer = u->nhstack;
    TRY(push_handler(c, except, false, 0));
    TRY(push_fblock(c, FB_TRY_EXCEPT, -1, -1, outer));
    TRY(compile_stmts(c, s->v.Try.body));
    pop_fblock(c);
    pop_handler(c);
    TRY(compile_stmts(c, s->v.Try.orelse));
    EMIT_JUMP(c, JUMP_FORWARD, end);

    /* The exception is on the stack. */
    bind_label(c, except);
    int32_t cleanup_handler = push_handler(c, cleanup, true, 0);
    TRY(cleanup_handler);
    EMIT(c, PUSH_EXC_INFO, 0);
    TRY(push_fblock(c, FB_EXCEPTION_HANDLER, -1, -1, outer));
    ExceptHandlerSeq handlers = s->v.Try.handlers;
    for (size_t i = 0; i < handlers.count; i++) {
        const ExceptHandler *h = handlers.items[i];
        u->loc = LOC_OF(h);
        if (h->type == NULL && i + 1 < handlers.count) {
            return compiler_error(c, "default 'except:' must be last");
        }
        NEW_LABEL(c, next_except);
        if (h->type != NULL) {
            TRY(compile_expr(c, h->type));
            EMIT(c, CHECK_EXC_MATCH, 0);
            EMIT_JUMP(c, POP_JUMP_IF_FALSE, next_except);
        }
        if (h->name != NULL) {
            /* except E as name:
             *     try: body
             *     finally: name = None; del name */
            NEW_LABEL(c, cleanup_end);
            TRY(compile_nameop(c, h->name, AST_STORE));
            TRY(push_handler(c, cleanup_end, true, 0));
            TRY(push_fblock(c, FB_HANDLER_CLEANUP, -1, -1, outer));
            top_fblock(c)->name = h->name;
            TRY(compile_stmts(c, h->body));
            pop_fblock(c);
            u->loc = LOC_OF(h);
            pop_handler(c); /* cleanup_end */
            pop_handler(c); /* cleanup */
            EMIT(c, POP_EXCEPT, 0);
            EMIT_CONST(c, None);
            TRY(compile_nameop(c, h->name, AST_STORE));
            TRY(compile_nameop(c, h->name, AST_DEL));
            EMIT_JUMP(c, JUMP_FORWARD, end);

            /* An exception inside the handler body: unbind the name, re-raise. */
            TRY(repush_handler(c, cleanup_handler));
            bind_label(c, cleanup_end);
            EMIT_CONST(c, None);
            TRY(compile_nameop(c, h->name, AST_STORE));
            TRY(compile_nameop(c, h->name, AST_DEL));
            EMIT(c, RERAISE, 1);
        } else {
            EMIT(c, POP_TOP, 0); /* the exception */
            TRY(push_fblock(c, FB_HANDLER_CLEANUP, -1, -1, outer));
            TRY(compile_stmts(c, h->body));
            pop_fblock(c);
            u->loc = LOC_OF(h);
            pop_handler(c); /* cleanup */
            EMIT(c, POP_EXCEPT, 0);
            EMIT_JUMP(c, JUMP_FORWARD, end);
            TRY(repush_handler(c, cleanup_handler));
        }
        bind_label(c, next_except);
    }
    pop_fblock(c);
    /* No clause matched: re-raise (still inside the cleanup region). */
    EMIT(c, RERAISE, 0);
    pop_handler(c);
    bind_label(c, cleanup);
    TRY(pop_except_and_reraise(c));
    bind_label(c, end);
    return 0;
}

/* try: body finally: finalbody (CPython's compiler_try_finally). The finally
 * body is emitted twice: once for the normal exit, once in the handler (and
 * once more on each return/break/continue path that leaves the try):
 *
 *         <body>                                  region -> end
 *         <finalbody>; JUMP exit
 *   end:  PUSH_EXC_INFO                           region -> cleanup (lasti)
 *         <finalbody>; RERAISE 0
 *   cleanup: COPY 3; POP_EXCEPT; RERAISE 1
 *   exit:
 */
static int compile_try_finally(Compiler *c, const Stmt *s) {
    Unit *u = c->u;
    NEW_LABEL(c, end);
    NEW_LABEL(c, exit);
    NEW_LABEL(c, cleanup);
    size_t outer = u->nhstack;
    TRY(push_handler(c, end, false, 0));
    TRY(push_fblock(c, FB_FINALLY_TRY, -1, -1, outer));
    top_fblock(c)->finalbody = &s->v.Try.finalbody;
    if (s->v.Try.handlers.count > 0) {
        TRY(compile_try_except(c, s));
    } else {
        TRY(compile_stmts(c, s->v.Try.body));
    }
    pop_handler(c);
    pop_fblock(c);
    TRY(compile_stmts(c, s->v.Try.finalbody));
    EMIT_JUMP(c, JUMP_FORWARD, exit);

    /* The exceptional path: the exception is on the stack. */
    bind_label(c, end);
    TRY(push_handler(c, cleanup, true, 0));
    EMIT(c, PUSH_EXC_INFO, 0);
    TRY(push_fblock(c, FB_FINALLY_END, -1, -1, outer));
    TRY(compile_stmts(c, s->v.Try.finalbody));
    pop_fblock(c);
    EMIT(c, RERAISE, 0);
    pop_handler(c);
    bind_label(c, cleanup);
    TRY(pop_except_and_reraise(c));
    bind_label(c, exit);
    return 0;
}

static int compile_try(Compiler *c, const Stmt *s) {
    if (s->v.Try.finalbody.count > 0) {
        return compile_try_finally(c, s);
    }
    return compile_try_except(c, s);
}

/* with a as x, b as y: body  (CPython's compiler_with, one item at a time):
 *
 *         <a>; BEFORE_WITH                        (stack: __exit__, a.__enter__())
 *         STORE x                                 region -> final (lasti)
 *         <body>
 *         LOAD_CONST None x3; CALL 3; POP_TOP; JUMP exit
 *   final: PUSH_EXC_INFO                          region -> cleanup (lasti)
 *         WITH_EXCEPT_START; POP_JUMP_IF_TRUE suppress; RERAISE 2
 *   cleanup: COPY 3; POP_EXCEPT; RERAISE 1
 *   suppress: POP_TOP; POP_EXCEPT; POP_TOP; POP_TOP
 *   exit:
 */
static int compile_with(Compiler *c, const Stmt *s, size_t pos) {
    Unit *u = c->u;
    const WithItem *item = s->v.With.items.items[pos];
    NEW_LABEL(c, final);
    NEW_LABEL(c, exit);
    NEW_LABEL(c, cleanup);
    NEW_LABEL(c, suppress);
    size_t outer = u->nhstack;
    TRY(compile_expr(c, item->context_expr));
    u->loc = LOC_OF(s);
    EMIT(c, BEFORE_WITH, 0);
    /* The region starts with __enter__'s result still on the stack. */
    int32_t with_handler = push_handler(c, final, true, -1);
    TRY(with_handler);
    TRY(push_fblock(c, FB_WITH, -1, -1, outer));
    top_fblock(c)->stmt = s;
    if (item->optional_vars != NULL) {
        TRY(compile_expr(c, item->optional_vars));
    } else {
        EMIT(c, POP_TOP, 0);
    }
    if (pos + 1 == s->v.With.items.count) {
        TRY(compile_stmts(c, s->v.With.body));
    } else {
        TRY(compile_with(c, s, pos + 1));
    }
    pop_handler(c);
    pop_fblock(c);
    /* Normal exit: __exit__(None, None, None). */
    u->loc = LOC_OF(s);
    TRY(call_exit_with_nones(c));
    EMIT(c, POP_TOP, 0);
    EMIT_JUMP(c, JUMP_FORWARD, exit);

    /* Exceptional exit: stack is [__exit__, lasti, exc]. */
    bind_label(c, final);
    int32_t cleanup_handler = push_handler(c, cleanup, true, 0);
    TRY(cleanup_handler);
    EMIT(c, PUSH_EXC_INFO, 0);
    EMIT(c, WITH_EXCEPT_START, 0);
    EMIT_JUMP(c, POP_JUMP_IF_TRUE, suppress);
    EMIT(c, RERAISE, 2);
    pop_handler(c);
    bind_label(c, cleanup);
    TRY(pop_except_and_reraise(c));
    bind_label(c, suppress);
    TRY(repush_handler(c, cleanup_handler));
    EMIT(c, POP_TOP, 0); /* the exception */
    pop_handler(c);
    EMIT(c, POP_EXCEPT, 0);
    EMIT(c, POP_TOP, 0); /* lasti */
    EMIT(c, POP_TOP, 0); /* __exit__ */
    bind_label(c, exit);
    return 0;
}

static int compile_raise(Compiler *c, const Stmt *s) {
    uint32_t n = 0;
    if (s->v.Raise.exc != NULL) {
        TRY(compile_expr(c, s->v.Raise.exc));
        n++;
        if (s->v.Raise.cause != NULL) {
            TRY(compile_expr(c, s->v.Raise.cause));
            n++;
        }
    }
    EMIT(c, RAISE_VARARGS, n);
    return 0;
}

static int compile_assert(Compiler *c, const Stmt *s) {
    NEW_LABEL(c, end);
    TRY(compile_jump_if(c, s->v.Assert.test, end, true));
    EMIT(c, LOAD_ASSERTION_ERROR, 0);
    if (s->v.Assert.msg != NULL) {
        TRY(compile_expr(c, s->v.Assert.msg));
        EMIT(c, CALL, 1);
    }
    EMIT(c, RAISE_VARARGS, 1);
    bind_label(c, end);
    return 0;
}

/* A substring of a dotted name, interned. */
static Object *name_part(Compiler *c, const char *s, size_t n) {
    char *buf = mem_alloc(n + 1);
    if (buf == NULL) {
        return NULL;
    }
    memcpy(buf, s, n);
    buf[n] = '\0';
    Object *o = intern(c, buf);
    mem_free(buf);
    return o;
}

static int compile_import(Compiler *c, const Stmt *s) {
    AliasSeq names = s->v.Import.names;
    for (size_t i = 0; i < names.count; i++) {
        const Alias *alias = names.items[i];
        EMIT_CONST(c, small_int_make(0));
        EMIT_CONST(c, None);
        EMIT_NAME(c, IMPORT_NAME, alias->name);
        const char *full = str_utf8(alias->name);
        const char *dot = strchr(full, '.');
        if (alias->asname != NULL) {
            if (dot != NULL) {
                /* import a.b.c as d: walk to the submodule with IMPORT_FROM. */
                const char *part = dot + 1;
                for (;;) {
                    const char *next = strchr(part, '.');
                    size_t len = next != NULL ? (size_t)(next - part) : strlen(part);
                    Object *attr = name_part(c, part, len);
                    if (attr == NULL) {
                        return -1;
                    }
                    EMIT_NAME(c, IMPORT_FROM, attr);
                    if (next == NULL) {
                        break;
                    }
                    EMIT(c, SWAP, 2);
                    EMIT(c, POP_TOP, 0);
                    part = next + 1;
                }
                TRY(compile_nameop(c, alias->asname, AST_STORE));
                EMIT(c, POP_TOP, 0);
            } else {
                TRY(compile_nameop(c, alias->asname, AST_STORE));
            }
        } else if (dot != NULL) {
            Object *top = name_part(c, full, (size_t)(dot - full));
            if (top == NULL) {
                return -1;
            }
            TRY(compile_nameop(c, top, AST_STORE));
        } else {
            TRY(compile_nameop(c, alias->name, AST_STORE));
        }
    }
    return 0;
}

static int compile_import_from(Compiler *c, const Stmt *s) {
    AliasSeq names = s->v.ImportFrom.names;
    EMIT_CONST(c, small_int_make(s->v.ImportFrom.level));
    Object *fromlist = tuple_new(names.count);
    if (fromlist == NULL || keep(c, fromlist) == NULL) {
        return -1;
    }
    for (size_t i = 0; i < names.count; i++) {
        tuple_init_item(fromlist, i, NEWREF(names.items[i]->name));
    }
    EMIT_CONST(c, fromlist);
    Object *module = s->v.ImportFrom.module;
    if (module == NULL) {
        module = intern(c, "");
        if (module == NULL) {
            return -1;
        }
    }
    EMIT_NAME(c, IMPORT_NAME, module);
    for (size_t i = 0; i < names.count; i++) {
        const Alias *alias = names.items[i];
        if (i == 0 && str_utf8(alias->name)[0] == '*') {
            EMIT(c, IMPORT_STAR, 0);
            return 0;
        }
        EMIT_NAME(c, IMPORT_FROM, alias->name);
        TRY(compile_nameop(c, alias->asname != NULL ? alias->asname : alias->name, AST_STORE));
    }
    EMIT(c, POP_TOP, 0); /* the module */
    return 0;
}

/* x op= value, for names, attributes and subscripts. */
static int compile_augassign(Compiler *c, const Stmt *s) {
    const Expr *t = s->v.AugAssign.target;
    Unit *u = c->u;
    u->loc = LOC_OF(t);
    switch (t->kind) {
        case EXPR_ATTRIBUTE:
            TRY(compile_expr(c, t->v.Attribute.value));
            EMIT(c, COPY, 1);
            u->loc = attribute_loc(t);
            EMIT_NAME(c, LOAD_ATTR, t->v.Attribute.attr);
            break;
        case EXPR_SUBSCRIPT:
            TRY(compile_expr(c, t->v.Subscript.value));
            TRY(compile_expr(c, t->v.Subscript.slice));
            EMIT(c, COPY, 2);
            EMIT(c, COPY, 2);
            EMIT(c, BINARY_SUBSCR, 0);
            break;
        case EXPR_NAME:
            TRY(compile_nameop(c, t->v.Name.id, AST_LOAD));
            break;
        default:
            err_format(&ExcSystemError, "invalid node type (%d) for augmented assignment",
                       (int)t->kind);
            return -1;
    }
    u->loc = LOC_OF(s);
    TRY(compile_expr(c, s->v.AugAssign.value));
    EMIT(c, INPLACE_OP, s->v.AugAssign.op);
    u->loc = LOC_OF(t);
    switch (t->kind) {
        case EXPR_ATTRIBUTE:
            u->loc = attribute_loc(t);
            EMIT(c, SWAP, 2);
            EMIT_NAME(c, STORE_ATTR, t->v.Attribute.attr);
            break;
        case EXPR_SUBSCRIPT:
            EMIT(c, SWAP, 3);
            EMIT(c, SWAP, 2);
            EMIT(c, STORE_SUBSCR, 0);
            break;
        default:
            TRY(compile_nameop(c, t->v.Name.id, AST_STORE));
            break;
    }
    return 0;
}

/* Evaluate an expression only for its side effects / errors (annotations). */
static int check_ann_expr(Compiler *c, const Expr *e) {
    TRY(compile_expr(c, e));
    EMIT(c, POP_TOP, 0);
    return 0;
}

static int compile_annassign(Compiler *c, const Stmt *s) {
    const Expr *target = s->v.AnnAssign.target;
    if (s->v.AnnAssign.value != NULL) {
        TRY(compile_expr(c, s->v.AnnAssign.value));
        TRY(compile_expr(c, target));
    }
    bool module_or_class = c->u->kind == UNIT_MODULE || c->u->kind == UNIT_CLASS;
    switch (target->kind) {
        case EXPR_NAME:
            if (s->v.AnnAssign.simple && module_or_class) {
                TRY(compile_annotation(c, s->v.AnnAssign.annotation));
                Object *ann = intern(c, "__annotations__");
                Object *mangled = mangle(c, target->v.Name.id);
                if (ann == NULL || mangled == NULL) {
                    return -1;
                }
                EMIT_NAME(c, LOAD_NAME, ann);
                EMIT_CONST(c, mangled);
                EMIT(c, STORE_SUBSCR, 0);
            }
            break;
        case EXPR_ATTRIBUTE:
            if (s->v.AnnAssign.value == NULL) {
                TRY(check_ann_expr(c, target->v.Attribute.value));
            }
            break;
        case EXPR_SUBSCRIPT:
            if (s->v.AnnAssign.value == NULL) {
                TRY(check_ann_expr(c, target->v.Subscript.value));
                TRY(check_ann_expr(c, target->v.Subscript.slice));
            }
            break;
        default:
            err_format(&ExcSystemError, "invalid node type (%d) for annotated assignment",
                       (int)target->kind);
            return -1;
    }
    if (!s->v.AnnAssign.simple && module_or_class && !c->future_annotations) {
        TRY(check_ann_expr(c, s->v.AnnAssign.annotation));
    }
    return 0;
}

/* Does a body contain an annotated assignment (outside nested scopes)? */
static bool find_ann(StmtSeq seq) {
    for (size_t i = 0; i < seq.count; i++) {
        const Stmt *s = seq.items[i];
        switch (s->kind) {
            case STMT_ANN_ASSIGN:
                return true;
            case STMT_FOR:
                if (find_ann(s->v.For.body) || find_ann(s->v.For.orelse)) {
                    return true;
                }
                break;
            case STMT_WHILE:
                if (find_ann(s->v.While.body) || find_ann(s->v.While.orelse)) {
                    return true;
                }
                break;
            case STMT_IF:
                if (find_ann(s->v.If.body) || find_ann(s->v.If.orelse)) {
                    return true;
                }
                break;
            case STMT_WITH:
                if (find_ann(s->v.With.body)) {
                    return true;
                }
                break;
            case STMT_TRY:
                for (size_t k = 0; k < s->v.Try.handlers.count; k++) {
                    if (find_ann(s->v.Try.handlers.items[k]->body)) {
                        return true;
                    }
                }
                if (find_ann(s->v.Try.body) || find_ann(s->v.Try.orelse) ||
                    find_ann(s->v.Try.finalbody)) {
                    return true;
                }
                break;
            default:
                break;
        }
    }
    return false;
}

/* Module and class bodies: __annotations__ setup, docstring, statements. */
static int compile_body(Compiler *c, StmtSeq body) {
    if (c->u->kind == UNIT_MODULE && body.count > 0) {
        c->u->loc = LOC_OF(body.items[0]);
    }
    if (find_ann(body)) {
        EMIT(c, SETUP_ANNOTATIONS, 0);
    }
    size_t i = 0;
    Object *doc = get_docstring(body);
    if (doc != NULL) {
        c->u->code.docstring = doc;
        c->u->loc = LOC_OF(body.items[0]);
        EMIT_CONST(c, doc);
        TRY(nameop_cstr(c, "__doc__", AST_STORE));
        i = 1;
    }
    for (; i < body.count; i++) {
        TRY(compile_stmt(c, body.items[i]));
    }
    return 0;
}

static int compile_class_def(Compiler *c, const Stmt *s) {
    ExprSeq decorators = s->v.ClassDef.decorator_list;
    TRY(compile_decorators(c, decorators));
    int firstlineno = decorators.count > 0 ? decorators.items[0]->lineno : s->lineno;
    TRY(unit_enter(c, UNIT_CLASS, s->v.ClassDef.name, s, firstlineno));
    Unit *u = c->u;
    u->private_name = s->v.ClassDef.name;
    u->loc = LOC_OF(s);
    int r = nameop_cstr(c, "__name__", AST_LOAD);
    if (r == 0) {
        r = nameop_cstr(c, "__module__", AST_STORE);
    }
    if (r == 0) {
        r = emit_load_const(c, u->code.qualname);
    }
    if (r == 0) {
        r = nameop_cstr(c, "__qualname__", AST_STORE);
    }
    if (r == 0) {
        r = compile_body(c, s->v.ClassDef.body);
    }
    if (r == 0) {
        u->loc = LOC_OF(s);
        if (u->scope->needs_class_closure) {
            /* Return the __class__ cell so type() can fill it in. */
            r = emit(c, OP_LOAD_CLOSURE, 0);
            if (r == 0) {
                r = emit(c, OP_COPY, 1);
            }
            if (r == 0) {
                r = nameop_cstr(c, "__classcell__", AST_STORE);
            }
        } else {
            r = emit_load_const(c, None);
        }
    }
    if (r == 0) {
        r = emit(c, OP_RETURN_VALUE, 0);
    }
    if (r < 0) {
        unit_abandon(c);
        return -1;
    }
    CodeObject *code = unit_finish(c, false);
    if (code == NULL) {
        return -1;
    }
    c->u->loc = LOC_OF(s);
    EMIT(c, LOAD_BUILD_CLASS, 0);
    TRY(make_closure(c, code, 0));
    EMIT_CONST(c, s->v.ClassDef.name);
    TRY(compile_call_helper(c, 2, s->v.ClassDef.bases, s->v.ClassDef.keywords));
    TRY(apply_decorators(c, decorators));
    return compile_nameop(c, s->v.ClassDef.name, AST_STORE);
}

static int compile_expr_stmt(Compiler *c, const Stmt *s) {
    const Expr *value = s->v.Expr.value;
    if (c->interactive && c->nest_level <= 1) {
        TRY(compile_expr(c, value));
        EMIT(c, PRINT_EXPR, 0);
        return 0;
    }
    if (value->kind == EXPR_CONSTANT) {
        return 0; /* a constant statement (e.g. a string used as a comment) does nothing */
    }
    TRY(compile_expr(c, value));
    EMIT(c, POP_TOP, 0);
    return 0;
}

static int compile_stmt(Compiler *c, const Stmt *s) {
    c->u->loc = LOC_OF(s);
    switch (s->kind) {
        case STMT_FUNCTION_DEF:
            return compile_function_def(c, s);
        case STMT_CLASS_DEF:
            return compile_class_def(c, s);
        case STMT_RETURN:
            return compile_return(c, s);
        case STMT_DELETE:
            for (size_t i = 0; i < s->v.Delete.targets.count; i++) {
                TRY(compile_expr(c, s->v.Delete.targets.items[i]));
            }
            return 0;
        case STMT_ASSIGN: {
            ExprSeq targets = s->v.Assign.targets;
            TRY(compile_expr(c, s->v.Assign.value));
            for (size_t i = 0; i < targets.count; i++) {
                if (i + 1 < targets.count) {
                    EMIT(c, COPY, 1);
                }
                TRY(compile_expr(c, targets.items[i]));
            }
            return 0;
        }
        case STMT_AUG_ASSIGN:
            return compile_augassign(c, s);
        case STMT_ANN_ASSIGN:
            return compile_annassign(c, s);
        case STMT_FOR:
            return compile_for(c, s);
        case STMT_WHILE:
            return compile_while(c, s);
        case STMT_IF:
            return compile_if(c, s);
        case STMT_WITH:
            return compile_with(c, s, 0);
        case STMT_RAISE:
            return compile_raise(c, s);
        case STMT_TRY:
            return compile_try(c, s);
        case STMT_ASSERT:
            return compile_assert(c, s);
        case STMT_IMPORT:
            return compile_import(c, s);
        case STMT_IMPORT_FROM:
            return compile_import_from(c, s);
        case STMT_GLOBAL:
        case STMT_NONLOCAL:
            return 0;
        case STMT_EXPR:
            return compile_expr_stmt(c, s);
        case STMT_PASS:
            return 0;
        case STMT_BREAK:
            return compile_break_continue(c, s, true);
        case STMT_CONTINUE:
            return compile_break_continue(c, s, false);
        default:
            err_format(&ExcSystemError, "compiler: unknown statement kind %d", (int)s->kind);
            return -1;
    }
}

static int compile_stmts(Compiler *c, StmtSeq seq) {
    for (size_t i = 0; i < seq.count; i++) {
        TRY(compile_stmt(c, seq.items[i]));
    }
    return 0;
}

/* ================================================================ entry point */

/* Does the module start (after its docstring) with future statements that
 * include `from __future__ import annotations`? */
static bool has_future_annotations(StmtSeq body) {
    for (size_t i = get_docstring(body) != NULL ? 1 : 0; i < body.count; i++) {
        const Stmt *s = body.items[i];
        if (s->kind != STMT_IMPORT_FROM || s->v.ImportFrom.module == NULL ||
            !str_equal_cstr(s->v.ImportFrom.module, "__future__")) {
            return false;
        }
        for (size_t k = 0; k < s->v.ImportFrom.names.count; k++) {
            if (str_equal_cstr(s->v.ImportFrom.names.items[k]->name, "annotations")) {
                return true;
            }
        }
    }
    return false;
}

CodeObject *codegen_module(Arena *arena, const Mod *mod, SymTable *st, Object *filename,
                           const char *source, size_t source_size, CompileMode mode) {
    Compiler compiler = {
        .arena = arena,
        .st = st,
        .filename = filename,
        .source = source,
        .source_size = source_size,
        .interactive = mode == COMPILE_SINGLE,
    };
    Compiler *c = &compiler;
    if (mod->kind == MOD_MODULE) {
        c->future_annotations = has_future_annotations(mod->v.Module.body);
    }
    Object *name = intern(c, "<module>");
    if (name == NULL || unit_enter(c, UNIT_MODULE, name, NULL, 1) < 0) {
        return NULL;
    }
    int r = 0;
    switch (mod->kind) {
        case MOD_MODULE:
            r = compile_body(c, mod->v.Module.body);
            break;
        case MOD_INTERACTIVE:
            if (find_ann(mod->v.Interactive.body)) {
                r = emit(c, OP_SETUP_ANNOTATIONS, 0);
            }
            if (r == 0) {
                r = compile_stmts(c, mod->v.Interactive.body);
            }
            break;
        case MOD_EXPRESSION:
            c->u->loc = LOC_OF(mod->v.Expression.body);
            r = compile_expr(c, mod->v.Expression.body);
            if (r == 0) {
                r = emit(c, OP_RETURN_VALUE, 0);
            }
            break;
        default:
            err_set_string(&ExcSystemError, "compiler: unknown module kind");
            r = -1;
            break;
    }
    if (r < 0) {
        unit_abandon(c);
        return NULL;
    }
    return unit_finish(c, mod->kind != MOD_EXPRESSION);
}
