/* frame.c: pushing and popping frames on the per-thread data stack, and moving
 * a frame to the heap for a generator. See frame.h for the layout. */
#include "frame.h"

#include <string.h>

#include "errors.h"
#include "exceptions.h"
#include "memory.h"
#include "tuple.h"

/* Slots per data-stack chunk (a frame bigger than this gets its own chunk). */
#define DATA_CHUNK_SLOTS (64 * 1024)

int frame_thread_init(ThreadState *ts) {
    VMThread *vt = mem_alloc(sizeof(VMThread));
    if (vt == NULL) {
        return -1;
    }
    vt->eval_budget = 1;
    ts->vm = vt;
    return 0;
}

void frame_thread_fini(ThreadState *ts) {
    VMThread *vt = vm_thread(ts);
    if (vt == NULL) {
        return;
    }
    DataChunk *c = vt->chunk;
    while (c != NULL) {
        DataChunk *prev = c->previous;
        mem_free(c);
        c = prev;
    }
    mem_free(vt->spare);
    mem_free(vt);
    ts->vm = NULL;
}

/* Make room for `nslots` contiguous slots: a new chunk (the spare one if it is
 * big enough) linked after the current one. */
static DataChunk *frame_new_chunk(VMThread *vt, size_t nslots) {
    size_t size = nslots > DATA_CHUNK_SLOTS ? nslots : DATA_CHUNK_SLOTS;
    DataChunk *c;
    if (vt->spare != NULL && (size_t)(vt->spare->limit - vt->spare->slots) >= nslots) {
        c = vt->spare;
        vt->spare = NULL;
    } else {
        c = mem_alloc(sizeof(DataChunk) + size * sizeof(Object *));
        if (c == NULL) {
            return NULL;
        }
        c->limit = c->slots + size;
    }
    c->top = c->slots;
    c->previous = vt->chunk;
    vt->chunk = c;
    return c;
}

Object **frame_alloc_slow(VMThread *vt, size_t total) {
    DataChunk *c = frame_new_chunk(vt, total);
    if (c == NULL) {
        return NULL;
    }
    Object **mem = c->top;
    c->top += total;
    return mem;
}

void frame_release_chunk(VMThread *vt) {
    DataChunk *c = vt->chunk;
    vt->chunk = c->previous;
    mem_free(vt->spare);
    vt->spare = c;
}

/* Give a thread-owned frame's memory back to the data stack (refs untouched). */
static void frame_release(ThreadState *ts, Frame *f) {
    VMThread *vt = vm_thread(ts);
    DataChunk *c = vt->chunk;
    assert((Object **)f >= c->slots && (Object **)f < c->limit);
    c->top = (Object **)f;
    if (c->top == c->slots && c->previous != NULL) {
        frame_release_chunk(vt);
    }
}

Frame *frame_move_to_heap(ThreadState *ts, Frame *f) {
    size_t bytes = sizeof(Frame) + (size_t)f->nslots * sizeof(Object *);
    Frame *g = mem_alloc(bytes);
    if (g == NULL) {
        return NULL;
    }
    memcpy(g, f, bytes);
    g->stack_pointer = g->localsplus + (f->stack_pointer - f->localsplus);
    g->owner = FRAME_OWNED_BY_GENERATOR;
    g->previous = NULL;
    g->is_entry = false;
    frame_release(ts, f);
    return g;
}

int frame_init_cells(Frame *f) {
    CodeObject *code = f->code;
    size_t ncellvars = tuple_size(code->cellvars);
    Object **cells = f->localsplus + code->nlocals;
    for (size_t i = 0; i < ncellvars; i++) {
        Object *initial = NULL;
        int32_t arg = code->cell2arg != NULL ? code->cell2arg[i] : -1;
        if (arg >= 0) {
            initial = f->localsplus[arg]; /* moved into the cell below */
        }
        Object *cell = cell_new(initial);
        if (cell == NULL) {
            return -1;
        }
        if (arg >= 0 && initial != NULL) {
            f->localsplus[arg] = NULL;
            DECREF(initial);
        }
        cells[i] = cell;
    }
    size_t nfree = tuple_size(code->freevars);
    if (nfree > 0) {
        Object *closure = f->func != NULL ? f->func->closure : NULL;
        if (closure == NULL || tuple_size(closure) < nfree) {
            err_set_string(&ExcSystemError, "code object has free variables but no closure");
            return -1;
        }
        for (size_t i = 0; i < nfree; i++) {
            Object *cell = tuple_get(closure, i);
            INCREF(cell);
            cells[ncellvars + i] = cell;
        }
    }
    return 0;
}
