/* ast.c: the arena that holds syntax trees, the node kind names, and
 * ast_dump(), which prints a tree exactly like CPython's ast.dump(). */
#include "ast.h"

#include <string.h>

#include "errors.h"
#include "exceptions.h"
#include "memory.h"

/* ================================================================ arena */

/* Memory comes in chunks; a request bigger than a chunk gets its own. */
#define ARENA_CHUNK_SIZE 8192
#define ARENA_ALIGN 16

typedef struct ArenaChunk {
    struct ArenaChunk *next;
    size_t used, size;
    _Alignas(ARENA_ALIGN) unsigned char data[];
} ArenaChunk;

struct Arena {
    ArenaChunk *chunks;   /* newest first */
    Object **objects;     /* references dropped by arena_free */
    size_t nobjects, objects_capacity;
};

Arena *arena_new(void) { return mem_alloc(sizeof(Arena)); }

void *arena_alloc(Arena *arena, size_t size) {
    size = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    ArenaChunk *c = arena->chunks;
    if (c == NULL || c->size - c->used < size) {
        size_t chunk_size = size > ARENA_CHUNK_SIZE ? size : ARENA_CHUNK_SIZE;
        ArenaChunk *fresh = mem_alloc(sizeof(ArenaChunk) + chunk_size);
        if (fresh == NULL) {
            return NULL;
        }
        fresh->size = chunk_size;
        if (c != NULL && size > ARENA_CHUNK_SIZE) {
            /* a big one-off: keep using the current chunk for small requests */
            fresh->next = c->next;
            c->next = fresh;
        } else {
            fresh->next = c;
            arena->chunks = fresh;
        }
        c = fresh;
    }
    void *p = c->data + c->used;
    c->used += size;
    /* chunks come zeroed from mem_alloc and are never reused: nothing to clear */
    return p;
}

int arena_add_object(Arena *arena, Object *obj) {
    if (arena->nobjects == arena->objects_capacity) {
        size_t cap = arena->objects_capacity ? arena->objects_capacity * 2 : 64;
        Object **objects = mem_realloc_array(arena->objects, cap, sizeof(Object *));
        if (objects == NULL) {
            DECREF(obj);
            return -1;
        }
        arena->objects = objects;
        arena->objects_capacity = cap;
    }
    arena->objects[arena->nobjects++] = obj;
    return 0;
}

void arena_free(Arena *arena) {
    if (arena == NULL) {
        return;
    }
    for (size_t i = 0; i < arena->nobjects; i++) {
        DECREF(arena->objects[i]);
    }
    mem_free(arena->objects);
    ArenaChunk *c = arena->chunks;
    while (c != NULL) {
        ArenaChunk *next = c->next;
        mem_free(c);
        c = next;
    }
    mem_free(arena);
}

/* ================================================================ names */

const char *const ast_mod_kind_names[MOD_KIND_COUNT] = {
#define X(upper, camel) #camel,
    AST_MOD_KINDS(X)
#undef X
};
const char *const ast_stmt_kind_names[STMT_KIND_COUNT] = {
#define X(upper, camel) #camel,
    AST_STMT_KINDS(X)
#undef X
};
const char *const ast_expr_kind_names[EXPR_KIND_COUNT] = {
#define X(upper, camel) #camel,
    AST_EXPR_KINDS(X)
#undef X
};

/* CPython's class names for the operator enums. */
static const char *const binop_names[BINOP_COUNT] = {
    [BINOP_ADD] = "Add",       [BINOP_SUB] = "Sub",           [BINOP_MUL] = "Mult",
    [BINOP_MATMUL] = "MatMult", [BINOP_TRUEDIV] = "Div",      [BINOP_FLOORDIV] = "FloorDiv",
    [BINOP_MOD] = "Mod",       [BINOP_POW] = "Pow",           [BINOP_LSHIFT] = "LShift",
    [BINOP_RSHIFT] = "RShift", [BINOP_AND] = "BitAnd",        [BINOP_OR] = "BitOr",
    [BINOP_XOR] = "BitXor",
};
static const char *const cmpop_names[AST_CMP_COUNT] = {
    [AST_CMP_LT] = "Lt", [AST_CMP_LE] = "LtE", [AST_CMP_EQ] = "Eq", [AST_CMP_NE] = "NotEq",
    [AST_CMP_GT] = "Gt", [AST_CMP_GE] = "GtE", [AST_CMP_IS] = "Is", [AST_CMP_IS_NOT] = "IsNot",
    [AST_CMP_IN] = "In", [AST_CMP_NOT_IN] = "NotIn",
};
static const char *const unaryop_names[] = {"Invert", "Not", "UAdd", "USub"};
static const char *const boolop_names[] = {"And", "Or"};
static const char *const ctx_names[] = {"Load()", "Store()", "Del()"};

