/* Migration: fibers suspend on one worker and resume on another. A stale
 * thread-local in the runtime (a worker pointer cached across the suspension)
 * would show as a worker id whose thread or thread-local marker is not the
 * thread actually running. Thread-locals are read through a non-inlined
 * accessor, as runtime code must. */
#include "counter.h"
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static __thread int tls_marker;
static pthread_t threads[8];
static _Atomic long migrated, checks, bad, hook_bad;

__attribute__((noinline)) static int *marker_addr(void) { return &tls_marker; }

/* What hxrt does: a per-fiber context in the user pointer, made current in a
 * thread-local by the switch hook. */
typedef struct ctx { uint64_t fiber_id; } ctx;
static __thread ctx *tls_ctx;
static _Atomic long hook_calls;
static void switch_hook(fiber *f) {
	if (f && !fiber_user(f)) {
		ctx *c = malloc(sizeof *c);
		c->fiber_id = f->id;
		fiber_set_user(f, c);
	}
	tls_ctx = f ? fiber_user(f) : NULL;
	atomic_fetch_add_explicit(&hook_calls, 1, memory_order_relaxed);
}
__attribute__((noinline)) static ctx *current_ctx(void) { return tls_ctx; }

static void check_identity(void) {
	int id = job_worker_id();
	if (id < 0 || !pthread_equal(threads[id], pthread_self()) || *marker_addr() != id) atomic_fetch_add(&bad, 1);
	fiber *f = job_current_fiber();
	ctx *c = current_ctx();
	if (!c || c != fiber_user(f)) atomic_fetch_add(&hook_bad, 1);
	atomic_fetch_add(&checks, 1);
}

static void mark_worker(void *p) {
	counter *c = p;
	threads[job_worker_id()] = pthread_self();
	tls_marker = job_worker_id();
	counter_add(c, -1);
	counter_wait(c, -100); /* hold the worker until all are marked */
}

typedef struct { counter *gate; } hop;
static void hopper(void *p) {
	hop *h = p;
	for (int i = 0; i < 20; i++) {
		int before = job_worker_id();
		check_identity();
		counter_wait(&h->gate[i], 0); /* opened from worker 1 */
		check_identity();
		if (job_worker_id() != before) atomic_fetch_add(&migrated, 1);
	}
}

static void opener(void *p) {
	hop *h = p;
	for (int i = 0; i < 20; i++) {
		while (counter_waiters(&h->gate[i]) == 0) job_yield();
		counter_add(&h->gate[i], -1);
	}
}

static int run(void *arg) {
	(void)arg;
	int nw = job_worker_count();
	counter marked = COUNTER_INIT(nw);
	for (int i = 0; i < nw; i++) job_spawn_on(i, mark_worker, &marked, NULL, NULL);
	/* wait (spinning politely) for every worker to mark itself */
	while (counter_get(&marked) > 0) job_yield();
	counter_add(&marked, -100);
	counter done = COUNTER_INIT(0);
	for (int r = 0; r < 50; r++) {
		counter gates[20];
		for (int i = 0; i < 20; i++) counter_init(&gates[i], 1);
		hop h = {gates};
		counter_spawn_on(&done, r % nw, hopper, &h);
		counter_spawn_on(&done, (r + 1) % nw, opener, &h);
		counter_wait(&done, 0);
	}
	if (atomic_load(&bad)) { fprintf(stderr, "%ld stale thread identities\n", atomic_load(&bad)); return 1; }
	if (atomic_load(&hook_bad)) { fprintf(stderr, "%ld times the thread-local context was not the running fiber's\n", atomic_load(&hook_bad)); return 1; }
	if (atomic_load(&hook_calls) == 0) { fprintf(stderr, "switch hook never called\n"); return 1; }
	printf("ok: %ld checks, %ld migrations\n", atomic_load(&checks), atomic_load(&migrated));
	if (nw > 1 && atomic_load(&migrated) == 0) { fprintf(stderr, "no fiber migrated\n"); return 1; }
	return 0;
}

int main(void) {
	fiber_set_switch_hook(switch_hook);
	job_config cfg = {0};
	cfg.workers = 3;
	job_init(&cfg);
	return job_main(run, NULL);
}
