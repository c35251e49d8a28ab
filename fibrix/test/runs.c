/* Bump allocation through runs of free slots: gc_page_next_run against a
 * naive scan of random mark bitmaps, and reuse of the holes a collection
 * leaves between live blocks without ever handing out a live one. */
#include "gc_test.h"
#include "gc_internal.h"

static uint64_t rng = 88172645463325252ull;
static uint64_t next_rand(void) {
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static bool marked(const gc_page *pg, uint32_t i) { return (pg->mark[i >> 6] >> (i & 63)) & 1; }

/* Every run gc_page_next_run reports is a maximal interval of unmarked
 * slots, in order, and together they cover every unmarked slot. */
static void test_next_run(void) {
	static gc_page pg;
	const uint32_t sizes[] = {16, 48, 1024, 16384};
	for (int round = 0; round < 400; round++) {
		memset(&pg, 0, sizeof pg);
		pg.size = sizes[round % 4];
		pg.nobjs = (uint32_t)((GC_PAGE_SIZE - GC_PAGE_HDR) / pg.size);
		int density = round % 5; /* 0: empty page, 4: almost full */
		for (uint32_t i = 0; i < pg.nobjs; i++) {
			uint64_t r = next_rand() % 8;
			bool m = density == 0 ? false : density == 4 ? r != 0 : (int)r < density * 2;
			if (m) pg.mark[i >> 6] |= (uint64_t)1 << (i & 63);
		}
		uint32_t pos = 0, lo, hi, expect = 0, covered = 0;
		while (gc_page_next_run(&pg, &pos, &lo, &hi)) {
			while (expect < pg.nobjs && marked(&pg, expect)) expect++;
			CHECK(lo == expect);
			CHECK(hi > lo && hi <= pg.nobjs);
			for (uint32_t i = lo; i < hi; i++) CHECK(!marked(&pg, i));
			CHECK(hi == pg.nobjs || marked(&pg, hi));
			CHECK(pos == hi);
			covered += hi - lo;
			expect = hi;
		}
		CHECK(pos == pg.nobjs);
		uint32_t nfree = 0;
		for (uint32_t i = 0; i < pg.nobjs; i++) nfree += !marked(&pg, i);
		CHECK(covered == nfree);
		CHECK(!gc_page_next_run(&pg, &pos, &lo, &hi)); /* stays exhausted */
	}
}

#define N 30000
static node **g_keep; /* root: RAW array of every third node */

static __attribute__((noinline)) void fill(void) {
	g_keep = gc_alloc(sizeof(node *) * N / 3, GC_KIND_RAW);
	for (int i = 0; i < N; i++) {
		node *n = new_node(NULL, NULL, i);
		if (i % 3 == 0) g_keep[i / 3] = n;
	}
}

/* After a collection, new blocks of the class fill the holes between the
 * kept nodes (same pages) and never overlap one. */
static __attribute__((noinline)) void refill_holes(void) {
	int in_old_pages = 0;
	uintptr_t lo = (uintptr_t)-1, hi = 0;
	for (int i = 0; i < N / 3; i++) {
		uintptr_t a = (uintptr_t)g_keep[i];
		if (a < lo) lo = a;
		if (a > hi) hi = a;
	}
	for (int i = 0; i < N; i++) {
		node *n = new_node(NULL, NULL, -i);
		uintptr_t a = (uintptr_t)n;
		if (a >= lo && a <= hi) in_old_pages++;
		n->value = -1;
	}
	for (int i = 0; i < N / 3; i++) CHECK(g_keep[i]->value == 3 * i && g_keep[i]->t == &node_type);
	CHECK(in_old_pages > N / 2); /* the holes (2/3 of the old slots) were reused */
}

/* A page recycled from another kind holds junk: made DYNAMIC, its unallocated
 * slots must not look like typed blocks to a stale pointer that reaches them
 * (the scanner would read the junk as a type). Class 3 (48 bytes) is used by
 * nothing else here, so its first DYNAMIC page comes from the recycled pool. */
#define NJUNK 2000
static uintptr_t junk_page[NJUNK]; /* page of each junk block (not a root) */
static void **g_stale; /* root: RAW block holding a stale pointer */

static __attribute__((noinline)) void junk(void) {
	for (int i = 0; i < NJUNK; i++) {
		char *b = gc_alloc(48, GC_KIND_NOPTR);
		memset(b, 0xff, 48);
		junk_page[i] = (uintptr_t)b & ~(uintptr_t)0xffff;
	}
}

static void test_recycled_page(void) {
	junk();
	clear_stack();
	gc_collect(); /* the junk pages go to the pool */
	node *n = gc_alloc(48, GC_KIND_DYNAMIC);
	n->t = &node_type;
	n->value = 7;
	uintptr_t pg = (uintptr_t)n & ~(uintptr_t)0xffff;
	bool recycled = false;
	for (int i = 0; i < NJUNK; i++) recycled |= junk_page[i] == pg;
	CHECK(recycled);
	g_stale = gc_alloc(16, GC_KIND_RAW);
	g_stale[0] = (char *)n + 3 * 48; /* a slot of the page not allocated yet */
	gc_collect(); /* scans that slot: a zero first word, not junk */
	CHECK(n->value == 7 && n->t == &node_type);
	OPAQUE(n);
	g_stale[0] = NULL;
}

int main(void) {
	int top;
	gc_init(&top);
	gc_set_scanner(test_scan);
	gc_add_root((void **)&g_stale);
	test_recycled_page();
	test_next_run();
	gc_add_root((void **)&g_keep);
	fill();
	clear_stack();
	gc_collect();
	refill_holes();
	gc_collect();
	for (int i = 0; i < N / 3; i++) CHECK(g_keep[i]->value == 3 * i);
	if (test_failures) {
		fprintf(stderr, "%d checks failed\n", test_failures);
		return 1;
	}
	printf("ok\n");
	return 0;
}
