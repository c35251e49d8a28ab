//go:build ignore
/*
 * gc_mark.c: marking. Every candidate word (precise field, stack word, root)
 * goes through mark_word: the page map resolves it to its block, interior
 * pointers included, foreign addresses drop out; a newly marked block that
 * may hold pointers goes on an explicit mark stack, scanned by its kind.
 * Runs with the heap lock held and the world stopped.
 */
#include "gc_internal.h"
#include <stdio.h>
#include <stdlib.h>

struct gc_visitor {
	int unused; /* one marker for now; parallel markers will carry their stack here */
};
static gc_visitor marker;

typedef struct {
	void *obj;
	void *hdr;
} mark_item;
static mark_item *mstack;
static size_t msp, mcap;

static __attribute__((noinline)) void grow(void) {
	mcap = mcap ? mcap * 2 : 4096;
	mstack = realloc(mstack, mcap * sizeof(mark_item));
	if (!mstack) gc_fatal("out of memory (mark stack)");
}

static inline __attribute__((always_inline)) void push(void *obj, void *hdr) {
	if (GC_UNLIKELY(msp == mcap)) grow();
	mstack[msp].obj = obj;
	mstack[msp].hdr = hdr;
	msp++;
}

static inline __attribute__((always_inline)) void mark_word(uintptr_t a) {
	uint8_t *h = gc_pagemap_get(a);
	if (!h) return;
	if (GC_LIKELY(*h == GC_TAG_SMALL)) {
		gc_page *pg = (gc_page *)h;
		uintptr_t off = a - (uintptr_t)pg->start;
		if (off >= pg->span) return;
		uint32_t i = (uint32_t)((off * pg->magic) >> 32);
		uint64_t bit = (uint64_t)1 << (i & 63), *w = &pg->mark[i >> 6];
		if (*w & bit) return;
		*w |= bit;
		pg->live++;
		gc_h.st.objects_marked++;
		gc_h.st.live_bytes += pg->size;
		if (pg->kind <= GC_KIND_RAW) push(pg->start + (size_t)i * pg->size, pg);
	} else {
		gc_large *l = (gc_large *)h;
		char *b = (char *)l + GC_LARGE_HDR;
		if (a - (uintptr_t)b >= l->size || l->marked) return;
		l->marked = 1;
		gc_h.st.objects_marked++;
		gc_h.st.live_bytes += l->size;
		if (l->kind <= GC_KIND_RAW) push(b, l);
	}
}

static void scan_words(const void *lo, size_t bytes) {
	const uintptr_t *p = (const uintptr_t *)(((uintptr_t)lo + 7) & ~(uintptr_t)7);
	const uintptr_t *e = (const uintptr_t *)(((uintptr_t)lo + bytes) & ~(uintptr_t)7);
	for (; p < e; p++) mark_word(*p);
}

void gc_visit(gc_visitor *v, void **slot) {
	(void)v;
	mark_word((uintptr_t)*slot);
}

void gc_visit_bits(gc_visitor *v, void **base, const uint32_t *bits, size_t nwords) {
	(void)v;
	for (size_t w = 0; w * 32 < nwords; w++) {
		uint32_t b = bits[w];
		while (b) {
			size_t i = w * 32 + (size_t)__builtin_ctz(b);
			b &= b - 1;
			if (i < nwords) mark_word((uintptr_t)base[i]);
		}
	}
}

void gc_visit_conservative(gc_visitor *v, const void *lo, size_t bytes) {
	(void)v;
	scan_words(lo, bytes);
}

void gc_scan_stack(gc_stack_visitor *v, const void *sp, const void *top) {
	(void)v;
	if ((uintptr_t)sp >= (uintptr_t)top) return;
	size_t n = (size_t)((const char *)top - (const char *)sp);
	gc_h.st.fibers_scanned++;
	gc_h.st.stack_bytes_scanned += n;
	scan_words(sp, n);
}

static void scan_item(mark_item it) {
	int kind;
	size_t size;
	if (*(uint8_t *)it.hdr == GC_TAG_SMALL) {
		kind = ((gc_page *)it.hdr)->kind;
		size = ((gc_page *)it.hdr)->size;
	} else {
		kind = ((gc_large *)it.hdr)->kind;
		size = ((gc_large *)it.hdr)->size;
	}
	if (kind == GC_KIND_DYNAMIC && gc_h.scanner) {
		if (*(void **)it.obj) gc_h.scanner(it.obj, size, &marker);
	} else {
		scan_words(it.obj, size);
	}
}

