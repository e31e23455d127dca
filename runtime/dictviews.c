/* dictviews.c: dict_keys / dict_values / dict_items views (len, iter, in,
 * reversed, repr, set operations and comparisons on keys and items), and
 * the six dict iterator types (forward and reverse, keys/values/items). */
#include <string.h>

#include "containers.h"
#include "dict.h"
#include "errors.h"
#include "exceptions.h"
#include "list.h"
#include "set.h"
#include "str.h"
#include "tuple.h"

/* ============================================================ iterators */

typedef struct DictIterObject {
    Object base;
    Object *dict; /* NULL once exhausted */
    ssize_t used; /* the dict's size when iteration started; -1 after an error */
    ssize_t pos;  /* next entry position (reverse iterators walk down) */
    size_t len;   /* items left to produce */
} DictIterObject;

static bool dict_iter_is_reverse(TypeObject *t) {
    return t == &DictRevKeyIterType || t == &DictRevValueIterType || t == &DictRevItemIterType;
}

Object *dict_iter_new(Object *d, TypeObject *iter_type) {
    DictIterObject *it = (DictIterObject *)obj_alloc(iter_type, sizeof(DictIterObject));
    if (it == NULL) {
        return NULL;
    }
    it->dict = NEWREF(d);
    it->used = (ssize_t)dict_size(d);
    it->len = dict_size(d);
    it->pos = dict_iter_is_reverse(iter_type) ? (ssize_t)dict_nentries(d) - 1 : 0;
    return (Object *)it;
}

enum { PRODUCE_KEY, PRODUCE_VALUE, PRODUCE_ITEM };

/* Shared body of the six iternext functions. */
static Object *dict_iter_step(Object *self, int produce, bool reverse) {
    DictIterObject *it = (DictIterObject *)self;
    Object *d = it->dict;
    if (d == NULL) {
        return NULL;
    }
    if (it->used != (ssize_t)dict_size(d)) {
        err_set_string(&ExcRuntimeError, "dictionary changed size during iteration");
        it->used = -1; /* sticky */
        return NULL;
    }
    Object *key = NULL, *value = NULL;
    bool found = false;
    if (reverse) {
        while (it->pos >= 0) {
            dict_entry_at(d, (size_t)it->pos, &key, &value);
            it->pos--;
            if (value != NULL) {
                found = true;
                break;
            }
        }
    } else {
        size_t n = dict_nentries(d);
        while ((size_t)it->pos < n) {
            dict_entry_at(d, (size_t)it->pos, &key, &value);
            it->pos++;
            if (value != NULL) {
                found = true;
                break;
            }
        }
    }
    if (!found) {
        CLEAR(it->dict);
        return NULL;
    }
    if (it->len == 0) {
        err_set_string(&ExcRuntimeError, "dictionary keys changed during iteration");
        CLEAR(it->dict);
        return NULL;
    }
    it->len--;
    switch (produce) {
        case PRODUCE_KEY:
            return NEWREF(key);
        case PRODUCE_VALUE:
            return NEWREF(value);
        default:
            return tuple_pack(2, key, value);
    }
}

static Object *dict_keyiter_next(Object *self) {
    return dict_iter_step(self, PRODUCE_KEY, false);
}
static Object *dict_valueiter_next(Object *self) {
    return dict_iter_step(self, PRODUCE_VALUE, false);
}
static Object *dict_itemiter_next(Object *self) {
    return dict_iter_step(self, PRODUCE_ITEM, false);
}
static Object *dict_revkeyiter_next(Object *self) {
    return dict_iter_step(self, PRODUCE_KEY, true);
}
static Object *dict_revvalueiter_next(Object *self) {
    return dict_iter_step(self, PRODUCE_VALUE, true);
}
static Object *dict_revitemiter_next(Object *self) {
    return dict_iter_step(self, PRODUCE_ITEM, true);
}

static void dict_iter_dealloc(Object *self) {
    XDECREF(((DictIterObject *)self)->dict);
    obj_free(self);
}

static int dict_iter_traverse(Object *self, VisitFunc visit, void *arg) {
    Object *d = ((DictIterObject *)self)->dict;
    return d != NULL ? visit(d, arg) : 0;
}

static Object *iter_self(Object *self) {
    return NEWREF(self);
}

static Object *dict_iter_length_hint(Object *self, Object *const *args, size_t nargs,
                                     Object *kwnames) {
    DictIterObject *it = (DictIterObject *)self;
    size_t n = 0;
    if (it->dict != NULL && it->used == (ssize_t)dict_size(it->dict)) {
        n = it->len;
    }
    return small_int_make((intptr_t)n);
}

