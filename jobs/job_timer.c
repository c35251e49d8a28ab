//go:build ignore
/*
 * job_timer.c: sleeping fibers. job_sleep_ns suspends the fiber and files it
 * in its worker's timer heap (a binary min-heap on the deadline, owner-only:
 * the commit runs on the worker). The worker fires expired timers from its
 * loop (job_timers_poll) and, when idle, parks only until the next deadline.
 * A fiber sleeping in a timer is not a deadlock: job_timers_pending() counts
 * timers across workers.
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

static _Atomic long pending; /* timers filed on all workers */

int64_t job_now_ns(void) {
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

long job_timers_pending(void) { return atomic_load(&pending); }

static void heap_push(job_worker *w, int64_t deadline, fiber *f) {
	if (w->ntimers == w->timers_cap) {
		int cap = w->timers_cap ? w->timers_cap * 2 : 64;
		job_timer *t = realloc(w->timers, (size_t)cap * sizeof *t);
		if (!t) { fputs("fiberus: out of memory for timers\n", stderr); abort(); }
		w->timers = t;
		w->timers_cap = cap;
	}
	int i = w->ntimers++;
	while (i > 0) { /* sift up */
		int parent = (i - 1) / 2;
		if (w->timers[parent].deadline <= deadline) break;
		w->timers[i] = w->timers[parent];
		i = parent;
	}
	w->timers[i] = (job_timer){deadline, f};
}

static fiber *heap_pop(job_worker *w) {
	fiber *top = w->timers[0].f;
	job_timer last = w->timers[--w->ntimers];
	int n = w->ntimers, i = 0;
	for (;;) { /* sift down */
		int c = 2 * i + 1;
		if (c >= n) break;
		if (c + 1 < n && w->timers[c + 1].deadline < w->timers[c].deadline) c++;
		if (last.deadline <= w->timers[c].deadline) break;
		w->timers[i] = w->timers[c];
		i = c;
	}
	if (n) w->timers[i] = last;
	return top;
}

int64_t job_timers_next(job_worker *w) { return w->ntimers ? w->timers[0].deadline : -1; }

int job_timers_poll(job_worker *w) {
	int fired = 0;
	int64_t now = job_now_ns();
	fiber *latest_first = NULL; /* expired sleepers, stacked through f->link */
	while (w->ntimers && w->timers[0].deadline <= now) {
		fiber *f = heap_pop(w);
		f->link = latest_first;
		latest_first = f;
		fired++;
	}
	/* Readied latest deadline first: the owner takes its deque LIFO, so the
	 * earliest sleeper runs first. */
	while (latest_first) {
		fiber *f = latest_first;
		latest_first = f->link;
		atomic_fetch_sub(&pending, 1);
		job_ready(f);
	}
	return fired;
}

void job_timers_reset(job_worker *w) {
	atomic_fetch_sub(&pending, w->ntimers);
	w->ntimers = 0;
}

static void sleep_commit(fiber *f, void *arg) {
	atomic_fetch_add(&pending, 1); /* before the heap: a parking worker must see it */
	heap_push(job_self(), *(int64_t *)arg, f);
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
