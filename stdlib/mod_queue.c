/* mod_queue.c: the _queue module: SimpleQueue, an unbounded FIFO that
 * threads can put to and get from without any Python-level lock (the GIL
 * protects the buffer; a semaphore counts the items and lets get() wait with
 * the GIL released), and the Empty exception queue.py re-exports. */
#include <semaphore.h>
#include <string.h>

#include "args.h"
#include "class.h"
#include "dict.h"
#include "errors.h"
#include "exceptions.h"
#include "float.h"
#include "int.h"
#include "memory.h"
#include "module.h"
#include "str.h"
#include "thread_wait.h"
#include "tuple.h"

typedef struct SimpleQueueObject {
    Object base;
    Object **items; /* circular buffer of strong references */
    size_t head;    /* index of the oldest item */
    size_t count;
    size_t capacity;
    sem_t available; /* counts items put but not yet claimed by a get() */
} SimpleQueueObject;

extern TypeObject SimpleQueueType;

/* _queue.Empty, made at module start-up (a class, so users can subclass it). */
static Object *queue_empty_class;

static Object *simplequeue_construct(TypeObject *type, Object *const *args, size_t nargs,
                                     Object *kwnames) {
    if (args_no_keywords("SimpleQueue", kwnames) < 0 || args_count("SimpleQueue", nargs, 0, 0) < 0) {
        return NULL;
    }
    SimpleQueueObject *q = (SimpleQueueObject *)obj_alloc(type, type->basic_size);
    if (q != NULL) {
        sem_init(&q->available, 0, 0);
    }
    return (Object *)q;
}

static void simplequeue_dealloc(Object *self) {
    SimpleQueueObject *q = (SimpleQueueObject *)self;
    for (size_t i = 0; i < q->count; i++) {
        DECREF(q->items[(q->head + i) % q->capacity]);
    }
    mem_free(q->items);
    sem_destroy(&q->available);
    obj_free(self);
}

static int simplequeue_traverse(Object *self, VisitFunc visit, void *arg) {
    SimpleQueueObject *q = (SimpleQueueObject *)self;
    for (size_t i = 0; i < q->count; i++) {
        if (visit(q->items[(q->head + i) % q->capacity], arg) < 0) {
            return -1;
        }
    }
    return 0;
}

static int simplequeue_clear(Object *self) {
    SimpleQueueObject *q = (SimpleQueueObject *)self;
    while (q->count > 0) {
        Object *v = q->items[q->head];
        q->head = (q->head + 1) % q->capacity;
        q->count--;
        DECREF(v);
    }
    return 0;
}

static int simplequeue_grow(SimpleQueueObject *q) {
    size_t cap = q->capacity != 0 ? q->capacity * 2 : 8;
    Object **items = mem_alloc_array(cap, sizeof(Object *));
    if (items == NULL) {
        return -1;
    }
    for (size_t i = 0; i < q->count; i++) {
        items[i] = q->items[(q->head + i) % q->capacity];
    }
    mem_free(q->items);
    q->items = items;
    q->head = 0;
    q->capacity = cap;
    return 0;
}

/* put(item, block=True, timeout=None): never blocks (the queue is unbounded). */
static Object *simplequeue_put(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    static const char *const kwlist[] = {"item", "block", "timeout", NULL};
    Object *a[3];
    if (args_parse("put", args, nargs, kwnames, kwlist, 1, a) < 0) {
        return NULL;
    }
    SimpleQueueObject *q = (SimpleQueueObject *)self;
    if (q->count == q->capacity && simplequeue_grow(q) < 0) {
        return NULL;
    }
    q->items[(q->head + q->count) % q->capacity] = NEWREF(a[0]);
    q->count++;
    sem_post(&q->available);
    return none_ref();
}

static Object *simplequeue_put_nowait(Object *self, Object *const *args, size_t nargs,
                                      Object *kwnames) {
    static const char *const kwlist[] = {"item", NULL};
    Object *a[1];
    if (args_parse("put_nowait", args, nargs, kwnames, kwlist, 1, a) < 0) {
        return NULL;
    }
    return simplequeue_put(self, a, 1, NULL);
}

/* Wait for an item (timeout seconds, -1 forever) and take the oldest. */
static Object *simplequeue_take(SimpleQueueObject *q, double timeout) {
    bool acquired;
    WaitTarget target = {(Object *)q, NULL};
    if (sem_acquire_timed(&q->available, timeout, &target, &acquired) < 0) {
        return NULL;
    }
    if (!acquired) {
        err_set_exception(queue_empty_class);
        return NULL;
    }
    Object *v = q->items[q->head];
    q->head = (q->head + 1) % q->capacity;
    q->count--;
    return v; /* the queue's reference passes to the caller */
}

