//go:build ignore
/*
 * gc_collect.c: one collection cycle, the trigger policy, control and stats.
 *
 * A cycle (heap lock held): stop the world, drop every thread's free lists
 * (their slots are unmarked, so they come back), clear the mark bits, mark,
 * then classify each page: no live slot -> back to the page pool; all live ->
 * in use; otherwise -> to be swept lazily by the next allocator of its class.
 * Finalizer pages and large objects are swept at once. The next cycle starts
 * when the allocators have taken max(threshold, live * GC_GROWTH) bytes; empty
 * pages beyond what that needs go back to the OS.
 */
#include "gc_internal.h"
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define GC_GROWTH 2
/* 4 MiB: 8% faster than 1 MiB on the allocation-heavy dynamic benchmark, for
 * a few MiB more of resident memory in small programs. */
#define GC_DEFAULT_THRESHOLD ((uint64_t)4 << 20)

gc_heap gc_h = {.mutex = PTHREAD_MUTEX_INITIALIZER};

void gc_stop_world(gc_thread *self);
void gc_start_world(void);
uint64_t gc_wb_hits(void);

uint64_t gc_now_ns(void) {
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* Once, before the first thread registers. */
void gc_heap_setup(void) {
	gc_h.enabled = true;
	gc_h.threshold = gc_h.trigger = GC_DEFAULT_THRESHOLD;
	const char *s = getenv("FIBERUS_GC_STRESS");
	if (s && atoll(s) > 0) gc_h.stress = (uint64_t)atoll(s);
	s = getenv("FIBERUS_GC_THRESHOLD"); /* bytes; a tuning knob, like GC.setThreshold */
	if (s && atoll(s) > 0) gc_h.threshold = gc_h.trigger = (uint64_t)atoll(s);
	s = getenv("FIB_GC_DEBUG");
	if (s && *s && *s != '0') gc_h.debug = true;
	gc_h.initialized = true;
}

static void run_finalizers(gc_page *pg) {
	for (uint32_t w = 0; w * 64 < pg->nobjs; w++) {
		uint64_t dead = pg->alloc[w] & ~pg->mark[w];
		pg->alloc[w] &= pg->mark[w];
		while (dead) {
			uint32_t i = w * 64 + (uint32_t)__builtin_ctzll(dead);
			dead &= dead - 1;
			void *obj = pg->start + (size_t)i * pg->size;
			void (*fin)(void *) = *(void (**)(void *))obj;
			if (fin) fin(obj);
		}
	}
}

static void sweep_large(void) {
	gc_large *l = gc_h.large, *next;
	for (; l; l = next) {
		next = l->next;
		if (l->marked) continue;
		if (l->kind == GC_KIND_FINALIZER) {
			void *obj = (char *)l + GC_LARGE_HDR;
			void (*fin)(void *) = *(void (**)(void *))obj;
			if (fin) fin(obj);
		}
		gc_large_free(l);
	}
}

/* The collecting thread's own context is saved here, in a frame that stays
 * alive while marking: every callee-saved register of its callers is either
 * still in a register (saved now) or spilled in a frame above this one. */
static __attribute__((noinline)) void mark_from_here(gc_thread *self) {
	__builtin_unwind_init(); /* spill every callee-saved register into this frame */
	if (self != &gc_thread_none) GC_SAVE_CONTEXT(self);
	gc_mark_all(self);
	__asm__ volatile("" ::: "memory"); /* no tail call: this frame must outlive the marking */
}

void gc_collect_locked(void) {
	if (gc_h.collecting) return; /* defensive: cycles never nest (finalizers must not allocate) */
	gc_h.collecting = true;
	uint64_t t0 = gc_now_ns();
	gc_thread *self = (gc_thread *)gc_tcache_current();
	gc_stop_world(self);

	/* Threads' runs and pages go; their counters are read while they are stopped. */
	uint64_t nalloc = gc_h.dead_nalloc, nbytes = gc_h.dead_nbytes;
	for (gc_thread *t = gc_h.threads; t; t = t->next) {
		memset(t->tc.run, 0, sizeof t->tc.run);
		memset(t->page, 0, sizeof t->page);
		nalloc += t->tc.nalloc;
		nbytes += t->tc.nbytes;
	}
	memset(gc_h.central, 0, sizeof gc_h.central);

	/* Every page on one list, marks cleared. */
	gc_page *all = gc_h.in_use;
	gc_h.in_use = NULL;
	for (int k = 0; k < GC_NKINDS; k++)
		for (int c = 0; c < GC_NCLASSES; c++) {
			gc_page *pg = gc_h.to_sweep[k][c];
			while (pg) {
				gc_page *next = pg->next;
				pg->next = all;
				all = pg;
				pg = next;
			}
			gc_h.to_sweep[k][c] = NULL;
		}
	for (gc_page *pg = all; pg; pg = pg->next) {
		memset(pg->mark, 0, ((pg->nobjs + 63) >> 6) * sizeof(uint64_t));
		pg->live = 0;
	}
	for (gc_large *l = gc_h.large; l; l = l->next) l->marked = 0;

	uint64_t prev_live_bytes = gc_h.st.live_bytes;
	gc_h.st.objects_marked = 0;
	gc_h.st.live_bytes = 0;
	gc_h.st.fibers_scanned = 0;
	gc_h.st.stack_bytes_scanned = 0;
	mark_from_here(self);
	uint64_t t1 = gc_now_ns();

	/* Classify pages; sweep finalizers and large objects now. */
	gc_page *pg = all, *next;
	for (; pg; pg = next) {
		next = pg->next;
		if (pg->kind == GC_KIND_FINALIZER) run_finalizers(pg);
		if (pg->live == 0) {
			gc_page_free(pg);
		} else if (pg->live == pg->nobjs) {
			pg->next = gc_h.in_use;
			gc_h.in_use = pg;
		} else {
			pg->next = gc_h.to_sweep[pg->kind][pg->cls];
			gc_h.to_sweep[pg->kind][pg->cls] = pg;
		}
	}
	sweep_large();

	/* Accounting and the next trigger. */
	gc_stats *st = &gc_h.st;
	uint64_t before_objs = gc_h.live_objs + (nalloc - gc_h.nalloc_at_gc);
	uint64_t before_bytes = prev_live_bytes + (nbytes - gc_h.nbytes_at_gc);
	st->objects_swept = before_objs > st->objects_marked ? before_objs - st->objects_marked : 0;
	st->bytes_freed = before_bytes > st->live_bytes ? before_bytes - st->live_bytes : 0;
	gc_h.live_objs = st->objects_marked;
	gc_h.nalloc_at_gc = nalloc;
	gc_h.nbytes_at_gc = nbytes;
	uint64_t want = st->live_bytes * GC_GROWTH;
	gc_h.trigger = want > gc_h.threshold ? want : gc_h.threshold;
	gc_h.alloc_since = 0;
	gc_pool_trim(gc_h.trigger);
	st->collection_count++;
	uint64_t t2 = gc_now_ns();
	st->last_mark_time_ms = (double)(t1 - t0) / 1e6;
	st->last_sweep_time_ms = (double)(t2 - t1) / 1e6;
	st->total_gc_time_ms += (double)(t2 - t0) / 1e6;
	gc_start_world();
	if (gc_h.debug)
		fprintf(stderr,
		        "fibrix: gc #%llu: marked %llu objects (%llu KiB live), freed %llu objects (%llu KiB), "
		        "heap %llu KiB, stacks %llu B, mark %.3f ms, sweep %.3f ms, next after %llu KiB\n",
		        (unsigned long long)st->collection_count, (unsigned long long)st->objects_marked,
		        (unsigned long long)(st->live_bytes >> 10), (unsigned long long)st->objects_swept,
		        (unsigned long long)(st->bytes_freed >> 10),
		        (unsigned long long)((gc_h.pages_in_use * GC_PAGE_SIZE + gc_h.large_bytes) >> 10),
		        (unsigned long long)st->stack_bytes_scanned, st->last_mark_time_ms, st->last_sweep_time_ms,
		        (unsigned long long)(gc_h.trigger >> 10));
	gc_h.collecting = false;
}

/* ------------------------------------------------------------------------- */
/* Control.                                                                    */

void gc_collect(void) {
	gc_thread *t = gc_thread_self();
	gc_lock(t);
	gc_collect_locked();
	gc_unlock();
}

void gc_enable(bool on) {
	gc_thread *t = gc_thread_self();
	gc_lock(t);
	gc_h.enabled = on;
	gc_unlock();
}

void gc_set_threshold(size_t bytes) {
	gc_thread *t = gc_thread_self();
	gc_lock(t);
	gc_h.threshold = bytes;
	uint64_t want = gc_h.st.live_bytes * GC_GROWTH;
	gc_h.trigger = want > bytes ? want : bytes;
	gc_unlock();
}

size_t gc_get_threshold(void) {
	gc_thread *t = gc_thread_self();
	gc_lock(t);
	size_t v = gc_h.threshold;
	gc_unlock();
	return v;
}

void gc_set_debug(bool on) {
	gc_thread *t = gc_thread_self();
	gc_lock(t);
	gc_h.debug = on;
	gc_unlock();
}

/* ------------------------------------------------------------------------- */
/* Statistics.                                                                 */

void gc_get_stats(gc_stats *s) {
	gc_thread *self = gc_thread_self();
	gc_lock(self);
	*s = gc_h.st;
	uint64_t nalloc = gc_h.dead_nalloc, nbytes = gc_h.dead_nbytes;
	for (gc_thread *t = gc_h.threads; t; t = t->next) {
		nalloc += t->tc.nalloc;
		nbytes += t->tc.nbytes;
	}
	s->total_allocations = nalloc;
	s->total_bytes_allocated = nbytes;
	s->current_object_count = gc_h.live_objs + (nalloc - gc_h.nalloc_at_gc);
	s->current_heap_size = gc_h.pages_in_use * GC_PAGE_SIZE + gc_h.large_bytes;
	s->write_barriers_triggered = gc_wb_hits();
	s->threshold = gc_h.trigger;
	gc_unlock();
}

int gc_stats_string(char *buf, size_t n) {
	gc_stats s;
	gc_get_stats(&s);
	return snprintf(buf, n,
	                "GC statistics (Fibrix mark-sweep)\n"
	                "  collections:        %llu (%.3f ms total; last mark %.3f ms, sweep %.3f ms)\n"
	                "  allocations:        %llu (%llu bytes)\n"
	                "  heap:               %llu bytes (peak %llu), %llu objects\n"
	                "  last cycle:         %llu marked (%llu bytes live), %llu swept (%llu bytes freed)\n"
	                "  stacks last cycle:  %llu fibers, %llu bytes\n"
	                "  next cycle after:   %llu bytes allocated\n"
	                "  minor collections:  %llu\n"
	                "  write barriers:     %llu slow-path hits\n",
	                (unsigned long long)s.collection_count, s.total_gc_time_ms, s.last_mark_time_ms,
	                s.last_sweep_time_ms, (unsigned long long)s.total_allocations,
	                (unsigned long long)s.total_bytes_allocated, (unsigned long long)s.current_heap_size,
	                (unsigned long long)s.peak_heap_size, (unsigned long long)s.current_object_count,
	                (unsigned long long)s.objects_marked, (unsigned long long)s.live_bytes,
	                (unsigned long long)s.objects_swept, (unsigned long long)s.bytes_freed,
	                (unsigned long long)s.fibers_scanned, (unsigned long long)s.stack_bytes_scanned,
	                (unsigned long long)s.threshold, (unsigned long long)s.minor_collections,
	                (unsigned long long)s.write_barriers_triggered);
}

void gc_print_stats(void) {
	char buf[1024];
	gc_stats_string(buf, sizeof buf);
	fputs(buf, stderr);
}
