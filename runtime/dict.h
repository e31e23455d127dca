/* dict.h: Python dict, an insertion-ordered hash table (compact layout: a
 * sparse index array pointing into a dense array of entries, as CPython). */
#ifndef GILPY_DICT_H
#define GILPY_DICT_H

#include "object.h"

extern TypeObject DictType;

static inline bool dict_check(const Object *v) {
    return !is_small_int(v) && (v->type == &DictType || type_is_subtype(v->type, &DictType));
}

MAY_RAISE Object *dict_new(void);
size_t dict_size(Object *d);
/* 1 and *out = value (borrowed) if present, 0 if absent, -1 on error (hash/eq raised). */
MAY_RAISE int dict_lookup(Object *d, Object *key, Object **out);
/* Fast path for str keys (never raises): borrowed value or NULL. */
Object *dict_get_str(Object *d, Object *key);
Object *dict_get_cstr(Object *d, const char *key);
MAY_RAISE int dict_set(Object *d, Object *key, Object *value); /* does not steal */
MAY_RAISE int dict_set_cstr(Object *d, const char *key, Object *value);
/* 0 if deleted, -1 with KeyError(key) if absent or another error. */
MAY_RAISE int dict_del(Object *d, Object *key);
/* Iterate: size_t pos = 0; while (dict_next(d, &pos, &k, &v)) {...} (borrowed). */
bool dict_next(Object *d, size_t *pos, Object **key, Object **value);
MAY_RAISE Object *dict_copy(Object *d);
MAY_RAISE int dict_update(Object *d, Object *other); /* mapping or iterable of pairs */
MAY_RAISE int dict_merge(Object *d, Object *mapping, bool override);
void dict_clear(Object *d);
MAY_RAISE Object *dict_keys_list(Object *d);
/* A counter that changes whenever any key is added, removed or any value is
 * replaced (the VM caches global lookups against it). */
uint64_t dict_version(Object *d);

#endif /* GILPY_DICT_H */
