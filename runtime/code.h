/* code.h: code objects, the compiler's output and the VM's input.
 *
 * An instruction is one 32-bit word: the low 8 bits are the opcode
 * (vm/opcodes.h), the high 24 bits the operand. Jump operands are absolute
 * instruction indices. Each instruction has a source position (for
 * tracebacks, which underline the failing expression as CPython 3.11 does).
 * Exceptions are handled through an exception table (zero-cost try, as in
 * CPython 3.11): see ExceptionTableEntry. */
#ifndef GILPY_CODE_H
#define GILPY_CODE_H

#include "object.h"

typedef uint32_t Instruction;

static inline unsigned instr_opcode(Instruction i) { return i & 0xff; }
static inline uint32_t instr_arg(Instruction i) { return i >> 8; }
static inline Instruction instr_make(unsigned opcode, uint32_t arg) {
    return (Instruction)(opcode & 0xff) | ((Instruction)arg << 8);
}
#define INSTR_ARG_MAX 0xffffffu >> 0 /* 24 bits */

/* Source span of an instruction; lines are 1-based, columns 0-based UTF-8
 * byte offsets (as CPython's ast). line == 0: no position (synthetic). */
typedef struct SourcePosition {
    int32_t line, end_line;
    int32_t col, end_col;
} SourcePosition;

/* While the instruction at index i, start <= i < end, raises, the unwinder
 * pops the value stack down to `depth`, pushes the instruction index as an
 * int if `push_lasti`, pushes the exception, and jumps to `handler`. The
 * innermost entry for i comes first in the table. */
typedef struct ExceptionTableEntry {
    uint32_t start, end, handler;
    uint32_t depth;
    bool push_lasti;
} ExceptionTableEntry;

enum {
    CODE_FLAG_VARARGS = 1 << 0,     /* has *args */
    CODE_FLAG_VARKEYWORDS = 1 << 1, /* has **kwargs */
    CODE_FLAG_GENERATOR = 1 << 2,   /* contains yield */
    CODE_FLAG_NESTED = 1 << 3,      /* defined inside a function */
    CODE_FLAG_NEWLOCALS = 1 << 4,   /* a function (locals are fast slots) */
    CODE_FLAG_MODULE = 1 << 5,      /* module or class body: locals is a dict */
    CODE_FLAG_COROUTINE = 1 << 6,
};

typedef struct CodeObject {
    Object base;
    Instruction *code;
    size_t ncode;
    SourcePosition *positions; /* ncode entries */
    ExceptionTableEntry *exception_table;
    size_t nexception_table;

    Object *consts;   /* tuple */
    Object *names;    /* tuple of str: globals, attributes, imports */
    Object *varnames; /* tuple of str: parameters then other locals */
    Object *cellvars; /* tuple of str: locals captured by inner functions */
    Object *freevars; /* tuple of str: variables captured from outer functions */
    /* For each cellvar, the index of the parameter it shadows, or -1
     * (a captured parameter is copied into its cell when the frame starts). */
    int32_t *cell2arg;

    int argcount;        /* positional parameters, including positional-only */
    int posonlyargcount;
    int kwonlyargcount;
    int nlocals;     /* == tuple_size(varnames) */
    int stacksize;   /* maximum value-stack depth */
    int flags;       /* CODE_FLAG_* */
    int firstlineno;
    Object *name;     /* str */
    Object *qualname; /* str */
    Object *filename; /* str */
    Object *docstring; /* str or None */
    /* Free for the VM's use (inline caches keyed by instruction index). */
    void *vm_cache;
    void (*vm_cache_free)(void *);
} CodeObject;

extern TypeObject CodeType;

static inline bool code_check(const Object *v) { return !is_small_int(v) && v->type == &CodeType; }

/* A zeroed code object; the compiler fills it in. Takes ownership of nothing. */
MAY_RAISE CodeObject *code_new(void);
/* Line of instruction `index` (0 if unknown). */
int code_line_of(const CodeObject *code, size_t index);

#endif /* GILPY_CODE_H */
