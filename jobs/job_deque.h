/*
 * job_deque.h: the Chase-Lev work-stealing deque in the C11 formulation of
 * Lê, Pop, Cohen and Zappa Nardelli (PPoPP 2013). The owner pushes and takes at
 * the bottom (wait-free but for growth); thieves steal at the top (lock-free).
 * Items are non-NULL pointers. Grown arrays are retired, never freed while the
 * deque lives (a thief may still read them).
 */
#ifndef JOB_DEQUE_H
#define JOB_DEQUE_H
#include <stdatomic.h>
#include <stdint.h>
#include <stddef.h>

typedef struct job_array {
	int64_t size;                 /* power of two */
	struct job_array *retired;    /* previous, smaller array */
	_Atomic(void *) buf[];
} job_array;

typedef struct job_deque {
	_Atomic int64_t top;
	char pad0[56];                /* thieves hammer top, the owner bottom */
	_Atomic int64_t bottom;
	_Atomic(job_array *) array;
	char pad1[48];
} job_deque;

#define JOB_DEQUE_ABORT ((void *)1) /* steal lost a race: retry */

/* take() needs its store of bottom ordered before its load of top. The paper
 * uses a seq_cst fence; a seq_cst exchange plus a seq_cst load gives the same
 * order (both are in the single total order) and on x86 costs one xchg
 * instead of mov + mfence. TSAN understands this form too (not fences). */

int job_deque_init(job_deque *q, int64_t size);
void job_deque_destroy(job_deque *q);
void job_deque_grow(job_deque *q);

/* Owner only. */
static inline void job_deque_push(job_deque *q, void *x) {
	int64_t b = atomic_load_explicit(&q->bottom, memory_order_relaxed);
	int64_t t = atomic_load_explicit(&q->top, memory_order_acquire);
	job_array *a = atomic_load_explicit(&q->array, memory_order_relaxed);
	if (b - t > a->size - 1) {
		job_deque_grow(q);
		a = atomic_load_explicit(&q->array, memory_order_relaxed);
	}
	atomic_store_explicit(&a->buf[b & (a->size - 1)], x, memory_order_relaxed);
	/* Release store (the paper: release fence + relaxed store): publishes x
	 * and everything it points to; also what TSAN understands. */
	atomic_store_explicit(&q->bottom, b + 1, memory_order_release);
}

/* Owner only. NULL when empty. */
static inline void *job_deque_take(job_deque *q) {
	int64_t b = atomic_load_explicit(&q->bottom, memory_order_relaxed) - 1;
	/* Empty without the exchange: only the owner moves bottom and top only
	 * grows, so a top already past b, however stale, is past it now. */
	if (atomic_load_explicit(&q->top, memory_order_relaxed) > b) return NULL;
	job_array *a = atomic_load_explicit(&q->array, memory_order_relaxed);
	atomic_exchange_explicit(&q->bottom, b, memory_order_seq_cst);
	int64_t t = atomic_load_explicit(&q->top, memory_order_seq_cst);
	void *x = NULL;
	if (t <= b) {
		x = atomic_load_explicit(&a->buf[b & (a->size - 1)], memory_order_relaxed);
		if (t == b) { /* last item: race the thieves for it */
			if (!atomic_compare_exchange_strong_explicit(&q->top, &t, t + 1,
			        memory_order_seq_cst, memory_order_relaxed))
				x = NULL;
			atomic_store_explicit(&q->bottom, b + 1, memory_order_relaxed);
		}
	} else {
		atomic_store_explicit(&q->bottom, b + 1, memory_order_relaxed);
	}
	return x;
}

/* Any thread. NULL when empty, JOB_DEQUE_ABORT when it lost a race. */
static inline void *job_deque_steal(job_deque *q) {
#ifdef __SANITIZE_THREAD__
	int64_t t = atomic_load_explicit(&q->top, memory_order_seq_cst);
	int64_t b = atomic_load_explicit(&q->bottom, memory_order_seq_cst);
#else
	int64_t t = atomic_load_explicit(&q->top, memory_order_acquire);
	atomic_thread_fence(memory_order_seq_cst);
	int64_t b = atomic_load_explicit(&q->bottom, memory_order_acquire);
#endif
	if (t >= b) return NULL;
	job_array *a = atomic_load_explicit(&q->array, memory_order_acquire);
	void *x = atomic_load_explicit(&a->buf[t & (a->size - 1)], memory_order_relaxed);
	if (!atomic_compare_exchange_strong_explicit(&q->top, &t, t + 1,
	        memory_order_seq_cst, memory_order_relaxed))
		return JOB_DEQUE_ABORT;
	return x;
}

/* Approximate size (any thread). */
static inline int64_t job_deque_size(job_deque *q) {
	int64_t b = atomic_load_explicit(&q->bottom, memory_order_relaxed);
	int64_t t = atomic_load_explicit(&q->top, memory_order_relaxed);
	return b > t ? b - t : 0;
}
#endif
