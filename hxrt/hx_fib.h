/*
 * hx_fib.h: Haxe code on the job runtime (hx_fib_*.c). Every Haxe fiber has
 * an hx_fib_ctx, created by the fiber switch hook on first use and kept with
 * the fiber across pool reuse: its own trap chain, shadow frames, stack limit
 * and the Haxe-level fiber object (fiberus.Fiber) of the job running on it.
 */
#ifndef HX_FIB_H
#define HX_FIB_H
#include "hx.h"
#include "counter.h"

#define HX_FIB_MAGIC 0x48584642u /* "HXFB": marks contexts made here */

typedef struct hx_fib_ctx {
	hx_ctx hx;        /* first: hx_ctx_current() points here */
	uint32_t magic;
	char *stack_lo;   /* the fiber stack the limits were computed for */
	void *current;    /* fiberus.Fiber of the running job, or NULL (GC root) */
} hx_fib_ctx;

/* The running context as an hx_fib_ctx, NULL when it is not one of ours. */
static inline hx_fib_ctx *hx_fib_ctx_current(void) {
	hx_fib_ctx *c = (hx_fib_ctx *)hx_ctx_current();
	return c && c->magic == HX_FIB_MAGIC ? c : NULL;
}

/* Runs entry (the module's entry point) as the main fiber of the job runtime
 * (workers from FIBERUS_WORKERS or the CPU count); returns the exit code:
 * 0, 1 after an uncaught exception, JOB_EXIT_DEADLOCK after a deadlock. */
int hx_run_main_on_fibers(void (*entry)(void));

/* Reports an uncaught exception of the running fiber and ends the program
 * with code 1. */
HX_NORETURN void hx_fib_uncaught(hx_ctx *ctx);
#endif
