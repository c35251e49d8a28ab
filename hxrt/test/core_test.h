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
#endif
