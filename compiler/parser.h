/* parser.h: source text to AST (compiler/ast.h), by recursive descent over
 * the lexer's tokens, following CPython 3.11's grammar and error messages. */
#ifndef GILPY_PARSER_H
#define GILPY_PARSER_H

#include <stddef.h>

#include "ast.h"
#include "object.h"

/* Parse `size` bytes of UTF-8 `source` into a tree allocated in `arena`.
 *   mode COMPILE_FILE:   a Module (a whole file, exec())
 *   mode COMPILE_EVAL:   an Expression (one expression list, eval())
 *   mode COMPILE_SINGLE: an Interactive (one REPL statement)
 * `filename` (a str, borrowed) goes into error reports. Returns the tree,
 * owned by the arena, or NULL with SyntaxError / IndentationError / TabError
 * set (CPython 3.11's message, lineno, offset, text, end_lineno, end_offset;
 * the first error only) or MemoryError (including for absurdly deep nesting,
 * as CPython). */
MAY_RAISE Mod *parse_source(Arena *arena, const char *source, size_t size, Object *filename,
                            CompileMode mode);

#endif /* GILPY_PARSER_H */
