/* attrcache.h: what the attribute caches (type_lookup's cache in object.c, the eval loop's
 * per-instruction caches in vm/eval.c) use to know that a cached answer is still right. */
#ifndef GILPY_ATTRCACHE_H
#define GILPY_ATTRCACHE_H

#include <stdint.h>

#include "object.h"

/* Validity of every attribute cache. A cached answer about type T is right while
 *   - T's version tag is the one cached: tags are unique for the life of the process
 *     (handed out by type_version_tag from one counter), so a type freed and another
 *     allocated at the same address never match; and
 *   - type_cache_epoch is the one cached: it moves whenever ANY type's dict, bases or
 *     slots change after the type was built (type_modified), which makes a change to a
 *     base class visible to every subclass without walking them.
 * Changing classes after creation is rare, so invalidating everything is cheap in
 * practice; it also cannot miss a subclass. Runtime-wide and protected by the GIL. */
extern uint64_t type_cache_epoch;

/* Call after changing a type's dict (or anything type_lookup reads) once the type may
 * have been looked up. Invalidates every attribute cache. */
void type_modified(TypeObject *type);

/* The type's version tag, assigning a fresh one on first use; 0 means "do not cache"
 * (the counter ran out). */
uint32_t type_version_tag(TypeObject *type);

/* Lookups for the VM's caches (runtime/dict.c), key an interned str, d a dict: start at
 * the entry index *hint (where the key was last found) and update it. Never raise.
 * dict_get_str_hint: the borrowed value or NULL. dict_replace_str_hint: replace the value
 * of a key d holds (1), or change nothing and return 0 when it does not hold it. */
Object *dict_get_str_hint(Object *d, Object *key, uint32_t *hint);
int dict_replace_str_hint(Object *d, Object *key, Object *value, uint32_t *hint);

#endif
