//go:build ignore

/* hx_fib_sync.c: natives of fiberus.Counter, fiberus.AtomicInt and the
 * fiber semaphore under sys.thread's Mutex, Lock, Condition, Semaphore and
 * Deque. A wait suspends the fiber, never the thread; outside a fiber it
 * blocks the thread (in the collector's safe region).
 *
 * Handles are NOPTR GC blocks: they hold no GC pointers (waiters live on the
 * waiting fibers' stacks, which keep the handle alive while they wait). */
#define _GNU_SOURCE
#include "hx_fib.h"
#include <linux/futex.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

/* ---- counters ------------------------------------------------------------- */

counter *hxn_fiberus_counter_create(int32_t v) {
	counter *c = hx_gc_alloc(sizeof(counter), HX_MEM_NOPTR);
	counter_init(c, v);
	return c;
}

int32_t hxn_fiberus_counter_add(counter *c, int32_t delta) { return (int32_t)counter_add(c, delta); }
int32_t hxn_fiberus_counter_get(counter *c) { return (int32_t)counter_get(c); }
int32_t hxn_fiberus_counter_waiters(counter *c) { return counter_waiters(c); }
void hxn_fiberus_counter_wait(counter *c, int32_t target) { counter_wait(c, target); }

/* ---- atomics over a 4-byte cell (fiberus.AtomicInt) --------------------------- */

int32_t hxn_fiberus_atomic_load(uint8_t *p) { return __atomic_load_n((int32_t *)p, __ATOMIC_SEQ_CST); }
void hxn_fiberus_atomic_store(uint8_t *p, int32_t v) { __atomic_store_n((int32_t *)p, v, __ATOMIC_SEQ_CST); }
int32_t hxn_fiberus_atomic_exchange(uint8_t *p, int32_t v) { return __atomic_exchange_n((int32_t *)p, v, __ATOMIC_SEQ_CST); }
int32_t hxn_fiberus_atomic_fetch_add(uint8_t *p, int32_t v) { return __atomic_fetch_add((int32_t *)p, v, __ATOMIC_SEQ_CST); }
bool hxn_fiberus_atomic_cas(uint8_t *p, int32_t expected, int32_t desired) {
	return __atomic_compare_exchange_n((int32_t *)p, &expected, desired, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
}

/* ---- semaphore --------------------------------------------------------------- */

typedef struct sem_waiter {
	struct sem_waiter *next;
	fiber *f;             /* NULL: a thread waiting on `granted` */
	_Atomic int granted;
} sem_waiter;

typedef struct hx_fsem {
	_Atomic int lock;
	int32_t count;
	sem_waiter *head, *tail;
} hx_fsem;

static inline void sem_lock(hx_fsem *s) {
	for (int spins = 0; atomic_exchange_explicit(&s->lock, 1, memory_order_acquire);)
		while (atomic_load_explicit(&s->lock, memory_order_relaxed))
			if (++spins > 200) sched_yield(); else __builtin_ia32_pause();
}
static inline void sem_unlock(hx_fsem *s) { atomic_store_explicit(&s->lock, 0, memory_order_release); }

hx_fsem *hxn_fiberus_sem_create(int32_t count) {
	hx_fsem *s = hx_gc_alloc(sizeof(hx_fsem), HX_MEM_NOPTR);
	s->count = count > 0 ? count : 0;
	return s;
}

static bool sem_try(hx_fsem *s) {
	bool ok = false;
	sem_lock(s);
	if (s->count > 0) s->count--, ok = true;
	sem_unlock(s);
	return ok;
}

bool hxn_fiberus_sem_try(hx_fsem *s) { return sem_try(s); }

/* Runs once the waiting fiber has switched away: only now may a release
 * find it and make it ready. */
static void park_commit(fiber *f, void *arg) {
	(void)f;
	sem_unlock(arg);
}

void hxn_fiberus_sem_acquire(hx_fsem *s) {
	sem_lock(s);
	if (s->count > 0) {
		s->count--;
		sem_unlock(s);
		return;
	}
	sem_waiter w = {NULL, job_current_fiber(), 0};
	if (s->tail) s->tail->next = &w;
	else s->head = &w;
	s->tail = &w;
	if (w.f) {
		w.f->wait_reason = "sys.thread lock";
		w.f->wait_obj = s;
		w.f->wait_arg = 0;
		job_suspend(park_commit, s);
		return; /* the releaser handed us the unit */
	}
	sem_unlock(s);
	job_blocking_enter();
	while (!atomic_load(&w.granted)) syscall(SYS_futex, &w.granted, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0);
	job_blocking_leave();
}

/* Releases n units; waiters are served first come, first served. */
void hxn_fiberus_sem_release(hx_fsem *s, int32_t n) {
	for (; n > 0; n--) {
		sem_lock(s);
		sem_waiter *w = s->head;
		if (!w) {
			s->count += n;
			sem_unlock(s);
			return;
		}
		s->head = w->next;
		if (!s->head) s->tail = NULL;
		sem_unlock(s);
		fiber *f = w->f; /* read first: once granted, w's stack moves on */
		if (f) {
			job_ready(f);
		} else {
			atomic_store(&w->granted, 1);
			syscall(SYS_futex, &w->granted, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
		}
	}
}

static double now_s(void) {
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* Acquires with a timeout in seconds; false when it ran out. The wait
 * polls: the fiber yields to other work, and sleeps its thread in short
 * naps once there seems to be none. */
bool hxn_fiberus_sem_timed(hx_fsem *s, double timeout) {
	if (sem_try(s)) return true;
	if (!(timeout > 0)) return false;
	double end = now_s() + timeout;
	for (int round = 0;; round++) {
		if (round < 64) {
			job_yield();
		} else {
			job_blocking_enter();
			usleep(round < 256 ? 100 : 1000);
			job_blocking_leave();
		}
		if (sem_try(s)) return true;
		if (now_s() >= end) return false;
	}
}
