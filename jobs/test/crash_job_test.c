/* A job dereferencing a bad pointer on a worker thread: the run must end with
 * the "fiberus: crash" report naming the signal, the address and the fiber,
 * with a native backtrace through crash_here (checked by jobs_test.go). */
#include "job.h"
#include <stdio.h>

__attribute__((noinline)) void crash_here(volatile int *p) { *p = 1; }

static void bad_job(void *arg) {
	(void)arg;
	fprintf(stderr, "crashing on worker %d, fiber #%llu\n", job_worker_id(), (unsigned long long)job_current_fiber()->id);
	crash_here((volatile int *)(uintptr_t)0x7b);
}

static int run(void *arg) {
	(void)arg;
	job_spawn_on(1, bad_job, NULL, NULL, NULL);
	for (;;) job_yield();
	return 0;
}

int main(void) {
	job_config cfg = {0};
	cfg.workers = 2;
	job_init(&cfg);
	return job_main(run, NULL);
}
