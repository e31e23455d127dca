/* compile.c: the compiler pipeline (parse -> symbol table -> code generator)
 * and its last stage, the assembler, which turns the code generator's
 * instruction lists into CodeObjects: jump labels become instruction
 * indices, the maximum stack depth is computed, and the exception table is
 * built from the handler regions. */
#include "compile.h"

#include <string.h>

#include "codegen.h"
#include "errors.h"
#include "exceptions.h"
#include "memory.h"
#include "opcode.h"
#include "parser.h"
#include "str.h"
#include "symtable.h"
#include "tuple.h"

/* ================================================================ the pipeline */

CodeObject *compile_source(const char *source, size_t size, Object *filename, CompileMode mode) {
    Arena *arena = arena_new();
    if (arena == NULL) {
        return NULL;
    }
    CodeObject *code = NULL;
    Mod *mod = parse_source(arena, source, size, filename, mode);
    if (mod != NULL) {
        SymTable *st = symtable_build(arena, mod, filename, source, size);
        if (st != NULL) {
            code = codegen_module(arena, mod, st, filename, source, size, mode);
        }
    }
    arena_free(arena);
    return code;
}

/* ================================================================ the assembler */

static bool is_terminal(unsigned op) {
    return op == OP_RETURN_VALUE || op == OP_RAISE_VARARGS || op == OP_RERAISE ||
           op == OP_JUMP_FORWARD || op == OP_JUMP_BACKWARD;
}

/* State of the stack-depth walk. */
typedef struct DepthWalk {
    const struct CodeUnit *u;
    const Instruction *code;
    int32_t *depth;         /* per instruction, -1: not reached */
    int32_t *handler_depth; /* per handler, -1: its region was not reached */
    int32_t *setup_first;   /* per instruction: first handler whose region starts there, -1 */
    int32_t *setup_next;    /* per handler: next handler with the same setup, -1 */
    size_t *work;           /* instructions to visit */
    size_t nwork;
    int maxdepth;
} DepthWalk;

/* Record that instruction `i` is reached with stack depth `d`. Returns -1
 * (SystemError) when two paths disagree: a bug in the code generator. */
static int reach(DepthWalk *w, size_t i, int d) {
    if (d < 0) {
        err_format(&ExcSystemError, "compiler: negative stack depth at instruction %zu of %U", i,
                   w->u->name);
        return -1;
    }
    if (i >= w->u->ninstrs) {
        err_format(&ExcSystemError, "compiler: control falls off the end of %U", w->u->name);
        return -1;
    }
    if (w->depth[i] >= 0) {
        if (w->depth[i] != d) {
            err_format(&ExcSystemError,
                       "compiler: inconsistent stack depth at instruction %zu of %U (%d vs %d)", i,
                       w->u->name, (int)w->depth[i], d);
            return -1;
        }
        return 0;
    }
    w->depth[i] = d;
    if (d > w->maxdepth) {
        w->maxdepth = d;
    }
    w->work[w->nwork++] = i;
    /* Protected regions starting here: their handlers run at this depth
     * (plus the lasti and the exception the unwinder pushes). */
    for (int32_t h = w->setup_first[i]; h >= 0; h = w->setup_next[h]) {
        const CgHandler *hd = &w->u->handlers[h];
        int hdepth = d + hd->adjust;
        w->handler_depth[h] = hdepth;
        int32_t target = w->u->labels[hd->label];
        if (reach(w, (size_t)target, hdepth + (hd->lasti ? 1 : 0) + 1) < 0) {
            return -1;
        }
    }
    return 0;
}

