/* Reachability, contents, finalizers, interior and foreign pointers, size
 * classes, large objects, zeroing and statistics. Also run in stress mode. */
#include "gc_test.h"
#include <sys/mman.h>

static node *g_list;     /* root */
static void *g_interior; /* root holding an interior pointer */
static void *g_foreign;  /* root pointing to static memory */
static void *g_blocks;   /* root: RAW array of blocks of every size */
static int finalized[4096];
static int nfinalized;
static char static_area[256];

typedef struct fin {
	void (*fn)(void *);
	int id;
	int pad;
	char payload[48];
} fin;

static void on_finalize(void *p) {
	fin *f = p;
	finalized[f->id]++;
	nfinalized++;
}

static fin *new_fin(int id) {
	fin *f = gc_alloc(sizeof(fin), GC_KIND_FINALIZER);
	f->fn = on_finalize;
	f->id = id;
	return f;
}

static __attribute__((noinline)) void make_list(int n) {
	node *l = NULL;
	for (int i = 0; i < n; i++) l = new_node(l, NULL, i);
	g_list = l;
}

static int check_list(int n) {
	int i = n - 1;
	for (node *l = g_list; l; l = l->left, i--)
		if (l->value != i || l->t != &node_type || l->right) return 0;
	return i == -1;
}

static __attribute__((noinline)) void garbage(int n) {
	for (int i = 0; i < n; i++) {
		node *a = new_node(NULL, NULL, -1);
		new_node(a, a, -2);
		char *b = gc_alloc(40 + i % 200, GC_KIND_NOPTR);
		memset(b, 0xff, 40 + i % 200);
	}
}

static __attribute__((noinline)) void make_fins(int from, int to) {
	for (int i = from; i < to; i++) new_fin(i);
}

static void test_roots_survive(void) {
	gc_add_root((void **)&g_list);
	make_list(20000);
	for (int round = 0; round < 5; round++) {
		garbage(20000);
		gc_collect();
		CHECK(check_list(20000));
	}
}

static void test_unreachable_freed(void) {
	nfinalized = 0;
	memset(finalized, 0, sizeof finalized);
	make_fins(0, 2000);
	clear_stack();
	gc_collect();
	/* the stack is scanned conservatively: allow a few stale survivors */
	CHECK(nfinalized >= 1990);
	for (int i = 0; i < 2000; i++) CHECK(finalized[i] <= 1);
	int before = nfinalized;
	clear_stack();
	gc_collect();
	gc_collect();
	CHECK(nfinalized >= before);
	for (int i = 0; i < 2000; i++) CHECK(finalized[i] <= 1);
	/* the list dies when its root is cleared: its blocks get reused */
	gc_stats s1, s2;
	gc_get_stats(&s1);
	g_list = NULL;
	clear_stack();
	gc_collect();
	gc_get_stats(&s2);
	CHECK(s2.objects_swept >= 19900);
	CHECK(s2.live_bytes + 19900 * 32 <= s1.live_bytes);
}

static __attribute__((noinline)) void *interior_of_new_fin(int id, size_t off) {
	return (char *)new_fin(id) + off;
}

/* Everything here is held by interior pointers only, from a root, the stack,
 * a RAW block and a precise field; returns with none of it on the stack. */
