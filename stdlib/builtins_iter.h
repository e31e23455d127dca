/* builtins_iter.h: the lazy iterator types of the builtins module:
 * enumerate, zip, map, filter and reversed (builtins_iter.c). */
#ifndef GILPY_BUILTINS_ITER_H
#define GILPY_BUILTINS_ITER_H

#include "object.h"

extern TypeObject EnumerateType, ZipType, MapType, FilterType, ReversedType;

/* Ready the five types (called once by mod_builtins_init). 0 or -1. */
MAY_RAISE int builtins_iter_ready(void);

#endif /* GILPY_BUILTINS_ITER_H */
