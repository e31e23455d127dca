/* object.h: the object header, reference counting, tagged small ints, the type
 * object, and the abstract object protocol every part of gilpy talks through.
 *
 * READ THIS FIRST (the rule the whole project teaches):
 *   Reference counts are plain, non-atomic integers. Changing one is only safe
 *   while the calling thread holds the GIL. Every INCREF and DECREF in gilpy
 *   relies on that; debug builds assert it.
 *
 * A value is one machine word, `Object *`. Either
 *   - a pointer to a heap object (low bit 0), which starts with an ObjectHeader, or
 *   - a small int tagged in the low bit (low bit 1): the word is (i << 1) | 1.
 * So never dereference a value before checking `is_small_int(v)`; use
 * obj_type(v) instead of v->type.
 *
 * Ownership conventions (as in CPython): a function that returns `Object *`
 * returns a NEW reference unless its comment says "borrowed". Arguments are
 * borrowed unless the comment says "steals". Failure is NULL (or -1 for int
 * results) with an exception set in the thread state (see errors.h).
 */
#ifndef GILPY_OBJECT_H
#define GILPY_OBJECT_H

#include <assert.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* Marks a declaration that can fail (NULL or -1 with an exception set). */
#define MAY_RAISE

typedef struct TypeObject TypeObject;

typedef struct Object {
    intptr_t refcount;
    TypeObject *type;
} Object;

/* ---------------------------------------------------------------- tagged ints */

#define SMALL_INT_MAX (INTPTR_MAX >> 1)
#define SMALL_INT_MIN (INTPTR_MIN >> 1)

static inline bool is_small_int(const Object *v) { return ((uintptr_t)v & 1) != 0; }

static inline intptr_t small_int_value(const Object *v) {
    /* Arithmetic shift keeps the sign; C11 leaves >> of negatives
     * implementation-defined, and gcc/clang define it as arithmetic. */
    return (intptr_t)v >> 1;
}

static inline bool small_int_fits(intptr_t i) { return i >= SMALL_INT_MIN && i <= SMALL_INT_MAX; }

/* The caller must have checked small_int_fits(i). */
static inline Object *small_int_make(intptr_t i) {
    return (Object *)(((uintptr_t)i << 1) | 1);
}

extern TypeObject IntType;

static inline TypeObject *obj_type(const Object *v) {
    return is_small_int(v) ? &IntType : v->type;
}

/* ---------------------------------------------------------------- refcounts */

#ifdef GILPY_DEBUG
/* Debug builds check that a refcount is only touched by the GIL holder. The
 * hook is installed by the VM once threads exist (vm/gil.c); runtime/ itself
 * knows nothing about threads. */
extern bool (*obj_gil_check_hook)(void);
#define OBJ_ASSERT_GIL() assert(obj_gil_check_hook == NULL || obj_gil_check_hook())
#else
#define OBJ_ASSERT_GIL() ((void)0)
#endif

void obj_dealloc(Object *v); /* called when a refcount reaches zero */

static inline void INCREF(Object *v) {
    if (!is_small_int(v)) {
        OBJ_ASSERT_GIL();
        assert(v->refcount > 0);
        v->refcount++;
    }
}

static inline void DECREF(Object *v) {
    if (!is_small_int(v)) {
        OBJ_ASSERT_GIL();
        assert(v->refcount > 0);
        if (--v->refcount == 0) {
            obj_dealloc(v);
        }
    }
}

static inline void XINCREF(Object *v) {
    if (v != NULL) {
        INCREF(v);
    }
}

static inline void XDECREF(Object *v) {
    if (v != NULL) {
        DECREF(v);
    }
}

/* Replace *slot by NULL and drop the old reference (safe against re-entry). */
#define CLEAR(slot)                                                                                \
    do {                                                                                           \
        Object *clear_tmp_ = (Object *)(slot);                                                     \
        if (clear_tmp_ != NULL) {                                                                  \
            (slot) = NULL;                                                                         \
            DECREF(clear_tmp_);                                                                    \
        }                                                                                          \
    } while (0)

/* Return a new reference to v. */
static inline Object *NEWREF(Object *v) {
    INCREF(v);
    return v;
}

/* Static (immortal-ish) objects start with a huge refcount so they never die. */
#define STATIC_REFCOUNT ((intptr_t)1 << 40)
#define OBJECT_HEADER_INIT(type_ptr) {STATIC_REFCOUNT, (type_ptr)}

/* ---------------------------------------------------------------- operators */

/* Binary operators, in one enum shared by the compiler, the VM and the types.
 * The order is fixed: the opcode operand of BINARY_OP / INPLACE_OP is this value. */
