/* dict.c: the dict type. CPython's compact, insertion-ordered layout: a
 * sparse index table (1, 2, 4 or 8-byte slots) pointing into a dense array
 * of entries kept in insertion order. Views and iterators: dictviews.c.
 *
 * How it works (see CPython's Objects/dictobject.c for the long story):
 *   - indices[i] is EMPTY (-1), DUMMY (-2: a deleted key was here, keep
 *     probing) or the position of an entry in entries[].
 *   - A key is looked for at hash & mask, then along the perturbation
 *     sequence i = i*5 + perturb + 1 (perturb >>= 5 each step), which
 *     eventually visits every slot.
 *   - New entries are always appended to entries[], so iteration order is
 *     insertion order; deleting leaves a hole (key NULL) that a resize
 *     squeezes out. `usable` counts the entries that may still be appended.
 */
#include "dict.h"

#include <string.h>

#include "args.h"
#include "attrcache.h"
#include "containers.h"
#include "errors.h"
#include "genericalias.h"
#include "exceptions.h"
#include "list.h"
#include "memory.h"
#include "set.h"
#include "state.h"
#include "str.h"
#include "tuple.h"

#define DKIX_EMPTY         (-1)
#define DKIX_DUMMY         (-2)
#define DKIX_ERROR         (-3)
#define DICT_MINSIZE       8
#define PERTURB_SHIFT      5
#define USABLE_FRACTION(n) (((n) << 1) / 3)

typedef struct DictEntry {
    intptr_t hash;
    Object *key;   /* NULL: deleted */
    Object *value; /* NULL: deleted */
} DictEntry;

struct DictKeys {
    size_t size;     /* index slots, a power of 2 */
    size_t usable;   /* entries that can still be appended before a resize */
    size_t nentries; /* entries used so far, including deleted ones */
    size_t index_bytes;
    /* followed by the index table, then the entries array */
};

static inline DictEntry *keys_entries(DictKeys *k) {
    return (DictEntry *)((char *)(k + 1) + k->size * k->index_bytes);
}

static inline ssize_t keys_get_index(const DictKeys *k, size_t i) {
    const void *ix = (const void *)(k + 1);
    switch (k->index_bytes) {
        case 1:
            return ((const int8_t *)ix)[i];
        case 2:
            return ((const int16_t *)ix)[i];
        case 4:
            return ((const int32_t *)ix)[i];
        default:
            return (ssize_t)((const int64_t *)ix)[i];
    }
}

static inline void keys_set_index(DictKeys *k, size_t i, ssize_t v) {
    void *ix = (void *)(k + 1);
    switch (k->index_bytes) {
        case 1:
            ((int8_t *)ix)[i] = (int8_t)v;
            break;
        case 2:
            ((int16_t *)ix)[i] = (int16_t)v;
            break;
        case 4:
            ((int32_t *)ix)[i] = (int32_t)v;
            break;
        default:
            ((int64_t *)ix)[i] = (int64_t)v;
            break;
    }
}

/* A keys block with `size` index slots, all EMPTY, and no entries. */
static DictKeys *keys_new(size_t size) {
    size_t index_bytes = size <= 128 ? 1 : size <= 0x8000 ? 2 : size <= 0x80000000u ? 4 : 8;
    size_t usable = USABLE_FRACTION(size);
    DictKeys *k = mem_alloc(sizeof(DictKeys) + size * index_bytes + usable * sizeof(DictEntry));
    if (k == NULL) {
        return NULL;
    }
    k->size = size;
    k->usable = usable;
    k->nentries = 0;
    k->index_bytes = index_bytes;
    memset(k + 1, 0xff, size * index_bytes); /* every slot EMPTY (-1) */
    return k;
}

/* The first slot of hash's probe sequence that holds no entry (EMPTY or DUMMY). */
static size_t keys_find_empty_slot(DictKeys *k, intptr_t hash) {
    size_t mask = k->size - 1, i = (size_t)hash & mask, perturb = (size_t)hash;
    while (keys_get_index(k, i) >= 0) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    return i;
}

/* The slot whose index is `ix` (the entry must be in the table). */
static size_t keys_slot_of(DictKeys *k, intptr_t hash, ssize_t ix) {
    size_t mask = k->size - 1, i = (size_t)hash & mask, perturb = (size_t)hash;
    while (keys_get_index(k, i) != ix) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    return i;
}

static size_t log2_keysize_for(size_t minsize) {
    size_t size = DICT_MINSIZE;
    while (size < minsize) {
        size <<= 1;
    }
    return size;
}

/* Rebuild d's table with `newsize` slots, squeezing out deleted entries.
 * Order is preserved. -1 on MemoryError (d unchanged). */
