/* range.h: range objects and slice objects. */
#ifndef GILPY_RANGE_H
#define GILPY_RANGE_H

#include "object.h"

extern TypeObject RangeType, SliceType;

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