#define BINARY_OP_LIST(X)                                                                          \
    X(BINOP_ADD, "+", "__add__", "__radd__", "__iadd__")                                           \
    X(BINOP_SUB, "-", "__sub__", "__rsub__", "__isub__")                                           \
    X(BINOP_MUL, "*", "__mul__", "__rmul__", "__imul__")                                           \
    X(BINOP_MATMUL, "@", "__matmul__", "__rmatmul__", "__imatmul__")                               \
    X(BINOP_TRUEDIV, "/", "__truediv__", "__rtruediv__", "__itruediv__")                           \
    X(BINOP_FLOORDIV, "//", "__floordiv__", "__rfloordiv__", "__ifloordiv__")                      \
    X(BINOP_MOD, "%", "__mod__", "__rmod__", "__imod__")                                           \
    X(BINOP_POW, "**", "__pow__", "__rpow__", "__ipow__")                                          \
    X(BINOP_LSHIFT, "<<", "__lshift__", "__rlshift__", "__ilshift__")                              \
    X(BINOP_RSHIFT, ">>", "__rshift__", "__rrshift__", "__irshift__")                              \
    X(BINOP_AND, "&", "__and__", "__rand__", "__iand__")                                           \
    X(BINOP_OR, "|", "__or__", "__ror__", "__ior__")                                               \
    X(BINOP_XOR, "^", "__xor__", "__rxor__", "__ixor__")

typedef enum {
#define X(name, sym, dunder, rdunder, idunder) name,
    BINARY_OP_LIST(X)
#undef X
        BINOP_COUNT
} BinaryOp;

extern const char *const binary_op_symbol[BINOP_COUNT]; /* "+", "-", ... */

typedef enum { CMP_LT, CMP_LE, CMP_EQ, CMP_NE, CMP_GT, CMP_GE, CMP_COUNT } CompareOp;
extern const char *const compare_op_symbol[CMP_COUNT]; /* "<", "<=", ... */

typedef enum { UNARY_NEG, UNARY_POS, UNARY_INVERT, UNARY_ABS } UnaryOp;

/* ---------------------------------------------------------------- type object */

/* Calling convention for everything callable ("vectorcall"): positional args
 * come first in args[0..nargs), then the values of keyword arguments, whose
 * names are the tuple kwnames (NULL when there are none). Borrowed arguments,
 * new-reference result. */
typedef Object *(*CallFunc)(Object *callable, Object *const *args, size_t nargs,
                            Object *kwnames);

/* A native method: like CallFunc, but with the receiver separate. */
typedef Object *(*NativeFunc)(Object *self, Object *const *args, size_t nargs, Object *kwnames);

typedef struct MethodDef {
    const char *name;
    NativeFunc func;
    int flags; /* METHOD_STATIC / METHOD_CLASS */
    const char *doc;
} MethodDef;

#define METHOD_STATIC 1 /* no self: func gets self == NULL */
#define METHOD_CLASS 2  /* func gets the type as self */

/* A computed attribute of a native type (like CPython's getset). */
typedef struct GetSetDef {
    const char *name;
    Object *(*get)(Object *self);
    int (*set)(Object *self, Object *value); /* NULL: read-only; value NULL: delete */
    const char *doc;
} GetSetDef;

typedef int (*VisitFunc)(Object *child, void *arg);

enum {
    TYPE_FLAG_BASETYPE = 1 << 0, /* can be subclassed */
    TYPE_FLAG_HEAPTYPE = 1 << 1, /* created by a class statement; refcounted */
    TYPE_FLAG_GC = 1 << 2,       /* instances carry a GCHeader (containers) */
    TYPE_FLAG_READY = 1 << 3,    /* type_ready has run */
    TYPE_FLAG_EXCEPTION = 1 << 4 /* a subclass of BaseException */
};

/* A type. Slots left NULL fall back to generic behaviour (see object.c).
 * Native types are static TypeObjects ending each type file. */
struct TypeObject {
    Object base;
    const char *name;  /* "int", "list", ... (for heap types: points into name_obj) */
    size_t basic_size; /* sizeof the instance struct (variable part excluded) */
    unsigned flags;
    TypeObject *base_type; /* the first base; NULL only for `object` */

    void (*dealloc)(Object *self); /* free owned refs and the memory (obj_free) */
    int (*traverse)(Object *self, VisitFunc visit, void *arg); /* GC types */
    int (*clear)(Object *self); /* GC types: drop references to break a cycle */

    Object *(*repr)(Object *self);
    Object *(*str)(Object *self); /* NULL: use repr */
    intptr_t (*hash)(Object *self); /* -1 on error; NULL: unhashable unless it is `object` */
    /* Return NotImplemented (new ref) when the pair is not supported. */
    Object *(*richcompare)(Object *a, Object *b, CompareOp op);
    int (*truth)(Object *self); /* 0/1, -1 on error; NULL: len, else true */

