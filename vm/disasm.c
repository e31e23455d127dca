/* disasm.c: the disassembler. Every opcode's name and operand kind come from
 * the single table in compiler/opcodes.h, so a new opcode is shown correctly
 * without touching this file. The layout follows CPython 3.11's dis output,
 * with instruction indices instead of byte offsets. */
#include "disasm.h"

#include <string.h>

#include "errors.h"
#include "memory.h"
#include "opcode.h"
#include "tuple.h"

#define OPNAME_WIDTH 20 /* CPython's _OPNAME_WIDTH */
#define OPARG_WIDTH  5  /* CPython's _OPARG_WIDTH */

/* A name from cellvars + freevars (ARG_FREE operands). Borrowed or NULL. */
static Object *free_name(CodeObject *code, uint32_t arg) {
    size_t ncell = tuple_size(code->cellvars);
    if (arg < ncell) {
        return tuple_get(code->cellvars, arg);
    }
    if (arg - ncell < tuple_size(code->freevars)) {
        return tuple_get(code->freevars, arg - ncell);
    }
    return NULL;
}

static Object *tuple_item_or_null(Object *t, uint32_t i) {
    return t != NULL && i < tuple_size(t) ? tuple_get(t, i) : NULL;
}

/* The meaning of an operand, as dis shows it in parentheses; appends nothing
 * when there is nothing to say. */
static int append_argrepr(CodeObject *code, unsigned op, uint32_t arg, StrBuilder *out) {
    Object *name = NULL;
    switch (opcode_operand_kinds[op]) {
        case ARG_CONST: {
            Object *v = tuple_item_or_null(code->consts, arg);
            if (v == NULL) {
                sb_append_cstr(out, "(<bad const>)");
                return 0;
            }
            sb_append_char(out, '(');
            if (sb_append_repr(out, v) < 0) {
                return -1;
            }
            sb_append_char(out, ')');
            return 0;
        }
        case ARG_NAME:
            name = tuple_item_or_null(code->names, arg);
            break;
        case ARG_LOCAL:
            name = tuple_item_or_null(code->varnames, arg);
            break;
        case ARG_FREE:
            name = free_name(code, arg);
            break;
        case ARG_JUMP:
            sb_appendf(out, "(to %u)", (unsigned)arg);
            return 0;
        case ARG_BINOP:
            if (arg < BINOP_COUNT) {
                sb_appendf(out, "(%s%s)", binary_op_symbol[arg], op == OP_INPLACE_OP ? "=" : "");
            }
            return 0;
        case ARG_COMPARE:
            if (arg < CMP_COUNT) {
                sb_appendf(out, "(%s)", compare_op_symbol[arg]);
            }
            return 0;
        case ARG_FLAGS: {
            static const char *const make_function_flags[] = {"defaults", "kwdefaults",
                                                              "annotations", "closure"};
            static const char *const conversions[] = {"", "str", "repr", "ascii"};
            char buf[128] = "";
            if (op == OP_MAKE_FUNCTION) {
                for (int i = 0; i < 4; i++) {
                    if (arg & (1u << i)) {
                        if (buf[0] != '\0') {
                            strcat(buf, ", ");
                        }
                        strcat(buf, make_function_flags[i]);
                    }
                }
            } else if (op == OP_FORMAT_VALUE) {
                strcat(buf, conversions[arg & 3]);
                if (arg & 4) {
                    strcat(buf, buf[0] != '\0' ? ", with format" : "with format");
                }
            } else if (op == OP_CALL_FUNCTION_EX) {
                if (arg & 1) {
                    strcat(buf, "kwargs");
                }
            }
            if (buf[0] != '\0') {
                sb_appendf(out, "(%s)", buf);
            }
            return 0;
        }
        default: /* ARG_NONE, ARG_COUNT */
            return 0;
    }
    if (name != NULL) {
        sb_append_char(out, '(');
        sb_append_str(out, name);
        sb_append_char(out, ')');
    }
    return 0;
}

