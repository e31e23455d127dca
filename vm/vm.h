/* vm.h: the public face of the virtual machine: create an interpreter, run
 * source or a file as __main__, print uncaught exceptions, tear down. Also the
 * few entry points that native modules (builtins, sys) need from the VM. */
#ifndef GILPY_VM_H
#define GILPY_VM_H

#include "code.h"
#include "module.h"
#include "object.h"
#include "state.h"
#include "threads.h"

/* Create the interpreter and the main thread state: initialise the runtime,
 * import "builtins" and "sys" from `modules` (a {NULL, NULL}-terminated table),
 * fill sys.argv from argv[0..argc), create __main__. Returns NULL (after
 * printing a message to stderr) if start-up fails. */
Interpreter *vm_create(const NativeModuleDef *modules, int argc, char **argv,
                       const VMConfig *config /* NULL: defaults */);

/* Compile `src` (size bytes) as a file named `filename` and run it as the
 * __main__ module. An uncaught exception is printed with vm_print_exception.
 * Returns the process exit status: 0, 1 for an uncaught exception, or
 * SystemExit's code. */
int vm_run_source(Interpreter *interp, const char *src, size_t size, const char *filename);

/* Read `path` and run it as __main__ (as vm_run_source); the script's
 * directory becomes sys.path[0] for imports. Returns the exit status (a file
 * that cannot be read prints CPython's "can't open file" message, status 2). */
int vm_run_file(Interpreter *interp, const char *path);

/* Print `exc` (an exception instance, borrowed) with its traceback and its
 * chained exceptions to sys.stderr, exactly as CPython 3.11 does. Never fails
 * (errors while printing are swallowed). */
void vm_print_exception(Object *exc);

/* The exit status a SystemExit instance asks for (None -> 0, int -> that,
 * anything else is printed to stderr and gives 1). */
int vm_system_exit_status(Object *exc);

/* -i (CPython's inspect flag): while set, vm_run_source and vm_run_file print
 * an uncaught SystemExit with its traceback, like any other exception, instead
 * of exiting quietly with its status, since the interactive prompt follows. */
void vm_set_inspect(bool inspect);

/* Run a module-level or class-body code object with the given globals and
 * locals dicts (borrowed; locals may be NULL: then globals). New reference,
 * NULL with an exception set on failure. */
MAY_RAISE Object *vm_eval_code(CodeObject *code, Object *globals, Object *locals);

/* Run the body of function `func` (a FunctionObject whose code is a class
 * body) with `locals` as its namespace dict: what __build_class__ needs
 * (closure cells such as __class__ are kept). New reference or NULL. */
MAY_RAISE Object *vm_call_with_locals(Object *func, Object *locals);

/* globals()/locals() of the innermost running Python frame (borrowed; NULL
 * if no frame runs). vm_current_locals returns a new reference: the frame's
 * locals dict, or for a function a fresh dict snapshot of its fast locals. */
Object *vm_current_globals(void);
Object *vm_current_builtins(void);
MAY_RAISE Object *vm_current_locals(void);

/* __import__(name, globals, locals, fromlist, level): the import statement's
 * machinery. `globals` (borrowed, may be NULL) gives __name__/__package__
 * for relative imports. New reference, or NULL with ImportError /
 * ModuleNotFoundError. */
MAY_RAISE Object *vm_import(Object *name, Object *globals, Object *fromlist, int level);

/* Flush sys.stdout and sys.stderr, then release the interpreter. */
void vm_destroy(Interpreter *interp);

/* Record `exc`, an exception printed as uncaught, as sys.last_type,
 * last_value and last_traceback, as CPython does (for pdb.pm() after -i). */
void vm_set_last_exception(Interpreter *interp, Object *exc);

/* Did the program end with an uncaught KeyboardInterrupt? Then, as CPython
 * does, gilpy ends by SIGINT itself, so that a shell or a parent sees a
 * process killed by Ctrl-C (status -2 in Python, 130 in a shell). */
bool vm_ended_by_keyboard_interrupt(void);

#endif /* GILPY_VM_H */