    /* Numbers. binary_op is called with either a or b of this type and returns
     * NotImplemented when it does not support the pair; obj_binary_op handles
     * the reflected call. inplace_op may be NULL (falls back to binary_op). */
    Object *(*binary_op)(Object *a, Object *b, BinaryOp op);
    Object *(*inplace_op)(Object *a, Object *b, BinaryOp op);
    Object *(*unary_op)(Object *a, UnaryOp op); /* NULL result+no error: unsupported */
    Object *(*ternary_pow)(Object *base, Object *exp, Object *mod); /* pow(a, b, m) */
    Object *(*index)(Object *self); /* __index__: return an int */
    Object *(*to_int)(Object *self);   /* __int__ */
    Object *(*to_float)(Object *self); /* __float__ */

    /* Containers. setitem with value == NULL deletes. */
    ssize_t (*len)(Object *self);
    Object *(*getitem)(Object *self, Object *key);
    int (*setitem)(Object *self, Object *key, Object *value);
    int (*contains)(Object *self, Object *item); /* NULL: iterate */

    Object *(*iter)(Object *self);
    /* Next item, or NULL when exhausted WITHOUT an exception (no StopIteration
     * object is created on the fast path), or NULL with an exception set. */
    Object *(*iternext)(Object *self);

    /* Attributes. NULL: generic lookup (type dict, instance dict). */
    Object *(*getattr)(Object *self, Object *name);
    int (*setattr)(Object *self, Object *name, Object *value); /* value NULL: delete */
    /* Descriptor protocol: get binds (e.g. function -> bound method). */
    Object *(*descr_get)(Object *descr, Object *instance, TypeObject *owner);
    int (*descr_set)(Object *descr, Object *instance, Object *value);

    CallFunc call; /* calling an instance */
    /* Calling the type itself: construct an instance. */
    Object *(*new_instance)(TypeObject *type, Object *const *args, size_t nargs, Object *kwnames);
    Object *(*format)(Object *self, Object *spec); /* __format__; NULL: str() if spec empty */
    /* __init__: (re)initialise an instance made by new_instance (classes call
     * it after construction; list/dict/set use it to fill a fresh subclass
     * instance). NULL: object's, which accepts no arguments. */
    int (*init)(Object *self, Object *const *args, size_t nargs, Object *kwnames);

    const MethodDef *methods; /* NULL-name terminated */
    const GetSetDef *getsets; /* NULL-name terminated */
    const char *doc;

    /* Filled by type_ready(): */
    Object *dict;        /* attribute dict: methods, getsets, class attributes */
    Object *mro;         /* tuple of types, self first */
    Object *bases;       /* tuple of direct bases */
    Object *name_obj;    /* str: __name__ */
    Object *qualname;    /* str: __qualname__ */
    Object *module_name; /* str or NULL ("builtins") */
    size_t dict_offset;  /* offset of the instance __dict__ slot; 0: none */
    uint32_t version;    /* bumped when the type or a base changes (attribute caches) */
    Object *subclasses;  /* list of direct subclasses (strong references), or NULL */
};

/* ---------------------------------------------------------------- allocation */

/* The garbage collector's header, placed before objects of TYPE_FLAG_GC types.
 * The cycle collector (runtime/gc.c) walks the list of tracked containers. */
typedef struct GCHeader {
    struct GCHeader *next;
    struct GCHeader *prev;
    intptr_t gc_refs;
    uintptr_t gc_flags; /* GC_FLAG_* */
} GCHeader;

enum { GC_FLAG_FINALIZED = 1 }; /* __del__ already ran (it runs at most once) */

/* Report an exception nobody can catch (raised by __del__, say), as CPython's
 * "Exception ignored in: <obj>" message; the VM installs the printer. The
 * hook takes the pending exception. Runtime code never prints itself. */
extern void (*obj_unraisable_hook)(Object *obj);
void obj_report_unraisable(Object *obj);

/* Allocate `size` bytes for an object of `type` (size >= type->basic_size for
 * variable-size objects), zeroed, refcount 1. For GC types the object is also
 * tracked. New reference; NULL with MemoryError on failure. */
MAY_RAISE Object *obj_alloc(TypeObject *type, size_t size);

/* Free memory obtained from obj_alloc (untracks GC objects). Does not touch refs. */
void obj_free(Object *v);

/* Heap types' instances hold a reference to their type; obj_free drops it. */

/* Containers are tracked by the cycle collector from obj_alloc until
 * obj_free. A type that keeps dead objects on a freelist must untrack them
 * there (and track them again on reuse): the collector must never see them. */
void gc_track(Object *v);
void gc_untrack(Object *v);

/* ---------------------------------------------------------------- singletons */

