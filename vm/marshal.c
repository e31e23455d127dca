/* marshal.c: code objects to bytes and back (marshal.h), and the import
 * cache in __pycache__ that lets gilpy start without recompiling its library.
 *
 * The format is private to one gilpy executable: values are written in the
 * machine's byte order, and every cache file starts with a header naming the
 * executable (its size and modification time), so a rebuilt gilpy, whose
 * opcodes or code layout may differ, never trusts an older file. */
#include "marshal.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bytes.h"
#include "compile.h"
#include "dict.h"
#include "errors.h"
#include "exceptions.h"
#include "float.h"
#include "int.h"
#include "list.h"
#include "memory.h"
#include "set.h"
#include "state.h"
#include "tuple.h"

#define MARSHAL_VERSION "0.1.0"
static const char marshal_magic[8] = {'G', 'I', 'L', 'P', 'Y', 'C', '0', '2'};

/* Value tags. */
enum {
    TAG_NONE = 'N',
    TAG_TRUE = 'T',
    TAG_FALSE = 'F',
    TAG_ELLIPSIS = 'E',
    TAG_SMALL_INT = 'i', /* int64 */
    TAG_BIG_INT = 'l',   /* length + hexadecimal digits with sign */
    TAG_FLOAT = 'f',     /* the 8 bytes of the double */
    TAG_STR = 's',       /* length + UTF-8 */
    TAG_INTERNED = 'S',  /* the same, interned when loaded, and numbered for TAG_REF */
    TAG_REF = 'r',       /* the interned str of that number (u32), written before */
    TAG_BYTES = 'b',
    TAG_TUPLE = 't',     /* count + items */
    TAG_FROZENSET = 'z', /* count + items in iteration order */
    TAG_CODE = 'c',
};

/* ================================================================ writing */

/* The writer: the output, and the interned strings already written (str ->
 * index), so each name is stored (and interned when loading) only once. */
typedef struct Writer {
    StrBuilder *out;
    Object *refs;
} Writer;

static void put_u32(StrBuilder *out, uint32_t v) { sb_append(out, (const char *)&v, sizeof v); }
static void put_i32(StrBuilder *out, int32_t v) { sb_append(out, (const char *)&v, sizeof v); }

static int dump_code(Writer *w, CodeObject *c);

static int dump_object(Object *v, Writer *w);

static int dump_items(Object *const *items, size_t n, char tag, Writer *w) {
    StrBuilder *out = w->out;
    sb_append_char(out, tag);
    put_u32(out, (uint32_t)n);
    for (size_t i = 0; i < n; i++) {
        if (dump_object(items[i], w) < 0) {
            return -1;
        }
    }
    return 0;
}

static int dump_tuple(Object *t, Writer *w) {
    StrBuilder *out = w->out;
    size_t n = tuple_size(t);
    sb_append_char(out, TAG_TUPLE);
    put_u32(out, (uint32_t)n);
    for (size_t i = 0; i < n; i++) {
        if (dump_object(tuple_get(t, i), w) < 0) {
            return -1;
        }
    }
    return 0;
}

