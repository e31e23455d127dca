/* codegen.h: the code generator, which walks the AST (with the symbol table's
 * answers) and emits, for every function, class body and module, a list of
 * instructions with symbolic jump labels and exception-handler regions. The
 * assembler (compile.c) turns each list into a CodeObject. */
#ifndef GILPY_CODEGEN_H
#define GILPY_CODEGEN_H

#include <stdbool.h>
#include <stdint.h>

#include "ast.h"
#include "code.h"
#include "symtable.h"

/* One instruction before assembly. Jump operands are label numbers until the
 * assembler resolves them to instruction indices. */
typedef struct CgInstr {
    uint8_t opcode;
    uint32_t arg;
    int32_t handler;    /* innermost active exception handler (CodeUnit.handlers), -1: none */
    SourcePosition pos; /* the AST node this instruction implements */
} CgInstr;

/* An exception handler: while an instruction with `handler` == this one
 * raises, the VM unwinds to the stack depth measured before instruction
 * `setup` (where the protected region begins) plus `adjust`, pushes lasti if
 * asked, then the exception, and jumps to `label`. */
typedef struct CgHandler {
    int32_t label;
    int32_t setup;
    int32_t adjust; /* added to the depth measured at `setup` (-1 for `with`) */
    bool lasti;
} CgHandler;

/* Everything the assembler needs to build one code object. Objects are
 * borrowed: the compilation arena keeps them alive. */
typedef struct CodeUnit {
    CgInstr *instrs;
    size_t ninstrs, instrs_capacity;
    int32_t *labels; /* label -> instruction index (-1: not placed yet) */
    size_t nlabels, labels_capacity;
    CgHandler *handlers;
    size_t nhandlers, handlers_capacity;

    Object **consts;
    size_t nconsts, consts_capacity;
    Object **names; /* globals, attributes, imports (interned strs) */
    size_t nnames, names_capacity;
    Object **varnames; /* parameters first, then other fast locals */
    size_t nvarnames, varnames_capacity;
    Object **cellvars;
    size_t ncellvars;
    Object **freevars;
    size_t nfreevars;

    int argcount, posonlyargcount, kwonlyargcount;
    int flags; /* CODE_FLAG_* */
    int firstlineno;
    Object *name, *qualname, *filename;
    Object *docstring; /* str or NULL */
} CodeUnit;

/* Generate the code of a whole module, REPL input or eval expression. The
 * result is a new reference; NULL with an exception (SyntaxError for the
 * errors the compiler detects, as CPython: 'return' outside function, ...).
 * `source` is only used for the text of SyntaxErrors. */
MAY_RAISE CodeObject *codegen_module(Arena *arena, const Mod *mod, SymTable *st, Object *filename,
                                     const char *source, size_t source_size, CompileMode mode);

#endif /* GILPY_CODEGEN_H */
