/* set.c: set and frozenset. The hash table mirrors CPython 3.11's
 * Objects/setobject.c step for step (9 linear probes, then perturbation;
 * the same fill/used accounting and resize policy) so that iterating a set
 * visits the keys in the same order as CPython, and so prints the same.
 *
 * The table: slot i holds a key and its hash. A lookup starts at hash &
 * mask, checks up to LINEAR_PROBES following slots (cheap: same cache line),
 * then jumps to i*5 + 1 + perturb (perturb >>= 5 each round). Deleting
 * leaves a "dummy" so later probes continue past it; `fill` counts active +
 * dummy slots and drives resizing (fill*5 >= mask*3), `used` counts keys. */
#include "set.h"

#include <stdio.h>
#include <string.h>

#include "containers.h"
#include "dict.h"
#include "errors.h"
#include "genericalias.h"
#include "exceptions.h"
#include "memory.h"
#include "state.h"
#include "str.h"
#include "tuple.h"

#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

/* Marks deleted slots; never visible to Python code, never refcounted. */
static Object set_dummy_object = OBJECT_HEADER_INIT(&ObjectType);
#define DUMMY (&set_dummy_object)

static inline bool is_frozenset_type(TypeObject *t) {
    return t == &FrozenSetType || (t != &SetType && type_is_subtype(t, &FrozenSetType));
}

static inline bool set_check_exact_any(Object *v) {
    return !is_small_int(v) && (v->type == &SetType || v->type == &FrozenSetType);
}

/* ============================================================ the hash table */

/* The slot holding key, or an unused slot (key NULL) if absent; NULL on
 * error. An __eq__ that mutates the set restarts the search. */
