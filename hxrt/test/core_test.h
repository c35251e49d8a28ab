/* core_test.h: what the language core's C tests (core_*.c) share. */
#ifndef CORE_TEST_H
#define CORE_TEST_H
#include "hx.h"
#include <stdio.h>
#include <stdlib.h>

static int failures;
#define CHECK(c)                                                                 \
	do {                                                                         \
		if (!(c)) {                                                              \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #c); \
			failures++;                                                          \
		}                                                                        \
	} while (0)

static inline hx_uchar *u(const char *s) { return hx_ustr_from_utf8(s); }

/* Starts the collector and a context for this thread. stack_top is a local
 * of main: the collector scans the C stack from there. */
static inline void core_test_init(void *stack_top) {
	static hx_ctx ctx;
	gc_init(stack_top);
	hx_ctx_init(&ctx, NULL, 0);
	hx_tls_ctx = &ctx;
}

/* main's exit code. */
static inline int core_test_done(void) {
	if (failures) fprintf(stderr, "%d failures\n", failures);
	return failures != 0;
}
#endif
