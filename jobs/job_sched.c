//go:build ignore
/*
 * job_sched.c: workers, the loop fibers, spawning, suspension, parking.
 * See job.h for the model.
 */
#define _GNU_SOURCE
#include "job_internal.h"
#include <errno.h>
#include <linux/futex.h>
#include <linux/membarrier.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

job_worker *job_workers;
int job_nworkers;
static job_config config;
static int configured;
static _Atomic int stopping, running, deadlocked, accepting;
static _Atomic int nparked;
static _Atomic long nsuspended;
static _Atomic long nexternal;
static _Atomic unsigned rr;
static int exit_code;
static int (*main_fn)(void *);
static void *main_arg;
static __thread job_worker *tls_worker;

/* Queue items are job records or fibers; fibers carry tag bit 0. In inboxes,
 * bit 1 marks items pinned to that worker (spawn_on); the others are moved to
 * the worker's deque, where idle workers can steal them. */
#define IS_FIBER(p) ((uintptr_t)(p) & 1)
#define AS_FIBER(p) ((fiber *)((uintptr_t)(p) & ~(uintptr_t)1))
#define TAG_FIBER(f) ((void *)((uintptr_t)(f) | 1))
#define PINNED(p) ((uintptr_t)(p) & 2)
#define TAG_PIN(p) ((void *)((uintptr_t)(p) | 2))
#define UNPIN(p) ((void *)((uintptr_t)(p) & ~(uintptr_t)2))
#define LINK(p) ((void **)((uintptr_t)(p) & ~(uintptr_t)3)) /* both kinds keep the link first */

enum { MSG_FREE = 1, MSG_COMMIT, MSG_YIELD };
typedef struct msg {
	int kind;
	fiber *f;
	void (*commit)(fiber *f, void *arg);
	void *arg;
	job *first;        /* for a fresh loop fiber: run this job first */
} msg;

long job_futex_wait(_Atomic int *addr, int val) {
	return syscall(SYS_futex, addr, FUTEX_WAIT_PRIVATE, val, NULL, NULL, 0);
}
static long futex_wait_ns(_Atomic int *addr, int val, int64_t ns) {
	struct timespec t = {(time_t)(ns / 1000000000), (long)(ns % 1000000000)};
	return syscall(SYS_futex, addr, FUTEX_WAIT_PRIVATE, val, &t, NULL, 0);
}
long job_futex_wake(_Atomic int *addr, int n) {
	return syscall(SYS_futex, addr, FUTEX_WAKE_PRIVATE, n, NULL, NULL, 0);
}

/* Not inlined, so no caller keeps a TLS address across a suspension. */
__attribute__((noinline)) job_worker *job_self(void) {
	job_worker *w = tls_worker;
	__asm__ volatile("" : "+r"(w));
	return w;
}

int job_worker_id(void) { job_worker *w = job_self(); return w ? w->id : -1; }
int job_worker_count(void) { return job_nworkers; }
int job_running(void) { return atomic_load(&running); }
long job_suspended_count(void) { return atomic_load(&nsuspended); }
void job_external_ref(int delta) { atomic_fetch_add(&nexternal, delta); }

fiber *job_current_fiber(void) {
	job_worker *w = job_self();
	return w && !w->on_thread_stack ? w->cur : NULL;
}

static inline void cpu_relax(void) { __builtin_ia32_pause(); }

static uint32_t rnd(job_worker *w) {
	uint64_t x = w->rng; /* xorshift64 */
	x ^= x << 13; x ^= x >> 7; x ^= x << 17;
	w->rng = x;
	return (uint32_t)(x >> 32);
}

static void loop_entry(void *arg, void *m);

/* ---- job records: per-worker free lists, overflow to a global list ------- */

static pthread_mutex_t jobs_lock = PTHREAD_MUTEX_INITIALIZER;
static job *global_jobs;
#define JOB_SLAB 512
#define JOB_LOCAL_MAX 4096

