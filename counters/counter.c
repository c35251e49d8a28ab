//go:build ignore
/* counter.c: counters and their waiters (see counter.h). */
#define _GNU_SOURCE
#include "counter.h"
#include <linux/futex.h>
#include <sched.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

struct counter_waiter {
	counter_waiter *next;
	int64_t target;
	fiber *f;            /* NULL: a thread waiting on `futex` */
	_Atomic int futex;   /* thread waiters: 1 once woken */
};

static inline void lock(counter *c) {
	int spins = 0;
	for (;;) {
		if (!atomic_exchange_explicit(&c->lock, 1, memory_order_acquire)) return;
		while (atomic_load_explicit(&c->lock, memory_order_relaxed))
			if (++spins > 200) sched_yield(); else __builtin_ia32_pause();
	}
}
static inline void unlock(counter *c) { atomic_store_explicit(&c->lock, 0, memory_order_release); }

void counter_init(counter *c, int64_t value) {
	atomic_init(&c->word, (int64_t)((uint64_t)value << COUNTER_SHIFT));
	atomic_init(&c->lock, 0);
	c->waiters = NULL;
}

counter *counter_new(int64_t value) {
	counter *c = malloc(sizeof *c);
	if (c) counter_init(c, value);
	return c;
}

void counter_free(counter *c) { free(c); }
int counter_waiters(counter *c) {
	int n = 0;
	lock(c);
	for (counter_waiter *w = c->waiters; w; w = w->next) n++;
	unlock(c);
	return n;
}

static void wake(counter_waiter *w) {
	if (w->f) {
		job_ready(w->f);
	} else {
		atomic_store(&w->futex, 1);
		syscall(SYS_futex, &w->futex, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
	}
}

static __attribute__((noinline)) void wake_matching(counter *c, int64_t v) {
	counter_waiter *ready = NULL;
	lock(c);
	for (counter_waiter **p = &c->waiters; *p;) {
		counter_waiter *w = *p;
		if (w->target == v) {
			*p = w->next;
			w->next = ready;
			ready = w;
		} else {
			p = &w->next;
		}
	}
	if (!c->waiters) atomic_fetch_and(&c->word, ~COUNTER_WAITERS);
	unlock(c);
	while (ready) {
		counter_waiter *next = ready->next; /* read first: a woken fiber's stack moves on */
		wake(ready);
		ready = next;
	}
}

int64_t counter_add(counter *c, int64_t delta) {
	int64_t d = (int64_t)((uint64_t)delta << COUNTER_SHIFT);
	int64_t old = atomic_load_explicit(&c->word, memory_order_relaxed), nw;
	do {
		nw = old + d + ((old & COUNTER_WAITERS) ? 1 : 0); /* count in flight only to wake */
	} while (!atomic_compare_exchange_weak(&c->word, &old, nw));
	int64_t v = COUNTER_VALUE(nw);
	if (old & COUNTER_WAITERS) {
		wake_matching(c, v);
		atomic_fetch_sub_explicit(&c->word, 1, memory_order_release); /* last touch */
	}
	return v;
}

/* Whether the value is target with no add still touching the counter; waits
 * out adds in flight while the value is target. */
static int reached(counter *c, int64_t target) {
	for (int spins = 0;; spins++) {
		int64_t w = atomic_load(&c->word);
		if (COUNTER_VALUE(w) != target) return 0;
		if (!COUNTER_INFLIGHT(w)) return 1;
		if (spins > 100) sched_yield(); else __builtin_ia32_pause();
	}
}

/* Waits until the adds in flight are out (see counter.h). */
static void drain(counter *c) {
	for (int spins = 0; COUNTER_INFLIGHT(atomic_load_explicit(&c->word, memory_order_acquire)); spins++)
		if (spins > 100) sched_yield(); else __builtin_ia32_pause();
}

/* Registers w; returns 0 if the target is already reached (w not linked). */
static int enlist(counter *c, counter_waiter *w) {
	lock(c);
	int64_t old = atomic_fetch_or(&c->word, COUNTER_WAITERS);
	if (COUNTER_VALUE(old) == w->target) {
		if (!c->waiters) atomic_fetch_and(&c->word, ~COUNTER_WAITERS);
		unlock(c);
		return 0;
	}
	w->next = c->waiters;
	c->waiters = w;
	unlock(c);
	return 1;
}

/* Runs after the fiber switched away (its stack, holding w, is idle). */
static void park_commit(fiber *f, void *arg) {
	counter_waiter *w = arg;
	counter *c = f->wait_obj;
	if (!enlist(c, w)) job_ready(f);
}

void counter_wait(counter *c, int64_t target) {
	if (reached(c, target)) return;
	counter_waiter w = {NULL, target, job_current_fiber(), 0};
	if (w.f) {
		while (job_help(counter_job_done, c))
			if (reached(c, target)) return;
		w.f->wait_reason = "counter";
		w.f->wait_obj = c;
		w.f->wait_arg = target;
		job_suspend(park_commit, &w);
		drain(c);
		return;
	}
	if (!enlist(c, &w)) { drain(c); return; }
	job_blocking_enter(); /* a worker on its own stack blocks here: safe for GC */
	while (!atomic_load(&w.futex))
		syscall(SYS_futex, &w.futex, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0);
	job_blocking_leave();
	drain(c);
}

void counter_job_done(void *c) { counter_add(c, -1); }

void counter_spawn(counter *c, job_fn fn, void *arg) {
	counter_add(c, 1);
	job_spawn(fn, arg, counter_job_done, c);
}

void counter_spawn_on(counter *c, int worker, job_fn fn, void *arg) {
	counter_add(c, 1);
	job_spawn_on(worker, fn, arg, counter_job_done, c);
}