/* ================================================================ dump */

/* The dumper writes "Kind(field=value, ...)" with CPython's rules: optional
 * fields that are absent are left out, lists are always shown. */
typedef struct {
    StrBuilder *out;
    bool attributes;
    int status; /* -1 once a repr failed or the tree was too deep */
    int depth;  /* expression nesting, bounded so that deep trees cannot overflow the C stack */
} Dumper;

#define DUMP_MAX_DEPTH 2000

static void dump_expr(Dumper *d, const Expr *e);
static void dump_stmt(Dumper *d, const Stmt *s);

/* Write ", name=" (or "name=" for the first field: `first` tracks it). */
static void field(Dumper *d, bool *first, const char *name) {
    if (!*first) {
        sb_append_cstr(d->out, ", ");
    }
    *first = false;
    sb_append_cstr(d->out, name);
    sb_append_char(d->out, '=');
}

static void dump_object(Dumper *d, Object *v) {
    if (sb_append_repr(d->out, v) < 0) {
        d->status = -1;
    }
}

static void dump_positions(Dumper *d, bool *first, int lineno, int col, int end_lineno,
                           int end_col) {
    if (!d->attributes) {
        return;
    }
    field(d, first, "lineno");
    sb_appendf(d->out, "%d", lineno);
    field(d, first, "col_offset");
    sb_appendf(d->out, "%d", col);
    field(d, first, "end_lineno");
    sb_appendf(d->out, "%d", end_lineno);
    field(d, first, "end_col_offset");
    sb_appendf(d->out, "%d", end_col);
}
#define DUMP_POSITIONS(d, first, n)                                                                \
    dump_positions((d), (first), (n)->lineno, (n)->col_offset, (n)->end_lineno, (n)->end_col_offset)

static void dump_expr_seq(Dumper *d, ExprSeq seq) {
    sb_append_char(d->out, '[');
    for (size_t i = 0; i < seq.count; i++) {
        if (i > 0) {
            sb_append_cstr(d->out, ", ");
        }
        if (seq.items[i] == NULL) {
            sb_append_cstr(d->out, "None");
        } else {
            dump_expr(d, seq.items[i]);
        }
    }
    sb_append_char(d->out, ']');
}

static void dump_stmt_seq(Dumper *d, StmtSeq seq) {
    sb_append_char(d->out, '[');
    for (size_t i = 0; i < seq.count; i++) {
        if (i > 0) {
            sb_append_cstr(d->out, ", ");
        }
        dump_stmt(d, seq.items[i]);
    }
    sb_append_char(d->out, ']');
}

static void dump_arg(Dumper *d, const Arg *a) {
    bool first = true;
    sb_append_cstr(d->out, "arg(");
    field(d, &first, "arg");
    dump_object(d, a->arg);
    if (a->annotation != NULL) {
        field(d, &first, "annotation");
        dump_expr(d, a->annotation);
    }
    DUMP_POSITIONS(d, &first, a);
    sb_append_char(d->out, ')');
}

static void dump_arg_seq(Dumper *d, ArgSeq seq) {
    sb_append_char(d->out, '[');
    for (size_t i = 0; i < seq.count; i++) {
        if (i > 0) {
            sb_append_cstr(d->out, ", ");
        }
        dump_arg(d, seq.items[i]);
    }
    sb_append_char(d->out, ']');
}