static __attribute__((noinline)) void jobs_refill(job_worker *w) {
	pthread_mutex_lock(&jobs_lock);
	for (int i = 0; i < JOB_SLAB && global_jobs; i++) {
		job *j = global_jobs;
		global_jobs = j->link;
		j->link = w->free_jobs;
		w->free_jobs = j;
		w->nfree_jobs++;
	}
	pthread_mutex_unlock(&jobs_lock);
	if (w->free_jobs) return;
	job *slab = malloc(JOB_SLAB * sizeof(job));
	if (!slab) { fputs("fiberus: out of memory for job records\n", stderr); abort(); }
	for (int i = 0; i < JOB_SLAB; i++) { slab[i].link = w->free_jobs; w->free_jobs = &slab[i]; }
	w->nfree_jobs += JOB_SLAB;
}

static __attribute__((noinline)) void jobs_spill(job_worker *w) {
	job *head = w->free_jobs, *tail = head;
	for (int i = 1; i < JOB_LOCAL_MAX / 2; i++) tail = tail->link;
	w->free_jobs = tail->link;
	w->nfree_jobs -= JOB_LOCAL_MAX / 2;
	pthread_mutex_lock(&jobs_lock);
	tail->link = global_jobs;
	global_jobs = head;
	pthread_mutex_unlock(&jobs_lock);
}

static inline job *job_alloc(job_worker *w) {
	if (!w->free_jobs) jobs_refill(w);
	job *j = w->free_jobs;
	w->free_jobs = j->link;
	w->nfree_jobs--;
	return j;
}

static inline void job_free(job_worker *w, job *j) {
	j->link = w->free_jobs;
	w->free_jobs = j;
	if (++w->nfree_jobs > JOB_LOCAL_MAX) jobs_spill(w);
}

static job *job_alloc_any(void) {
	pthread_mutex_lock(&jobs_lock);
	job *j = global_jobs;
	if (j) global_jobs = j->link;
	pthread_mutex_unlock(&jobs_lock);
	if (!j && !(j = malloc(sizeof *j))) { fputs("fiberus: out of memory for job records\n", stderr); abort(); }
	return j;
}

/* ---- waking and queues ------------------------------------------------- */

static int wake_worker(job_worker *v) {
	if (atomic_load(&v->sleep) == 1 && atomic_exchange(&v->sleep, 0) == 1) {
		job_futex_wake(&v->sleep, 1);
		return 1;
	}
	return 0;
}

/* Pushing work and then reading nparked is a store followed by a load, which
 * x86 may reorder (the store waits in the store buffer): a worker parking
 * meanwhile could miss the work and the pusher miss the parker. Rather than
 * a fence on every push, park() issues membarrier(2), which drains every
 * thread's store buffer before the parker looks for work (an asymmetric
 * fence: jobs/protocol_test.go checks both halves exhaustively). Where
 * membarrier is unavailable, pushers read nparked with a locked instruction. */
static int push_fence;

static void barrier_init(void) {
	const char *off = getenv("FIBERUS_NO_MEMBARRIER"); /* tests the fallback */
	push_fence = (off && *off && *off != '0') ||
	             syscall(SYS_membarrier, MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED, 0, 0) != 0;
}

static inline void park_barrier(void) {
	if (!push_fence) syscall(SYS_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0, 0);
}

/* Wakes one parked worker if there is one (called after making work). */
static inline void wake_one(job_worker *self) {
	int parked = __builtin_expect(push_fence, 0)
		? atomic_fetch_add(&nparked, 0) /* a locked read: orders the push before it */
		: atomic_load_explicit(&nparked, memory_order_relaxed);
	if (parked == 0) return;
	int n = job_nworkers, start = self ? (int)(rnd(self) % n) : 0;
	for (int i = 0; i < n; i++)
		if (wake_worker(&job_workers[(start + i) % n])) return;
}

