/* dict.h: Python dict, an insertion-ordered hash table (compact layout: a
 * sparse index array pointing into a dense array of entries, as CPython). */
#ifndef GILPY_DICT_H
#define GILPY_DICT_H

#include "object.h"

extern TypeObject DictType;
extern TypeObject DictKeysType, DictValuesType, DictItemsType;
extern TypeObject DictKeyIterType, DictValueIterType, DictItemIterType;
extern TypeObject DictRevKeyIterType, DictRevValueIterType, DictRevItemIterType;

/* The index table and the dense entries array live in one block (dict.c). */
typedef struct DictKeys DictKeys;

typedef struct DictObject {
    Object base;
    size_t used;      /* live entries */
    uint64_t version; /* bumped on every mutation (see dict_version) */
    DictKeys *keys;   /* NULL while the dict has never held anything */
} DictObject;

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

/* Like dict_lookup/dict_set with the key's hash already known. */
MAY_RAISE int dict_lookup_hash(Object *d, Object *key, intptr_t hash, Object **out);
MAY_RAISE int dict_set_hash(Object *d, Object *key, intptr_t hash, Object *value);
/* dict_next that also gives the stored hash. */
bool dict_next_hash(Object *d, size_t *pos, Object **key, Object **value, intptr_t *hash);
/* 1 if key is in d, 0 if not, -1 on error. */
MAY_RAISE int dict_contains(Object *d, Object *key);
/* d.update(arg) as the dict method (mapping via keys(), or iterable of pairs). */
MAY_RAISE int dict_update_arg(Object *d, Object *arg);
/* Raw entry access for the iterators: entries [0, dict_nentries) include
 * deleted ones (key and value NULL). Borrowed; false when pos is past the end. */
size_t dict_nentries(Object *d);
bool dict_entry_at(Object *d, size_t pos, Object **key, Object **value);
/* Views (dictviews.c): d.keys(), d.values(), d.items(). */
MAY_RAISE Object *dict_view_new(Object *d, TypeObject *view_type);
/* A new iterator of `iter_type` (one of the six dict iterator types) over d. */
MAY_RAISE Object *dict_iter_new(Object *d, TypeObject *iter_type);

#endif /* GILPY_DICT_H */
