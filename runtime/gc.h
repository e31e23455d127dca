/* gc.h: the cycle collector. Reference counting frees everything except
 * groups of objects that refer to each other; this finds and frees those. */
#ifndef GILPY_GC_H
#define GILPY_GC_H

#include "object.h"

/* Set by obj_alloc when enough containers were allocated since the last
 * collection; the VM checks it at safe points and calls gc_collect(). */
extern bool gc_collect_due;

/* Run a full collection. Returns the number of unreachable objects found,
 * or -1 if a finalizer-free clear failed (cannot happen today). GIL held. */
ssize_t gc_collect(void);
/* Call at a safe point: collects when due and enabled. */
void gc_maybe_collect(void);

void gc_set_enabled(bool enabled);
bool gc_is_enabled(void);

#endif /* GILPY_GC_H */
