/* slots.h: special methods <-> type slots (see slots.c). */
#ifndef GILPY_SLOTS_H
#define GILPY_SLOTS_H

#include "object.h"

typedef enum SlotWrapperKind {
    SW_REPR, SW_STR, SW_HASH, SW_RICHCOMPARE, SW_BOOL,
    SW_BINARY, SW_BINARY_REFLECTED, SW_INPLACE, SW_UNARY,
    SW_INDEX, SW_INT, SW_FLOAT,
    SW_LEN, SW_GETITEM, SW_SETITEM, SW_DELITEM, SW_CONTAINS, SW_ITER, SW_NEXT,
    SW_GETATTRIBUTE, SW_GETATTR_HOOK, SW_SETATTR, SW_DELATTR,
    SW_DESCR_GET, SW_DESCR_SET, SW_DESCR_DELETE,
    SW_CALL, SW_FORMAT, SW_INIT, SW_NEW,
} SlotWrapperKind;

/* One special method: its name, the TypeObject slot it maps to (offset),
 * how to call that slot, and the operator for shared slots. */
typedef struct SlotDef {
    const char *name;
    size_t offset;
    SlotWrapperKind kind;
    int op;
} SlotDef;

extern const SlotDef slot_defs[]; /* NULL-name terminated */
extern TypeObject SlotWrapperType; /* "wrapper_descriptor" */

/* Put wrappers for the slots a native type defines into its dict (type_ready). */
MAY_RAISE int slot_add_wrappers(TypeObject *t);
/* Point a class's slots at the special methods found along its MRO. */
MAY_RAISE int slot_fixup_heap_type(TypeObject *t);
/* True if v wraps a native slot; gives its owner type and definition. */
bool slot_is_native_wrapper(Object *v, TypeObject **owner, const SlotDef **def);
/* Look the special method `name` up on type(self) and call it. *found tells
 * whether it existed (NULL, no error, found == false when absent). */
/* The interned str (borrowed) for a string constant naming a special method, or NULL
 * with MemoryError. Memoised by the constant's address: pass string literals only. */
MAY_RAISE Object *slot_name(const char *name);
MAY_RAISE Object *slot_call_special(Object *self, const char *name, Object *const *args,
                                    size_t nargs, bool *found);
/* Build an instance of cls using the constructor of its native base `native`. */
MAY_RAISE Object *slot_native_new(TypeObject *native, TypeObject *cls, Object *const *args,
                                  size_t nargs, Object *kwnames);

#endif /* GILPY_SLOTS_H */