static void dump_arguments(Dumper *d, const Arguments *a) {
    bool first = true;
    sb_append_cstr(d->out, "arguments(");
    field(d, &first, "posonlyargs");
    dump_arg_seq(d, a->posonlyargs);
    field(d, &first, "args");
    dump_arg_seq(d, a->args);
    if (a->vararg != NULL) {
        field(d, &first, "vararg");
        dump_arg(d, a->vararg);
    }
    field(d, &first, "kwonlyargs");
    dump_arg_seq(d, a->kwonlyargs);
    field(d, &first, "kw_defaults");
    dump_expr_seq(d, a->kw_defaults);
    if (a->kwarg != NULL) {
        field(d, &first, "kwarg");
        dump_arg(d, a->kwarg);
    }
    field(d, &first, "defaults");
    dump_expr_seq(d, a->defaults);
    sb_append_char(d->out, ')');
}

static void dump_keywords(Dumper *d, KeywordSeq seq) {
    sb_append_char(d->out, '[');
    for (size_t i = 0; i < seq.count; i++) {
        const Keyword *k = seq.items[i];
        bool first = true;
        if (i > 0) {
            sb_append_cstr(d->out, ", ");
        }
        sb_append_cstr(d->out, "keyword(");
        if (k->arg != NULL) {
            field(d, &first, "arg");
            dump_object(d, k->arg);
        }
        field(d, &first, "value");
        dump_expr(d, k->value);
        DUMP_POSITIONS(d, &first, k);
        sb_append_char(d->out, ')');
    }
    sb_append_char(d->out, ']');
}

static void dump_comprehensions(Dumper *d, ComprehensionSeq seq) {
    sb_append_char(d->out, '[');
    for (size_t i = 0; i < seq.count; i++) {
        const Comprehension *c = seq.items[i];
        if (i > 0) {
            sb_append_cstr(d->out, ", ");
        }
        sb_append_cstr(d->out, "comprehension(target=");
        dump_expr(d, c->target);
        sb_append_cstr(d->out, ", iter=");
        dump_expr(d, c->iter);
        sb_append_cstr(d->out, ", ifs=");
        dump_expr_seq(d, c->ifs);
        sb_appendf(d->out, ", is_async=%d)", c->is_async);
    }
    sb_append_char(d->out, ']');
}

static void dump_aliases(Dumper *d, AliasSeq seq) {
    sb_append_char(d->out, '[');
    for (size_t i = 0; i < seq.count; i++) {
        const Alias *a = seq.items[i];
        bool first = true;
        if (i > 0) {
            sb_append_cstr(d->out, ", ");
        }
        sb_append_cstr(d->out, "alias(");
        field(d, &first, "name");
        dump_object(d, a->name);
        if (a->asname != NULL) {
            field(d, &first, "asname");
            dump_object(d, a->asname);
        }
        DUMP_POSITIONS(d, &first, a);
        sb_append_char(d->out, ')');
    }
    sb_append_char(d->out, ']');
}

static void dump_identifiers(Dumper *d, IdentifierSeq seq) {
    sb_append_char(d->out, '[');
    for (size_t i = 0; i < seq.count; i++) {
        if (i > 0) {
            sb_append_cstr(d->out, ", ");
        }
        dump_object(d, seq.items[i]);
    }
    sb_append_char(d->out, ']');
}

/* Shorthands for the dump functions below. */
#define F_EXPR(name, value)                                                                        \
    do {                                                                                           \
        field(d, &first, name);                                                                    \
        dump_expr(d, (value));                                                                     \
    } while (0)
#define F_OPT_EXPR(name, value)                                                                    \
    do {                                                                                           \
        if ((value) != NULL) {                                                                     \
            F_EXPR(name, value);                                                                   \
        }                                                                                          \
    } while (0)
#define F_EXPRS(name, value)                                                                       \
    do {                                                                                           \
        field(d, &first, name);                                                                    \
        dump_expr_seq(d, (value));                                                                 \
    } while (0)
#define F_STMTS(name, value)                                                                       \
    do {                                                                                           \
        field(d, &first, name);                                                                    \
        dump_stmt_seq(d, (value));                                                                 \
    } while (0)
#define F_OBJ(name, value)                                                                         \
    do {                                                                                           \
        field(d, &first, name);                                                                    \
        dump_object(d, (value));                                                                   \
    } while (0)
#define F_RAW(name, text)                                                                          \
    do {                                                                                           \
        field(d, &first, name);                                                                    \
        sb_append_cstr(d->out, (text));                                                            \
    } while (0)

