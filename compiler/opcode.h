/* opcode.h: the Opcode enum and tables generated from opcodes.h. */
#ifndef GILPY_OPCODE_H
#define GILPY_OPCODE_H

#include <stdbool.h>
#include <stdint.h>

#include "opcodes_kinds.h"

typedef enum Opcode {
#define OP(name, kind, effect, jump_effect, doc) OP_##name,
#include "opcodes.h"
#undef OP
    OPCODE_COUNT
} Opcode;

_Static_assert(OPCODE_COUNT <= 256, "opcodes must fit in 8 bits");

extern const char *const opcode_names[OPCODE_COUNT];          /* "LOAD_CONST" */
extern const unsigned char opcode_operand_kinds[OPCODE_COUNT]; /* enum OperandKind */
extern const char *const opcode_docs[OPCODE_COUNT];

/* Stack-depth change of `op` with operand `arg`, when it falls through (jump
 * false) or when it takes its jump (jump true). */
int opcode_stack_effect(unsigned op, uint32_t arg, bool jump);

static inline bool opcode_is_jump(unsigned op) { return opcode_operand_kinds[op] == ARG_JUMP; }

#endif /* GILPY_OPCODE_H */