static __attribute__((noinline)) void interior_phase(void) {
	g_interior = interior_of_new_fin(3000, 24);     /* from a root */
	char *on_stack = interior_of_new_fin(3001, 63); /* last byte of the block, from the stack */
	OPAQUE(on_stack);
	fin *in_raw = new_fin(3002);
	void **raw = gc_alloc(64, GC_KIND_RAW);
	raw[3] = (char *)in_raw + 8;
	in_raw = NULL;
	OPAQUE(in_raw);
	node *holder = new_node(NULL, NULL, 0);
	holder->left = (node *)((char *)new_fin(3003) + 40);
	make_fins(3004, 3100);
	clear_stack();
	gc_collect();
	OPAQUE(raw);
	OPAQUE(holder);
	OPAQUE(on_stack);
	CHECK(finalized[3000] == 0);
	CHECK(finalized[3001] == 0);
	CHECK(finalized[3002] == 0);
	CHECK(finalized[3003] == 0);
	CHECK(nfinalized >= 90);
	CHECK(((fin *)(on_stack - 63))->id == 3001);
	CHECK(((fin *)((char *)raw[3] - 8))->id == 3002);
	CHECK(((fin *)((char *)holder->left - 40))->id == 3003);
	CHECK(gc_block_start(on_stack) == on_stack - 63);
	CHECK(gc_block_start((char *)g_interior - 24 + 64) != (char *)g_interior - 24); /* one past the end */
}

static void test_interior(void) {
	nfinalized = 0;
	memset(finalized, 0, sizeof finalized);
	gc_add_root(&g_interior);
	interior_phase();
	g_interior = NULL;
	clear_stack();
	gc_collect();
	CHECK(finalized[3000] == 1);
	CHECK(finalized[3001] + finalized[3002] + finalized[3003] >= 2);
	gc_remove_root(&g_interior);
}

static void test_foreign(void) {
	gc_add_root(&g_foreign);
	g_foreign = static_area + 10; /* static memory */
	node *n = new_node((node *)static_area, (node *)(uintptr_t)0x12345678, 7);
	void **raw = gc_alloc(32, GC_KIND_RAW);
	raw[0] = &test_failures;
	raw[1] = (void *)(uintptr_t)-1;
	raw[2] = (void *)(uintptr_t)0x00007fffffffff00ull;
	raw[3] = n;
	gc_add_root((void **)&raw);
	gc_collect();
	CHECK(n->value == 7 && n->left == (node *)static_area);
	CHECK(raw[3] == n && raw[0] == &test_failures);
	CHECK(gc_block_start(static_area) == NULL && gc_block_size(&test_failures) == 0);
	CHECK(gc_block_kind(raw) == GC_KIND_RAW && gc_block_kind(n) == GC_KIND_DYNAMIC);
	gc_remove_root((void **)&raw);
	gc_remove_root(&g_foreign);
}

/* Blocks of many sizes and the three scanned/unscanned kinds, kept in a RAW
 * array, filled with a pattern; the pattern must survive collections and
 * interior addresses must resolve to their block. */
static size_t sizes[400];
static int nsizes;

static void fill(unsigned char *p, size_t n, int seed) {
	for (size_t i = 0; i < n; i++) p[i] = (unsigned char)(seed * 31 + i * 7 + 1);
}
static int same(const unsigned char *p, size_t n, int seed) {
	for (size_t i = 0; i < n; i++)
		if (p[i] != (unsigned char)(seed * 31 + i * 7 + 1)) return 0;
	return 1;
}

static void test_size_classes(void) {
	nsizes = 0;
	for (size_t s = 0; s <= 1100; s += 1 + s / 16) sizes[nsizes++] = s;
	for (size_t s = 1100; s <= 70000; s = s * 5 / 4 + 3) sizes[nsizes++] = s;
	REQUIRE(nsizes < 400);
	int kinds[2] = {GC_KIND_NOPTR, GC_KIND_RAW};
	gc_add_root(&g_blocks);
	void **arr = gc_alloc((size_t)nsizes * 2 * sizeof(void *), GC_KIND_RAW);
	g_blocks = arr;
	for (int i = 0; i < nsizes; i++)
		for (int k = 0; k < 2; k++) {
			unsigned char *p = gc_alloc(sizes[i], kinds[k]);
			size_t n = gc_block_size(p);
			CHECK(n >= sizes[i] && n >= 16);
			CHECK(gc_block_kind(p) == kinds[k]);
			for (size_t j = 0; j < n; j++)
				if (p[j]) {
					CHECK(!"block not zeroed");
					break;
				}
			for (size_t off = 0; off < n; off += 1 + off / 3) CHECK(gc_block_start(p + off) == p);
			/* RAW blocks hold pattern bytes only past word 0 so they stay non-pointers */
			fill(p, sizes[i], i * 2 + k);
			arr[i * 2 + k] = p;
		}
	arr = NULL;
	OPAQUE(arr);
	for (int round = 0; round < 3; round++) {
		garbage(5000);
		clear_stack();
		gc_collect();
		void **a = g_blocks;
		for (int i = 0; i < nsizes; i++)
			for (int k = 0; k < 2; k++) CHECK(same(a[i * 2 + k], sizes[i], i * 2 + k));
	}
	g_blocks = NULL;
	gc_remove_root(&g_blocks);
}

