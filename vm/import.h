/* import.h: the import system: native modules from the module table, then
 * `.py` modules and packages found on sys.path, cached in sys.modules. */
#ifndef GILPY_IMPORT_H
#define GILPY_IMPORT_H

#include "object.h"

/* IMPORT_NAME: import `name` (str) at relative `level` from the module whose
 * globals are `globals` (borrowed, may be NULL). With an empty/None fromlist
 * returns the top-level package (`import a.b` binds `a`), else the named
 * module itself. New reference or NULL with ImportError/ModuleNotFoundError. */
MAY_RAISE Object *import_name(Object *name, Object *globals, Object *fromlist, int level);

/* IMPORT_FROM: getattr(module, name), falling back to the submodule
 * "module.name" in sys.modules; ImportError "cannot import name ..." if
 * neither exists. New reference. */
MAY_RAISE Object *import_from(Object *module, Object *name);

/* IMPORT_STAR: copy module.__all__ (or every name not starting with '_')
 * into `locals` (a dict or mapping). 0 or -1. */
MAY_RAISE int import_star(Object *module, Object *locals);

/* Build sys.path: the script's directory (or "" for -c), GILPYPATH entries,
 * then the standard library directories. 0 or -1. */
MAY_RAISE int import_init_path(Object *script_dir);

#endif /* GILPY_IMPORT_H */