static void wake_all(void) {
	for (int i = 0; i < job_nworkers; i++) {
		atomic_store(&job_workers[i].sleep, 0);
		job_futex_wake(&job_workers[i].sleep, 1);
	}
}

/* Pushes a tagged item to worker v's inbox (any thread) and wakes it. */
static void inbox_push(job_worker *v, void *item) {
	void **link = LINK(item);
	void *head = atomic_load_explicit(&v->inbox, memory_order_relaxed);
	do *link = head;
	while (!atomic_compare_exchange_weak_explicit(&v->inbox, &head, item, memory_order_seq_cst, memory_order_relaxed));
	wake_worker(v);
}

static void local_append(job_worker *w, void *item) {
	*(void **)AS_FIBER(item) = NULL;
	if (w->local_tail) *(void **)AS_FIBER(w->local_tail) = item;
	else w->local_head = item;
	w->local_tail = item;
}

static void *local_pop(job_worker *w) {
	void *it = w->local_head;
	if (it) {
		w->local_head = *(void **)AS_FIBER(it);
		if (!w->local_head) w->local_tail = NULL;
	}
	return it;
}

/* Empties the inbox (a LIFO stack), in arrival order: pinned items go to the
 * local FIFO, the others to the deque. */
static void inbox_drain(job_worker *w) {
	void *it = atomic_exchange_explicit(&w->inbox, NULL, memory_order_acquire), *rev = NULL;
	while (it) {
		void *next = *LINK(it);
		*LINK(it) = rev;
		rev = it;
		it = next;
	}
	while (rev) {
		void *next = *LINK(rev);
		if (PINNED(rev)) local_append(w, UNPIN(rev));
		else job_deque_push(&w->dq, rev);
		rev = next;
	}
	if (job_deque_size(&w->dq) > 1) wake_one(w);
}

static void push_item(job_worker *w, void *item) {
	if (w) {
		job_deque_push(&w->dq, item);
		wake_one(w);
	} else {
		inbox_push(&job_workers[atomic_fetch_add(&rr, 1) % job_nworkers], item);
	}
}

void job_spawn(job_fn fn, void *arg, job_done_fn done, void *done_arg) {
	job_worker *w = job_self();
	job *j = w ? job_alloc(w) : job_alloc_any();
	j->fn = fn; j->arg = arg; j->done = done; j->done_arg = done_arg;
	push_item(w, j);
}

void job_spawn_on(int worker, job_fn fn, void *arg, job_done_fn done, void *done_arg) {
	job_worker *w = job_self();
	if (worker < 0 || worker >= job_nworkers) {
		job_spawn(fn, arg, done, done_arg);
		return;
	}
	job *j = w ? job_alloc(w) : job_alloc_any();
	j->fn = fn; j->arg = arg; j->done = done; j->done_arg = done_arg;
	if (w && w->id == worker) local_append(w, j); /* not stealable: starts here */
	else inbox_push(&job_workers[worker], TAG_PIN(j));
}

void job_spawn_to(int worker, job_fn fn, void *arg, job_done_fn done, void *done_arg) {
	job_worker *w = job_self();
	if (worker < 0 || worker >= job_nworkers || (w && w->id == worker)) {
		job_spawn(fn, arg, done, done_arg);
		return;
	}
	job *j = w ? job_alloc(w) : job_alloc_any();
	j->fn = fn; j->arg = arg; j->done = done; j->done_arg = done_arg;
	inbox_push(&job_workers[worker], j);
}

void job_spawn_any(job_fn fn, void *arg, job_done_fn done, void *done_arg) {
	job_worker *w = job_self();
	int n = job_nworkers;
	uint32_t r = w ? rnd(w) : atomic_fetch_add(&rr, 0x9E3779B9u) * 2654435761u;
	int a = (int)(r % (uint32_t)n), b = (int)((r >> 16) % (uint32_t)n);
	int64_t la = job_deque_size(&job_workers[a].dq), lb = job_deque_size(&job_workers[b].dq);
	job_spawn_to(lb < la ? b : a, fn, arg, done, done_arg);
}

