/* The scheduler: many short jobs on few stacks, targeted spawns, yield,
 * suspension and readying (also from a foreign thread), the thread-stack call,
 * stop-the-world with fiber enumeration, main's exit code, and repeated runs. */
#include "job.h"
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CHECK(c, ...) do { if (!(c)) { fprintf(stderr, "%s:%d: ", __FILE__, __LINE__); fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); exit(1); } } while (0)

static _Atomic long ran, done_calls;
static void nop_job(void *arg) { (void)arg; atomic_fetch_add_explicit(&ran, 1, memory_order_relaxed); }
static void count_done(void *arg) { (void)arg; atomic_fetch_add_explicit(&done_calls, 1, memory_order_relaxed); }

/* Spawning job tree: each job spawns two children until depth 0. */
static void tree_job(void *arg) {
	long d = (long)arg;
	atomic_fetch_add_explicit(&ran, 1, memory_order_relaxed);
	if (d > 0) { job_spawn(tree_job, (void *)(d - 1), NULL, NULL); job_spawn(tree_job, (void *)(d - 1), NULL, NULL); }
}

static _Atomic int on_target_ok = 1;
static void targeted(void *arg) {
	if (job_worker_id() != (int)(long)arg) atomic_store(&on_target_ok, 0);
	atomic_fetch_add(&ran, 1);
}

/* A trivial gate built on job_suspend: the committed fiber is parked in a
 * slot; another thread readies it. */
static _Atomic(fiber *) parked;
static void park_commit(fiber *f, void *arg) { (void)arg; atomic_store(&parked, f); }
static void *readier(void *arg) {
	(void)arg;
	fiber *f;
	while (!(f = atomic_load(&parked))) usleep(100);
	atomic_store(&parked, NULL);
	job_ready(f);
	return NULL;
}

static void parked_job(void *arg) {
	(void)arg;
	job_current_fiber()->wait_reason = "test";
	job_suspend(park_commit, NULL);
}

static void on_stack(void *arg) {
	char here;
	*(int *)arg = job_current_fiber() == NULL && fiber_from_addr(&here) == NULL;
}

static long nvisit, nsusp;
static void visit(fiber *f, char *lo, char *hi, void *ctx) {
	(void)ctx;
	nvisit++;
	int st = atomic_load(&f->state);
	if (st == FIBER_SUSPENDED) nsusp++;
	if ((st == FIBER_SUSPENDED || st == FIBER_READY) && lo != (char *)f->ctx.sp)
		CHECK(0, "fiber #%llu: scan starts at %p, not at its saved sp %p", (unsigned long long)f->id, (void *)lo, f->ctx.sp);
	CHECK(lo >= f->stack_lo && lo <= hi && hi == f->stack_hi, "bad scan range for fiber #%llu", (unsigned long long)f->id);
}

static void spin_job(void *arg) {
	_Atomic int *stop = arg;
	while (!atomic_load(stop))
		if (atomic_load_explicit(&job_stw_requested, memory_order_relaxed)) job_safepoint();
}

static void big_stack_job(void *arg) {
	volatile char big[512 << 10]; /* needs far more than the default 64 KiB */
	big[0] = 1;
	big[sizeof big - 1] = 2;
	fiber *f = job_current_fiber();
	if ((size_t)(f->stack_hi - f->stack_lo) >= (1u << 20) && big[0] + big[sizeof big - 1] == 3)
		atomic_fetch_add((_Atomic long *)arg, 1);
	job_yield(); /* suspend once on the big stack */
}

/* Yield ping-pong switches fiber to fiber directly: it must still let a job
 * arriving in the inbox run, and must not keep the run from stopping. */
static _Atomic int pp_stop, inbox_ran;
static void ping_pong(void *arg) {
	_Atomic int *stop = arg;
	while (!stop || !atomic_load(stop)) job_yield();
}
static void inbox_job(void *arg) { (void)arg; atomic_store(&inbox_ran, 1); }
static void *inbox_pusher(void *arg) {
	(void)arg;
	job_spawn_on(0, inbox_job, NULL, NULL, NULL); /* from a foreign thread: the inbox */
	return NULL;
}