static Object *simplequeue_get(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    static const char *const kwlist[] = {"block", "timeout", NULL};
    Object *a[2];
    if (args_parse("get", args, nargs, kwnames, kwlist, 0, a) < 0) {
        return NULL;
    }
    int block = 1;
    if (a[0] != NULL && (block = obj_is_true(a[0])) < 0) {
        return NULL;
    }
    double timeout = -1;
    if (block && a[1] != NULL && a[1] != None) {
        timeout = obj_as_double(a[1]);
        if (timeout == -1.0 && err_occurred()) {
            return NULL;
        }
        if (timeout < 0) {
            return err_format(&ExcValueError, "'timeout' must be a non-negative number");
        }
    }
    return simplequeue_take((SimpleQueueObject *)self, block ? timeout : 0);
}

static Object *simplequeue_get_nowait(Object *self, Object *const *args, size_t nargs,
                                      Object *kwnames) {
    if (args_count("get_nowait", nargs, 0, 0) < 0) {
        return NULL;
    }
    return simplequeue_take((SimpleQueueObject *)self, 0);
}

static Object *simplequeue_empty(Object *self, Object *const *args, size_t nargs, Object *kw) {
    return bool_from(((SimpleQueueObject *)self)->count == 0);
}

static Object *simplequeue_qsize(Object *self, Object *const *args, size_t nargs, Object *kw) {
    return int_from_u64(((SimpleQueueObject *)self)->count);
}

static const MethodDef simplequeue_methods[] = {
    {"put", simplequeue_put, 0, "Put the item on the queue (never blocks)."},
    {"put_nowait", simplequeue_put_nowait, 0, "Put an item into the queue without blocking."},
    {"get", simplequeue_get, 0, "Remove and return an item, waiting if necessary."},
    {"get_nowait", simplequeue_get_nowait, 0, "Remove and return an item if one is there."},
    {"empty", simplequeue_empty, 0, "Return True if the queue is empty."},
    {"qsize", simplequeue_qsize, 0, "Return the approximate size of the queue."},
    {NULL, NULL, 0, NULL},
};

TypeObject SimpleQueueType = {
    .base = OBJECT_HEADER_INIT(&TypeType),
    .name = "_queue.SimpleQueue",
    .basic_size = sizeof(SimpleQueueObject),
    .flags = TYPE_FLAG_BASETYPE | TYPE_FLAG_GC,
    .dealloc = simplequeue_dealloc,
    .traverse = simplequeue_traverse,
    .clear = simplequeue_clear,
    .new_instance = simplequeue_construct,
    .methods = simplequeue_methods,
    .doc = "Simple, unbounded, reentrant FIFO queue.",
};

/* class Empty(Exception): "Exception raised by Queue.get(block=0)/get_nowait()." */
static Object *make_empty_class(void) {
    Object *name = str_from_cstr("Empty");
    Object *bases = tuple_pack(1, (Object *)&ExcException);
    Object *ns = dict_new();
    Object *module = str_from_cstr("_queue");
    Object *doc = str_from_cstr("Exception raised by Queue.get(block=0)/get_nowait().");
    Object *cls = NULL;
    if (name != NULL && bases != NULL && ns != NULL && module != NULL && doc != NULL &&
        dict_set_cstr(ns, "__module__", module) == 0 && dict_set_cstr(ns, "__doc__", doc) == 0) {
        cls = class_new(&TypeType, name, bases, ns, NULL, NULL);
    }
    XDECREF(name);
    XDECREF(bases);
    XDECREF(ns);
    XDECREF(module);
    XDECREF(doc);
    return cls;
}

Object *mod_queue_init(void) {
    if (type_ready(&SimpleQueueType) < 0) {
        return NULL;
    }
    Object *m = module_new("_queue");
    if (m == NULL) {
        return NULL;
    }
    if (queue_empty_class == NULL) {
        queue_empty_class = make_empty_class();
    }
    if (queue_empty_class == NULL || module_add_object(m, "Empty", queue_empty_class) < 0 ||
        module_add_object(m, "SimpleQueue", (Object *)&SimpleQueueType) < 0) {
        DECREF(m);
        return NULL;
    }
    return m;
}
