//go:build ignore
/* fiberus.c: the C API (sdk/include/fiberus.h) over jobs/ and counters/. */
#include "fiberus.h"
#include "counter.h"
#include <stdlib.h>
#include <string.h>

_Static_assert(FIBERUS_EXIT_DEADLOCK == JOB_EXIT_DEADLOCK, "exit codes agree");

void fiberus_config_default(fiberus_config *cfg) { memset(cfg, 0, sizeof *cfg); }

int fiberus_init(const fiberus_config *cfg) {
	if (!cfg) return job_init(NULL);
	job_config jc = {cfg->workers, cfg->stack_size, cfg->no_signal_handler, cfg->no_signal_mask, cfg->no_deadlock_check, 0};
	return job_init(&jc);
}

int fiberus_main(int (*main)(void *arg), void *arg) { return job_main(main, arg); }
int fiberus_start(void) { return job_start(); }
void fiberus_stop(void) { job_stop(); }

fiberus_counter *fiberus_counter_new(int64_t value) { return (fiberus_counter *)counter_new(value); }
void fiberus_counter_free(fiberus_counter *c) { counter_free((counter *)c); }
int64_t fiberus_counter_add(fiberus_counter *c, int64_t delta) { return counter_add((counter *)c, delta); }
int64_t fiberus_counter_value(fiberus_counter *c) { return counter_get((counter *)c); }
void fiberus_wait(fiberus_counter *c, int64_t target) { counter_wait((counter *)c, target); }

void fiberus_run(fiberus_job_fn fn, void *arg, fiberus_counter *c) {
	if (c) counter_spawn((counter *)c, fn, arg);
	else job_spawn(fn, arg, NULL, NULL);
}

void fiberus_run_many(const fiberus_job *jobs, size_t n, fiberus_counter *c) {
	if (c) counter_add((counter *)c, (int64_t)n);
	for (size_t i = 0; i < n; i++)
		job_spawn(jobs[i].fn, jobs[i].arg, c ? counter_job_done : NULL, c);
}

void fiberus_run_on(int worker, fiberus_job_fn fn, void *arg, fiberus_counter *c) {
	if (c) counter_spawn_on((counter *)c, worker, fn, arg);
	else job_spawn_on(worker, fn, arg, NULL, NULL);
}

typedef struct pfor {
	void (*body)(int64_t i, void *arg);
	void *arg;
	int64_t grain;
	counter done;
} pfor;

typedef struct pfor_range { pfor *p; int64_t lo, hi; } pfor_range;

/* Splits its range in halves (spawning the upper half) down to the grain, so
 * thieves take big pieces first. */
static void pfor_job(void *a) {
	pfor_range *r = a;
	pfor *p = r->p;
	int64_t lo = r->lo, hi = r->hi;
	while (hi - lo > p->grain) {
		int64_t mid = lo + (hi - lo) / 2;
		pfor_range *up = malloc(sizeof *up);
		*up = (pfor_range){p, mid, hi};
		counter_spawn(&p->done, pfor_job, up);
		hi = mid;
	}
	for (int64_t i = lo; i < hi; i++) p->body(i, p->arg);
	free(r);
}

void fiberus_parallel_for(int64_t n, int64_t grain, void (*body)(int64_t i, void *arg), void *arg) {
	if (n <= 0) return;
	if (grain <= 0) {
		grain = n / (8 * (int64_t)(job_worker_count() > 0 ? job_worker_count() : 1));
		if (grain < 1) grain = 1;
	}
	pfor p = {body, arg, grain, COUNTER_INIT(0)};
	pfor_range *r = malloc(sizeof *r);
	*r = (pfor_range){&p, 0, n};
	counter_spawn(&p.done, pfor_job, r);
	counter_wait(&p.done, 0);
}

void fiberus_yield(void) { job_yield(); }
int fiberus_worker_id(void) { return job_worker_id(); }
int fiberus_worker_count(void) { return job_worker_count(); }
