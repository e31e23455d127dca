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
#include "deadlock.h"
#include "gil.h"
#include "function.h"
#include "object.h"
#include "state.h"
#include "tuple.h"

enum {
    FRAME_OWNED_BY_THREAD = 0,    /* on the thread's data stack */
    FRAME_OWNED_BY_GENERATOR = 1, /* inside a generator object (heap) */
};

typedef struct Frame {
    CodeObject *code;       /* strong */
    FunctionObject *func;   /* strong, or NULL for module code run by vm_eval_code */
    Object *globals;        /* borrowed: dict (kept alive by func or the caller) */
    Object *builtins;       /* borrowed: dict */
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
    /* Instructions to run before the next visit to the eval breaker, as the
     * breaker last set it (each eval loop counts them down in its own local
     * `tick`, one decrement and branch per instruction; a nested loop starts
     * from this value). */
    int32_t eval_budget;
    bool is_main;        /* the main thread: receives KeyboardInterrupt */
    GilThread gil;       /* this thread's place in the GIL (vm/gil.h) */
    uint64_t ident;      /* threading.get_ident(): the pthread_t */
    uint64_t native_id;  /* threading.get_native_id(): the kernel's thread id */
    Object *local_dicts; /* dict: threading.local key -> this thread's attribute dict */
    DeadlockWait deadlock_wait; /* what it waits for, in an untimed lock wait (vm/deadlock.c) */
} VMThread;

static inline VMThread *vm_thread(ThreadState *ts) { return (VMThread *)ts->vm; }

/* Allocate the VM part of a thread state (sets ts->vm). -1 on MemoryError. */
MAY_RAISE int frame_thread_init(ThreadState *ts);
void frame_thread_fini(ThreadState *ts);

/* Slots taken by the Frame header itself, rounded up. */
#define FRAME_HEADER_SLOTS ((sizeof(Frame) + sizeof(Object *) - 1) / sizeof(Object *))

/* Out of room in the current chunk: `total` slots from a new chunk. */
MAY_RAISE Object **frame_alloc_slow(VMThread *vt, size_t total);
/* The popped frame was the first of its chunk: go back to the older chunk. */
void frame_release_chunk(VMThread *vt);

/* Push a frame for `code` with room for its locals, cells and stack; every
 * slot is NULL. code, func (may be NULL) and locals (may be NULL) are
 * INCREF'd; globals and builtins are BORROWED (as in CPython 3.11: the
 * function, or the caller of vm_eval_code, keeps them alive). The frame is
 * not linked into ts->frame yet. NULL with MemoryError on failure.
 * Inline: this is half of every Python call. */
static inline Frame *frame_push(ThreadState *ts, CodeObject *code, FunctionObject *func,
                                Object *globals, Object *builtins, Object *locals) {
    VMThread *vt = vm_thread(ts);
    size_t ncells = tuple_size(code->cellvars) + tuple_size(code->freevars);
    size_t base = (size_t)code->nlocals + ncells;
    size_t nslots = base + (size_t)code->stacksize;
    size_t total = FRAME_HEADER_SLOTS + nslots;
    DataChunk *c = vt->chunk;
    Object **mem;
    if (c != NULL && (size_t)(c->limit - c->top) >= total) {
        mem = c->top;
        c->top += total;
    } else {
        mem = frame_alloc_slow(vt, total);
        if (mem == NULL) {
            return NULL;
        }
    }
    Frame *f = (Frame *)mem;
    f->code = code;
    INCREF((Object *)code);
    f->func = func;
    if (func != NULL) {
        INCREF((Object *)func);
    }
    f->globals = globals;
    f->builtins = builtins;
    f->locals = locals;
    if (locals != NULL) {
        INCREF(locals);
    }
    f->previous = NULL;
    f->next_instr = 0;
    f->owner = FRAME_OWNED_BY_THREAD;
    f->is_entry = false;
    f->generator = NULL;
    f->stack_base = (uint32_t)base;
    f->nslots = (uint32_t)nslots;
    for (size_t i = 0; i < base; i++) {
        f->localsplus[i] = NULL;
    }
    f->stack_pointer = f->localsplus + base;
    return f;
}

/* Drop the frame's references (slots up to its stack pointer, code, func,
 * locals) without releasing its memory. f->code becomes NULL. */
static inline void frame_clear(Frame *f) {
    Object **sp = f->stack_pointer;
    for (Object **p = f->localsplus; p < sp; p++) {
        Object *v = *p;
        if (v != NULL) {
            *p = NULL;
            DECREF(v);
        }
    }
    f->stack_pointer = f->localsplus + f->stack_base;
    CLEAR(f->locals);
    CLEAR(f->func);
    CLEAR(f->code);
    f->globals = NULL;
    f->builtins = NULL;
}

/* frame_clear, then give the memory back to the data stack (a generator's
 * heap frame keeps its memory: the generator frees it). */
static inline void frame_clear_and_pop(ThreadState *ts, Frame *f) {
    frame_clear(f);
    if (f->owner == FRAME_OWNED_BY_THREAD) {
        VMThread *vt = vm_thread(ts);
        DataChunk *c = vt->chunk;
        assert((Object **)f >= c->slots && (Object **)f < c->limit);
        c->top = (Object **)f;
        if (c->top == c->slots && c->previous != NULL) {
            frame_release_chunk(vt);
        }
    }
}

/* Copy a thread-owned frame into heap memory (for a generator), moving its
 * references; the original is then released from the data stack without
 * touching references. NULL with MemoryError. */
MAY_RAISE Frame *frame_move_to_heap(ThreadState *ts, Frame *f);

/* Fill the cells of a fresh frame: new cells for cellvars (moving captured
 * parameters in, per code->cell2arg) and the closure's cells for freevars.
 * -1 with MemoryError. */
MAY_RAISE int frame_init_cells(Frame *f);

#endif /* GILPY_FRAME_H */
