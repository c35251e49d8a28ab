/*
 * counter.h: job counters in the style of Naughty Dog's. A counter holds an
 * integer; counter_wait(c, target) returns once the value equals target. On a
 * fiber it suspends the fiber (the worker goes on with other work); on any
 * other thread it blocks that thread only. A change whose result equals a
 * waiter's target reschedules that waiter (every such waiter), even if the
 * value moves on before the waiter runs.
 *
 * No lost wake-ups: see the word layout below.
 *
 * Lifetime: counter_wait returns only once no counter_add that could have
 * produced the awaited value still touches the counter, so a counter may live
 * on the waiter's stack or be freed right after the wait (as long as nobody
 * changes it afterwards).
 */
#ifndef COUNTER_H
#define COUNTER_H
#include "job.h"
#include <stdatomic.h>
#include <stdint.h>

typedef struct counter_waiter counter_waiter;

/* One word holds the value (high 47 bits, signed, wraps at 47 bits), a flag
 * "waiters are parked" and the number of counter_add calls that still touch
 * the counter (low 16 bits; at most one per thread, an add never suspends).
 * An add that finds no waiters is a single CAS and never touches the counter
 * again; one that finds waiters counts itself in flight while it wakes them.
 * A waiter sets the flag with one atomic that also reads the value, so the
 * two always see each other: no lost wake-ups. */
typedef struct counter {
	_Atomic int64_t word;
	_Atomic int lock;
	counter_waiter *waiters;
} counter;

#define COUNTER_SHIFT 17
#define COUNTER_WAITERS ((int64_t)1 << 16)
#define COUNTER_INIT(v) {(int64_t)((uint64_t)(v) << COUNTER_SHIFT), 0, NULL}
#define COUNTER_VALUE(w) ((int64_t)(w) >> COUNTER_SHIFT)
#define COUNTER_INFLIGHT(w) ((w) & 0xFFFF)

void counter_init(counter *c, int64_t value);
counter *counter_new(int64_t value);   /* malloc'd; counter_free */
void counter_free(counter *c);
/* Adds delta (may be negative); returns the new value and wakes the waiters
 * whose target it equals. */
int64_t counter_add(counter *c, int64_t delta);
static inline int64_t counter_get(counter *c) { return COUNTER_VALUE(atomic_load_explicit(&c->word, memory_order_acquire)); }
/* Waits until the value equals target (see above). On a worker fiber it
 * first helps: while the next job of its worker's deque is one counted by c
 * (counter_spawn), it runs that job inline; it suspends only when none is. */
void counter_wait(counter *c, int64_t target);
/* Waiters currently parked (diagnostics, Counter.done's warning). */
int counter_waiters(counter *c);

/* Spawns fn(arg) as a job counted by c: +1 now, -1 when fn returns. */
void counter_spawn(counter *c, job_fn fn, void *arg);
void counter_spawn_on(counter *c, int worker, job_fn fn, void *arg);
/* A job_done_fn that decrements the counter given as done_arg. */
void counter_job_done(void *c);
#endif
