/* fib(n) with a job and a counter per call, on every worker count given. */
#include "counter.h"
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

typedef struct { int n; long r; } fibarg;

static void fib_job(void *p) {
	fibarg *a = p;
	if (a->n < 2) { a->r = a->n; return; }
	fibarg x = {a->n - 1, 0}, y = {a->n - 2, 0};
	counter c = COUNTER_INIT(0);
	counter_spawn(&c, fib_job, &x);
	counter_spawn(&c, fib_job, &y);
	counter_wait(&c, 0);
	a->r = x.r + y.r;
}

static long fib_ref(int n) { return n < 2 ? n : fib_ref(n - 1) + fib_ref(n - 2); }
static int N = 25;

static int run(void *arg) {
	(void)arg;
	fibarg a = {N, 0};
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	fib_job(&a);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	long want = fib_ref(N);
	printf("fib(%d) = %ld in %.1f ms on %d workers\n", N, a.r,
	       (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6, job_worker_count());
	if (a.r != want) { fprintf(stderr, "fib(%d) = %ld, want %ld\n", N, a.r, want); return 1; }
	return 0;
}

int main(int argc, char **argv) {
	if (argc > 1) N = atoi(argv[1]);
	for (int w = 1; w <= 4; w++) {
		job_config cfg = {0};
		cfg.workers = w;
		job_init(&cfg);
		int code = job_main(run, NULL);
		if (code) return code;
	}
	return 0;
}
