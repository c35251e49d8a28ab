//go:build ignore

/* hx_fib_gc.c: natives of fiberus.GC over Fibrix. */
#include "hx_fib.h"
#include <stdio.h>

void hxn_fiberus_gc_collect(void) { gc_collect(); }
void hxn_fiberus_gc_set_threshold(int32_t bytes) { gc_set_threshold(bytes > 0 ? (size_t)bytes : 0); }
int32_t hxn_fiberus_gc_get_threshold(void) {
	size_t t = gc_get_threshold();
	return t > INT32_MAX ? INT32_MAX : (int32_t)t;
}
void hxn_fiberus_gc_set_debug(bool on) { gc_set_debug(on); }
void hxn_fiberus_gc_print_stats(void) {
	fflush(stdout);
	gc_print_stats();
}

/* The statistics as 20 doubles, in GCStats field order (see GC.hx). */
void hxn_fiberus_gc_stats(uint8_t *out) {
	gc_stats s;
	gc_get_stats(&s);
	double v[20] = {
		(double)s.total_allocations, (double)s.total_bytes_allocated, (double)s.current_heap_size,
		(double)s.peak_heap_size, (double)s.current_object_count, (double)s.collection_count,
		(double)s.objects_marked, (double)s.objects_swept, (double)s.bytes_freed,
		s.last_mark_time_ms, s.last_sweep_time_ms, s.total_gc_time_ms,
		(double)s.fibers_scanned, (double)s.stack_bytes_scanned, (double)s.minor_collections,
		(double)s.minor_objects_evacuated, (double)s.minor_bytes_evacuated, s.last_minor_time_ms,
		s.total_minor_time_ms, (double)s.write_barriers_triggered,
	};
	memcpy(out, v, sizeof v);
}

/* The printStats text as a NUL-terminated UTF-8 GC block. */
uint8_t *hxn_fiberus_gc_stats_string(void) {
	char small[1024];
	int n = gc_stats_string(small, sizeof small);
	if (n < 0) n = 0;
	uint8_t *b = hx_gc_alloc((size_t)n + 1, HX_MEM_NOPTR);
	if ((size_t)n < sizeof small) memcpy(b, small, (size_t)n + 1);
	else gc_stats_string((char *)b, (size_t)n + 1);
	return b;
}

/* A GC-free zone: the calling worker no longer holds up a collection. */
void hxn_fiberus_gc_enter_unsafe(void) { job_blocking_enter(); }
void hxn_fiberus_gc_exit_unsafe(void) { job_blocking_leave(); }
