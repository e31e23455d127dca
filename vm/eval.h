/* eval.h: the bytecode interpreter loop and the generator objects it runs. */
#ifndef GILPY_EVAL_H
#define GILPY_EVAL_H

#include <signal.h>
#include <stdatomic.h>

#include "frame.h"
#include "object.h"
#include "state.h"

/* Run `frame` (pushed with frame_push, arguments bound, cells initialised)
 * until it returns, linking it in front of ts->frame while it runs. The frame
 * is popped before returning (or, for a generator frame that yields, left
 * suspended). With `throwflag`, the pending exception is raised at the
 * frame's current instruction (generator.throw). New reference, or NULL with
 * an exception set. */
MAY_RAISE Object *eval_frame(ThreadState *ts, Frame *frame, bool throwflag);

/* The eval breaker's slow path, reached every few hundred instructions:
 * handle a pending Ctrl-C (KeyboardInterrupt in the main thread), run the
 * cycle collector when due, and charge `used` instructions to the GIL budget
 * (yielding the GIL if it is spent and someone waits). Returns the number of
 * instructions to run before the next visit, or -1 with an exception set. */
MAY_RAISE int32_t eval_handle_breaker(ThreadState *ts, int32_t used);

/* Signals handled by the signal module: its C handler sets
 * eval_signals_pending; the main thread's eval breaker then calls
 * eval_signal_hook (0, or -1 with the exception a Python handler raised). */
extern atomic_int eval_signals_pending; /* lock-free: set from signal handlers */
extern int (*eval_signal_hook)(void);

/* Ctrl-C bookkeeping: take (and clear) a pending SIGINT; request one. */
bool eval_take_sigint(void);
void eval_request_sigint(void);
/* Is a Ctrl-C waiting to be raised (without taking it)? */
bool eval_sigint_waiting(void);

void eval_install_signal_handlers(void);

/* ---------------------------------------------------------------- generators */

typedef struct GeneratorObject {
    Object base;
    Frame *frame;     /* heap frame; NULL once the generator has finished */
    Object *name;     /* str */
    Object *qualname; /* str */
    Object *handled;  /* exception being handled inside the suspended generator, or NULL */
    bool running;
    bool started;
} GeneratorObject;

extern TypeObject GeneratorType;

static inline bool generator_check(const Object *v) {
    return !is_small_int(v) && v->type == &GeneratorType;
}

/* Resume gen with `value` sent in (borrowed; NULL means None), or with the
 * pending exception raised inside it when `throwing`. Returns the yielded
 * value with *finished = false, or the return value with *finished = true
 * (the generator is then exhausted), or NULL with an exception. */
MAY_RAISE Object *generator_resume(Object *gen, Object *value, bool throwing, bool *finished);

#endif /* GILPY_EVAL_H */
