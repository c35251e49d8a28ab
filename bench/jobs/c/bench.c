/*
 * bench.c: microbenchmarks of the job runtime, one per invocation:
 *   bench switch            ns per switch, the thread's own stack <-> a pooled fiber
 *   bench switchff          ns per switch between two pooled fibers
 *   bench yield             ns per job_yield of two fibers taking turns on one worker
 *   bench spawn W           ns per job spawned and completed (empty jobs, counter)
 *   bench fib W N           ms for fib(N) with a job and a counter per call
 *   bench pfor W            ms for a compute-bound parallel for
 *   bench threads W         ms for the parallel for's loop split over W raw pthreads
 *   bench million N         resident MiB with N fibers suspended at once
 * Each prints one line "name value unit" (the Go driver in ../ parses it).
 */
#include "counter.h"
#include "fiberus.h"
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec * 1e-9;
}
/* Single-threaded measurements use the thread's CPU time: the machines we
 * run on are shared, and waiting for a CPU is not the switch's cost. */
static double cpu_now(void) {
	struct timespec t;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
	return t.tv_sec + t.tv_nsec * 1e-9;
}

/* ---- switch ---- */
static fiber_ctx main_ctx;
static fiber *a;

static void pingpong(void *arg, void *msg) {
	(void)arg; (void)msg;
	for (;;) fiber_swap(&a->ctx, &main_ctx, NULL);
}
static void bench_switch(void) {
	fiber_pool_init(NULL);
	fiber_ctx_init_thread(&main_ctx);
	a = fiber_create(0, pingpong, NULL);
	long n = 20000000;
	double best = 1e9;
	for (int r = 0; r < 5; r++) {
		double t0 = cpu_now();
		for (long i = 0; i < n; i++) fiber_swap(&main_ctx, &a->ctx, NULL);
		double ns = (cpu_now() - t0) * 1e9 / (2.0 * n);
		if (ns < best) best = ns;
	}
	printf("switch %.2f ns\n", best);
}

/* Fiber to fiber, both from the pool (what the scheduler does): the two
 * stacks' placement differs from the thread's stack, so this is reported too. */
static fiber *ping, *pong;
static double ff_best;
static void pong_body(void *arg, void *msg) {
	(void)arg; (void)msg;
	for (;;) fiber_swap(&pong->ctx, &ping->ctx, NULL);
}
static void ping_body(void *arg, void *msg) {
	(void)arg; (void)msg;
	long n = 20000000;
	ff_best = 1e9;
	for (int r = 0; r < 5; r++) {
		double t0 = cpu_now();
		for (long i = 0; i < n; i++) fiber_swap(&ping->ctx, &pong->ctx, NULL);
		double ns = (cpu_now() - t0) * 1e9 / (2.0 * n);
		if (ns < ff_best) ff_best = ns;
	}
	fiber_swap(&ping->ctx, &main_ctx, NULL);
}
static void bench_switch_ff(void) {
	fiber_pool_init(NULL);
	fiber_ctx_init_thread(&main_ctx);
	ping = fiber_create(0, ping_body, NULL);
	pong = fiber_create(0, pong_body, NULL);
	fiber_swap(&main_ctx, &ping->ctx, NULL);
	printf("switchff %.2f ns\n", ff_best);
}

/* ---- yield ping-pong through the scheduler (one worker) ---- */
static long yield_n = 5000000;
static void yielder(void *arg) {
	for (long i = 0; i < yield_n; i++) fiberus_yield();
	counter_add(arg, -1);
}
static int yield_main(void *arg) {
	(void)arg;
	double best = 1e9;
	for (int r = 0; r < 3; r++) {
		counter c = COUNTER_INIT(2);
		double t0 = cpu_now();
		job_spawn(yielder, &c, NULL, NULL);
		job_spawn(yielder, &c, NULL, NULL);
		counter_wait(&c, 0);
		double ns = (cpu_now() - t0) * 1e9 / (2.0 * yield_n);
		if (ns < best) best = ns;
	}
	printf("yield %.2f ns\n", best);
	return 0;
}

/* ---- spawn ---- */
static void empty(void *arg) { (void)arg; }
static long spawn_n;
/* With one worker everything runs on this thread: its CPU time is the cost. */
static double spawn_clock(void) { return fiberus_worker_count() == 1 ? cpu_now() : now(); }
static int spawn_main(void *arg) {
	(void)arg;
	counter c = COUNTER_INIT(0);
	double best = 1e9;
	for (int r = 0; r < 5; r++) {
		double t0 = spawn_clock();
		for (long i = 0; i < spawn_n; i += 1000) {
			for (int k = 0; k < 1000; k++) counter_spawn(&c, empty, NULL);
			counter_wait(&c, 0);
		}
		double ns = (spawn_clock() - t0) * 1e9 / spawn_n;
		if (ns < best) best = ns;
	}
	printf("spawn %.2f ns\n", best);
	/* The same with fiberus_run_many: one counter update per batch. */
	fiberus_job batch[1000];
	for (int k = 0; k < 1000; k++) batch[k] = (fiberus_job){empty, NULL};
	fiberus_counter *fc = fiberus_counter_new(0);
	best = 1e9;
	for (int r = 0; r < 5; r++) {
		double t0 = spawn_clock();
		for (long i = 0; i < spawn_n; i += 1000) {
			fiberus_run_many(batch, 1000, fc);
			fiberus_wait(fc, 0);
		}
		double ns = (spawn_clock() - t0) * 1e9 / spawn_n;
		if (ns < best) best = ns;
	}
	fiberus_counter_free(fc);
	printf("spawnbatch %.2f ns\n", best);
	return 0;
}

