/* super.c: zero-argument super(). Inside a method, `super()` means
 * super(__class__, <first argument>): the class comes from the __class__
 * cell the compiler creates for methods that mention super, the instance
 * from the calling frame's first local. The runtime asks through a hook. */
#include "class.h"
#include "errors.h"
#include "exceptions.h"
#include "frame.h"
#include "str.h"
#include "tuple.h"
#include "vm.h"

static int super_zero_arg(Object **type_out, Object **obj_out) {
    Frame *f = ts_current()->frame;
    if (f == NULL) {
        err_format(&ExcRuntimeError, "super(): no current frame");
        return -1;
    }
    CodeObject *code = f->code;
    if (code->argcount == 0 && !(code->flags & CODE_FLAG_VARARGS)) {
        err_format(&ExcRuntimeError, "super(): no arguments");
        return -1;
    }
    Object *first = f->localsplus[0];
    size_t ncells = tuple_size(code->cellvars);
    /* A captured first argument lives in its cell. */
    for (size_t i = 0; first == NULL && code->cell2arg != NULL && i < ncells; i++) {
        if (code->cell2arg[i] == 0) {
            first = ((CellObject *)f->localsplus[code->nlocals + i])->ref;
        }
    }
    if (first != NULL && code->cell2arg != NULL) {
        for (size_t i = 0; i < ncells; i++) {
            Object *slot = f->localsplus[code->nlocals + i];
            if (code->cell2arg[i] == 0 && slot != NULL && obj_type(slot) == &CellType) {
                first = ((CellObject *)slot)->ref;
            }
        }
    }
    if (first == NULL) {
        err_format(&ExcRuntimeError, "super(): arg[0] deleted");
        return -1;
    }
    size_t nfree = tuple_size(code->freevars);
    for (size_t i = 0; i < nfree; i++) {
        if (str_equal_cstr(tuple_get(code->freevars, i), "__class__")) {
            Object *cell = f->localsplus[code->nlocals + ncells + i];
            Object *cls = cell != NULL ? ((CellObject *)cell)->ref : NULL;
            if (cls == NULL) {
                err_format(&ExcRuntimeError, "super(): empty __class__ cell");
                return -1;
            }
            if (is_small_int(cls) || !obj_is_instance_of(cls, &TypeType)) {
                err_format(&ExcRuntimeError, "super(): __class__ is not a type (%s)",
                           obj_type_name(cls));
                return -1;
            }
            *type_out = NEWREF(cls);
            *obj_out = NEWREF(first);
            return 0;
        }
    }
    err_format(&ExcRuntimeError, "super(): __class__ cell not found");
    return -1;
}

/* Installs the class machinery's hooks into the VM (called once by vm_create):
 * zero-argument super(), and the caller's globals that type(name, bases, dict)
 * takes __module__ from. */
void vm_super_init(void) {
    super_zero_arg_hook = super_zero_arg;
    class_caller_globals = vm_current_globals;
}
