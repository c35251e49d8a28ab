/*
 * binarytrees.c: allocation micro benchmark of Fibrix against malloc/free
 * (the binary-trees program: many small short-lived nodes, one long-lived
 * tree). Not a test: prints times and the ratio, both runs in one process.
 *
 *   gcc -std=gnu11 -O2 -I fibrix fibrix/*.c bench/gc/binarytrees.c -o /tmp/gcbt -lpthread
 *   /tmp/gcbt [depth=17] [rounds=5]
 */
#include "gc.h"
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

typedef struct type { uint32_t nwords, bits; } type;
typedef struct node { const type *t; struct node *left, *right; } node;
static const type node_type = {3, 0x6};

static void scan(void *obj, size_t size, gc_visitor *v) {
	(void)size;
	const type *t = *(const type **)obj;
	gc_visit_bits(v, obj, &t->bits, t->nwords);
}

static double now(void) {
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- malloc/free ---- */
static node *m_tree(int d) {
	node *n = malloc(sizeof(node));
	n->t = &node_type;
	n->left = d ? m_tree(d - 1) : NULL;
	n->right = d ? m_tree(d - 1) : NULL;
	return n;
}
static long m_check(node *n) { return 1 + (n->left ? m_check(n->left) + m_check(n->right) : 0); }
static void m_free(node *n) {
	if (n->left) m_free(n->left), m_free(n->right);
	free(n);
}

/* ---- Fibrix ---- */
static node *g_tree(int d) {
	node *l = d ? g_tree(d - 1) : NULL, *r = d ? g_tree(d - 1) : NULL;
	node *n = gc_alloc(sizeof(node), 0);
	n->t = &node_type;
	n->left = l;
	n->right = r;
	return n;
}
static long g_check(node *n) { return 1 + (n->left ? g_check(n->left) + g_check(n->right) : 0); }

static long run(int max, int gc) {
	long sum = 0;
	int stretch = max + 1;
	if (gc) sum += g_check(g_tree(stretch));
	else {
		node *s = m_tree(stretch);
		sum += m_check(s);
		m_free(s);
	}
	node *longlived = gc ? g_tree(max) : m_tree(max);
	for (int d = 4; d <= max; d += 2) {
		long iters = 1L << (max - d + 4);
		for (long i = 0; i < iters; i++) {
			if (gc) sum += g_check(g_tree(d));
			else {
				node *t = m_tree(d);
				sum += m_check(t);
				m_free(t);
			}
		}
	}
	sum += gc ? g_check(longlived) : m_check(longlived);
	if (!gc) m_free(longlived);
	return sum;
}

static int cmp(const void *a, const void *b) {
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* Alternates the two runs (the machine is shared and noisy) and prints the
 * ratio of the medians. */
int main(int argc, char **argv) {
	int top;
	int depth = argc > 1 ? atoi(argv[1]) : 17;
	int rounds = argc > 2 ? atoi(argv[2]) : 5;
	if (rounds < 1 || rounds > 99) rounds = 5;
	gc_init(&top);
	gc_set_scanner(scan);
	double tm[99], tg[99];
	long a = 0, b = 0;
	for (int r = 0; r < rounds; r++) {
		double t0 = now();
		a = run(depth, 0);
		double t1 = now();
		b = run(depth, 1);
		double t2 = now();
		tm[r] = t1 - t0;
		tg[r] = t2 - t1;
		if (a != b) {
			fprintf(stderr, "checksums differ: %ld %ld\n", a, b);
			return 1;
		}
	}
	qsort(tm, (size_t)rounds, sizeof(double), cmp);
	qsort(tg, (size_t)rounds, sizeof(double), cmp);
	gc_stats s;
	gc_get_stats(&s);
	printf("binary-trees depth %d: %ld nodes per run, %d rounds\n", depth, a, rounds);
	printf("  malloc/free median: %.3f s\n", tm[rounds / 2]);
	printf("  fibrix median:      %.3f s (per run: %llu collections, %.3f s in gc; peak heap %llu MiB)\n",
	       tg[rounds / 2], (unsigned long long)s.collection_count / (unsigned long long)rounds,
	       s.total_gc_time_ms / 1000 / rounds, (unsigned long long)(s.peak_heap_size >> 20));
	printf("  ratio fibrix/malloc: %.2f\n", tg[rounds / 2] / tm[rounds / 2]);
	return 0;
}
