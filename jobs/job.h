/*
 * job.h: the job scheduler. N worker threads (the thread calling job_main is
 * worker 0 and runs main as a fiber); each worker has a Chase-Lev deque (local
 * spawns, LIFO for the owner, FIFO for thieves), an inbox through which other
 * threads hand it work, and an owner-only FIFO (never stolen) for jobs pinned
 * to it (job_spawn_on) and for yielded fibers.
 *
 * Every worker always runs on a fiber. A "loop fiber" pops work and calls job
 * functions directly on its own stack; a job that returns costs no switch and
 * no stack. A job that suspends (job_suspend) keeps the loop fiber it runs on:
 * the worker goes on with a fresh loop fiber from its spare cache, and when
 * the suspended fiber is readied it is queued like a job and resumed where it
 * stopped. Idle workers spin briefly, then park on a futex; pushes wake them.
 *
 * Suspension is two-phase so that no wake-up is lost: the fiber switches away
 * first, and the `commit` callback runs afterwards on the next fiber's stack
 * (the suspended stack is no longer in use, so the commit may make it ready at
 * once, even to another thread).
 *
 * Fibers migrate between workers: never keep a thread-local address across a
 * call that may suspend. job_self() and friends are non-inlined for that reason.
 *
 * Hooks for the language runtime (hxrt) and the collector (fibrix):
 *  - hx_main: fiber_set_switch_hook(hook) before job_main(entry, arg); the hook
 *    runs on the resuming thread after every switch and sets hx_tls_ctx from
 *    fiber_user(f) (creating the hx_ctx on first use; the user pointer stays
 *    with the fiber across pool reuse; f is NULL when a worker leaves its
 *    fibers); hx_ctx.stack_limit = f->stack_lo + a margin. job_main returns
 *    main's exit code (JOB_EXIT_DEADLOCK after a deadlock report).
 *  - Fiber.spawn/spawnOn/spawnWithStack/yield/getThreadId/getThreadCount map
 *    to job_spawn/job_spawn_on/job_spawn_with_stack/job_yield/job_worker_id/
 *    job_worker_count; Counter maps to counters/counter.h.
 *  - GC: gc_safepoint() calls job_safepoint(); a collection runs between
 *    job_stw_begin() and job_stw_end() and scans fiber_foreach() ranges;
 *    long native calls bracket themselves with job_blocking_enter/leave (the
 *    GC.enterUnsafe/exitUnsafe pair).
 */
#ifndef JOB_H
#define JOB_H
#include "fiber.h"
#include <stddef.h>
#include <stdint.h>

typedef void (*job_fn)(void *arg);
typedef void (*job_done_fn)(void *done_arg);

typedef struct job_config {
	int workers;            /* total worker threads incl. worker 0; 0: CPU count (env FIBERUS_WORKERS) */
	size_t stack_size;      /* default fiber stack (0: 64 KiB, env FIBERUS_STACK_SIZE); the first init fixes it */
	int no_signal_handler;  /* do not install the fiber-overflow SIGSEGV handler (Go hosts) */
	int no_signal_mask;     /* do not block asynchronous signals in workers 1..N-1 */
	int no_deadlock_check;  /* do not report "all idle, fibers blocked forever" */
	int no_help;            /* job_help never runs jobs inline (waits always suspend) */
} job_config;

#define JOB_MAX_WORKERS 256
#define JOB_EXIT_DEADLOCK 70  /* job_main's result when the run deadlocked */

/* Sets the configuration (NULL: defaults). Called by job_main/job_start if not
 * called before; must not be called while running. */
int job_init(const job_config *cfg);
/* Runs main(arg) as a fiber on worker 0 = the calling thread, with workers
 * 1..N-1 on new threads. Returns main's result once main returned and the
 * workers stopped (queued jobs are dropped, running ones finish first), or
 * JOB_EXIT_DEADLOCK after printing a report if every worker went idle while
 * fibers were still blocked with nobody left to wake them. */
int job_main(int (*main)(void *arg), void *arg);
/* Host mode: starts all N workers on new threads (worker 0 included) and
 * returns; the calling thread stays outside. job_stop ends it. */
int job_start(void);
void job_stop(void);
int job_running(void);

/* Spawns fn(arg) on the current worker's deque (from outside a worker: the
 * inbox of a worker chosen round-robin). When fn returns, done(done_arg) runs
 * if done is not NULL. */
void job_spawn(job_fn fn, void *arg, job_done_fn done, void *done_arg);
/* Same, but the job starts on worker `worker` (its inbox, or its local FIFO
 * when that is the current worker; neither is stealable); an invalid id
 * spawns like job_spawn. If the job suspends it may resume elsewhere. */
void job_spawn_on(int worker, job_fn fn, void *arg, job_done_fn done, void *done_arg);

/* Places the job on the less loaded of two random workers (power of two
 * choices: deque lengths compared); it starts there unless stolen first.
 * Haxe's Fiber.spawnAny, and spawnMany's round-robin via job_spawn_to. */