static int run(void *arg) {
	int nw = job_worker_count();
	CHECK(job_worker_id() == 0, "main on worker %d", job_worker_id());
	CHECK(job_current_fiber() != NULL, "main is not on a fiber");
	long n = (long)arg;

	/* 1. many short jobs cost no stacks */
	size_t live0 = fiber_live_count();
	for (long i = 0; i < n; i++) job_spawn(nop_job, NULL, count_done, NULL);
	while (atomic_load(&done_calls) < n) job_yield();
	CHECK(atomic_load(&ran) == n, "ran %ld of %ld", atomic_load(&ran), n);
	CHECK(fiber_live_count() <= live0 + 2 * (size_t)nw + 2, "%zu fibers live after %ld jobs (was %zu)", fiber_live_count(), n, live0);

	/* 2. a spawning tree */
	atomic_store(&ran, 0);
	job_spawn(tree_job, (void *)16L, count_done, NULL);
	while (atomic_load(&ran) < (1L << 17) - 1) job_yield();

	/* 3. targeted spawns start on their worker */
	atomic_store(&ran, 0);
	for (int i = 0; i < 1000; i++) job_spawn_on(i % nw, targeted, (void *)(long)(i % nw), NULL, NULL);
	while (atomic_load(&ran) < 1000) job_yield();
	CHECK(atomic_load(&on_target_ok), "a targeted job started elsewhere");

	/* 3b. spawn_any and spawn_to place jobs that all run */
	atomic_store(&ran, 0);
	for (int i = 0; i < 1000; i++) {
		if (i & 1) job_spawn_any(nop_job, NULL, NULL, NULL);
		else job_spawn_to(i % nw, nop_job, NULL, NULL, NULL);
	}
	while (atomic_load(&ran) < 1000) job_yield();

	/* 4. suspend, readied by a foreign thread */
	job_external_ref(1);
	pthread_t th;
	pthread_create(&th, NULL, readier, NULL);
	fiber *me = job_current_fiber();
	me->wait_reason = "test gate";
	job_suspend(park_commit, NULL);
	CHECK(job_current_fiber() == me, "resumed as another fiber");
	pthread_join(th, NULL);
	job_external_ref(-1);

	/* 4b. a job on a bigger stack */
	_Atomic long big_ok = 0;
	for (int i = 0; i < 4; i++) job_spawn_with_stack(1 << 20, big_stack_job, (void *)&big_ok, count_done, NULL);
	while (atomic_load(&big_ok) < 4) job_yield();

	/* 5. the thread's own stack */
	int ok = 0;
	job_call_on_thread_stack(on_stack, &ok);
	CHECK(ok, "job_call_on_thread_stack ran on a fiber stack");

	/* 6. stop the world while others spin at safe points (and one fiber
	 * stays suspended: its range must start at its saved sp) */
	job_external_ref(1);
	job_spawn(parked_job, NULL, NULL, NULL);
	while (!atomic_load(&parked)) job_yield();
	_Atomic int stop = 0;
	for (int i = 1; i < nw; i++) job_spawn_on(i, spin_job, (void *)&stop, NULL, NULL);
	usleep(10000);
	for (int k = 0; k < 50; k++) {
		job_stw_begin();
		nvisit = nsusp = 0;
		fiber_foreach(visit, NULL);
		CHECK(nvisit >= 1, "no fiber visited");
		CHECK(me->gc_sp && (char *)me->gc_sp > me->stack_lo && (char *)me->gc_sp < me->stack_hi, "requester's gc_sp not recorded");
		job_stw_end();
	}
	atomic_store(&stop, 1);
	CHECK(nsusp >= 1, "the suspended fiber was not visited");
	fiber *pf = atomic_exchange(&parked, NULL);
	job_ready(pf);
	job_external_ref(-1);

	/* 7. direct yields: the inbox is not starved, and yielders forever do not
	 * keep the run from ending */
	atomic_store(&pp_stop, 0);
	atomic_store(&inbox_ran, 0);
	job_spawn_on(0, ping_pong, (void *)&pp_stop, NULL, NULL);
	job_spawn_on(0, ping_pong, (void *)&pp_stop, NULL, NULL);
	pthread_t ip;
	pthread_create(&ip, NULL, inbox_pusher, NULL);
	pthread_join(ip, NULL);
	while (!atomic_load(&inbox_ran)) job_yield();
	atomic_store(&pp_stop, 1);
	job_spawn_on(0, ping_pong, NULL, NULL, NULL); /* never stop by themselves */
	job_spawn_on(0, ping_pong, NULL, NULL, NULL);
	job_yield();
	return 42;
}

int main(int argc, char **argv) {
	long n = argc > 1 ? atol(argv[1]) : 1000000;
	for (int w = 1; w <= 3; w++) {
		job_config cfg = {0};
		cfg.workers = w;
		job_init(&cfg);
		atomic_store(&ran, 0);
		atomic_store(&done_calls, 0);
		int code = job_main(run, (void *)n);
		CHECK(code == 42, "job_main returned %d with %d workers", code, w);
	}
	printf("ok\n");
	return 0;
}