void job_spawn_with_stack(size_t stack_size, job_fn fn, void *arg, job_done_fn done, void *done_arg) {
	job_worker *w = job_self();
	job *j = w ? job_alloc(w) : job_alloc_any();
	j->fn = fn; j->arg = arg; j->done = done; j->done_arg = done_arg;
	fiber *f = fiber_create(stack_size, loop_entry, j);
	if (!f) { fputs("fiberus: out of fibers (memory or max_fibers)\n", stderr); abort(); }
	push_item(w, TAG_FIBER(f));
}

void job_ready(fiber *f) {
	atomic_fetch_sub_explicit(&nsuspended, 1, memory_order_relaxed);
	atomic_store_explicit(&f->state, FIBER_READY, memory_order_release);
	push_item(job_self(), TAG_FIBER(f));
}

/* ---- fibers and switching ---------------------------------------------- */

static void loop_entry(void *arg, void *m);

static fiber *spare_get(job_worker *w) {
	fiber *f = w->nspare ? w->spare[--w->nspare] : fiber_create(0, loop_entry, NULL);
	if (!f) { fputs("fiberus: out of fibers (memory or max_fibers)\n", stderr); abort(); }
	fiber_reset(f, loop_entry, NULL);
	return f;
}

static void spare_put(job_worker *w, fiber *f) {
	if (w->nspare < SPARE_MAX && (size_t)(f->stack_hi - f->stack_lo) < fiber_default_stack_size() + 4096) {
		atomic_store_explicit(&f->state, FIBER_FREE, memory_order_release);
		w->spare[w->nspare++] = f;
	} else {
		fiber_release(f);
	}
}

/* Runs in the context that was just switched to, before its own code. */
static void after_switch(void *mp) {
	job_worker *w = job_self();
	if (fiber_hook) fiber_hook(w->cur);
	if (!mp) return;
	msg m = *(msg *)mp; /* the sender's stack may be reused once committed */
	switch (m.kind) {
	case MSG_FREE: spare_put(w, m.f); break;
	case MSG_COMMIT: m.commit(m.f, m.arg); break;
	case MSG_YIELD:
		atomic_store_explicit(&m.f->state, FIBER_READY, memory_order_release);
		local_append(w, TAG_FIBER(m.f));
		break;
	}
}

/* Switches the worker from its running fiber to `to`. */
static inline void *switch_to(job_worker *w, fiber *to, msg *m) {
	fiber *from = w->cur;
	w->cur = to;
	atomic_store_explicit(&to->state, FIBER_RUNNING, memory_order_relaxed);
	return fiber_swap(&from->ctx, &to->ctx, m);
}

static inline void run_job(job_worker *w, job *j) {
	job_fn fn = j->fn;
	void *arg = j->arg;
	job_done_fn done = j->done;
	void *done_arg = j->done_arg;
	job_free(w, j);
	fn(arg);
	if (done) done(done_arg);
}

/* Whether any queue holds work (a parked worker's own FIFO is empty, and the
 * FIFOs of others are only filled by their running owners). */
static int has_work(job_worker *w) {
	if (w->local_head) return 1;
	for (int i = 0; i < job_nworkers; i++)
		if (job_deque_size(&job_workers[i].dq) || atomic_load(&job_workers[i].inbox)) return 1;
	return 0;
}

static void deadlock_report(void);

/* Whether every other worker sleeps in park. Being counted in nparked is not
 * enough: a worker woken for new work stays counted until it gets a CPU
 * again, and the parker that finds the queues empty may be the one that took
 * that work (a false "deadlock" under load, seen in counter_stress). A woken
 * worker that finds nothing parks again and makes this check itself. */
static int others_asleep(job_worker *self) {
	for (int i = 0; i < job_nworkers; i++)
		if (&job_workers[i] != self && atomic_load(&job_workers[i].sleep) != 1) return 0;
	return 1;
}

