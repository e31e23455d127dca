/* opcodes.h: the one list of gilpy's bytecode instructions.
 *
 * It lives in compiler/ because both the compiler and the VM use it (arrows go
 * down: vm/ may include compiler/, never the reverse).
 *
 * Each line is OP(NAME, OPERAND, EFFECT, JUMP_EFFECT, "what it does"):
 *   NAME         becomes OP_NAME in `enum Opcode`;
 *   OPERAND      how the disassembler shows the 24-bit operand (ARG_* below);
 *   EFFECT       change in stack depth when execution falls through, as an
 *                expression of `arg` (the compiler computes max depth from it);
 *   JUMP_EFFECT  change in stack depth when the instruction jumps (only for
 *                ARG_JUMP instructions; 0 otherwise).
 * The enum, the name table, the disassembler, the stack-effect function and
 * the eval loop's computed-goto table are all generated from this list by
 * re-including it with a different OP macro. Add an opcode here, and only here.
 *
 * Stack notation in comments: TOS is the top, TOS1 the one below, ... A jump
 * operand is an absolute instruction index. "Pops X, pushes Y" describes the
 * effect; the eval loop drops the references it pops.
 */

/* Operand kinds (ARG_*) are in opcodes_kinds.h. */

/* clang-format off */
/* ---- stack manipulation and constants ---- */
OP(NOP,             ARG_NONE,  0, 0, "do nothing")
OP(POP_TOP,         ARG_NONE, -1, 0, "pop TOS")
OP(COPY,            ARG_COUNT, 1, 0, "push a new reference to the item arg-1 below TOS (COPY 1 duplicates TOS)")
OP(SWAP,            ARG_COUNT, 0, 0, "swap TOS with the item arg-1 below it (SWAP 2 swaps TOS and TOS1)")
OP(LOAD_CONST,      ARG_CONST, 1, 0, "push co_consts[arg]")

/* ---- variables ---- */
OP(LOAD_FAST,       ARG_LOCAL, 1, 0, "push local arg; UnboundLocalError if unset")
OP(STORE_FAST,      ARG_LOCAL,-1, 0, "pop TOS into local arg")
OP(DELETE_FAST,     ARG_LOCAL, 0, 0, "unset local arg; UnboundLocalError if unset")
OP(LOAD_DEREF,      ARG_FREE,  1, 0, "push the contents of cell arg; NameError/UnboundLocalError if empty")
OP(STORE_DEREF,     ARG_FREE, -1, 0, "pop TOS into cell arg")
OP(DELETE_DEREF,    ARG_FREE,  0, 0, "empty cell arg")
OP(LOAD_CLOSURE,    ARG_FREE,  1, 0, "push the cell object arg itself (to build a closure)")
OP(LOAD_CLASSDEREF, ARG_FREE,  1, 0, "class body: push locals[name of cell arg] if present, else the cell's contents")
OP(LOAD_GLOBAL,     ARG_NAME,  1, 0, "push globals[names[arg]], else builtins[...]; NameError if neither")
OP(STORE_GLOBAL,    ARG_NAME, -1, 0, "pop TOS into globals[names[arg]]")
OP(DELETE_GLOBAL,   ARG_NAME,  0, 0, "del globals[names[arg]]; NameError if absent")
OP(LOAD_NAME,       ARG_NAME,  1, 0, "module/class body: push locals, then globals, then builtins [names[arg]]")
OP(STORE_NAME,      ARG_NAME, -1, 0, "module/class body: pop TOS into locals[names[arg]]")
OP(DELETE_NAME,     ARG_NAME,  0, 0, "module/class body: del locals[names[arg]]; NameError if absent")

/* ---- attributes and subscripts ---- */
OP(LOAD_ATTR,       ARG_NAME,  0, 0, "replace TOS by getattr(TOS, names[arg])")
OP(STORE_ATTR,      ARG_NAME, -2, 0, "setattr(TOS, names[arg], TOS1); pop both")
OP(DELETE_ATTR,     ARG_NAME, -1, 0, "delattr(TOS, names[arg]); pop")
OP(LOAD_METHOD,     ARG_NAME,  1, 0, "replace TOS (obj) by two items for CALL_METHOD: [unbound method, obj] when "
                                     "names[arg] is a plain method on the type, else [NULL, getattr(obj, name)]")
OP(BINARY_SUBSCR,   ARG_NONE, -1, 0, "TOS = TOS1[TOS]")
OP(STORE_SUBSCR,    ARG_NONE, -3, 0, "TOS1[TOS] = TOS2; pop all three")
OP(DELETE_SUBSCR,   ARG_NONE, -2, 0, "del TOS1[TOS]; pop both")
OP(BUILD_SLICE,     ARG_COUNT, 1-(int)(arg), 0, "arg is 2 or 3: pop stop, start (and step first if 3), push slice(start, stop[, step])")