static SetEntry *set_lookkey(SetObject *so, Object *key, intptr_t hash) {
restart:;
    size_t mask = so->mask, i = (size_t)hash & mask, perturb = (size_t)hash;
    for (;;) {
        SetEntry *entry = &so->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == NULL) {
                return entry;
            }
            if (entry->hash == hash) {
                Object *startkey = entry->key;
                if (startkey == key || container_str_eq(startkey, key)) {
                    return entry;
                }
                SetEntry *table = so->table;
                INCREF(startkey);
                int cmp = obj_richcompare_bool(startkey, key, CMP_EQ);
                DECREF(startkey);
                if (cmp < 0) {
                    return NULL;
                }
                if (table != so->table || entry->key != startkey) {
                    goto restart;
                }
                if (cmp > 0) {
                    return entry;
                }
                mask = so->mask;
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

/* Insert into a table known to hold no dummies and not this key. */
static void set_insert_clean(SetEntry *table, size_t mask, Object *key, intptr_t hash) {
    size_t perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;;) {
        SetEntry *entry = &table[i];
        if (entry->key == NULL) {
            goto found;
        }
        if (i + LINEAR_PROBES <= mask) {
            for (int j = 0; j < LINEAR_PROBES; j++) {
                entry++;
                if (entry->key == NULL) {
                    goto found;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
        continue;
    found:
        entry->key = key;
        entry->hash = hash;
        return;
    }
}

/* Rebuild the table with the smallest power-of-2 size > minused (at least
 * 8), dropping dummies. -1 on MemoryError. */
static int set_table_resize(SetObject *so, size_t minused) {
    size_t newsize = SET_MINSIZE;
    while (newsize <= minused) {
        newsize <<= 1;
    }
    SetEntry *oldtable = so->table;
    size_t oldmask = so->mask;
    SetEntry small_copy[SET_MINSIZE];
    SetEntry *newtable;
    bool old_malloced = oldtable != so->smalltable;
    if (newsize == SET_MINSIZE) {
        newtable = so->smalltable;
        if (newtable == oldtable) {
            if (so->fill == so->used) {
                return 0; /* nothing to do */
            }
            memcpy(small_copy, oldtable, sizeof(small_copy));
            oldtable = small_copy;
        }
    } else {
        newtable = mem_alloc_array(newsize, sizeof(SetEntry));
        if (newtable == NULL) {
            return -1;
        }
    }
    memset(newtable, 0, newsize * sizeof(SetEntry));
    so->mask = newsize - 1;
    so->table = newtable;
    size_t newmask = so->mask;
    if (so->fill == so->used) {
        for (SetEntry *e = oldtable; e <= oldtable + oldmask; e++) {
            if (e->key != NULL) {
                set_insert_clean(newtable, newmask, e->key, e->hash);
            }
        }
    } else {
        so->fill = so->used;
        for (SetEntry *e = oldtable; e <= oldtable + oldmask; e++) {
            if (e->key != NULL && e->key != DUMMY) {
                set_insert_clean(newtable, newmask, e->key, e->hash);
            }
        }
    }
    if (old_malloced) {
        mem_free(oldtable);
    }
    return 0;
}

/* Add key (borrowed) with its hash. 0 on success (also when present). */
static int set_add_entry(SetObject *so, Object *key, intptr_t hash) {
    INCREF(key); /* keeps key alive across __eq__ calls */
restart:;
    size_t mask = so->mask, i = (size_t)hash & mask, perturb = (size_t)hash;
    SetEntry *freeslot = NULL, *entry;
    for (;;) {
        entry = &so->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == NULL) {
                goto found_unused_or_dummy;
            }
            if (entry->hash == hash) {
                Object *startkey = entry->key;
                if (startkey == key || container_str_eq(startkey, key)) {
                    goto found_active;
                }
                SetEntry *table = so->table;
                INCREF(startkey);
                int cmp = obj_richcompare_bool(startkey, key, CMP_EQ);
                DECREF(startkey);
                if (cmp > 0) {
                    goto found_active;
                }
                if (cmp < 0) {
                    DECREF(key);
                    return -1;
                }
                if (table != so->table || entry->key != startkey) {
                    goto restart;
                }
                mask = so->mask;
            } else if (entry->hash == -1) {
                /* CPython 3.11 keeps the LAST dummy seen on the probe path. */
                freeslot = entry;
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_unused_or_dummy:
    if (freeslot != NULL) {
        so->used++;
        freeslot->key = key;
        freeslot->hash = hash;
        return 0;
    }
    so->fill++;
    so->used++;
    entry->key = key;
    entry->hash = hash;
    if (so->fill * 5 < mask * 3) {
        return 0;
    }
    return set_table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
found_active:
    DECREF(key);
    return 0;
}

static int set_add_key(SetObject *so, Object *key) {
    intptr_t hash = container_hash(key);
    if (hash == -1) {
        return -1;
    }
    return set_add_entry(so, key, hash);
}

static int set_contains_entry(SetObject *so, Object *key, intptr_t hash) {
    SetEntry *entry = set_lookkey(so, key, hash);
    if (entry == NULL) {
        return -1;
    }
    return entry->key != NULL;
}

static int set_contains_key(SetObject *so, Object *key) {
    intptr_t hash = container_hash(key);
    if (hash == -1) {
        return -1;
    }
    return set_contains_entry(so, key, hash);
}

/* 1 if found and removed, 0 if absent, -1 on error. */
static int set_discard_entry(SetObject *so, Object *key, intptr_t hash) {
    SetEntry *entry = set_lookkey(so, key, hash);
    if (entry == NULL) {
        return -1;
    }
    if (entry->key == NULL) {
        return 0;
    }
    Object *old = entry->key;
    entry->key = DUMMY;
    entry->hash = -1;
    so->used--;
    DECREF(old);
    return 1;
}

static int set_discard_key(SetObject *so, Object *key) {
    intptr_t hash = container_hash(key);
    if (hash == -1) {
        return -1;
    }
    return set_discard_entry(so, key, hash);
}

/* Next active slot at or after *pos. */
static bool set_next_entry(SetObject *so, size_t *pos, SetEntry **out) {
    while (*pos <= so->mask) {
        SetEntry *e = &so->table[(*pos)++];
        if (e->key != NULL && e->key != DUMMY) {
            *out = e;
            return true;
        }
    }
    return false;
}

static void set_empty_to_minsize(SetObject *so) {
    memset(so->smalltable, 0, sizeof(so->smalltable));
    so->fill = 0;
    so->used = 0;
    so->mask = SET_MINSIZE - 1;
    so->table = so->smalltable;
    so->hash = -1;
}

/* Remove every key; the set is already empty before the DECREFs run. */
static void set_clear_internal(SetObject *so) {
    SetEntry *table = so->table;
    size_t fill = so->fill, mask = so->mask;
    bool malloced = table != so->smalltable;
    SetEntry small_copy[SET_MINSIZE];
    if (malloced) {
        set_empty_to_minsize(so);
    } else if (fill > 0) {
        memcpy(small_copy, table, sizeof(small_copy));
        table = small_copy;
        set_empty_to_minsize(so);
    } else {
        return;
    }
    for (size_t i = 0; i <= mask; i++) {
        if (table[i].key != NULL && table[i].key != DUMMY) {
            DECREF(table[i].key);
        }
    }
    if (malloced) {
        mem_free(table);
    }
}

/* so |= other where other is a set or frozenset (CPython's set_merge). */
static int set_merge(SetObject *so, SetObject *other) {
    if (other == so || other->used == 0) {
        return 0;
    }
    if ((so->fill + other->used) * 5 >= so->mask * 3) {
        if (set_table_resize(so, (so->used + other->used) * 2) != 0) {
            return -1;
        }
    }
    SetEntry *so_entry = so->table, *other_entry = other->table;
    /* Empty target of the same size, no dummies in the source: copy as is. */
    if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
        for (size_t i = 0; i <= other->mask; i++, so_entry++, other_entry++) {
            Object *key = other_entry->key;
            if (key != NULL) {
                so_entry->key = NEWREF(key);
                so_entry->hash = other_entry->hash;
            }
        }
        so->fill = other->fill;
        so->used = other->used;
        return 0;
    }
    /* Empty target: no duplicates possible, insert clean. */
    if (so->fill == 0) {
        so->fill = other->used;
        so->used = other->used;
        for (size_t i = other->mask + 1; i > 0; i--, other_entry++) {
            Object *key = other_entry->key;
            if (key != NULL && key != DUMMY) {
                set_insert_clean(so->table, so->mask, NEWREF(key), other_entry->hash);
            }
        }
        return 0;
    }
    for (size_t i = 0; i <= other->mask; i++) {
        other_entry = &other->table[i];
        Object *key = other_entry->key;
        if (key != NULL && key != DUMMY) {
            if (set_add_entry(so, key, other_entry->hash) < 0) {
                return -1;
            }
        }
    }
    return 0;
}

/* so |= iterable, with CPython's fast paths for sets and exact dicts. */
static int set_update_internal(SetObject *so, Object *other) {
    if (set_check(other)) {
        return set_merge(so, (SetObject *)other);
    }
    if (!is_small_int(other) && other->type == &DictType) {
        size_t dictsize = dict_size(other);
        if ((so->fill + dictsize) * 5 >= so->mask * 3) {
            if (set_table_resize(so, (so->used + dictsize) * 2) != 0) {
                return -1;
            }
        }
        size_t pos = 0;
        Object *key;
        intptr_t hash;
        while (dict_next_hash(other, &pos, &key, NULL, &hash)) {
            if (set_add_entry(so, key, hash) < 0) {
                return -1;
            }
        }
        return 0;
    }
    Object *it = obj_iter(other);
    if (it == NULL) {
        return -1;
    }
    Object *key;
    while ((key = obj_next(it)) != NULL) {
        int r = set_add_key(so, key);
        DECREF(key);
        if (r < 0) {
            DECREF(it);
            return -1;
        }
    }
    DECREF(it);
    return err_occurred() != NULL ? -1 : 0;
}

/* A new set or frozenset of exactly `type` holding the items of iterable. */
static Object *make_new_set(TypeObject *type, Object *iterable) {
    SetObject *so = (SetObject *)obj_alloc(type, type->basic_size);
    if (so == NULL) {
        return NULL;
    }
    so->mask = SET_MINSIZE - 1;
    so->table = so->smalltable;
    so->hash = -1;
    if (iterable != NULL && set_update_internal(so, iterable) < 0) {
        DECREF((Object *)so);
        return NULL;
    }
    return (Object *)so;
}

/* Results of operations on subclass instances are plain sets/frozensets. */
static Object *make_new_set_basetype(TypeObject *type, Object *iterable) {
    if (type != &SetType && type != &FrozenSetType) {
        type = type_is_subtype(type, &SetType) ? &SetType : &FrozenSetType;
    }
    return make_new_set(type, iterable);
}

static Object *set_copy_of(Object *so) {
    return make_new_set_basetype(obj_type(so), so);
}

/* Swap the contents of a and b (for intersection_update): counts, tables
 * and small tables. Cached hashes are reset. */
static void set_swap_bodies(SetObject *a, SetObject *b) {
    size_t t = a->fill;
    a->fill = b->fill;
    b->fill = t;
    t = a->used;
    a->used = b->used;
    b->used = t;
    t = a->mask;
    a->mask = b->mask;
    b->mask = t;
    bool a_small = a->table == a->smalltable, b_small = b->table == b->smalltable;
    SetEntry *ta = a->table, *tb = b->table;
    SetEntry tmp[SET_MINSIZE];
    memcpy(tmp, a->smalltable, sizeof tmp);
    memcpy(a->smalltable, b->smalltable, sizeof tmp);
    memcpy(b->smalltable, tmp, sizeof tmp);
    a->table = b_small ? a->smalltable : tb;
    b->table = a_small ? b->smalltable : ta;
    a->hash = -1;
    b->hash = -1;
}

/* ============================================================ public C API */

Object *set_new(Object *iterable) {
    return make_new_set(&SetType, iterable);
}

Object *frozenset_new(Object *iterable) {
    return make_new_set(&FrozenSetType, iterable);
}

int set_add(Object *set, Object *key) {
    return set_add_key((SetObject *)set, key);
}

int set_contains(Object *set, Object *key) {
    return set_contains_key((SetObject *)set, key);
}

int set_discard(Object *set, Object *key) {
    return set_discard_key((SetObject *)set, key);
}

int set_update(Object *set, Object *iterable) {
    return set_update_internal((SetObject *)set, iterable);
}

size_t set_size(Object *set) {
    return ((SetObject *)set)->used;
}

bool set_next(Object *set, size_t *pos, Object **key) {
    SetEntry *e;
    if (!set_next_entry((SetObject *)set, pos, &e)) {
        return false;
    }
    *key = e->key;
    return true;
}

/* ============================================================ set algebra */

Object *set_intersection(Object *self, Object *other) {
    SetObject *so = (SetObject *)self;
    if (self == other) {
        return set_copy_of(self);
    }
    SetObject *result = (SetObject *)make_new_set_basetype(obj_type(self), NULL);
    if (result == NULL) {
        return NULL;
    }
    if (set_check(other)) {
        SetObject *o = (SetObject *)other;
        if (o->used > so->used) {
            SetObject *t = so;
            so = o;
            o = t;
        }
        size_t pos = 0;
        SetEntry *e;
        while (set_next_entry(o, &pos, &e)) {
            Object *key = NEWREF(e->key);
            intptr_t hash = e->hash;
            int rv = set_contains_entry(so, key, hash);
            if (rv > 0) {
                rv = set_add_entry(result, key, hash);
            }
            DECREF(key);
            if (rv < 0) {
                DECREF((Object *)result);
                return NULL;
            }
        }
        return (Object *)result;
    }
    Object *it = obj_iter(other);
    if (it == NULL) {
        DECREF((Object *)result);
        return NULL;
    }
    Object *key;
    while ((key = obj_next(it)) != NULL) {
        intptr_t hash = container_hash(key);
        int rv = hash == -1 ? -1 : set_contains_entry(so, key, hash);
        if (rv > 0) {
            rv = set_add_entry(result, key, hash);
        }
        DECREF(key);
        if (rv < 0) {
            DECREF(it);
            DECREF((Object *)result);
            return NULL;
        }
    }
    DECREF(it);
    if (err_occurred() != NULL) {
        DECREF((Object *)result);
        return NULL;
    }
    return (Object *)result;
}

static int set_intersection_update(Object *self, Object *other) {
    Object *tmp = set_intersection(self, other);
    if (tmp == NULL) {
        return -1;
    }
    set_swap_bodies((SetObject *)self, (SetObject *)tmp);
    DECREF(tmp);
    return 0;
}

/* self -= other for any iterable other; resizes when many dummies remain. */
int set_difference_update(Object *self, Object *other) {
    SetObject *so = (SetObject *)self;
    if (self == other) {
        set_clear_internal(so);
        return 0;
    }
    if (set_check(other)) {
        if ((set_size(other) >> 3) > so->used) {
            other = set_intersection(self, other);
            if (other == NULL) {
                return -1;
            }
        } else {
            INCREF(other);
        }
        size_t pos = 0;
        SetEntry *e;
        while (set_next_entry((SetObject *)other, &pos, &e)) {
            Object *key = NEWREF(e->key);
            int rv = set_discard_entry(so, key, e->hash);
            DECREF(key);
            if (rv < 0) {
                DECREF(other);
                return -1;
            }
        }
        DECREF(other);
    } else {
        Object *it = obj_iter(other);
        if (it == NULL) {
            return -1;
        }
        Object *key;
        while ((key = obj_next(it)) != NULL) {
            int rv = set_discard_key(so, key);
            DECREF(key);
            if (rv < 0) {
                DECREF(it);
                return -1;
            }
        }
        DECREF(it);
        if (err_occurred() != NULL) {
            return -1;
        }
    }
    /* More than 1/4 dummies: resize them away. */
    if (so->fill - so->used <= so->mask / 4) {
        return 0;
    }
    return set_table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

static Object *set_copy_and_difference(Object *self, Object *other) {
    Object *result = set_copy_of(self);
    if (result != NULL && set_difference_update(result, other) < 0) {
        CLEAR(result);
    }
    return result;
}

/* self - other as a new set (CPython's choice of strategy by sizes). */
static Object *set_difference(Object *self, Object *other) {
    SetObject *so = (SetObject *)self;
    size_t other_size;
    bool other_is_dict = !is_small_int(other) && other->type == &DictType;
    if (set_check(other)) {
        other_size = set_size(other);
    } else if (other_is_dict) {
        other_size = dict_size(other);
    } else {
        return set_copy_and_difference(self, other);
    }
    if ((so->used >> 2) > other_size) {
        return set_copy_and_difference(self, other);
    }
    SetObject *result = (SetObject *)make_new_set_basetype(obj_type(self), NULL);
    if (result == NULL) {
        return NULL;
    }
    size_t pos = 0;
    SetEntry *e;
    while (set_next_entry(so, &pos, &e)) {
        Object *key = NEWREF(e->key);
        intptr_t hash = e->hash;
        int rv;
        if (other_is_dict) {
            Object *v;
            rv = dict_lookup_hash(other, key, hash, &v);
        } else {
            rv = set_contains_entry((SetObject *)other, key, hash);
        }
        if (rv == 0) {
            rv = set_add_entry(result, key, hash);
        }
        DECREF(key);
        if (rv < 0) {
            DECREF((Object *)result);
            return NULL;
        }
    }
    return (Object *)result;
}

/* self ^= other for any iterable other. */
int set_symmetric_difference_update(Object *self, Object *other) {
    SetObject *so = (SetObject *)self;
    if (self == other) {
        set_clear_internal(so);
        return 0;
    }
    if (!is_small_int(other) && other->type == &DictType) {
        size_t pos = 0;
        Object *key;
        intptr_t hash;
        while (dict_next_hash(other, &pos, &key, NULL, &hash)) {
            INCREF(key);
            int rv = set_discard_entry(so, key, hash);
            if (rv == 0) {
                rv = set_add_entry(so, key, hash);
            }
            DECREF(key);
            if (rv < 0) {
                return -1;
            }
        }
        return 0;
    }
    Object *otherset;
    if (set_check(other)) {
        otherset = NEWREF(other);
    } else {
        otherset = make_new_set_basetype(obj_type(self), other);
        if (otherset == NULL) {
            return -1;
        }
    }
    size_t pos = 0;
    SetEntry *e;
    while (set_next_entry((SetObject *)otherset, &pos, &e)) {
        Object *key = NEWREF(e->key);
        intptr_t hash = e->hash;
        int rv = set_discard_entry(so, key, hash);
        if (rv == 0) {
            rv = set_add_entry(so, key, hash);
        }
        DECREF(key);
        if (rv < 0) {
            DECREF(otherset);
            return -1;
        }
    }
    DECREF(otherset);
    return 0;
}

static Object *set_symmetric_difference(Object *self, Object *other) {
    Object *result = make_new_set_basetype(obj_type(self), other);
    if (result != NULL && set_symmetric_difference_update(result, self) < 0) {
        CLEAR(result);
    }
    return result;
}

/* self <= other; other may be any iterable (made into a set). */
static int set_issubset_internal(Object *self, Object *other) {
    if (!set_check(other)) {
        Object *tmp = set_new(other);
        if (tmp == NULL) {
            return -1;
        }
        int r = set_issubset_internal(self, tmp);
        DECREF(tmp);
        return r;
    }
    SetObject *so = (SetObject *)self;
    if (so->used > set_size(other)) {
        return 0;
    }
    size_t pos = 0;
    SetEntry *e;
    while (set_next_entry(so, &pos, &e)) {
        Object *key = NEWREF(e->key);
        int rv = set_contains_entry((SetObject *)other, key, e->hash);
        DECREF(key);
        if (rv <= 0) {
            return rv;
        }
    }
    return 1;
}

static int set_issuperset_internal(Object *self, Object *other) {
    if (set_check(other)) {
        return set_issubset_internal(other, self);
    }
    Object *tmp = set_new(other);
    if (tmp == NULL) {
        return -1;
    }
    int r = set_issubset_internal(tmp, self);
    DECREF(tmp);
    return r;
}

/* 1 if self and the iterable other share no element, 0 if they do, -1 on error. */
static int set_isdisjoint_internal(Object *self, Object *other) {
    SetObject *so = (SetObject *)self;
    if (self == other) {
        return so->used == 0;
    }
    if (set_check_exact_any(other)) {
        SetObject *o = (SetObject *)other;
        if (o->used > so->used) {
            SetObject *t = so;
            so = o;
            o = t;
        }
        size_t pos = 0;
        SetEntry *e;
        while (set_next_entry(o, &pos, &e)) {
            Object *key = NEWREF(e->key);
            int rv = set_contains_entry(so, key, e->hash);
            DECREF(key);
            if (rv != 0) {
                return rv < 0 ? -1 : 0;
            }
        }
        return 1;
    }
    Object *it = obj_iter(other);
    if (it == NULL) {
        return -1;
    }
    Object *key;
    while ((key = obj_next(it)) != NULL) {
        int rv = set_contains_key(so, key);
        DECREF(key);
        if (rv != 0) {
            DECREF(it);
            return rv < 0 ? -1 : 0;
        }
    }
    DECREF(it);
    return err_occurred() != NULL ? -1 : 1;
}

/* ============================================================ type slots */

static void set_dealloc(Object *self) {
    if (dealloc_defer(self)) {
        return;
    }
    SetObject *so = (SetObject *)self;
    for (size_t i = 0; so->table != NULL && i <= so->mask; i++) {
        Object *key = so->table[i].key;
        if (key != NULL && key != DUMMY) {
            DECREF(key);
        }
    }
    if (so->table != so->smalltable) {
        mem_free(so->table);
    }
    obj_free(self);
    dealloc_done();
}

/* The collector's clear slot: drop every key to break a cycle. */
static int set_clear_slot(Object *self) {
    if (((SetObject *)self)->table != NULL) {
        set_clear_internal((SetObject *)self);
    }
    return 0;
}

static int set_traverse(Object *self, VisitFunc visit, void *arg) {
    size_t pos = 0;
    SetEntry *e;
    while (set_next_entry((SetObject *)self, &pos, &e)) {
        int r = visit(e->key, arg);
        if (r != 0) {
            return r;
        }
    }
    return 0;
}

/* "{1, 2}", "set()", "frozenset({1})", "MySet({1})"; recursion prints "set(...)". */
static Object *set_repr(Object *self) {
    SetObject *so = (SetObject *)self;
    const char *name = obj_type_name(self);
    if (so->used == 0) {
        return str_from_format("%s()", name);
    }
    int entered = repr_enter(self);
    if (entered != 0) {
        return entered > 0 ? str_from_format("%s(...)", name) : NULL;
    }
    bool plain = self->type == &SetType;
    StrBuilder sb;
    sb_init(&sb);
    if (!plain) {
        sb_append_cstr(&sb, name);
        sb_append_char(&sb, '(');
    }
    sb_append_char(&sb, '{');
    Object *keys = NULL;
    /* Snapshot the keys: printing them may run code that changes the set. */
    Object *snapshot = tuple_new(so->used);
    if (snapshot == NULL) {
        goto fail;
    }
    size_t pos = 0, n = 0;
    SetEntry *e;
    while (n < so->used && set_next_entry(so, &pos, &e)) {
        tuple_init_item(snapshot, n++, NEWREF(e->key));
    }
    keys = snapshot;
    if (ts_enter_recursive(" while getting the repr of an object") < 0) {
        goto fail;
    }
    for (size_t i = 0; i < n; i++) {
        if (i > 0) {
            sb_append(&sb, ", ", 2);
        }
        if (sb_append_repr(&sb, tuple_get(keys, i)) < 0) {
            ts_leave_recursive();
            goto fail;
        }
    }
    ts_leave_recursive();
    sb_append_char(&sb, '}');
    if (!plain) {
        sb_append_char(&sb, ')');
    }
    DECREF(keys);
    repr_leave(self);
    return sb_finish(&sb);
fail:
    XDECREF(keys);
    repr_leave(self);
    sb_discard(&sb);
    return NULL;
}

static uint64_t shuffle_bits(uint64_t h) {
    return ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL;
}

/* CPython's frozenset hash: order-independent xor of shuffled entry hashes. */
static intptr_t frozenset_hash(Object *self) {
    SetObject *so = (SetObject *)self;
    if (so->hash != -1) {
        return so->hash;
    }
    uint64_t hash = 0;
    size_t pos = 0;
    SetEntry *e;
    while (set_next_entry(so, &pos, &e)) {
        hash ^= shuffle_bits((uint64_t)e->hash);
    }
    hash ^= ((uint64_t)so->used + 1) * 1927868237UL;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923UL;
    if (hash == (uint64_t)-1) {
        hash = 590923713UL;
    }
    so->hash = (intptr_t)hash;
    return so->hash;
}

/* Set comparisons are subset tests; == first checks sizes (and cached hashes). */
static Object *set_richcompare(Object *v, Object *w, CompareOp op) {
    if (!set_check(v) || !set_check(w)) {
        return NEWREF(NotImplemented);
    }
    SetObject *a = (SetObject *)v, *b = (SetObject *)w;
    int r;
    switch (op) {
        case CMP_EQ:
        case CMP_NE:
            if (a->used != b->used) {
                r = 0;
            } else if (a->hash != -1 && b->hash != -1 && a->hash != b->hash) {
                r = 0;
            } else {
                r = set_issubset_internal(v, w);
            }
            if (r >= 0 && op == CMP_NE) {
                r = !r;
            }
            break;
        case CMP_LE:
            r = set_issubset_internal(v, w);
            break;
        case CMP_GE:
            r = set_issuperset_internal(v, w);
            break;
        case CMP_LT:
            r = a->used >= b->used ? 0 : set_issubset_internal(v, w);
            break;
        default:
            r = a->used <= b->used ? 0 : set_issuperset_internal(v, w);
            break;
    }
    if (r < 0) {
        return NULL;
    }
    return bool_from(r != 0);
}

static ssize_t set_len(Object *self) {
    return (ssize_t)((SetObject *)self)->used;
}

/* key in s; a set key is looked up as a frozenset. */
static int set_contains_slot(Object *self, Object *key) {
    int rv = set_contains_key((SetObject *)self, key);
    if (rv < 0 && set_check(key) && err_matches(&ExcTypeError)) {
        err_clear();
        Object *tmp = frozenset_new(key);
        if (tmp == NULL) {
            return -1;
        }
        rv = set_contains_key((SetObject *)self, tmp);
        DECREF(tmp);
    }
    return rv;
}

/* | & - ^ between sets and frozensets; the result has the left operand's type. */
static Object *set_binary_op(Object *a, Object *b, BinaryOp op) {
    if (!set_check(a) || !set_check(b)) {
        return NEWREF(NotImplemented);
    }
    Object *result;
    switch (op) {
        case BINOP_OR:
            result = set_copy_of(a);
            if (result != NULL && a != b && set_update_internal((SetObject *)result, b) < 0) {
                CLEAR(result);
            }
            return result;
        case BINOP_AND:
            return set_intersection(a, b);
        case BINOP_SUB:
            return set_difference(a, b);
        case BINOP_XOR:
            return set_symmetric_difference(a, b);
        default:
            return NEWREF(NotImplemented);
    }
}

/* s |= t, s &= t, s -= t, s ^= t for mutable sets (frozensets fall back to
 * the binary operators and rebind). */
static Object *set_inplace_op(Object *a, Object *b, BinaryOp op) {
    if (!set_check(a) || !set_check(b) || is_frozenset_type(obj_type(a))) {
        return NEWREF(NotImplemented);
    }
    int r;
    switch (op) {
        case BINOP_OR:
            r = set_update_internal((SetObject *)a, b);
            break;
        case BINOP_AND:
            r = set_intersection_update(a, b);
            break;
        case BINOP_SUB:
            r = set_difference_update(a, b);
            break;
        case BINOP_XOR:
            r = set_symmetric_difference_update(a, b);
            break;
        default:
            return NEWREF(NotImplemented);
    }
    if (r < 0) {
        return NULL;
    }
    return NEWREF(a);
}

/* ============================================================ iterator */

typedef struct SetIterObject {
    Object base;
    Object *set;  /* NULL once exhausted */
    ssize_t used; /* the set's size at the start; -1 after an error */
    size_t pos;
    size_t len;
} SetIterObject;

static Object *set_iter(Object *self) {
    SetIterObject *it = (SetIterObject *)obj_alloc(&SetIterType, sizeof(SetIterObject));
    if (it == NULL) {
        return NULL;
    }
    it->set = NEWREF(self);
    it->used = (ssize_t)set_size(self);
    it->pos = 0;
    it->len = set_size(self);
    return (Object *)it;
}

/* Next key in table order; RuntimeError if the set changed size meanwhile. */
static Object *set_iter_next(Object *self) {
    SetIterObject *it = (SetIterObject *)self;
    if (it->set == NULL) {
        return NULL;
    }
    SetObject *so = (SetObject *)it->set;
    if (it->used != (ssize_t)so->used) {
        err_set_string(&ExcRuntimeError, "Set changed size during iteration");
        it->used = -1;
        return NULL;
    }
    SetEntry *e;
    if (!set_next_entry(so, &it->pos, &e)) {
        CLEAR(it->set);
        return NULL;
    }
    it->len--;
    return NEWREF(e->key);
}

static void set_iter_dealloc(Object *self) {
    XDECREF(((SetIterObject *)self)->set);
    obj_free(self);
}

static int set_iter_traverse(Object *self, VisitFunc visit, void *arg) {
    Object *s = ((SetIterObject *)self)->set;
    return s != NULL ? visit(s, arg) : 0;
}

static Object *iter_self(Object *self) {
    return NEWREF(self);
}

static Object *set_iter_length_hint(Object *self, Object *const *args, size_t nargs,
                                    Object *kwnames) {
    SetIterObject *it = (SetIterObject *)self;
    size_t n = 0;
    if (it->set != NULL && it->used == (ssize_t)set_size(it->set)) {
        n = it->len;
    }
    return small_int_make((intptr_t)n);
}

static const MethodDef set_iter_methods[] = {
    {"__length_hint__", set_iter_length_hint, 0,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

TypeObject SetIterType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "set_iterator",
    .basic_size = sizeof(SetIterObject),
    .flags = TYPE_FLAG_GC,
    .dealloc = set_iter_dealloc,
    .traverse = set_iter_traverse,
    .new_instance = container_no_new,
    .iter = iter_self,
    .iternext = set_iter_next,
    .methods = set_iter_methods,
};

/* ============================================================ methods */

/* "set.add" or "frozenset.copy" for error messages. */
static const char *method_name(Object *self, const char *name, char *buf, size_t size) {
    snprintf(buf, size, "%s.%s", is_frozenset_type(obj_type(self)) ? "frozenset" : "set", name);
    return buf;
}

static int check_one(Object *self, const char *name, size_t nargs, Object *kwnames) {
    char buf[64];
    method_name(self, name, buf, sizeof buf);
    if (container_no_keywords(buf, kwnames) < 0) {
        return -1;
    }
    return container_check_args(buf, nargs, 1, 1);
}

static int check_none(Object *self, const char *name, size_t nargs, Object *kwnames) {
    char buf[64];
    method_name(self, name, buf, sizeof buf);
    if (container_no_keywords(buf, kwnames) < 0) {
        return -1;
    }
    return container_check_args(buf, nargs, 0, 0);
}

static int check_no_keywords(Object *self, const char *name, Object *kwnames) {
    char buf[64];
    return container_no_keywords(method_name(self, name, buf, sizeof buf), kwnames);
}

static Object *set_add_method(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (check_one(self, "add", nargs, kwnames) < 0 || set_add_key((SetObject *)self, args[0]) < 0) {
        return NULL;
    }
    return none_ref();
}

/* remove/discard: a set argument is looked up as a frozenset. */
static int set_discard_with_frozen(SetObject *so, Object *key) {
    int rv = set_discard_key(so, key);
    if (rv < 0 && set_check(key) && err_matches(&ExcTypeError)) {
        err_clear();
        Object *tmp = frozenset_new(key);
        if (tmp == NULL) {
            return -1;
        }
        rv = set_discard_key(so, tmp);
        DECREF(tmp);
    }
    return rv;
}

static Object *set_remove_method(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (check_one(self, "remove", nargs, kwnames) < 0) {
        return NULL;
    }
    int rv = set_discard_with_frozen((SetObject *)self, args[0]);
    if (rv < 0) {
        return NULL;
    }
    if (rv == 0) {
        err_set_object(&ExcKeyError, args[0]);
        return NULL;
    }
    return none_ref();
}

static Object *set_discard_method(Object *self, Object *const *args, size_t nargs,
                                  Object *kwnames) {
    if (check_one(self, "discard", nargs, kwnames) < 0 ||
        set_discard_with_frozen((SetObject *)self, args[0]) < 0) {
        return NULL;
    }
    return none_ref();
}

/* set.pop(): the first key at or after the "finger", which then moves past it
 * (so repeated pops do not rescan the start of the table). */
static Object *set_pop_method(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (check_none(self, "pop", nargs, kwnames) < 0) {
        return NULL;
    }
    SetObject *so = (SetObject *)self;
    if (so->used == 0) {
        Object *msg = str_from_cstr("pop from an empty set");
        if (msg != NULL) {
            err_set_object(&ExcKeyError, msg);
            DECREF(msg);
        }
        return NULL;
    }
    SetEntry *entry = so->table + (so->finger & so->mask);
    SetEntry *limit = so->table + so->mask;
    while (entry->key == NULL || entry->key == DUMMY) {
        entry++;
        if (entry > limit) {
            entry = so->table;
        }
    }
    Object *key = entry->key;
    entry->key = DUMMY;
    entry->hash = -1;
    so->used--;
    so->finger = (size_t)(entry - so->table) + 1;
    return key;
}

static Object *set_clear_method(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (check_none(self, "clear", nargs, kwnames) < 0) {
        return NULL;
    }
    set_clear_internal((SetObject *)self);
    return none_ref();
}

static Object *set_copy_method(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (check_none(self, "copy", nargs, kwnames) < 0) {
        return NULL;
    }
    if (self->type == &FrozenSetType) {
        return NEWREF(self);
    }
    return set_copy_of(self);
}

static Object *set_update_method(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (check_no_keywords(self, "update", kwnames) < 0) {
        return NULL;
    }
    for (size_t i = 0; i < nargs; i++) {
        if (set_update_internal((SetObject *)self, args[i]) < 0) {
            return NULL;
        }
    }
    return none_ref();
}

static Object *set_union_method(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (check_no_keywords(self, "union", kwnames) < 0) {
        return NULL;
    }
    Object *result = set_copy_of(self);
    if (result == NULL) {
        return NULL;
    }
    for (size_t i = 0; i < nargs; i++) {
        if (args[i] == self) {
            continue;
        }
        if (set_update_internal((SetObject *)result, args[i]) < 0) {
            DECREF(result);
            return NULL;
        }
    }
    return result;
}

static Object *set_intersection_method(Object *self, Object *const *args, size_t nargs,
                                       Object *kwnames) {
    if (check_no_keywords(self, "intersection", kwnames) < 0) {
        return NULL;
    }
    if (nargs == 0) {
        return set_copy_of(self);
    }
    Object *result = NEWREF(self);
    for (size_t i = 0; i < nargs; i++) {
        Object *next = set_intersection(result, args[i]);
        DECREF(result);
        if (next == NULL) {
            return NULL;
        }
        result = next;
    }
    return result;
}

static Object *set_intersection_update_method(Object *self, Object *const *args, size_t nargs,
                                              Object *kwnames) {
    if (check_no_keywords(self, "intersection_update", kwnames) < 0) {
        return NULL;
    }
    Object *tmp = set_intersection_method(self, args, nargs, NULL);
    if (tmp == NULL) {
        return NULL;
    }
    set_swap_bodies((SetObject *)self, (SetObject *)tmp);
    DECREF(tmp);
    return none_ref();
}

static Object *set_difference_method(Object *self, Object *const *args, size_t nargs,
                                     Object *kwnames) {
    if (check_no_keywords(self, "difference", kwnames) < 0) {
        return NULL;
    }
    if (nargs == 0) {
        return set_copy_of(self);
    }
    Object *result = set_difference(self, args[0]);
    for (size_t i = 1; result != NULL && i < nargs; i++) {
        if (set_difference_update(result, args[i]) < 0) {
            CLEAR(result);
        }
    }
    return result;
}

static Object *set_difference_update_method(Object *self, Object *const *args, size_t nargs,
                                            Object *kwnames) {
    if (check_no_keywords(self, "difference_update", kwnames) < 0) {
        return NULL;
    }
    for (size_t i = 0; i < nargs; i++) {
        if (set_difference_update(self, args[i]) < 0) {
            return NULL;
        }
    }
    return none_ref();
}

static Object *set_symmetric_difference_method(Object *self, Object *const *args, size_t nargs,
                                               Object *kwnames) {
    if (check_one(self, "symmetric_difference", nargs, kwnames) < 0) {
        return NULL;
    }
    return set_symmetric_difference(self, args[0]);
}

static Object *set_symmetric_difference_update_method(Object *self, Object *const *args,
                                                      size_t nargs, Object *kwnames) {
    if (check_one(self, "symmetric_difference_update", nargs, kwnames) < 0 ||
        set_symmetric_difference_update(self, args[0]) < 0) {
        return NULL;
    }
    return none_ref();
}

static Object *bool_or_null(int r) {
    return r < 0 ? NULL : bool_from(r != 0);
}

static Object *set_issubset_method(Object *self, Object *const *args, size_t nargs,
                                   Object *kwnames) {
    if (check_one(self, "issubset", nargs, kwnames) < 0) {
        return NULL;
    }
    return bool_or_null(set_issubset_internal(self, args[0]));
}

static Object *set_issuperset_method(Object *self, Object *const *args, size_t nargs,
                                     Object *kwnames) {
    if (check_one(self, "issuperset", nargs, kwnames) < 0) {
        return NULL;
    }
    return bool_or_null(set_issuperset_internal(self, args[0]));
}

static Object *set_isdisjoint_method(Object *self, Object *const *args, size_t nargs,
                                     Object *kwnames) {
    if (check_one(self, "isdisjoint", nargs, kwnames) < 0) {
        return NULL;
    }
    return bool_or_null(set_isdisjoint_internal(self, args[0]));
}

static Object *set_dunder_contains(Object *self, Object *const *args, size_t nargs,
                                   Object *kwnames) {
    if (check_one(self, "__contains__", nargs, kwnames) < 0) {
        return NULL;
    }
    return bool_or_null(set_contains_slot(self, args[0]));
}

/* set.__init__(iterable=()), the init slot: empties the set, then adds the
 * items (set subclass instances are built empty, then initialised). */
static int set_init(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (container_no_keywords("set", kwnames) < 0) {
        return -1;
    }
    if (nargs > 1) {
        err_format(&ExcTypeError, "%s expected at most 1 argument, got %zu", obj_type_name(self),
                   nargs);
        return -1;
    }
    SetObject *so = (SetObject *)self;
    if (so->fill > 0) {
        set_clear_internal(so);
    }
    so->hash = -1;
    if (nargs == 1 && set_update_internal(so, args[0]) < 0) {
        return -1;
    }
    return 0;
}

static const MethodDef set_methods[] = {
    {"add", set_add_method, 0, "Add an element to a set."},
    {"remove", set_remove_method, 0, "Remove an element from a set; it must be a member."},
    {"discard", set_discard_method, 0, "Remove an element from a set if it is a member."},
    {"pop", set_pop_method, 0, "Remove and return an arbitrary set element."},
    {"clear", set_clear_method, 0, "Remove all elements from this set."},
    {"copy", set_copy_method, 0, "Return a shallow copy of a set."},
    {"update", set_update_method, 0, "Update a set with the union of itself and others."},
    {"union", set_union_method, 0, "Return the union of sets as a new set."},
    {"intersection", set_intersection_method, 0,
     "Return the intersection of two sets as a new set."},
    {"intersection_update", set_intersection_update_method, 0,
     "Update a set with the intersection of itself and another."},
    {"difference", set_difference_method, 0,
     "Return the difference of two or more sets as a new set."},
    {"difference_update", set_difference_update_method, 0,
     "Remove all elements of another set from this set."},
    {"symmetric_difference", set_symmetric_difference_method, 0,
     "Return the symmetric difference of two sets as a new set."},
    {"symmetric_difference_update", set_symmetric_difference_update_method, 0,
     "Update a set with the symmetric difference of itself and another."},
    {"issubset", set_issubset_method, 0, "Report whether another set contains this set."},
    {"issuperset", set_issuperset_method, 0, "Report whether this set contains another set."},
    {"isdisjoint", set_isdisjoint_method, 0, "Return True if two sets have a null intersection."},
    {"__contains__", set_dunder_contains, 0, "x.__contains__(y) <==> y in x."},
    {"__class_getitem__", generic_alias_class_getitem, METHOD_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static const MethodDef frozenset_methods[] = {
    {"copy", set_copy_method, 0, "Return a shallow copy of a set."},
    {"union", set_union_method, 0, "Return the union of sets as a new set."},
    {"intersection", set_intersection_method, 0,
     "Return the intersection of two sets as a new set."},
    {"difference", set_difference_method, 0,
     "Return the difference of two or more sets as a new set."},
    {"symmetric_difference", set_symmetric_difference_method, 0,
     "Return the symmetric difference of two sets as a new set."},
    {"issubset", set_issubset_method, 0, "Report whether another set contains this set."},
    {"issuperset", set_issuperset_method, 0, "Report whether this set contains another set."},
    {"isdisjoint", set_isdisjoint_method, 0, "Return True if two sets have a null intersection."},
    {"__contains__", set_dunder_contains, 0, "x.__contains__(y) <==> y in x."},
    {"__class_getitem__", generic_alias_class_getitem, METHOD_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

/* set() / set(iterable); a subclass instance starts empty (the init slot fills it). */
static Object *set_new_instance(TypeObject *type, Object *const *args, size_t nargs,
                                Object *kwnames) {
    if (type != &SetType) {
        return make_new_set(type, NULL);
    }
    if (container_no_keywords("set", kwnames) < 0) {
        return NULL;
    }
    if (nargs > 1) {
        return err_format(&ExcTypeError, "set expected at most 1 argument, got %zu", nargs);
    }
    return make_new_set(type, nargs == 1 ? args[0] : NULL);
}

/* frozenset() / frozenset(iterable); frozenset(f) of an exact frozenset is f. */
static Object *frozenset_new_instance(TypeObject *type, Object *const *args, size_t nargs,
                                      Object *kwnames) {
    if ((type == &FrozenSetType || type->init == NULL || type->init == obj_init_default) &&
        container_no_keywords("frozenset", kwnames) < 0) {
        return NULL;
    }
    if (nargs > 1) {
        return err_format(&ExcTypeError, "%s expected at most 1 argument, got %zu", type->name,
                          nargs);
    }
    Object *iterable = nargs == 1 ? args[0] : NULL;
    if (type == &FrozenSetType && iterable != NULL && !is_small_int(iterable) &&
        iterable->type == &FrozenSetType) {
        return NEWREF(iterable);
    }
    return make_new_set(type, iterable);
}

TypeObject SetType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "set",
    .basic_size = sizeof(SetObject),
    .flags = TYPE_FLAG_BASETYPE | TYPE_FLAG_GC,
    .dealloc = set_dealloc,
    .traverse = set_traverse,
    .clear = set_clear_slot,
    .repr = set_repr,
    .richcompare = set_richcompare,
    .binary_op = set_binary_op,
    .inplace_op = set_inplace_op,
    .len = set_len,
    .contains = set_contains_slot,
    .iter = set_iter,
    .new_instance = set_new_instance,
    .init = set_init,
    .methods = set_methods,
    .doc = "set() -> new empty set object",
};

TypeObject FrozenSetType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "frozenset",
    .basic_size = sizeof(SetObject),
    .flags = TYPE_FLAG_BASETYPE | TYPE_FLAG_GC,
    .dealloc = set_dealloc,
    .traverse = set_traverse,
    .clear = set_clear_slot,
    .repr = set_repr,
    .hash = frozenset_hash,
    .richcompare = set_richcompare,
    .binary_op = set_binary_op,
    .len = set_len,
    .contains = set_contains_slot,
    .iter = set_iter,
    .new_instance = frozenset_new_instance,
    .methods = frozenset_methods,
    .doc = "frozenset() -> empty frozenset object",
};
