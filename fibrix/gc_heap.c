//go:build ignore
/*
 * gc_heap.c: memory of the heap. Size classes, the page map (any address to its
 * block in two loads), small-object pages carved from 4 MiB arenas and kept in
 * a pool when empty (released with madvise when the pool grows), and large
 * objects in their own mappings. Callers hold gc_h.mutex.
 */
#include "gc_internal.h"
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>

_Static_assert(sizeof(gc_page) <= GC_PAGE_HDR, "page header too big");
_Static_assert(sizeof(gc_large) <= GC_LARGE_HDR, "large header too big");

#define GC_ARENA_PAGES 64 /* pages mapped at a time */

const uint32_t gc_class_size[GC_NCLASSES] = {
	16, /* class 0 is never used (size 0 maps to class 1) */
	16, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256,
	272, 288, 304, 320, 336, 352, 368, 384, 400, 416, 432, 448, 464, 480, 496, 512,
	528, 544, 560, 576, 592, 608, 624, 640, 656, 672, 688, 704, 720, 736, 752, 768,
	784, 800, 816, 832, 848, 864, 880, 896, 912, 928, 944, 960, 976, 992, 1008, 1024,
	1280, 1536, 1792, 2048, 2560, 3072, 3584, 4096,
	5120, 6144, 7168, 8192, 10240, 12288, 14336, 16384,
};

unsigned gc_size_class(size_t size) {
	if (size <= GC_FAST_MAX) return size == 0 ? 1 : (unsigned)((size + 15) >> 4);
	unsigned c = 65;
	while (gc_class_size[c] < size) c++;
	return c;
}

void gc_fatal(const char *msg) {
	fprintf(stderr, "fibrix: %s\n", msg);
	abort();
}

static void *os_map(size_t n) {
	void *p = mmap(NULL, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (p == MAP_FAILED) gc_fatal("out of memory");
	return p;
}

/* n bytes aligned to GC_PAGE_SIZE. */
static char *os_map_aligned(size_t n) {
	char *p = os_map(n + GC_PAGE_SIZE);
	uintptr_t a = ((uintptr_t)p + GC_PAGE_SIZE - 1) & ~(uintptr_t)(GC_PAGE_SIZE - 1);
	size_t head = a - (uintptr_t)p, tail = GC_PAGE_SIZE - head;
	if (head) munmap(p, head);
	if (tail) munmap((char *)a + n, tail);
	return (char *)a;
}

/* ------------------------------------------------------------------------- */
/* Page map: bits 47..32 index the root, bits 31..16 a leaf of 65536 entries.   */

#define PM_ROOT (1u << 15)
#define PM_LEAF (1u << 16)
void **gc_pm_root[PM_ROOT];
uintptr_t gc_heap_lo = UINTPTR_MAX, gc_heap_hi = 0;


static void pm_set(uintptr_t a, size_t n, void *v) {
	for (uintptr_t p = a; p < a + n; p += GC_PAGE_SIZE) {
		void ***leafp = &gc_pm_root[p >> 32];
		if (!*leafp) *leafp = os_map(PM_LEAF * sizeof(void *));
		(*leafp)[(p >> GC_PAGE_SHIFT) & (PM_LEAF - 1)] = v;
	}
	if (v) {
		if (a < gc_heap_lo) gc_heap_lo = a;
		if (a + n > gc_heap_hi) gc_heap_hi = a + n;
	}
}

/* ------------------------------------------------------------------------- */
/* Pool of empty pages: dirty ones (recently used, resident) first.            */

static char **pool_dirty, **pool_clean;
static size_t ndirty, nclean, cap_dirty, cap_clean;

static void push(char ***v, size_t *n, size_t *cap, char *p) {
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 256;
		*v = realloc(*v, *cap * sizeof(char *));
		if (!*v) gc_fatal("out of memory");
	}
	(*v)[(*n)++] = p;
}

static char *pool_get(void) {
	if (ndirty) return pool_dirty[--ndirty];
	if (!nclean) {
		char *a = os_map_aligned(GC_ARENA_PAGES * GC_PAGE_SIZE);
		for (int i = GC_ARENA_PAGES - 1; i >= 0; i--)
			push(&pool_clean, &nclean, &cap_clean, a + (size_t)i * GC_PAGE_SIZE);
	}
	return pool_clean[--nclean];
}

/* Releases dirty pages beyond keep bytes to the OS. */
void gc_pool_trim(size_t keep) {
	size_t keep_pages = keep / GC_PAGE_SIZE;
	while (ndirty > keep_pages) {
		char *p = pool_dirty[--ndirty];
		madvise(p, GC_PAGE_SIZE, MADV_DONTNEED);
		push(&pool_clean, &nclean, &cap_clean, p);
	}
}

