/* mod_pickle.h: the C core of pickle (stdlib/mod_pickle.c), for other C code: turn a value
 * into gilpy's own pickle bytes and back (multiprocessing, the fuzz harness). */
#ifndef GILPY_MOD_PICKLE_H
#define GILPY_MOD_PICKLE_H

#include "object.h"

/* pickle.dumps(obj): a new bytes object, or NULL with PicklingError, TypeError... set.
 * `error_type` is the PicklingError class to raise (NULL: ValueError), `dispatch_table`
 * a dict {type: reducer} consulted before __reduce__ (may be NULL). Both borrowed. */
MAY_RAISE Object *pickle_dumps_value(Object *obj, TypeObject *error_type, Object *dispatch_table);

/* pickle.loads of `size` bytes at `data`: a new reference, or NULL with UnpicklingError
 * (`error_type`, NULL: ValueError), EOFError or what a reconstructor raised. `find_class`
 * (borrowed, may be NULL) is called as find_class(module, name) for every global the data
 * names; NULL imports the module and looks the name up. Never reads past data + size. */
MAY_RAISE Object *pickle_loads_data(const char *data, size_t size, TypeObject *error_type,
                                    Object *find_class);

#endif /* GILPY_MOD_PICKLE_H */
