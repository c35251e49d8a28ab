//go:build ignore
/*
 * job_timer.c: sleeps and timed waits. Each worker keeps a binary min-heap of
 * deadlines (owner-only: entries are filed by commits, which run on the
 * worker). The worker fires expired entries from its loop (job_timers_poll)
 * and, when idle, parks only until the next deadline. Fibers sleeping or in a
 * timed wait are not a deadlock: job_timers_pending() counts them.
 *
 * A timed wait (job_suspend_until) can end two ways, by a waker or by its
 * deadline; f->timed arbitrates. It holds seq << 2 | state, the sequence
 * number of the fiber's latest timed wait (never reset, the fiber struct is
 * never freed) and ARMED, WOKEN or TIMEDOUT. Waker and timer both CAS it
 * from ticket | ARMED (ticket = seq << 2); the one that succeeds readies the
 * fiber, the other does nothing. The timer touches nothing but f->timed
 * until it has won, so its entry may outlive the wait: an entry whose ticket
 * is no longer armed is stale and is dropped when it expires, or earlier
 * when the heap purges: nobody counts stale entries, the heap is compacted
 * whenever it has doubled since the last purge (the mark comes down again
 * as a burst drains), so it stays within about twice its live entries plus
 * a constant. The fiber may resume on another worker; its entry stays where
 * it was filed.
 *
 * Timers fire from the worker loop, so a timer is late by at most the length
 * of the job running on its worker when it expires (scheduling is cooperative).
 */
#define _GNU_SOURCE
#include "job_internal.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

enum { ARMED = 1, WOKEN = 2, TIMEDOUT = 3 };
#define COMPACT_MIN 64

static _Atomic long pending; /* sleeps and timed waits in progress */

