/*
 * gc.h: Fibrix, the Fiberus garbage collector (public API).
 *
 * Generated code calls the inline fast paths below (gc_alloc, the write
 * barriers, the safepoint poll); the runtime calls the rest. This first
 * collector is a non-moving mark-sweep: small blocks live in 64 KiB pages of
 * one size class and one memory kind each, handed out by per-thread bump
 * allocation through runs of free slots; big blocks get their own mapping.
 * Pages are swept lazily: an allocator finds the next run of unmarked slots
 * of its page in the mark bitmap when the current run is used up. Roots are
 * registered slots, conservative stack ranges (threads and, through an
 * enumerator, fibers) and heap blocks, scanned
 * precisely (HX_MEM_DYNAMIC, through a scanner the language runtime
 * registers) or conservatively (HX_MEM_RAW). Any word may be an interior
 * pointer or point outside the heap.
 *
 * Threads: allocation is per-thread and lock-free on the fast path; slow
 * paths share one heap lock. A collection stops the world: registered threads
 * stop at their next slow path or safepoint poll, or are in a safe region
 * (gc_enter_safe), or a runtime installs its own stop (gc_set_world).
 *
 * The API is meant to survive the move to the generational Fibrix: a scanner
 * visits slot addresses (a moving collector will update them), the write
 * barrier already has its range-check shape, and threads already stop at
 * safepoints and in safe regions.
 *
 * fibrix depends on nothing of hxrt: the kind numbers mirror hx.h's
 * enum hx_mem_kind.
 */
#ifndef GC_H
#define GC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define GC_LIKELY(x) __builtin_expect(!!(x), 1)
#define GC_UNLIKELY(x) __builtin_expect(!!(x), 0)

/* Memory kinds (same numbers as hx.h's HX_MEM_*). */
enum {
	GC_KIND_DYNAMIC = 0,   /* first word is a type: scanned by the registered scanner */
	GC_KIND_RAW = 1,       /* every word may be a pointer */
	GC_KIND_NOPTR = 2,     /* never scanned */
	GC_KIND_FINALIZER = 3, /* first word: void (*)(void *) run when unreachable; not scanned.
	                        * Finalizers run inside the collection with the world stopped:
	                        * they must not allocate, collect or block. */
	GC_NKINDS = 4
};

/* Size classes: 16-byte granules up to GC_FAST_MAX (class = (size + 15) >> 4),
 * then 16 coarser classes up to GC_MEDIUM_MAX; bigger blocks are large objects. */
#define GC_GRANULE 16
#define GC_FAST_MAX 1024
#define GC_MEDIUM_MAX 16384
#define GC_NCLASSES 81 /* 0 unused, 1..64 granules, 65..80 medium */

/* ------------------------------------------------------------------------- */
/* Setup and threads.                                                          */

/* Initialises the collector for the calling (main) thread. stack_top is the
 * highest address of its stack that may hold GC pointers (the address of a
 * local of main is fine); NULL asks pthread for the stack bounds. Reads
 * FIBERUS_GC_STRESS=N (collect every N-th allocation) and FIB_GC_DEBUG=1 (one
 * line per cycle on stderr). Idempotent; an allocation before it calls it. */
void gc_init(void *stack_top);

/* Every other thread that touches GC memory registers first (NULL: its pthread
 * stack) and unregisters before it exits. A thread that allocates without
 * registering is registered with its pthread stack on its first slow path. */
void gc_register_thread(void *stack_top);
void gc_unregister_thread(void);

/* The calling thread now runs on a stack whose highest address is top (the
 * fiber switcher calls it when it switches stacks; NULL: back to the thread's
 * own stack). The collector scans a stopped thread from its saved stack
 * pointer up to this top. */
void gc_set_stack_top(void *top);

/* ------------------------------------------------------------------------- */
/* Allocation.                                                                 */

/* Per-thread allocation state; generated code reaches it through the current
 * thread's TLS slot, read with a volatile asm so no compiler caches a thread's
 * TLS address across a call (fibers migrate between threads). */
typedef struct gc_run {
	char *next, *end; /* free slots [next, end) of one page, contents stale */
} gc_run;

