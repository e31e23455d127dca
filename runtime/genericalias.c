/* genericalias.c: types.GenericAlias, the value of `list[int]`,
 * `dict[str, list[int]]` and friends in type hints. It remembers the origin
 * class and the arguments, prints like the subscription that made it, and
 * calling it calls the origin. Other attributes come from the origin. */
#include "genericalias.h"

#include "containers.h"
#include "errors.h"
#include "exceptions.h"
#include "str.h"
#include "tuple.h"

typedef struct GenericAliasObject {
    Object base;
    Object *origin; /* the class being parameterised */
    Object *args;   /* tuple */
} GenericAliasObject;

/* See genericalias.h. */
Object *generic_alias_new(Object *origin, Object *args) {
    Object *tuple = tuple_check(args) ? NEWREF(args) : tuple_pack(1, args);
    if (tuple == NULL) {
        return NULL;
    }
    GenericAliasObject *ga =
        (GenericAliasObject *)obj_alloc(&GenericAliasType, sizeof(GenericAliasObject));
    if (ga == NULL) {
        DECREF(tuple);
        return NULL;
    }
    ga->origin = NEWREF(origin);
    ga->args = tuple;
    return (Object *)ga;
}

Object *generic_alias_class_getitem(Object *cls, Object *const *args, size_t nargs,
                                    Object *kwnames) {
    if (container_no_keywords("__class_getitem__", kwnames) < 0 ||
        container_check_args("__class_getitem__", nargs, 1, 1) < 0) {
        return NULL;
    }
    return generic_alias_new(cls, args[0]);
}

static void ga_dealloc(Object *self) {
    GenericAliasObject *ga = (GenericAliasObject *)self;
    DECREF(ga->origin);
    DECREF(ga->args);
    obj_free(self);
}

static int ga_traverse(Object *self, VisitFunc visit, void *arg) {
    GenericAliasObject *ga = (GenericAliasObject *)self;
    int r = visit(ga->origin, arg);
    return r != 0 ? r : visit(ga->args, arg);
}

/* One item of the repr, as CPython's ga_repr_item: "..." for Ellipsis,
 * "qualname" for builtins classes, "module.qualname" for other classes,
 * repr() for anything else (including nested aliases). */
static int ga_append_item(StrBuilder *sb, Object *p) {
    if (p == Ellipsis) {
        sb_append_cstr(sb, "...");
        return 0;
    }
    if (!is_small_int(p) && p->type != &GenericAliasType && obj_is_instance_of(p, &TypeType)) {
        TypeObject *t = (TypeObject *)p;
        if (t->module_name == NULL || str_equal_cstr(t->module_name, "builtins")) {
            sb_append_str(sb, t->qualname != NULL ? t->qualname : t->name_obj);
        } else {
            sb_append_str(sb, t->module_name);
            sb_append_char(sb, '.');
            sb_append_str(sb, t->qualname);
        }
        return 0;
    }
    return sb_append_repr(sb, p);
}

/* "list[int]", "dict[str, list[int]]", "tuple[()]". */
static Object *ga_repr(Object *self) {
    GenericAliasObject *ga = (GenericAliasObject *)self;
    StrBuilder sb;
    sb_init(&sb);
    if (ga_append_item(&sb, ga->origin) < 0) {
        sb_discard(&sb);
        return NULL;
    }
    sb_append_char(&sb, '[');
    size_t n = tuple_size(ga->args);
    if (n == 0) {
        sb_append_cstr(&sb, "()");
    }
    for (size_t i = 0; i < n; i++) {
        if (i > 0) {
            sb_append(&sb, ", ", 2);
        }
        if (ga_append_item(&sb, tuple_get(ga->args, i)) < 0) {
            sb_discard(&sb);
            return NULL;
        }
    }
    sb_append_char(&sb, ']');
    return sb_finish(&sb);
}

/* Aliases are equal when origin and arguments are. */
static Object *ga_richcompare(Object *a, Object *b, CompareOp op) {
    if ((op != CMP_EQ && op != CMP_NE) || is_small_int(b) || b->type != &GenericAliasType) {
        return NEWREF(NotImplemented);
    }
    GenericAliasObject *x = (GenericAliasObject *)a, *y = (GenericAliasObject *)b;
    int eq = obj_richcompare_bool(x->origin, y->origin, CMP_EQ);
    if (eq > 0) {
        eq = obj_richcompare_bool(x->args, y->args, CMP_EQ);
    }
    if (eq < 0) {
        return NULL;
    }
    return bool_from(op == CMP_EQ ? eq : !eq);
}

static intptr_t ga_hash(Object *self) {
    GenericAliasObject *ga = (GenericAliasObject *)self;
    intptr_t h0 = obj_hash(ga->origin);
    if (h0 == -1) {
        return -1;
    }
    intptr_t h1 = obj_hash(ga->args);
    if (h1 == -1) {
        return -1;
    }
    intptr_t h = h0 ^ h1;
    return h == -1 ? -2 : h;
}

/* list[int](...) is list(...). */
static Object *ga_call(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return obj_call(((GenericAliasObject *)self)->origin, args, nargs, kwnames);
}

/* Own attributes first, then the origin's (list[int].__name__ is 'list'). */
static Object *ga_getattr(Object *self, Object *name) {
    Object *r = obj_generic_getattr(self, name);
    if (r != NULL || !err_matches(&ExcAttributeError)) {
        return r;
    }
    err_clear();
    return obj_getattr(((GenericAliasObject *)self)->origin, name);
}

static Object *ga_get_origin(Object *self) {
    return NEWREF(((GenericAliasObject *)self)->origin);
}
static Object *ga_get_args(Object *self) {
    return NEWREF(((GenericAliasObject *)self)->args);
}
static Object *ga_get_parameters(Object *self) {
    return tuple_new(0);
}

static const GetSetDef ga_getsets[] = {
    {"__origin__", ga_get_origin, NULL, NULL},
    {"__args__", ga_get_args, NULL, NULL},
    {"__parameters__", ga_get_parameters, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static Object *ga_new_instance(TypeObject *type, Object *const *args, size_t nargs,
                               Object *kwnames) {
    if (container_no_keywords("GenericAlias", kwnames) < 0 ||
        container_check_args("GenericAlias", nargs, 2, 2) < 0) {
        return NULL;
    }
    return generic_alias_new(args[0], args[1]);
}

TypeObject GenericAliasType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "GenericAlias",
    .basic_size = sizeof(GenericAliasObject),
    .flags = TYPE_FLAG_GC,
    .dealloc = ga_dealloc,
    .traverse = ga_traverse,
    .repr = ga_repr,
    .hash = ga_hash,
    .richcompare = ga_richcompare,
    .call = ga_call,
    .getattr = ga_getattr,
    .new_instance = ga_new_instance,
    .getsets = ga_getsets,
    .doc = "Represent a PEP 585 generic type",
};
