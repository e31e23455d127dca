/* runtime.c: start the object model: ready every static type (so their
 * attribute dicts and MROs exist) and create the preallocated MemoryError. */
#include "runtime.h"

#include "bytes.h"
#include "class.h"
#include "code.h"
#include "slots.h"
#include "dict.h"
#include "errors.h"
#include "exceptions.h"
#include "float.h"
#include "function.h"
#include "int.h"
#include "iter.h"
#include "list.h"
#include "module.h"
#include "range.h"
#include "set.h"
#include "state.h"
#include "str.h"
#include "tuple.h"


/* Every static type of runtime/ (exceptions are readied from their own list).
 * Owners of a new runtime type add one line here. */
#define RUNTIME_TYPES(X)                                                                           \
    X(ObjectType)                                                                                  \
    X(TypeType)                                                                                    \
    X(NoneType)                                                                                    \
    X(NotImplementedType)                                                                          \
    X(EllipsisType)                                                                                \
    X(IntType)                                                                                     \
    X(BoolType)                                                                                    \
    X(FloatType)                                                                                   \
    X(StrType)                                                                                     \
    X(BytesType)                                                                                   \
    X(StrIterType)                                                                                 \
    X(StrAsciiIterType)                                                                            \
    X(BytesIterType)                                                                               \
    X(ListType)                                                                                    \
    X(TupleType)                                                                                   \
    X(DictType)                                                                                    \
    X(SetType)                                                                                     \
    X(FrozenSetType)                                                                               \
    X(RangeType)                                                                                   \
    X(SliceType)                                                                                   \
    X(SeqIterType)                                                                                 \
    X(CallableIterType)                                                                            \
    X(ListIterType)                                                                                \
    X(ListRevIterType)                                                                             \
    X(TupleIterType)                                                                               \
    X(DictKeysType)                                                                                \
    X(DictValuesType)                                                                              \
    X(DictItemsType)                                                                               \
    X(DictKeyIterType)                                                                             \
    X(DictValueIterType)                                                                           \
    X(DictItemIterType)                                                                            \
    X(DictRevKeyIterType)                                                                          \
    X(DictRevValueIterType)                                                                        \
    X(DictRevItemIterType)                                                                         \
    X(SetIterType)                                                                                 \
    X(RangeIterType)                                                                               \
    X(LongRangeIterType)                                                                           \
    X(GenericAliasType)                                                                            \
    X(CodeType)                                                                                    \
    X(FunctionType)                                                                                \
    X(CellType)                                                                                    \
    X(MethodType)                                                                                  \
    X(NativeFunctionType)                                                                          \
    X(MethodDescrType)                                                                             \
    X(GetSetDescrType)                                                                             \
    X(ModuleType)                                                                                  \
    X(SlotWrapperType)                                                                             \
    X(StaticMethodType)                                                                            \
    X(ClassMethodType)                                                                             \
    X(PropertyType)                                                                                \
    X(SuperType)

int runtime_init(void) {
    /* Errors raised while starting up need a thread state; the VM installs
     * the real one before or after this call. */
    static ThreadState bootstrap;
    bool borrowed_bootstrap = false;
    if (ts_current() == NULL) {
        ts_set_current(&bootstrap);
        borrowed_bootstrap = true;
    }
    int status = 0;
#define X(type)                                                                                    \
    if (status == 0 && type_ready(&type) < 0) {                                                    \
        status = -1;                                                                               \
    }
    RUNTIME_TYPES(X)
#undef X
#define X(cname, pyname, base)                                                                     \
    if (status == 0 && type_ready(&Exc##cname) < 0) {                                              \
        status = -1;                                                                               \
    }
    EXCEPTION_LIST(X)
#undef X
    if (status == 0) {
        err_init_memory_error();
    }
    if (borrowed_bootstrap) {
        if (status < 0) {
            fatal_error("runtime_init failed");
        }
        ts_set_current(NULL);
    }
    return status;
}