/* "  >>  12 LOAD_CONST               0 (None)" without the line column. */
static int append_instruction(CodeObject *code, size_t index, bool jump_target, int offset_width,
                              StrBuilder *out) {
    Instruction in = code->code[index];
    unsigned op = instr_opcode(in);
    uint32_t arg = instr_arg(in);
    size_t start = out->size;
    const char *name = op < OPCODE_COUNT ? opcode_names[op] : "<unknown opcode>";
    sb_appendf(out, "    %s %*zu %-*s", jump_target ? ">>" : "  ", offset_width, index,
               OPNAME_WIDTH, name);
    if (op < OPCODE_COUNT && opcode_operand_kinds[op] != ARG_NONE) {
        sb_appendf(out, " %*u ", OPARG_WIDTH, (unsigned)arg);
        if (append_argrepr(code, op, arg, out) < 0) {
            return -1;
        }
    }
    /* Like CPython's ' '.join(fields).rstrip(). */
    while (out->size > start && out->data[out->size - 1] == ' ') {
        out->size--;
    }
    return 0;
}

int disasm_instruction(CodeObject *code, size_t index, StrBuilder *out) {
    if (index >= code->ncode) {
        return 0;
    }
    return append_instruction(code, index, false, 4, out);
}

static int decimal_width(size_t v) {
    int w = 1;
    while (v >= 10) {
        v /= 10;
        w++;
    }
    return w;
}

/* One code object, without its nested ones. */
static int disasm_one(CodeObject *code, StrBuilder *out) {
    size_t n = code->ncode;
    bool *targets = NULL;
    if (n > 0) {
        targets = mem_alloc_array(n, sizeof(bool));
        if (targets == NULL) {
            return -1;
        }
    }
    int maxline = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned op = instr_opcode(code->code[i]);
        uint32_t arg = instr_arg(code->code[i]);
        if (op < OPCODE_COUNT && opcode_is_jump(op) && arg < n) {
            targets[arg] = true;
        }
        if (code->positions != NULL && code->positions[i].line > maxline) {
            maxline = code->positions[i].line;
        }
    }
    for (size_t i = 0; i < code->nexception_table; i++) {
        if (code->exception_table[i].handler < n) {
            targets[code->exception_table[i].handler] = true;
        }
    }
    int line_width = maxline >= 1000 ? decimal_width((size_t)maxline) : 3;
    int offset_width = n > 0 && n - 1 >= 10000 ? decimal_width(n - 1) : 4;
    int last_line = -1;
    int r = 0;
    for (size_t i = 0; i < n && r == 0; i++) {
        int line = code->positions != NULL ? code->positions[i].line : 0;
        if (line > 0 && line != last_line) {
            if (i > 0) {
                sb_append_char(out, '\n');
            }
            sb_appendf(out, "%*d ", line_width, line);
            last_line = line;
        } else {
            sb_appendf(out, "%*s ", line_width, "");
        }
        r = append_instruction(code, i, targets[i], offset_width, out);
        sb_append_char(out, '\n');
    }
    mem_free(targets);
    if (r < 0) {
        return -1;
    }
    if (code->nexception_table > 0) {
        sb_append_cstr(out, "ExceptionTable:\n");
        for (size_t i = 0; i < code->nexception_table; i++) {
            const ExceptionTableEntry *e = &code->exception_table[i];
            sb_appendf(out, "  %u to %u -> %u [%u]%s\n", (unsigned)e->start, (unsigned)(e->end - 1),
                       (unsigned)e->handler, (unsigned)e->depth, e->push_lasti ? " lasti" : "");
        }
    }
    return out->failed ? -1 : 0;
}

int disasm_code(CodeObject *code, StrBuilder *out) {
    if (disasm_one(code, out) < 0) {
        return -1;
    }
    size_t nconsts = code->consts != NULL ? tuple_size(code->consts) : 0;
    for (size_t i = 0; i < nconsts; i++) {
        Object *v = tuple_get(code->consts, i);
        if (!code_check(v)) {
            continue;
        }
        sb_append_cstr(out, "\nDisassembly of ");
        if (sb_append_repr(out, v) < 0) {
            return -1;
        }
        sb_append_cstr(out, ":\n");
        if (disasm_code((CodeObject *)v, out) < 0) {
            return -1;
        }
    }
    return out->failed ? -1 : 0;
}
