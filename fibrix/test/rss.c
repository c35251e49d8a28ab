/* Allocating 4 GiB over the program's life (small, medium and large blocks,
 * with a small live window) keeps the resident set bounded: dead pages are
 * reused or released, large blocks unmapped. */
#include "gc_test.h"

#define WINDOW 4096
static void *window[WINDOW]; /* registered as a root range */

int main(void) {
	int top;
	gc_init(&top);
	gc_set_scanner(test_scan);
	gc_add_root_range(window, window + WINDOW);
	const uint64_t total = (uint64_t)4 << 30;
	uint64_t done = 0, i = 0;
	long max_rss = 0;
	while (done < total) {
		size_t n;
		int kind = (int)(i % 3);
		if (i % 20000 == 0) n = (size_t)1 << 20;           /* large */
		else if (i % 50 == 0) n = 2000 + (i * 37) % 14000; /* medium */
		else n = 16 + (i * 13) % 300;                      /* small */
		void **p = gc_alloc(n, kind);
		if (kind == GC_KIND_DYNAMIC) { /* a node whose children are older window entries */
			node *nd = (node *)p;
			nd->t = &node_type;
			nd->left = window[(i * 7) % WINDOW];
			nd->value = (intptr_t)i;
		} else if (kind == GC_KIND_RAW) {
			p[0] = window[(i * 11) % WINDOW];
		}
		window[i % WINDOW] = p;
		done += n;
		i++;
		if (i % 100000 == 0) {
			long r = rss_kib();
			if (r > max_rss) max_rss = r;
		}
	}
	gc_stats s;
	gc_get_stats(&s);
	printf("allocated %llu MiB in %llu blocks, %llu collections, max RSS %ld KiB, peak heap %llu KiB\n",
	       (unsigned long long)(s.total_bytes_allocated >> 20), (unsigned long long)s.total_allocations,
	       (unsigned long long)s.collection_count, max_rss, (unsigned long long)(s.peak_heap_size >> 10));
	CHECK(s.total_bytes_allocated >= total);
	CHECK(s.collection_count > 100);
	CHECK(max_rss > 0 && max_rss < 128 * 1024);
	CHECK(s.peak_heap_size < (uint64_t)128 << 20);
	return test_failures != 0;
}
