//go:build ignore
/*
 * gc_alloc.c: the allocation slow path. A thread's run of free slots of a
 * class is used up (or the size is not inline-able, or the kind is FINALIZER):
 * cut the next run from the thread's page of that class and kind (lazy
 * sweeping: the mark bitmap says which slots are free), else take the heap
 * lock, maybe collect, and take a page that the last cycle left with free
 * slots, else a fresh page. Finalizer blocks come one at a time from central
 * free lists under the lock.
 */
#include "gc_internal.h"

static void maybe_collect(void) {
	if (!gc_h.enabled) return;
	if (gc_h.stress) {
		if (++gc_h.stress_count >= gc_h.stress) {
			gc_h.stress_count = 0;
			gc_collect_locked();
		}
	} else if (gc_h.alloc_since >= gc_h.trigger) {
		gc_collect_locked();
	}
}

/* A page of class cls and kind for an allocator: one the last cycle left
 * with free slots, else a fresh one. Its free bytes count as allocated. */
static gc_page *take_page(int kind, unsigned cls) {
	gc_page *pg = gc_h.to_sweep[kind][cls];
	if (pg) gc_h.to_sweep[kind][cls] = pg->next;
	else pg = gc_page_new(kind, cls);
	pg->next = gc_h.in_use;
	gc_h.in_use = pg;
	gc_h.alloc_since += (uint64_t)(pg->nobjs - pg->live) * pg->size;
	return pg;
}

/* A fresh run of free slots of class cls and kind for thread t: the next one
 * of its current page, else of a page taken under the lock (which may collect
 * first). The page is the thread's alone until the next cycle, which resets
 * every thread's runs and pages. In stress mode runs are one slot long, so
 * that every allocation comes here and may collect. */
static gc_run *refill_local(gc_thread *t, int kind, unsigned cls) {
	gc_run *r = &t->tc.run[kind][cls];
	uint32_t lo, hi;
	for (;;) {
		gc_page *pg = t->page[kind][cls];
		if (pg && gc_page_next_run(pg, &t->pos[kind][cls], &lo, &hi)) {
			if (gc_h.stress) t->pos[kind][cls] = hi = lo + 1;
			r->next = pg->start + (size_t)lo * pg->size;
			r->end = pg->start + (size_t)hi * pg->size;
			return r;
		}
		gc_lock(t);
		maybe_collect();
		pg = take_page(kind, cls);
		gc_unlock();
		t->page[kind][cls] = pg;
		t->pos[kind][cls] = 0;
	}
}

static void **refill_central(int kind, unsigned cls) {
	for (;;) {
		size_t n;
		void **list = gc_page_build_list(take_page(kind, cls), &n);
		if (n) return list;
	}
}

void *gc_alloc_slow(size_t size, int kind) {
	if ((unsigned)kind >= GC_NKINDS) gc_fatal("bad memory kind");
	gc_thread *t = gc_thread_self();
	void **p;
	if (size > GC_MEDIUM_MAX) {
		gc_lock(t);
		maybe_collect();
		p = gc_large_alloc(size, kind); /* fresh mapping: already zero */
		size = ((gc_large *)((char *)p - GC_LARGE_HDR))->size;
		gc_h.alloc_since += size;
		gc_unlock();
		t->tc.nalloc++;
		t->tc.nbytes += size;
		return p;
	}
	unsigned cls = gc_size_class(size);
	size_t csize = gc_class_size[cls];
	if (kind != GC_KIND_FINALIZER) {
		if (gc_h.stress) {
			gc_lock(t);
			maybe_collect();
			gc_unlock();
		}
		gc_run *r = &t->tc.run[kind][cls];
		if (r->next >= r->end) r = refill_local(t, kind, cls);
		p = (void **)r->next;
		r->next += csize;
	} else {
		gc_lock(t);
		maybe_collect();
		p = gc_h.central[kind][cls];
		if (!p) p = refill_central(kind, cls);
		gc_h.central[kind][cls] = p[1];
		if (kind == GC_KIND_FINALIZER) {
			gc_page *pg = (gc_page *)((uintptr_t)p & ~(uintptr_t)(GC_PAGE_SIZE - 1));
			uint32_t i = (uint32_t)((((uintptr_t)p - (uintptr_t)pg->start) * pg->magic) >> 32);
			pg->alloc[i >> 6] |= (uint64_t)1 << (i & 63);
		}
		gc_unlock();
	}
	t->tc.nalloc++;
	t->tc.nbytes += csize;
	memset(p, 0, csize);
	return p;
}

/* ------------------------------------------------------------------------- */
/* Write barrier slow paths: unreachable while the remembered range is empty.   */

uintptr_t gc_wb_lo = 0, gc_wb_len = 0;
static _Atomic uint64_t wb_hits;

void gc_write_barrier_slow(void *owner, void *value) {
	(void)owner;
	(void)value;
	atomic_fetch_add_explicit(&wb_hits, 1, memory_order_relaxed);
}

void gc_write_barrier_global_slow(void **slot, void *value) {
	(void)slot;
	(void)value;
	atomic_fetch_add_explicit(&wb_hits, 1, memory_order_relaxed);
}

uint64_t gc_wb_hits(void) { return atomic_load_explicit(&wb_hits, memory_order_relaxed); }