/* A page for class cls and kind. Free slots keep stale contents until
 * allocated (gc_page_next_run), and a stale pointer on a stack may make the
 * collector scan one: a DYNAMIC page must hold in every slot a block of its
 * class or a zero first word (no type: not scanned). A recycled page of
 * another class or kind gets its slots' first words cleared. */
gc_page *gc_page_new(int kind, unsigned cls) {
	bool dirty = ndirty > 0; /* pool_get takes a recycled page first */
	gc_page *pg = (gc_page *)pool_get();
	bool stale = dirty && kind == GC_KIND_DYNAMIC && (pg->kind != kind || pg->cls != cls);
	memset(pg, 0, sizeof(gc_page));
	pg->tag = GC_TAG_SMALL;
	pg->kind = (uint8_t)kind;
	pg->cls = (uint8_t)cls;
	pg->size = gc_class_size[cls];
	pg->nobjs = (uint32_t)((GC_PAGE_SIZE - GC_PAGE_HDR) / pg->size);
	pg->magic = (uint32_t)((((uint64_t)1 << 32) + pg->size - 1) / pg->size);
	pg->start = (char *)pg + GC_PAGE_HDR;
	pg->span = (size_t)pg->nobjs * pg->size;
	if (stale)
		for (char *q = pg->start; q < pg->start + pg->span; q += pg->size) *(void **)q = NULL;
	pm_set((uintptr_t)pg, GC_PAGE_SIZE, pg);
	gc_h.pages_in_use++;
	gc_note_heap();
	return pg;
}

void gc_page_free(gc_page *pg) {
	pm_set((uintptr_t)pg, GC_PAGE_SIZE, NULL);
	gc_h.pages_in_use--;
	push(&pool_dirty, &ndirty, &cap_dirty, (char *)pg);
}

/* Sweeps pg: links every unmarked slot into a free list (ascending addresses;
 * word 0 zeroed so that a scanner never reads a stale type, link in word 1).
 * Returns the list and the number of slots in it. One pass over the whole
 * page streams better than sweeping it in small batches (measured). */
void *gc_page_build_list(gc_page *pg, size_t *nfree) {
	void **head = NULL;
	size_t n = 0, size = pg->size;
	for (int w = (int)((pg->nobjs - 1) >> 6); w >= 0; w--) {
		uint64_t free = ~pg->mark[w];
		size_t left = pg->nobjs - (size_t)w * 64;
		if (left < 64) free &= ((uint64_t)1 << left) - 1;
		while (free) {
			int b = 63 - __builtin_clzll(free);
			free &= ~((uint64_t)1 << b);
			void **p = (void **)(pg->start + ((size_t)w * 64 + b) * size);
			p[0] = NULL;
			p[1] = head;
			head = p;
			n++;
		}
	}
	*nfree = n;
	return head;
}

/* The next run of free (unmarked) slots of pg at or after slot *pos: slots
 * [*lo, *hi), *pos moved past it. False when the page has none left. Slots of
 * a run keep their stale contents until allocated (and zeroed): a stale block
 * is a dead block of this class and kind, self-consistent for a scanner that
 * reaches it through a stale pointer, as in a page not yet swept. */
bool gc_page_next_run(const gc_page *pg, uint32_t *pos, uint32_t *lo, uint32_t *hi) {
	uint32_t i = *pos, n = pg->nobjs;
	while (i < n) {
		uint64_t w = ~pg->mark[i >> 6] >> (i & 63);
		if (w) {
			i += (uint32_t)__builtin_ctzll(w);
			break;
		}
		i = (i | 63) + 1;
	}
	if (i >= n) {
		*pos = n;
		return false;
	}
	uint32_t j = i + 1;
	while (j < n) {
		uint64_t w = pg->mark[j >> 6] >> (j & 63);
		if (w) {
			j += (uint32_t)__builtin_ctzll(w);
			break;
		}
		j = (j | 63) + 1;
	}
	if (j > n) j = n;
	*lo = i;
	*hi = *pos = j;
	return true;
}

/* ------------------------------------------------------------------------- */
/* Large objects.                                                              */

/* Dead mappings are kept (up to LC_MAX bytes in all) for reuse: a memset
 * instead of two syscalls and a page fault per page. Mappings of up to
 * LC_BUCKETS pages are reused by blocks of the same mapping size; bigger
 * ones (big strings and buffers, often rebuilt at similar sizes) by any block
 * that fits and wastes at most half the mapping. To make room, the mappings
 * that died longest ago are unmapped first: a block that keeps growing (a
 * string built with +=) needs the mappings that just died, not the smaller
 * ones of its past. */
#define LC_BUCKETS 64
#define LC_MAX ((size_t)64 << 20)
static gc_large *lcache[LC_BUCKETS + 1];
static gc_large *lcache_big; /* mappings of more than LC_BUCKETS pages */
static gc_large *lru_oldest, *lru_newest;
static size_t lcache_bytes;

