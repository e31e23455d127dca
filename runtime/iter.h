/* iter.h: generic iterators (over anything with __getitem__) and helpers. */
#ifndef GILPY_ITER_H
#define GILPY_ITER_H

#include "object.h"

extern TypeObject SeqIterType, CallableIterType;
extern TypeObject GenericAliasType; /* list[int] and friends: genericalias.h */

/* iter(obj) for sequences without __iter__: calls getitem(0), getitem(1), ... */
MAY_RAISE Object *seq_iter_new(Object *seq);
/* iter(callable, sentinel). */
MAY_RAISE Object *callable_iter_new(Object *callable, Object *sentinel);
/* Free the calling thread's private repr/dealloc stacks (at thread exit). */
void iter_thread_cleanup(void);

#endif /* GILPY_ITER_H */