void job_spawn_any(job_fn fn, void *arg, job_done_fn done, void *done_arg);
/* Places the job on worker `worker` (unpinned: idle workers may steal it). */
void job_spawn_to(int worker, job_fn fn, void *arg, job_done_fn done, void *done_arg);

/* Same as job_spawn, on a fiber with at least stack_size bytes of stack (a
 * fresh fiber, queued as a ready fiber; Haxe's Fiber.spawnWithStack). */
void job_spawn_with_stack(size_t stack_size, job_fn fn, void *arg, job_done_fn done, void *done_arg);

/* Lets other work run; the fiber continues later (possibly on another worker).
 * Outside a fiber it yields the thread. */
void job_yield(void);

/* Suspends the running fiber for at least ns nanoseconds (CLOCK_MONOTONIC);
 * the worker runs other work meanwhile. ns <= 0 yields. Outside a fiber it
 * blocks the thread (in the collector's safe region). */
void job_sleep_ns(int64_t ns);
int64_t job_now_ns(void);

/* The current worker's id (0..N-1), -1 on other threads. */
int job_worker_id(void);
int job_worker_count(void);
/* The fiber running on this thread, NULL outside a worker (or while a worker
 * runs on its own stack via job_call_on_thread_stack). */
fiber *job_current_fiber(void);

/* Suspends the running fiber (must be on one). After the switch, on another
 * stack, commit(f, arg) runs; it must arrange for job_ready(f) to be called
 * exactly once, possibly right away. reason/obj/arg describe the wait in
 * deadlock reports (set in f->wait_* before calling). */
void job_suspend(void (*commit)(fiber *f, void *arg), void *arg);
/* Timed waits (on a fiber). Like job_suspend(commit, arg), but the fiber is
 * readied at `deadline` (job_now_ns clock) unless a waker comes first;
 * returns 1 when woken, 0 on timeout. *ticket is set before commit runs: commit publishes
 * the wait (say, queues a waiter holding f and the ticket) and a waker calls
 * job_timed_claim(f, ticket), which returns 1 exactly once per wait, to the
 * waker or to the deadline: only on 1 may (must) the waker job_ready(f). The
 * timer, filed on the worker that runs commit, touches only f, never the
 * waiter; a fiber that timed out must itself take its waiter back (wakers
 * that still find it meanwhile lose the claim and pass it by). Only the
 * winner readies the fiber, so a waiter on its stack lives until then. */
int job_suspend_until(int64_t deadline, uint64_t *ticket, void (*commit)(fiber *f, void *arg), void *arg);
int job_timed_claim(fiber *f, uint64_t ticket);
/* Runs the next job of the current worker's own deque inline, on the calling
 * fiber, if that job was spawned with exactly this (done, done_arg), and
 * returns 1; else returns 0 having run nothing (also outside a worker fiber,
 * or when less than a quarter of the stack, at least 16 KiB, is left).
 * Counter waits call it before suspending ("help first"): a fork-join parent
 * runs the children it waits for without any switch. Only jobs the waiter
 * waits for anyway are run, so helping cannot add a deadlock. */
int job_help(job_done_fn done, void *done_arg);
/* Makes a suspended fiber runnable again (any thread, worker or not). */
void job_ready(fiber *f);
/* Fibers suspended and not yet readied. */
long job_suspended_count(void);
/* Something outside the workers (a host thread, an I/O ring, a timer) may
 * still ready suspended fibers: +1 while so, -1 when no longer. While the count
 * is non-zero, idle workers are not reported as a deadlock. */
void job_external_ref(int delta);

/* Calls fn(arg) on the current worker thread's own stack (not the fiber's):
 * for foreign code that cannot run on a fiber stack, e.g. Go callbacks. fn
 * must not suspend; counter waits inside it block the thread. */
void job_call_on_thread_stack(void (*fn)(void *arg), void *arg);

/* ---- stop the world (for the collector) ---------------------------------- */
/*
 * job_stw_begin() stops every other worker at a safe point and returns when
 * all are stopped: workers that poll job_stw_requested and call job_safepoint,
 * idle (parked or spinning) workers, and workers inside job_blocking_enter/
 * leave count as stopped. While stopped, fiber_foreach gives every non-free
 * fiber's stack range; a running fiber's range starts at the gc_sp recorded
 * at its safe point (callee-saved registers spilled above it). The caller's
 * own fiber gets its gc_sp recorded by job_stw_begin. job_stw_end releases.
 * Callable from a worker (at a safe point of its own) or from another thread;
 * concurrent requests serialise (a losing worker stops for the winner first).
 */
extern _Atomic int job_stw_requested;
void job_stw_begin(void);
void job_stw_end(void);
/* Parks the calling worker while a stop is requested (call when polling
 * job_stw_requested finds it set; no-op otherwise). */
void job_safepoint(void);
/* Marks the calling worker as stopped-for-GC while it blocks in a syscall;
 * it must not touch collected memory until job_blocking_leave. */
void job_blocking_enter(void);
void job_blocking_leave(void);
#endif