static void dump_expr(Dumper *d, const Expr *e) {
    bool first = true;
    if (d->status < 0) {
        return;
    }
    if (++d->depth > DUMP_MAX_DEPTH) {
        err_set_string(&ExcRecursionError, "maximum recursion depth exceeded during ast_dump");
        d->status = -1;
        d->depth--;
        return;
    }
    sb_append_cstr(d->out, ast_expr_kind_names[e->kind]);
    sb_append_char(d->out, '(');
    switch (e->kind) {
    case EXPR_BOOL_OP:
        F_RAW("op", boolop_names[e->v.BoolOp.op]);
        sb_append_cstr(d->out, "()");
        F_EXPRS("values", e->v.BoolOp.values);
        break;
    case EXPR_NAMED_EXPR:
        F_EXPR("target", e->v.NamedExpr.target);
        F_EXPR("value", e->v.NamedExpr.value);
        break;
    case EXPR_BIN_OP:
        F_EXPR("left", e->v.BinOp.left);
        F_RAW("op", binop_names[e->v.BinOp.op]);
        sb_append_cstr(d->out, "()");
        F_EXPR("right", e->v.BinOp.right);
        break;
    case EXPR_UNARY_OP:
        F_RAW("op", unaryop_names[e->v.UnaryOp.op]);
        sb_append_cstr(d->out, "()");
        F_EXPR("operand", e->v.UnaryOp.operand);
        break;
    case EXPR_LAMBDA:
        field(d, &first, "args");
        dump_arguments(d, e->v.Lambda.args);
        F_EXPR("body", e->v.Lambda.body);
        break;
    case EXPR_IF_EXP:
        F_EXPR("test", e->v.IfExp.test);
        F_EXPR("body", e->v.IfExp.body);
        F_EXPR("orelse", e->v.IfExp.orelse);
        break;
    case EXPR_DICT:
        F_EXPRS("keys", e->v.Dict.keys);
        F_EXPRS("values", e->v.Dict.values);
        break;
    case EXPR_SET:
        F_EXPRS("elts", e->v.Set.elts);
        break;
    case EXPR_LIST_COMP:
    case EXPR_SET_COMP:
    case EXPR_GENERATOR_EXP: {
        /* the three share a layout */
        F_EXPR("elt", e->v.ListComp.elt);
        field(d, &first, "generators");
        dump_comprehensions(d, e->v.ListComp.generators);
        break;
    }
    case EXPR_DICT_COMP:
        F_EXPR("key", e->v.DictComp.key);
        F_EXPR("value", e->v.DictComp.value);
        field(d, &first, "generators");
        dump_comprehensions(d, e->v.DictComp.generators);
        break;
    case EXPR_AWAIT: F_EXPR("value", e->v.Await.value); break;
    case EXPR_YIELD: F_OPT_EXPR("value", e->v.Yield.value); break;
    case EXPR_YIELD_FROM: F_EXPR("value", e->v.YieldFrom.value); break;
    case EXPR_COMPARE:
        F_EXPR("left", e->v.Compare.left);
        field(d, &first, "ops");
        sb_append_char(d->out, '[');
        for (size_t i = 0; i < e->v.Compare.ops.count; i++) {
            sb_appendf(d->out, "%s%s()", i > 0 ? ", " : "", cmpop_names[e->v.Compare.ops.items[i]]);
        }
        sb_append_char(d->out, ']');
        F_EXPRS("comparators", e->v.Compare.comparators);
        break;
    case EXPR_CALL:
        F_EXPR("func", e->v.Call.func);
        F_EXPRS("args", e->v.Call.args);
        field(d, &first, "keywords");
        dump_keywords(d, e->v.Call.keywords);
        break;
    case EXPR_FORMATTED_VALUE:
        F_EXPR("value", e->v.FormattedValue.value);
        field(d, &first, "conversion");
        sb_appendf(d->out, "%d", e->v.FormattedValue.conversion);
        F_OPT_EXPR("format_spec", e->v.FormattedValue.format_spec);
        break;
    case EXPR_JOINED_STR: F_EXPRS("values", e->v.JoinedStr.values); break;
    case EXPR_CONSTANT:
        F_OBJ("value", e->v.Constant.value);
        if (e->v.Constant.kind != NULL) {
            F_OBJ("kind", e->v.Constant.kind);
        }
        break;
    case EXPR_ATTRIBUTE:
        F_EXPR("value", e->v.Attribute.value);
        F_OBJ("attr", e->v.Attribute.attr);
        F_RAW("ctx", ctx_names[e->v.Attribute.ctx]);
        break;
    case EXPR_SUBSCRIPT:
        F_EXPR("value", e->v.Subscript.value);
        F_EXPR("slice", e->v.Subscript.slice);
        F_RAW("ctx", ctx_names[e->v.Subscript.ctx]);
        break;
    case EXPR_STARRED:
        F_EXPR("value", e->v.Starred.value);
        F_RAW("ctx", ctx_names[e->v.Starred.ctx]);
        break;
    case EXPR_NAME:
        F_OBJ("id", e->v.Name.id);
        F_RAW("ctx", ctx_names[e->v.Name.ctx]);
        break;
    case EXPR_LIST:
        F_EXPRS("elts", e->v.List.elts);
        F_RAW("ctx", ctx_names[e->v.List.ctx]);
        break;
    case EXPR_TUPLE:
        F_EXPRS("elts", e->v.Tuple.elts);
        F_RAW("ctx", ctx_names[e->v.Tuple.ctx]);
        break;
    case EXPR_SLICE:
        F_OPT_EXPR("lower", e->v.Slice.lower);
        F_OPT_EXPR("upper", e->v.Slice.upper);
        F_OPT_EXPR("step", e->v.Slice.step);
        break;
    default:
        break;
    }
    DUMP_POSITIONS(d, &first, e);
    sb_append_char(d->out, ')');
    d->depth--;
}

