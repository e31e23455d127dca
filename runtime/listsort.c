/* listsort.c: list.sort(), CPython 3.11's timsort (Objects/listsort.txt)
 * ported step for step, so the same comparisons happen in the same order
 * (which matters when __lt__ has side effects or raises):
 *   - find natural runs (ascending, or strictly descending and reversed),
 *     extending short ones to `minrun` items with binary insertion;
 *   - decide which runs to merge with the "powersort" rule (3.11);
 *   - merge with merge_lo/merge_hi, switching to galloping (exponential
 *     search) when one run keeps winning.
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

/* A pending run: items [start, start + len) of the array, and its "power"
 * (its depth in the conceptual merge tree, for powersort). */
typedef struct SortRun {
    size_t start, len;
    int power;
} SortRun;

#define MAX_MERGE_PENDING 85
#define MIN_GALLOP        7

typedef struct SortState {
    SortKind kind;
    SortItem *tmp;      /* merge buffer (n items; merges need min(na, nb)) */
    size_t listlen;     /* number of items being sorted */
    ssize_t min_gallop; /* adapts: lower when galloping pays off */
    SortRun runs[MAX_MERGE_PENDING];
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

/* Where key belongs in the sorted a[0:n], leftmost among equals: the k with
 * a[k-1] < key <= a[k], searched by galloping from a[hint]. -1 on error. */
static ssize_t gallop_left(SortState *st, Object *key, SortItem *a, ssize_t n, ssize_t hint) {
    ssize_t ofs = 1, lastofs = 0, k;
    a += hint;
    int lt = sort_less(st, a[0].key, key);
    if (lt < 0) {
        return -1;
    }
    if (lt) {
        /* a[hint] < key: gallop right until a[hint+lastofs] < key <= a[hint+ofs]. */
        const ssize_t maxofs = n - hint;
        while (ofs < maxofs) {
            lt = sort_less(st, a[ofs].key, key);
            if (lt < 0) {
                return -1;
            }
            if (!lt) {
                break;
            }
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs) {
            ofs = maxofs;
        }
        lastofs += hint;
        ofs += hint;
    } else {
        /* key <= a[hint]: gallop left until a[hint-ofs] < key <= a[hint-lastofs]. */
        const ssize_t maxofs = hint + 1;
        while (ofs < maxofs) {
            lt = sort_less(st, (a - ofs)->key, key);
            if (lt < 0) {
                return -1;
            }
            if (lt) {
                break;
            }
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs) {
            ofs = maxofs;
        }
        k = lastofs;
        lastofs = hint - ofs;
        ofs = hint - k;
    }
    a -= hint;
    /* Binary search with invariant a[lastofs-1] < key <= a[ofs]. */
    ++lastofs;
    while (lastofs < ofs) {
        ssize_t m = lastofs + ((ofs - lastofs) >> 1);
        lt = sort_less(st, a[m].key, key);
        if (lt < 0) {
            return -1;
        }
        if (lt) {
            lastofs = m + 1;
        } else {
            ofs = m;
        }
    }
    return ofs;
}

/* Like gallop_left, but rightmost among equals: a[k-1] <= key < a[k]. */
static ssize_t gallop_right(SortState *st, Object *key, SortItem *a, ssize_t n, ssize_t hint) {
    ssize_t ofs = 1, lastofs = 0, k;
    a += hint;
    int lt = sort_less(st, key, a[0].key);
    if (lt < 0) {
        return -1;
    }
    if (lt) {
        /* key < a[hint]: gallop left until a[hint-ofs] <= key < a[hint-lastofs]. */
        const ssize_t maxofs = hint + 1;
        while (ofs < maxofs) {
            lt = sort_less(st, key, (a - ofs)->key);
            if (lt < 0) {
                return -1;
            }
            if (!lt) {
                break;
            }
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs) {
            ofs = maxofs;
        }
        k = lastofs;
        lastofs = hint - ofs;
        ofs = hint - k;
    } else {
        /* a[hint] <= key: gallop right until a[hint+lastofs] <= key < a[hint+ofs]. */
        const ssize_t maxofs = n - hint;
        while (ofs < maxofs) {
            lt = sort_less(st, key, a[ofs].key);
            if (lt < 0) {
                return -1;
            }
            if (lt) {
                break;
            }
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs) {
            ofs = maxofs;
        }
        lastofs += hint;
        ofs += hint;
    }
    a -= hint;
    ++lastofs;
    while (lastofs < ofs) {
        ssize_t m = lastofs + ((ofs - lastofs) >> 1);
        lt = sort_less(st, key, a[m].key);
        if (lt < 0) {
            return -1;
        }
        if (lt) {
            ofs = m;
        } else {
            lastofs = m + 1;
        }
    }
    return ofs;
}

/* Merge the adjacent runs pa[0:na] and pb[0:nb] (pa + na == pb) when
 * na <= nb: A is copied aside and the merge fills from the left. On a
 * comparison error, every item is still somewhere in the two runs. */
static int merge_lo(SortState *st, SortItem *pa, ssize_t na, SortItem *pb, ssize_t nb) {
    int result = -1;
    int k;
    ssize_t min_gallop;
    memcpy(st->tmp, pa, (size_t)na * sizeof(SortItem));
    SortItem *dest = pa;
    pa = st->tmp;

    *dest++ = *pb++;
    --nb;
    if (nb == 0) {
        goto succeed;
    }
    if (na == 1) {
        goto copy_b;
    }
    min_gallop = st->min_gallop;
    for (;;) {
        ssize_t acount = 0; /* times A won in a row */
        ssize_t bcount = 0; /* times B won in a row */
        /* One item at a time until one run seems to win consistently. */
        for (;;) {
            k = sort_less(st, pb->key, pa->key);
            if (k) {
                if (k < 0) {
                    goto fail;
                }
                *dest++ = *pb++;
                ++bcount;
                acount = 0;
                --nb;
                if (nb == 0) {
                    goto succeed;
                }
                if (bcount >= min_gallop) {
                    break;
                }
            } else {
                *dest++ = *pa++;
                ++acount;
                bcount = 0;
                --na;
                if (na == 1) {
                    goto copy_b;
                }
                if (acount >= min_gallop) {
                    break;
                }
            }
        }
        /* Gallop while it keeps paying off. */
        ++min_gallop;
        do {
            min_gallop -= min_gallop > 1;
            st->min_gallop = min_gallop;
            ssize_t g = gallop_right(st, pb->key, pa, na, 0);
            acount = g;
            if (g) {
                if (g < 0) {
                    goto fail;
                }
                memcpy(dest, pa, (size_t)g * sizeof(SortItem));
                dest += g;
                pa += g;
                na -= g;
                if (na == 1) {
                    goto copy_b;
                }
                /* na == 0 only with an inconsistent comparison function. */
                if (na == 0) {
                    goto succeed;
                }
            }
            *dest++ = *pb++;
            --nb;
            if (nb == 0) {
                goto succeed;
            }
            g = gallop_left(st, pa->key, pb, nb, 0);
            bcount = g;
            if (g) {
                if (g < 0) {
                    goto fail;
                }
                memmove(dest, pb, (size_t)g * sizeof(SortItem));
                dest += g;
                pb += g;
                nb -= g;
                if (nb == 0) {
                    goto succeed;
                }
            }
            *dest++ = *pa++;
            --na;
            if (na == 1) {
                goto copy_b;
            }
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        ++min_gallop; /* penalise leaving galloping mode */
        st->min_gallop = min_gallop;
    }
succeed:
    result = 0;
fail:
    if (na) {
        memcpy(dest, pa, (size_t)na * sizeof(SortItem));
    }
    return result;
copy_b:
    /* The last item of A belongs after everything left in B. */
    memmove(dest, pb, (size_t)nb * sizeof(SortItem));
    dest[nb] = *pa;
    return 0;
}

/* Merge pa[0:na] and pb[0:nb] (pa + na == pb) when na > nb: B is copied
 * aside and the merge fills from the right. */
static int merge_hi(SortState *st, SortItem *pa, ssize_t na, SortItem *pb, ssize_t nb) {
    int result = -1;
    int k;
    ssize_t min_gallop;
    memcpy(st->tmp, pb, (size_t)nb * sizeof(SortItem));
    SortItem *dest = pb + nb - 1;
    SortItem *basea = pa;
    SortItem *baseb = st->tmp;
    pb = st->tmp + nb - 1;
    pa += na - 1;

    *dest-- = *pa--;
    --na;
    if (na == 0) {
        goto succeed;
    }
    if (nb == 1) {
        goto copy_a;
    }
    min_gallop = st->min_gallop;
    for (;;) {
        ssize_t acount = 0;
        ssize_t bcount = 0;
        for (;;) {
            k = sort_less(st, pb->key, pa->key);
            if (k) {
                if (k < 0) {
                    goto fail;
                }
                *dest-- = *pa--;
                ++acount;
                bcount = 0;
                --na;
                if (na == 0) {
                    goto succeed;
                }
                if (acount >= min_gallop) {
                    break;
                }
            } else {
                *dest-- = *pb--;
                ++bcount;
                acount = 0;
                --nb;
                if (nb == 1) {
                    goto copy_a;
                }
                if (bcount >= min_gallop) {
                    break;
                }
            }
        }
        ++min_gallop;
        do {
            min_gallop -= min_gallop > 1;
            st->min_gallop = min_gallop;
            ssize_t g = gallop_right(st, pb->key, basea, na, na - 1);
            if (g < 0) {
                goto fail;
            }
            g = na - g;
            acount = g;
            if (g) {
                dest -= g;
                pa -= g;
                memmove(dest + 1, pa + 1, (size_t)g * sizeof(SortItem));
                na -= g;
                if (na == 0) {
                    goto succeed;
                }
            }
            *dest-- = *pb--;
            --nb;
            if (nb == 1) {
                goto copy_a;
            }
            g = gallop_left(st, pa->key, baseb, nb, nb - 1);
            if (g < 0) {
                goto fail;
            }
            g = nb - g;
            bcount = g;
            if (g) {
                dest -= g;
                pb -= g;
                memcpy(dest + 1, pb + 1, (size_t)g * sizeof(SortItem));
                nb -= g;
                if (nb == 1) {
                    goto copy_a;
                }
                /* nb == 0 only with an inconsistent comparison function. */
                if (nb == 0) {
                    goto succeed;
                }
            }
            *dest-- = *pa--;
            --na;
            if (na == 0) {
                goto succeed;
            }
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        ++min_gallop;
        st->min_gallop = min_gallop;
    }
succeed:
    result = 0;
fail:
    if (nb) {
        memcpy(dest - (nb - 1), baseb, (size_t)nb * sizeof(SortItem));
    }
    return result;
copy_a:
    /* The first item of B belongs before everything left in A. */
    memmove(dest + 1 - na, pa + 1 - na, (size_t)na * sizeof(SortItem));
    dest -= na;
    *dest = *pb;
    return 0;
}

/* Merge pending runs i and i+1 of the array a. */
static int merge_at(SortState *st, SortItem *a, size_t i) {
    SortRun *r = st->runs;
    SortItem *pa = a + r[i].start, *pb = a + r[i + 1].start;
    ssize_t na = (ssize_t)r[i].len, nb = (ssize_t)r[i + 1].len;
    r[i].len = (size_t)(na + nb);
    if (i + 3 == st->nruns) {
        r[i + 1] = r[i + 2];
    }
    st->nruns--;
    /* Items of A before where B[0] goes are already in place. */
    ssize_t k = gallop_right(st, pb->key, pa, na, 0);
    if (k < 0) {
        return -1;
    }
    pa += k;
    na -= k;
    if (na == 0) {
        return 0;
    }
    /* Items of B after where A's last goes are already in place. */
    nb = gallop_left(st, pa[na - 1].key, pb, nb, nb - 1);
    if (nb <= 0) {
        return (int)nb;
    }
    return na <= nb ? merge_lo(st, pa, na, pb, nb) : merge_hi(st, pa, na, pb, nb);
}

/* The "power" of the run at s1 (length n1) followed by one of length n2, in a
 * list of n items: how deep its midpoint boundary sits in a binary merge tree
 * (CPython's powerloop; see listsort.txt). */
static int powerloop(size_t s1, size_t n1, size_t n2, size_t n) {
    int result = 0;
    size_t a = 2 * s1 + n1; /* twice the first midpoint */
    size_t b = a + n1 + n2; /* twice the second midpoint */
    for (;;) {
        ++result;
        if (a >= n) {
            a -= n;
            b -= n;
        } else if (b >= n) {
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    return result;
}

/* A new run of length n2 was found after the pending ones: merge pending runs
 * whose power exceeds the new boundary's (powersort). */
static int found_new_run(SortState *st, SortItem *a, size_t n2) {
    if (st->nruns == 0) {
        return 0;
    }
    SortRun *r = st->runs;
    size_t s1 = r[st->nruns - 1].start, n1 = r[st->nruns - 1].len;
    int power = powerloop(s1, n1, n2, st->listlen);
    while (st->nruns > 1 && r[st->nruns - 2].power > power) {
        if (merge_at(st, a, st->nruns - 2) < 0) {
            return -1;
        }
    }
    r[st->nruns - 1].power = power;
    return 0;
}

/* At the end: merge everything that is still pending. */
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
    st->listlen = n;
    st->min_gallop = MIN_GALLOP;
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
        if (found_new_run(st, a, (size_t)run) < 0) {
            return -1;
        }
        st->runs[st->nruns].start = lo;
        st->runs[st->nruns].len = (size_t)run;
        st->runs[st->nruns].power = 0;
        st->nruns++;
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

/* Sort the list in place, stably. keyfunc (borrowed, may be NULL) is called
 * once per item first; reverse sorts descending while keeping equal items in
 * order (reverse, sort, reverse, as CPython). -1 with the exception of a key
 * call or comparison (the list then holds some permutation of its items), or
 * ValueError if the list was modified during the sort. */
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
