/* Recurses without bound on a fiber: the run must end with the
 * "fiber stack overflow" report naming the fiber (checked by fibers_test.go). */
#include "fiber.h"
#include <stdio.h>
#include <string.h>

static fiber_ctx main_ctx;

static int deep(int n) {
	volatile char pad[256];
	memset((char *)pad, n, sizeof pad);
	return deep(n + 1) + pad[n & 255];
}

static void body(void *arg, void *msg) {
	(void)arg; (void)msg;
	printf("%d\n", deep(0));
}

int main(void) {
	fiber_pool_init(NULL);
	fiber_signals_install();
	fiber_ctx_init_thread(&main_ctx);
	fiber *f = fiber_create(0, body, NULL);
	printf("fiber id %llu\n", (unsigned long long)f->id);
	fflush(stdout);
	fiber_swap(&main_ctx, &f->ctx, NULL);
	return 0;
}
