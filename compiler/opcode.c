/* opcode.c: name, operand-kind and stack-effect tables, all generated from
 * the single list in opcodes.h. */
#include "opcode.h"

const char *const opcode_names[OPCODE_COUNT] = {
#define OP(name, kind, effect, jump_effect, doc) #name,
#include "opcodes.h"
#undef OP
};

const unsigned char opcode_operand_kinds[OPCODE_COUNT] = {
#define OP(name, kind, effect, jump_effect, doc) kind,
#include "opcodes.h"
#undef OP
};

const char *const opcode_docs[OPCODE_COUNT] = {
#define OP(name, kind, effect, jump_effect, doc) doc,
#include "opcodes.h"
#undef OP
};

int opcode_stack_effect(unsigned op, uint32_t arg, bool jump) {
    switch (op) {
#define OP(name, kind, effect, jump_effect, doc)                                                   \
    case OP_##name:                                                                                \
        (void)arg;                                                                                 \
        return jump ? (jump_effect) : (effect);
#include "opcodes.h"
#undef OP
    default:
        return 0;
    }
}
