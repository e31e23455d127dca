/* code.c: code objects (code.h). The compiler fills them; the VM runs them. */
#include "code.h"

#include "memory.h"
#include "str.h"

CodeObject *code_new(void) { return (CodeObject *)obj_alloc(&CodeType, sizeof(CodeObject)); }

int code_line_of(const CodeObject *code, size_t index) {
    if (code->positions == NULL || index >= code->ncode) {
        return 0;
    }
    return code->positions[index].line;
}

static void code_dealloc(Object *self) {
    CodeObject *c = (CodeObject *)self;
    mem_free(c->code);
    mem_free(c->positions);
    mem_free(c->exception_table);
    mem_free(c->cell2arg);
    XDECREF(c->consts);
    XDECREF(c->names);
    XDECREF(c->varnames);
    XDECREF(c->cellvars);
    XDECREF(c->freevars);
    XDECREF(c->name);
    XDECREF(c->qualname);
    XDECREF(c->filename);
    XDECREF(c->docstring);
    if (c->vm_cache != NULL && c->vm_cache_free != NULL) {
        c->vm_cache_free(c->vm_cache);
    }
    obj_free(self);
}

static Object *code_repr(Object *self) {
    CodeObject *c = (CodeObject *)self;
    return str_from_format("<code object %S at %p, file \"%S\", line %d>", c->name, (void *)c,
                           c->filename, c->firstlineno);
}

#define CODE(self) ((CodeObject *)(self))
static Object *code_get_name(Object *self) { return NEWREF(CODE(self)->name); }
static Object *code_get_qualname(Object *self) { return NEWREF(CODE(self)->qualname); }
static Object *code_get_filename(Object *self) { return NEWREF(CODE(self)->filename); }
static Object *code_get_consts(Object *self) { return NEWREF(CODE(self)->consts); }
static Object *code_get_names(Object *self) { return NEWREF(CODE(self)->names); }
static Object *code_get_varnames(Object *self) { return NEWREF(CODE(self)->varnames); }
static Object *code_get_cellvars(Object *self) { return NEWREF(CODE(self)->cellvars); }
static Object *code_get_freevars(Object *self) { return NEWREF(CODE(self)->freevars); }
static Object *code_get_firstlineno(Object *self) { return small_int_make(CODE(self)->firstlineno); }
static Object *code_get_argcount(Object *self) { return small_int_make(CODE(self)->argcount); }
static Object *code_get_flags(Object *self) { return small_int_make(CODE(self)->flags); }
static Object *code_get_nlocals(Object *self) { return small_int_make(CODE(self)->nlocals); }
static Object *code_get_kwonlyargcount(Object *self) {
    return small_int_make(CODE(self)->kwonlyargcount);
}
static Object *code_get_posonlyargcount(Object *self) {
    return small_int_make(CODE(self)->posonlyargcount);
}

static const GetSetDef code_getsets[] = {
    {"co_name", code_get_name, NULL, NULL},
    {"co_qualname", code_get_qualname, NULL, NULL},
    {"co_filename", code_get_filename, NULL, NULL},
    {"co_consts", code_get_consts, NULL, NULL},
    {"co_names", code_get_names, NULL, NULL},
    {"co_varnames", code_get_varnames, NULL, NULL},
    {"co_cellvars", code_get_cellvars, NULL, NULL},
    {"co_freevars", code_get_freevars, NULL, NULL},
    {"co_firstlineno", code_get_firstlineno, NULL, NULL},
    {"co_argcount", code_get_argcount, NULL, NULL},
    {"co_posonlyargcount", code_get_posonlyargcount, NULL, NULL},
    {"co_kwonlyargcount", code_get_kwonlyargcount, NULL, NULL},
    {"co_flags", code_get_flags, NULL, NULL},
    {"co_nlocals", code_get_nlocals, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

TypeObject CodeType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "code",
    .basic_size = sizeof(CodeObject),
    .dealloc = code_dealloc,
    .repr = code_repr,
    .getsets = code_getsets,
};