/* ---- fib ---- */
typedef struct { int n; long r; } fibarg;
static void fib_job(void *p) {
	fibarg *f = p;
	if (f->n < 2) { f->r = f->n; return; }
	fibarg x = {f->n - 1, 0}, y = {f->n - 2, 0};
	counter c = COUNTER_INIT(0);
	counter_spawn(&c, fib_job, &x);
	counter_spawn(&c, fib_job, &y);
	counter_wait(&c, 0);
	f->r = x.r + y.r;
}
static int fib_n;
static int fib_main(void *arg) {
	(void)arg;
	double best = 1e9;
	for (int r = 0; r < 3; r++) {
		fibarg f = {fib_n, 0};
		double t0 = now();
		fib_job(&f);
		double ms = (now() - t0) * 1e3;
		if (f.r <= 0) return 1;
		if (ms < best) best = ms;
	}
	printf("fib %.1f ms\n", best);
	return 0;
}

/* ---- parallel for ---- */
#define PFOR_N 4096
static double pfor_out[PFOR_N];
/* Prints the sum of the results: without a reader the compiler may drop
 * the whole loop (sqrt has no side effect under -fno-math-errno), and the
 * driver checks that every variant computed the same. */
static void pfor_print_sum(void) {
	double sum = 0;
	for (int i = 0; i < PFOR_N; i++) sum += pfor_out[i];
	printf("pfor_sum %.17g sum\n", sum);
}
static void pfor_body(int64_t i, void *arg) {
	(void)arg;
	double x = (double)i;
	for (int k = 0; k < 20000; k++) x = sqrt(x + k) * 1.0000001;
	pfor_out[i] = x;
}
static int pfor_main(void *arg) {
	(void)arg;
	double best = 1e9;
	for (int r = 0; r < 3; r++) {
		double t0 = now();
		fiberus_parallel_for(PFOR_N, 16, pfor_body, NULL);
		double ms = (now() - t0) * 1e3;
		if (ms < best) best = ms;
	}
	printf("pfor %.1f ms\n", best);
	pfor_print_sum();
	return 0;
}

/* ---- the same loop on raw pthreads: the speed-up the machine offers now ---- */
typedef struct { int64_t lo, hi; } span;
static void *pthread_body(void *p) {
	span *s = p;
	for (int64_t i = s->lo; i < s->hi; i++) pfor_body(i, NULL);
	return NULL;
}
static void bench_threads(int w) {
	double best = 1e9;
	for (int r = 0; r < 3; r++) {
		pthread_t th[64];
		span sp[64];
		double t0 = now();
		for (int i = 0; i < w; i++) {
			sp[i] = (span){(int64_t)PFOR_N * i / w, (int64_t)PFOR_N * (i + 1) / w};
			pthread_create(&th[i], NULL, pthread_body, &sp[i]);
		}
		for (int i = 0; i < w; i++) pthread_join(th[i], NULL);
		double ms = (now() - t0) * 1e3;
		if (ms < best) best = ms;
	}
	printf("threads %.1f ms\n", best);
	pfor_print_sum();
}

/* ---- million suspended ---- */
static long mil_n;
static counter gate = COUNTER_INIT(1), mil_done = COUNTER_INIT(0);
static void sleeper(void *p) { (void)p; counter_wait(&gate, 0); }
static long status_kb(const char *key) {
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	long v = -1;
	while (fgets(line, sizeof line, f))
		if (!strncmp(line, key, strlen(key))) v = atol(line + strlen(key));
	fclose(f);
	return v;
}
static int million_main(void *arg) {
	(void)arg;
	for (long i = 0; i < mil_n; i++) counter_spawn(&mil_done, sleeper, NULL);
	while (counter_waiters(&gate) < mil_n) job_yield();
	long rss = status_kb("VmRSS:");
	counter_add(&gate, -1);
	counter_wait(&mil_done, 0);
	printf("million %.1f MiB\n", rss / 1024.0);
	return 0;
}

static void init_workers(int w) {
	fiberus_config cfg;
	fiberus_config_default(&cfg);
	cfg.workers = w;
	fiberus_init(&cfg);
}

int main(int argc, char **argv) {
	const char *what = argc > 1 ? argv[1] : "";
	int w = argc > 2 ? atoi(argv[2]) : 1;
	if (!strcmp(what, "switch")) { bench_switch(); return 0; }
	if (!strcmp(what, "switchff")) { bench_switch_ff(); return 0; }
	if (!strcmp(what, "yield")) { init_workers(1); return fiberus_main(yield_main, NULL); }
	if (!strcmp(what, "spawn")) { init_workers(w); spawn_n = 5000000; return fiberus_main(spawn_main, NULL); }
	if (!strcmp(what, "fib")) { init_workers(w); fib_n = argc > 3 ? atoi(argv[3]) : 32; return fiberus_main(fib_main, NULL); }
	if (!strcmp(what, "pfor")) { init_workers(w); return fiberus_main(pfor_main, NULL); }
	if (!strcmp(what, "threads")) { bench_threads(w); return 0; }
	if (!strcmp(what, "million")) { init_workers(0); mil_n = argc > 2 ? atol(argv[2]) : 1000000; return fiberus_main(million_main, NULL); }
	fprintf(stderr, "usage: bench switch | switchff | spawn W | fib W N | pfor W | million N\n");
	return 2;
}
