/* repl.h: the interactive prompt (`gilpy` on a terminal, `gilpy -i script`):
 * read a statement, run it, echo its value, go on. See repl.c. */
#ifndef GILPY_REPL_H
#define GILPY_REPL_H

#include <stdbool.h>

#include "state.h"

/* Run the read-eval-print loop in the __main__ module's namespace until
 * end of input (Ctrl-D), exit()/quit() or SystemExit. `banner` (NULL: none)
 * is written to stderr first, as CPython writes its own. Prompts come from
 * sys.ps1 and sys.ps2 (set to ">>> " and "... " when missing). With libedit
 * and a terminal on stdin and stdout the line is edited, completed with Tab
 * and kept in ~/.gilpy_history; otherwise a plain reader prints the prompt to
 * stderr and reads sys.stdin. Every read releases the GIL, so threads keep
 * running while the prompt waits. The GIL must be held by the calling (main)
 * thread. Returns the exit status: 0 at end of input, SystemExit's code. */
int repl_run(Interpreter *interp, const char *banner);

/* Called by stdlib/textio.c around each write() to a descriptor, WITHOUT the
 * GIL. While the prompt waits for a line under libedit and `fd` is stdout
 * or stderr, _begin erases the line being edited and returns true (holding
 * the editor's lock), and _end(true, ...) draws the prompt and the line again
 * below what was written once a line is complete: output of other threads
 * then appears above the prompt instead of inside the typed text. Otherwise both do nothing
 * (begin returns false). */
bool repl_terminal_write_begin(int fd);
void repl_terminal_write_end(bool began, bool ended_line /* the data ended with '\n' */);

#endif /* GILPY_REPL_H */
