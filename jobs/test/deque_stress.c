/* Chase-Lev deque stress: one owner pushes and takes, thieves steal, every item
 * must be taken exactly once. Items: argv[1] (default 4M); argv[2] thieves. */
#include "job_deque.h"
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static job_deque q;
static _Atomic unsigned char *seen;
static long N;
static _Atomic int done;
static _Atomic long taken;

static void mark(void *x) {
	long i = (long)(uintptr_t)x / 2 - 1;
	if (i < 0 || i >= N) { fprintf(stderr, "bogus item %p\n", x); exit(1); }
	if (atomic_fetch_add(&seen[i], 1) != 0) { fprintf(stderr, "item %ld taken twice\n", i); exit(1); }
	atomic_fetch_add_explicit(&taken, 1, memory_order_relaxed);
}

static void *thief(void *arg) {
	(void)arg;
	long mine = 0;
	while (!atomic_load(&done) || job_deque_size(&q)) {
		void *x = job_deque_steal(&q);
		if (x == JOB_DEQUE_ABORT || !x) continue;
		mark(x);
		mine++;
	}
	return (void *)mine;
}

int main(int argc, char **argv) {
	N = argc > 1 ? atol(argv[1]) : 4000000;
	int T = argc > 2 ? atoi(argv[2]) : 3;
	seen = calloc(N, 1);
	job_deque_init(&q, 16); /* small: exercise growth */
	pthread_t th[64];
	for (int i = 0; i < T; i++) pthread_create(&th[i], NULL, thief, NULL);
	uint64_t r = 88172645463325252ull;
	long pushed = 0, own = 0;
	while (pushed < N) {
		r ^= r << 13; r ^= r >> 7; r ^= r << 17;
		int burst = 1 + (int)(r % 64);
		for (int k = 0; k < burst && pushed < N; k++, pushed++) job_deque_push(&q, (void *)(uintptr_t)((pushed + 1) * 2));
		int pops = (int)((r >> 8) % 64);
		for (int k = 0; k < pops; k++) {
			void *x = job_deque_take(&q);
			if (!x) break;
			mark(x);
			own++;
		}
	}
	void *x;
	while ((x = job_deque_take(&q))) { mark(x); own++; }
	atomic_store(&done, 1);
	long stolen = 0;
	for (int i = 0; i < T; i++) { void *m; pthread_join(th[i], &m); stolen += (long)m; }
	if (atomic_load(&taken) != N) { fprintf(stderr, "taken %ld of %ld\n", atomic_load(&taken), N); return 1; }
	for (long i = 0; i < N; i++) if (seen[i] != 1) { fprintf(stderr, "item %ld seen %d times\n", i, seen[i]); return 1; }
	printf("ok %ld items: owner %ld, thieves %ld\n", N, own, stolen);
	return 0;
}
