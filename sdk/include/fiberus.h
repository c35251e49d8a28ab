/*
 * fiberus.h: the C API of the Fiberus job runtime, for engines that link
 * libfiberus_jobs.a without Haxe.
 *
 *   fiberus_config cfg;
 *   fiberus_config_default(&cfg);          // workers = CPUs, 64 KiB stacks
 *   fiberus_init(&cfg);
 *   return fiberus_main(game_main, NULL);  // this thread becomes worker 0,
 *                                          // game_main runs there as a fiber
 *
 * Inside jobs: fiberus_run (spawn counted by a counter), fiberus_wait (suspends
 * the fiber, not the thread), fiberus_run_on, fiberus_yield. Jobs that never
 * wait cost no stack; a waiting job keeps its fiber until it is woken.
 *
 * A host that keeps its own main thread (an editor, a Go program) calls
 * fiberus_start instead: every worker runs on its own thread, and the host's
 * threads spawn jobs and wait on counters by blocking only themselves.
 * fiberus_stop ends such a run.
 *
 * Thread-safety: every function may be called from any thread once the
 * runtime runs; fiberus_wait and fiberus_yield suspend only when called on a
 * worker's fiber.
 */
#ifndef FIBERUS_H
#define FIBERUS_H
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct fiberus_config {
	int workers;             /* worker threads including worker 0; 0: CPU count (env FIBERUS_WORKERS) */
	size_t stack_size;       /* fiber stack bytes; 0: 64 KiB (env FIBERUS_STACK_SIZE) */
	int no_signal_handler;   /* 1: do not install the fiber-stack-overflow SIGSEGV handler */
	int no_signal_mask;      /* 1: workers keep the creating thread's signal mask */
	int no_deadlock_check;   /* 1: no report when all workers idle with fibers blocked */
} fiberus_config;

/* Exit code of fiberus_main when the run deadlocked (report on stderr). */
#define FIBERUS_EXIT_DEADLOCK 70

typedef void (*fiberus_job_fn)(void *arg);
typedef struct fiberus_counter fiberus_counter;
typedef struct fiberus_job { fiberus_job_fn fn; void *arg; } fiberus_job;

void fiberus_config_default(fiberus_config *cfg);
/* Applies a configuration (NULL: defaults). 0 on success, -1 while running. */
int fiberus_init(const fiberus_config *cfg);
/* Runs main(arg) as a fiber on worker 0 (the calling thread) and returns its
 * result after shutting the workers down, or FIBERUS_EXIT_DEADLOCK. */
int fiberus_main(int (*main)(void *arg), void *arg);
/* Host mode: all workers on their own threads; returns at once (0, or -1 when
 * already running). */
int fiberus_start(void);
/* Ends a host-mode run: jobs still queued are dropped, running ones finish. */
void fiberus_stop(void);

/* Counters: a count of outstanding work. Waiters resume when it equals their
 * target. Free a counter only once nothing changes it any more. */
fiberus_counter *fiberus_counter_new(int64_t value);
void fiberus_counter_free(fiberus_counter *c);
int64_t fiberus_counter_add(fiberus_counter *c, int64_t delta); /* new value */
int64_t fiberus_counter_value(fiberus_counter *c);
/* Waits until the counter equals target: suspends the fiber on a worker,
 * blocks the thread elsewhere. */
void fiberus_wait(fiberus_counter *c, int64_t target);

/* Runs fn(arg) as a job. With a counter: +1 now, -1 when fn returns, so
 * fiberus_wait(c, 0) waits for all jobs run with c. */
void fiberus_run(fiberus_job_fn fn, void *arg, fiberus_counter *c);
void fiberus_run_many(const fiberus_job *jobs, size_t n, fiberus_counter *c);
/* Same, starting on worker `worker` (it may resume elsewhere after a wait);
 * an invalid id runs like fiberus_run. */
void fiberus_run_on(int worker, fiberus_job_fn fn, void *arg, fiberus_counter *c);
/* body(i, arg) for i in [0, n), split into chunks of `grain` (0: automatic)
 * run as jobs; returns when all are done. */
void fiberus_parallel_for(int64_t n, int64_t grain, void (*body)(int64_t i, void *arg), void *arg);

/* Lets other jobs run; the caller continues later, maybe on another worker. */
void fiberus_yield(void);
/* The calling thread's worker id (0..workers-1), -1 outside the workers. */
int fiberus_worker_id(void);
int fiberus_worker_count(void);

#ifdef __cplusplus
}
#endif
#endif