/* ---- operators ---- */
OP(BINARY_OP,       ARG_BINOP,-1, 0, "TOS = TOS1 <op arg> TOS (BinaryOp)")
OP(INPLACE_OP,      ARG_BINOP,-1, 0, "TOS = TOS1 <op arg>= TOS (in-place form, falls back to BINARY_OP)")
OP(UNARY_NEGATIVE,  ARG_NONE,  0, 0, "TOS = -TOS")
OP(UNARY_POSITIVE,  ARG_NONE,  0, 0, "TOS = +TOS")
OP(UNARY_INVERT,    ARG_NONE,  0, 0, "TOS = ~TOS")
OP(UNARY_NOT,       ARG_NONE,  0, 0, "TOS = not TOS")
OP(COMPARE_OP,      ARG_COMPARE,-1,0, "TOS = TOS1 <cmp arg> TOS (CompareOp)")
OP(IS_OP,           ARG_COUNT,-1, 0, "TOS = (TOS1 is TOS) if arg == 0 else (TOS1 is not TOS)")
OP(CONTAINS_OP,     ARG_COUNT,-1, 0, "TOS = (TOS1 in TOS) if arg == 0 else (TOS1 not in TOS)")

/* ---- building containers and strings ---- */
OP(BUILD_TUPLE,     ARG_COUNT, 1-(int)(arg), 0, "pop arg items (first pushed = first item), push a tuple")
OP(BUILD_LIST,      ARG_COUNT, 1-(int)(arg), 0, "pop arg items, push a list")
OP(BUILD_SET,       ARG_COUNT, 1-(int)(arg), 0, "pop arg items, push a set")
OP(BUILD_MAP,       ARG_COUNT, 1-2*(int)(arg), 0, "pop arg key/value pairs (key pushed first), push a dict")
OP(BUILD_CONST_KEY_MAP, ARG_COUNT, -(int)(arg), 0, "TOS is a tuple of arg keys; pop it and arg values, push a dict")
OP(BUILD_STRING,    ARG_COUNT, 1-(int)(arg), 0, "pop arg strs, push their concatenation (f-strings)")
OP(LIST_APPEND,     ARG_COUNT,-1, 0, "pop TOS, append it to the list arg items below (after the pop; comprehensions)")
OP(SET_ADD,         ARG_COUNT,-1, 0, "pop TOS, add it to the set arg items below")
OP(MAP_ADD,         ARG_COUNT,-2, 0, "pop value TOS and key TOS1, set them in the dict arg items below")
OP(LIST_EXTEND,     ARG_COUNT,-1, 0, "pop iterable TOS, extend the list arg items below ([*a, *b])")
OP(SET_UPDATE,      ARG_COUNT,-1, 0, "pop iterable TOS, update the set arg items below ({*a})")
OP(DICT_UPDATE,     ARG_COUNT,-1, 0, "pop mapping TOS, update the dict arg items below ({**a})")
OP(DICT_MERGE,      ARG_COUNT,-1, 0, "like DICT_UPDATE but duplicate keys are a TypeError (f(**a, **b))")
OP(LIST_TO_TUPLE,   ARG_NONE,  0, 0, "replace the list TOS by a tuple")
OP(FORMAT_VALUE,    ARG_FLAGS,-(int)(((arg) & 4) >> 2), 0, "f-string field: flags&3 is conversion (0 none, 1 str, 2 repr, 3 ascii); "
                                     "if flags&4, TOS is the format spec (popped) and the value is below; push format(value, spec)")
OP(UNPACK_SEQUENCE, ARG_COUNT, (int)(arg)-1, 0, "pop an iterable of exactly arg items, push them so the first item ends on top")
OP(UNPACK_EX,       ARG_COUNT, (int)((arg) & 0xff)+(int)((arg) >> 8), 0, "starred unpacking: arg = before | after << 8; pops an iterable, "
                                     "pushes after items, a list of the middle, before items (first ends on top)")

/* ---- control flow ---- */
OP(JUMP_FORWARD,    ARG_JUMP,  0, 0, "jump to arg (a forward jump: no eval-breaker check)")
OP(JUMP_BACKWARD,   ARG_JUMP,  0, 0, "jump to arg (a loop edge: checks the eval breaker: GIL budget, signals)")
OP(POP_JUMP_IF_FALSE, ARG_JUMP,-1,-1, "pop TOS; jump to arg if it is false")
OP(POP_JUMP_IF_TRUE,  ARG_JUMP,-1,-1, "pop TOS; jump to arg if it is true")
OP(JUMP_IF_FALSE_OR_POP, ARG_JUMP,-1,0, "if TOS is false jump to arg keeping it, else pop it (`and`)")
OP(JUMP_IF_TRUE_OR_POP,  ARG_JUMP,-1,0, "if TOS is true jump to arg keeping it, else pop it (`or`)")
OP(GET_ITER,        ARG_NONE,  0, 0, "TOS = iter(TOS)")
OP(FOR_ITER,        ARG_JUMP,  1,-1, "push next(TOS); when exhausted pop the iterator and jump to arg")

