//go:build ignore
/* job_deque.c: the deque's slow paths (see job_deque.h). */
#include "job_deque.h"
#include <stdlib.h>

static job_array *array_new(int64_t size) {
	job_array *a = malloc(sizeof *a + (size_t)size * sizeof(void *));
	if (!a) abort();
	a->size = size;
	a->retired = NULL;
	return a;
}

int job_deque_init(job_deque *q, int64_t size) {
	atomic_init(&q->top, 0);
	atomic_init(&q->bottom, 0);
	atomic_init(&q->array, array_new(size));
	return 0;
}

void job_deque_destroy(job_deque *q) {
	job_array *a = atomic_load(&q->array);
	while (a) { job_array *r = a->retired; free(a); a = r; }
	atomic_store(&q->array, NULL);
}

/* Owner only: doubles the array, copying the live range [top, bottom). */
void job_deque_grow(job_deque *q) {
	job_array *a = atomic_load_explicit(&q->array, memory_order_relaxed);
	int64_t b = atomic_load_explicit(&q->bottom, memory_order_relaxed);
	int64_t t = atomic_load_explicit(&q->top, memory_order_relaxed);
	job_array *n = array_new(a->size * 2);
	for (int64_t i = t; i < b; i++)
		atomic_store_explicit(&n->buf[i & (n->size - 1)],
		    atomic_load_explicit(&a->buf[i & (a->size - 1)], memory_order_relaxed), memory_order_relaxed);
	n->retired = a;
	atomic_store_explicit(&q->array, n, memory_order_release);
}