static int dump_object(Object *v, Writer *w) {
    StrBuilder *out = w->out;
    if (is_small_int(v)) {
        sb_append_char(out, TAG_SMALL_INT);
        int64_t i = small_int_value(v);
        sb_append(out, (const char *)&i, sizeof i);
        return 0;
    }
    TypeObject *t = obj_type(v);
    if (v == None) {
        sb_append_char(out, TAG_NONE);
    } else if (v == True) {
        sb_append_char(out, TAG_TRUE);
    } else if (v == False) {
        sb_append_char(out, TAG_FALSE);
    } else if (v == Ellipsis) {
        sb_append_char(out, TAG_ELLIPSIS);
    } else if (t == &IntType) {
        IntScratch scratch;
        char *digits = mpz_get_str(NULL, 16, int_mpz_view(v, &scratch));
        if (digits == NULL) {
            err_no_memory();
            return -1;
        }
        sb_append_char(out, TAG_BIG_INT);
        put_u32(out, (uint32_t)strlen(digits));
        sb_append_cstr(out, digits);
        void (*freefunc)(void *, size_t);
        mp_get_memory_functions(NULL, NULL, &freefunc);
        freefunc(digits, strlen(digits) + 1);
    } else if (t == &FloatType) {
        double d = float_value(v);
        sb_append_char(out, TAG_FLOAT);
        sb_append(out, (const char *)&d, sizeof d);
    } else if (t == &StrType && ((StrObject *)v)->interned) {
        Object *index;
        int found = dict_lookup(w->refs, v, &index);
        if (found < 0) {
            return -1;
        }
        if (found) {
            sb_append_char(out, TAG_REF);
            put_u32(out, (uint32_t)small_int_value(index));
            return 0;
        }
        if (dict_set(w->refs, v, small_int_make((intptr_t)dict_size(w->refs))) < 0) {
            return -1;
        }
        sb_append_char(out, TAG_INTERNED);
        put_u32(out, (uint32_t)str_size(v));
        sb_append(out, str_utf8(v), str_size(v));
    } else if (t == &StrType) {
        sb_append_char(out, TAG_STR);
        put_u32(out, (uint32_t)str_size(v));
        sb_append(out, str_utf8(v), str_size(v));
    } else if (t == &BytesType) {
        sb_append_char(out, TAG_BYTES);
        put_u32(out, (uint32_t)bytes_size(v));
        sb_append(out, bytes_data(v), bytes_size(v));
    } else if (t == &TupleType) {
        return dump_tuple(v, w);
    } else if (t == &FrozenSetType) {
        size_t n = set_size(v), pos = 0, i = 0;
        Object **items = mem_alloc_array(n + 1, sizeof(Object *));
        if (items == NULL) {
            return -1;
        }
        Object *key;
        while (i < n && set_next(v, &pos, &key)) {
            items[i++] = key;
        }
        int r = dump_items(items, i, TAG_FROZENSET, w);
        mem_free(items);
        return r;
    } else if (t == &CodeType) {
        return dump_code(w, (CodeObject *)v);
    } else {
        err_format(&ExcValueError, "unmarshallable object of type %s", t->name);
        return -1;
    }
    return 0;
}

static int dump_code(Writer *w, CodeObject *c) {
    StrBuilder *out = w->out;
    sb_append_char(out, TAG_CODE);
    int32_t ints[] = {c->argcount, c->posonlyargcount, c->kwonlyargcount, c->nlocals,
                      c->stacksize, c->flags, c->firstlineno};
    sb_append(out, (const char *)ints, sizeof ints);
    put_u32(out, (uint32_t)c->ncode);
    sb_append(out, (const char *)c->code, c->ncode * sizeof(Instruction));
    sb_append_char(out, c->positions != NULL ? 1 : 0);
    if (c->positions != NULL) {
        sb_append(out, (const char *)c->positions, c->ncode * sizeof(SourcePosition));
    }
    put_u32(out, (uint32_t)c->nexception_table);
    for (size_t i = 0; i < c->nexception_table; i++) {
        const ExceptionTableEntry *e = &c->exception_table[i];
        put_u32(out, e->start);
        put_u32(out, e->end);
        put_u32(out, e->handler);
        put_u32(out, e->depth);
        sb_append_char(out, e->push_lasti ? 1 : 0);
    }
    size_t ncells = c->cell2arg != NULL ? tuple_size(c->cellvars) : 0;
    sb_append_char(out, c->cell2arg != NULL ? 1 : 0);
    put_u32(out, (uint32_t)ncells);
    for (size_t i = 0; i < ncells; i++) {
        put_i32(out, c->cell2arg[i]);
    }
    Object *objects[] = {c->consts, c->names,    c->varnames,  c->cellvars,
                         c->freevars, c->name, c->qualname, c->docstring != NULL ? c->docstring
                                                                                : None};
    for (size_t i = 0; i < sizeof objects / sizeof objects[0]; i++) {
        if (dump_object(objects[i], w) < 0) {
            return -1;
        }
    }
    return out->failed ? (err_no_memory(), -1) : 0;
}

int marshal_dump_code(CodeObject *code, StrBuilder *out) {
    Writer w = {.out = out, .refs = dict_new()};
    if (w.refs == NULL) {
        return -1;
    }
    int r = dump_code(&w, code);
    DECREF(w.refs);
    return r;
}

/* ================================================================ reading */

typedef struct Reader {
    const char *p, *end;
    Object *filename;
    Object *refs; /* list: the interned strings loaded so far, by number */
    int depth;
} Reader;

static bool take(Reader *r, void *dst, size_t n) {
    if ((size_t)(r->end - r->p) < n) {
        return false;
    }
    memcpy(dst, r->p, n);
    r->p += n;
    return true;
}

