/* A runtime that stops the world itself (gc_set_world) and reports stacks
 * through the enumerator: fibrix then scans no thread stack on its own, so a
 * block held only by the stack lives exactly when the enumerator reports it.
 * Also a fake suspended fiber stack (a malloc'd range) keeps its blocks. */
#include "gc_test.h"

static int stops, starts, safepoints, blockings;
static char *stack_sp, *stack_top;
static int report_own_stack;
static char *fake_stack; /* a "suspended fiber" stack */
static size_t fake_size;
static int nfinalized, finalized[16];

static void fin_fn(void *p) {
	finalized[((int *)p)[2]]++;
	nfinalized++;
}

static __attribute__((noinline)) void stop(void) {
	__builtin_unwind_init(); /* callee-saved registers into this frame */
	stack_sp = __builtin_frame_address(0);
	stops++;
}
static void start(void) { starts++; }
static void safepoint(void) { safepoints++; }
static void blocking_enter(void) { blockings++; }
static void blocking_leave(void) { blockings++; }

static void enumerate(gc_stack_visitor *v) {
	if (report_own_stack) gc_scan_stack(v, stack_sp, stack_top);
	if (fake_stack) gc_scan_stack(v, fake_stack, fake_stack + fake_size);
}

static __attribute__((noinline)) void *new_fin(int id) {
	int *p = gc_alloc(32, GC_KIND_FINALIZER);
	*(void (**)(void *))p = fin_fn;
	p[2] = id;
	return p;
}

/* Allocates a block held only by this frame, collects, reports whether it survived. */
static __attribute__((noinline)) int survives_on_stack(int id) {
	void *volatile p = new_fin(id);
	clear_stack();
	gc_collect();
	(void)p;
	return finalized[id] == 0;
}

int main(void) {
	int top;
	stack_top = (char *)__builtin_frame_address(0) + 16; /* main's whole frame */
	gc_init(&top);
	gc_set_scanner(test_scan);
	gc_world w = {stop, start, safepoint, blocking_enter, blocking_leave};
	gc_set_world(&w);
	gc_set_stack_enumerator(enumerate);

	report_own_stack = 1;
	CHECK(survives_on_stack(1));
	CHECK(stops == 1 && starts == 1);
	gc_stats s;
	gc_get_stats(&s);
	CHECK(s.fibers_scanned == 1 && s.stack_bytes_scanned > 0);

	report_own_stack = 0;
	CHECK(!survives_on_stack(2)); /* nobody reports the stack: fibrix does not scan it itself */

	/* a suspended fiber's stack: a pointer at its top end */
	report_own_stack = 1;
	fake_size = 16384;
	fake_stack = calloc(1, fake_size);
	((void **)(fake_stack + fake_size))[-3] = (char *)new_fin(3) + 8; /* interior, too */
	node *tree = new_node(NULL, NULL, 42);
	((void **)fake_stack)[0] = tree;
	tree = NULL;
	clear_stack();
	gc_collect();
	CHECK(finalized[3] == 0);
	CHECK(((node *)((void **)fake_stack)[0])->value == 42);
	gc_get_stats(&s);
	CHECK(s.fibers_scanned == 2);
	fake_stack = NULL;
	clear_stack();
	gc_collect();
	CHECK(finalized[3] == 1);

	/* safepoints and safe regions go to the hooks */
	gc_safepoint();
	gc_enter_safe();
	gc_leave_safe();
	CHECK(safepoints == 1 && blockings == 2);
	CHECK(stops == starts && stops >= 4);
	return test_failures != 0;
}
