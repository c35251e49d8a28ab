//go:build ignore
/*
 * fiber_pool.c: fiber stacks. Each pool serves one stack size; its slots are
 * carved from chunks of CHUNK_SLOTS slots, each chunk one mmap reservation:
 *
 *   slot = [ guard | stack ............ | struct fiber ]
 *
 * Pages are committed by the kernel on first touch, so a fiber that never
 * grows costs one page. Guards use MADV_GUARD_INSTALL (no new VMA); the
 * mprotect fallback splits VMAs, so it stops installing guards before the
 * map count budget (vm.max_map_count) runs out.
 */
#define _GNU_SOURCE
#include "fiber.h"
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#ifndef MADV_GUARD_INSTALL
#define MADV_GUARD_INSTALL 102
#endif

#define CHUNK_SLOTS 4096u
#define MAX_POOLS 8
#define FIBER_TOP ((sizeof(struct fiber) + 63) & ~(size_t)63)

typedef struct pool {
	size_t stack_size;     /* usable bytes, fiber struct excluded */
	size_t slot_size;      /* guard + stack + struct, page multiple */
	char **chunks;         /* chunk bases */
	_Atomic uint32_t nslots; /* initialised slots (published after init) */
	uint32_t maxchunks;
	fiber *free;           /* free list through link */
} pool;

static pool pools[MAX_POOLS];
static _Atomic int npools;
static pthread_mutex_t pool_lock = PTHREAD_MUTEX_INITIALIZER;
static size_t page_size, guard_size, default_stack, max_fibers;
static _Atomic uint64_t next_id = 1;
static _Atomic size_t live;
static int guard_mode = -1;       /* 1 madvise guard, 2 mprotect, 0 none */
static long mprotect_budget;
static uint32_t init_mxcsr = 0x1F80, init_fpucw = 0x037F;
static int initialised;
fiber_switch_hook fiber_hook;

extern void fiber_trampoline(void);

static size_t round_up(size_t n, size_t a) { return (n + a - 1) / a * a; }

static size_t env_size(const char *name, size_t def) {
	const char *s = getenv(name);
	if (!s || !*s) return def;
	char *end;
	unsigned long long v = strtoull(s, &end, 0);
	if (*end == 'k' || *end == 'K') v <<= 10;
	else if (*end == 'm' || *end == 'M') v <<= 20;
	return v ? (size_t)v : def;
}

int fiber_pool_init(const fiber_config *cfg) {
	pthread_mutex_lock(&pool_lock);
	if (!initialised) {
		page_size = (size_t)sysconf(_SC_PAGESIZE);
		default_stack = env_size("FIBERUS_STACK_SIZE", 64 << 10);
		guard_size = 16 << 10;
		max_fibers = 16u << 20;
		if (cfg) {
			if (cfg->stack_size) default_stack = cfg->stack_size;
			if (cfg->guard_size) guard_size = cfg->guard_size;
			if (cfg->max_fibers) max_fibers = cfg->max_fibers;
		}
		if (default_stack < 4 * page_size) default_stack = 4 * page_size;
		default_stack = round_up(default_stack, page_size);
		guard_size = round_up(guard_size, page_size);
		long maps = 65530;
		FILE *fp = fopen("/proc/sys/vm/max_map_count", "r");
		if (fp) { if (fscanf(fp, "%ld", &maps) != 1) maps = 65530; fclose(fp); }
		mprotect_budget = maps / 2 - 8192; /* leave room for the heap, libraries, GC */
		/* New fibers start with the control words of the initialising thread. */
		__asm__ volatile("stmxcsr %0" : "=m"(init_mxcsr));
		__asm__ volatile("fnstcw %0" : "=m"(init_fpucw));
		initialised = 1;
	}
	pthread_mutex_unlock(&pool_lock);
	return 0;
}

size_t fiber_default_stack_size(void) {
	if (!initialised) fiber_pool_init(NULL);
	return default_stack;
}

int fiber_guard_mode(void) { return guard_mode < 0 ? 1 : guard_mode; }
size_t fiber_live_count(void) { return atomic_load_explicit(&live, memory_order_relaxed); }
void fiber_set_switch_hook(fiber_switch_hook hook) { fiber_hook = hook; }

