/* opcodes_kinds.h: how an instruction operand is interpreted (for the disassembler). */
#ifndef GILPY_OPCODES_KINDS_H
#define GILPY_OPCODES_KINDS_H

/* Operand kinds (how to show the operand). */
enum OperandKind {
    ARG_NONE,    /* no operand (must be 0) */
    ARG_CONST,   /* index into co_consts */
    ARG_NAME,    /* index into co_names */
    ARG_LOCAL,   /* index into co_varnames (fast locals) */
    ARG_FREE,    /* index into cellvars + freevars (cells come first) */
    ARG_COUNT,   /* a count */
    ARG_JUMP,    /* absolute instruction index */
    ARG_BINOP,   /* BinaryOp (runtime/object.h) */
    ARG_COMPARE, /* CompareOp */
    ARG_FLAGS,   /* bit flags, see the opcode's comment */
};

#endif
