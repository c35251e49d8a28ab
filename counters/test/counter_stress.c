/* Counter stress: per round, a counter starts at K; K decrementer jobs, W
 * fiber waiters (target 0) and some non-fiber thread waiters race; a second
 * counter counts the woken waiters. A watchdog fails the run if a round makes
 * no progress for 10 s (a lost wake-up). argv: rounds K W. */
#include "counter.h"
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static int ROUNDS = 300, K = 64, W = 32;
static _Atomic long progress;
static _Atomic int finished;

typedef struct round { counter c, woken; _Atomic int bad; } round;

static void decrementer(void *p) {
	round *r = p;
	if (counter_get(&r->c) & 1) job_yield(); /* shuffle the interleavings */
	counter_add(&r->c, -1);
}

static void waiter(void *p) {
	round *r = p;
	counter_wait(&r->c, 0);
	if (counter_get(&r->c) != 0) atomic_store(&r->bad, 1);
	atomic_fetch_add(&progress, 1);
}

/* A foreign thread waiting on the same counter. */
static void *thread_waiter(void *p) {
	round *r = p;
	counter_wait(&r->c, 0);
	if (counter_get(&r->c) != 0) atomic_store(&r->bad, 1);
	counter_add(&r->woken, -1);
	return NULL;
}

static void *watchdog(void *p) {
	(void)p;
	long last = -1;
	int still = 0;
	while (!atomic_load(&finished)) {
		sleep(1);
		long now = atomic_load(&progress);
		if (now == last && ++still >= 10) {
			fprintf(stderr, "watchdog: no progress for 10 s at %ld wake-ups (lost wake-up?)\n", now);
			_exit(2);
		}
		if (now != last) still = 0;
		last = now;
	}
	return NULL;
}

static int run(void *arg) {
	(void)arg;
	for (int i = 0; i < ROUNDS; i++) {
		round *r = calloc(1, sizeof *r);
		counter_init(&r->c, K);
		counter_init(&r->woken, 0);
		pthread_t th;
		int foreign = i % 8 == 0;
		if (foreign) { counter_add(&r->woken, 1); job_external_ref(1); pthread_create(&th, NULL, thread_waiter, r); }
		for (int k = 0; k < K || k < W; k++) {
			if (k < W) counter_spawn(&r->woken, waiter, r);
			if (k < K) job_spawn(decrementer, r, NULL, NULL);
		}
		counter_wait(&r->woken, 0);
		if (foreign) { pthread_join(th, NULL); job_external_ref(-1); }
		if (atomic_load(&r->bad)) { fprintf(stderr, "round %d: a waiter woke before the target\n", i); return 1; }
		if (counter_get(&r->c) != 0) { fprintf(stderr, "round %d: counter %lld\n", i, (long long)counter_get(&r->c)); return 1; }
		if (counter_waiters(&r->c)) { fprintf(stderr, "round %d: %d waiters left\n", i, counter_waiters(&r->c)); return 1; }
		free(r);
		atomic_fetch_add(&progress, 1);
	}
	/* Waiters for different targets on one counter. */
	counter c = COUNTER_INIT(0), all = COUNTER_INIT(0);
	for (int t = 1; t <= 50; t++) {
		typedef struct { counter *c; int64_t t; } tw;
		static tw args[51];
		args[t] = (tw){&c, t};
		void tw_job(void *p) { tw *a = p; counter_wait(a->c, a->t); atomic_fetch_add(&progress, 1); }
		counter_spawn(&all, tw_job, &args[t]);
	}
	/* A waiter for t must be parked before the value passes t (a wait is for
	 * the value, not "t or more"): wait until all 50 are, then count up. */
	while (counter_waiters(&c) < 50) job_yield();
	for (int t = 1; t <= 50; t++) { job_yield(); counter_add(&c, 1); }
	counter_wait(&all, 0);
	return 0;
}

int main(int argc, char **argv) {
	if (argc > 1) ROUNDS = atoi(argv[1]);
	if (argc > 2) K = atoi(argv[2]);
	if (argc > 3) W = atoi(argv[3]);
	pthread_t wd;
	pthread_create(&wd, NULL, watchdog, NULL);
	for (int w = 1; w <= 3; w++) {
		job_config cfg = {0};
		cfg.workers = w;
		job_init(&cfg);
		int code = job_main(run, NULL);
		if (code) { fprintf(stderr, "run on %d workers: exit %d\n", w, code); return 1; }
	}
	atomic_store(&finished, 1);
	pthread_join(wd, NULL);
	printf("ok %ld wake-ups\n", atomic_load(&progress));
	return 0;
}
