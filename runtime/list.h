/* list.h: Python list, a growable array of references. */
#ifndef GILPY_LIST_H
#define GILPY_LIST_H

#include "object.h"

typedef struct ListObject {
    Object base;
    size_t size;
    size_t capacity;
    Object **items;
} ListObject;

extern TypeObject ListType, ListIterType, ListRevIterType;

/* iter(list): kept simple so the VM's FOR_ITER can inline it: the next item
 * is list->items[index] while index < list->size; `list` is NULL once the
 * iterator is exhausted. */
typedef struct ListIterObject {
    Object base;
    Object *list;
    size_t index;
} ListIterObject;

/* Exactly a list (not a subclass, which may override __iter__ and friends). */
static inline bool list_check_exact(const Object *v) {
    return !is_small_int(v) && v->type == &ListType;
}
static inline bool list_check(const Object *v) {
    return !is_small_int(v) && (v->type == &ListType || type_is_subtype(v->type, &ListType));
}
static inline size_t list_size(const Object *v) { return ((const ListObject *)v)->size; }
/* Borrowed; no bounds check. */
static inline Object *list_get(const Object *v, size_t i) { return ((const ListObject *)v)->items[i]; }
/* Steals item; for filling a fresh list from list_new(n) whose slots are NULL. */
static inline void list_init_item(Object *v, size_t i, Object *item) {
    ((ListObject *)v)->items[i] = item;
}

/* A list of n NULL slots that the caller must fill with list_init_item. */
MAY_RAISE Object *list_new(size_t n);
MAY_RAISE int list_append(Object *list, Object *item); /* does not steal */
MAY_RAISE int list_extend(Object *list, Object *iterable);
MAY_RAISE Object *list_from_iterable(Object *iterable);
MAY_RAISE int list_sort(Object *list, Object *key, bool reverse); /* stable */
MAY_RAISE Object *list_as_tuple(Object *list);
/* list[start:stop] for 0 <= start, stop (clamped to the size). */
MAY_RAISE Object *list_slice(Object *list, size_t start, size_t stop);
/* Insert item (not stolen) before index (clamped like list.insert). */
MAY_RAISE int list_insert(Object *list, ssize_t index, Object *item);
/* Reverse in place (never fails). */
void list_reverse(Object *list);

#endif /* GILPY_LIST_H */
