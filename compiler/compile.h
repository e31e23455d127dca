/* compile.h: the compiler's front door: Python source text in, a code object
 * out (lexer -> parser -> symbol table -> code generator -> assembler). */
#ifndef GILPY_COMPILE_H
#define GILPY_COMPILE_H

#include <stddef.h>

#include "ast.h"
#include "code.h"

/* Compile `size` bytes of `source` (UTF-8) as a file (exec), an expression
 * (eval: the code returns its value) or one interactive statement (single:
 * expression statements print their value with PRINT_EXPR). `filename` (a
 * str, borrowed) goes into the code objects and SyntaxErrors; the module code
 * is named "<module>". Returns a new code object, or NULL with the exception
 * set (SyntaxError/IndentationError with CPython's message and position,
 * MemoryError). */
MAY_RAISE CodeObject *compile_source(const char *source, size_t size, Object *filename,
                                     CompileMode mode);

/* ---- internal to compiler/: the assembler, used by codegen.c ---- */

struct CodeUnit;

/* Turn a generated instruction list into a CodeObject: resolve labels to
 * instruction indices (choosing JUMP_FORWARD or JUMP_BACKWARD), compute the
 * maximum stack depth, build the exception table and the name tuples. New
 * reference, or NULL with an exception. */
MAY_RAISE CodeObject *compile_assemble(const struct CodeUnit *unit);

#endif /* GILPY_COMPILE_H */