static void test_zeroing(void) {
	/* fill blocks, drop them, and check that reused blocks come back zeroed */
	for (int round = 0; round < 3; round++) {
		for (int i = 0; i < 5000; i++) {
			unsigned char *p = gc_alloc(16 + (size_t)(i % 64) * 16, i % 3);
			for (size_t j = 0; j < 16 + (size_t)(i % 64) * 16; j++)
				if (p[j]) {
					CHECK(!"reused block not zeroed");
					break;
				}
			memset(p, 0xab, 16 + (size_t)(i % 64) * 16);
			if (i % 3 == GC_KIND_DYNAMIC) { /* a valid object or none */
				node *n = (node *)p;
				if (i % 64 >= 1) n->t = &node_type, n->left = n->right = NULL;
				else n->t = NULL;
			}
		}
		clear_stack();
		gc_collect();
	}
}

static void test_large(void) {
	gc_stats s0, s1;
	gc_collect();
	gc_get_stats(&s0);
	static void *keep[8];
	for (int i = 0; i < 8; i++) gc_add_root(&keep[i]);
	for (int i = 0; i < 64; i++) {
		size_t n = (1 << 20) + (size_t)i * 4096;
		unsigned char *p = gc_alloc(n, GC_KIND_NOPTR);
		CHECK(p[0] == 0 && p[n - 1] == 0);
		fill(p, n, i);
		if (i % 8 == 0) keep[i / 8] = p + n / 2; /* interior pointer keeps a large block */
	}
	nfinalized = 0;
	memset(finalized, 0, sizeof finalized);
	fin *bigfin = gc_alloc(100000, GC_KIND_FINALIZER);
	bigfin->fn = on_finalize;
	bigfin->id = 77;
	bigfin = NULL;
	OPAQUE(bigfin);
	clear_stack();
	gc_collect();
	gc_get_stats(&s1);
	CHECK(finalized[77] == 1);
	for (int i = 0; i < 8; i++) {
		size_t n = (1 << 20) + (size_t)i * 8 * 4096;
		unsigned char *p = (unsigned char *)keep[i] - n / 2;
		CHECK(gc_block_start(keep[i]) == p);
		CHECK(same(p, n, i * 8));
	}
	/* 56 dropped blocks of >= 1 MiB are unmapped; 8 remain */
	CHECK(s1.current_heap_size < s0.current_heap_size + 12 * (1 << 20));
	CHECK(s1.current_heap_size >= s0.current_heap_size + 8 * (1 << 20));
	for (int i = 0; i < 8; i++) gc_remove_root(&keep[i]), keep[i] = NULL;
}

/* A dead big block (beyond the same-size buckets) is reused, zeroed, by a
 * block that fits without wasting half of it; a much smaller one gets its own
 * mapping. Addresses are hidden by flipping high bits: any value inside a
 * block would keep it alive (interior pointers). */
#define HIDE(p) ((uintptr_t)(p) ^ 0xA5A5000000000000ull)
static __attribute__((noinline)) uintptr_t dead_big_block(size_t big) {
	unsigned char *p = gc_alloc(big, GC_KIND_NOPTR);
	fill(p, big, 5);
	return HIDE(p);
}

