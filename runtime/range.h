/* range.h: range objects and slice objects. */
#ifndef GILPY_RANGE_H
#define GILPY_RANGE_H

#include "object.h"

extern TypeObject RangeType, SliceType, RangeIterType, LongRangeIterType;

/* range(start, stop, step): the bounds are ints (small or big); length is
 * the number of items as an int. */
typedef struct RangeObject {
    Object base;
    Object *start, *stop, *step, *length;
} RangeObject;

/* iter(range) when every value fits a small int: the VM's FOR_ITER may
 * special-case it. Produces `next` while remaining > 0, then next += step.
 * (Bigger ranges get a LongRangeIterType object, iterated generically.) */
typedef struct RangeIterObject {
    Object base;
    intptr_t next;
    intptr_t step;
    size_t remaining;
} RangeIterObject;

typedef struct SliceObject {
    Object base;
    Object *start, *stop, *step; /* None when omitted */
} SliceObject;

static inline bool slice_check(const Object *v) { return !is_small_int(v) && v->type == &SliceType; }

MAY_RAISE Object *slice_new(Object *start, Object *stop, Object *step); /* borrows; NULL -> None */
/* Resolve a slice against a sequence length like slice.indices(); fills
 * start/stop/step and returns the number of items selected, or -1 on error. */
MAY_RAISE ssize_t slice_adjust(Object *slice, ssize_t length, ssize_t *start, ssize_t *stop,
                               ssize_t *step);

MAY_RAISE Object *range_new(Object *start, Object *stop, Object *step);

#endif /* GILPY_RANGE_H */