/* Caller holds pool_lock. */
static pool *pool_for(size_t stack_size) {
	int n = atomic_load(&npools);
	for (int i = 0; i < n; i++)
		if (pools[i].stack_size == stack_size) return &pools[i];
	if (n == MAX_POOLS) return NULL;
	pool *p = &pools[n];
	p->stack_size = stack_size;
	p->slot_size = guard_size + round_up(stack_size + FIBER_TOP, page_size);
	p->maxchunks = (uint32_t)(max_fibers / CHUNK_SLOTS + 1);
	p->chunks = calloc(p->maxchunks, sizeof(char *));
	if (!p->chunks) return NULL;
	atomic_store(&npools, n + 1);
	return p;
}

static void install_guard(char *lo) {
	if (guard_mode != 2 && guard_mode != 0) {
		if (madvise(lo, guard_size, MADV_GUARD_INSTALL) == 0) { guard_mode = 1; return; }
		if (guard_mode == 1) return; /* worked before: transient failure, skip this guard */
		guard_mode = 2;
	}
	if (guard_mode == 2) {
		if (mprotect_budget-- > 0 && mprotect(lo, guard_size, PROT_NONE) == 0) return;
		guard_mode = 0;
		fputs("fiberus: guard page budget exhausted (vm.max_map_count); new fiber stacks have no guard\n", stderr);
	}
}

