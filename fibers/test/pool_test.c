/* The stack pool: many fibers, each with its own guarded stack, created and run
 * without growing the process's map count (MADV_GUARD_INSTALL), fiber_foreach
 * and fiber_from_addr agree with what was created, and released slots are reused. */
#include "fiber.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int count_maps(void) {
	FILE *f = fopen("/proc/self/maps", "r");
	int n = 0, c;
	while ((c = fgetc(f)) != EOF) n += c == '\n';
	fclose(f);
	return n;
}

static fiber_ctx main_ctx;
static fiber *cur;
static long ran;

static void body(void *arg, void *msg) {
	(void)msg;
	char buf[512];
	memset(buf, (int)(uintptr_t)arg, sizeof buf); /* touch some stack */
	ran += buf[100] == (char)(uintptr_t)arg;
	fiber_swap(&cur->ctx, &main_ctx, NULL);
	abort(); /* never resumed */
}

static long visited, bad;
static void visit(fiber *f, char *lo, char *hi, void *ctx) {
	(void)ctx;
	visited++;
	if (lo < f->stack_lo || hi != f->stack_hi || lo > hi) bad++;
	if (fiber_from_addr(lo) != f || fiber_from_addr(hi - 1) != f) bad++;
}

int main(void) {
	enum { N = 50000 };
	fiber_pool_init(NULL);
	fiber_ctx_init_thread(&main_ctx);
	int maps0 = count_maps();
	fiber **fs = malloc(N * sizeof *fs);
	for (int i = 0; i < N; i++) {
		fs[i] = cur = fiber_create(0, body, (void *)(uintptr_t)(i & 0x7f));
		if (!cur) { fprintf(stderr, "fiber_create %d failed\n", i); return 1; }
		atomic_store(&cur->state, FIBER_SUSPENDED);
		fiber_swap(&main_ctx, &cur->ctx, NULL);
	}
	if (ran != N) { fprintf(stderr, "ran %ld of %d\n", ran, N); return 1; }
	int maps1 = count_maps();
	if (fiber_guard_mode() == 1 && maps1 - maps0 > 64) {
		fprintf(stderr, "map count grew from %d to %d for %d fibers\n", maps0, maps1, N);
		return 1;
	}
	fiber_foreach(visit, NULL);
	if (visited != N || bad) { fprintf(stderr, "foreach visited %ld (want %d), %ld bad\n", visited, N, bad); return 1; }
	for (int i = 1; i < N; i++)
		if (fs[i]->id <= fs[i - 1]->id || fs[i]->stack_lo == fs[i - 1]->stack_lo) { fprintf(stderr, "fiber %d not distinct\n", i); return 1; }
	char *lo0 = fs[N - 1]->stack_lo;
	for (int i = 0; i < N; i++) fiber_release(fs[i]);
	if (fiber_live_count() != 0) { fprintf(stderr, "live %zu after release\n", fiber_live_count()); return 1; }
	fiber *again = fiber_create(0, body, NULL);
	if (!again || again->stack_lo != lo0) { fprintf(stderr, "released slot not reused\n"); return 1; }
	visited = 0;
	fiber_foreach(visit, NULL);
	if (visited != 1) { fprintf(stderr, "foreach after release visited %ld\n", visited); return 1; }
	printf("ok guard_mode=%d maps %d->%d\n", fiber_guard_mode(), maps0, maps1);
	return 0;
}