static const MethodDef dict_iter_methods[] = {
    {"__length_hint__", dict_iter_length_hint, 0,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

#define DICT_ITER_TYPE(cname, pyname, next_fn) \
    TypeObject cname = {                       \
        .base = OBJECT_HEADER_INIT(&TypeType), \
        .name = pyname,                        \
        .basic_size = sizeof(DictIterObject),  \
        .flags = TYPE_FLAG_GC,                 \
        .dealloc = dict_iter_dealloc,          \
        .traverse = dict_iter_traverse,        \
        .new_instance = container_no_new,      \
        .iter = iter_self,                     \
        .iternext = next_fn,                   \
        .methods = dict_iter_methods,          \
    };

DICT_ITER_TYPE(DictKeyIterType, "dict_keyiterator", dict_keyiter_next)
DICT_ITER_TYPE(DictValueIterType, "dict_valueiterator", dict_valueiter_next)
DICT_ITER_TYPE(DictItemIterType, "dict_itemiterator", dict_itemiter_next)
DICT_ITER_TYPE(DictRevKeyIterType, "dict_reversekeyiterator", dict_revkeyiter_next)
DICT_ITER_TYPE(DictRevValueIterType, "dict_reversevalueiterator", dict_revvalueiter_next)
DICT_ITER_TYPE(DictRevItemIterType, "dict_reverseitemiterator", dict_revitemiter_next)

/* ============================================================ views */

typedef struct DictViewObject {
    Object base;
    Object *dict;
} DictViewObject;

static inline Object *view_dict(Object *v) {
    return ((DictViewObject *)v)->dict;
}

static bool is_keys_view(Object *v) {
    return !is_small_int(v) && v->type == &DictKeysType;
}
static bool is_items_view(Object *v) {
    return !is_small_int(v) && v->type == &DictItemsType;
}
/* Keys and items views behave like sets. */
static bool is_set_view(Object *v) {
    return is_keys_view(v) || is_items_view(v);
}

Object *dict_view_new(Object *d, TypeObject *view_type) {
    DictViewObject *v = (DictViewObject *)obj_alloc(view_type, sizeof(DictViewObject));
    if (v == NULL) {
        return NULL;
    }
    v->dict = NEWREF(d);
    return (Object *)v;
}

static void view_dealloc(Object *self) {
    DECREF(view_dict(self));
    obj_free(self);
}

static int view_traverse(Object *self, VisitFunc visit, void *arg) {
    return visit(view_dict(self), arg);
}

static ssize_t view_len(Object *self) {
    return (ssize_t)dict_size(view_dict(self));
}

/* "dict_keys([1, 2])"; a view reached again through itself prints "...". */
static Object *view_repr(Object *self) {
    int entered = repr_enter(self);
    if (entered != 0) {
        return entered > 0 ? str_from_cstr("...") : NULL;
    }
    Object *seq = list_from_iterable(self);
    Object *r = NULL;
    if (seq != NULL) {
        r = str_from_format("%s(%R)", obj_type_name(self), seq);
        DECREF(seq);
    }
    repr_leave(self);
    return r;
}

static Object *keys_iter(Object *self) {
    return dict_iter_new(view_dict(self), &DictKeyIterType);
}
static Object *values_iter(Object *self) {
    return dict_iter_new(view_dict(self), &DictValueIterType);
}
static Object *items_iter(Object *self) {
    return dict_iter_new(view_dict(self), &DictItemIterType);
}

static int keys_contains(Object *self, Object *key) {
    return dict_contains(view_dict(self), key);
}

/* (key, value) in d.items(): key present and its value equal. */
static int items_contains(Object *self, Object *item) {
    if (!tuple_check(item) || tuple_size(item) != 2) {
        return 0;
    }
    Object *found;
    int r = dict_lookup(view_dict(self), tuple_get(item, 0), &found);
    if (r <= 0) {
        return r;
    }
    INCREF(found);
    r = obj_richcompare_bool(found, tuple_get(item, 1), CMP_EQ);
    DECREF(found);
    return r;
}

static int view_contains(Object *view, Object *item) {
    return is_keys_view(view) ? keys_contains(view, item) : items_contains(view, item);
}

/* Every item of `a` is in `b`. */
static int all_contained_in(Object *a, Object *b) {
    Object *it = obj_iter(a);
    if (it == NULL) {
        return -1;
    }
    int ok = 1;
    Object *item;
    while ((item = obj_next(it)) != NULL) {
        ok = obj_contains(b, item);
        DECREF(item);
        if (ok <= 0) {
            break;
        }
    }
    DECREF(it);
    if (ok > 0 && err_occurred() != NULL) {
        return -1;
    }
    return ok;
}

/* Keys and items views compare like sets with sets and other set-like views
 * (CPython's dictview_richcompare: sizes first, then containment). */
static Object *view_richcompare(Object *self, Object *other, CompareOp op) {
    if (!is_set_view(self) || (!set_check(other) && !is_set_view(other))) {
        return NEWREF(NotImplemented);
    }
    ssize_t len_self = obj_len(self), len_other = obj_len(other);
    if (len_self < 0 || len_other < 0) {
        return NULL;
    }
    int ok = 0;
    switch (op) {
        case CMP_EQ:
        case CMP_NE:
            if (len_self == len_other) {
                ok = all_contained_in(self, other);
            }
            if (op == CMP_NE && ok >= 0) {
                ok = !ok;
            }
            break;
        case CMP_LT:
            if (len_self < len_other) {
                ok = all_contained_in(self, other);
            }
            break;
        case CMP_LE:
            if (len_self <= len_other) {
                ok = all_contained_in(self, other);
            }
            break;
        case CMP_GT:
            if (len_self > len_other) {
                ok = all_contained_in(other, self);
            }
            break;
        default:
            if (len_self >= len_other) {
                ok = all_contained_in(other, self);
            }
            break;
    }
    if (ok < 0) {
        return NULL;
    }
    return bool_from(ok != 0);
}

/* set(view), using the dict directly for the keys of an exact dict. */
static Object *view_to_set(Object *v) {
    if (is_keys_view(v) && !is_small_int(view_dict(v)) && view_dict(v)->type == &DictType) {
        return set_new(view_dict(v));
    }
    return set_new(v);
}

/* view & other (either side may be the view), CPython's _PyDictView_Intersect. */
static Object *view_intersect(Object *self, Object *other) {
    if (!is_set_view(self)) {
        Object *t = self;
        self = other;
        other = t;
    }
    ssize_t len_self = view_len(self);
    if (!is_small_int(other) && other->type == &SetType) {
        ssize_t len_other = obj_len(other);
        if (len_other < 0) {
            return NULL;
        }
        if (len_self <= len_other) {
            return set_intersection(other, self);
        }
    }
    if (is_set_view(other) && view_len(other) > len_self) {
        Object *t = self;
        self = other;
        other = t;
    }
    Object *result = set_new(NULL);
    if (result == NULL) {
        return NULL;
    }
    Object *it = obj_iter(other);
    if (it == NULL) {
        DECREF(result);
        return NULL;
    }
    Object *key;
    while ((key = obj_next(it)) != NULL) {
        int r = view_contains(self, key);
        if (r > 0) {
            r = set_add(result, key);
        }
        DECREF(key);
        if (r < 0) {
            DECREF(it);
            DECREF(result);
            return NULL;
        }
    }
    DECREF(it);
    if (err_occurred() != NULL) {
        DECREF(result);
        return NULL;
    }
    return result;
}

/* d1.items() ^ d2.items(), CPython's dictitems_xor. */
static Object *items_xor(Object *self, Object *other) {
    Object *d2 = view_dict(other);
    Object *temp = dict_copy(view_dict(self));
    if (temp == NULL) {
        return NULL;
    }
    Object *result = set_new(NULL);
    if (result == NULL) {
        DECREF(temp);
        return NULL;
    }
    size_t pos = 0;
    Object *key, *val2;
    intptr_t hash;
    while (dict_next_hash(d2, &pos, &key, &val2, &hash)) {
        INCREF(key);
        INCREF(val2);
        Object *val1;
        int r = dict_lookup_hash(temp, key, hash, &val1);
        int to_delete = 0;
        if (r > 0) {
            INCREF(val1);
            to_delete = obj_richcompare_bool(val1, val2, CMP_EQ);
            DECREF(val1);
            r = to_delete < 0 ? -1 : 0;
        }
        if (r >= 0) {
            if (to_delete) {
                r = dict_del(temp, key);
            } else {
                Object *pair = tuple_pack(2, key, val2);
                r = pair == NULL ? -1 : set_add(result, pair);
                XDECREF(pair);
            }
        }
        DECREF(key);
        DECREF(val2);
        if (r < 0) {
            DECREF(temp);
            DECREF(result);
            return NULL;
        }
    }
    Object *remaining = dict_view_new(temp, &DictItemsType);
    DECREF(temp);
    if (remaining == NULL || set_update(result, remaining) < 0) {
        XDECREF(remaining);
        DECREF(result);
        return NULL;
    }
    DECREF(remaining);
    return result;
}

/* view & | - ^ other: a new set. The view may be either operand. */
static Object *view_binary_op(Object *a, Object *b, BinaryOp op) {
    Object *result;
    switch (op) {
        case BINOP_AND:
            return view_intersect(a, b);
        case BINOP_OR:
            result = view_to_set(a);
            if (result != NULL && set_update(result, b) < 0) {
                CLEAR(result);
            }
            return result;
        case BINOP_SUB:
            result = view_to_set(a);
            if (result != NULL && set_difference_update(result, b) < 0) {
                CLEAR(result);
            }
            return result;
        case BINOP_XOR:
            if (is_items_view(a) && is_items_view(b)) {
                return items_xor(a, b);
            }
            result = view_to_set(a);
            if (result != NULL && set_symmetric_difference_update(result, b) < 0) {
                CLEAR(result);
            }
            return result;
        default:
            return NEWREF(NotImplemented);
    }
}

/* view.isdisjoint(other) */
static Object *view_isdisjoint(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (container_check_args("isdisjoint", nargs, 1, 1) < 0) {
        return NULL;
    }
    Object *other = args[0];
    if (other == self) {
        return bool_from(view_len(self) == 0);
    }
    if (set_check(other) || is_set_view(other)) {
        ssize_t len_other = obj_len(other);
        if (len_other < 0) {
            return NULL;
        }
        if (len_other > view_len(self)) {
            Object *t = other;
            other = self;
            self = t;
        }
    }
    Object *it = obj_iter(other);
    if (it == NULL) {
        return NULL;
    }
    Object *item;
    while ((item = obj_next(it)) != NULL) {
        int r = obj_contains(self, item);
        DECREF(item);
        if (r != 0) {
            DECREF(it);
            return r < 0 ? NULL : bool_from(false);
        }
    }
    DECREF(it);
    if (err_occurred() != NULL) {
        return NULL;
    }
    return bool_from(true);
}

static Object *view_reversed(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (container_check_args("__reversed__", nargs, 0, 0) < 0) {
        return NULL;
    }
    TypeObject *t = obj_type(self);
    TypeObject *it = t == &DictKeysType     ? &DictRevKeyIterType
                     : t == &DictValuesType ? &DictRevValueIterType
                                            : &DictRevItemIterType;
    return dict_iter_new(view_dict(self), it);
}

static Object *view_mapping_get(Object *self) {
    /* CPython returns a read-only mappingproxy; the dict itself is the closest we have. */
    return NEWREF(view_dict(self));
}

static const GetSetDef view_getsets[] = {
    {"mapping", view_mapping_get, NULL, "dictionary that this view refers to"},
    {NULL, NULL, NULL, NULL},
};

static const MethodDef setview_methods[] = {
    {"isdisjoint", view_isdisjoint, 0,
     "Return True if the view and the given iterable have a null intersection."},
    {"__reversed__", view_reversed, 0, "Return a reverse iterator over the dict keys."},
    {NULL, NULL, 0, NULL},
};

static const MethodDef values_methods[] = {
    {"__reversed__", view_reversed, 0, "Return a reverse iterator over the dict values."},
    {NULL, NULL, 0, NULL},
};

TypeObject DictKeysType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "dict_keys",
    .basic_size = sizeof(DictViewObject),
    .flags = TYPE_FLAG_GC,
    .dealloc = view_dealloc,
    .traverse = view_traverse,
    .repr = view_repr,
    .richcompare = view_richcompare,
    .binary_op = view_binary_op,
    .len = view_len,
    .contains = keys_contains,
    .new_instance = container_no_new,
    .iter = keys_iter,
    .methods = setview_methods,
    .getsets = view_getsets,
};

TypeObject DictItemsType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "dict_items",
    .basic_size = sizeof(DictViewObject),
    .flags = TYPE_FLAG_GC,
    .dealloc = view_dealloc,
    .traverse = view_traverse,
    .repr = view_repr,
    .richcompare = view_richcompare,
    .binary_op = view_binary_op,
    .len = view_len,
    .contains = items_contains,
    .new_instance = container_no_new,
    .iter = items_iter,
    .methods = setview_methods,
    .getsets = view_getsets,
};

TypeObject DictValuesType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "dict_values",
    .basic_size = sizeof(DictViewObject),
    .flags = TYPE_FLAG_GC,
    .dealloc = view_dealloc,
    .traverse = view_traverse,
    .repr = view_repr,
    .len = view_len,
    .new_instance = container_no_new,
    .iter = values_iter,
    .methods = values_methods,
    .getsets = view_getsets,
};
