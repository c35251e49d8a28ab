//go:build ignore

/* hx_n_gc.c: hl.Gc natives, thin calls into the collector, and the nestable
 * blocking region every blocking native uses. */
#include "hx_natives.h"

static __thread int blocking_depth;

void hxn_blocking(bool on) {
	if (on) {
		hxn_print_flush_held(); /* a prompt shows before a read blocks; writes keep their order */
		if (blocking_depth++ == 0) gc_enter_safe();
	} else if (blocking_depth > 0 && --blocking_depth == 0) gc_leave_safe();
}

void hxn_std_blocking(bool on) { hxn_blocking(on); }
void hxn_std_gc_major(void) { gc_collect(); }
void hxn_std_gc_enable(bool on) { gc_enable(on); }

void hxn_std_gc_stats(double *total, double *count, double *current) {
	gc_stats s;
	gc_get_stats(&s);
	if (total) *total = (double)s.total_bytes_allocated;
	if (count) *count = (double)s.total_allocations;
	if (current) *current = (double)s.current_heap_size;
}

/* HashLink's GC flags (profiling, no-threads...) mean nothing here. */
static int32_t gc_flags;
int32_t hxn_std_gc_get_flags(void) { return gc_flags; }
void hxn_std_gc_set_flags(int32_t flags) { gc_flags = flags; }
void hxn_std_gc_dump_memory(vbyte *file) { (void)file; }

/* ---- hl.Profile: allocation tracking is not supported; these natives report
 * nothing tracked, as HashLink does with tracking disabled. ---- */

void hxn_std_track_init(void) {}
void hxn_std_track_reset(void) {}
void hxn_std_track_set_depth(int32_t d) { (void)d; }
void hxn_std_track_lock(bool b) { (void)b; }
int32_t hxn_std_track_get_bits(bool thread) { (void)thread; return 0; }
void hxn_std_track_set_bits(int32_t bits, bool thread) { (void)bits, (void)thread; }

int32_t hxn_std_track_count(int32_t *depth) {
	if (depth) *depth = 0;
	return 0;
}

int32_t hxn_std_track_entry(int32_t id, hx_type **t, int32_t *count, int32_t *info, varray *stack) {
	(void)id, (void)t, (void)count, (void)info, (void)stack;
	return 0;
}

vbyte *hxn_std_resolve_symbol(void *sym, vbyte *buf, int32_t *size) {
	(void)sym, (void)buf, (void)size;
	return NULL;
}