typedef struct gc_tcache {
	gc_run run[3][GC_NCLASSES]; /* kinds 0..2: the current run of free slots of each class */
	uint64_t nalloc;            /* blocks allocated by this thread */
	uint64_t nbytes;            /* their bytes (class sizes) */
} gc_tcache;

extern __thread gc_tcache *gc_tls;

static inline gc_tcache *gc_tcache_current(void) {
	gc_tcache *t;
	__asm__ volatile("movq gc_tls@gottpoff(%%rip), %0\n\tmovq %%fs:(%0), %0" : "=r"(t));
	return t;
}

void *gc_alloc_slow(size_t size, int kind);

/* A zeroed block of at least size bytes of the given kind (size 0 gives a
 * 16-byte block). Never returns NULL (aborts when memory runs out). */
static inline void *gc_alloc(size_t size, int kind) {
	if (GC_LIKELY(size <= GC_FAST_MAX && (unsigned)kind < GC_KIND_FINALIZER)) {
		size_t cls = (size + GC_GRANULE - 1) >> 4;
		gc_tcache *t = gc_tcache_current();
		gc_run *r = &t->run[kind][cls];
		char *p = r->next;
		if (GC_LIKELY(p < r->end)) { /* bump allocation inside a run of free slots */
			r->next = p + (cls << 4);
			t->nalloc++;
			t->nbytes += cls << 4;
			memset(p, 0, cls << 4);
			return p;
		}
	}
	return gc_alloc_slow(size, kind);
}

/* Block queries; p may be an interior pointer. */
void *gc_block_start(const void *p); /* start of the GC block holding p, or NULL */
size_t gc_block_size(const void *p); /* usable size of that block, or 0 */
int gc_block_kind(const void *p);    /* its kind, or -1 */

/* ------------------------------------------------------------------------- */
/* Write barrier. Fast path: is value inside the remembered range (the future
 * nursery)? This collector is not generational, so the range is empty and the
 * slow path (which only counts) is never taken. */

extern uintptr_t gc_wb_lo, gc_wb_len;
void gc_write_barrier_slow(void *owner, void *value);
void gc_write_barrier_global_slow(void **slot, void *value);

static inline void gc_write_barrier(void *owner, void *value) {
	if (GC_UNLIKELY((uintptr_t)value - gc_wb_lo < gc_wb_len)) gc_write_barrier_slow(owner, value);
}
static inline void gc_write_barrier_global(void **slot, void *value) {
	if (GC_UNLIKELY((uintptr_t)value - gc_wb_lo < gc_wb_len)) gc_write_barrier_global_slow(slot, value);
}

/* ------------------------------------------------------------------------- */
/* Roots and scanning.                                                         */

typedef struct gc_visitor gc_visitor; /* opaque: the marker */
typedef gc_visitor gc_stack_visitor;

/* Precise scanner of HX_MEM_DYNAMIC blocks: visit every pointer field of obj
 * (size = usable block size). Called only when the first word is not NULL.
 * Without a scanner such blocks are scanned conservatively. */
typedef void (*gc_scanner)(void *obj, size_t size, gc_visitor *v);
void gc_set_scanner(gc_scanner scan);

/* For scanners: slot holds a pointer (maybe NULL, interior or not GC memory). */
void gc_visit(gc_visitor *v, void **slot);
/* Words i of base (i < nwords) whose bit (bits[i / 32] >> (i % 32)) & 1 is set. */
void gc_visit_bits(gc_visitor *v, void **base, const uint32_t *bits, size_t nwords);
/* Every aligned word of [lo, lo + bytes), conservatively. */
void gc_visit_conservative(gc_visitor *v, const void *lo, size_t bytes);

/* Global slots read at every collection. */
void gc_add_root(void **slot);
void gc_remove_root(void **slot);
/* Fixed memory ranges scanned conservatively (e.g. an engine's arena). */
void gc_add_root_range(const void *lo, const void *hi);
void gc_remove_root_range(const void *lo);

/* Stacks that are not running on a thread (suspended or ready fibers): the job
 * runtime installs an enumerator, called during each collection with the world
 * stopped; it reports each such fiber with gc_scan_stack (from its saved stack
 * pointer to its stack top; the saved registers must lie in that range or be
 * reported with gc_visit_conservative). */
typedef void (*gc_stack_enumerator)(gc_stack_visitor *v);
void gc_set_stack_enumerator(gc_stack_enumerator fn);
void gc_scan_stack(gc_stack_visitor *v, const void *sp, const void *top);

