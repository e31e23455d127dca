/* frame.h: execution frames and the per-thread data stack they live on.
 *
 * A Frame is the state of one running code object: its code, namespaces,
 * fast locals, cells and value stack. Frames are not Python objects. They are
 * carved out of a per-thread "data stack", a chain of big chunks used as a
 * LIFO arena, so a Python-to-Python call costs a pointer bump instead of a
 * malloc (CPython 3.11 does the same). A generator owns a heap copy of its
 * frame instead (FRAME_OWNED_BY_GENERATOR): RETURN_GENERATOR moves the frame
 * off the data stack into the generator, which links it back into the thread's
 * frame chain each time it is resumed.
 *
 * Layout of `localsplus` (one array, sized when the frame is pushed):
 *   [0, nlocals)                   fast locals (NULL: unbound)
 *   [nlocals, +ncells)             cells of cellvars (captured locals)
 *   [.., +nfree)                   cells of freevars (from the closure)
 *   [.., +stacksize)               the value stack, growing upwards
 */
#ifndef GILPY_FRAME_H
#define GILPY_FRAME_H

#include "code.h"
#include "function.h"
#include "object.h"
#include "state.h"

enum {
    FRAME_OWNED_BY_THREAD = 0,    /* on the thread's data stack */
    FRAME_OWNED_BY_GENERATOR = 1, /* inside a generator object (heap) */
};

typedef struct Frame {
    CodeObject *code;       /* strong */
    FunctionObject *func;   /* strong, or NULL for module code run by vm_eval_code */
    Object *globals;        /* strong: dict */
    Object *builtins;       /* strong: dict */
    Object *locals;         /* strong dict for module/class bodies, else NULL */
    struct Frame *previous; /* the caller (the next older frame), or NULL */
    Object **stack_pointer; /* saved top of the value stack (one past TOS) */
    uint32_t next_instr;    /* saved index of the next instruction to run */
    uint8_t owner;          /* FRAME_OWNED_BY_* */
    bool is_entry;          /* returning from it leaves the C eval_frame call */
    Object *generator;      /* borrowed: the generator owning this frame, or NULL */
    uint32_t stack_base;    /* index of the value stack's bottom in localsplus */
    uint32_t nslots;        /* size of localsplus */
    Object *localsplus[];
} Frame;

/* Index of the instruction being executed (or that last ran). */
static inline uint32_t frame_lasti(const Frame *f) {
    return f->next_instr == 0 ? 0 : f->next_instr - 1;
}
static inline Object **frame_stack_base(Frame *f) {
    return f->localsplus + f->stack_base;
}

/* ---------------------------------------------------------------- data stack */

/* One chunk of a thread's data stack. */
typedef struct DataChunk {
    struct DataChunk *previous; /* older chunk, or NULL */
    Object **top;               /* first free slot */
    Object **limit;             /* one past the last slot */
    Object *slots[];
} DataChunk;

/* The VM's private part of a ThreadState (ts->vm). */
typedef struct VMThread {
    DataChunk *chunk;    /* current (newest) chunk of the data stack */
    DataChunk *spare;    /* a free chunk kept to avoid malloc/free thrash */
    /* The eval breaker: decremented at every loop back-edge and call; when it
     * drops to zero the loop calls eval_handle_breaker() (signals now, the GIL
     * hand-off later), which resets it. One decrement-and-branch. */
    int32_t eval_budget;
    bool is_main;        /* the main thread: receives KeyboardInterrupt */
} VMThread;

static inline VMThread *vm_thread(ThreadState *ts) { return (VMThread *)ts->vm; }

/* Allocate the VM part of a thread state (sets ts->vm). -1 on MemoryError. */
MAY_RAISE int frame_thread_init(ThreadState *ts);
void frame_thread_fini(ThreadState *ts);

/* Push a frame for `code` with room for its locals, cells and stack; every
 * slot is NULL. globals/builtins/locals/func are borrowed and INCREF'd
 * (locals and func may be NULL). The frame is not linked into ts->frame yet.
 * NULL with MemoryError on failure. */
MAY_RAISE Frame *frame_push(ThreadState *ts, CodeObject *code, FunctionObject *func,
                            Object *globals, Object *builtins, Object *locals);

/* Drop every reference the frame holds (slots up to its stack pointer and
 * its fields) and release its memory (data stack or heap). */
void frame_clear_and_pop(ThreadState *ts, Frame *f);

/* Drop the frame's references without releasing the memory. */
void frame_clear(Frame *f);

/* Copy a thread-owned frame into heap memory (for a generator), moving its
 * references; the original is then released from the data stack without
 * touching references. NULL with MemoryError. */
MAY_RAISE Frame *frame_move_to_heap(ThreadState *ts, Frame *f);

/* Fill the cells of a fresh frame: new cells for cellvars (moving captured
 * parameters in, per code->cell2arg) and the closure's cells for freevars.
 * -1 with MemoryError. */
MAY_RAISE int frame_init_cells(Frame *f);

#endif /* GILPY_FRAME_H */