static bool take_u32(Reader *r, uint32_t *v) { return take(r, v, sizeof *v); }

static Object *load_object(Reader *r);
static CodeObject *load_code_body(Reader *r);

/* count + items into a fresh tuple. */
static Object *load_tuple_items(Reader *r) {
    uint32_t n;
    if (!take_u32(r, &n) || n > (size_t)(r->end - r->p)) {
        return NULL;
    }
    Object *t = tuple_new(n);
    if (t == NULL) {
        return NULL;
    }
    for (uint32_t i = 0; i < n; i++) {
        Object *item = load_object(r);
        if (item == NULL) {
            for (uint32_t j = i; j < n; j++) {
                tuple_init_item(t, j, NEWREF(None));
            }
            DECREF(t);
            return NULL;
        }
        tuple_init_item(t, i, item);
    }
    return t;
}

static Object *load_object(Reader *r) {
    char tag;
    if (r->depth > 200 || !take(r, &tag, 1)) {
        return NULL;
    }
    uint32_t n;
    switch (tag) {
    case TAG_NONE:
        return NEWREF(None);
    case TAG_TRUE:
        return NEWREF(True);
    case TAG_FALSE:
        return NEWREF(False);
    case TAG_ELLIPSIS:
        return NEWREF(Ellipsis);
    case TAG_SMALL_INT: {
        int64_t i;
        return take(r, &i, sizeof i) ? int_from_i64(i) : NULL;
    }
    case TAG_FLOAT: {
        double d;
        return take(r, &d, sizeof d) ? float_new(d) : NULL;
    }
    case TAG_BIG_INT:
    case TAG_STR:
    case TAG_INTERNED:
    case TAG_BYTES: {
        if (!take_u32(r, &n) || n > (size_t)(r->end - r->p)) {
            return NULL;
        }
        const char *s = r->p;
        r->p += n;
        if (tag == TAG_BYTES) {
            return bytes_from_data(s, n);
        }
        if (tag == TAG_BIG_INT) {
            char *digits = strndup(s, n);
            mpz_t z;
            if (digits == NULL || mpz_init_set_str(z, digits, 16) != 0) {
                free(digits);
                return NULL;
            }
            free(digits);
            Object *v = int_from_mpz(z);
            mpz_clear(z);
            return v;
        }
        Object *str = str_decode_utf8(s, n);
        if (str != NULL && tag == TAG_INTERNED) {
            str_intern_in_place(&str);
            if (list_append(r->refs, str) < 0) {
                DECREF(str);
                return NULL;
            }
        }
        return str;
    }
    case TAG_REF:
        if (!take_u32(r, &n) || n >= list_size(r->refs)) {
            return NULL;
        }
        return NEWREF(list_get(r->refs, n));
    case TAG_TUPLE:
    case TAG_FROZENSET: {
        r->depth++;
        Object *t = load_tuple_items(r);
        r->depth--;
        if (t == NULL || tag == TAG_TUPLE) {
            return t;
        }
        Object *fs = frozenset_new(t);
        DECREF(t);
        return fs;
    }
    case TAG_CODE: {
        r->depth++;
        CodeObject *c = load_code_body(r);
        r->depth--;
        return (Object *)c;
    }
    default:
        return NULL;
    }
}

/* A tuple of str (names, varnames...), or NULL. */
static Object *load_names(Reader *r) {
    Object *t = load_object(r);
    if (t != NULL && obj_type(t) != &TupleType) {
        DECREF(t);
        return NULL;
    }
    return t;
}

