/* memory.h: every allocation in gilpy goes through here, so that failure
 * handling, statistics and stress modes have one place to live. */
#ifndef GILPY_MEMORY_H
#define GILPY_MEMORY_H

#include <stddef.h>

/* On failure these return NULL and set MemoryError. mem_alloc zeroes. */
void *mem_alloc(size_t size);
void *mem_realloc(void *p, size_t size);
void mem_free(void *p);

/* Overflow-checked n * size (NULL + MemoryError on overflow). */
void *mem_alloc_array(size_t n, size_t size);
void *mem_realloc_array(void *p, size_t n, size_t size);

#endif /* GILPY_MEMORY_H */
