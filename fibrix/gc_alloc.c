//go:build ignore
/*
 * gc_alloc.c: the allocation slow path. A thread's free list of a class is
 * empty (or the size is not inline-able, or the kind is FINALIZER): take the
 * heap lock, maybe collect, take a page of that class and kind that the last
 * cycle left with free slots, else a fresh page, and sweep it into the
 * thread's free list outside the lock (lazy sweeping). Finalizer blocks and
 * every block in stress mode come one at a time from central lists under the
 * lock.
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

/* A fresh free list of class cls and kind: a page is taken under the lock
 * (which may collect first), then swept by the caller, outside the lock when
 * the list is the thread's own (the page is the thread's alone meanwhile). */
static void **refill_local(gc_thread *t, int kind, unsigned cls) {
	for (;;) {
		gc_lock(t);
		maybe_collect();
		gc_page *pg = take_page(kind, cls);
		gc_unlock();
		size_t n;
		void **list = gc_page_build_list(pg, &n);
		if (n) return list;
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
	if (kind != GC_KIND_FINALIZER && !gc_h.stress) {
		p = t->tc.free[kind][cls];
		if (p) { /* a medium class: its list is only popped here */
			t->tc.free[kind][cls] = p[1];
			goto done;
		}
		p = refill_local(t, kind, cls);
		t->tc.free[kind][cls] = p[1];
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
done:
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