/* Objects popped from the stack wait in a small FIFO after a prefetch, so
 * that their cache lines arrive before they are scanned. */
#define FIFO 32
static void drain(void) {
	mark_item fifo[FIFO];
	unsigned head = 0, n = 0;
	for (;;) {
		while (msp && n < FIFO) {
			mark_item it = mstack[--msp];
			__builtin_prefetch(it.obj);
			fifo[(head + n++) % FIFO] = it;
		}
		if (!n) return;
		mark_item it = fifo[head];
		head = (head + 1) % FIFO;
		n--;
		scan_item(it);
	}
}

static void scan_thread(gc_thread *t) {
	scan_words(t->regs, sizeof t->regs);
	char *sp = t->sp, *top = t->stack_top;
	if (sp < top && (size_t)(top - sp) < ((size_t)1 << 30)) { /* else not the stack it runs on */
		gc_h.st.stack_bytes_scanned += (size_t)(top - sp);
		scan_words(sp, (size_t)(top - sp));
	} else {
		static bool warned;
		if (!warned) fprintf(stderr, "fibrix: a thread's stack pointer is not below its stack top: "
		                             "call gc_set_stack_top when switching stacks\n");
		warned = true;
	}
}

void gc_mark_all(gc_thread *self) {
	if (!gc_world_set)
		for (gc_thread *t = gc_h.threads; t; t = t->next) scan_thread(t);
	else if (self != &gc_thread_none) /* the enumerator reports the stacks; our registers: */
		scan_words(self->regs, sizeof self->regs);
	for (size_t i = 0; i < gc_h.nroots; i++) mark_word((uintptr_t)*gc_h.roots[i]);
	for (size_t i = 0; i < gc_h.nranges; i++)
		scan_words(gc_h.ranges[i].lo, (size_t)((const char *)gc_h.ranges[i].hi - (const char *)gc_h.ranges[i].lo));
	drain();
	if (gc_h.enumerator) {
		gc_h.enumerator(&marker);
		drain();
	}
}

/* ------------------------------------------------------------------------- */
/* Root registration.                                                          */

void gc_add_root(void **slot) {
	gc_thread *t = gc_thread_self();
	gc_lock(t);
	if (gc_h.nroots == gc_h.roots_cap) {
		gc_h.roots_cap = gc_h.roots_cap ? gc_h.roots_cap * 2 : 256;
		gc_h.roots = realloc(gc_h.roots, gc_h.roots_cap * sizeof(void **));
		if (!gc_h.roots) gc_fatal("out of memory (roots)");
	}
	gc_h.roots[gc_h.nroots++] = slot;
	gc_unlock();
}

void gc_remove_root(void **slot) {
	gc_thread *t = gc_thread_self();
	gc_lock(t);
	for (size_t i = gc_h.nroots; i-- > 0;)
		if (gc_h.roots[i] == slot) {
			gc_h.roots[i] = gc_h.roots[--gc_h.nroots];
			break;
		}
	gc_unlock();
}

void gc_add_root_range(const void *lo, const void *hi) {
	gc_thread *t = gc_thread_self();
	gc_lock(t);
	if (gc_h.nranges == gc_h.ranges_cap) {
		gc_h.ranges_cap = gc_h.ranges_cap ? gc_h.ranges_cap * 2 : 16;
		gc_h.ranges = realloc(gc_h.ranges, gc_h.ranges_cap * sizeof *gc_h.ranges);
		if (!gc_h.ranges) gc_fatal("out of memory (root ranges)");
	}
	gc_h.ranges[gc_h.nranges].lo = lo;
	gc_h.ranges[gc_h.nranges].hi = hi;
	gc_h.nranges++;
	gc_unlock();
}

void gc_remove_root_range(const void *lo) {
	gc_thread *t = gc_thread_self();
	gc_lock(t);
	for (size_t i = gc_h.nranges; i-- > 0;)
		if (gc_h.ranges[i].lo == lo) {
			gc_h.ranges[i] = gc_h.ranges[--gc_h.nranges];
			break;
		}
	gc_unlock();
}

void gc_set_scanner(gc_scanner scan) { gc_h.scanner = scan; }
void gc_set_stack_enumerator(gc_stack_enumerator fn) { gc_h.enumerator = fn; }