static void dump_stmt(Dumper *d, const Stmt *s) {
    bool first = true;
    if (d->status < 0) {
        return;
    }
    sb_append_cstr(d->out, ast_stmt_kind_names[s->kind]);
    sb_append_char(d->out, '(');
    switch (s->kind) {
    case STMT_FUNCTION_DEF:
        F_OBJ("name", s->v.FunctionDef.name);
        field(d, &first, "args");
        dump_arguments(d, s->v.FunctionDef.args);
        F_STMTS("body", s->v.FunctionDef.body);
        F_EXPRS("decorator_list", s->v.FunctionDef.decorator_list);
        F_OPT_EXPR("returns", s->v.FunctionDef.returns);
        break;
    case STMT_CLASS_DEF:
        F_OBJ("name", s->v.ClassDef.name);
        F_EXPRS("bases", s->v.ClassDef.bases);
        field(d, &first, "keywords");
        dump_keywords(d, s->v.ClassDef.keywords);
        F_STMTS("body", s->v.ClassDef.body);
        F_EXPRS("decorator_list", s->v.ClassDef.decorator_list);
        break;
    case STMT_RETURN: F_OPT_EXPR("value", s->v.Return.value); break;
    case STMT_DELETE: F_EXPRS("targets", s->v.Delete.targets); break;
    case STMT_ASSIGN:
        F_EXPRS("targets", s->v.Assign.targets);
        F_EXPR("value", s->v.Assign.value);
        break;
    case STMT_AUG_ASSIGN:
        F_EXPR("target", s->v.AugAssign.target);
        F_RAW("op", binop_names[s->v.AugAssign.op]);
        sb_append_cstr(d->out, "()");
        F_EXPR("value", s->v.AugAssign.value);
        break;
    case STMT_ANN_ASSIGN:
        F_EXPR("target", s->v.AnnAssign.target);
        F_EXPR("annotation", s->v.AnnAssign.annotation);
        F_OPT_EXPR("value", s->v.AnnAssign.value);
        field(d, &first, "simple");
        sb_appendf(d->out, "%d", s->v.AnnAssign.simple);
        break;
    case STMT_FOR:
        F_EXPR("target", s->v.For.target);
        F_EXPR("iter", s->v.For.iter);
        F_STMTS("body", s->v.For.body);
        F_STMTS("orelse", s->v.For.orelse);
        break;
    case STMT_WHILE:
        F_EXPR("test", s->v.While.test);
        F_STMTS("body", s->v.While.body);
        F_STMTS("orelse", s->v.While.orelse);
        break;
    case STMT_IF:
        F_EXPR("test", s->v.If.test);
        F_STMTS("body", s->v.If.body);
        F_STMTS("orelse", s->v.If.orelse);
        break;
    case STMT_WITH:
        field(d, &first, "items");
        sb_append_char(d->out, '[');
        for (size_t i = 0; i < s->v.With.items.count; i++) {
            const WithItem *w = s->v.With.items.items[i];
            sb_append_cstr(d->out, i > 0 ? ", withitem(context_expr=" : "withitem(context_expr=");
            dump_expr(d, w->context_expr);
            if (w->optional_vars != NULL) {
                sb_append_cstr(d->out, ", optional_vars=");
                dump_expr(d, w->optional_vars);
            }
            sb_append_char(d->out, ')');
        }
        sb_append_char(d->out, ']');
        F_STMTS("body", s->v.With.body);
        break;
    case STMT_RAISE:
        F_OPT_EXPR("exc", s->v.Raise.exc);
        F_OPT_EXPR("cause", s->v.Raise.cause);
        break;
    case STMT_TRY:
        F_STMTS("body", s->v.Try.body);
        field(d, &first, "handlers");
        sb_append_char(d->out, '[');
        for (size_t i = 0; i < s->v.Try.handlers.count; i++) {
            const ExceptHandler *h = s->v.Try.handlers.items[i];
            bool hfirst = true;
            sb_append_cstr(d->out, i > 0 ? ", ExceptHandler(" : "ExceptHandler(");
            if (h->type != NULL) {
                field(d, &hfirst, "type");
                dump_expr(d, h->type);
            }
            if (h->name != NULL) {
                field(d, &hfirst, "name");
                dump_object(d, h->name);
            }
            field(d, &hfirst, "body");
            dump_stmt_seq(d, h->body);
            DUMP_POSITIONS(d, &hfirst, h);
            sb_append_char(d->out, ')');
        }
        sb_append_char(d->out, ']');
        F_STMTS("orelse", s->v.Try.orelse);
        F_STMTS("finalbody", s->v.Try.finalbody);
        break;
    case STMT_ASSERT:
        F_EXPR("test", s->v.Assert.test);
        F_OPT_EXPR("msg", s->v.Assert.msg);
        break;
    case STMT_IMPORT:
        field(d, &first, "names");
        dump_aliases(d, s->v.Import.names);
        break;
    case STMT_IMPORT_FROM:
        if (s->v.ImportFrom.module != NULL) {
            F_OBJ("module", s->v.ImportFrom.module);
        }
        field(d, &first, "names");
        dump_aliases(d, s->v.ImportFrom.names);
        field(d, &first, "level");
        sb_appendf(d->out, "%d", s->v.ImportFrom.level);
        break;
    case STMT_GLOBAL:
        field(d, &first, "names");
        dump_identifiers(d, s->v.Global.names);
        break;
    case STMT_NONLOCAL:
        field(d, &first, "names");
        dump_identifiers(d, s->v.Nonlocal.names);
        break;
    case STMT_EXPR: F_EXPR("value", s->v.Expr.value); break;
    default: break;
    }
    DUMP_POSITIONS(d, &first, s);
    sb_append_char(d->out, ')');
}

int ast_dump(const Mod *mod, StrBuilder *out, bool include_attributes) {
    Dumper dumper = {out, include_attributes, 0, 0};
    Dumper *d = &dumper;
    bool first = true;
    sb_append_cstr(out, ast_mod_kind_names[mod->kind]);
    sb_append_char(out, '(');
    switch (mod->kind) {
    case MOD_MODULE:
        F_STMTS("body", mod->v.Module.body);
        sb_append_cstr(out, ", type_ignores=[]");
        break;
    case MOD_INTERACTIVE:
        F_STMTS("body", mod->v.Interactive.body);
        break;
    case MOD_EXPRESSION:
        F_EXPR("body", mod->v.Expression.body);
        break;
    default:
        break;
    }
    sb_append_char(out, ')');
    if (out->failed) {
        return -1;
    }
    return dumper.status;
}
