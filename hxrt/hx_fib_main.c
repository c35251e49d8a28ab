//go:build ignore

/* hx_fib_main.c: Haxe on the job runtime. Installs the fiber switch hook
 * (hx_tls_ctx follows the running fiber), the collector's world hooks (the
 * job runtime stops the world; every fiber stack is a root), runs the entry
 * point as the main fiber, and spawns Haxe jobs (fiberus.Fiber, Jobs,
 * sys.thread.Thread): each runs under its own top-level trap, and an
 * exception escaping it ends the program with code 1 after the report.
 *
 * Jobs waiting in a queue are invisible to the collector (their records are
 * malloc'd by jobs/), so each Haxe job is a task registered in a striped list
 * that the stack enumerator visits until the job has run. */
#define _GNU_SOURCE
#include "hx_fib.h"
#include "hx_natives.h"
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define MAIN_STACK (8u << 20)    /* like a thread's default stack */
#define HAXE_STACK (256u << 10)  /* default fiber stack of Haxe programs */

/* ---- per-fiber contexts ------------------------------------------------- */

static void ctx_limits(hx_fib_ctx *c, fiber *f) {
	size_t size = (size_t)(f->stack_hi - f->stack_lo);
	size_t margin = size / 8;
	if (margin < (16u << 10)) margin = size >= (64u << 10) ? (16u << 10) : size / 4;
	if (margin > (256u << 10)) margin = 256u << 10;
	c->stack_lo = f->stack_lo;
	c->hx.stack_base = f->stack_hi;
	c->hx.stack_limit = f->stack_lo + margin;
}

static __attribute__((noinline)) hx_fib_ctx *ctx_new(fiber *f) {
	hx_fib_ctx *c = calloc(1, sizeof *c);
	if (!c) {
		fputs("fiberus: out of memory for a fiber context\n", stderr);
		abort();
	}
	c->magic = HX_FIB_MAGIC;
	c->hx.fiber = f;
	ctx_limits(c, f);
	fiber_set_user(f, c);
	return c;
}

static void switch_hook(fiber *f) {
	hxn_print_flush_held(); /* what the fiber switched from left open */
	if (!f) { /* the worker leaves the scheduler for good (jobs/ marks it safe) */
		hx_tls_ctx = NULL;
		return;
	}
	hx_fib_ctx *c = fiber_user(f);
	if (HX_UNLIKELY(!c)) c = ctx_new(f);
	else if (HX_UNLIKELY(c->stack_lo != f->stack_lo)) ctx_limits(c, f);
	hx_tls_ctx = &c->hx;
}

/* ---- tasks: Haxe jobs not yet finished ---------------------------------- */

typedef struct hx_task {
	struct hx_task *prev, *next;
	vclosure *run;   /* () -> Void */
	void *fib;       /* fiberus.Fiber or NULL */
	void *counter;   /* GC block of the counter it decrements, or NULL */
} hx_task;

#define NSTRIPES 64
static struct stripe {
	_Atomic int lock;
	hx_task *head;
	char pad[64 - sizeof(int) - sizeof(void *)];
} stripes[NSTRIPES];

static inline struct stripe *stripe_of(hx_task *t) { return &stripes[((uintptr_t)t >> 6) % NSTRIPES]; }
static inline void stripe_lock(struct stripe *s) {
	while (atomic_exchange_explicit(&s->lock, 1, memory_order_acquire))
		while (atomic_load_explicit(&s->lock, memory_order_relaxed)) __builtin_ia32_pause();
}
static inline void stripe_unlock(struct stripe *s) { atomic_store_explicit(&s->lock, 0, memory_order_release); }

static hx_task *task_new(vclosure *run, void *fib, void *counter) {
	hx_task *t = malloc(sizeof *t);
	if (!t) {
		fputs("fiberus: out of memory for a job\n", stderr);
		abort();
	}
	t->run = run;
	t->fib = fib;
	t->counter = counter;
	t->prev = NULL;
	struct stripe *s = stripe_of(t);
	stripe_lock(s);
	t->next = s->head;
	if (s->head) s->head->prev = t;
	s->head = t;
	stripe_unlock(s);
	return t;
}

static void task_free(hx_task *t) {
	struct stripe *s = stripe_of(t);
	stripe_lock(s);
	if (t->prev) t->prev->next = t->next;
	else s->head = t->next;
	if (t->next) t->next->prev = t->prev;
	stripe_unlock(s);
	free(t);
}

/* ---- collector hooks ------------------------------------------------------ */

static void visit_fiber(fiber *f, char *lo, char *hi, void *arg) {
	gc_visitor *v = arg;
	gc_scan_stack(v, lo, hi);
	hx_fib_ctx *c = fiber_user(f);
	if (c && c->magic == HX_FIB_MAGIC) {
		gc_visit(v, (void **)&c->hx.exc_value);
		gc_visit(v, (void **)&c->hx.exc_handler);
		gc_visit(v, &c->current);
	}
}

/* Runs with the world stopped: nobody holds a stripe lock (no safe point
 * lies inside one). */
static void enumerate(gc_stack_visitor *v) {
	fiber_foreach(visit_fiber, v);
	for (int i = 0; i < NSTRIPES; i++)
		for (hx_task *t = stripes[i].head; t; t = t->next) {
			gc_visit(v, (void **)&t->run);
			gc_visit(v, &t->fib);
			gc_visit(v, &t->counter);
		}
}