/* ---- calls and functions ---- */
OP(CALL,            ARG_COUNT, -(int)(arg), 0, "pop arg args and the callable below them, push callable(*args)")
OP(CALL_KW,         ARG_COUNT, -(int)(arg)-1, 0, "TOS is a tuple of keyword names for the last len(TOS) of arg args; "
                                     "pop it, the args and the callable, push the call's result")
OP(CALL_METHOD,     ARG_COUNT, -(int)(arg)-1, 0, "below arg args lie the two items from LOAD_METHOD; call method(obj, *args) "
                                     "or callable(*args) when the first is NULL; push the result")
OP(CALL_METHOD_KW,  ARG_COUNT, -(int)(arg)-2, 0, "CALL_METHOD with a keyword-names tuple on top, as CALL_KW")
OP(CALL_FUNCTION_EX, ARG_FLAGS, -1-(int)((arg) & 1), 0, "flags&1: TOS is a kwargs dict; below it an args tuple, below it "
                                     "the callable; pop all, push callable(*args, **kwargs)")
OP(MAKE_FUNCTION,   ARG_FLAGS, -(int)(((arg)&1)+(((arg)>>1)&1)+(((arg)>>2)&1)+(((arg)>>3)&1)), 0,
                                     "TOS is the code object; below it, if flags&8 a tuple of cells (closure), "
                                     "if flags&4 an annotations dict, if flags&2 a kwdefaults dict, "
                                     "if flags&1 a defaults tuple (deepest); pop them all, push the function")
OP(RETURN_VALUE,    ARG_NONE, -1, 0, "return TOS to the caller")

/* ---- modules ---- */
OP(IMPORT_NAME,     ARG_NAME, -1, 0, "TOS is the fromlist, TOS1 the level; pop both, push __import__(names[arg], ...)")
OP(IMPORT_FROM,     ARG_NAME,  1, 0, "push getattr(TOS, names[arg]) (TOS stays); ImportError if missing")
OP(IMPORT_STAR,     ARG_NONE, -1, 0, "pop a module, copy its public names into locals")

/* ---- exceptions (zero-cost: handlers come from the exception table) ---- */
OP(RAISE_VARARGS,   ARG_COUNT, -(int)(arg), 0, "arg 0: re-raise the handled exception; 1: raise TOS; 2: raise TOS1 from TOS")
OP(RERAISE,         ARG_COUNT, -1, 0, "pop the exception and raise it again; if arg, also pop lasti below it and restore it")
OP(PUSH_EXC_INFO,   ARG_NONE,  1, 0, "handler entry: TOS is the exception; push the previously handled exception "
                                     "(or None) below it and make TOS the handled exception (sys.exc_info)")
OP(POP_EXCEPT,      ARG_NONE, -1, 0, "handler exit: pop the saved previous exception and make it the handled one again")
OP(CHECK_EXC_MATCH, ARG_NONE,  0, 0, "TOS is an exception type (or tuple), TOS1 the exception: replace TOS by isinstance(TOS1, TOS)")
OP(LOAD_ASSERTION_ERROR, ARG_NONE, 1, 0, "push AssertionError")
OP(BEFORE_WITH,     ARG_NONE,  1, 0, "TOS is a context manager: replace it by its bound __exit__ and push __enter__()'s result")
OP(WITH_EXCEPT_START, ARG_NONE, 1, 0, "stack: __exit__, lasti, prev_exc, exc: push __exit__(type(exc), exc, exc.__traceback__)")

/* ---- classes ---- */
OP(LOAD_BUILD_CLASS, ARG_NONE, 1, 0, "push builtins.__build_class__")
OP(SETUP_ANNOTATIONS, ARG_NONE, 0, 0, "create __annotations__ in locals if missing")

/* ---- generators ---- */
OP(RETURN_GENERATOR, ARG_NONE, 0, 0, "first instruction of a generator function: create the generator for this frame and return it")
OP(YIELD_VALUE,     ARG_NONE,  0, 0, "suspend, yielding TOS; on resume TOS is the value sent in")
OP(GET_YIELD_FROM_ITER, ARG_NONE, 0, 0, "TOS = iter(TOS) unless it is already a generator (yield from)")
OP(SEND,            ARG_JUMP,  0,-1, "TOS is the value to send, TOS1 the sub-iterator: replace TOS by the value the sub-iterator "
                                     "yields and fall through to yield it; when it finishes, pop both, push its return value and jump")

/* ---- interactive ---- */
OP(PRINT_EXPR,      ARG_NONE, -1, 0, "REPL: pop TOS; if not None, print its repr and store it in builtins._")
/* clang-format on */
