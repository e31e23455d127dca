/* gc.c: the cycle collector.
 *
 * Reference counting frees an object as soon as nothing refers to it, but a
 * group of objects that refer to one another (a list containing itself, two
 * instances pointing at each other) keeps every count above zero forever.
 * The collector finds such groups, as CPython's does:
 *
 *   1. For every tracked container, copy its refcount into gc_refs.
 *   2. For every tracked container, visit the containers it refers to and
 *      subtract one from their gc_refs. What is left in gc_refs is the number
 *      of references coming from OUTSIDE the tracked set (C locals, the
 *      value stack, untracked objects): such objects are reachable.
 *   3. Everything reachable from a reachable object is reachable too.
 *   4. The rest is garbage that only refers to itself: call each object's
 *      `clear` slot to drop its references, which breaks the cycles and lets
 *      ordinary reference counting free the lot.
 *
 * Collection only runs at safe points chosen by the VM (gc_maybe_collect),
 * with the GIL held, so no object is ever seen half-built.
 */
#include "gc.h"

#include "class.h"
#include "errors.h"
#include "list.h"
#include "memory.h"

extern GCHeader gc_tracked_head;
extern size_t gc_allocations_since_collect;
extern size_t gc_collect_threshold;

static bool gc_enabled = true;
static bool gc_running;

enum { GC_UNREACHABLE = -1 };

static inline GCHeader *header_of(Object *v) { return (GCHeader *)v - 1; }
static inline Object *object_of(GCHeader *gc) { return (Object *)(gc + 1); }

static bool is_tracked_container(Object *v) {
    return !is_small_int(v) && (v->type->flags & TYPE_FLAG_GC) && header_of(v)->next != NULL;
}

static int visit_decref(Object *child, void *arg) {
    if (is_tracked_container(child)) {
        header_of(child)->gc_refs--;
    }
    return 0;
}

/* Mark a child reachable; push it on the work list if it was not already. */
/* References followed from surviving objects in the last collection: the
 * next one waits until allocation has grown by a share of them, so a program
 * that keeps a big live heap (but little garbage) is not walked again and
 * again; the cost of collecting stays proportional to what was allocated. */
static size_t gc_reachable_edges;

static int visit_reachable(Object *child, void *arg) {
    gc_reachable_edges++;
    if (!is_tracked_container(child)) {
        return 0;
    }
    GCHeader *gc = header_of(child);
    if (gc->gc_refs == GC_UNREACHABLE || gc->gc_refs == 0) {
        gc->gc_refs = 1;
        return list_append((Object *)arg, child) < 0 ? -1 : 0;
    }
    return 0;
}

ssize_t gc_collect(void) {
    if (gc_running) {
        return 0;
    }
    gc_running = true;
    gc_collect_due = false;
    gc_allocations_since_collect = 0;
    gc_reachable_edges = 0;

    /* 1 and 2: external reference counts. */
    size_t live = 0;
    for (GCHeader *gc = gc_tracked_head.next; gc != &gc_tracked_head; gc = gc->next) {
        gc->gc_refs = object_of(gc)->refcount;
        live++;
    }
    for (GCHeader *gc = gc_tracked_head.next; gc != &gc_tracked_head; gc = gc->next) {
        Object *v = object_of(gc);
        if (v->type->traverse != NULL) {
            v->type->traverse(v, visit_decref, NULL);
        }
    }
    /* 3: propagate reachability from the externally referenced ones. The
     * work list is a Python list, itself untracked so it does not disturb
     * the counts; its own references keep the items alive meanwhile. */
    Object *work = list_new(0);
    if (work == NULL) {
        gc_running = false;
        err_clear();
        return 0;
    }
    gc_untrack(work);
    for (GCHeader *gc = gc_tracked_head.next; gc != &gc_tracked_head; gc = gc->next) {
        if (gc->gc_refs > 0) {
            gc->gc_refs = 1;
            if (list_append(work, object_of(gc)) < 0) {
                goto out_of_memory;
            }
        } else {
            gc->gc_refs = GC_UNREACHABLE;
        }
    }
    while (list_size(work) > 0) {
        ListObject *l = (ListObject *)work;
        Object *v = l->items[--l->size];
        if (v->type->traverse != NULL && v->type->traverse(v, visit_reachable, work) < 0) {
            DECREF(v);
            goto out_of_memory;
        }
        DECREF(v);
    }
    /* 4: collect the unreachable ones, holding a reference to each while
     * their references are cleared so none vanishes under our feet. */
    for (GCHeader *gc = gc_tracked_head.next; gc != &gc_tracked_head; gc = gc->next) {
        if (gc->gc_refs == GC_UNREACHABLE && list_append(work, object_of(gc)) < 0) {
            goto out_of_memory;
        }
    }
    ssize_t found = (ssize_t)list_size(work);
    /* Finalizers (__del__) run first, while every object is still intact.
     * (A finalizer that resurrects an object is not detected here: the
     * object is then cleared anyway, which is memory-safe but loses its
     * attributes. CPython re-checks reachability; gilpy does not yet.) */
    for (size_t i = 0; i < list_size(work); i++) {
        Object *v = list_get(work, i);
        if (v->type->flags & TYPE_FLAG_HEAPTYPE) {
            class_finalize(v);
        }
    }
    for (size_t i = 0; i < list_size(work); i++) {
        Object *v = list_get(work, i);
        if (v->type->clear != NULL) {
            v->type->clear(v);
        }
    }
    DECREF(work); /* drops our references: the cycles are gone, so they free */
    gc_collect_threshold = 700 + (live - (size_t)found) + gc_reachable_edges / 4;
    gc_running = false;
    return found;

out_of_memory:
    err_clear();
    DECREF(work);
    gc_running = false;
    return 0;
}

void gc_maybe_collect(void) {
    if (gc_collect_due && gc_enabled) {
        gc_collect();
    }
    gc_collect_due = false;
}

void gc_set_enabled(bool enabled) { gc_enabled = enabled; }
bool gc_is_enabled(void) { return gc_enabled; }
