//go:build ignore

/* hx_fib_sync.c: natives of fiberus.Counter, fiberus.AtomicInt and the
 * fiber semaphore under sys.thread's Mutex, Lock, Condition, Semaphore and
 * Deque. A wait suspends the fiber, never the thread; outside a fiber it
 * blocks the thread on a futex (in the collector's safe region).
 *
 * Timed waits need no thread of their own: a fiber suspends with
 * job_suspend_until (a timer of its worker's heap), and release and deadline
 * race for it through job_timed_claim, exactly one winning. The timer never
 * touches the waiter, which stays on the fiber's stack: a fiber that timed
 * out takes itself off the queue under the lock before it returns, and a
 * release that finds it first loses the claim and serves the next waiter. A
 * thread waits on its waiter's futex word with the deadline; on timeout it
 * leaves under the lock unless a release granted it first.
 *
 * Handles are NOPTR GC blocks: they hold no GC pointers (waiters live on the
 * waiting fibers' stacks, which keep the handle alive while they wait). */
#define _GNU_SOURCE
#include "hx_fib.h"
#include <errno.h>
#include <linux/futex.h>
#include <sched.h>
#include <stdatomic.h>
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

typedef struct hx_fsem hx_fsem;

/* A waiter lives on the waiting fiber's (or thread's) stack while queued. */
typedef struct sem_waiter {
	struct sem_waiter *next; /* in the semaphore's FIFO */
	fiber *f;                /* NULL: a thread waiting on `state` */
	uint64_t ticket;         /* timed fiber waits: claimed before the hand-over */
	_Atomic int state;       /* threads: 0 waiting, 1 granted, 2 timed out (under the sem lock) */
} sem_waiter;

struct hx_fsem {
	_Atomic int lock;
	int32_t count;
	sem_waiter *head, *tail;
};

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

static void enqueue(hx_fsem *s, sem_waiter *w) {
	w->next = NULL;
	if (s->tail) s->tail->next = w;
	else s->head = w;
	s->tail = w;
}

/* Unlinks w if it is still queued (sem lock held). */
static void unlink_waiter(hx_fsem *s, sem_waiter *w) {
	sem_waiter *prev = NULL;
	for (sem_waiter *p = s->head; p; prev = p, p = p->next) {
		if (p != w) continue;
		if (prev) prev->next = w->next;
		else s->head = w->next;
		if (s->tail == w) s->tail = prev;
		return;
	}
}

/* Runs once the waiting fiber has switched away: only now may a release
 * find it and make it ready. */
static void park_commit(fiber *f, void *arg) {
	(void)f;
	sem_unlock(arg);
}

/* Blocks a thread (not a fiber) until its waiter is granted or, with
 * deadline >= 0 (job_now_ns clock), the deadline passes; true if granted. */
static bool thread_wait(hx_fsem *s, sem_waiter *w, int64_t deadline) {
	struct timespec t = {(time_t)(deadline / 1000000000), (long)(deadline % 1000000000)};
	job_blocking_enter();
	while (atomic_load(&w->state) == 0) {
		/* FUTEX_WAIT_BITSET takes an absolute CLOCK_MONOTONIC time */
		long r = syscall(SYS_futex, &w->state, FUTEX_WAIT_BITSET_PRIVATE, 0, deadline < 0 ? NULL : &t, NULL,
		                 FUTEX_BITSET_MATCH_ANY);
		if (r != 0 && errno == ETIMEDOUT) break;
	}
	job_blocking_leave();
	if (atomic_load(&w->state) == 1) return true;
	sem_lock(s); /* out of time: leave, unless a release came first */
	bool granted = atomic_load(&w->state) == 1;
	if (!granted) {
		unlink_waiter(s, w);
		atomic_store(&w->state, 2);
	}
	sem_unlock(s);
	return granted;
}

/* Acquires, waiting with a deadline when deadline >= 0; true if acquired. */
static bool sem_wait(hx_fsem *s, int64_t deadline) {
	sem_lock(s);
	if (s->count > 0) {
		s->count--;
		sem_unlock(s);
		return true;
	}
	sem_waiter w = {NULL, job_current_fiber(), 0, 0};
	enqueue(s, &w);
	if (!w.f) {
		sem_unlock(s);
		return thread_wait(s, &w, deadline);
	}
	w.f->wait_obj = s;
	w.f->wait_arg = 0;
	if (deadline < 0) {
		w.f->wait_reason = "sys.thread lock";
		job_suspend(park_commit, s);
		return true; /* the releaser handed us the unit */
	}
	w.f->wait_reason = "sys.thread lock (timed)";
	if (job_suspend_until(deadline, &w.ticket, park_commit, s)) return true;
	sem_lock(s); /* timed out: leave the queue (a release meanwhile passed us by) */
	unlink_waiter(s, &w);
	sem_unlock(s);
	return false;
}

void hxn_fiberus_sem_acquire(hx_fsem *s) { sem_wait(s, -1); }

/* Releases n units; waiters are served first come, first served. A timed
 * waiter whose deadline claimed it first is passed by (it leaves by itself). */
void hxn_fiberus_sem_release(hx_fsem *s, int32_t n) {
	while (n > 0) {
		sem_lock(s);
		sem_waiter *w;
		while ((w = s->head)) {
			s->head = w->next;
			if (!s->head) s->tail = NULL;
			if (!w->ticket || job_timed_claim(w->f, w->ticket)) break;
		}
		if (!w) {
			s->count += n;
			sem_unlock(s);
			return;
		}
		fiber *f = w->f; /* read before the unlock: once granted, w's stack moves on */
		atomic_store(&w->state, 1);
		sem_unlock(s);
		if (f) job_ready(f);
		else syscall(SYS_futex, &w->state, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0); /* a stale address is harmless */
		n--;
	}
}

/* Acquires with a timeout in seconds; false when it ran out. A fiber is
 * suspended until a release or its deadline (a timer of its worker, see
 * job_suspend_until); a thread blocks on a futex with the deadline. */
bool hxn_fiberus_sem_timed(hx_fsem *s, double timeout) {
	if (sem_try(s)) return true;
	if (!(timeout > 0)) return false;
	double ns = timeout * 1e9;
	int64_t now = job_now_ns();
	int64_t deadline = ns < (double)(INT64_MAX / 2) ? now + (int64_t)ns : now + INT64_MAX / 2;
	return sem_wait(s, deadline);
}

/* ---- fiberus.io.Timer ------------------------------------------------------ */

void hxn_fiberus_sleep_ns(int32_t high, int32_t low) {
	job_sleep_ns((int64_t)(((uint64_t)(uint32_t)high << 32) | (uint32_t)low));
}