int64_t job_now_ns(void) {
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

long job_timers_pending(void) { return atomic_load(&pending); }

static inline int timer_live(const job_timer *t) {
	return !t->ticket || atomic_load_explicit(&t->f->timed, memory_order_relaxed) == (t->ticket | ARMED);
}

static void sift_down(job_timer *h, int n, int i, job_timer x) {
	for (;;) {
		int c = 2 * i + 1;
		if (c >= n) break;
		if (c + 1 < n && h[c + 1].deadline < h[c].deadline) c++;
		if (x.deadline <= h[c].deadline) break;
		h[i] = h[c];
		i = c;
	}
	h[i] = x;
}

/* Drops stale entries and rebuilds the heap (Floyd). */
static void heap_compact(job_worker *w) {
	int n = 0;
	for (int i = 0; i < w->ntimers; i++)
		if (timer_live(&w->timers[i])) w->timers[n++] = w->timers[i];
	for (int i = n / 2 - 1; i >= 0; i--) sift_down(w->timers, n, i, w->timers[i]);
	w->ntimers = n;
	w->timers_compact = n > COMPACT_MIN / 2 ? 2 * n : COMPACT_MIN;
}

static void heap_push(job_worker *w, job_timer t) {
	if (w->ntimers >= w->timers_compact) heap_compact(w);
	if (w->ntimers == w->timers_cap) {
		int cap = w->timers_cap ? w->timers_cap * 2 : 64;
		job_timer *h = realloc(w->timers, (size_t)cap * sizeof *h);
		if (!h) { fputs("fiberus: out of memory for timers\n", stderr); abort(); }
		w->timers = h;
		w->timers_cap = cap;
	}
	int i = w->ntimers++;
	if (w->ntimers > w->timers_high) w->timers_high = w->ntimers;
	while (i > 0) { /* sift up */
		int parent = (i - 1) / 2;
		if (w->timers[parent].deadline <= t.deadline) break;
		w->timers[i] = w->timers[parent];
		i = parent;
	}
	w->timers[i] = t;
}

static job_timer heap_pop(job_worker *w) {
	job_timer top = w->timers[0];
	int n = --w->ntimers;
	if (n) sift_down(w->timers, n, 0, w->timers[n]);
	if (n < w->timers_compact / 4 && w->timers_compact > COMPACT_MIN) w->timers_compact /= 2; /* a burst is over */
	return top;
}

int64_t job_timers_next(job_worker *w) {
	while (w->ntimers && !timer_live(&w->timers[0])) heap_pop(w); /* no wake-up for a stale one */
	return w->ntimers ? w->timers[0].deadline : -1;
}

int job_timers_poll(job_worker *w) {
	int fired = 0;
	int64_t now = job_now_ns();
	fiber *latest_first = NULL; /* fibers to ready, stacked through f->link */
	while (w->ntimers && w->timers[0].deadline <= now) {
		job_timer t = heap_pop(w);
		if (t.ticket) {
			uint64_t armed = t.ticket | ARMED;
			if (!atomic_compare_exchange_strong(&t.f->timed, &armed, t.ticket | TIMEDOUT)) continue; /* woken before */
		} else {
			atomic_fetch_sub(&pending, 1); /* a timed waiter counts itself out */
		}
		t.f->link = latest_first;
		latest_first = t.f;
		fired++;
	}
	/* Readied latest deadline first: the owner takes its deque LIFO, so the
	 * earliest sleeper runs first. */
	while (latest_first) {
		fiber *f = latest_first;
		latest_first = f->link;
		job_ready(f);
	}
	return fired;
}

void job_timers_reset(job_worker *w) {
	atomic_store(&pending, 0); /* nothing of a finished run waits any more */
	w->ntimers = 0;
	w->timers_compact = COMPACT_MIN;
	w->timers_high = 0;
}

static void sleep_commit(fiber *f, void *arg) {
	atomic_fetch_add(&pending, 1); /* before the heap: a parking worker must see it */
	heap_push(job_self(), (job_timer){*(int64_t *)arg, f, 0});
}

void job_sleep_ns(int64_t ns) {
	if (ns <= 0) { job_yield(); return; }
	fiber *f = job_current_fiber();
	if (!f) { /* a plain thread, or a worker on its own stack: block it */
		struct timespec t = {(time_t)(ns / 1000000000), (long)(ns % 1000000000)};
		job_blocking_enter();
		while (nanosleep(&t, &t) != 0 && errno == EINTR) {}
		job_blocking_leave();
		return;
	}
	int64_t deadline = job_now_ns() + ns;
	f->wait_reason = "sleep";
	f->wait_obj = NULL;
	f->wait_arg = ns;
	job_suspend(sleep_commit, &deadline);
}

/* ---- timed waits ---------------------------------------------------------- */

typedef struct timed_msg {
	int64_t deadline;
	uint64_t ticket;
	void (*commit)(fiber *f, void *arg);
	void *arg;
} timed_msg;

static void timed_commit(fiber *f, void *p) {
	timed_msg m = *(timed_msg *)p; /* the fiber's frame may go once the wait is published */
	heap_push(job_self(), (job_timer){m.deadline, f, m.ticket});
	m.commit(f, m.arg);
}

int job_suspend_until(int64_t deadline, uint64_t *ticket, void (*commit)(fiber *f, void *arg), void *arg) {
	fiber *f = job_current_fiber();
	timed_msg m = {deadline, ((atomic_load(&f->timed) >> 2) + 1) << 2, commit, arg};
	*ticket = m.ticket;
	atomic_fetch_add(&pending, 1); /* before it can be suspended: not a deadlock meanwhile */
	atomic_store(&f->timed, m.ticket | ARMED);
	job_suspend(timed_commit, &m);
	atomic_fetch_sub(&pending, 1);
	return (atomic_load(&f->timed) & 3) == WOKEN;
}

int job_timed_claim(fiber *f, uint64_t ticket) {
	uint64_t armed = ticket | ARMED;
	return atomic_compare_exchange_strong(&f->timed, &armed, ticket | WOKEN);
}
