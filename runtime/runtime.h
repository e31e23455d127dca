/* runtime.h: bring the object model up and down (ready every static type,
 * create the shared singletons). */
#ifndef GILPY_RUNTIME_H
#define GILPY_RUNTIME_H

#include "object.h"

MAY_RAISE int runtime_init(void);

#endif /* GILPY_RUNTIME_H */
