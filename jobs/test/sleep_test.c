/* Sleeping fibers (job_timer.c): a sleep suspends the fiber, never the
 * worker; every sleeper wakes, no earlier than its deadline (the order among
 * expired sleepers is the scheduler's, not promised); only sleepers left is
 * not a deadlock; a plain thread sleeps too. Run with 1, 2 and 3 workers. */
#include "job.h"
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define CHECK(c, ...) do { if (!(c)) { fprintf(stderr, "%s:%d: ", __FILE__, __LINE__); fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); exit(1); } } while (0)
#define MS 1000000LL

static _Atomic int woken, order_pos, early;
static int order[64];

typedef struct { int64_t ns; int id; } sleeper;

static void sleep_job(void *p) {
	sleeper *s = p;
	int64_t t0 = job_now_ns();
	job_sleep_ns(s->ns);
	if (job_now_ns() - t0 < s->ns) atomic_store(&early, 1);
	order[atomic_fetch_add(&order_pos, 1)] = s->id;
	atomic_fetch_add(&woken, 1);
}

static _Atomic int quick_done;
static void quick_job(void *p) { (void)p; atomic_store(&quick_done, 1); }

static void *thread_sleeper(void *p) {
	int64_t t0 = job_now_ns();
	job_sleep_ns(5 * MS);
	*(int *)p = job_now_ns() - t0 >= 5 * MS;
	return NULL;
}

static int run(void *arg) {
	(void)arg;
	/* 1. the worker runs other work while a fiber sleeps */
	static sleeper long_nap = {40 * MS, 0};
	atomic_store(&woken, 0);
	atomic_store(&quick_done, 0);
	job_spawn(sleep_job, &long_nap, NULL, NULL);
	job_yield(); /* let the sleeper start (on one worker it runs now) */
	job_spawn(quick_job, NULL, NULL, NULL);
	while (!atomic_load(&quick_done)) job_yield();
	CHECK(atomic_load(&woken) == 0, "a 40 ms sleep ended before a job spawned after it ran");
	while (atomic_load(&woken) < 1) job_yield();

	/* 2. many sleepers, all wake, none early */
	static sleeper s[64];
	atomic_store(&woken, 0);
	atomic_store(&order_pos, 0);
	for (int i = 0; i < 64; i++) {
		s[i] = (sleeper){(int64_t)(64 - i) * MS / 2, 64 - i}; /* spawned longest first */
		job_spawn(sleep_job, &s[i], NULL, NULL);
	}
	job_sleep_ns(1 * MS); /* main sleeps too: no busy wait needed */
	while (atomic_load(&woken) < 64) job_sleep_ns(MS / 2);
	CHECK(!atomic_load(&early), "a sleeper woke before its deadline");
	for (int i = 0, seen[65] = {0}; i < 64; i++)
		CHECK(order[i] >= 1 && order[i] <= 64 && !seen[order[i]]++, "sleeper %d woke twice or never", order[i]);

	/* 3. only sleepers left, every worker idle: not a deadlock (job_main
	 * would return JOB_EXIT_DEADLOCK); a zero sleep just yields */
	job_sleep_ns(20 * MS);
	job_sleep_ns(0);

	/* 4. a plain thread sleeps in place */
	int ok = 0;
	pthread_t th;
	pthread_create(&th, NULL, thread_sleeper, &ok);
	pthread_join(th, NULL);
	CHECK(ok, "a thread's 5 ms sleep was shorter");
	return 42;
}

int main(void) {
	for (int w = 1; w <= 3; w++) {
		job_config cfg = {0};
		cfg.workers = w;
		job_init(&cfg);
		int code = job_main(run, NULL);
		CHECK(code == 42, "job_main returned %d with %d workers", code, w);
	}
	printf("ok\n");
	return 0;
}
