/* listsort.c: list.sort(), a stable natural merge sort in the manner of
 * CPython's timsort (Objects/listsort.txt): find ascending or strictly
 * descending runs, extend short runs to `minrun` with binary insertion, and
 * merge runs while keeping the classic stack invariants. Small lists (< 64)
 * make exactly CPython's comparisons, so errors and side effects match.
 *
 * While sorting, the list appears empty; if it was modified meanwhile, the
 * sort raises ValueError("list modified during sort"). */
#include <string.h>

#include "containers.h"
#include "errors.h"
#include "exceptions.h"
#include "float.h"
#include "list.h"
#include "memory.h"

/* One element being sorted: its key, and the item it came from. */
typedef struct SortItem {
    Object *key;
    Object *value;
} SortItem;

/* How keys are compared: fast paths when every key has the same simple type. */
typedef enum { SORT_GENERIC, SORT_SMALL_INT, SORT_STR, SORT_FLOAT } SortKind;

typedef struct SortRun {
    size_t start, len;
} SortRun;

typedef struct SortState {
    SortKind kind;
    SortItem *tmp; /* merge buffer: room for a whole left run (n items) */
    SortRun runs[96];
    size_t nruns;
} SortState;

/* key a < key b: 1, 0, or -1 with an exception. */
static int sort_less(const SortState *st, Object *a, Object *b) {
    switch (st->kind) {
    case SORT_SMALL_INT:
        return small_int_value(a) < small_int_value(b);
    case SORT_FLOAT:
        return float_value(a) < float_value(b);
    case SORT_STR: {
        size_t na = str_size(a), nb = str_size(b);
        int c = memcmp(str_utf8(a), str_utf8(b), na < nb ? na : nb);
        return c < 0 || (c == 0 && na < nb);
    }
    default:
        return obj_richcompare_bool(a, b, CMP_LT);
    }
}