static CodeObject *load_code_body(Reader *r) {
    int32_t ints[7];
    uint32_t ncode;
    if (!take(r, ints, sizeof ints) || !take_u32(r, &ncode) ||
        (size_t)(r->end - r->p) / sizeof(Instruction) < ncode) {
        return NULL;
    }
    CodeObject *c = code_new();
    if (c == NULL) {
        return NULL;
    }
    c->argcount = ints[0];
    c->posonlyargcount = ints[1];
    c->kwonlyargcount = ints[2];
    c->nlocals = ints[3];
    c->stacksize = ints[4];
    c->flags = ints[5];
    c->firstlineno = ints[6];
    c->ncode = ncode;
    c->filename = NEWREF(r->filename);
    c->code = mem_alloc_array(ncode + 1, sizeof(Instruction));
    char has;
    if (c->code == NULL || !take(r, c->code, ncode * sizeof(Instruction)) || !take(r, &has, 1)) {
        goto fail;
    }
    if (has) {
        c->positions = mem_alloc_array(ncode + 1, sizeof(SourcePosition));
        if (c->positions == NULL || !take(r, c->positions, ncode * sizeof(SourcePosition))) {
            goto fail;
        }
    }
    uint32_t nexc;
    if (!take_u32(r, &nexc) || nexc > (size_t)(r->end - r->p)) {
        goto fail;
    }
    c->nexception_table = nexc;
    c->exception_table = mem_alloc_array(nexc + 1, sizeof(ExceptionTableEntry));
    if (c->exception_table == NULL) {
        goto fail;
    }
    for (uint32_t i = 0; i < nexc; i++) {
        ExceptionTableEntry *e = &c->exception_table[i];
        char lasti;
        if (!take_u32(r, &e->start) || !take_u32(r, &e->end) || !take_u32(r, &e->handler) ||
            !take_u32(r, &e->depth) || !take(r, &lasti, 1)) {
            goto fail;
        }
        e->push_lasti = lasti != 0;
    }
    if (nexc == 0) {
        mem_free(c->exception_table);
        c->exception_table = NULL;
    }
    char has_cells;
    uint32_t ncells;
    if (!take(r, &has_cells, 1) || !take_u32(r, &ncells) ||
        (size_t)(r->end - r->p) / sizeof(int32_t) < ncells) {
        goto fail;
    }
    if (has_cells) {
        c->cell2arg = mem_alloc_array(ncells + 1, sizeof(int32_t));
        if (c->cell2arg == NULL || !take(r, c->cell2arg, ncells * sizeof(int32_t))) {
            goto fail;
        }
    }
    c->consts = load_names(r);
    c->names = c->consts != NULL ? load_names(r) : NULL;
    c->varnames = c->names != NULL ? load_names(r) : NULL;
    c->cellvars = c->varnames != NULL ? load_names(r) : NULL;
    c->freevars = c->cellvars != NULL ? load_names(r) : NULL;
    c->name = c->freevars != NULL ? load_object(r) : NULL;
    c->qualname = c->name != NULL ? load_object(r) : NULL;
    c->docstring = c->qualname != NULL ? load_object(r) : NULL;
    if (c->docstring == NULL || !str_check(c->name) || !str_check(c->qualname) ||
        (has_cells && tuple_size(c->cellvars) != ncells) ||
        (size_t)c->nlocals != tuple_size(c->varnames)) {
        goto fail;
    }
    return c;

fail:
    DECREF((Object *)c);
    return NULL;
}

CodeObject *marshal_load_code(const char *data, size_t size, Object *filename) {
    Reader r = {.p = data, .end = data + size, .filename = filename, .refs = list_new(0)};
    Object *v = r.refs != NULL ? load_object(&r) : NULL;
    XDECREF(r.refs);
    if (v == NULL || obj_type(v) != &CodeType || r.p != r.end) {
        XDECREF(v);
        err_clear();
        return NULL;
    }
    return (CodeObject *)v;
}

/* ================================================================ the cache */

/* The header of a cache file: it is valid for one source file state and one
 * gilpy executable. */
typedef struct CacheHeader {
    char magic[8];
    int64_t exe_size, exe_mtime_sec, exe_mtime_nsec;
    int64_t src_size, src_mtime_sec, src_mtime_nsec;
} CacheHeader;

/* Fill the header for source `st`; false when the executable cannot be
 * identified (then no cache is used). */
static bool cache_header(const struct stat *src, CacheHeader *h) {
    struct stat exe;
    if (stat("/proc/self/exe", &exe) != 0) {
        return false;
    }
    memset(h, 0, sizeof *h);
    memcpy(h->magic, marshal_magic, sizeof h->magic);
    h->exe_size = (int64_t)exe.st_size;
    h->exe_mtime_sec = (int64_t)exe.st_mtim.tv_sec;
    h->exe_mtime_nsec = (int64_t)exe.st_mtim.tv_nsec;
    h->src_size = (int64_t)src->st_size;
    h->src_mtime_sec = (int64_t)src->st_mtim.tv_sec;
    h->src_mtime_nsec = (int64_t)src->st_mtim.tv_nsec;
    return true;
}