/* Parks the worker until woken (or declares the deadlock, see job.h). */
static void park(job_worker *w) {
	atomic_store(&w->sleep, 1);
	int n = atomic_fetch_add(&nparked, 1) + 1;
	park_barrier(); /* every push before it is visible to has_work (see wake_one) */
	if (has_work(w) || atomic_load(&stopping)) {
		atomic_store(&w->sleep, 0);
		atomic_fetch_sub(&nparked, 1);
		return;
	}
	if (n == job_nworkers && !config.no_deadlock_check && atomic_load(&nsuspended) > 0 &&
	    atomic_load(&nexternal) == 0 && job_timers_pending() == 0 && others_asleep(w) &&
	    !atomic_exchange(&deadlocked, 1)) {
		deadlock_report();
		atomic_store(&stopping, 1);
		wake_all();
		atomic_fetch_sub(&nparked, 1);
		return;
	}
	int64_t next = job_timers_next(w); /* sleep no longer than our first timer */
	job_stw_idle_enter(w);
	while (atomic_load(&w->sleep) == 1) {
		if (next < 0) { job_futex_wait(&w->sleep, 1); continue; }
		int64_t left = next - job_now_ns();
		if (left <= 0) { atomic_store(&w->sleep, 0); break; }
		futex_wait_ns(&w->sleep, 1, left);
	}
	job_stw_idle_leave(w);
	atomic_fetch_sub(&nparked, 1);
}

/* Counts a scheduling decision; fires expired timers on every 16th (a clock
 * read costs more than a switch) or whenever the worker is idle. Switches
 * straight from fiber to fiber count too, so they cannot starve the timers. */
static inline uint32_t timers_tick(job_worker *w, int idle) {
	uint32_t tick = ++w->tick;
	if (w->ntimers && (idle || (tick & 15) == 0)) job_timers_poll(w);
	return tick;
}

/* Finds the next item to run; NULL when the run is stopping. */
static void *find_work(job_worker *w) {
	for (int spins = 0;; spins++) {
		if (atomic_load_explicit(&stopping, memory_order_relaxed)) return NULL;
		if (atomic_load_explicit(&job_stw_requested, memory_order_relaxed)) job_safepoint();
		void *it;
		uint32_t tick = timers_tick(w, spins);
		if ((tick & 63) == 0 && (it = local_pop(w))) return it; /* fairness */
		if ((it = job_deque_take(&w->dq))) return it;
		if (atomic_load_explicit(&w->inbox, memory_order_relaxed)) {
			inbox_drain(w);
			if ((it = job_deque_take(&w->dq))) return it;
		}
		if ((it = local_pop(w))) return it;
		int n = job_nworkers;
		for (int tries = 0; tries < 2 * n && n > 1; tries++) {
			job_worker *v = &job_workers[rnd(w) % n];
			if (v == w) continue;
			it = job_deque_steal(&v->dq);
			if (it == JOB_DEQUE_ABORT) continue;
			if (it) return it;
		}
		if (spins < 64) { for (int i = 0; i < 32; i++) cpu_relax(); continue; }
		if (spins < 70) { sched_yield(); continue; }
		park(w);
		spins = 0;
	}
}

/* Leaves the loop for good: back to the thread's own stack. */
static void exit_to_thread(job_worker *w) {
	fiber *self = w->cur;
	msg m = {MSG_FREE, self, NULL, NULL, NULL};
	w->cur = NULL;
	fiber_swap(&self->ctx, &w->thread_ctx, &m);
	abort(); /* unreachable */
}

