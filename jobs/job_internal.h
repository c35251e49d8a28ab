/* job_internal.h: the worker structure shared by the jobs/ sources. */
#ifndef JOB_INTERNAL_H
#define JOB_INTERNAL_H
#include "job.h"
#include "job_deque.h"
#include <pthread.h>

typedef struct job {
	void *link;          /* keep first: queues link items through it */
	job_fn fn;
	void *arg;
	job_done_fn done;
	void *done_arg;
} job;

#define SPARE_MAX 16

/* A heap entry: a sleep (ticket 0) or a timed wait, live while f->timed is
 * still ticket | armed (job_timer.c). */
typedef struct job_timer { int64_t deadline; fiber *f; uint64_t ticket; } job_timer;

typedef struct job_worker {
	job_deque dq;
	_Atomic(void *) inbox;      /* LIFO stack of tagged items, drained into `local` */
	char pad0[56];
	void *local_head, *local_tail; /* owner-only FIFO (inbox items, yielded fibers), untagged via link */
	int id;
	fiber_ctx thread_ctx;       /* the thread's own stack */
	fiber *cur;                 /* running fiber */
	int on_thread_stack;        /* inside job_call_on_thread_stack */
	fiber *spare[SPARE_MAX];
	int nspare;
	job *free_jobs;
	int nfree_jobs;
	uint64_t rng;
	uint32_t tick;
	pthread_t thread;
	_Atomic int sleep;          /* futex word: 1 while parked */
	_Atomic int safe;           /* 1 while stopped for / safe from a stop-the-world */
	job_timer *timers;          /* owner-only min-heap of sleeps and timed waits (job_timer.c) */
	int ntimers, timers_cap;
	int timers_compact;         /* purge stale entries when ntimers reaches it */
	int timers_high;            /* most entries held this run (tests) */
	char pad1[64];
} job_worker;

extern job_worker *job_workers;
extern int job_nworkers;

job_worker *job_self(void);
void job_stw_idle_enter(job_worker *w);
void job_stw_idle_leave(job_worker *w);
long job_futex_wait(_Atomic int *addr, int val);
long job_futex_wake(_Atomic int *addr, int n);
/* job_timer.c */
int64_t job_timers_next(job_worker *w);   /* earliest deadline, -1 if none */
int job_timers_poll(job_worker *w);       /* readies expired sleepers and waiters; how many */
void job_timers_reset(job_worker *w);     /* drops the timers of a finished run */
long job_timers_pending(void);            /* sleeps and timed waits in progress */
#endif