/* dir/__pycache__/name.gilpy-VERSION.cache for dir/name.py (false if too long). */
static bool cache_path(const char *path, char *out, size_t outsize, char *dir, size_t dirsize) {
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash != NULL ? (size_t)(slash - path) : 0;
    const char *base = slash != NULL ? slash + 1 : path;
    size_t baselen = strlen(base);
    if (baselen > 3 && strcmp(base + baselen - 3, ".py") == 0) {
        baselen -= 3;
    }
    int n = snprintf(dir, dirsize, "%.*s%s__pycache__", (int)dirlen, path, slash ? "/" : "");
    if (n < 0 || (size_t)n >= dirsize) {
        return false;
    }
    n = snprintf(out, outsize, "%s/%.*s.gilpy-" MARSHAL_VERSION ".cache", dir, (int)baselen, base);
    return n >= 0 && (size_t)n < outsize;
}

/* Read the whole cache file; NULL when missing or unreadable. */
static char *cache_read(const char *path, size_t *size_out) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return NULL;
    }
    struct stat st;
    char *buf = NULL;
    if (fstat(fd, &st) == 0 && st.st_size > 0 && (buf = malloc((size_t)st.st_size)) != NULL) {
        size_t got = 0;
        while (got < (size_t)st.st_size) {
            ssize_t n = read(fd, buf + got, (size_t)st.st_size - got);
            if (n < 0 && errno == EINTR) {
                continue;
            }
            if (n <= 0) {
                break;
            }
            got += (size_t)n;
        }
        if (got != (size_t)st.st_size) {
            free(buf);
            buf = NULL;
        }
        *size_out = got;
    }
    close(fd);
    return buf;
}

/* Write header + data to path through a temporary file renamed into place
 * (readers never see half a file). Failures are silent: no cache. */
static void cache_write(const char *dir, const char *path, const CacheHeader *h,
                        const StrBuilder *data) {
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
        return;
    }
    char tmp[PATH_MAX];
    if (snprintf(tmp, sizeof tmp, "%s.%ld.tmp", path, (long)getpid()) >= (int)sizeof tmp) {
        return;
    }
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0) {
        return;
    }
    bool ok = true;
    const char *parts[2] = {(const char *)h, data->data};
    size_t sizes[2] = {sizeof *h, data->size};
    for (int i = 0; i < 2 && ok; i++) {
        size_t done = 0;
        while (done < sizes[i]) {
            ssize_t n = write(fd, parts[i] + done, sizes[i] - done);
            if (n < 0 && errno == EINTR) {
                continue;
            }
            if (n <= 0) {
                ok = false;
                break;
            }
            done += (size_t)n;
        }
    }
    if (close(fd) != 0) {
        ok = false;
    }
    if (!ok || rename(tmp, path) != 0) {
        unlink(tmp);
    }
}

/* May this process write caches? Not with PYTHONDONTWRITEBYTECODE set or
 * sys.dont_write_bytecode true, as CPython. */
static bool cache_writable(void) {
    const char *env = getenv("PYTHONDONTWRITEBYTECODE");
    if (env != NULL && env[0] != '\0') {
        return false;
    }
    Interpreter *interp = ts_current()->interp;
    Object *flag = interp->sysdict != NULL ? dict_get_cstr(interp->sysdict, "dont_write_bytecode")
                                           : NULL;
    return flag == NULL || flag == False || flag == None;
}

CodeObject *marshal_compile_cached(const char *path, const char *src, size_t size,
                                   Object *filename) {
    struct stat st;
    CacheHeader header;
    char cache[PATH_MAX], dir[PATH_MAX];
    bool usable = stat(path, &st) == 0 && (size_t)st.st_size == size &&
                  cache_header(&st, &header) && cache_path(path, cache, sizeof cache, dir,
                                                           sizeof dir);
    if (usable) {
        size_t n = 0;
        char *data = cache_read(cache, &n);
        if (data != NULL && n > sizeof header && memcmp(data, &header, sizeof header) == 0) {
            CodeObject *code = marshal_load_code(data + sizeof header, n - sizeof header,
                                                 filename);
            free(data);
            if (code != NULL) {
                return code;
            }
        } else {
            free(data);
        }
    }
    CodeObject *code = compile_source(src, size, filename, COMPILE_FILE);
    if (code != NULL && usable && cache_writable()) {
        StrBuilder sb;
        sb_init(&sb);
        if (marshal_dump_code(code, &sb) == 0 && !sb.failed) {
            cache_write(dir, cache, &header, &sb);
        } else {
            err_clear();
        }
        sb_discard(&sb);
    }
    return code;
}