static void reverse_items(SortItem *a, size_t n) {
    if (n < 2) {
        return;
    }
    for (size_t i = 0, j = n - 1; i < j; i++, j--) {
        SortItem t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}

/* Sort a[0:hi] given that a[0:start] is already sorted (CPython's binarysort). */
static int binary_insertion(const SortState *st, SortItem *a, size_t start, size_t hi) {
    if (start == 0) {
        start = 1;
    }
    for (; start < hi; start++) {
        SortItem pivot = a[start];
        size_t l = 0, r = start;
        do {
            size_t p = l + ((r - l) >> 1);
            int k = sort_less(st, pivot.key, a[p].key);
            if (k < 0) {
                return -1;
            }
            if (k) {
                r = p;
            } else {
                l = p + 1;
            }
        } while (l < r);
        memmove(&a[l + 1], &a[l], (start - l) * sizeof(SortItem));
        a[l] = pivot;
    }
    return 0;
}

/* Length of the run starting at a[0] (n >= 1 items available); *descending
 * is set when it is strictly descending. -1 on a comparison error. */
static ssize_t count_run(const SortState *st, SortItem *a, size_t n, bool *descending) {
    *descending = false;
    if (n == 1) {
        return 1;
    }
    size_t len = 2;
    int k = sort_less(st, a[1].key, a[0].key);
    if (k < 0) {
        return -1;
    }
    if (k) {
        *descending = true;
        for (; len < n; len++) {
            k = sort_less(st, a[len].key, a[len - 1].key);
            if (k < 0) {
                return -1;
            }
            if (!k) {
                break;
            }
        }
    } else {
        for (; len < n; len++) {
            k = sort_less(st, a[len].key, a[len - 1].key);
            if (k < 0) {
                return -1;
            }
            if (k) {
                break;
            }
        }
    }
    return (ssize_t)len;
}

/* Merge the adjacent sorted runs a[0:na] and a[na:na+nb], stably. On a
 * comparison error every item is still somewhere in a[0:na+nb]. */
static int merge_runs(SortState *st, SortItem *a, size_t na, size_t nb) {
    SortItem *b = a + na;
    SortItem *left = st->tmp;
    memcpy(left, a, na * sizeof(SortItem));
    size_t i = 0, j = 0, dst = 0;
    int result = 0;
    while (i < na && j < nb) {
        int k = sort_less(st, b[j].key, left[i].key);
        if (k < 0) {
            result = -1;
            break;
        }
        if (k) {
            a[dst++] = b[j++];
        } else {
            a[dst++] = left[i++];
        }
    }
    /* Remaining left items go before the remaining right ones (already in place). */
    if (i < na) {
        memcpy(&a[dst], &left[i], (na - i) * sizeof(SortItem));
    }
    return result;
}

static int merge_at(SortState *st, SortItem *a, size_t k) {
    SortRun *r = st->runs;
    size_t start = r[k].start, na = r[k].len, nb = r[k + 1].len;
    r[k].len = na + nb;
    if (k + 2 < st->nruns) {
        r[k + 1] = r[k + 2];
    }
    st->nruns--;
    return merge_runs(st, a + start, na, nb);
}

/* Restore the run-stack invariants (timsort's merge_collapse, as fixed in 2015). */
static int merge_collapse(SortState *st, SortItem *a) {
    SortRun *r = st->runs;
    while (st->nruns > 1) {
        size_t n = st->nruns - 2;
        if ((n > 0 && r[n - 1].len <= r[n].len + r[n + 1].len) ||
            (n > 1 && r[n - 2].len <= r[n - 1].len + r[n].len)) {
            if (r[n - 1].len < r[n + 1].len) {
                n--;
            }
        } else if (r[n].len > r[n + 1].len) {
            break;
        }
        if (merge_at(st, a, n) < 0) {
            return -1;
        }
    }
    return 0;
}

static int merge_force_collapse(SortState *st, SortItem *a) {
    SortRun *r = st->runs;
    while (st->nruns > 1) {
        size_t n = st->nruns - 2;
        if (n > 0 && r[n - 1].len < r[n + 1].len) {
            n--;
        }
        if (merge_at(st, a, n) < 0) {
            return -1;
        }
    }
    return 0;
}

static size_t compute_minrun(size_t n) {
    size_t r = 0;
    while (n >= 64) {
        r |= n & 1;
        n >>= 1;
    }
    return n + r;
}

/* Sort a[0:n] by key; -1 if a comparison raised (a is then some permutation). */
static int sort_items(SortState *st, SortItem *a, size_t n) {
    if (n < 2) {
        return 0;
    }
    size_t minrun = compute_minrun(n), lo = 0, remaining = n;
    st->nruns = 0;
    while (remaining > 0) {
        bool descending;
        ssize_t run = count_run(st, a + lo, remaining, &descending);
        if (run < 0) {
            return -1;
        }
        if (descending) {
            reverse_items(a + lo, (size_t)run);
        }
        if ((size_t)run < minrun) {
            size_t force = remaining <= minrun ? remaining : minrun;
            if (binary_insertion(st, a + lo, (size_t)run, force) < 0) {
                return -1;
            }
            run = (ssize_t)force;
        }
        st->runs[st->nruns].start = lo;
        st->runs[st->nruns].len = (size_t)run;
        st->nruns++;
        if (merge_collapse(st, a) < 0) {
            return -1;
        }
        lo += (size_t)run;
        remaining -= (size_t)run;
    }
    return merge_force_collapse(st, a);
}

/* Pick a comparison fast path when all keys share one simple exact type. */
static SortKind sort_kind(const SortItem *a, size_t n) {
    if (n == 0) {
        return SORT_GENERIC;
    }
    Object *first = a[0].key;
    if (is_small_int(first)) {
        for (size_t i = 1; i < n; i++) {
            if (!is_small_int(a[i].key)) {
                return SORT_GENERIC;
            }
        }
        return SORT_SMALL_INT;
    }
    TypeObject *t = first->type;
    if (t != &StrType && t != &FloatType) {
        return SORT_GENERIC;
    }
    for (size_t i = 1; i < n; i++) {
        if (is_small_int(a[i].key) || a[i].key->type != t) {
            return SORT_GENERIC;
        }
    }
    return t == &StrType ? SORT_STR : SORT_FLOAT;
}

int list_sort(Object *self, Object *keyfunc, bool reverse) {
    ListObject *l = (ListObject *)self;
    /* Take the items away so the list looks empty while we sort. */
    Object **saved_items = l->items;
    size_t n = l->size, saved_capacity = l->capacity;
    l->items = NULL;
    l->size = 0;
    l->capacity = 0;

    int result = -1;
    size_t nkeys = 0;
    SortItem *a = n > 0 ? mem_alloc_array(n, sizeof(SortItem)) : NULL;
    SortState st;
    st.tmp = NULL;
    if (n > 0 && a == NULL) {
        goto restore;
    }
    for (; nkeys < n; nkeys++) {
        a[nkeys].value = saved_items[nkeys];
        if (keyfunc != NULL) {
            a[nkeys].key = obj_call1(keyfunc, saved_items[nkeys]);
            if (a[nkeys].key == NULL) {
                goto restore;
            }
        } else {
            a[nkeys].key = saved_items[nkeys];
        }
    }
    st.kind = sort_kind(a, n);
    st.tmp = n > 1 ? mem_alloc_array(n, sizeof(SortItem)) : NULL;
    if (n > 1 && st.tmp == NULL) {
        goto restore;
    }
    if (reverse) {
        reverse_items(a, n);
    }
    result = sort_items(&st, a, n);
    if (reverse) {
        reverse_items(a, n);
    }
    for (size_t i = 0; i < n; i++) {
        saved_items[i] = a[i].value;
    }

restore:
    if (keyfunc != NULL && a != NULL) {
        for (size_t i = 0; i < nkeys; i++) {
            DECREF(a[i].key);
        }
    }
    mem_free(a);
    mem_free(st.tmp);
    /* Anything the key function or comparisons added meanwhile is dropped. */
    if (l->items != NULL || l->size != 0) {
        Object **added = l->items;
        size_t nadded = l->size;
        l->items = NULL;
        l->size = 0;
        for (size_t i = 0; i < nadded; i++) {
            DECREF(added[i]);
        }
        mem_free(added);
        if (result == 0) {
            err_set_string(&ExcValueError, "list modified during sort");
            result = -1;
        }
    }
    l->items = saved_items;
    l->size = n;
    l->capacity = saved_capacity;
    return result;
}
