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
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>

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

typedef struct sem_waiter {
	struct sem_waiter *next;  /* in the semaphore's FIFO */
	fiber *f;                 /* NULL: a thread waiting on `state` */
	_Atomic int state;        /* 0 waiting, 1 granted, 2 timed out (changed under the sem lock) */
	hx_fsem *sem;
	double deadline;          /* timed waits: CLOCK_MONOTONIC seconds */
	struct sem_waiter *tnext; /* in the timer list */
	int firing;               /* the timer thread is using it (timer lock) */
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
static bool unlink_waiter(hx_fsem *s, sem_waiter *w) {
	sem_waiter *prev = NULL;
	for (sem_waiter *p = s->head; p; prev = p, p = p->next) {
		if (p != w) continue;
		if (prev) prev->next = w->next;
		else s->head = w->next;
		if (s->tail == w) s->tail = prev;
		return true;
	}
	return false;
}

static void wake(sem_waiter *w) {
	fiber *f = w->f; /* read first: once woken, w's stack moves on */
	if (f) {
		job_ready(f);
	} else {
		syscall(SYS_futex, &w->state, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
	}
}

/* Runs once the waiting fiber has switched away: only now may a release
 * (or the timer) find it and make it ready. */
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
	sem_waiter w = {NULL, job_current_fiber(), 0, s, 0, NULL, 0};
	enqueue(s, &w);
	if (w.f) {
		w.f->wait_reason = "sys.thread lock";
		w.f->wait_obj = s;
		w.f->wait_arg = 0;
		job_suspend(park_commit, s);
		return; /* the releaser handed us the unit */
	}
	sem_unlock(s);
	job_blocking_enter();
	while (atomic_load(&w.state) == 0) syscall(SYS_futex, &w.state, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0);
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
		atomic_store(&w->state, 1);
		fiber *f = w->f;
		sem_unlock(s);
		if (f) job_ready(f);
		else syscall(SYS_futex, &w->state, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
	}
}

static double now_s(void) {
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* ---- the timer thread of timed waits -----------------------------------------
 * Timed fiber waits are listed by deadline; one thread (started on first
 * use, never touching collected memory) times them out: under the
 * semaphore's lock, a waiter still queued is unlinked and readied. It fires
 * with its own lock released (so a waiter may arm a timer while holding a
 * semaphore lock); `firing` keeps the waiter's frame alive meanwhile. */

static pthread_mutex_t tm_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t tm_cv, tm_done;
static sem_waiter *tm_list;
static pthread_once_t tm_once = PTHREAD_ONCE_INIT;

static void *timer_main(void *arg) {
	(void)arg;
	pthread_mutex_lock(&tm_mu);
	for (;;) {
		sem_waiter *w = tm_list;
		if (!w) {
			pthread_cond_wait(&tm_cv, &tm_mu);
			continue;
		}
		double now = now_s();
		if (w->deadline > now) {
			struct timespec t;
			double d = w->deadline;
			t.tv_sec = (time_t)d;
			t.tv_nsec = (long)((d - (double)t.tv_sec) * 1e9);
			pthread_cond_timedwait(&tm_cv, &tm_mu, &t);
			continue;
		}
		tm_list = w->tnext;
		w->firing = 1;
		pthread_mutex_unlock(&tm_mu);
		hx_fsem *s = w->sem;
		sem_lock(s);
		bool timed_out = atomic_load(&w->state) == 0 && unlink_waiter(s, w);
		if (timed_out) atomic_store(&w->state, 2);
		sem_unlock(s);
		if (timed_out) wake(w);
		pthread_mutex_lock(&tm_mu);
		w->firing = 0;
		pthread_cond_broadcast(&tm_done);
	}
	return NULL;
}

static void timer_start(void) {
	pthread_condattr_t a;
	pthread_condattr_init(&a);
	pthread_condattr_setclock(&a, CLOCK_MONOTONIC);
	pthread_cond_init(&tm_cv, &a);
	pthread_condattr_destroy(&a);
	pthread_cond_init(&tm_done, NULL);
	pthread_t t;
	pthread_attr_t attr;
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	pthread_attr_setstacksize(&attr, 64 << 10);
	sigset_t all, old;
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &old); /* signals go to the program's threads */
	if (pthread_create(&t, &attr, timer_main, NULL) != 0) {
		fputs("fiberus: cannot start the timer thread\n", stderr);
		abort();
	}
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	pthread_attr_destroy(&attr);
}

static void timer_add(sem_waiter *w) {
	pthread_once(&tm_once, timer_start);
	pthread_mutex_lock(&tm_mu);
	sem_waiter **p = &tm_list;
	while (*p && (*p)->deadline <= w->deadline) p = &(*p)->tnext;
	w->tnext = *p;
	*p = w;
	if (tm_list == w) pthread_cond_signal(&tm_cv);
	pthread_mutex_unlock(&tm_mu);
}

/* Takes w off the timer list; waits out a firing in progress. */
static void timer_cancel(sem_waiter *w) {
	pthread_mutex_lock(&tm_mu);
	while (w->firing) pthread_cond_wait(&tm_done, &tm_mu);
	for (sem_waiter **p = &tm_list; *p; p = &(*p)->tnext)
		if (*p == w) {
			*p = w->tnext;
			break;
		}
	pthread_mutex_unlock(&tm_mu);
}

/* Acquires with a timeout in seconds; false when it ran out. A fiber is
 * suspended until a release or its deadline; a thread outside the
 * scheduler polls. */
bool hxn_fiberus_sem_timed(hx_fsem *s, double timeout) {
	if (sem_try(s)) return true;
	if (!(timeout > 0)) return false;
	double end = now_s() + timeout;
	fiber *f = job_current_fiber();
	if (f) {
		sem_lock(s);
		if (s->count > 0) {
			s->count--;
			sem_unlock(s);
			return true;
		}
		sem_waiter w = {NULL, f, 0, s, end, NULL, 0};
		enqueue(s, &w);
		job_external_ref(1); /* the timer may ready it: not a deadlock */
		timer_add(&w);       /* sem lock -> timer lock; the timer never nests them the other way */
		f->wait_reason = "sys.thread lock (timed)";
		f->wait_obj = s;
		f->wait_arg = 0;
		job_suspend(park_commit, s);
		timer_cancel(&w);
		job_external_ref(-1);
		return atomic_load(&w.state) == 1;
	}
	for (;;) {
		job_blocking_enter();
		usleep(1000);
		job_blocking_leave();
		if (sem_try(s)) return true;
		if (now_s() >= end) return false;
	}
}

/* ---- fiberus.io.Timer ------------------------------------------------------ */

void hxn_fiberus_sleep_ns(int32_t high, int32_t low) {
	job_sleep_ns((int64_t)(((uint64_t)(uint32_t)high << 32) | (uint32_t)low));
}