/* Walk every path from instruction 0 (CPython's stackdepth()). */
static int compute_depths(DepthWalk *w) {
    if (w->u->ninstrs == 0) {
        return 0;
    }
    if (reach(w, 0, 0) < 0) {
        return -1;
    }
    while (w->nwork > 0) {
        size_t i = w->work[--w->nwork];
        int d = w->depth[i];
        Instruction in = w->code[i];
        unsigned op = instr_opcode(in);
        uint32_t arg = instr_arg(in);
        if (opcode_is_jump(op) && reach(w, arg, d + opcode_stack_effect(op, arg, true)) < 0) {
            return -1;
        }
        if (!is_terminal(op) && reach(w, i + 1, d + opcode_stack_effect(op, arg, false)) < 0) {
            return -1;
        }
    }
    return 0;
}

/* A tuple of the n borrowed objects. */
static Object *tuple_of(Object *const *items, size_t n) {
    return tuple_from_array(items, n);
}

CodeObject *compile_assemble(const CodeUnit *u) {
    size_t n = u->ninstrs;
    CodeObject *code = NULL;
    Instruction *instrs = mem_alloc_array(n + 1, sizeof(Instruction));
    SourcePosition *positions = mem_alloc_array(n + 1, sizeof(SourcePosition));
    DepthWalk w = {.u = u, .code = instrs};
    w.depth = mem_alloc_array(n + 1, sizeof(int32_t));
    w.setup_first = mem_alloc_array(n + 1, sizeof(int32_t));
    w.handler_depth = mem_alloc_array(u->nhandlers + 1, sizeof(int32_t));
    w.setup_next = mem_alloc_array(u->nhandlers + 1, sizeof(int32_t));
    w.work = mem_alloc_array(n + 1, sizeof(size_t));
    ExceptionTableEntry *table = NULL;
    int32_t *cell2arg = NULL;
    uint32_t *remap = NULL;
    int32_t *handler_of = NULL;
    if (instrs == NULL || positions == NULL || w.depth == NULL || w.setup_first == NULL ||
        w.handler_depth == NULL || w.setup_next == NULL || w.work == NULL) {
        goto fail;
    }

    /* 1. Resolve labels; an unconditional jump goes forward or backward. */
    for (size_t i = 0; i < n; i++) {
        const CgInstr *in = &u->instrs[i];
        unsigned op = in->opcode;
        uint32_t arg = in->arg;
        if (opcode_is_jump(op)) {
            int32_t target = arg < u->nlabels ? u->labels[arg] : -1;
            if (target < 0) {
                err_format(&ExcSystemError, "compiler: unplaced jump label in %U", u->name);
                goto fail;
            }
            if (op == OP_JUMP_FORWARD || op == OP_JUMP_BACKWARD) {
                op = (size_t)target <= i ? OP_JUMP_BACKWARD : OP_JUMP_FORWARD;
            }
            arg = (uint32_t)target;
        }
        instrs[i] = instr_make(op, arg);
        positions[i] = in->pos;
    }

    /* 2. Stack depths. */
    for (size_t i = 0; i <= n; i++) {
        w.depth[i] = -1;
        w.setup_first[i] = -1;
    }
    for (size_t h = u->nhandlers; h-- > 0;) {
        w.handler_depth[h] = -1;
        size_t s = (size_t)u->handlers[h].setup;
        w.setup_next[h] = w.setup_first[s];
        w.setup_first[s] = (int32_t)h;
    }
    if (compute_depths(&w) < 0) {
        goto fail;
    }

    /* 3. Drop unreachable instructions (code after return/raise/break, the
     * duplicate exits of try/finally), renumbering jump targets. */
    remap = mem_alloc_array(n + 1, sizeof(uint32_t));
    handler_of = mem_alloc_array(n + 1, sizeof(int32_t));
    if (remap == NULL || handler_of == NULL) {
        goto fail;
    }
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        remap[i] = (uint32_t)m;
        if (w.depth[i] >= 0) {
            m++;
        }
    }
    remap[n] = (uint32_t)m;
    for (size_t i = 0, k = 0; i < n; i++) {
        if (w.depth[i] < 0) {
            continue;
        }
        unsigned op = instr_opcode(instrs[i]);
        uint32_t arg = instr_arg(instrs[i]);
        if (opcode_is_jump(op)) {
            arg = remap[arg];
        }
        instrs[k] = instr_make(op, arg);
        positions[k] = positions[i];
        handler_of[k] = u->instrs[i].handler;
        k++;
    }
    n = m;

    /* 4. Exception table: one entry per run of instructions that share the
     * same innermost handler. */
    size_t ntable = 0;
    table = mem_alloc_array(n + 1, sizeof(ExceptionTableEntry));
    if (table == NULL) {
        goto fail;
    }
    for (size_t i = 0; i < n;) {
        int32_t h = handler_of[i];
        if (h < 0) {
            i++;
            continue;
        }
        size_t start = i;
        while (i < n && handler_of[i] == h) {
            i++;
        }
        const CgHandler *hd = &u->handlers[h];
        table[ntable++] = (ExceptionTableEntry){
            .start = (uint32_t)start,
            .end = (uint32_t)i,
            .handler = remap[u->labels[hd->label]],
            .depth = (uint32_t)(w.handler_depth[h] >= 0 ? w.handler_depth[h] : 0),
            .push_lasti = hd->lasti,
        };
    }

    /* 5. The code object. */
    cell2arg = mem_alloc_array(u->ncellvars + 1, sizeof(int32_t));
    if (cell2arg == NULL) {
        goto fail;
    }
    size_t nargs = (size_t)(u->argcount + u->kwonlyargcount) +
                   ((u->flags & CODE_FLAG_VARARGS) ? 1 : 0) +
                   ((u->flags & CODE_FLAG_VARKEYWORDS) ? 1 : 0);
    for (size_t k = 0; k < u->ncellvars; k++) {
        cell2arg[k] = -1;
        for (size_t a = 0; a < nargs && a < u->nvarnames; a++) {
            if (u->varnames[a] == u->cellvars[k]) {
                cell2arg[k] = (int32_t)a;
            }
        }
    }
    code = code_new();
    if (code == NULL) {
        goto fail;
    }
    code->code = instrs;
    code->ncode = n;
    code->positions = positions;
    instrs = NULL;
    positions = NULL;
    code->exception_table = table;
    code->nexception_table = ntable;
    table = NULL;
    if (u->ncellvars > 0) { /* NULL when there are no cells at all */
        code->cell2arg = cell2arg;
        cell2arg = NULL;
    }
    code->consts = tuple_of(u->consts, u->nconsts);
    code->names = tuple_of(u->names, u->nnames);
    code->varnames = tuple_of(u->varnames, u->nvarnames);
    code->cellvars = tuple_of(u->cellvars, u->ncellvars);
    code->freevars = tuple_of(u->freevars, u->nfreevars);
    if (code->consts == NULL || code->names == NULL || code->varnames == NULL ||
        code->cellvars == NULL || code->freevars == NULL) {
        goto fail;
    }
    code->argcount = u->argcount;
    code->posonlyargcount = u->posonlyargcount;
    code->kwonlyargcount = u->kwonlyargcount;
    code->nlocals = (int)u->nvarnames;
    code->stacksize = w.maxdepth;
    code->flags = u->flags;
    code->firstlineno = u->firstlineno;
    code->name = NEWREF(u->name);
    code->qualname = NEWREF(u->qualname);
    code->filename = NEWREF(u->filename);
    code->docstring = NEWREF(u->docstring != NULL ? u->docstring : None);
    goto done;

fail:
    if (code != NULL) {
        DECREF((Object *)code);
        code = NULL;
    }
done:
    mem_free(instrs);
    mem_free(positions);
    mem_free(table);
    mem_free(cell2arg);
    mem_free(remap);
    mem_free(handler_of);
    mem_free(w.depth);
    mem_free(w.setup_first);
    mem_free(w.handler_depth);
    mem_free(w.setup_next);
    mem_free(w.work);
    return code;
}