/* ------------------------------------------------------------------------- */
/* Safepoints and safe regions (stop-the-world).                               */

/* Set while a collection wants the other threads to stop; generated code polls
 * it on loop back-edges and calls gc_safepoint. */
extern volatile int gc_poll_requested;
void gc_safepoint(void);

/* Around blocking calls (syscalls, waits): inside, the thread does not hold up
 * a collection, so it must not touch GC memory. gc_enter_safe saves the
 * caller's callee-saved registers and stack pointer (the caller's frame must
 * stay live until gc_leave_safe, as usual for a call around a syscall);
 * gc_leave_safe waits out a collection in progress. Not nestable. */
void gc_enter_safe(void);
void gc_leave_safe(void);

/* A runtime with its own threads (the job system) can take over stopping the
 * world. Once installed (before its workers start): a collection calls stop()
 * and start() instead of fibrix's own handshake and sets gc_poll_requested
 * meanwhile; gc_safepoint calls safepoint(); waiting for the heap lock and
 * gc_enter_safe/gc_leave_safe call blocking_enter()/blocking_leave(). Thread
 * stacks are then NOT scanned by fibrix: the stack enumerator must report
 * every stack in use, running fibers included (from the stack pointer their
 * worker recorded when it stopped, registers spilled above it). Every thread
 * that touches GC memory must be one the hooks stop. */
typedef struct gc_world {
	void (*stop)(void);
	void (*start)(void);
	void (*safepoint)(void);
	void (*blocking_enter)(void);
	void (*blocking_leave)(void);
} gc_world;
void gc_set_world(const gc_world *w); /* NULL: back to fibrix's own handshake */

/* ------------------------------------------------------------------------- */
/* Control and statistics (fiberus.GC).                                        */

void gc_collect(void);                 /* full collection now */
void gc_enable(bool on);               /* automatic collections on/off */
void gc_set_threshold(size_t bytes);   /* minimum allocation between collections (default 4 MiB, env FIBERUS_GC_THRESHOLD) */
size_t gc_get_threshold(void);
void gc_set_debug(bool on);            /* one line per cycle on stderr */

typedef struct gc_stats {
	uint64_t total_allocations;    /* gc_alloc calls */
	uint64_t total_bytes_allocated;
	uint64_t current_heap_size;    /* bytes of pages and large objects in use */
	uint64_t peak_heap_size;
	uint64_t current_object_count; /* live after last cycle + allocated since */
	uint64_t collection_count;
	uint64_t objects_marked;       /* last cycle */
	uint64_t objects_swept;        /* last cycle */
	uint64_t bytes_freed;          /* last cycle */
	double last_mark_time_ms;
	double last_sweep_time_ms;
	double total_gc_time_ms;
	uint64_t fibers_scanned;       /* last cycle: stacks from the enumerator */
	uint64_t stack_bytes_scanned;  /* last cycle: all stacks */
	uint64_t minor_collections;    /* generational fields: 0 for now */
	uint64_t minor_objects_evacuated;
	uint64_t minor_bytes_evacuated;
	double last_minor_time_ms;
	double total_minor_time_ms;
	uint64_t write_barriers_triggered;
	uint64_t live_bytes;           /* marked in the last cycle */
	uint64_t threshold;            /* allocation that triggers the next cycle */
} gc_stats;

/* Totals of every thread's counters; exact when other threads are stopped or idle. */
void gc_get_stats(gc_stats *s);
/* The printStats text (several lines ending in '\n') into buf; returns its
 * length (like snprintf: may exceed n - 1 when truncated). */
int gc_stats_string(char *buf, size_t n);
void gc_print_stats(void); /* to stderr */

#ifdef HX_H /* included from hx.h, after its enum hx_mem_kind */
_Static_assert((int)HX_MEM_DYNAMIC == (int)GC_KIND_DYNAMIC && (int)HX_MEM_RAW == (int)GC_KIND_RAW &&
                   (int)HX_MEM_NOPTR == (int)GC_KIND_NOPTR &&
                   (int)HX_MEM_FINALIZER == (int)GC_KIND_FINALIZER,
               "hx.h memory kinds must match fibrix's");
#endif
#endif