static const gc_world world = {job_stw_begin, job_stw_end, job_safepoint, job_blocking_enter, job_blocking_leave};

/* ---- running Haxe code on a fiber ----------------------------------------- */

static _Atomic int reporting;

HX_NORETURN void hx_fib_uncaught(hx_ctx *ctx) {
	if (atomic_exchange(&reporting, 1)) { /* another fiber is reporting: let it end the program */
		job_blocking_enter();
		for (;;) pause();
	}
	hx_report_uncaught(ctx, ctx->exc_value);
	fflush(NULL);
	_exit(1);
}

static void call0(vclosure *c) {
	if (c->has_value == 1) ((void (*)(void *))c->fun)(c->value);
	else if (c->has_value == 0) ((void (*)(void))c->fun)();
	else hx_dyn_call(c, NULL, 0);
}

/* The job body of every Haxe job. Jobs may nest on one fiber (a counter
 * wait runs the jobs it waits for inline), so the context's trap chain,
 * frames and current fiber are saved and restored around it. */
static void task_run(void *arg) {
	hx_task *t = arg;
	hx_fib_ctx *c = hx_fib_ctx_current();
	if (!c) {
		fputs("fiberus: Haxe job outside a Haxe fiber\n", stderr);
		abort();
	}
	hx_ctx *ctx = &c->hx;
	hx_trap *save_trap = ctx->trap;
	hx_frame *save_frame = ctx->frame;
	void *save_cur = c->current;
	hx_trap top;
	top.prev = NULL;
	top.frame = NULL;
	ctx->frame = NULL;
	ctx->trap = &top;
	c->current = t->fib;
	if (_setjmp(top.buf)) hx_fib_uncaught(hx_ctx_current());
	call0(t->run);
	hxn_print_flush_held();
	ctx->trap = save_trap;
	ctx->frame = save_frame;
	c->current = save_cur;
	task_free(t);
}

/* ---- the main fiber ------------------------------------------------------- */

static void (*main_entry)(void);
static int main_code;

static void main_fiber(void *arg) {
	(void)arg;
	hx_fib_ctx *c = hx_fib_ctx_current();
	hx_ctx *ctx = &c->hx;
	hx_trap top;
	top.prev = NULL;
	top.frame = NULL;
	ctx->frame = NULL;
	ctx->trap = &top;
	if (_setjmp(top.buf)) {
		ctx = hx_ctx_current();
		hx_report_uncaught(ctx, ctx->exc_value);
		ctx->trap = NULL;
		main_code = 1;
		return;
	}
	main_entry();
	ctx->trap = NULL;
	ctx->frame = NULL;
	hxn_print_flush_held();
	fflush(stdout);
}

/* Worker 0's main job: the entry runs on its own big-stack fiber. */
static int main_job(void *arg) {
	(void)arg;
	counter done;
	counter_init(&done, 1);
	job_spawn_with_stack(MAIN_STACK, main_fiber, NULL, counter_job_done, &done);
	counter_wait(&done, 0);
	return main_code;
}

int hx_run_main_on_fibers(void (*entry)(void)) {
	main_entry = entry;
	fiber_set_switch_hook(switch_hook);
	gc_set_stack_enumerator(enumerate);
	gc_set_world(&world);
	job_config cfg = {0};
	const char *s = getenv("FIBERUS_STACK_SIZE");
	if (!s || !*s) cfg.stack_size = HAXE_STACK;
	job_init(&cfg);
	int code = job_main(main_job, NULL);
	gc_set_world(NULL);
	return code;
}

/* ---- natives: spawning ------------------------------------------------------ */

enum { SPAWN_LOCAL = 0, SPAWN_ON = 1, SPAWN_ANY = 2, SPAWN_TO = 3, SPAWN_STACK = 4 };

/* Spawns run() as a job. fib: the fiberus.Fiber it runs as (or NULL);
 * counter: a Counter handle the job decrements when done (or NULL). */
void hxn_fiberus_spawn(vclosure *run, void *fib, int32_t mode, int32_t target, counter *cnt) {
	if (!run) hx_null_access();
	hx_task *t = task_new(run, fib, cnt);
	job_done_fn done = cnt ? counter_job_done : NULL;
	switch (mode) {
	case SPAWN_ON: job_spawn_on(target, task_run, t, done, cnt); break; /* pinned: starts there */
	case SPAWN_ANY: job_spawn_any(task_run, t, done, cnt); break;
	case SPAWN_TO: job_spawn_to(target, task_run, t, done, cnt); break;
	case SPAWN_STACK: job_spawn_with_stack(target > 0 ? (size_t)target : 0, task_run, t, done, cnt); break;
	default: job_spawn(task_run, t, done, cnt); break;
	}
}

/* The fiberus.Fiber of the running job (NULL if none was made yet). */
void *hxn_fiberus_get_current(void) {
	hx_fib_ctx *c = hx_fib_ctx_current();
	return c ? c->current : NULL;
}

void hxn_fiberus_set_current(void *f) {
	hx_fib_ctx *c = hx_fib_ctx_current();
	if (c) c->current = f;
}

void hxn_fiberus_yield(void) { job_yield(); }
int32_t hxn_fiberus_worker_id(void) { return job_worker_id(); }
int32_t hxn_fiberus_worker_count(void) { return job_running() ? job_worker_count() : 1; }