static void test_large_reuse(void) {
	size_t big = (size_t)6 << 20;
	uintptr_t first = dead_big_block(big);
	clear_stack();
	gc_collect();
	CHECK(gc_block_start((void *)HIDE(first)) == NULL); /* dead */
	unsigned char *q = gc_alloc(big - 100000, GC_KIND_NOPTR);
	CHECK(HIDE(q) == first); /* its mapping again, */
	unsigned char resident = 0; /* not a fresh one at the same address: its pages are in memory */
	CHECK(mincore((void *)(((uintptr_t)q + big / 2) & ~(uintptr_t)4095), 4096, &resident) == 0 && (resident & 1));
	CHECK(q[0] == 0 && q[big / 2] == 0 && q[big - 100001] == 0);
	CHECK(gc_block_start(q + big / 2) == q);
	uintptr_t second = dead_big_block(2 * big);
	clear_stack();
	gc_collect();
	unsigned char *r = gc_alloc(big - 100000, GC_KIND_NOPTR); /* would waste over half of it */
	CHECK(HIDE(r) != second && r[0] == 0 && r[big - 100001] == 0);
	q = r = NULL;
	OPAQUE(q);
	OPAQUE(r);
	clear_stack();
	gc_collect();
}

static void test_stats(void) {
	gc_stats a, b;
	gc_get_stats(&a);
	for (int i = 0; i < 1000; i++) gc_alloc(24, GC_KIND_NOPTR);
	for (int i = 0; i < 10; i++) gc_alloc(3000, GC_KIND_RAW);
	gc_alloc(50000, GC_KIND_NOPTR);
	gc_get_stats(&b);
	CHECK(b.total_allocations - a.total_allocations == 1011);
	CHECK(b.total_bytes_allocated - a.total_bytes_allocated == 1000 * 32 + 10 * 3072 + 50000);
	gc_collect();
	gc_get_stats(&b);
	CHECK(b.collection_count == a.collection_count + 1 || getenv("FIBERUS_GC_STRESS"));
	CHECK(b.peak_heap_size >= b.current_heap_size);
	CHECK(b.stack_bytes_scanned > 0);
	char buf[2048];
	int n = gc_stats_string(buf, sizeof buf);
	CHECK(n > 0 && (size_t)n < sizeof buf && strstr(buf, "collections:"));
	gc_write_barrier(&a, &b);
	gc_write_barrier_global((void **)&g_list, NULL);
	gc_get_stats(&b);
	CHECK(b.write_barriers_triggered == 0);
	gc_safepoint();
	gc_enter_safe();
	gc_leave_safe();
}

static void test_threshold(void) {
	gc_set_threshold(4 << 20);
	CHECK(gc_get_threshold() == 4 << 20);
	gc_stats a, b;
	gc_enable(false);
	gc_get_stats(&a);
	garbage(50000);
	gc_get_stats(&b);
	CHECK(b.collection_count == a.collection_count);
	gc_enable(true);
	garbage(50000);
	gc_get_stats(&b);
	CHECK(b.collection_count > a.collection_count);
	gc_set_threshold(1 << 20);
}

int main(void) {
	int top;
	gc_init(&top);
	gc_set_scanner(test_scan);
	test_roots_survive();
	test_unreachable_freed();
	test_interior();
	test_foreign();
	test_size_classes();
	test_zeroing();
	test_large();
	test_stats();
	test_threshold();
	test_large_reuse(); /* last: it grows the heap the threshold tests measure */
	CHECK(test_scanned > 0);
	if (getenv("FIB_GC_DEBUG")) gc_print_stats();
	if (test_failures) {
		fprintf(stderr, "%d checks failed\n", test_failures);
		return 1;
	}
	printf("ok\n");
	return 0;
}
