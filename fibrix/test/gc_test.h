/* gc_test.h: helpers of the fibrix C tests: checks and a tiny typed-object
 * model (first word: a test_type whose bitmap says which words are pointers),
 * scanned precisely by test_scan as hxrt's scanner will scan Haxe objects. */
#ifndef GC_TEST_H
#define GC_TEST_H
#include "gc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int test_failures;
#define CHECK(c)                                                                       \
	do {                                                                               \
		if (!(c)) {                                                                    \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #c);      \
			test_failures++;                                                           \
		}                                                                              \
	} while (0)
#define REQUIRE(c)                                                                     \
	do {                                                                               \
		if (!(c)) {                                                                    \
			fprintf(stderr, "%s:%d: requirement failed: %s\n", __FILE__, __LINE__, #c); \
			exit(1);                                                                   \
		}                                                                              \
	} while (0)

typedef struct test_type {
	uint32_t nwords; /* words of the object, header included */
	uint32_t bits;   /* bit i: word i is a pointer (bit 0, the header, is never set) */
} test_type;

static size_t test_scanned; /* objects seen by the scanner */

static void test_scan(void *obj, size_t size, gc_visitor *v) {
	const test_type *t = *(const test_type **)obj;
	size_t n = t->nwords;
	if (n * sizeof(void *) > size) {
		fprintf(stderr, "scanner: object of %zu words in a block of %zu bytes\n", n, size);
		abort();
	}
	test_scanned++;
	gc_visit_bits(v, (void **)obj, &t->bits, n);
}

/* A binary-trees node: header, left, right, payload. */
typedef struct node {
	const test_type *t;
	struct node *left, *right;
	intptr_t value;
} node;
static const test_type node_type = {4, 0x6};

static node *new_node(node *l, node *r, intptr_t value) {
	node *n = gc_alloc(sizeof(node), GC_KIND_DYNAMIC);
	n->t = &node_type;
	n->left = l;
	n->right = r;
	n->value = value;
	return n;
}

/* Overwrites a large area of dead stack so that stale pointers from earlier
 * calls do not keep blocks alive by accident. */
static __attribute__((noinline)) void clear_stack(void) {
	volatile char buf[64 * 1024];
	memset((char *)buf, 0, sizeof buf);
	__asm__ volatile("" ::"r"(buf) : "memory");
}

/* Hides a value from the optimizer (keeps it in a register or stack slot). */
#define OPAQUE(x) __asm__ volatile("" : "+r"(x))

static long rss_kib(void) {
	FILE *f = fopen("/proc/self/statm", "r");
	long size = 0, res = 0;
	if (!f) return -1;
	if (fscanf(f, "%ld %ld", &size, &res) != 2) res = -1;
	fclose(f);
	return res * 4;
}
#endif
