/* Stacks other than the thread's own, with fibrix's own stop (no world
 * hooks): a "fiber" (ucontext on a malloc'd stack) announces its stack with
 * gc_set_stack_top while it runs; while it is suspended the enumerator
 * reports its stack from the saved stack pointer and its saved registers.
 * Blocks held only by the fiber's frames must survive both ways and die when
 * the fiber is gone. */
#define _GNU_SOURCE /* REG_RSP */
#include "gc_test.h"
#include <ucontext.h>

#define FIBER_STACK (256 * 1024)

static ucontext_t main_uc, fiber_uc;
static char *fiber_stack;
static int fiber_suspended, fiber_done;
static int finalized[8];

static void fin_fn(void *p) { finalized[((int *)p)[2]]++; }

static __attribute__((noinline)) void *new_fin(int id) {
	int *p = gc_alloc(32, GC_KIND_FINALIZER);
	*(void (**)(void *))p = fin_fn;
	p[2] = id;
	return p;
}

static void enumerate(gc_stack_visitor *v) {
	if (!fiber_suspended) return;
	/* saved registers live in the ucontext; the stack from its saved sp */
	gc_visit_conservative(v, &fiber_uc, sizeof fiber_uc);
	char *sp = (char *)fiber_uc.uc_mcontext.gregs[REG_RSP];
	gc_scan_stack(v, sp, fiber_stack + FIBER_STACK);
}

static void fiber_main(void) {
	gc_set_stack_top(fiber_stack + FIBER_STACK);
	void *volatile a = new_fin(1); /* only on the fiber's stack */
	clear_stack();
	gc_collect(); /* running on the fiber: scanned from sp to the fiber's top */
	CHECK(finalized[1] == 0);
	void *volatile b = (char *)new_fin(2) + 4; /* interior, suspended next */
	gc_set_stack_top(NULL);
	fiber_suspended = 1;
	swapcontext(&fiber_uc, &main_uc);
	gc_set_stack_top(fiber_stack + FIBER_STACK);
	CHECK(finalized[1] == 0 && finalized[2] == 0);
	CHECK(((int *)a)[2] == 1 && ((int *)((char *)b - 4))[2] == 2);
	gc_set_stack_top(NULL);
	fiber_done = 1;
	/* returns to uc_link (main_uc) */
}

static __attribute__((noinline)) void run(void) {
	getcontext(&fiber_uc);
	fiber_uc.uc_stack.ss_sp = fiber_stack;
	fiber_uc.uc_stack.ss_size = FIBER_STACK;
	fiber_uc.uc_link = &main_uc;
	makecontext(&fiber_uc, fiber_main, 0);
	swapcontext(&main_uc, &fiber_uc);
	/* the fiber is suspended: its stack is reported by the enumerator only */
	clear_stack();
	gc_collect();
	CHECK(finalized[1] == 0 && finalized[2] == 0);
	gc_stats s;
	gc_get_stats(&s);
	CHECK(s.fibers_scanned == 1);
	fiber_suspended = 0;
	swapcontext(&main_uc, &fiber_uc); /* resume; it returns when done */
	CHECK(fiber_done);
}

int main(void) {
	gc_init(NULL); /* the whole main-thread stack */
	gc_set_scanner(test_scan);
	gc_set_stack_enumerator(enumerate);
	fiber_stack = calloc(1, FIBER_STACK);
	run();
	memset(fiber_stack, 0, FIBER_STACK); /* the fiber is gone */
	clear_stack();
	gc_collect();
	CHECK(finalized[1] == 1 && finalized[2] == 1);
	return test_failures != 0;
}
