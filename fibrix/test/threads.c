/* Several threads allocate at once while collections stop the world: each
 * thread keeps a tree reachable only from its own stack and checks it after
 * building many garbage trees; the main thread waits in a safe region, and one
 * thread polls safepoints in a loop that does not allocate. */
#include "gc_test.h"
#include <pthread.h>
#include <stdatomic.h>

#define NTHREADS 4

static int iterations = 200;
static _Atomic int running;

static node *tree(int depth, intptr_t v) {
	if (depth == 0) return new_node(NULL, NULL, v);
	node *l = tree(depth - 1, 2 * v);
	node *r = tree(depth - 1, 2 * v + 1);
	return new_node(l, r, v);
}

static intptr_t check(node *n, int depth, intptr_t v) {
	if (n->value != v || n->t != &node_type) return -1000000;
	if (depth == 0) return (n->left || n->right) ? -1000000 : 1;
	return 1 + check(n->left, depth - 1, 2 * v) + check(n->right, depth - 1, 2 * v + 1);
}

static void *worker(void *arg) {
	intptr_t id = (intptr_t)arg;
	gc_register_thread(NULL);
	node *keep = tree(12, id); /* only on this stack */
	int bad = 0;
	for (int i = 0; i < iterations; i++) {
		node *t = tree(6 + i % 6, i);
		if (check(t, 6 + i % 6, i) != (2 << (6 + i % 6)) - 1) bad++;
		unsigned char *b = gc_alloc(100 + (size_t)i * 7 % 3000, GC_KIND_NOPTR);
		b[0] = 1;
		if (i % 50 == 0) gc_collect();
		if (check(keep, 12, id) != (2 << 12) - 1) bad++;
	}
	OPAQUE(keep);
	gc_unregister_thread();
	return (void *)(intptr_t)bad;
}

/* Polls without allocating until the workers are done. */
static void *poller(void *arg) {
	(void)arg;
	gc_register_thread(NULL);
	node *keep = tree(8, 5);
	long polls = 0;
	while (atomic_load(&running)) {
		gc_safepoint();
		polls++;
	}
	intptr_t bad = check(keep, 8, 5) != (2 << 8) - 1;
	OPAQUE(keep);
	gc_unregister_thread();
	return (void *)bad;
}

int main(int argc, char **argv) {
	int top;
	if (argc > 1) iterations = atoi(argv[1]);
	gc_init(&top);
	gc_set_scanner(test_scan);
	node *mine = tree(10, 1);
	atomic_store(&running, 1);
	pthread_t th[NTHREADS], pl;
	REQUIRE(pthread_create(&pl, NULL, poller, NULL) == 0);
	for (intptr_t i = 0; i < NTHREADS; i++) REQUIRE(pthread_create(&th[i], NULL, worker, (void *)(i + 10)) == 0);
	gc_enter_safe(); /* joining blocks: do not hold up collections */
	for (int i = 0; i < NTHREADS; i++) {
		void *bad;
		pthread_join(th[i], &bad);
		CHECK(bad == NULL);
	}
	atomic_store(&running, 0);
	void *bad;
	pthread_join(pl, &bad);
	CHECK(bad == NULL);
	gc_leave_safe();
	CHECK(check(mine, 10, 1) == (2 << 10) - 1);
	OPAQUE(mine);
	gc_stats s;
	gc_get_stats(&s);
	printf("%llu allocations, %llu collections\n", (unsigned long long)s.total_allocations,
	       (unsigned long long)s.collection_count);
	CHECK(s.collection_count >= (uint64_t)NTHREADS * (uint64_t)iterations / 50);
	uint64_t per_thread = (2 << 12) - 1 + 1; /* keep tree + at least one block per iteration */
	CHECK(s.total_allocations >= NTHREADS * per_thread);
	return test_failures != 0;
}