static void loop_entry(void *arg, void *mp) {
	job *first = mp ? ((msg *)mp)->first : NULL;
	after_switch(mp);
	if (arg) run_job(job_self(), arg); /* job_spawn_with_stack */
	if (first) run_job(job_self(), first);
	for (;;) {
		job_worker *w = job_self(); /* re-read: a job may have moved us */
		void *it = find_work(w);
		if (!it) exit_to_thread(w);
		if (IS_FIBER(it)) {
			/* Resume a ready fiber; this loop fiber is done. */
			msg m = {MSG_FREE, w->cur, NULL, NULL, NULL};
			switch_to(w, AS_FIBER(it), &m);
			abort(); /* unreachable: freed fibers are reset before reuse */
		}
		run_job(w, it);
	}
}

/* What a suspending or yielding fiber switches to: the newest job of the
 * deque, else a fiber waiting in the local FIFO (a yield ping-pong then costs
 * one switch, not two through a loop fiber) unless the loop must look first:
 * an inbox to drain, a stop, or a stop-the-world. NULL: a loop fiber decides. */
static inline void *next_direct(job_worker *w) {
	void *it = job_deque_take(&w->dq);
	if (it) return it;
	if (w->local_head && IS_FIBER(w->local_head) &&
	    !atomic_load_explicit(&w->inbox, memory_order_relaxed) &&
	    !atomic_load_explicit(&stopping, memory_order_relaxed) &&
	    !atomic_load_explicit(&job_stw_requested, memory_order_relaxed))
		return local_pop(w);
	return NULL;
}

/* Switches away from the running fiber, to next_direct's choice or a fresh
 * loop fiber (which runs m->first, a job, if there is one). */
static void switch_away(job_worker *w, msg *m) {
	timers_tick(w, 0);
	void *it = next_direct(w);
	fiber *next;
	if (it && IS_FIBER(it)) {
		next = AS_FIBER(it);
	} else {
		next = spare_get(w);
		m->first = it;
	}
	after_switch(switch_to(w, next, m));
}

void job_suspend(void (*commit)(fiber *f, void *arg), void *arg) {
	job_worker *w = job_self();
	fiber *self = w->cur;
	msg m = {MSG_COMMIT, self, commit, arg, NULL};
	/* release: a deadlock report that sees SUSPENDED also sees wait_reason & co. */
	atomic_store_explicit(&self->state, FIBER_SUSPENDED, memory_order_release);
	atomic_fetch_add_explicit(&nsuspended, 1, memory_order_relaxed);
	switch_away(w, &m);
}

int job_help(job_done_fn done, void *done_arg) {
	job_worker *w = job_self();
	if (!w || w->on_thread_stack || !w->cur || config.no_help) return 0;
	fiber *f = w->cur;
	size_t room = (size_t)((char *)__builtin_frame_address(0) - f->stack_lo);
	size_t need = (size_t)(f->stack_hi - f->stack_lo) / 4;
	if (room < need || room < (16 << 10)) return 0;
	void *it = job_deque_take(&w->dq);
	if (!it) return 0;
	if (IS_FIBER(it) || ((job *)it)->done != done || ((job *)it)->done_arg != done_arg) {
		job_deque_push(&w->dq, it); /* back where it was */
		return 0;
	}
	run_job(w, it);
	return 1;
}

void job_yield(void) {
	job_worker *w = job_self();
	if (!w || w->on_thread_stack) { sched_yield(); return; }
	msg m = {MSG_YIELD, w->cur, NULL, NULL, NULL};
	switch_away(w, &m);
}

/* ---- call on the thread's own stack ------------------------------------ */

void job_call_on_thread_stack(void (*fn)(void *arg), void *arg) {
	job_worker *w = job_self();
	if (!w || w->on_thread_stack || !w->cur) { fn(arg); return; }
	/* The thread context is suspended in fiber_swap at thread_ctx.sp; the
	 * stack below it is free (keep a margin for the red zone). */
	uintptr_t top = ((uintptr_t)w->thread_ctx.sp - 256) & ~(uintptr_t)15;
	w->on_thread_stack = 1;
	fiber_call_on_stack(fn, arg, (void *)top);
	w->on_thread_stack = 0;
}

