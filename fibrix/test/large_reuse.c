/* A large block rebuilt a little bigger at every step, only the newest kept
 * (a string built with s += x, a growing buffer): the dead copies' mappings
 * are reused, not mapped anew, also when the cache of dead mappings is full
 * of older ones that nothing asks for any more. */
#include "gc_internal.h"
#include "gc_test.h"

#define OLD 640
static void *keep[OLD];

int main(void) {
	int top;
	gc_init(&top);
	gc_set_scanner(test_scan);
	gc_add_root_range(keep, keep + OLD);

	/* 80 MiB of 128 KiB mappings die at once: the cache (64 MiB) fills up. */
	for (int i = 0; i < OLD; i++) keep[i] = gc_alloc(100 << 10, GC_KIND_NOPTR);
	for (int i = 0; i < OLD; i++) keep[i] = NULL;
	gc_collect();

	const size_t step = 4096, first = 1 << 20, last = 5 << 20;
	uint64_t before = gc_h.large_maps;
	int blocks = 0;
	for (size_t n = first; n < last; n += step, blocks++) {
		char *p = gc_alloc(n, GC_KIND_NOPTR);
		p[n - 1] = 1;
		keep[0] = p;
		if (blocks % 4 == 3) gc_collect(); /* three dead copies at once */
	}
	uint64_t maps = gc_h.large_maps - before;
	/* A mapping size is new once every GC_PAGE_SIZE of growth (16 blocks).
	 * The blocks of a size allocated before a collection frees a copy of
	 * that size (up to four, and the one kept alive) need new mappings;
	 * every later one finds a dead copy, unless the cache evicted it (the
	 * old policy, evicting the biggest first: 10 new mappings a size). */
	uint64_t sizes = (last - first) / GC_PAGE_SIZE + 1;
	printf("%d blocks from %zu KiB to %zu KiB after the cache filled: %llu new mappings for %llu mapping sizes\n",
	       blocks, first >> 10, last >> 10, (unsigned long long)maps, (unsigned long long)sizes);
	CHECK(maps <= 5 * sizes);
	return test_failures != 0;
}