/* Caller holds pool_lock. Initialises a new slot, mapping a chunk if needed. */
static fiber *slot_new(pool *p, uint32_t pi) {
	uint32_t i = atomic_load_explicit(&p->nslots, memory_order_relaxed);
	uint32_t c = i / CHUNK_SLOTS;
	if (c >= p->maxchunks) return NULL;
	if (!p->chunks[c]) {
		size_t len = p->slot_size * CHUNK_SLOTS;
		void *m = mmap(NULL, len, PROT_READ | PROT_WRITE,
		               MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
		if (m == MAP_FAILED) return NULL;
		madvise(m, len, MADV_NOHUGEPAGE); /* THP would commit 2 MiB per stack */
		p->chunks[c] = m;
	}
	char *slot = p->chunks[c] + (size_t)(i % CHUNK_SLOTS) * p->slot_size;
	install_guard(slot);
	fiber *f = (fiber *)(slot + p->slot_size - FIBER_TOP);
	memset(f, 0, sizeof *f);
	f->stack_lo = slot + guard_size;
	f->stack_hi = (char *)f;
	f->pool = pi;
	f->slot = i; /* the TSan fiber comes with fiber_reset */
	atomic_store_explicit(&p->nslots, i + 1, memory_order_release);
	return f;
}

/* Where a fiber's stack starts below its top, in 64-byte steps up to 960:
 * pool slots are equally aligned, so without it two fibers switching back
 * and forth push and pop at the same addresses modulo 4 KiB, and the CPU
 * takes each pop for a reload of the other stack's push (4K aliasing: +1 ns
 * per fiber-to-fiber switch). Neighbouring slots differ by 320 bytes. */
static inline size_t stack_colour(const fiber *f) { return (size_t)((f->slot * 5) & 15) * 64; }

void fiber_reset(fiber *f, fiber_entry entry, void *arg) {
	uintptr_t top = ((uintptr_t)f->stack_hi - stack_colour(f)) & ~(uintptr_t)15;
	/* The frame fiber_switch_jump resumes (fiber_switch.S): control words,
	 * then fiber_trampoline with the entry and its argument; after those
	 * four words sp is 16-byte aligned for the call of the entry. */
	uint64_t *sp = (uint64_t *)top - 6;
	uint32_t *cw = (uint32_t *)sp;
	cw[0] = init_mxcsr;
	cw[1] = init_fpucw;
	sp[1] = (uint64_t)fiber_trampoline;
	sp[2] = (uint64_t)entry;
	sp[3] = (uint64_t)arg;
	sp[4] = 0;
	sp[5] = 0;
	f->ctx.sp = sp;
	atomic_store_explicit(&f->gc_sp, NULL, memory_order_relaxed);
#ifdef __SANITIZE_THREAD__
	/* A fresh TSan fiber per start: the old one's shadow call stack still
	 * holds the frames its last run never returned from, and reusing it
	 * would let them pile up until TSan's shadow stack overflows. */
	if (f->ctx.tsan) __tsan_destroy_fiber(f->ctx.tsan);
	f->ctx.tsan = __tsan_create_fiber(0);
#endif
}

fiber *fiber_create(size_t stack_size, fiber_entry entry, void *arg) {
	if (!initialised) fiber_pool_init(NULL);
	if (!stack_size || stack_size <= default_stack) {
		stack_size = default_stack;
	} else { /* other sizes: powers of two, so few pools serve them */
		size_t p2 = default_stack;
		while (p2 < stack_size) p2 *= 2;
		stack_size = p2;
	}
	pthread_mutex_lock(&pool_lock);
	fiber *f = NULL;
	pool *p = pool_for(stack_size);
	if (p && atomic_load(&live) < max_fibers) {
		f = p->free;
		if (f) p->free = f->link;
		else f = slot_new(p, (uint32_t)(p - pools));
	}
	if (f) atomic_fetch_add_explicit(&live, 1, memory_order_relaxed);
	pthread_mutex_unlock(&pool_lock);
	if (!f) return NULL;
	f->link = NULL;
	f->id = atomic_fetch_add_explicit(&next_id, 1, memory_order_relaxed);
	f->wait_reason = NULL;
	f->wait_obj = NULL;
	f->sched = NULL;
	fiber_reset(f, entry, arg);
	atomic_store_explicit(&f->state, FIBER_READY, memory_order_release);
	return f;
}

void fiber_release(fiber *f) {
	atomic_store_explicit(&f->state, FIBER_FREE, memory_order_release);
	pthread_mutex_lock(&pool_lock);
	pool *p = &pools[f->pool];
	f->link = p->free;
	p->free = f;
	atomic_fetch_sub_explicit(&live, 1, memory_order_relaxed);
	pthread_mutex_unlock(&pool_lock);
}

void fiber_ctx_init_thread(fiber_ctx *ctx) {
	ctx->sp = NULL;
#ifdef __SANITIZE_THREAD__
	ctx->tsan = __tsan_get_current_fiber();
#else
	ctx->tsan = NULL;
#endif
}

static fiber *slot_fiber(pool *p, uint32_t i) {
	char *slot = p->chunks[i / CHUNK_SLOTS] + (size_t)(i % CHUNK_SLOTS) * p->slot_size;
	return (fiber *)(slot + p->slot_size - FIBER_TOP);
}

void fiber_foreach(fiber_visit cb, void *ctx) {
	int n = atomic_load(&npools);
	for (int pi = 0; pi < n; pi++) {
		pool *p = &pools[pi];
		uint32_t ns = atomic_load_explicit(&p->nslots, memory_order_acquire);
		for (uint32_t i = 0; i < ns; i++) {
			fiber *f = slot_fiber(p, i);
			int st = atomic_load_explicit(&f->state, memory_order_acquire);
			if (st == FIBER_FREE) continue;
			char *lo = st == FIBER_RUNNING ? atomic_load_explicit(&f->gc_sp, memory_order_relaxed) : f->ctx.sp;
			if (!lo || lo < f->stack_lo || lo > f->stack_hi) lo = f->stack_lo;
			cb(f, lo, f->stack_hi, ctx);
		}
	}
}

/* Async-signal-safe: reads only published, never-freed data. Sets *guard when
 * addr lies in the slot's guard area. */
fiber *fiber_from_addr_guard(const void *addr, int *guard) {
	const char *a = addr;
	int n = atomic_load(&npools);
	for (int pi = 0; pi < n; pi++) {
		pool *p = &pools[pi];
		uint32_t ns = atomic_load_explicit(&p->nslots, memory_order_acquire);
		uint32_t nc = (ns + CHUNK_SLOTS - 1) / CHUNK_SLOTS;
		for (uint32_t c = 0; c < nc; c++) {
			char *base = p->chunks[c];
			if (!base || a < base || a >= base + p->slot_size * CHUNK_SLOTS) continue;
			size_t off = (size_t)(a - base);
			uint32_t i = c * CHUNK_SLOTS + (uint32_t)(off / p->slot_size);
			if (i >= ns) return NULL;
			if (guard) *guard = off % p->slot_size < guard_size;
			return slot_fiber(p, i);
		}
	}
	return NULL;
}

fiber *fiber_from_addr(const void *addr) { return fiber_from_addr_guard(addr, NULL); }