extern TypeObject ObjectType, TypeType, NoneType, NotImplementedType, EllipsisType, BoolType;
extern Object NoneObject, NotImplementedObject, EllipsisObject;
#define None (&NoneObject)
#define NotImplemented (&NotImplementedObject)
#define Ellipsis (&EllipsisObject)

static inline Object *none_ref(void) {
    INCREF(None);
    return None;
}

/* ---------------------------------------------------------------- type checks */

/* True when type t is `base` or a subclass of it (walks the MRO or base chain). */
bool type_is_subtype(const TypeObject *t, const TypeObject *base);

static inline bool obj_is_instance_of(const Object *v, const TypeObject *t) {
    TypeObject *vt = obj_type(v);
    return vt == t || type_is_subtype(vt, t);
}

/* Prepare a type: fill dict from methods/getsets, mro, bases, name_obj.
 * Every static type is readied once at startup (runtime_init). */
MAY_RAISE int type_ready(TypeObject *type);

/* ---------------------------------------------------------------- protocol */

/* The abstract object protocol (object.c). Each returns a new reference
 * (or an int), NULL/-1 with an exception on failure. They apply Python's
 * rules: reflected operands, NotImplemented, CPython's error messages. */
MAY_RAISE Object *obj_repr(Object *v);
MAY_RAISE Object *obj_str(Object *v);
MAY_RAISE Object *obj_ascii(Object *v);
MAY_RAISE intptr_t obj_hash(Object *v); /* -1 on error (a real hash of -1 is -2) */
MAY_RAISE Object *obj_richcompare(Object *a, Object *b, CompareOp op);
MAY_RAISE int obj_richcompare_bool(Object *a, Object *b, CompareOp op); /* identity => EQ true */
MAY_RAISE int obj_is_true(Object *v);
MAY_RAISE Object *obj_binary_op(Object *a, Object *b, BinaryOp op);
MAY_RAISE Object *obj_inplace_op(Object *a, Object *b, BinaryOp op);
MAY_RAISE Object *obj_unary_op(Object *a, UnaryOp op);
MAY_RAISE Object *obj_pow3(Object *base, Object *exp, Object *mod); /* mod may be None */
MAY_RAISE Object *obj_index(Object *v);                             /* __index__ -> int */
MAY_RAISE ssize_t obj_as_ssize(Object *v); /* via __index__; OverflowError if too big */
MAY_RAISE ssize_t obj_len(Object *v);
MAY_RAISE Object *obj_getitem(Object *v, Object *key);
MAY_RAISE int obj_setitem(Object *v, Object *key, Object *value);
MAY_RAISE int obj_delitem(Object *v, Object *key);
MAY_RAISE int obj_contains(Object *container, Object *item); /* `item in container` */
MAY_RAISE Object *obj_iter(Object *v);
/* Next item; NULL and no exception when exhausted (StopIteration is cleared). */
MAY_RAISE Object *obj_next(Object *iter);
MAY_RAISE Object *obj_getattr(Object *v, Object *name); /* name: str */
MAY_RAISE Object *obj_getattr_cstr(Object *v, const char *name);
/* Like obj_getattr, but a missing attribute gives *out = NULL, returns 0, no error. */
MAY_RAISE int obj_lookup_attr(Object *v, Object *name, Object **out);
MAY_RAISE int obj_setattr(Object *v, Object *name, Object *value); /* value NULL: delete */
MAY_RAISE Object *obj_call(Object *callable, Object *const *args, size_t nargs, Object *kwnames);
MAY_RAISE Object *obj_call0(Object *callable);
MAY_RAISE Object *obj_call1(Object *callable, Object *arg);
MAY_RAISE Object *obj_call_method(Object *self, const char *name, Object *const *args,
                                  size_t nargs); /* self.name(*args) */
MAY_RAISE Object *obj_format(Object *v, Object *spec); /* format(v, spec) */
bool obj_is_callable(Object *v);

/* Generic attribute lookup: data descriptors on the type, the instance dict,
 * then other type attributes (binding them with descr_get). */
MAY_RAISE Object *obj_generic_getattr(Object *v, Object *name);
MAY_RAISE int obj_generic_setattr(Object *v, Object *name, Object *value);

/* Look `name` up along type's MRO. Borrowed; NULL if absent (never raises). */
Object *type_lookup(TypeObject *type, Object *name);

/* object.__init__ (the default init slot): accepts no extra arguments. */
MAY_RAISE int obj_init_default(Object *self, Object *const *args, size_t nargs, Object *kwnames);

/* Default repr: "<TYPENAME object at 0x...>". */
MAY_RAISE Object *obj_default_repr(Object *v);

/* A type's name for error messages ('int', 'MyClass'). */
static inline const char *type_name(const TypeObject *t) { return t->name; }
static inline const char *obj_type_name(const Object *v) { return obj_type(v)->name; }

#endif /* GILPY_OBJECT_H */
