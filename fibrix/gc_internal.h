/* gc_internal.h: Fibrix private structures shared by the gc_*.c files. */
#ifndef GC_INTERNAL_H
#define GC_INTERNAL_H

#include "gc.h"
#include <pthread.h>
#include <stdatomic.h>

#define GC_PAGE_SHIFT 16
#define GC_PAGE_SIZE ((size_t)1 << GC_PAGE_SHIFT) /* small-object page and page-map granule */
#define GC_PAGE_HDR 1088                        /* sizeof(gc_page) rounded up to 64 */
#define GC_MAX_OBJS ((GC_PAGE_SIZE - GC_PAGE_HDR) / GC_GRANULE)
#define GC_BITMAP_WORDS ((GC_MAX_OBJS + 63) / 64)
#define GC_LARGE_HDR 64

enum { GC_TAG_SMALL = 1, GC_TAG_LARGE = 2 };

/* A 64 KiB page of one size class and kind; the header is at its start. */
typedef struct gc_page {
	uint8_t tag; /* GC_TAG_SMALL */
	uint8_t kind;
	uint8_t cls;
	uint8_t _unused;
	uint32_t size;      /* slot size */
	uint32_t nobjs;
	uint32_t magic;     /* slot index = (offset * magic) >> 32 */
	uint32_t live;      /* slots marked in the last cycle */
	uint32_t _pad;
	char *start;        /* first slot */
	size_t span;        /* nobjs * size */
	struct gc_page *next;
	uint64_t mark[GC_BITMAP_WORDS];
	uint64_t alloc[GC_BITMAP_WORDS]; /* finalizer pages: slot holds a block */
} gc_page;

/* A large object: its own mapping, header then block. */
typedef struct gc_large {
	uint8_t tag; /* GC_TAG_LARGE */
	uint8_t kind;
	uint8_t marked;
	size_t size;     /* usable size */
	size_t map_size; /* mapping size */
	struct gc_large *next, *prev;   /* the heap's list; once dead and cached, its size's list */
	struct gc_large *older, *newer; /* cached: the cache's eviction order */
} gc_large;

/* A registered thread. tc must stay first (gc_tls points at it). */
typedef struct gc_thread {
	gc_tcache tc;
	gc_page *page[3][GC_NCLASSES];  /* the page each run is cut from (the thread's alone) */
	uint32_t pos[3][GC_NCLASSES];   /* first slot of that page not yet looked at */
	_Atomic int state;      /* GC_RUNNING or GC_SAFE */
	void *sp;               /* saved stack pointer while SAFE */
	uintptr_t regs[6];      /* saved callee-saved registers while SAFE */
	void *stack_top;        /* current stack's top */
	void *thread_top;       /* the thread's own stack top */
	struct gc_thread *next, *prev;
} gc_thread;

enum { GC_RUNNING = 0, GC_SAFE = 1 };

/* Saves the callee-saved registers and the stack pointer of the caller. */
#define GC_SAVE_CONTEXT(t)                                                            \
	__asm__ volatile("movq %%rbx, 0(%1)\n\tmovq %%rbp, 8(%1)\n\tmovq %%r12, 16(%1)\n\t" \
	                 "movq %%r13, 24(%1)\n\tmovq %%r14, 32(%1)\n\tmovq %%r15, 40(%1)\n\t" \
	                 "movq %%rsp, %0"                                                  \
	                 : "=m"((t)->sp)                                                   \
	                 : "r"((t)->regs)                                                  \
	                 : "memory")

/* The heap: everything below is guarded by gc_mutex. */
typedef struct gc_heap {
	pthread_mutex_t mutex;
	bool initialized;
	bool enabled;
	bool debug;
	bool collecting;
	uint64_t stress;           /* collect every stress-th allocation (0: off) */
	uint64_t stress_count;

	gc_page *to_sweep[GC_NKINDS][GC_NCLASSES]; /* marked pages with free slots, not yet swept */
	gc_page *in_use;                           /* every other page in use */
	void *central[GC_NKINDS][GC_NCLASSES];     /* free lists not owned by a thread (finalizers, stress) */
	gc_large *large;

	uint64_t pages_in_use;
	uint64_t large_bytes;
	uint64_t large_maps;       /* mappings made for large objects (the rest reused dead ones) */
	uint64_t alloc_since;      /* bytes handed to allocators since the last cycle */
	uint64_t trigger;          /* collect when alloc_since reaches it */
	uint64_t threshold;        /* user minimum of trigger */

	gc_thread *threads;
	uint64_t dead_nalloc, dead_nbytes; /* counters of unregistered threads */

	void ***roots;
	size_t nroots, roots_cap;
	struct { const void *lo, *hi; } *ranges;
	size_t nranges, ranges_cap;
	gc_scanner scanner;
	gc_stack_enumerator enumerator;

	gc_stats st;
	uint64_t live_objs;        /* after the last cycle */
	uint64_t nalloc_at_gc, nbytes_at_gc;
} gc_heap;

extern gc_heap gc_h;
extern gc_world gc_world_hooks;
extern bool gc_world_set;
extern gc_thread gc_thread_none;
extern uintptr_t gc_heap_lo, gc_heap_hi;
extern const uint32_t gc_class_size[GC_NCLASSES];

/* gc_heap.c */
extern void **gc_pm_root[1u << 15];
/* The page or large-object header owning address a, or NULL. */
static inline void *gc_pagemap_get(uintptr_t a) {
	if (a - gc_heap_lo >= gc_heap_hi - gc_heap_lo) return NULL;
	void **leaf = gc_pm_root[a >> 32];
	return leaf ? leaf[(a >> GC_PAGE_SHIFT) & 0xffff] : NULL;
}
static inline void gc_note_heap(void) {
	uint64_t h = gc_h.pages_in_use * GC_PAGE_SIZE + gc_h.large_bytes;
	if (h > gc_h.st.peak_heap_size) gc_h.st.peak_heap_size = h;
}
unsigned gc_size_class(size_t size);
gc_page *gc_page_new(int kind, unsigned cls);
void gc_page_free(gc_page *pg);
void gc_pool_trim(size_t keep);
void *gc_page_build_list(gc_page *pg, size_t *nfree);
bool gc_page_next_run(const gc_page *pg, uint32_t *pos, uint32_t *lo, uint32_t *hi);
void *gc_large_alloc(size_t size, int kind);
void gc_large_free(gc_large *l);
void gc_fatal(const char *msg);

/* gc_mark.c */
void gc_mark_all(gc_thread *self);

/* gc_collect.c */
void gc_collect_locked(void);
gc_thread *gc_thread_self(void);
void gc_lock(gc_thread *t);
void gc_unlock(void);
uint64_t gc_now_ns(void);

#endif
