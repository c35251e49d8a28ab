//go:build ignore
/*
 * job_stw.c: stopping the world for the collector. A worker is "safe" while
 * it is stopped at a safe point, parked idle, or blocked in a syscall inside
 * job_blocking_enter/leave. The requester sets job_stw_requested and waits
 * until every other worker is safe; a worker leaving a safe state re-checks
 * the request (Dekker-style, both sides seq_cst) and waits while it is set.
 */
#define _GNU_SOURCE
#include "job_internal.h"
#include <sched.h>

_Atomic int job_stw_requested;
static _Atomic int stw_lock;
static _Atomic int stw_epoch;      /* futex word: bumped by job_stw_end */

static void note_sp(void *arg, void *sp) {
	job_worker *w = arg;
	if (w->cur && !w->on_thread_stack) atomic_store_explicit(&w->cur->gc_sp, sp, memory_order_relaxed);
}

static void wait_release(void) {
	int e = atomic_load(&stw_epoch);
	while (atomic_load(&job_stw_requested)) {
		job_futex_wait(&stw_epoch, e);
		e = atomic_load(&stw_epoch);
	}
}

static void stop_here(void *arg, void *sp) {
	job_worker *w = arg;
	note_sp(w, sp);
	while (atomic_load(&job_stw_requested)) {
		atomic_store(&w->safe, 1);
		wait_release();
		atomic_store(&w->safe, 0);
	}
	if (w->cur) atomic_store_explicit(&w->cur->gc_sp, NULL, memory_order_relaxed);
}

void job_safepoint(void) {
	job_worker *w = job_self();
	if (!w || !atomic_load(&job_stw_requested)) return;
	fiber_call_spilled(stop_here, w);
}

static void enter_safe(void *arg, void *sp) {
	job_worker *w = arg;
	note_sp(w, sp);
	atomic_store(&w->safe, 1);
}

/* Leaves a safe state; waits out a stop in progress. */
static void leave_safe(job_worker *w) {
	for (;;) {
		atomic_store(&w->safe, 0);
		if (!atomic_load(&job_stw_requested)) break;
		atomic_store(&w->safe, 1);
		wait_release();
	}
	if (w->cur) atomic_store_explicit(&w->cur->gc_sp, NULL, memory_order_relaxed);
}

void job_stw_idle_enter(job_worker *w) { fiber_call_spilled(enter_safe, w); }
void job_stw_idle_leave(job_worker *w) { leave_safe(w); }

void job_blocking_enter(void) {
	job_worker *w = job_self();
	if (w) fiber_call_spilled(enter_safe, w);
}

void job_blocking_leave(void) {
	job_worker *w = job_self();
	if (w) leave_safe(w);
}

static void stw_wait_all(void *arg, void *sp) {
	job_worker *me = arg;
	if (me) note_sp(me, sp);
	for (int i = 0; i < job_nworkers; i++) {
		job_worker *w = &job_workers[i];
		if (w == me) continue;
		for (int spins = 0; !atomic_load(&w->safe); spins++)
			if (spins > 100) sched_yield(); else __builtin_ia32_pause();
	}
}

void job_stw_begin(void) {
	job_worker *me = job_self();
	int zero = 0;
	while (!atomic_compare_exchange_weak(&stw_lock, &zero, 1)) {
		zero = 0;
		if (me) job_safepoint(); /* another stop is on: be stopped for it */
		else sched_yield();
	}
	atomic_store(&job_stw_requested, 1);
	if (me) atomic_store(&me->safe, 1); /* the requester is stopped too */
	stw_wait_all(me, __builtin_frame_address(0));
	if (me) fiber_call_spilled(note_sp, me);
}

void job_stw_end(void) {
	job_worker *me = job_self();
	if (me) {
		atomic_store(&me->safe, 0);
		if (me->cur) atomic_store_explicit(&me->cur->gc_sp, NULL, memory_order_relaxed);
	}
	atomic_store(&job_stw_requested, 0);
	atomic_fetch_add(&stw_epoch, 1);
	job_futex_wake(&stw_epoch, 1 << 30);
	atomic_store(&stw_lock, 0);
}
