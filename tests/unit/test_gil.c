/* test_gil.c: the GIL state machine on its own, with plain POSIX threads:
 * mutual exclusion, the fair hand-off (no thread wins the GIL back while
 * another waits), blocking releases, and the statistics it keeps. */
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>

#include "gil.h"

enum { NTHREADS = 4, TURNS = 2000, WORK = 50 };

static Gil gil;
static GilThread threads[NTHREADS];
static long counter;           /* protected only by the GIL */
static int holder_log[NTHREADS * TURNS * 2];
static int log_len;            /* protected only by the GIL */
static int failures;

#define CHECK(cond, ...)                                                                           \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);                                   \
            fprintf(stderr, __VA_ARGS__);                                                          \
            fputc('\n', stderr);                                                                   \
            failures++;                                                                            \
        }                                                                                          \
    } while (0)

/* A CPU-bound "interpreter": increments the shared counter with a
 * non-atomic read-modify-write, spending the budget like the eval loop. */
static void *cpu_worker(void *arg) {
    GilThread *me = arg;
    int id = (int)(me - threads);
    gil_acquire(&gil, me);
    for (int turn = 0; turn < TURNS; turn++) {
        holder_log[log_len++] = id;
        for (int i = 0; i < WORK; i++) {
            long v = counter; /* a race here would lose updates */
            counter = v + 1;
        }
        atomic_store(&me->budget, 0); /* pretend the budget ran out */
        gil_yield(&gil, me);
    }
    gil_release(&gil, me, SWITCH_EXIT, BLOCK_OTHER);
    return NULL;
}

static void test_exclusion_and_handoff(GilPolicy policy, bool check_order) {
    gil_init(&gil, policy, 100);
    counter = 0;
    log_len = 0;
    pthread_t tids[NTHREADS];
    for (int i = 0; i < NTHREADS; i++) {
        gil_thread_init(&threads[i], NULL);
    }
    /* Hold the GIL while the workers start, so that they all queue for it
     * before anyone runs (otherwise the first would finish alone). */
    GilThread starter;
    gil_thread_init(&starter, NULL);
    gil_acquire(&gil, &starter);
    for (int i = 0; i < NTHREADS; i++) {
        pthread_create(&tids[i], NULL, cpu_worker, &threads[i]);
    }
    for (;;) {
        pthread_mutex_lock(&gil.mutex);
        int waiting = gil.nwaiting;
        pthread_mutex_unlock(&gil.mutex);
        if (waiting == NTHREADS) {
            break;
        }
        sched_yield();
    }
    gil_release(&gil, &starter, SWITCH_EXIT, BLOCK_OTHER);
    for (int i = 0; i < NTHREADS; i++) {
        pthread_join(tids[i], NULL);
    }
    gil_thread_destroy(&starter);
    CHECK(counter == (long)NTHREADS * TURNS * WORK, "lost updates under the GIL: %ld", counter);
    CHECK(gil.holder == NULL && gil.nwaiting == 0, "GIL not free at the end");
    if (check_order) {
        /* With the hand-off, a thread that yields while others wait never
         * gets the GIL back next: no two consecutive turns by one thread,
         * except at the start and end when fewer threads are running. */
        int repeats = 0;
        for (int i = 1; i < log_len; i++) {
            repeats += holder_log[i] == holder_log[i - 1];
        }
        CHECK(repeats <= 2 * NTHREADS * 2, "fair policy let threads win the GIL back %d times",
              repeats);
    }
    uint64_t acq = 0;
    for (int i = 0; i < NTHREADS; i++) {
        acq += threads[i].stats.acquisitions;
        CHECK(threads[i].stats.switches[SWITCH_EXIT] == 1, "thread %d exit not counted", i);
        gil_thread_destroy(&threads[i]);
    }
    CHECK(acq >= NTHREADS, "acquisitions not counted");
    gil_destroy(&gil);
}

/* A thread blocked "in I/O" lets the others run, and gets the GIL back. */
static void *blocking_worker(void *arg) {
    GilThread *me = arg;
    gil_acquire(&gil, me);
    counter = 1;
    gil_release(&gil, me, SWITCH_BLOCKING, BLOCK_SLEEP);
    struct timespec ts = {0, 2000000};
    nanosleep(&ts, NULL); /* "the system call" */
    gil_acquire(&gil, me);
    counter += 10;
    gil_release(&gil, me, SWITCH_EXIT, BLOCK_OTHER);
    return NULL;
}

static void test_blocking_release(void) {
    gil_init(&gil, GIL_FAIR, 1000);
    counter = 0;
    GilThread *main_t = &threads[0], *other = &threads[1];
    gil_thread_init(main_t, NULL);
    gil_thread_init(other, NULL);
    pthread_t tid;
    gil_acquire(&gil, main_t);
    pthread_create(&tid, NULL, blocking_worker, other);
    gil_release(&gil, main_t, SWITCH_BLOCKING, BLOCK_JOIN);
    pthread_join(tid, NULL);
    gil_acquire(&gil, main_t);
    CHECK(counter == 11, "blocking worker did not run both halves: %ld", counter);
    CHECK(other->stats.blocking[BLOCK_SLEEP] == 1, "sleep not counted");
    CHECK(main_t->stats.blocking[BLOCK_JOIN] == 1, "join not counted");
    gil_release(&gil, main_t, SWITCH_EXIT, BLOCK_OTHER);
    gil_thread_destroy(main_t);
    gil_thread_destroy(other);
    gil_destroy(&gil);
}

int main(void) {
    test_exclusion_and_handoff(GIL_FAIR, true);
    test_exclusion_and_handoff(GIL_PY2, false);
    test_exclusion_and_handoff(GIL_PY3, false);
    test_blocking_release();
    if (failures != 0) {
        fprintf(stderr, "test_gil: %d failure(s)\n", failures);
        return 1;
    }
    printf("test_gil: ok\n");
    return 0;
}