static int dict_resize(DictObject *d, size_t newsize) {
    DictKeys *old = d->keys;
    DictKeys *k = keys_new(newsize);
    if (k == NULL) {
        return -1;
    }
    if (old != NULL) {
        DictEntry *src = keys_entries(old), *dst = keys_entries(k);
        size_t n = 0;
        for (size_t i = 0; i < old->nentries; i++) {
            if (src[i].value != NULL) {
                dst[n] = src[i];
                keys_set_index(k, keys_find_empty_slot(k, src[i].hash), (ssize_t)n);
                n++;
            }
        }
        k->nentries = n;
        k->usable -= n;
        mem_free(old);
    }
    d->keys = k;
    return 0;
}

/* Grow before an insertion: CPython's GROWTH_RATE is used*3. */
static int dict_grow(DictObject *d) {
    return dict_resize(d, log2_keysize_for(d->used * 3));
}

/* Find key: the entry's position, DKIX_EMPTY if absent, DKIX_ERROR if an
 * __eq__ raised. An __eq__ may mutate the dict: then the search restarts. */
static ssize_t dict_find(DictObject *d, Object *key, intptr_t hash) {
top:;
    DictKeys *k = d->keys;
    if (k == NULL) {
        return DKIX_EMPTY;
    }
    size_t mask = k->size - 1, i = (size_t)hash & mask, perturb = (size_t)hash;
    DictEntry *entries = keys_entries(k);
    bool key_is_str = !is_small_int(key) && key->type == &StrType;
    for (;;) {
        ssize_t ix = keys_get_index(k, i);
        if (ix == DKIX_EMPTY) {
            return DKIX_EMPTY;
        }
        if (ix >= 0) {
            DictEntry *e = &entries[ix];
            if (e->key == key) {
                return ix;
            }
            if (e->hash == hash) {
                Object *startkey = e->key;
                if (key_is_str && !is_small_int(startkey) && startkey->type == &StrType) {
                    if (str_size(startkey) == str_size(key) && str_equal(startkey, key)) {
                        return ix;
                    }
                } else {
                    INCREF(startkey);
                    int cmp = obj_richcompare_bool(startkey, key, CMP_EQ);
                    DECREF(startkey);
                    if (cmp < 0) {
                        return DKIX_ERROR;
                    }
                    if (k != d->keys || e->key != startkey) {
                        goto top;
                    }
                    if (cmp > 0) {
                        return ix;
                    }
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

/* ============================================================ the C API */

/* Every mutation of any dict takes the next value of this counter (as
 * CPython's pydict_global_version), so a (dict, version) pair never repeats:
 * a VM cache keyed on it cannot be fooled by a new dict reusing the address
 * of a dead one. Only changed with the GIL held. */
static uint64_t dict_global_version;

Object *dict_new(void) {
    DictObject *d = (DictObject *)obj_alloc(&DictType, sizeof(DictObject));
    if (d != NULL) {
        d->version = ++dict_global_version;
    }
    return (Object *)d;
}

size_t dict_size(Object *d) {
    return ((DictObject *)d)->used;
}

uint64_t dict_version(Object *d) {
    return ((DictObject *)d)->version;
}

/* ---- the VM's attribute caches (declared in attrcache.h): lookups of an interned str
 * key that start at the entry index where the key was found last time. Instances of one
 * class usually insert their attributes in the same order, so the hint is usually right
 * and the lookup is one comparison. Never raise; *hint is updated on a full lookup. */

/* The full lookup behind dict_get_str_hint, kept out of line so that the
 * hinted path needs no stack frame (about 10 instructions instead of 30). */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((noinline))
#endif
static Object *dict_get_str_hint_slow(DictKeys *k, Object *key, uint32_t *hint) {
    DictEntry *entries = keys_entries(k);
    intptr_t hash = ((StrObject *)key)->hash;
    if (hash == -1) {
        hash = str_hash(key);
    }
    size_t mask = k->size - 1, i = (size_t)hash & mask, perturb = (size_t)hash;
    /* Small dicts (instance dicts) have one-byte indices: read them directly
     * rather than through keys_get_index's switch. */
    const int8_t *index1 = k->index_bytes == 1 ? (const int8_t *)(k + 1) : NULL;
    for (;;) {
        ssize_t ix = index1 != NULL ? index1[i] : keys_get_index(k, i);
        if (ix == DKIX_EMPTY) {
            return NULL;
        }
        if (ix >= 0) {
            DictEntry *e = &entries[ix];
            if (e->key == key ||
                (e->hash == hash && !is_small_int(e->key) && e->key->type == &StrType &&
                 str_size(e->key) == str_size(key) && str_equal(e->key, key))) {
                *hint = (uint32_t)ix;
                return e->value;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

/* Borrowed value of str key in d, or NULL when absent. */
Object *dict_get_str_hint(Object *self, Object *key, uint32_t *hint) {
    DictKeys *k = ((DictObject *)self)->keys;
    if (k == NULL) {
        return NULL;
    }
    if (*hint < k->nentries) {
        DictEntry *e = &keys_entries(k)[*hint];
        if (e->key == key) {
            return e->value;
        }
    }
    return dict_get_str_hint_slow(k, key, hint);
}

/* Replace the value of str key when d already holds it: 1 when done, 0 when the key is
 * absent (nothing changed: the caller does a full dict_set). Does not steal value. */
int dict_replace_str_hint(Object *self, Object *key, Object *value, uint32_t *hint) {
    DictObject *d = (DictObject *)self;
    DictKeys *k = d->keys;
    if (k == NULL) {
        return 0;
    }
    DictEntry *e = *hint < k->nentries ? &keys_entries(k)[*hint] : NULL;
    if (e == NULL || e->key != key) {
        if (dict_get_str_hint_slow(k, key, hint) == NULL) {
            return 0;
        }
        e = &keys_entries(k)[*hint];
    }
    Object *old = e->value;
    e->value = NEWREF(value);
    d->version = ++dict_global_version;
    DECREF(old);
    return 1;
}

int dict_lookup_hash(Object *self, Object *key, intptr_t hash, Object **out) {
    DictObject *d = (DictObject *)self;
    ssize_t ix = dict_find(d, key, hash);
    if (ix == DKIX_ERROR) {
        return -1;
    }
    if (ix < 0) {
        *out = NULL;
        return 0;
    }
    *out = keys_entries(d->keys)[ix].value;
    return 1;
}

int dict_lookup(Object *self, Object *key, Object **out) {
    intptr_t hash = container_hash(key);
    if (hash == -1) {
        return -1;
    }
    return dict_lookup_hash(self, key, hash, out);
}

int dict_contains(Object *self, Object *key) {
    Object *v;
    return dict_lookup(self, key, &v);
}

/* The lookup the VM does for names: key is a str, the answer borrowed or
 * NULL. Only str keys can match (no __eq__ is ever called), so it never raises. */
Object *dict_get_str(Object *self, Object *key) {
    DictObject *d = (DictObject *)self;
    DictKeys *k = d->keys;
    if (k == NULL) {
        return NULL;
    }
    intptr_t hash = ((StrObject *)key)->hash;
    if (hash == -1) {
        hash = str_hash(key);
    }
    size_t mask = k->size - 1, i = (size_t)hash & mask, perturb = (size_t)hash;
    DictEntry *entries = keys_entries(k);
    for (;;) {
        ssize_t ix = keys_get_index(k, i);
        if (ix == DKIX_EMPTY) {
            return NULL;
        }
        if (ix >= 0) {
            DictEntry *e = &entries[ix];
            if (e->key == key) {
                return e->value;
            }
            if (e->hash == hash && !is_small_int(e->key) && e->key->type == &StrType &&
                str_size(e->key) == str_size(key) && str_equal(e->key, key)) {
                return e->value;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

/* Callers pass names written in C (attribute and module names), so the key
 * is interned: the lookup then usually matches by pointer. */
Object *dict_get_cstr(Object *d, const char *key) {
    Object *s = str_intern_cstr(key);
    if (s == NULL) {
        err_clear();
        return NULL;
    }
    Object *v = dict_get_str(d, s);
    DECREF(s);
    return v;
}

/* Insert or replace; key and value are borrowed (the dict takes its own refs). */
int dict_set_hash(Object *self, Object *key, intptr_t hash, Object *value) {
    DictObject *d = (DictObject *)self;
    INCREF(key);
    INCREF(value);
    ssize_t ix = dict_find(d, key, hash);
    if (ix == DKIX_ERROR) {
        goto fail;
    }
    if (ix >= 0) {
        DictEntry *e = &keys_entries(d->keys)[ix];
        Object *old = e->value;
        e->value = value;
        d->version = ++dict_global_version;
        DECREF(old);
        DECREF(key);
        return 0;
    }
    if (d->keys == NULL || d->keys->usable == 0) {
        if (dict_grow(d) < 0) {
            goto fail;
        }
    }
    DictKeys *k = d->keys;
    keys_set_index(k, keys_find_empty_slot(k, hash), (ssize_t)k->nentries);
    DictEntry *e = &keys_entries(k)[k->nentries];
    e->hash = hash;
    e->key = key;
    e->value = value;
    k->nentries++;
    k->usable--;
    d->used++;
    d->version = ++dict_global_version;
    return 0;
fail:
    DECREF(key);
    DECREF(value);
    return -1;
}

int dict_set(Object *self, Object *key, Object *value) {
    intptr_t hash = container_hash(key);
    if (hash == -1) {
        return -1;
    }
    return dict_set_hash(self, key, hash, value);
}

int dict_set_cstr(Object *d, const char *key, Object *value) {
    Object *s = str_intern_cstr(key);
    if (s == NULL) {
        return -1;
    }
    int r = dict_set(d, s, value);
    DECREF(s);
    return r;
}

/* Remove the entry at position ix (found with hash). Drops its references. */
static void dict_remove_entry(DictObject *d, ssize_t ix, intptr_t hash) {
    DictKeys *k = d->keys;
    keys_set_index(k, keys_slot_of(k, hash, ix), DKIX_DUMMY);
    DictEntry *e = &keys_entries(k)[ix];
    Object *key = e->key, *value = e->value;
    e->key = NULL;
    e->value = NULL;
    d->used--;
    d->version = ++dict_global_version;
    DECREF(key);
    DECREF(value);
}

/* del d[key]: 0, or -1 with KeyError(key) / the hash or __eq__ error. */
int dict_del(Object *self, Object *key) {
    DictObject *d = (DictObject *)self;
    intptr_t hash = container_hash(key);
    if (hash == -1) {
        return -1;
    }
    ssize_t ix = dict_find(d, key, hash);
    if (ix == DKIX_ERROR) {
        return -1;
    }
    if (ix < 0) {
        err_set_object(&ExcKeyError, key);
        return -1;
    }
    dict_remove_entry(d, ix, hash);
    return 0;
}

/* Walk the entries in insertion order from *pos, skipping holes. Borrowed
 * results; any of key/value/hash may be NULL when not wanted. */
bool dict_next_hash(Object *self, size_t *pos, Object **key, Object **value, intptr_t *hash) {
    DictKeys *k = ((DictObject *)self)->keys;
    if (k == NULL) {
        return false;
    }
    DictEntry *entries = keys_entries(k);
    while (*pos < k->nentries) {
        DictEntry *e = &entries[(*pos)++];
        if (e->value != NULL) {
            if (key != NULL) {
                *key = e->key;
            }
            if (value != NULL) {
                *value = e->value;
            }
            if (hash != NULL) {
                *hash = e->hash;
            }
            return true;
        }
    }
    return false;
}

bool dict_next(Object *d, size_t *pos, Object **key, Object **value) {
    return dict_next_hash(d, pos, key, value, NULL);
}

/* Entry access for dictviews.c (declared there). Borrowed; NULL for a hole. */
bool dict_entry_at(Object *self, size_t pos, Object **key, Object **value) {
    DictKeys *k = ((DictObject *)self)->keys;
    if (k == NULL || pos >= k->nentries) {
        return false;
    }
    DictEntry *e = &keys_entries(k)[pos];
    *key = e->key;
    *value = e->value;
    return true;
}

size_t dict_nentries(Object *self) {
    DictKeys *k = ((DictObject *)self)->keys;
    return k == NULL ? 0 : k->nentries;
}

/* Remove everything. The dict is emptied first, then the references are
 * dropped, so destructors that look at the dict see it empty. */
void dict_clear(Object *self) {
    DictObject *d = (DictObject *)self;
    DictKeys *k = d->keys;
    if (k == NULL) {
        return;
    }
    d->keys = NULL;
    d->used = 0;
    d->version = ++dict_global_version;
    DictEntry *entries = keys_entries(k);
    for (size_t i = 0; i < k->nentries; i++) {
        if (entries[i].key != NULL) {
            DECREF(entries[i].key);
            DECREF(entries[i].value);
        }
    }
    mem_free(k);
}

/* A new dict with the same items in the same order (a shallow copy). */
Object *dict_copy(Object *self) {
    DictObject *d = (DictObject *)self;
    DictObject *r = (DictObject *)dict_new();
    if (r == NULL || d->used == 0) {
        return (Object *)r;
    }
    DictKeys *k = d->keys;
    if (d->used == k->nentries) {
        /* No holes: clone the whole block (same order, same layout). */
        size_t bytes = sizeof(DictKeys) + k->size * k->index_bytes +
                       USABLE_FRACTION(k->size) * sizeof(DictEntry);
        DictKeys *copy = mem_alloc(bytes);
        if (copy == NULL) {
            DECREF((Object *)r);
            return NULL;
        }
        memcpy(copy, k, bytes);
        DictEntry *entries = keys_entries(copy);
        for (size_t i = 0; i < copy->nentries; i++) {
            INCREF(entries[i].key);
            INCREF(entries[i].value);
        }
        r->keys = copy;
        r->used = d->used;
        return (Object *)r;
    }
    if (dict_merge((Object *)r, self, true) < 0) {
        DECREF((Object *)r);
        return NULL;
    }
    return (Object *)r;
}

/* Merge a mapping into d. override false keeps existing keys (used for
 * f(**a, **b) style merges). dicts are walked directly; other mappings go
 * through keys() and __getitem__. */
int dict_merge(Object *self, Object *other, bool override) {
    DictObject *d = (DictObject *)self;
    if (dict_check(other)) {
        DictObject *o = (DictObject *)other;
        if (other == self || o->used == 0) {
            return 0;
        }
        if (d->keys == NULL || USABLE_FRACTION(d->keys->size) < o->used) {
            size_t want = log2_keysize_for(((d->used + o->used) * 3 + 1) / 2);
            if (d->keys == NULL || want > d->keys->size) {
                if (dict_resize(d, want) < 0) {
                    return -1;
                }
            }
        }
        size_t n = o->used;
        size_t pos = 0;
        Object *key, *value;
        intptr_t hash;
        while (dict_next_hash(other, &pos, &key, &value, &hash)) {
            INCREF(key);
            INCREF(value);
            int r = 0;
            if (override) {
                r = dict_set_hash(self, key, hash, value);
            } else {
                Object *existing;
                r = dict_lookup_hash(self, key, hash, &existing);
                if (r == 0) {
                    r = dict_set_hash(self, key, hash, value);
                } else if (r > 0) {
                    r = 0;
                }
            }
            DECREF(key);
            DECREF(value);
            if (r < 0) {
                return -1;
            }
            if (o->used != n) {
                err_set_string(&ExcRuntimeError, "dict mutated during update");
                return -1;
            }
        }
        return 0;
    }
    Object *keys = obj_call_method(other, "keys", NULL, 0);
    if (keys == NULL) {
        return -1;
    }
    Object *it = obj_iter(keys);
    DECREF(keys);
    if (it == NULL) {
        return -1;
    }
    Object *key;
    while ((key = obj_next(it)) != NULL) {
        if (!override) {
            Object *existing;
            int r = dict_lookup(self, key, &existing);
            if (r != 0) {
                DECREF(key);
                if (r < 0) {
                    DECREF(it);
                    return -1;
                }
                continue;
            }
        }
        Object *value = obj_getitem(other, key);
        if (value == NULL) {
            DECREF(key);
            DECREF(it);
            return -1;
        }
        int r = dict_set(self, key, value);
        DECREF(key);
        DECREF(value);
        if (r < 0) {
            DECREF(it);
            return -1;
        }
    }
    DECREF(it);
    return err_occurred() != NULL ? -1 : 0;
}

/* d.update(iterable of pairs), with CPython's messages. */
static int dict_merge_pairs(Object *self, Object *iterable) {
    Object *it = obj_iter(iterable);
    if (it == NULL) {
        return -1;
    }
    Object *item;
    for (size_t i = 0; (item = obj_next(it)) != NULL; i++) {
        Object *pair;
        if (list_check(item) || tuple_check(item)) {
            pair = NEWREF(item);
        } else {
            TypeObject *t = obj_type(item);
            if (t->iter == NULL && t->getitem == NULL) {
                err_format(&ExcTypeError,
                           "cannot convert dictionary update sequence element #%zu to a sequence",
                           i);
                pair = NULL;
            } else {
                pair = list_from_iterable(item);
            }
        }
        DECREF(item);
        if (pair == NULL) {
            DECREF(it);
            return -1;
        }
        size_t n = list_check(pair) ? list_size(pair) : tuple_size(pair);
        if (n != 2) {
            err_format(&ExcValueError,
                       "dictionary update sequence element #%zu has length %zu; 2 is required", i,
                       n);
            DECREF(pair);
            DECREF(it);
            return -1;
        }
        Object *key = list_check(pair) ? list_get(pair, 0) : tuple_get(pair, 0);
        Object *value = list_check(pair) ? list_get(pair, 1) : tuple_get(pair, 1);
        INCREF(key);
        INCREF(value);
        int r = dict_set(self, key, value);
        DECREF(key);
        DECREF(value);
        DECREF(pair);
        if (r < 0) {
            DECREF(it);
            return -1;
        }
    }
    DECREF(it);
    return err_occurred() != NULL ? -1 : 0;
}

/* d.update(arg): dicts and objects with keys() are mappings, anything else
 * must be an iterable of pairs. */
int dict_update_arg(Object *self, Object *arg) {
    if (dict_check(arg)) {
        return dict_merge(self, arg, true);
    }
    Object *keys;
    Object *name = str_intern_cstr("keys");
    if (name == NULL) {
        return -1;
    }
    int r = obj_lookup_attr(arg, name, &keys);
    DECREF(name);
    if (r < 0) {
        return -1;
    }
    if (keys != NULL) {
        DECREF(keys);
        return dict_merge(self, arg, true);
    }
    return dict_merge_pairs(self, arg);
}

int dict_update(Object *d, Object *other) {
    return dict_update_arg(d, other);
}

Object *dict_keys_list(Object *self) {
    DictObject *d = (DictObject *)self;
    Object *l = list_new(d->used);
    if (l == NULL) {
        return NULL;
    }
    size_t pos = 0, i = 0;
    Object *key;
    while (dict_next(self, &pos, &key, NULL)) {
        list_init_item(l, i++, NEWREF(key));
    }
    return l;
}

/* ============================================================ type slots */

static void dict_dealloc(Object *self) {
    if (dealloc_defer(self)) {
        return;
    }
    dict_clear(self);
    obj_free(self);
    dealloc_done();
}

/* The collector's clear slot: drop every entry to break a cycle. */
static int dict_clear_slot(Object *self) {
    dict_clear(self);
    return 0;
}

static int dict_traverse(Object *self, VisitFunc visit, void *arg) {
    size_t pos = 0;
    Object *key, *value;
    while (dict_next(self, &pos, &key, &value)) {
        int r = visit(key, arg);
        if (r == 0) {
            r = visit(value, arg);
        }
        if (r != 0) {
            return r;
        }
    }
    return 0;
}

/* "{1: 'a'}", "{}"; a dict reached again through itself prints "{...}". */
static Object *dict_repr(Object *self) {
    DictObject *d = (DictObject *)self;
    if (d->used == 0) {
        return str_from_cstr("{}");
    }
    int entered = repr_enter(self);
    if (entered != 0) {
        return entered > 0 ? str_from_cstr("{...}") : NULL;
    }
    StrBuilder sb;
    sb_init(&sb);
    sb_append_char(&sb, '{');
    if (ts_enter_recursive(" while getting the repr of an object") < 0) {
        goto fail;
    }
    size_t pos = 0;
    Object *key, *value;
    bool first = true;
    while (dict_next(self, &pos, &key, &value)) {
        if (!first) {
            sb_append(&sb, ", ", 2);
        }
        first = false;
        INCREF(key);
        INCREF(value);
        int r = sb_append_repr(&sb, key);
        if (r == 0) {
            sb_append(&sb, ": ", 2);
            r = sb_append_repr(&sb, value);
        }
        DECREF(key);
        DECREF(value);
        if (r < 0) {
            ts_leave_recursive();
            goto fail;
        }
    }
    ts_leave_recursive();
    sb_append_char(&sb, '}');
    repr_leave(self);
    return sb_finish(&sb);
fail:
    repr_leave(self);
    sb_discard(&sb);
    return NULL;
}

/* a == b for two dicts: same size and every key maps to an equal value. */
static int dict_equal(DictObject *a, DictObject *b) {
    if (a->used != b->used) {
        return 0;
    }
    for (size_t i = 0; a->keys != NULL && i < a->keys->nentries; i++) {
        DictEntry *e = &keys_entries(a->keys)[i];
        if (e->value == NULL) {
            continue;
        }
        Object *key = NEWREF(e->key), *aval = NEWREF(e->value);
        intptr_t hash = e->hash;
        Object *bval;
        int r = dict_lookup_hash((Object *)b, key, hash, &bval);
        DECREF(key);
        if (r <= 0) {
            DECREF(aval);
            return r;
        }
        INCREF(bval);
        int cmp = obj_richcompare_bool(aval, bval, CMP_EQ);
        DECREF(aval);
        DECREF(bval);
        if (cmp <= 0) {
            return cmp;
        }
    }
    return 1;
}

/* == and != between dicts; other operators are NotImplemented (so
 * "'<' not supported between instances of 'dict' and 'dict'"). */
static Object *dict_richcompare(Object *a, Object *b, CompareOp op) {
    if (!dict_check(a) || !dict_check(b) || (op != CMP_EQ && op != CMP_NE)) {
        return NEWREF(NotImplemented);
    }
    if (ts_enter_recursive(" in comparison") < 0) {
        return NULL;
    }
    int eq = dict_equal((DictObject *)a, (DictObject *)b);
    ts_leave_recursive();
    if (eq < 0) {
        return NULL;
    }
    return bool_from(op == CMP_EQ ? eq : !eq);
}

static ssize_t dict_len(Object *self) {
    return (ssize_t)((DictObject *)self)->used;
}

static int dict_contains_slot(Object *self, Object *key) {
    return dict_contains(self, key);
}

/* d[key]; dict subclasses may define __missing__. */
static Object *dict_getitem(Object *self, Object *key) {
    Object *value;
    int r = dict_lookup(self, key, &value);
    if (r < 0) {
        return NULL;
    }
    if (r > 0) {
        return NEWREF(value);
    }
    if (self->type != &DictType) {
        Object *name = str_intern_cstr("__missing__");
        if (name == NULL) {
            return NULL;
        }
        Object *missing = type_lookup(self->type, name);
        DECREF(name);
        if (missing != NULL) {
            return obj_call_method(self, "__missing__", &key, 1);
        }
    }
    err_set_object(&ExcKeyError, key);
    return NULL;
}

static int dict_setitem(Object *self, Object *key, Object *value) {
    if (value == NULL) {
        return dict_del(self, key);
    }
    return dict_set(self, key, value);
}

static Object *dict_iter(Object *self) {
    return dict_iter_new(self, &DictKeyIterType);
}

/* d | other (both dicts) and d |= other (any mapping or iterable of pairs). */
static Object *dict_binary_op(Object *a, Object *b, BinaryOp op) {
    if (op != BINOP_OR || !dict_check(a) || !dict_check(b)) {
        return NEWREF(NotImplemented);
    }
    Object *r = dict_copy(a);
    if (r != NULL && dict_update_arg(r, b) < 0) {
        DECREF(r);
        return NULL;
    }
    return r;
}

static Object *dict_inplace_op(Object *a, Object *b, BinaryOp op) {
    if (op != BINOP_OR || !dict_check(a)) {
        return NEWREF(NotImplemented);
    }
    if (dict_update_arg(a, b) < 0) {
        return NULL;
    }
    return NEWREF(a);
}

/* ============================================================ methods */

static Object *dict_get_method(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (container_no_keywords("dict.get", kwnames) < 0 ||
        container_check_args("get", nargs, 1, 2) < 0) {
        return NULL;
    }
    Object *value;
    int r = dict_lookup(self, args[0], &value);
    if (r < 0) {
        return NULL;
    }
    if (r == 0) {
        value = nargs > 1 ? args[1] : None;
    }
    return NEWREF(value);
}

static Object *dict_setdefault_method(Object *self, Object *const *args, size_t nargs,
                                      Object *kwnames) {
    if (container_no_keywords("dict.setdefault", kwnames) < 0 ||
        container_check_args("setdefault", nargs, 1, 2) < 0) {
        return NULL;
    }
    intptr_t hash = container_hash(args[0]);
    if (hash == -1) {
        return NULL;
    }
    Object *value;
    int r = dict_lookup_hash(self, args[0], hash, &value);
    if (r < 0) {
        return NULL;
    }
    if (r > 0) {
        return NEWREF(value);
    }
    value = nargs > 1 ? args[1] : None;
    if (dict_set_hash(self, args[0], hash, value) < 0) {
        return NULL;
    }
    return NEWREF(value);
}

static Object *dict_pop_method(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (container_no_keywords("dict.pop", kwnames) < 0 ||
        container_check_args("pop", nargs, 1, 2) < 0) {
        return NULL;
    }
    DictObject *d = (DictObject *)self;
    if (d->used == 0) {
        if (nargs > 1) {
            return NEWREF(args[1]);
        }
        err_set_object(&ExcKeyError, args[0]);
        return NULL;
    }
    intptr_t hash = container_hash(args[0]);
    if (hash == -1) {
        return NULL;
    }
    ssize_t ix = dict_find(d, args[0], hash);
    if (ix == DKIX_ERROR) {
        return NULL;
    }
    if (ix < 0) {
        if (nargs > 1) {
            return NEWREF(args[1]);
        }
        err_set_object(&ExcKeyError, args[0]);
        return NULL;
    }
    Object *value = NEWREF(keys_entries(d->keys)[ix].value);
    dict_remove_entry(d, ix, hash);
    return value;
}

static Object *dict_popitem_method(Object *self, Object *const *args, size_t nargs,
                                   Object *kwnames) {
    if (container_no_keywords("dict.popitem", kwnames) < 0 ||
        container_check_args("dict.popitem", nargs, 0, 0) < 0) {
        return NULL;
    }
    DictObject *d = (DictObject *)self;
    if (d->used == 0) {
        Object *msg = str_from_cstr("popitem(): dictionary is empty");
        if (msg == NULL) {
            return NULL;
        }
        err_set_object(&ExcKeyError, msg);
        DECREF(msg);
        return NULL;
    }
    DictKeys *k = d->keys;
    DictEntry *entries = keys_entries(k);
    size_t i = k->nentries - 1;
    while (entries[i].value == NULL) {
        i--;
    }
    Object *result = tuple_pack(2, entries[i].key, entries[i].value);
    if (result == NULL) {
        return NULL;
    }
    dict_remove_entry(d, (ssize_t)i, entries[i].hash);
    k->nentries = i; /* the last slot can be reused */
    return result;
}

static Object *dict_keys_method(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (container_check_args("dict.keys", nargs, 0, 0) < 0) {
        return NULL;
    }
    return dict_view_new(self, &DictKeysType);
}

static Object *dict_values_method(Object *self, Object *const *args, size_t nargs,
                                  Object *kwnames) {
    if (container_check_args("dict.values", nargs, 0, 0) < 0) {
        return NULL;
    }
    return dict_view_new(self, &DictValuesType);
}

static Object *dict_items_method(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (container_check_args("dict.items", nargs, 0, 0) < 0) {
        return NULL;
    }
    return dict_view_new(self, &DictItemsType);
}

/* d.update([other], **kwargs), also the body of dict(...) and __init__. */
static int dict_update_common(Object *self, const char *fname, Object *const *args, size_t nargs,
                              Object *kwnames) {
    if (container_check_args(fname, nargs, 0, 1) < 0) {
        return -1;
    }
    if (nargs == 1 && dict_update_arg(self, args[0]) < 0) {
        return -1;
    }
    if (kwnames != NULL) {
        size_t nkw = tuple_size(kwnames);
        for (size_t i = 0; i < nkw; i++) {
            if (dict_set(self, tuple_get(kwnames, i), args[nargs + i]) < 0) {
                return -1;
            }
        }
    }
    return 0;
}

static Object *dict_update_method(Object *self, Object *const *args, size_t nargs,
                                  Object *kwnames) {
    if (dict_update_common(self, "update", args, nargs, kwnames) < 0) {
        return NULL;
    }
    return none_ref();
}

static Object *dict_copy_method(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (container_check_args("dict.copy", nargs, 0, 0) < 0) {
        return NULL;
    }
    return dict_copy(self);
}

static Object *dict_clear_method(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (container_check_args("dict.clear", nargs, 0, 0) < 0) {
        return NULL;
    }
    dict_clear(self);
    return none_ref();
}

/* dict.fromkeys(iterable, value=None), a classmethod: self is the class. */
static Object *dict_fromkeys_method(Object *self, Object *const *args, size_t nargs,
                                    Object *kwnames) {
    if (container_no_keywords("dict.fromkeys", kwnames) < 0 ||
        container_check_args("fromkeys", nargs, 1, 2) < 0) {
        return NULL;
    }
    Object *value = nargs > 1 ? args[1] : None;
    TypeObject *cls = (TypeObject *)self;
    Object *d = cls == &DictType ? dict_new() : obj_call0(self);
    if (d == NULL) {
        return NULL;
    }
    bool fast = !is_small_int(d) && d->type == &DictType;
    if (fast && dict_check(args[0])) {
        size_t pos = 0;
        Object *key;
        intptr_t hash;
        while (dict_next_hash(args[0], &pos, &key, NULL, &hash)) {
            if (dict_set_hash(d, key, hash, value) < 0) {
                DECREF(d);
                return NULL;
            }
        }
        return d;
    }
    Object *it = obj_iter(args[0]);
    if (it == NULL) {
        DECREF(d);
        return NULL;
    }
    Object *key;
    while ((key = obj_next(it)) != NULL) {
        int r = fast ? dict_set(d, key, value) : obj_setitem(d, key, value);
        DECREF(key);
        if (r < 0) {
            DECREF(it);
            DECREF(d);
            return NULL;
        }
    }
    DECREF(it);
    if (err_occurred() != NULL) {
        DECREF(d);
        return NULL;
    }
    return d;
}

/* dict.__init__([other], **kwargs), the init slot: updates the dict (dict
 * subclass instances are built empty, then initialised). */
static int dict_init(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return dict_update_common(self, "dict", args, nargs, kwnames);
}

static Object *dict_reversed_method(Object *self, Object *const *args, size_t nargs,
                                    Object *kwnames) {
    if (container_check_args("dict.__reversed__", nargs, 0, 0) < 0) {
        return NULL;
    }
    return dict_iter_new(self, &DictRevKeyIterType);
}

static const MethodDef dict_methods[] = {
    {"get", dict_get_method, 0,
     "Return the value for key if key is in the dictionary, else default."},
    {"setdefault", dict_setdefault_method, 0,
     "Insert key with a value of default if key is not in the dictionary."},
    {"pop", dict_pop_method, 0,
     "D.pop(k[,d]) -> v, remove specified key and return the corresponding value."},
    {"popitem", dict_popitem_method, 0, "Remove and return a (key, value) pair as a 2-tuple."},
    {"keys", dict_keys_method, 0, "D.keys() -> a set-like object providing a view on D's keys"},
    {"values", dict_values_method, 0, "D.values() -> an object providing a view on D's values"},
    {"items", dict_items_method, 0, "D.items() -> a set-like object providing a view on D's items"},
    {"update", dict_update_method, 0,
     "D.update([E, ]**F) -> None.  Update D from dict/iterable E and F."},
    {"copy", dict_copy_method, 0, "D.copy() -> a shallow copy of D"},
    {"clear", dict_clear_method, 0, "D.clear() -> None.  Remove all items from D."},
    {"fromkeys", dict_fromkeys_method, METHOD_CLASS,
     "Create a new dictionary with keys from iterable and values set to value."},
    {"__reversed__", dict_reversed_method, 0, "Return a reverse iterator over the dict keys."},
    {"__class_getitem__", generic_alias_class_getitem, METHOD_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

/* dict(), dict(mapping), dict(iterable), dict(**kw). A subclass instance
 * starts empty: the init slot (dict.__init__ unless overridden) fills it. */
static Object *dict_new_instance(TypeObject *type, Object *const *args, size_t nargs,
                                 Object *kwnames) {
    if (type != &DictType) {
        DictObject *sub = (DictObject *)obj_alloc(type, type->basic_size);
        if (sub != NULL) {
            sub->version = ++dict_global_version;
        }
        return (Object *)sub;
    }
    Object *d = dict_new();
    if (d != NULL && dict_update_common(d, "dict", args, nargs, kwnames) < 0) {
        DECREF(d);
        return NULL;
    }
    return d;
}

TypeObject DictType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "dict",
    .basic_size = sizeof(DictObject),
    .flags = TYPE_FLAG_BASETYPE | TYPE_FLAG_GC,
    .dealloc = dict_dealloc,
    .traverse = dict_traverse,
    .clear = dict_clear_slot,
    .repr = dict_repr,
    .richcompare = dict_richcompare,
    .binary_op = dict_binary_op,
    .inplace_op = dict_inplace_op,
    .len = dict_len,
    .getitem = dict_getitem,
    .setitem = dict_setitem,
    .contains = dict_contains_slot,
    .iter = dict_iter,
    .new_instance = dict_new_instance,
    .init = dict_init,
    .methods = dict_methods,
    .doc = "dict() -> new empty dictionary",
};
