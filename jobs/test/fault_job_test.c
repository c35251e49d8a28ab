/* A job that faults on worker 1 (argv[1]: "overflow", unbounded recursion
 * into the guard page; "crash", a store through a bad pointer). The run must
 * end with the "fiber stack overflow" report, or the "fiberus: crash" report
 * naming the signal, address and fiber with a native backtrace through
 * crash_here, printed from the worker's alternate signal stack (checked by
 * jobs_test.go). */
#include "job.h"
#include <stdio.h>
#include <string.h>

static int deep(int n) {
	volatile char pad[512];
	memset((char *)pad, n, sizeof pad);
	return deep(n + 1) + pad[n & 511];
}

__attribute__((noinline)) void crash_here(volatile int *p) { *p = 1; }

static int crash;

static void faulty(void *arg) {
	(void)arg;
	fprintf(stderr, "faulting on worker %d, fiber #%llu\n", job_worker_id(), (unsigned long long)job_current_fiber()->id);
	if (crash) crash_here((volatile int *)(uintptr_t)0x7b);
	else printf("%d\n", deep(0));
}

static int run(void *arg) {
	(void)arg;
	job_spawn_on(1, faulty, NULL, NULL, NULL);
	for (;;) job_yield();
	return 0;
}

int main(int argc, char **argv) {
	crash = argc > 1 && !strcmp(argv[1], "crash");
	job_config cfg = {0};
	cfg.workers = 2;
	job_init(&cfg);
	return job_main(run, NULL);
}