static gc_large **cache_list(size_t map) {
	size_t b = map >> GC_PAGE_SHIFT;
	return b <= LC_BUCKETS ? &lcache[b] : &lcache_big;
}

static void cache_put(gc_large *l) {
	gc_large **list = cache_list(l->map_size);
	l->prev = NULL;
	l->next = *list;
	if (*list) (*list)->prev = l;
	*list = l;
	l->older = lru_newest;
	l->newer = NULL;
	if (lru_newest) lru_newest->newer = l;
	else lru_oldest = l;
	lru_newest = l;
	lcache_bytes += l->map_size;
}

static void cache_take(gc_large *l) {
	if (l->prev) l->prev->next = l->next;
	else *cache_list(l->map_size) = l->next;
	if (l->next) l->next->prev = l->prev;
	if (l->older) l->older->newer = l->newer;
	else lru_oldest = l->newer;
	if (l->newer) l->newer->older = l->older;
	else lru_newest = l->older;
	lcache_bytes -= l->map_size;
}

/* Unmaps the longest-dead cached mappings until need more bytes fit. */
static void lcache_evict(size_t need) {
	while (lcache_bytes + need > LC_MAX && lru_oldest) {
		gc_large *l = lru_oldest;
		cache_take(l);
		munmap(l, l->map_size);
	}
}

/* The smallest cached big mapping that fits map without wasting half of it. */
static gc_large *take_big(size_t map) {
	gc_large *best = NULL;
	for (gc_large *l = lcache_big; l; l = l->next)
		if (l->map_size >= map && l->map_size / 2 <= map && (!best || l->map_size < best->map_size)) best = l;
	if (best) cache_take(best);
	return best;
}

void *gc_large_alloc(size_t size, int kind) {
	if (size > ((size_t)1 << 46)) gc_fatal("out of memory (block too large)");
	size = (size + 15) & ~(size_t)15;
	size_t map = (GC_LARGE_HDR + size + GC_PAGE_SIZE - 1) & ~(GC_PAGE_SIZE - 1);
	size_t b = map >> GC_PAGE_SHIFT;
	gc_large *l = NULL;
	if (b <= LC_BUCKETS && lcache[b]) {
		l = lcache[b];
		cache_take(l);
	} else if (b > LC_BUCKETS) {
		l = take_big(map);
	}
	if (l) {
		map = l->map_size; /* a reused big mapping may be larger than asked */
		memset((char *)l + GC_LARGE_HDR, 0, size);
	} else {
		l = (gc_large *)os_map_aligned(map);
		gc_h.large_maps++;
	}
	l->tag = GC_TAG_LARGE;
	l->kind = (uint8_t)kind;
	l->marked = 0;
	l->size = size;
	l->map_size = map;
	l->prev = NULL;
	l->next = gc_h.large;
	if (l->next) l->next->prev = l;
	gc_h.large = l;
	gc_h.large_bytes += map;
	pm_set((uintptr_t)l, map, l);
	gc_note_heap();
	return (char *)l + GC_LARGE_HDR;
}

void gc_large_free(gc_large *l) {
	if (l->prev) l->prev->next = l->next;
	else gc_h.large = l->next;
	if (l->next) l->next->prev = l->prev;
	gc_h.large_bytes -= l->map_size;
	pm_set((uintptr_t)l, l->map_size, NULL);
	if (l->map_size <= LC_MAX) {
		lcache_evict(l->map_size);
		cache_put(l);
		return;
	}
	munmap(l, l->map_size);
}

/* ------------------------------------------------------------------------- */
/* Block queries (any thread; the page map only grows).                        */

static void *block_of(const void *p, int *kind, size_t *size) {
	uintptr_t a = (uintptr_t)p;
	uint8_t *h = gc_pagemap_get(a);
	if (!h) return NULL;
	if (*h == GC_TAG_SMALL) {
		gc_page *pg = (gc_page *)h;
		uintptr_t off = a - (uintptr_t)pg->start;
		if (off >= pg->span) return NULL;
		uint32_t i = (uint32_t)((off * pg->magic) >> 32);
		*kind = pg->kind;
		*size = pg->size;
		return pg->start + (size_t)i * pg->size;
	}
	gc_large *l = (gc_large *)h;
	char *b = (char *)l + GC_LARGE_HDR;
	if (a - (uintptr_t)b >= l->size) return NULL;
	*kind = l->kind;
	*size = l->size;
	return b;
}

void *gc_block_start(const void *p) {
	int k;
	size_t s;
	return block_of(p, &k, &s);
}

size_t gc_block_size(const void *p) {
	int k;
	size_t s;
	return block_of(p, &k, &s) ? s : 0;
}

int gc_block_kind(const void *p) {
	int k;
	size_t s;
	return block_of(p, &k, &s) ? k : -1;
}