/* ---- deadlock report ------------------------------------------------- */

static int nreported;
static void report_fiber(fiber *f, char *lo, char *hi, void *ctx) {
	(void)lo; (void)hi; (void)ctx;
	if (atomic_load(&f->state) != FIBER_SUSPENDED) return;
	if (nreported++ < 20)
		fprintf(stderr, "  fiber #%llu waits on %s %p (%lld)\n", (unsigned long long)f->id,
		        f->wait_reason ? f->wait_reason : "something", f->wait_obj, (long long)f->wait_arg);
}

static void deadlock_report(void) {
	long n = atomic_load(&nsuspended);
	fprintf(stderr, "fiberus: deadlock: all %d workers are idle and %ld fiber%s blocked forever "
	        "(nothing left can wake them):\n", job_nworkers, n, n == 1 ? " is" : "s are");
	nreported = 0;
	fiber_foreach(report_fiber, NULL);
	if (nreported > 20) fprintf(stderr, "  ... and %d more\n", nreported - 20);
}

/* ---- start and stop ------------------------------------------------ */

static int env_int(const char *name, int def) {
	const char *s = getenv(name);
	return s && *s ? atoi(s) : def;
}

int job_init(const job_config *cfg) {
	if (atomic_load(&running)) return -1;
	if (cfg) config = *cfg;
	else if (!configured) memset(&config, 0, sizeof config);
	configured = 1;
	int n = config.workers;
	if (n <= 0) n = env_int("FIBERUS_WORKERS", 0);
	if (n <= 0) {
		cpu_set_t set;
		n = sched_getaffinity(0, sizeof set, &set) == 0 ? CPU_COUNT(&set) : (int)sysconf(_SC_NPROCESSORS_ONLN);
	}
	if (n < 1) n = 1;
	if (n > JOB_MAX_WORKERS) n = JOB_MAX_WORKERS;
	fiber_config fc = {config.stack_size, 0, 0};
	fiber_pool_init(&fc);
	barrier_init();
	if (!job_workers || n != job_nworkers) {
		if (job_workers) {
			for (int i = 0; i < job_nworkers; i++) job_deque_destroy(&job_workers[i].dq);
			free(job_workers);
		}
		void *mem;
		if (posix_memalign(&mem, 64, sizeof(job_worker) * (size_t)n)) return -1;
		job_workers = mem;
		memset(job_workers, 0, sizeof(job_worker) * (size_t)n);
		for (int i = 0; i < n; i++) {
			job_workers[i].id = i;
			job_workers[i].rng = 0x9E3779B97F4A7C15ull * (uint64_t)(i + 1);
			job_deque_init(&job_workers[i].dq, 256);
		}
		job_nworkers = n;
	}
	return 0;
}

static void block_async_signals(void) {
	sigset_t set;
	sigfillset(&set);
	int keep[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP, SIGABRT, SIGSYS};
	for (size_t i = 0; i < sizeof keep / sizeof keep[0]; i++) sigdelset(&set, keep[i]);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
}

/* Runs the worker loop on the calling thread until the run stops. */
static void worker_run(job_worker *w) {
	tls_worker = w;
	fiber_thread_init();
	fiber_ctx_init_thread(&w->thread_ctx);
	fiber *l = spare_get(w);
	w->cur = l;
	atomic_store(&l->state, FIBER_RUNNING);
	after_switch(fiber_swap(&w->thread_ctx, &l->ctx, NULL));
	/* Back on the thread's stack (the hook got w->cur == NULL) for good: a
	 * stop-the-world that another worker starts meanwhile must not wait for
	 * this one, which touches no collected memory again. */
	atomic_store(&w->safe, 1);
	for (int i = 0; i < w->nspare; i++) fiber_release(w->spare[i]);
	w->nspare = 0;
	tls_worker = NULL;
}

