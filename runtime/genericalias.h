/* genericalias.h: types.GenericAlias, what `list[int]` or `dict[str, int]`
 * evaluates to (type hints). Made by the containers' __class_getitem__. */
#ifndef GILPY_GENERICALIAS_H
#define GILPY_GENERICALIAS_H

#include "object.h"

extern TypeObject GenericAliasType;

/* origin[args]: args is a tuple, or a single object (wrapped in a 1-tuple).
 * Borrows both; new reference. */
MAY_RAISE Object *generic_alias_new(Object *origin, Object *args);

/* The body of `__class_getitem__` for native generic classes (a METHOD_CLASS
 * MethodDef function): cls[item] -> GenericAlias(cls, item). */
MAY_RAISE Object *generic_alias_class_getitem(Object *cls, Object *const *args, size_t nargs,
                                              Object *kwnames);

#endif /* GILPY_GENERICALIAS_H */
