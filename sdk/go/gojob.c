/* gojob.c: jobs that call back into Go, and small C jobs for tests. */
#include "fiberus.h"
#include "job.h"
#include "_cgo_export.h"
#include <stdatomic.h>

/* Go cannot run on a fiber stack: hop to the worker thread's own stack. */
static void go_on_thread(void *h) { fiberusGoCall((uintptr_t)h); }
void fiberus_go_job(void *h) { job_call_on_thread_stack(go_on_thread, h); }

/* Atomically adds 1 to the int64_t at arg. */
void fiberus_go_inc_job(void *arg) { atomic_fetch_add((_Atomic int64_t *)arg, 1); }

/* Spawns arg->n increment jobs on a counter of its own and waits for them
 * (the wait suspends this job's fiber), then adds n to *arg->sum. */
void fiberus_go_fan_job(void *p) {
	fiberus_go_fan *f = p; /* declared in the preamble of fiberus.go */
	fiberus_counter *c = fiberus_counter_new(0);
	for (int64_t i = 0; i < f->n; i++) fiberus_run(fiberus_go_inc_job, &f->inner, c);
	fiberus_wait(c, 0);
	fiberus_counter_free(c);
	atomic_fetch_add((_Atomic int64_t *)f->sum, atomic_load((_Atomic int64_t *)&f->inner));
}

/* Runs the Go function behind handle h as a job. */
void fiberus_go_run(uintptr_t h, fiberus_counter *c) { fiberus_run(fiberus_go_job, (void *)h, c); }

/* 1 when the calling C code runs on a fiber stack (for tests). */
int fiberus_go_on_fiber_stack(void) {
	char here;
	return fiber_from_addr(&here) != NULL;
}

/* Stores into *(int *)arg whether the job runs on a fiber stack (for tests). */
void fiberus_go_probe_job(void *arg) { *(int *)arg = fiberus_go_on_fiber_stack(); }