static void *worker_thread(void *p) {
	job_worker *w = p;
	if (!config.no_signal_mask) block_async_signals();
	worker_run(w);
	return NULL;
}

static void main_job(void *arg) {
	(void)arg;
	exit_code = main_fn(main_arg);
	atomic_store(&stopping, 1);
	wake_all();
}

static int start_threads(int from) {
	pthread_attr_t attr;
	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, 256 << 10);
	for (int i = from; i < job_nworkers; i++) {
		if (pthread_create(&job_workers[i].thread, &attr, worker_thread, &job_workers[i]) != 0) {
			fprintf(stderr, "fiberus: cannot start worker %d\n", i);
			abort();
		}
	}
	pthread_attr_destroy(&attr);
	return 0;
}

static void reset_run(void) {
	atomic_store(&stopping, 0);
	atomic_store(&deadlocked, 0);
	atomic_store(&nparked, 0);
	atomic_store(&nsuspended, 0);
	exit_code = 0;
	for (int i = 0; i < job_nworkers; i++) {
		job_worker *w = &job_workers[i];
		/* Drop what a previous run left queued. */
		while (job_deque_take(&w->dq)) {}
		atomic_store(&w->inbox, NULL);
		w->local_head = w->local_tail = NULL;
		atomic_store(&w->sleep, 0);
		atomic_store(&w->safe, 0);
		job_timers_reset(w);
	}
}

int job_main(int (*main)(void *arg), void *arg) {
	if (!configured) job_init(NULL);
	if (atomic_exchange(&running, 1)) return -1;
	if (!config.no_signal_handler) fiber_signals_install();
	reset_run();
	main_fn = main;
	main_arg = arg;
	job *j = job_alloc_any();
	j->fn = main_job; j->arg = NULL; j->done = NULL; j->done_arg = NULL;
	job_workers[0].local_head = job_workers[0].local_tail = j;
	j->link = NULL;
	start_threads(1);
	atomic_store(&accepting, 1); /* job_start may return: queues are live */
	worker_run(&job_workers[0]);
	atomic_store(&accepting, 0);
	for (int i = 1; i < job_nworkers; i++) pthread_join(job_workers[i].thread, NULL);
	int code = atomic_load(&deadlocked) ? JOB_EXIT_DEADLOCK : exit_code;
	atomic_store(&running, 0);
	return code;
}

/* Host mode: main is a fiber suspended until job_stop readies it. */
static _Atomic int host_state; /* 0 running, 1 parked, 2 stop requested */
static fiber *host_fiber;

static void host_commit(fiber *f, void *arg) {
	(void)arg;
	host_fiber = f;
	if (atomic_exchange(&host_state, 1) == 2) job_ready(f); /* stop came first */
}

static int host_main(void *arg) {
	(void)arg;
	fiber *f = job_current_fiber();
	f->wait_reason = "job_stop";
	job_suspend(host_commit, NULL);
	return 0;
}

static pthread_t host_thread;
static _Atomic int host_started;
static void *host_thread_main(void *p) {
	(void)p;
	if (!config.no_signal_mask) block_async_signals();
	job_main(host_main, NULL);
	return NULL;
}

int job_start(void) {
	if (!configured) job_init(NULL);
	if (atomic_load(&running)) return -1;
	atomic_store(&host_state, 0);
	atomic_fetch_add(&nexternal, 1); /* the host may ready fibers at any time */
	if (pthread_create(&host_thread, NULL, host_thread_main, NULL) != 0) {
		atomic_fetch_sub(&nexternal, 1);
		return -1;
	}
	atomic_store(&host_started, 1);
	while (!atomic_load(&accepting)) sched_yield();
	return 0;
}

void job_stop(void) {
	if (!atomic_exchange(&host_started, 0)) return; /* not started by job_start */
	if (atomic_exchange(&host_state, 2) == 1) job_ready(host_fiber);
	pthread_join(host_thread, NULL);
	atomic_fetch_sub(&nexternal, 1);
}
