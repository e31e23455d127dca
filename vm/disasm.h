/* disasm.h: print code objects as readable bytecode, in the style of CPython's
 * `dis` module (used by `gilpy --dis FILE` and the VM's instruction trace). */
#ifndef GILPY_DISASM_H
#define GILPY_DISASM_H

#include <stddef.h>

#include "code.h"
#include "str.h"

/* Append the disassembly of `code` to `out`, then of every code object among
 * its constants (recursively), each after a blank line and a
 * "Disassembly of <code object NAME at 0x..., file "F", line N>:" header.
 * Returns 0, or -1 with an exception set (a constant's repr failed). */
MAY_RAISE int disasm_code(CodeObject *code, StrBuilder *out);

/* Append one line for instruction `index` of `code` (no line-number column,
 * no newline): "  12 LOAD_CONST               0 (None)". For traces. */
MAY_RAISE int disasm_instruction(CodeObject *code, size_t index, StrBuilder *out);

#endif /* GILPY_DISASM_H */
