/* module.h: module objects (a name and a namespace dict). */
#ifndef GILPY_MODULE_H
#define GILPY_MODULE_H

#include "object.h"

typedef struct ModuleObject {
    Object base;
    Object *dict; /* the namespace: __name__, __doc__, globals */
} ModuleObject;

extern TypeObject ModuleType;

static inline bool module_check(const Object *v) { return !is_small_int(v) && v->type == &ModuleType; }
static inline Object *module_dict(Object *m) { return ((ModuleObject *)m)->dict; }

/* A native module: `init` creates and fills the module object. Modules
 * register themselves in one table (stdlib/modules.c) that main() hands to
 * the VM, so the VM knows no particular module. */
typedef struct NativeModuleDef {
    const char *name;
    Object *(*init)(void);
} NativeModuleDef;

MAY_RAISE Object *module_new(const char *name);
/* Add native functions from a NULL-name-terminated table. */
MAY_RAISE int module_add_functions(Object *module, const MethodDef *defs);
MAY_RAISE int module_add_object(Object *module, const char *name, Object *value); /* borrows */
MAY_RAISE int module_add_int(Object *module, const char *name, int64_t value);

#endif /* GILPY_MODULE_H */
