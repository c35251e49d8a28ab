/* A job recursing without bound on a worker thread: the run must end with the
 * "fiber stack overflow" report (checked by jobs_test.go), printed from the
 * worker's alternate signal stack. */
#include "job.h"
#include <stdio.h>
#include <string.h>

static int deep(int n) {
	volatile char pad[512];
	memset((char *)pad, n, sizeof pad);
	return deep(n + 1) + pad[n & 511];
}

static void runaway(void *arg) {
	(void)arg;
	fprintf(stderr, "runaway on worker %d, fiber #%llu\n", job_worker_id(), (unsigned long long)job_current_fiber()->id);
	printf("%d\n", deep(0));
}

static int run(void *arg) {
	(void)arg;
	job_spawn_on(1, runaway, NULL, NULL, NULL);
	for (;;) job_yield();
	return 0;
}

int main(void) {
	job_config cfg = {0};
	cfg.workers = 2;
	job_init(&cfg);
	return job_main(run, NULL);
}
