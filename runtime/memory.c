/* memory.c: the one place gilpy allocates raw memory. A failed allocation sets
 * MemoryError and returns NULL; callers propagate it like any other error. */
#include "memory.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "errors.h"

void *mem_alloc(size_t size) {
    void *p = calloc(1, size == 0 ? 1 : size);
    if (p == NULL) {
        err_no_memory();
    }
    return p;
}

void *mem_realloc(void *p, size_t size) {
    void *q = realloc(p, size == 0 ? 1 : size);
    if (q == NULL) {
        err_no_memory();
    }
    return q;
}

void mem_free(void *p) { free(p); }

void *mem_alloc_array(size_t n, size_t size) {
    if (size != 0 && n > SIZE_MAX / size) {
        err_no_memory();
        return NULL;
    }
    return mem_alloc(n * size);
}

void *mem_realloc_array(void *p, size_t n, size_t size) {
    if (size != 0 && n > SIZE_MAX / size) {
        err_no_memory();
        return NULL;
    }
    return mem_realloc(p, n * size);
}
